/**
 * Wires the health check core to the Glide adapters. Entry points: the scheduled job (runs hourly and does the work
 * when the interval property says a check is due), "Validate all" (UI actions) and scripts. Never throws: an
 * unexpected platform error is logged (sanitised) and reported as a failed run.
 */
import { gs } from '@servicenow/glide'
import type { HealthSubject } from '../core/health/model'
import {
    inventory,
    runHealthCheck,
    type HealthRunResult,
    type HealthTrigger,
    type RefusedCode,
} from '../core/health/runner'
import { healthSettings } from '../core/health/settings'
import { safeText } from '../core/sanitize'
import { GlideConfigReader } from './config-reader'
import { GlideAlerts } from './health-alerts'
import { GlideClock, fromGlideDateTime } from './health-clock'
import { GlideRealPathReader } from './real-path-reader'
import { GlideSpokeInboundReader } from './spoke-inbound-reader'
import { GlideHealthInventory } from './health-inventory'
import { GlideRunLock } from './health-lock'
import { GlideHealthStore } from './health-store'
import { GlideTokenStore } from './oauth-tokens'
import { clearTruncatedLists, newRecord, str } from './records'
import { GlideRestHttp } from './rest-http'
import { RUN_TABLE, saveRun } from './run-store'

/** A scheduled run starts when the last one is at least the interval old, less this slack (hourly job drift). */
const DUE_SLACK_MS = 10 * 60000

export interface HealthRunOutcome {
    ok: boolean
    /** Why a refused run changed nothing (403: role, 409: another run), or null. */
    refusedCode: RefusedCode | null
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
    clearTruncatedLists()
    try {
        const result = runHealthCheck(
            {
                config: new GlideConfigReader(),
                tokens: new GlideTokenStore(),
                http: new GlideRestHttp(),
                clock: new GlideClock(),
                realPath: new GlideRealPathReader(), // MID path, spoke version, template: no deprecation scan
                spokeInbound: new GlideSpokeInboundReader(),
                inventory: new GlideHealthInventory(),
                health: store,
                alerts: new GlideAlerts(store),
                lock: new GlideRunLock(),
            },
            trigger,
            {
                saveRun: (report, t, notChecked) => {
                    runSysId = saveRun(report, t, notChecked)
                    return runSysId || ''
                },
            },
            { onlySysId, runBy: trigger === 'scheduled' ? 'the scheduled job' : `user "${gs.getUserName()}"` }
        )
        if (result.refused) {
            gs.warn(`Jira Cloud Connect health (${trigger}): ${result.refused}`)
            return { ok: false, refusedCode: result.refusedCode, result, runSysId: null, message: result.refused }
        }
        const message = runMessage(result)
        gs.info(`Jira Cloud Connect health (${trigger}): ${message}`)
        return { ok: true, refusedCode: null, result, runSysId, message }
    } catch (e) {
        gs.error(
            `Jira Cloud Connect: health check error: ${safeText(String((e as { stack?: string })?.stack || e), 2000)}`
        )
        return {
            ok: false,
            refusedCode: null,
            result: null,
            runSysId,
            message:
                'The health check stopped on an unexpected platform error: ' +
                `${safeText(String((e as { message?: string })?.message || e), 160)}. See the system log.`,
        }
    }
}

/** One line for the admin: what was checked, what is broken, calls, keep-alive, alerts, and what was not checked. */
function runMessage(result: HealthRunResult): string {
    const n = result.outcomes.length
    const count = (v: string) => result.outcomes.filter((o) => o.state.verdict === v).length
    const plural = (k: number, word: string, suffix = 's') => `${k} ${word}${k === 1 ? '' : suffix}`
    const unproven = result.outcomes.filter((o) => o.checked && o.state.notCheckedReason)
    const notChecked = [
        ...result.notChecked.map((x) => `"${x.name}" (time budget spent)`),
        ...unproven.map((o) => `"${o.subject.name}" (${o.state.notCheckedReason.replace(/^Not checked: /, '')})`),
    ].join('; ')
    return (
        `Checked ${n - result.notChecked.length - unproven.length} of ${plural(n, 'Jira connection')}: ` +
        `${count('broken')} broken, ${count('not_configured')} not configured; ` +
        `${plural(result.calls, 'call')} to Atlassian (${result.shared} shared), ` +
        `${plural(result.keptAlive, 'keep-alive refresh', 'es')}, ${plural(result.alerts.length, 'alert')}.` +
        (notChecked ? ` Not checked: ${notChecked}.` : '')
    )
}

/**
 * The scheduled job's entry point: runs the check when the interval since the last scheduled run has passed, or a
 * day after a failed keep-alive refresh when the interval is longer (a failed refresh is tried again within a day).
 * A last run stamped in the future (the clock was set back) does not hold the schedule: it counts as due.
 */
export function runScheduledHealthCheck(): HealthRunOutcome | null {
    const settings = healthSettings(new GlideConfigReader())
    const last = lastScheduledRunMs()
    const now = new GlideClock().nowMs()
    if (!scheduledRunDue(now, last, settings.intervalHours, keepAliveFailing())) return null
    return runHealthCheckNow('scheduled')
}

export function scheduledRunDue(
    nowMs: number,
    lastMs: number | null,
    intervalHours: number,
    keepAliveFailed: boolean
): boolean {
    if (lastMs === null || lastMs > nowMs + DUE_SLACK_MS) return true
    const hours = keepAliveFailed ? Math.min(intervalHours, 24) : intervalHours
    return nowMs - lastMs >= hours * 3600000 - DUE_SLACK_MS
}

function keepAliveFailing(): boolean {
    return new GlideHealthStore()
        .all()
        .some((h) => h.verdict !== 'no_longer_checked' && h.keepAliveResult !== '' && h.keepAliveResult !== 'ok')
}

function lastScheduledRunMs(): number | null {
    const row = newRecord(RUN_TABLE)
    row.addQuery('trigger', 'scheduled')
    row.orderByDesc('sys_created_on')
    row.setLimit(1)
    row.query()
    return row.next() ? fromGlideDateTime(str(row, 'sys_created_on')) : null
}
