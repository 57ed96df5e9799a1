/**
 * The setup page's second view: the health of every Jira connection, read from the connection health records
 * (x_jira_connect_connection_health, docs/health.md) that the health check keeps. A connection the health check has
 * not seen yet falls back to its latest stored validation run, and says so. "Validate all" runs the health check
 * itself (as the Connection Health list's button does), so the health rows update; per-row Validate runs it on that
 * subject only. An inactive connection is not a health-check subject: its Validate is a plain validation.
 */
import type { HealthState } from '../health/model'
import { safeText } from '../sanitize'
import { records, type SetupDeps, validateConnection } from './operations'
import { done, type OpResult, refuse } from './result'
import type { ConnectionRow, HealthSubjectRow, RunRow } from './setup-port'

const RUN_FORM = 'x_jira_connect_validation_run.do?sys_id='
const HEALTH_FORM = 'x_jira_connect_connection_health.do?sys_id='

/** Where a row's verdict comes from: the health record, the latest validation run, or nothing yet. */
export type HealthSource = 'health' | 'run' | 'none'

export interface HealthRow {
    subjectTable: string
    subjectSysId: string
    name: string
    /** Connection URL ('' for a credential subject). */
    url: string
    active: boolean
    alias: string
    auth: string
    source: HealthSource
    /** healthy, warning, broken, not_checked. */
    verdict: string
    /** One line: the latest finding and its fix, or the run's summary, or why it was not checked. */
    summary: string
    /** Dates are UTC, yyyy-MM-dd HH:mm:ss; '' when unknown. */
    verdictSince: string
    lastChecked: string
    lastSuccess: string
    accessExpires: string
    refreshExpires: string
    nextExpiry: string
    nextExpiryWhat: string
    notCheckedReason: string
    /** Whether the health check covers it (active connection, or an OAuth credential no active connection uses). */
    covered: boolean
    healthLink: string
    runLink: string
    recordLink: string
}

export interface HealthView {
    rows: HealthRow[]
}

export interface HealthCheckShown extends HealthView {
    message: string
    runSysId: string | null
    runLink: string
}

function at(ms: number | null): string {
    return ms === null || !Number.isFinite(ms) ? '' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
}

function authOf(kind: string): string {
    if (kind === 'basic') return 'API token'
    if (kind === 'oauth2') return 'OAuth 2.0'
    return kind === 'none' || kind === '' ? 'no credential' : kind
}

/** The stored run verdicts (pass / warn / fail) in the health records' words. */
function runVerdict(v: string): string {
    return v === 'pass' ? 'healthy' : v === 'warn' ? 'warning' : v === 'fail' ? 'broken' : 'not_checked'
}

function fromHealth(h: HealthState & { sysId: string }): Partial<HealthRow> {
    const finding = h.lastFinding ? `${h.lastFinding}${h.lastFix ? ` Fix: ${h.lastFix}` : ''}` : ''
    return {
        source: 'health',
        verdict: h.verdict || 'not_checked',
        summary: safeText(h.notCheckedReason || (h.verdict === 'healthy' ? '' : finding), 600),
        verdictSince: at(h.verdictSinceMs),
        lastChecked: at(h.lastCheckedMs),
        lastSuccess: at(h.lastSuccessMs),
        accessExpires: at(h.accessExpiresMs),
        refreshExpires: at(h.refreshExpiresMs),
        nextExpiry: at(h.nextExpiryMs),
        nextExpiryWhat: h.nextExpiryWhat,
        notCheckedReason: h.notCheckedReason,
        healthLink: `${HEALTH_FORM}${h.sysId}`,
        runLink: h.lastRunSysId ? `${RUN_FORM}${h.lastRunSysId}` : '',
    }
}

function fromRuns(sysId: string, runs: RunRow[], covered: boolean): Partial<HealthRow> {
    const mine = runs.filter((x) => x.targetSysId === sysId)
    const last = mine[0]
    const success = mine.find((x) => x.verdict === 'pass' || x.verdict === 'warn')
    const why = covered
        ? 'Not checked yet by the health check (Validate or Validate all checks it).'
        : 'Not checked by the health check: it covers active connections only.'
    return {
        source: last ? 'run' : 'none',
        verdict: last ? runVerdict(last.verdict) : 'not_checked',
        summary: last ? `${why} Latest validation run: ${safeText(last.summary, 400)}` : why,
        lastChecked: last ? last.createdOn : '',
        lastSuccess: success ? success.createdOn : '',
        runLink: last ? `${RUN_FORM}${last.sysId}` : '',
    }
}

