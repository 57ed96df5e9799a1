import { default_view, List, Record } from '@servicenow/sdk/core'
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
        hint: 'Every Jira connection: health, since when, last success, next expiry; broken ones first. Validate all is here.',
        roles: ['admin', 'x_jira_connect.admin'],
        active: true,
        order: 550,
    },
})

List({
    table: 'x_jira_connect_connection_health',
    view: default_view,
    columns: [
        'subject_name',
        'verdict',
        'verdict_since',
        'last_success',
        'next_expiry',
        'next_expiry_what',
        'last_finding',
        'alias_name',
        'credential_name',
        'last_keep_alive',
        'last_run',
    ],
})
