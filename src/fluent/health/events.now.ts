import { Record } from '@servicenow/sdk/core'

/**
 * Health alerts: fired by the health check (src/server/glide/health-alerts.ts) on a change or once per deadline, on
 * the connection's health row. parm1 = the finding and the fix (no secret), parm2 = the app admins (recipients).
 */
export const brokenEvent = Record({
    $id: Now.ID['event-connection-broken'],
    table: 'sysevent_register',
    data: {
        suffix: 'connection.broken',
        event_name: 'x_jira_connect.connection.broken',
        description: 'A Jira connection that worked (or was new) fails its health check.',
        table: 'x_jira_connect_connection_health',
        fired_by: 'Jira Cloud Connect health check (scheduled job, Validate all)',
        priority: 100,
    },
})

export const recoveredEvent = Record({
    $id: Now.ID['event-connection-recovered'],
    table: 'sysevent_register',
    data: {
        suffix: 'connection.recovered',
        event_name: 'x_jira_connect.connection.recovered',
        description: 'A broken Jira connection passes its health check again.',
        table: 'x_jira_connect_connection_health',
        fired_by: 'Jira Cloud Connect health check (scheduled job, Validate all)',
        priority: 100,
    },
})

export const refreshExpiringEvent = Record({
    $id: Now.ID['event-refresh-token-expiring'],
    table: 'sysevent_register',
    data: {
        suffix: 'refresh_token.expiring',
        event_name: 'x_jira_connect.refresh_token.expiring',
        description: 'An OAuth refresh token or consent expires within the warning days (once per deadline).',
        table: 'x_jira_connect_connection_health',
        fired_by: 'Jira Cloud Connect health check (scheduled job, Validate all)',
        priority: 100,
    },
})

export const apiTokenExpiringEvent = Record({
    $id: Now.ID['event-api-token-expiring'],
    table: 'sysevent_register',
    data: {
        suffix: 'api_token.expiring',
        event_name: 'x_jira_connect.api_token.expiring',
        description: 'An Atlassian API token nears its maximum age (once per token).',
        table: 'x_jira_connect_connection_health',
        fired_by: 'Jira Cloud Connect health check (scheduled job, Validate all)',
        priority: 100,
    },
})
