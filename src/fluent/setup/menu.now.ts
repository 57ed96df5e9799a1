import { Record } from '@servicenow/sdk/core'
import { jiraConnectMenu } from '../app/menu.now'

/** "Setup" opens the setup assistant page (link type URL: the page's endpoint). First in the menu. */
Record({
    $id: Now.ID['module-setup'],
    table: 'sys_app_module',
    data: {
        title: 'Setup',
        application: jiraConnectMenu,
        link_type: 'DIRECT',
        query: 'x_jira_connect_setup.do',
        hint: 'Connect to Jira Cloud step by step: Atlassian app, credentials, token, site, validation',
        roles: ['admin', 'x_jira_connect.admin'],
        active: true,
        order: 50,
    },
})

/** The health of every Jira connection (the setup page's second view). */
Record({
    $id: Now.ID['module-health'],
    table: 'sys_app_module',
    data: {
        title: 'Setup: Connection Health',
        application: jiraConnectMenu,
        link_type: 'DIRECT',
        query: 'x_jira_connect_setup.do?view=health',
        hint: 'Every Jira connection: last verdict, last success, Validate per row or all',
        roles: ['admin', 'x_jira_connect.admin'],
        active: true,
        order: 60,
    },
})

/** The setup audit trail: who changed which record's which field, when (x_jira_connect_setup_change). */
Record({
    $id: Now.ID['module-setup-changes'],
    table: 'sys_app_module',
    data: {
        title: 'Setup: Change History',
        application: jiraConnectMenu,
        link_type: 'LIST',
        name: 'x_jira_connect_setup_change',
        filter: 'kind=change^ORDERBYDESCsys_created_on',
        hint: 'Who changed which Jira connection record and field through the setup page, when, old and new value',
        roles: ['admin', 'x_jira_connect.admin'],
        active: true,
        order: 70,
    },
})
