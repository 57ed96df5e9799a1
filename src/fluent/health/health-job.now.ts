import { ScheduledScript } from '@servicenow/sdk/core'

/**
 * The health check job. It runs every hour and checks when x_jira_connect.health.interval_hours (default 24) have
 * passed since the last scheduled run, so the interval is a property an admin changes without editing the job.
 */
ScheduledScript({
    $id: Now.ID['job-health-check'],
    name: 'Jira Cloud Connect: connection health check',
    active: true,
    frequency: 'periodically',
    executionInterval: Duration({ hours: 1 }),
    executionStart: '2025-01-01 00:00:00',
    script: Now.include('./health-job.server.js'),
})
