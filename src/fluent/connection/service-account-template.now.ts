import { AliasTemplate } from '@servicenow/sdk/core'
import { ATLASSIAN, CLOUD_ID_PLACEHOLDER } from '../../server/core/atlassian'
import { JIRA_SCOPE, SERVICE_ACCOUNT_SCOPE_RECORD } from '../../server/core/jira-scopes'
import { validateJiraConnectionAction } from '../flow/validate-connection-action.now'

/** The documentation's two scope strings (classic, granular); tests/records compare them with jira-scopes.ts. */
const CLASSIC = `${JIRA_SCOPE.manageConfiguration} ${JIRA_SCOPE.manageProject} ${JIRA_SCOPE.manageWebhook} \
${JIRA_SCOPE.readWork} ${JIRA_SCOPE.readUser} ${JIRA_SCOPE.writeWork}`
const GRANULAR = `${JIRA_SCOPE.deleteSprint} ${JIRA_SCOPE.readIssueDetails} ${JIRA_SCOPE.readJql} \
${JIRA_SCOPE.readSprint} ${JIRA_SCOPE.writeSprint} ${JIRA_SCOPE.readBoardScope} ${JIRA_SCOPE.readProject}`

/**
 * Configuration template "Jira Cloud: service account (OAuth 2.0 client credentials)", the way Atlassian recommends
 * for integrations today: the SDK's "OAuth Client Credentials" template (alias-template-guide) filled with ServiceNow's
 * Jira spoke Option 2 values (jira-setup-cc-app-reg.html). The admin gives only what the Atlassian admin console gave
 * them: the service account credential's Client ID and Client Secret, and the site's cloud id in the Connection URL.
 * Token URL, grant, scopes and profile are known and not asked. The platform creates a registry, its two scope records
 * and a default client-credentials profile per connection from `oauth_entity` below.
 */
export const jiraServiceAccountTemplate = AliasTemplate({
    $id: Now.ID['jira-service-account-template'],
    name: 'Jira Cloud: service account (OAuth 2.0 client credentials)',
    dynamicDataSchema: {
        connectionFields: [
            {
                name: 'connection.name',
                label: 'Connection Name',
                type: 'text',
                defaultValue: 'Jira Cloud Service Account Connection',
                mandatory: true,
                hint: 'A name that identifies this Jira site, e.g. "Jira Cloud acme (service account)".',
            },
            {
                name: 'connection.connection_url',
                label: 'Connection URL',
                type: 'text',
                defaultValue: `${ATLASSIAN.apiGatewayUrl}/ex/jira/${CLOUD_ID_PLACEHOLDER}`,
                mandatory: true,
                hint: "Replace <cloud-id> with your site's cloud id: open \
https://<site>.atlassian.net/_edge/tenant_info. Not sure? Enter https://<site>.atlassian.net and Validate names \
the exact URL.",
            },
        ],
        credentialFields: [
            {
                name: 'credential.oauth_entity.client_id',
                label: 'Client ID (service account OAuth 2.0 credential)',
                type: 'text',
                defaultValue: '',
                mandatory: true,
                hint: 'admin.atlassian.com > Directory > Service accounts > your service account > Create \
credentials > OAuth 2.0.',
            },
            {
                name: 'credential.oauth_entity.client_secret',
                label: 'Client Secret',
                type: 'password',
                defaultValue: '',
                mandatory: true,
                hint: 'Shown once by Atlassian when the credential is created.',
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
            name: 'Jira Cloud Service Account Credential',
            oauth_entity: {
                name: 'Jira Cloud Service Account',
                type: 'oauth_provider',
                // SA-DOC / seed doc: "Active: Select the check box" (templates get no form defaults).
                active: true,
                default_grant_type: 'client_credentials',
                client_id: '',
                client_secret: '',
                token_url: ATLASSIAN.tokenUrl,
                revoke_token_url: ATLASSIAN.tokenUrl,
                send_client_credentials_as: 'request_body_parameter',
                access_token_lifespan: ATLASSIAN.accessTokenLifespanSeconds,
                public_client: false,
                use_mutual_auth: false,
                oauth_entity_scope: [
                    {
                        name: SERVICE_ACCOUNT_SCOPE_RECORD.classic,
                        oauth_entity_scope: CLASSIC,
                    },
                    {
                        name: SERVICE_ACCOUNT_SCOPE_RECORD.granular,
                        oauth_entity_scope: GRANULAR,
                    },
                ],
                oauth_entity_profile: [
                    {
                        name: 'Jira Service Account Profile',
                        grant_type: 'client_credentials',
                        default: true,
                        // Profile scopes name the scope values, as in the SDK's template examples.
                        oauth_entity_profile_scope: [CLASSIC, GRANULAR],
                    },
                ],
            },
        },
    },
    // Save and Test in Workflow Studio runs the validator (ServiceNow docs test-alias-configuration-template).
    testAction: validateJiraConnectionAction,
})
