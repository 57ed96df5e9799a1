import { Record } from '@servicenow/sdk/core'
import { JIRA_SCOPE } from '../../server/core/jira-scopes'
import { jiraOAuthRegistry } from './registry.now'

/**
 * The fourteen OAuth entity scopes of the seed doc, each with Name = OAuth scope.
 * Each record is spelled out because Fluent is declarative (no loops); tests/records check these against
 * REQUIRED_JIRA_SCOPES.
 */
export const scopeDeleteSprint = Record({
    $id: Now.ID['scope-delete-sprint'],
    table: 'oauth_entity_scope',
    data: {
        oauth_entity: jiraOAuthRegistry,
        name: JIRA_SCOPE.deleteSprint,
        oauth_entity_scope: JIRA_SCOPE.deleteSprint,
    },
})

export const scopeManageConfiguration = Record({
    $id: Now.ID['scope-manage-configuration'],
    table: 'oauth_entity_scope',
    data: {
        oauth_entity: jiraOAuthRegistry,
        name: JIRA_SCOPE.manageConfiguration,
        oauth_entity_scope: JIRA_SCOPE.manageConfiguration,
    },
})

export const scopeManageProject = Record({
    $id: Now.ID['scope-manage-project'],
    table: 'oauth_entity_scope',
    data: {
        oauth_entity: jiraOAuthRegistry,
        name: JIRA_SCOPE.manageProject,
        oauth_entity_scope: JIRA_SCOPE.manageProject,
    },
})

export const scopeManageWebhook = Record({
    $id: Now.ID['scope-manage-webhook'],
    table: 'oauth_entity_scope',
    data: {
        oauth_entity: jiraOAuthRegistry,
        name: JIRA_SCOPE.manageWebhook,
        oauth_entity_scope: JIRA_SCOPE.manageWebhook,
    },
})

export const scopeOfflineAccess = Record({
    $id: Now.ID['scope-offline-access'],
    table: 'oauth_entity_scope',
    data: {
        oauth_entity: jiraOAuthRegistry,
        name: JIRA_SCOPE.offlineAccess,
        oauth_entity_scope: JIRA_SCOPE.offlineAccess,
    },
})

export const scopeReadIssueDetails = Record({
    $id: Now.ID['scope-read-issue-details'],
    table: 'oauth_entity_scope',
    data: {
        oauth_entity: jiraOAuthRegistry,
        name: JIRA_SCOPE.readIssueDetails,
        oauth_entity_scope: JIRA_SCOPE.readIssueDetails,
    },
})

export const scopeReadUser = Record({
    $id: Now.ID['scope-read-jira-user'],
    table: 'oauth_entity_scope',
    data: { oauth_entity: jiraOAuthRegistry, name: JIRA_SCOPE.readUser, oauth_entity_scope: JIRA_SCOPE.readUser },
})

export const scopeReadWork = Record({
    $id: Now.ID['scope-read-jira-work'],
    table: 'oauth_entity_scope',
    data: { oauth_entity: jiraOAuthRegistry, name: JIRA_SCOPE.readWork, oauth_entity_scope: JIRA_SCOPE.readWork },
})

export const scopeReadJql = Record({
    $id: Now.ID['scope-read-jql'],
    table: 'oauth_entity_scope',
    data: { oauth_entity: jiraOAuthRegistry, name: JIRA_SCOPE.readJql, oauth_entity_scope: JIRA_SCOPE.readJql },
})

export const scopeReadSprint = Record({
    $id: Now.ID['scope-read-sprint'],
    table: 'oauth_entity_scope',
    data: { oauth_entity: jiraOAuthRegistry, name: JIRA_SCOPE.readSprint, oauth_entity_scope: JIRA_SCOPE.readSprint },
})

export const scopeWriteWork = Record({
    $id: Now.ID['scope-write-jira-work'],
    table: 'oauth_entity_scope',
    data: { oauth_entity: jiraOAuthRegistry, name: JIRA_SCOPE.writeWork, oauth_entity_scope: JIRA_SCOPE.writeWork },
})

export const scopeWriteSprint = Record({
    $id: Now.ID['scope-write-sprint'],
    table: 'oauth_entity_scope',
    data: { oauth_entity: jiraOAuthRegistry, name: JIRA_SCOPE.writeSprint, oauth_entity_scope: JIRA_SCOPE.writeSprint },
})

export const scopeReadBoardScope = Record({
    $id: Now.ID['scope-read-board-scope'],
    table: 'oauth_entity_scope',
    data: {
        oauth_entity: jiraOAuthRegistry,
        name: JIRA_SCOPE.readBoardScope,
        oauth_entity_scope: JIRA_SCOPE.readBoardScope,
    },
})

export const scopeReadProject = Record({
    $id: Now.ID['scope-read-project'],
    table: 'oauth_entity_scope',
    data: { oauth_entity: jiraOAuthRegistry, name: JIRA_SCOPE.readProject, oauth_entity_scope: JIRA_SCOPE.readProject },
})
