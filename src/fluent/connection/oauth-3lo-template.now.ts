import { AliasTemplate } from '@servicenow/sdk/core'
import { ATLASSIAN, CLOUD_ID_PLACEHOLDER } from '../../server/core/atlassian'
import { JIRA_SCOPE } from '../../server/core/jira-scopes'
import { validateJiraConnectionAction } from '../flow/validate-connection-action.now'

/** sys_id of the shipped OAuth API Script OAuthJiraCloudUtil (keys.ts 'oauth-jira-cloud-util'; checked by \
tests/records). */
const OAUTH_JIRA_CLOUD_UTIL_SYS_ID = '3a29f0a46f974720a7e79e8e86b0c49c'

/**
 * Configuration template "Jira Cloud: OAuth 2.0 (3LO) app": the SDK's "OAuth Authorization Code" template
 * (alias-template-guide) with the values of the shipped "Jira Cloud OAuth" registry (seed doc "Set up the Jira spoke
 * for Jira Cloud"; developer.atlassian.com "OAuth 2.0 (3LO) apps"). The admin gives the Client ID and Secret of their
 * Atlassian 3LO app and the cloud id; URLs, the OAuth API Script (audience, prompt=consent) and the fourteen scopes,
 * offline_access included, are known and not asked. The redirect URL is left for the instance to generate.
 */
export const jiraOAuth3loTemplate = AliasTemplate({
    $id: Now.ID['jira-oauth-3lo-template'],
    name: 'Jira Cloud: OAuth 2.0 (3LO) app',
    dynamicDataSchema: {
        connectionFields: [
            {
                name: 'connection.name',
                label: 'Connection Name',
                type: 'text',
                defaultValue: 'Jira Cloud OAuth Connection',
                mandatory: true,
                hint: 'A name that identifies this Jira site, e.g. "Jira Cloud acme (OAuth)".',
            },
            {
                name: 'connection.connection_url',
                label: 'Connection URL',
                type: 'text',
                defaultValue: `${ATLASSIAN.apiGatewayUrl}/ex/jira/${CLOUD_ID_PLACEHOLDER}`,
                mandatory: true,
                hint: "Replace <cloud-id> with your site's cloud id; after Get OAuth Token, Validate lists the \
sites the token reaches with their ids.",
            },
        ],
        credentialFields: [
            {
                name: 'credential.oauth_entity.client_id',
                label: 'Client ID (Atlassian OAuth 2.0 integration)',
                type: 'text',
                defaultValue: '',
                mandatory: true,
                hint: 'developer.atlassian.com > your app > Settings.',
            },
            {
                name: 'credential.oauth_entity.client_secret',
                label: 'Client Secret',
                type: 'password',
                defaultValue: '',
                mandatory: true,
                hint: 'developer.atlassian.com > your app > Settings. Register \
https://<instance>.service-now.com/oauth_redirect.do as its Callback URL.',
            },
        ],
    },
    defaultDataTemplate: {
        connection: {
            table: 'http_connection',
            name: '',
            connectionUrl: '',
            useMid: false,
        },
        credential: {
            table: 'oauth_2_0_credentials',
            name: 'Jira Cloud OAuth Credential',
            oauth_entity: {
                name: 'Jira Cloud OAuth',
                type: 'oauth_provider',
                // SA-DOC / seed doc: "Active: Select the check box" (templates get no form defaults).
                active: true,
                default_grant_type: 'authorization_code',
                client_id: '',
                client_secret: '',
                auth_url: ATLASSIAN.authorizeUrl,
                token_url: ATLASSIAN.tokenUrl,
                refresh_token_url: ATLASSIAN.tokenUrl,
                send_client_credentials_as: 'request_body_parameter',
                access_token_lifespan: ATLASSIAN.accessTokenLifespanSeconds,
                refresh_token_lifespan: ATLASSIAN.refreshInactivitySeconds,
                public_client: false,
                use_mutual_auth: false,
                oauth_api_script: OAUTH_JIRA_CLOUD_UTIL_SYS_ID,
                oauth_entity_scope: [
                    { name: JIRA_SCOPE.deleteSprint, oauth_entity_scope: JIRA_SCOPE.deleteSprint },
                    { name: JIRA_SCOPE.manageConfiguration, oauth_entity_scope: JIRA_SCOPE.manageConfiguration },
                    { name: JIRA_SCOPE.manageProject, oauth_entity_scope: JIRA_SCOPE.manageProject },
                    { name: JIRA_SCOPE.manageWebhook, oauth_entity_scope: JIRA_SCOPE.manageWebhook },
                    { name: JIRA_SCOPE.offlineAccess, oauth_entity_scope: JIRA_SCOPE.offlineAccess },
                    { name: JIRA_SCOPE.readIssueDetails, oauth_entity_scope: JIRA_SCOPE.readIssueDetails },
                    { name: JIRA_SCOPE.readUser, oauth_entity_scope: JIRA_SCOPE.readUser },
                    { name: JIRA_SCOPE.readWork, oauth_entity_scope: JIRA_SCOPE.readWork },
                    { name: JIRA_SCOPE.readJql, oauth_entity_scope: JIRA_SCOPE.readJql },
                    { name: JIRA_SCOPE.readSprint, oauth_entity_scope: JIRA_SCOPE.readSprint },
                    { name: JIRA_SCOPE.writeWork, oauth_entity_scope: JIRA_SCOPE.writeWork },
                    { name: JIRA_SCOPE.writeSprint, oauth_entity_scope: JIRA_SCOPE.writeSprint },
                    { name: JIRA_SCOPE.readBoardScope, oauth_entity_scope: JIRA_SCOPE.readBoardScope },
                    { name: JIRA_SCOPE.readProject, oauth_entity_scope: JIRA_SCOPE.readProject },
                ],
                oauth_entity_profile: [
                    {
                        name: 'Jira OAuth Profile',
                        grant_type: 'authorization_code',
                        default: true,
                        oauth_entity_profile_scope: [
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
                        ],
                    },
                ],
            },
        },
    },
    // Save and Test in Workflow Studio runs the validator (ServiceNow docs test-alias-configuration-template).
    testAction: validateJiraConnectionAction,
})
