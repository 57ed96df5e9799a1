import { Alias, Record } from '@servicenow/sdk/core'
import { jiraRetryPolicy } from './retry-policy.now'
import { jiraServiceAccountTemplate } from './service-account-template.now'

/** Connection & Credential alias "Jira" (id x_jira_connect.Jira), HTTP connection type. */
export const jiraAlias = Alias({
    $id: Now.ID['jira-alias'],
    name: 'Jira',
    type: 'connection',
    connectionType: 'httpConnection',
    multipleConnections: false,
    // Service accounts are what Atlassian recommends for integrations today; the other ways in (3LO app, scoped API
    // token,
    // classic API token) are shipped templates the admin can pick as the alias's Configuration Template.
    configurationTemplate: jiraServiceAccountTemplate,
    retryPolicy: jiraRetryPolicy,
    description:
        'Jira Cloud. Service account (recommended): Create New Connection & Credential with its OAuth 2.0 client id \
and secret, or the shipped "Jira Cloud Service Account Connection". OAuth 2.0 (3LO): the shipped "Jira Cloud OAuth \
Connection". Scoped or classic API token: pick that Configuration Template. Check any with "Validate Jira \
connection".',
})

/**
 * Connection attributes (seed doc: "Enter the value 2 for api_version. Enter the value cloud for server_type").
 * Backing table connection_attributes: model = alias, element = attribute name, default_value (OOB HttpNLUService reads
 * these). It is a var_dictionary table: the alias form's business rules fill name = var__m_connection_attributes_<alias
 * sys_id>, model_table and model_id when an admin adds an attribute, but an application install loads XML and runs no
 * business rules (ServiceNow SDK alias guide), so those fields are shipped here. Without them the alias's Connection
 * Attributes list and the connection's Attributes tab do not show the attribute (assumption A3: confirm by exporting
 * one attribute created on a dev instance). The alias sys_id is the frozen key of 'jira-alias' in generated/keys.ts
 * (Fluent takes no computed strings here; tests/records checks the two agree).
 * The defaults make every connection on the alias answer 2 / cloud until an admin sets a value.
 */
const JIRA_ALIAS_SYS_ID = '0b1daa39187e4f15860a64e8e90b9d09'
export const apiVersionAttribute = Record({
    $id: Now.ID['jira-attribute-api-version'],
    table: 'connection_attributes',
    data: {
        model: jiraAlias,
        element: 'api_version',
        name: 'var__m_connection_attributes_0b1daa39187e4f15860a64e8e90b9d09',
        model_table: 'sys_alias',
        model_id: JIRA_ALIAS_SYS_ID,
        label: 'API version',
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
        name: 'var__m_connection_attributes_0b1daa39187e4f15860a64e8e90b9d09',
        model_table: 'sys_alias',
        model_id: JIRA_ALIAS_SYS_ID,
        label: 'Server type',
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
