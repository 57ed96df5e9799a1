import { Alias, Record } from '@servicenow/sdk/core'
import { jiraServiceAccountTemplate } from './service-account-template.now'

/** Connection & Credential alias "Jira" (id x_jira_connect.Jira), HTTP connection type. */
export const jiraAlias = Alias({
    $id: Now.ID['jira-alias'],
    name: 'Jira',
    type: 'connection',
    connectionType: 'httpConnection',
    multipleConnections: false,
    // Service accounts are what Atlassian recommends for integrations today; the other ways in (3LO app, scoped API token,
    // classic API token) are shipped templates the admin can pick as the alias's Configuration Template.
    configurationTemplate: jiraServiceAccountTemplate,
    description:
        'Jira Cloud. Service account (recommended): Create New Connection & Credential with its OAuth 2.0 client id and secret, or the shipped "Jira Cloud Service Account Connection". OAuth 2.0 (3LO): the shipped "Jira Cloud OAuth Connection". Scoped or classic API token: pick that Configuration Template. Check any with "Validate Jira connection".',
})

/**
 * Connection attributes (seed doc: "Enter the value 2 for api_version. Enter the value cloud for server_type").
 * Backing table connection_attributes: model = alias, element = attribute name, default_value (platform assumption A3
 * in the README). The defaults make every connection on the alias answer 2 / cloud until an admin sets a value.
 */
export const apiVersionAttribute = Record({
    $id: Now.ID['jira-attribute-api-version'],
    table: 'connection_attributes',
    data: {
        model: jiraAlias,
        element: 'api_version',
        column_label: 'API version',
        internal_type: 'string',
        max_length: 40,
        default_value: '2',
        active: true,
        mandatory: true,
        order: 100,
        comments: 'Jira REST API version used by the integration: 2 or 3.',
    },
})

export const serverTypeAttribute = Record({
    $id: Now.ID['jira-attribute-server-type'],
    table: 'connection_attributes',
    data: {
        model: jiraAlias,
        element: 'server_type',
        column_label: 'Server type',
        internal_type: 'string',
        max_length: 40,
        default_value: 'cloud',
        active: true,
        mandatory: true,
        order: 200,
        comments: 'cloud for Jira Cloud (server is Jira Data Center, not supported by this app).',
    },
})
