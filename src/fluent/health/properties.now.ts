import { Property } from '@servicenow/sdk/core'
import { jiraConnectAdmin } from '../app/roles.now'

const access = { read: ['admin', jiraConnectAdmin], write: ['admin'] }

/** Hours between scheduled health checks (the job wakes hourly and checks when this much time has passed). */
Property({
    $id: Now.ID['property-health-interval-hours'],
    name: 'x_jira_connect.health.interval_hours',
    type: 'integer',
    value: 24,
    description: 'Hours between two scheduled Jira connection health checks (default 24: daily).',
    roles: access,
})

Property({
    $id: Now.ID['property-health-connection-budget-ms'],
    name: 'x_jira_connect.health.connection_budget_ms',
    type: 'integer',
    value: 30000,
    description: `Time budget in milliseconds for checking one connection in a health
check (default 30000, minimum 5000).`,
    roles: access,
})

Property({
    $id: Now.ID['property-health-total-budget-ms'],
    name: 'x_jira_connect.health.total_budget_ms',
    type: 'integer',
    value: 240000,
    description: `Total time budget in milliseconds of one health check; connections
left when it is spent are listed as not checked (default 240000).`,
    roles: access,
})

/**
 * Atlassian expires a refresh token after 90 days without use; each rotation restarts the 90 days. The daily check
 * refreshes an expired access token whatever the value (docs/health.md "Keep-alive"): only 0 changes anything.
 */
Property({
    $id: Now.ID['property-health-keepalive-days'],
    name: 'x_jira_connect.health.keepalive_days',
    type: 'integer',
    value: 30,
    description: `Keep-alive: 0 turns it off (an OAuth 2.0 connection whose access token has expired is then
not checked). Any other value (default 30) lets each health check refresh an expired access token through the
platform, which rotates the refresh token and restarts Atlassian's 90-day idle limit.`,
    roles: access,
})

Property({
    $id: Now.ID['property-health-refresh-warn-days'],
    name: 'x_jira_connect.health.refresh_warn_days',
    type: 'integer',
    value: 14,
    description: 'Alert this many days before a refresh token or an OAuth consent expires (default 14).',
    roles: access,
})

Property({
    $id: Now.ID['property-health-api-token-warn-days'],
    name: 'x_jira_connect.health.api_token_warn_days',
    type: 'integer',
    value: 30,
    description: 'Alert this many days before an Atlassian API token reaches its maximum age (default 30).',
    roles: access,
})

Property({
    $id: Now.ID['property-health-consent-max-days'],
    name: 'x_jira_connect.health.consent_max_days',
    type: 'integer',
    value: 365,
    description: "Atlassian's absolute limit on an OAuth consent in days (about 365; 0 turns this warning off).",
    roles: access,
})

Property({
    $id: Now.ID['property-health-api-token-max-days'],
    name: 'x_jira_connect.health.api_token_max_days',
    type: 'integer',
    value: 365,
    description: 'Maximum age of an Atlassian API token in days (Atlassian: at most one year).',
    roles: access,
})

/** Who receives the health alerts (README "When the app alerts"). */
Property({
    $id: Now.ID['property-health-alert-group'],
    name: 'x_jira_connect.health.alert_group',
    type: 'string',
    value: '',
    description: `Name of the user group whose active members receive the Jira connection
health alerts. Empty (default): the users holding x_jira_connect.admin, or the users holding admin when no one holds
that role.`,
    roles: access,
})

/** Permission calls cost rate-limit points: the capability round runs at most this often per connection. */
Property({
    $id: Now.ID['property-health-capability-interval-hours'],
    name: 'x_jira_connect.health.capability_interval_hours',
    type: 'integer',
    value: 24,
    description: `Hours between two capability rounds (permissions, required fields, agile probe) of one
connection in the health check (default 24); in between the last result is shown with its age.`,
    roles: access,
})
