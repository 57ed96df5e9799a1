import { Acl } from '@servicenow/sdk/core'
import { jiraConnectAdmin } from '../app/roles.now'

/**
 * Who reads and writes the setup audit trail: x_jira_connect.admin reads it (who changed what is no secret: secrets are
 * recorded as "replaced"); only admin creates rows (the setup API's writes need admin) and deletes expired save locks.
 * No write ACL: rows are never edited.
 */
Acl({
    $id: Now.ID['acl-setup-change-read'],
    type: 'record',
    table: 'x_jira_connect_setup_change',
    operation: 'read',
    roles: [jiraConnectAdmin],
    description: 'Jira Cloud Connect admins read who changed the Jira connection setup.',
})

Acl({
    $id: Now.ID['acl-setup-change-create'],
    type: 'record',
    table: 'x_jira_connect_setup_change',
    operation: 'create',
    roles: ['admin'],
    description: 'The setup API records each change (and its save lock) as the admin who saved.',
})

Acl({
    $id: Now.ID['acl-setup-change-delete'],
    type: 'record',
    table: 'x_jira_connect_setup_change',
    operation: 'delete',
    roles: ['admin'],
    description: 'The setup API removes its save lock when the save ends.',
})