function blank(): Omit<HealthRow, 'subjectTable' | 'subjectSysId' | 'name' | 'url' | 'active' | 'alias' | 'auth'> {
    return {
        source: 'none',
        verdict: 'not_checked',
        summary: '',
        verdictSince: '',
        lastChecked: '',
        lastSuccess: '',
        accessExpires: '',
        refreshExpires: '',
        nextExpiry: '',
        nextExpiryWhat: '',
        notCheckedReason: '',
        covered: false,
        healthLink: '',
        runLink: '',
        recordLink: '',
    }
}

function connectionRow(c: ConnectionRow): HealthRow {
    return {
        ...blank(),
        subjectTable: 'http_connection',
        subjectSysId: c.sysId,
        name: c.name,
        url: c.url,
        active: c.active,
        alias: c.aliasId,
        auth: authOf(c.credentialKind),
        recordLink: `http_connection.do?sys_id=${c.sysId}`,
    }
}

function credentialRow(s: HealthSubjectRow): HealthRow {
    return {
        ...blank(),
        subjectTable: s.table,
        subjectSysId: s.sysId,
        name: s.name,
        url: '',
        active: true,
        alias: s.aliasName || '(no connection uses it)',
        auth: authOf(s.credentialKind),
        recordLink: `${s.table}.do?sys_id=${s.sysId}`,
    }
}

function rowsOf(deps: SetupDeps, aliasSysId: string): HealthRow[] {
    const states = deps.records.healthStates()
    const subjects = deps.records.healthSubjects()
    const covered = new Set(subjects.map((s) => s.sysId))
    const rows = deps.records.connections(aliasSysId).map(connectionRow)
    for (const s of subjects) if (!rows.some((r) => r.subjectSysId === s.sysId)) rows.push(credentialRow(s))
    let runs: RunRow[] | null = null
    return rows.map((r) => {
        const h = states.find((x) => x.subjectSysId === r.subjectSysId)
        const isCovered = covered.has(r.subjectSysId)
        if (h && h.verdict !== 'not_checked') return { ...r, ...fromHealth(h), covered: isCovered }
        runs = runs || deps.records.runs(500)
        const fallback = fromRuns(r.subjectSysId, runs, isCovered)
        const extra = h ? { healthLink: `${HEALTH_FORM}${h.sysId}`, notCheckedReason: h.notCheckedReason } : {}
        return { ...r, ...fallback, ...extra, covered: isCovered }
    })
}

/** Every Jira connection (alias and child aliases) and every credential the health check covers, with its health. */
export function health(deps: SetupDeps): OpResult<HealthView> {
    const found = records<HealthView>(deps)
    if (!found.ok) return found
    return done({ rows: rowsOf(deps, found.value.aliasSysId) })
}

/**
 * Validate all (body {}): the health check on every subject. Validate one (body {sysId}): the health check on that
 * subject when the health check covers it, else (an inactive connection) a plain validation of it.
 */
export function healthCheck(deps: SetupDeps, body: Record<string, unknown>): OpResult<HealthCheckShown> {
    const raw = body.sysId === undefined ? null : typeof body.sysId === 'string' ? body.sysId : String(body.sysId)
    if (raw !== null && !/^[0-9a-f]{32}$/.test(raw)) {
        return refuse(
            400,
            'sysId',
            'sys_id_malformed',
            `"${raw.slice(0, 40)}" is not a sys_id (32 hexadecimal digits).`
        )
    }
    const found = records<HealthCheckShown>(deps)
    if (!found.ok) return found
    const aliasSysId = found.value.aliasSysId
    if (raw !== null) {
        const covered = deps.records.healthSubjects().some((s) => s.sysId === raw)
        if (!covered) {
            const plain = validateConnection(deps, { connectionSysId: raw })
            if (!plain.ok) return { ok: false, status: plain.status, errors: plain.errors.map(asSysIdError) }
            return done({
                message: `${plain.value.summary} (validation only: the health check covers active connections).`,
                runSysId: plain.value.runSysId,
                runLink: plain.value.runLink,
                rows: rowsOf(deps, aliasSysId),
            })
        }
    }
    const outcome = deps.records.runHealthCheck(raw)
    if (!outcome.ok) return refuse(502, '', 'health_check_failed', outcome.message)
    return done({
        message: outcome.message,
        runSysId: outcome.runSysId,
        runLink: outcome.runSysId ? `${RUN_FORM}${outcome.runSysId}` : '',
        rows: rowsOf(deps, aliasSysId),
    })
}

function asSysIdError(e: { field: string; code: string; message: string }) {
    return e.field === 'connectionSysId' ? { ...e, field: 'sysId' } : e
}
