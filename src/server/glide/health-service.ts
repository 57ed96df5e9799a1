/**
 * Wires the health check core to the Glide adapters. Entry points: the scheduled job (runs hourly and does the work
 * when the interval property says a check is due), "Validate all" (UI actions) and scripts. Never throws: an
 * unexpected platform error is logged (sanitised) and reported as a failed run.
 */
import { gs } from '@servicenow/glide'
import type { HealthSubject } from '../core/health/model'
import { inventory, runHealthCheck, type HealthRunResult, type HealthTrigger } from '../core/health/runner'
import { healthSettings } from '../core/health/settings'
import { safeText } from '../core/sanitize'
import { GlideConfigReader } from './config-reader'
import { GlideAlerts } from './health-alerts'
import { GlideClock, fromGlideDateTime } from './health-clock'
import { GlideHealthInventory } from './health-inventory'
import { GlideHealthStore } from './health-store'
import { GlideTokenStore } from './oauth-tokens'
import { newRecord, str } from './records'
import { GlideRestHttp } from './rest-http'
import { RUN_TABLE, saveRun } from './run-store'

/** A scheduled run starts when the last one is at least the interval old, less this slack (hourly job drift). */
const DUE_SLACK_MS = 10 * 60000

export interface HealthRunOutcome {
    ok: boolean
    result: HealthRunResult | null
    runSysId: string | null
    message: string
}

/** What the health check covers now (the setup page lists them). */
export function healthSubjects(): HealthSubject[] {
    return inventory({ config: new GlideConfigReader(), inventory: new GlideHealthInventory() })
}

/** Runs the health check now: every subject, or only the one with sys_id `onlySysId` (per-row Validate). */
export function runHealthCheckNow(trigger: HealthTrigger, onlySysId: string | null = null): HealthRunOutcome {
    const store = new GlideHealthStore()
    let runSysId: string | null = null
    try {
        const result = runHealthCheck(
            {
                config: new GlideConfigReader(),
                tokens: new GlideTokenStore(),
                http: new GlideRestHttp(),
                clock: new GlideClock(),
                inventory: new GlideHealthInventory(),
                health: store,
                alerts: new GlideAlerts(store),
            },
            trigger,
            {
                saveRun: (report, t, notChecked) => {
                    runSysId = saveRun(report, t, notChecked)
                    return runSysId || ''
                },
            },
            onlySysId
        )
        const n = result.outcomes.length
        const broken = result.outcomes.filter((o) => o.state.verdict === 'broken').length
        const plural = (count: number, word: string, suffix = 's') => `${count} ${word}${count === 1 ? '' : suffix}`
        const notChecked = result.notChecked.map((x) => `"${x.name}"`).join(', ')
        const message =
            `Checked ${n - result.notChecked.length} of ${plural(n, 'Jira connection')}: ${broken} broken; ` +
            `${plural(result.calls, 'call')} to Atlassian (${result.shared} shared), ` +
            `${plural(result.keptAlive, 'keep-alive refresh', 'es')}, ${plural(result.alerts.length, 'alert')}.` +
            (notChecked ? ` Not checked: ${notChecked} (time budget spent).` : '')
        gs.info(`Jira Cloud Connect health (${trigger}): ${message}`)
        return { ok: true, result, runSysId, message }
    } catch (e) {
        gs.error(
            `Jira Cloud Connect: health check error: ${safeText(String((e as { stack?: string })?.stack || e), 2000)}`
        )
        return {
            ok: false,
            result: null,
            runSysId,
            message:
                'The health check stopped on an unexpected platform error: ' +
                `${safeText(String((e as { message?: string })?.message || e), 160)}. See the system log.`,
        }
    }
}

/** The scheduled job's entry point: runs the check when the interval since the last scheduled run has passed. */
export function runScheduledHealthCheck(): HealthRunOutcome | null {
    const settings = healthSettings(new GlideConfigReader())
    const last = lastScheduledRunMs()
    const now = new GlideClock().nowMs()
    if (last !== null && now - last < settings.intervalHours * 3600000 - DUE_SLACK_MS) return null
    return runHealthCheckNow('scheduled')
}

function lastScheduledRunMs(): number | null {
    const row = newRecord(RUN_TABLE)
    row.addQuery('trigger', 'scheduled')
    row.orderByDesc('sys_created_on')
    row.setLimit(1)
    row.query()
    return row.next() ? fromGlideDateTime(str(row, 'sys_created_on')) : null
}
