import { Role } from '@servicenow/sdk/core'

/** Admins of Jira Cloud Connect: see the menu, run "Validate Jira connection", read validation runs. */
export const jiraConnectAdmin = Role({
    name: 'x_jira_connect.admin',
    description: 'Administers Jira Cloud Connect: validates the Jira connection and reads validation runs.',
    grantable: true,
    canDelegate: false,
})
