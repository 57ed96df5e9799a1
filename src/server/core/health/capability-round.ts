/**
 * The capability round in the health check (docs/capability.md, "Rate limits and quota"): permission calls cost
 * Atlassian rate-limit points (points-based quotas for OAuth 2.0 apps since 2026-03-02, developer.atlassian.com
 * "Rate limiting"), so the round runs at most once per x_jira_connect.health.capability_interval_hours per connection;
 * in between the health row keeps the last table, shown with its age. The row also keeps what Atlassian's rate-limit
 * headers said (quota left, window, reason) and the integration account's id and type, never its name or email.
 * A round that cannot finish (time budget, rate limiting, no answer) after a successful sign-in is "not checked" on
 * its own: the sign-in keeps its verdict and Last success.
 */
import type { CapabilityRow, CapabilityStatus } from '../capability-table'
import type { ConfigPort } from '../ports'
import type { CheckResult, ValidationReport } from '../report'
import { humanDuration } from '../report'
import type { CapabilitySchedule } from '../validator'
import { TRANSIENT_CODES } from './assess'
import type { HealthState } from './model'

export const CAPABILITY_INTERVAL_PROPERTY = 'x_jira_connect.health.capability_interval_hours'
export const CAPABILITY_INTERVAL_DEFAULT = 24

/** The checks of the round (checks/capability.ts). */
export const CAPABILITY_CHECKS = ['jira.projects', 'jira.create_fields', 'jira.agile']

const STATUSES: CapabilityStatus[] = ['works', 'does_not_work', 'unknown']
const HOUR_MS = 3600000

export function capabilityIntervalHours(config: ConfigPort): number {
    const n = parseInt(config.property(CAPABILITY_INTERVAL_PROPERTY, String(CAPABILITY_INTERVAL_DEFAULT)), 10)
    return Number.isFinite(n) && n >= 1 && n <= 24 * 31 ? n : CAPABILITY_INTERVAL_DEFAULT
}

/**
 * What a health row keeps in capability_json: the table and the tag of the project list it was made for
 * (projects-setting.ts projectsTag). Rows written before the tag existed are a bare array: their list is unknown.
 */
interface StoredCapability {
    for: string
    rows: CapabilityRow[]
}

/** The kept table and its list tag, read once: null when none, unreadable, or no valid row. */
function kept(json: string | undefined): { for: string | null; rows: CapabilityRow[] } | null {
    if (!json) return null
    let parsed: unknown
    try {
        parsed = JSON.parse(json)
    } catch (e) {
        return null
    }
    const o = parsed as Partial<StoredCapability> | null
    const stored = Array.isArray(parsed)
        ? { for: null, rows: parsed as unknown[] }
        : o && typeof o.for === 'string' && Array.isArray(o.rows)
          ? { for: o.for, rows: o.rows as unknown[] }
          : null
    if (!stored) return null
    const rows = stored.rows.filter(
        (r): r is CapabilityRow =>
            !!r &&
            typeof (r as CapabilityRow).category === 'string' &&
            typeof (r as CapabilityRow).label === 'string' &&
            typeof (r as CapabilityRow).why === 'string' &&
            STATUSES.indexOf((r as CapabilityRow).status) >= 0
    )
    return rows.length ? { for: stored.for, rows } : null
}

/** The project-list tag the row's table was made for, or null (none, unreadable, or written before the tag). */
export function cachedFor(json: string | undefined): string | null {
    const k = kept(json)
    return k ? k.for : null
}

/** The table a health row keeps (JSON in capability_json), or null when none or unreadable. */
export function cachedRows(json: string | undefined): CapabilityRow[] | null {
    const k = kept(json)
    return k ? k.rows : null
}

/**
 * When each subject's round is due: never run, or its interval has passed. The daily job does not check a subject at
 * the same minute every day (subjects go oldest first, a run takes up to its total budget), so the interval is
 * counted less that budget: a round 24 h minus a few minutes old is due, not pushed to the next day.
 * `projects`: the tag of the current project list (projectsTag); a table made for another list is due at once.
 * `always`: the setup page's per-row Validate (the admin asked for this one connection now).
 */
export function capabilitySchedule(
    read: (connectionSysId: string) => HealthState | null,
    nowMs: () => number,
    intervalHours: number,
    slackMs: number,
    projects: string,
    always = false
): CapabilitySchedule {
    const intervalMs = intervalHours * HOUR_MS
    /** The subject's last round: its table, list tag and time; null when it never ran or is unreadable. */
    const last = (sysId: string) => {
        const row = read(sysId)
        const table = row && row.capabilityCheckedMs != null ? kept(row.capabilityJson) : null
        return row && table ? { ...table, checkedAtMs: row.capabilityCheckedMs as number } : null
    }
    return {
        due(sysId) {
            if (always) return true
            const round = last(sysId)
            if (!round) return true
            // The admin changed the project list since: the kept table answers another question.
            if (round.for !== projects) return true
            const age = nowMs() - round.checkedAtMs
            return age < 0 || age >= intervalMs - Math.min(slackMs, intervalMs / 2)
        },
        cached(sysId) {
            const round = last(sysId)
            return round ? { rows: round.rows, checkedAtMs: round.checkedAtMs } : null
        },
    }
}

function after(found: string, why: string): string {
    return (
        `Not checked: ${why}. The sign-in succeeded (the connection's verdict stands); this part is tried again ` +
        `in the next health check. ${found}`
    )
}

