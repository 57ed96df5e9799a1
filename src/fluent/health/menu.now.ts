import { Record } from '@servicenow/sdk/core'
import { jiraConnectMenu } from '../app/menu.now'

/** Connection Health: one row per connection, failing first, then the nearest expiry. */
Record({
    $id: Now.ID['module-connection-health'],
    table: 'sys_app_module',
    data: {
        title: 'Connection Health',
        application: jiraConnectMenu,
        link_type: 'LIST',
        name: 'x_jira_connect_connection_health',
        filter: 'ORDERBYverdict_rank^ORDERBYnext_expiry',
        hint: 'Every Jira connection: health, since, last success, next expiry; broken first. Validate all is here.',
        roles: ['admin', 'x_jira_connect.admin'],
        active: true,
        order: 550,
    },
})
