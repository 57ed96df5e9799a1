import { Acl } from '@servicenow/sdk/core'
import { jiraConnectAdmin } from '../app/roles.now'

/**
 * Who may see and create validation runs: x_jira_connect.admin (admin passes every ACL by default). Shipped as
 * explicit record ACLs because whether an application install creates ACLs from the table's create_access_controls
 * flag is not documented (SDK table-api: "the platform's dynamic_creation"; assumption A16). Runs are written once by
 * the validator (create) and never edited (no write ACL); admins may delete old ones.
 */
Acl({
    $id: Now.ID['acl-validation-run-read'],
    type: 'record',
    table: 'x_jira_connect_validation_run',
    operation: 'read',
    roles: [jiraConnectAdmin],
    description: 'Jira Cloud Connect admins read validation runs.',
})

Acl({
    $id: Now.ID['acl-validation-run-create'],
    type: 'record',
    table: 'x_jira_connect_validation_run',
    operation: 'create',
    roles: [jiraConnectAdmin],
    description: 'Validate Jira connection stores a run as the user who clicked it.',
})

Acl({
    $id: Now.ID['acl-validation-run-delete'],
    type: 'record',
    table: 'x_jira_connect_validation_run',
    operation: 'delete',
    roles: [jiraConnectAdmin],
    description: 'Jira Cloud Connect admins may delete old validation runs.',
})
