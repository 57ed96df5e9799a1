/* global require -- the instance gives scoped scripts require() for sys_modules (as the ATF step uses) */
;(function () {
    // Jira Cloud Connect health check: wakes hourly, checks every Jira connection when
    // x_jira_connect.health.interval_hours have passed since the last scheduled run
    // (src/server/glide/health-service.ts).
    try {
        var health = require('x_jira_connect/jira-cloud-connect/1.0.0/src/server/glide/health-service.ts')
        health.runScheduledHealthCheck()
    } catch (e) {
        gs.error('Jira Cloud Connect: the health check job could not start: ' + (e && e.message ? e.message : e))
    }
})()
