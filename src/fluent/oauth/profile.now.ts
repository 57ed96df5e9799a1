import { Record } from '@servicenow/sdk/core'
import { jiraOAuthRegistry } from './registry.now'
import {
    scopeDeleteSprint,
    scopeManageConfiguration,
    scopeManageProject,
    scopeManageWebhook,
    scopeOfflineAccess,
    scopeReadIssueDetails,
    scopeReadUser,
    scopeReadWork,
    scopeReadJql,
    scopeReadSprint,
    scopeWriteWork,
    scopeWriteSprint,
    scopeReadBoardScope,
    scopeReadProject,
} from './scopes.now'

/** The registry's default profile (seed doc: "open the default record. For example, Jira OAuth Profile"). */
export const jiraOAuthProfile = Record({
    $id: Now.ID['jira-oauth-profile'],
    table: 'oauth_entity_profile',
    data: {
        name: 'Jira OAuth Profile',
        oauth_entity: jiraOAuthRegistry,
        grant_type: 'authorization_code',
        default: true,
    },
})

/** OAuth Entity Profile Scopes: the same fourteen scopes on the profile (seed doc). */
Record({
    $id: Now.ID['profile-scope-delete-sprint'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeDeleteSprint },
})

Record({
    $id: Now.ID['profile-scope-manage-configuration'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeManageConfiguration },
})

Record({
    $id: Now.ID['profile-scope-manage-project'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeManageProject },
})

Record({
    $id: Now.ID['profile-scope-manage-webhook'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeManageWebhook },
})

Record({
    $id: Now.ID['profile-scope-offline-access'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeOfflineAccess },
})

Record({
    $id: Now.ID['profile-scope-read-issue-details'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeReadIssueDetails },
})

Record({
    $id: Now.ID['profile-scope-read-jira-user'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeReadUser },
})

Record({
    $id: Now.ID['profile-scope-read-jira-work'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeReadWork },
})

Record({
    $id: Now.ID['profile-scope-read-jql'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeReadJql },
})

Record({
    $id: Now.ID['profile-scope-read-sprint'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeReadSprint },
})

Record({
    $id: Now.ID['profile-scope-write-jira-work'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeWriteWork },
})

Record({
    $id: Now.ID['profile-scope-write-sprint'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeWriteSprint },
})

Record({
    $id: Now.ID['profile-scope-read-board-scope'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeReadBoardScope },
})

Record({
    $id: Now.ID['profile-scope-read-project'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraOAuthProfile, oauth_entity_scope: scopeReadProject },
})
