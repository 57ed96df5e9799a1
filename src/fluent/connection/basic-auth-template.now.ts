import { AliasTemplate } from '@servicenow/sdk/core'

/**
 * Configuration template behind "Create New Connection & Credential" on the Jira alias: the basic-auth route of the
 * seed doc ("Option 1: Using basic authentication": Connection Name, Connection URL https://<site>.atlassian.net,
 * User name = the Atlassian account email, API Key = the API token). The token is a password field and has no default.
 */
export const jiraBasicAuthTemplate = AliasTemplate({
    $id: Now.ID['jira-basic-auth-template'],
    name: 'Jira Cloud: email and API token',
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
                hint: 'Create one at id.atlassian.com > Security > Create and manage API tokens. Your account password \
does not work.',
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
})
