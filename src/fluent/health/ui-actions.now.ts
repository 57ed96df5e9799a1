import { UiAction } from '@servicenow/sdk/core'
import { validateAllFromAlias, validateAllFromList } from '../../server/ui-actions/validate-all'

/** "Validate all" on the Connection Health list: the health check, now. */
UiAction({
    $id: Now.ID['validate-all-health-list'],
    table: 'x_jira_connect_connection_health',
    name: 'Validate all',
    actionName: 'x_jira_connect_validate_all',
    active: true,
    hint: 'Runs the connection health check now on every Jira connection (as the scheduled job does).',
    condition: "gs.hasRole('admin') || gs.hasRole('x_jira_connect.admin')",
    list: { showBannerButton: true, showButton: false, showContextMenu: false, style: 'primary' },
    roles: ['admin', 'x_jira_connect.admin'],
    order: 100,
    script: validateAllFromList,
})

/** "Validate all" on the Jira alias form (and its child aliases). */
UiAction({
    $id: Now.ID['validate-all-jira-alias'],
    table: 'sys_alias',
    name: 'Validate all Jira connections',
    actionName: 'x_jira_connect_validate_all',
    active: true,
    showInsert: false,
    showUpdate: true,
    hint: 'Runs the connection health check now on every Jira connection, child aliases included.',
    condition: `(gs.hasRole('admin') || gs.hasRole('x_jira_connect.admin')) &&
        (current.id == 'x_jira_connect.Jira' || current.parent.id == 'x_jira_connect.Jira')`,
    form: { showButton: true, showLink: false, showContextMenu: true, style: 'primary' },
    roles: ['admin', 'x_jira_connect.admin'],
    order: 210,
    script: validateAllFromAlias,
})
