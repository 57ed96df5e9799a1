import { Acl } from '@servicenow/sdk/core'
import { jiraConnectAdmin } from '../app/roles.now'

/**
 * Who may use the setup assistant: admin and x_jira_connect.admin. The REST API enforces this ACL (enforceAcl) and its
 * scripts check the roles again; the UI page ACL keeps the page itself from other users.
 * Source: ServiceNow docs "Access control list rules" (types rest_endpoint and ui_page; a ui_page ACL is named after
 * the page's endpoint without .do [I]).
 */
export const setupApiAcl = Acl({
    $id: Now.ID['setup-api-acl'],
    name: 'Jira Cloud Connect setup',
    type: 'rest_endpoint',
    operation: 'execute',
    roles: ['admin', jiraConnectAdmin],
    description: 'The Jira Cloud Connect setup API: admin and x_jira_connect.admin only.',
})

/**
 * Who may change the integration through the setup API: admin only (issue 16). Every resource that writes (client id
 * and secret, site, API token, service account, another site, make live, switch back) enforces this ACL, and its
 * script checks gs.hasRole('admin') again (src/server/rest/setup-api.ts). x_jira_connect.admin keeps the read,
 * validate and health resources (setupApiAcl).
 */
export const setupWriteAcl = Acl({
    $id: Now.ID['setup-api-write-acl'],
    name: 'Jira Cloud Connect setup: change',
    type: 'rest_endpoint',
    operation: 'execute',
    roles: ['admin'],
    description: 'Changing the Jira connection through the setup API: admin only.',
})

Acl({
    $id: Now.ID['setup-page-acl'],
    name: 'x_jira_connect_setup',
    type: 'ui_page',
    operation: 'read',
    roles: ['admin', jiraConnectAdmin],
    description: 'The Jira Cloud Connect setup page: admin and x_jira_connect.admin only.',
})