/**
 * A round cut short after a successful sign-in: its transient failures (time budget, rate limiting, no answer) and a
 * Jira -> ServiceNow check the round left no time for become skips that say so. Returns the checks and why ('' when
 * nothing was cut). Without a successful /myself nothing changes: no call, no verdict.
 */
export function settleRound(checks: CheckResult[]): { checks: CheckResult[]; cut: string } {
    const myself = checks.find((c) => c.id === 'jira.myself')
    if (!myself || myself.status !== 'pass') return { checks, cut: '' }
    let cut = ''
    const out = checks.map((c) => {
        if (c.status !== 'fail' || TRANSIENT_CODES.indexOf(c.code) < 0) return c
        const round = CAPABILITY_CHECKS.indexOf(c.id) >= 0
        if (!round && !(c.id.indexOf('inbound.') === 0 && c.code === 'time_budget_exhausted')) return c
        const why = reasonOf(c.code)
        if (round && !cut) cut = why
        return { ...c, status: 'skip' as const, code: 'not_checked', found: after(c.found, why), expected: '' }
    })
    return { checks: out, cut }
}

function reasonOf(code: string): string {
    if (code === 'time_budget_exhausted') return "the connection's time budget ran out (budget)"
    if (code === 'rate_limited' || code === 'token_rate_limited') return 'rate limiting by Atlassian (HTTP 429)'
    if (code === 'http_timeout') return 'Atlassian did not answer in time'
    return code.replace(/_/g, ' ')
}

const bounded = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t)

/**
 * The health row after a check: the account (id and type), the quota Atlassian reported, and the capability table
 * when the round ran (a cut round keeps the previous table and says why).
 */
export function withCapability(
    state: HealthState,
    report: ValidationReport,
    cut: string,
    startedAtMs: number,
    nowMs: number,
    projects: string
): HealthState {
    const next: HealthState = { ...state }
    const account = (report.accounts || [])[0]
    if (account && account.accountId) {
        next.accountId = bounded(account.accountId, 128)
        next.accountType = bounded(account.accountType || '', 40)
    }
    const r = report.rateLimit
    if (r) {
        next.quotaLeft = r.remaining
        next.quotaLimit = r.quota
        next.quotaWindowSec = r.windowSec
        next.quotaReason = r.reason || (r.names === 'burst' ? 'burst' : '')
        next.quotaNearLimit = r.nearLimit
        next.quotaSeenMs = nowMs
    }
    const table = (report.capabilities || [])[0]
    if (cut) {
        next.capabilityNote = bounded(`Not checked in the latest health check: ${cut}.`, 255)
    } else if (table && table.checkedAtMs >= startedAtMs) {
        const rows = table.rows.map((row) => ({ ...row, why: bounded(row.why, 300) }))
        const stored: StoredCapability = { for: projects, rows }
        next.capabilityJson = JSON.stringify(stored)
        next.capabilityCheckedMs = table.checkedAtMs
        next.capabilityNote = ''
    }
    return next
}

/** One line for the setup page: "Works 4, does not work 1, unknown 1 (checked 3 h ago)". */
export function capabilitySummary(state: HealthState, nowMs: number): string {
    const rows = cachedRows(state.capabilityJson)
    if (!rows || state.capabilityCheckedMs == null) return state.capabilityNote || ''
    const count = (s: CapabilityStatus) => rows.filter((r) => r.status === s).length
    const age = humanDuration(Math.max(0, (nowMs - state.capabilityCheckedMs) / 1000))
    const text =
        `Works ${count('works')}, does not work ${count('does_not_work')}, unknown ${count('unknown')} ` +
        `(checked ${age} ago)`
    return state.capabilityNote ? `${text}. ${state.capabilityNote}` : text
}

/** What the setup page's health view shows of a row's round and quota (dates UTC, yyyy-MM-dd HH:mm:ss). */
export interface CapabilityHealthView {
    counts: { works: number; doesNotWork: number; unknown: number } | null
    checkedAt: string
    note: string
    quota: {
        left: number | null
        limit: number | null
        windowSec: number | null
        reason: string
        burst: boolean
        nearLimit: boolean
        seenAt: string
    } | null
}

function utc(ms: number | null | undefined): string {
    return ms == null || !Number.isFinite(ms) ? '' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
}

export function capabilityView(state: HealthState): CapabilityHealthView | null {
    const rows = cachedRows(state.capabilityJson)
    const seen = state.quotaSeenMs != null
    if (!rows && !state.capabilityNote && !seen) return null
    const count = (s: CapabilityStatus) => (rows || []).filter((r) => r.status === s).length
    return {
        counts: rows ? { works: count('works'), doesNotWork: count('does_not_work'), unknown: count('unknown') } : null,
        checkedAt: rows ? utc(state.capabilityCheckedMs) : '',
        note: state.capabilityNote || '',
        quota: seen
            ? {
                  left: state.quotaLeft ?? null,
                  limit: state.quotaLimit ?? null,
                  windowSec: state.quotaWindowSec ?? null,
                  reason: state.quotaReason || '',
                  burst: state.quotaReason === 'burst' || /burst/.test(state.quotaReason || ''),
                  nearLimit: state.quotaNearLimit === true,
                  seenAt: utc(state.quotaSeenMs),
              }
            : null,
    }
}
