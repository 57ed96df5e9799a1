import { Record } from '@servicenow/sdk/core'
import { ATLASSIAN } from '../../server/core/atlassian'
import { JIRA_SCOPE, SERVICE_ACCOUNT_SCOPE_RECORD } from '../../server/core/jira-scopes'

/**
 * Application registry "Jira Cloud Service Account": ServiceNow's Jira spoke "Option 2: Using OAuth authentication
 * (Client Credentials grant type)", "Create an application registry record"
 * (https://www.servicenow.com/docs/r/integrate-applications/integration-hub/jira-setup-cc-app-reg.html):
 * Connect to a third party OAuth Provider, Default Grant type Client Credentials, Token URL and Token Revocation URL
 * https://auth.atlassian.com/oauth/token, Active. No Authorization URL, Refresh Token URL or redirect: the grant has
 * neither a browser step nor a refresh token. Client ID and Client Secret are absent (never shipped, never
 * overwritten on upgrade): they come from the Atlassian service account's OAuth 2.0 credential.
 */
export const jiraServiceAccountRegistry = Record({
    $id: Now.ID['jira-service-account-registry'],
    table: 'oauth_entity',
    data: {
        name: 'Jira Cloud Service Account',
        type: 'oauth_provider',
        active: true,
        default_grant_type: 'client_credentials',
        token_url: ATLASSIAN.tokenUrl,
        revoke_token_url: ATLASSIAN.tokenUrl,
        // Atlassian's service-account token request posts client_id and client_secret in the body.
        send_client_credentials_as: 'request_body_parameter',
        // "valid for 60 minutes" (Create OAuth 2.0 credential for service accounts, support.atlassian.com).
        access_token_lifespan: ATLASSIAN.accessTokenLifespanSeconds,
        public_client: false,
        use_mutual_auth: false,
        comments:
            'Shipped by Jira Cloud Connect. Paste the Client ID and Client Secret of your Atlassian service \
account OAuth 2.0 credential (admin.atlassian.com > Directory > Service accounts), then use Get OAuth Token on the \
"Jira Cloud Service Account Credential".',
    },
})

/** OAuth Entity Scopes: the documentation's two records, each a space-separated list (no offline_access). */
export const serviceAccountClassicScopes = Record({
    $id: Now.ID['service-account-scope-classic'],
    table: 'oauth_entity_scope',
    data: {
        oauth_entity: jiraServiceAccountRegistry,
        name: SERVICE_ACCOUNT_SCOPE_RECORD.classic,
        oauth_entity_scope: `${JIRA_SCOPE.manageConfiguration} ${JIRA_SCOPE.manageProject} \
${JIRA_SCOPE.manageWebhook} ${JIRA_SCOPE.readWork} ${JIRA_SCOPE.readUser} ${JIRA_SCOPE.writeWork}`,
    },
})

export const serviceAccountGranularScopes = Record({
    $id: Now.ID['service-account-scope-granular'],
    table: 'oauth_entity_scope',
    data: {
        oauth_entity: jiraServiceAccountRegistry,
        name: SERVICE_ACCOUNT_SCOPE_RECORD.granular,
        oauth_entity_scope: `${JIRA_SCOPE.deleteSprint} ${JIRA_SCOPE.readIssueDetails} ${JIRA_SCOPE.readJql} \
${JIRA_SCOPE.readSprint} ${JIRA_SCOPE.writeSprint} ${JIRA_SCOPE.readBoardScope} ${JIRA_SCOPE.readProject}`,
    },
})

/**
 * The registry's default profile ("open the default profile record. Verify ... Grant type is set to Client
 * Credentials" and both scope records are in OAuth Entity Profile Scopes). Shipped explicitly: assumption A1 in the
 * README (an update-XML install does not auto-create a second default profile).
 */
export const jiraServiceAccountProfile = Record({
    $id: Now.ID['jira-service-account-profile'],
    table: 'oauth_entity_profile',
    data: {
        name: 'Jira Service Account Profile',
        oauth_entity: jiraServiceAccountRegistry,
        grant_type: 'client_credentials',
        default: true,
    },
})

Record({
    $id: Now.ID['service-account-profile-scope-classic'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraServiceAccountProfile, oauth_entity_scope: serviceAccountClassicScopes },
})

Record({
    $id: Now.ID['service-account-profile-scope-granular'],
    table: 'oauth_entity_profile_scope',
    data: { oauth_entity_profile: jiraServiceAccountProfile, oauth_entity_scope: serviceAccountGranularScopes },
})
