import { AliasTemplate } from '@servicenow/sdk/core'
import { validateJiraConnectionAction } from '../flow/validate-connection-action.now'

/**
 * Legacy configuration template: the basic-auth route of the seed doc ("Option 1: Using basic authentication":
 * Connection Name, Connection URL https://<site>.atlassian.net, User name = the Atlassian account email, API Key = the
 * API token). Kept for existing set-ups only: Atlassian caps API tokens at one year and steers integrations to service
 * accounts (https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/), and
 * ServiceNow removed the API-token instructions from the Jira spoke docs from the Australia release on.
 * The token is a password field and has no default.
 */
export const jiraBasicAuthTemplate = AliasTemplate({
    $id: Now.ID['jira-basic-auth-template'],
    name: 'Jira Cloud: email and classic API token (legacy)',
    dynamicDataSchema: {
        connectionFields: [
            {
                name: 'connection.name',
                label: 'Connection Name',
                type: 'text',
                defaultValue: 'Jira Cloud Basic Connection',
                mandatory: true,
                hint: 'A name that identifies this Jira site, e.g. "Jira Cloud acme".',
            },
            {
                name: 'connection.connection_url',
                label: 'Connection URL',
                type: 'text',
                defaultValue: 'https://<site>.atlassian.net',
                mandatory: true,
                hint: 'Your Jira site, https://<site>.atlassian.net, with no path and no trailing slash.',
            },
        ],
        credentialFields: [
            {
                name: 'credential.user_name',
                label: 'User name (Atlassian account email)',
                type: 'text',
                defaultValue: '',
                mandatory: true,
                hint: 'The email address of the Atlassian account that owns the API token.',
            },
            {
                name: 'credential.password',
                label: 'API Key (Atlassian API token)',
                type: 'password',
                defaultValue: '',
                mandatory: true,
                hint: 'Legacy: classic API tokens expire within a year; prefer a service account. id.atlassian.com > \
Security > API tokens. Your password does not work.',
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
            name: 'Jira Cloud Basic Credential',
            user_name: '',
            password: '',
        },
    },
    // Save and Test in Workflow Studio runs the validator (ServiceNow docs test-alias-configuration-template).
    testAction: validateJiraConnectionAction,
})
