/**
 * The fourteen OAuth scopes ServiceNow needs from Atlassian for Jira Cloud.
 * Source: ServiceNow docs "Set up the Jira spoke for Jira Cloud", table "In the OAuth Entity Scopes tab, create these
 * entity scope records" (seed 000_e8fcbae687a7f34d). The scope records (src/fluent/oauth/scopes.now.ts) and the
 * validator both read these constants, so this is the one place to change the list.
 * (Fluent resolves property access on an imported const at build time, not array indexing or map(): hence the object.)
 */
export const JIRA_SCOPE = {
    deleteSprint: 'delete:sprint:jira-software',
    manageConfiguration: 'manage:jira-configuration',
    manageProject: 'manage:jira-project',
    manageWebhook: 'manage:jira-webhook',
    offlineAccess: 'offline_access',
    readIssueDetails: 'read:issue-details:jira',
    readUser: 'read:jira-user',
    readWork: 'read:jira-work',
    readJql: 'read:jql:jira',
    readSprint: 'read:sprint:jira-software',
    writeWork: 'write:jira-work',
    writeSprint: 'write:sprint:jira-software',
    readBoardScope: 'read:board-scope:jira-software',
    readProject: 'read:project:jira',
} as const

export type JiraScope = (typeof JIRA_SCOPE)[keyof typeof JIRA_SCOPE]

/** In the order of the documentation's table. */
export const REQUIRED_JIRA_SCOPES: readonly JiraScope[] = [
    JIRA_SCOPE.deleteSprint,
    JIRA_SCOPE.manageConfiguration,
    JIRA_SCOPE.manageProject,
    JIRA_SCOPE.manageWebhook,
    JIRA_SCOPE.offlineAccess,
    JIRA_SCOPE.readIssueDetails,
    JIRA_SCOPE.readUser,
    JIRA_SCOPE.readWork,
    JIRA_SCOPE.readJql,
    JIRA_SCOPE.readSprint,
    JIRA_SCOPE.writeWork,
    JIRA_SCOPE.writeSprint,
    JIRA_SCOPE.readBoardScope,
    JIRA_SCOPE.readProject,
]

/**
 * Service accounts (OAuth 2.0 client credentials): ServiceNow's Jira spoke "Option 2: Using OAuth authentication
 * (Client Credentials grant type)", "Create an application registry record", table "In the OAuth Entity Scopes tab,
 * create these entity scope records": two records, each holding a space-separated list
 * (https://www.servicenow.com/docs/r/integrate-applications/integration-hub/jira-setup-cc-app-reg.html).
 * No offline_access: the client-credentials grant issues no refresh token. The same lists are what the Atlassian admin
 * picks under "Select scopes" when creating the service account's OAuth 2.0 credential
 * (https://support.atlassian.com/user-management/docs/create-oauth-2-0-credential-for-service-accounts).
 */
export const CLASSIC_JIRA_SCOPES: readonly JiraScope[] = [
    JIRA_SCOPE.manageConfiguration,
    JIRA_SCOPE.manageProject,
    JIRA_SCOPE.manageWebhook,
    JIRA_SCOPE.readWork,
    JIRA_SCOPE.readUser,
    JIRA_SCOPE.writeWork,
]

export const GRANULAR_JIRA_SCOPES: readonly JiraScope[] = [
    JIRA_SCOPE.deleteSprint,
    JIRA_SCOPE.readIssueDetails,
    JIRA_SCOPE.readJql,
    JIRA_SCOPE.readSprint,
    JIRA_SCOPE.writeSprint,
    JIRA_SCOPE.readBoardScope,
    JIRA_SCOPE.readProject,
]

/** The thirteen scopes a service account's credential needs: classic then granular, in the documentation's order. */
export const SERVICE_ACCOUNT_SCOPES: readonly JiraScope[] = [...CLASSIC_JIRA_SCOPES, ...GRANULAR_JIRA_SCOPES]

/** Names of the two OAuth Entity Scope records of the service-account registry (the documentation's Name column). */
export const SERVICE_ACCOUNT_SCOPE_RECORD = {
    classic: 'Classic scopes',
    granular: 'Granular Scopes',
} as const
