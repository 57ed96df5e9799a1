import { AliasTemplate } from '@servicenow/sdk/core'
import { ATLASSIAN, CLOUD_ID_PLACEHOLDER } from '../../server/core/atlassian'
import { validateJiraConnectionAction } from '../flow/validate-connection-action.now'

/**
 * Configuration template "Jira Cloud: scoped API token (through api.atlassian.com)": ServiceNow's Jira spoke Option 4
 * (Zurich, "scoped API token": Basic Auth Credentials with User name = email and API Key = the token, connection
 * https://api.atlassian.com/ex/jira/<Cloud-ID>). Atlassian: scoped API tokens are called through the API gateway,
 * not the site URL
 * (https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/);
 * service accounts can only create scoped tokens. The token is a password field and has no default.
 */
export const jiraScopedTokenTemplate = AliasTemplate({
    $id: Now.ID['jira-scoped-token-template'],
    name: 'Jira Cloud: scoped API token (api.atlassian.com)',
    dynamicDataSchema: {
        connectionFields: [
            {
                name: 'connection.name',
                label: 'Connection Name',
                type: 'text',
                defaultValue: 'Jira Cloud Scoped Token Connection',
                mandatory: true,
                hint: 'A name that identifies this Jira site, e.g. "Jira Cloud acme (scoped token)".',
            },
            {
                name: 'connection.connection_url',
                label: 'Connection URL',
                type: 'text',
                defaultValue: `${ATLASSIAN.apiGatewayUrl}/ex/jira/${CLOUD_ID_PLACEHOLDER}`,
                mandatory: true,
                hint: "Scoped tokens work only through the API gateway: replace <cloud-id> with your site's cloud \
id (https://<site>.atlassian.net/_edge/tenant_info).",
            },
        ],
        credentialFields: [
            {
                name: 'credential.user_name',
                label: 'User name (email of the account or service account)',
                type: 'text',
                defaultValue: '',
                mandatory: true,
                hint: "The email address of the Atlassian account, or the service account's email, that owns the \
token.",
            },
            {
                name: 'credential.password',
                label: 'API Key (scoped API token)',
                type: 'password',
                defaultValue: '',
                mandatory: true,
                hint: 'Create it with "Create API token with scopes", app Jira, and the scopes your flows need.',
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
            table: 'basic_auth_credentials',
            name: 'Jira Cloud Scoped Token Credential',
            user_name: '',
            password: '',
        },
    },
    // Save and Test in Workflow Studio runs the validator (ServiceNow docs test-alias-configuration-template).
    testAction: validateJiraConnectionAction,
})
