/**
 * The setup page's second view: the health of every Jira connection, read from the connection health records
 * (x_jira_connect_connection_health, docs/health.md) that the health check keeps. One row per connection; the OAuth
 * credential a connection uses is shown inside that connection's row (the health check covers such a credential on
 * its own while no active connection uses it); a credential gets a row of its own only when no connection uses it.
 * A connection the health check has not seen yet falls back to its latest stored validation run, and says so; every
 * inactive connection is shown alike: not checked by the health check, with its latest validation run. "Validate all"
 * runs the health check itself (as the Connection Health list's button does), so the health rows update; per-row
 * Validate runs it on that subject only. An inactive connection is not a health-check subject: its Validate is a
 * plain validation.
 */
import type { AuthStanding } from '../auth-standing'
import { capabilityView, type CapabilityHealthView } from '../health/capability-round'
import type { HealthState } from '../health/model'
import { readSection, shownSection, type InboundShown } from '../inbound-view'
import { safeText } from '../sanitize'
import { connectionSysId } from './inputs'
import { records, type SetupDeps, validateConnection } from './operations'
import { done, type OpResult, refuse } from './result'
import type { ConnectionRow, HealthCheckOutcome, HealthSubjectRow, RunRow } from './setup-port'

const RUN_FORM = 'x_jira_connect_validation_run.do?sys_id='
const HEALTH_FORM = 'x_jira_connect_connection_health.do?sys_id='

/** Where a row's verdict comes from: the health record, the latest validation run, or nothing yet. */
export type HealthSource = 'health' | 'run' | 'none'

/** The health of the OAuth credential a connection uses, when the health check covers that credential on its own. */
export interface CredentialHealth {
    subjectTable: string
    subjectSysId: string
    name: string
    verdict: string
    summary: string
    lastChecked: string
    healthLink: string
    runLink: string
    recordLink: string
}

export interface HealthRow {
    /** connection, or credential for an OAuth credential that no connection on the alias uses. */
    kind: 'connection' | 'credential'
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
    /** The credential this connection uses, when the health check covers it on its own; null otherwise. */
    credential: CredentialHealth | null
    /** The capability round's counts and age, and the quota Atlassian last reported (health record only). */
    capability?: CapabilityHealthView | null
    /** The Jira → ServiceNow section of the latest check that reached Jira (health record only). */
    inbound?: InboundShown | null
    /** Where the connection's way in stands (auth-standing.ts), read from its records now; null: not a connection. */
    standing?: AuthStanding | null
}

export interface HealthView {
    rows: HealthRow[]
}

export interface HealthCheckShown extends HealthView {
    /** What was checked, connections and credentials counted apart, stamped with the run's time. */
    message: string
    /** When this check or validation ran (UTC, yyyy-MM-dd HH:mm:ss). */
    checkedAt: string
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
        capability: capabilityView(h),
        inbound: shownOf(h.inboundJson),
    }
}

function shownOf(json: string | undefined): InboundShown | null {
    const s = readSection(json)
    return s ? shownSection(s) : null
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

function blank(): Omit<
    HealthRow,
    'kind' | 'subjectTable' | 'subjectSysId' | 'name' | 'url' | 'active' | 'alias' | 'auth'
> {
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
        credential: null,
    }
}

function connectionRow(c: ConnectionRow): HealthRow {
    return {
        ...blank(),
        kind: 'connection',
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
        kind: 'credential',
        subjectTable: s.table,
        subjectSysId: s.sysId,
        name: s.name,
        url: '',
        active: true,
        alias: s.aliasName || 'no connection uses it',
        auth: authOf(s.credentialKind),
        recordLink: `${s.table}.do?sys_id=${s.sysId}`,
    }
}

/** Verdicts the health check gives a subject it checked; any other verdict (not_checked, …) is shown as it is. */
const CHECKED = ['healthy', 'warning', 'broken']

const INACTIVE = 'Inactive: the health check covers active connections only.'

function inactiveRow(r: HealthRow, h: (HealthState & { sysId: string }) | undefined, runs: RunRow[]): HealthRow {
    const mine = runs.filter((x) => x.targetSysId === r.subjectSysId)
    const last = mine[0]
    const success = mine.find((x) => x.verdict === 'pass' || x.verdict === 'warn')
    const latest = last
        ? ` Latest validation (${last.createdOn} UTC): ${runVerdictText(last.verdict)}. ${safeText(last.summary, 400)}`
        : ' Not validated yet.'
    // Every inactive row gives the same reason (issue 17 §6: alike); a retired health row keeps its last success.
    const recorded = h ? at(h.lastSuccessMs) : ''
    return {
        ...r,
        source: last ? 'run' : 'none',
        verdict: h && CHECKED.indexOf(h.verdict) < 0 && h.verdict ? h.verdict : 'not_checked',
        summary: `${INACTIVE}${latest}`,
        lastChecked: last ? last.createdOn : '',
        lastSuccess: success && success.createdOn > recorded ? success.createdOn : recorded,
        runLink: last ? `${RUN_FORM}${last.sysId}` : '',
        healthLink: h ? `${HEALTH_FORM}${h.sysId}` : '',
        notCheckedReason: INACTIVE,
        covered: false,
    }
}

function runVerdictText(v: string): string {
    return v === 'pass' ? 'works' : v === 'warn' ? 'works, with warnings' : v === 'fail' ? 'does not work' : v
}

function credentialHealth(s: HealthSubjectRow, h: (HealthState & { sysId: string }) | undefined): CredentialHealth {
    const f = h ? fromHealth(h) : null
    return {
        subjectTable: s.table,
        subjectSysId: s.sysId,
        name: s.name,
        verdict: f ? f.verdict || 'not_checked' : 'not_checked',
        summary: f ? f.summary || '' : 'Not checked yet by the health check (Validate all checks it).',
        lastChecked: f ? f.lastChecked || '' : '',
        healthLink: f ? f.healthLink || '' : '',
        runLink: f ? f.runLink || '' : '',
        recordLink: `${s.table}.do?sys_id=${s.sysId}`,
    }
}

function rowsOf(deps: SetupDeps, aliasSysId: string): HealthRow[] {
    const states = deps.records.healthStates()
    const subjects = deps.records.healthSubjects()
    const covered = new Set(subjects.map((s) => s.sysId))
    const connections = deps.records.connections(aliasSysId)
    const rows = connections.map(connectionRow)
    const inRow = (s: HealthSubjectRow) => connections.some((c) => c.credentialSysId === s.sysId)
    for (const s of subjects) {
        if (!rows.some((r) => r.subjectSysId === s.sysId) && !inRow(s)) rows.push(credentialRow(s))
    }
    let runs: RunRow[] | null = null
    // The standing needs no call (it is about the way in), so every connection row has it, validated or not. It
    // reads the alias's template, another scope's table: a platform error there costs the row its standing, not the
    // view (a validation says why: instance-reads.ts).
    const standingOf = (r: HealthRow) => {
        if (r.kind !== 'connection' || !deps.records.standingOf) return null
        try {
            return deps.records.standingOf(r.subjectSysId)
        } catch (e) {
            return null
        }
    }
    const row = (r: HealthRow): HealthRow => {
        const h = states.find((x) => x.subjectSysId === r.subjectSysId)
        const isCovered = covered.has(r.subjectSysId)
        const conn = connections.find((c) => c.sysId === r.subjectSysId)
        const credSubject = conn ? subjects.find((s) => s.sysId === conn.credentialSysId) : undefined
        const credential = credSubject
            ? credentialHealth(
                  credSubject,
                  states.find((x) => x.subjectSysId === credSubject.sysId)
              )
            : null
        if (r.kind === 'connection' && !r.active) {
            runs = runs || deps.records.runs(500)
            return { ...inactiveRow(r, h, runs), credential }
        }
        // A check that proved nothing (rate limited, out of time) says why, with what the record still knows; only a
        // connection the health check has not seen yet falls back to its latest validation run.
        if (h && (h.verdict !== 'not_checked' || h.notCheckedReason)) {
            return { ...r, ...fromHealth(h), covered: isCovered, credential }
        }
        runs = runs || deps.records.runs(500)
        const fallback = fromRuns(r.subjectSysId, runs, isCovered)
        const extra = h ? { healthLink: `${HEALTH_FORM}${h.sysId}`, notCheckedReason: h.notCheckedReason } : {}
        return { ...r, ...fallback, ...extra, covered: isCovered, credential }
    }
    return rows.map((r) => ({ ...row(r), standing: standingOf(r) }))
}

/** "Checked 2 connections and 1 credential no active connection uses at <time> UTC: 2 healthy, 1 broken." */
function checkedMessage(rows: HealthRow[], at: string, only: string | null, runnerMessage: string): string {
    const checked: Array<{ kind: string; verdict: string }> = []
    for (const r of rows) {
        if (only ? r.subjectSysId === only : r.covered) checked.push({ kind: r.kind, verdict: r.verdict })
        const c = r.credential
        if (c && (only ? c.subjectSysId === only : true)) checked.push({ kind: 'credential', verdict: c.verdict })
    }
    const conns = checked.filter((x) => x.kind === 'connection').length
    const creds = checked.length - conns
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`
    const labels: string[] = []
    for (const x of checked) if (labels.indexOf(x.verdict) < 0) labels.push(x.verdict)
    const counts = labels.map((v) => `${checked.filter((x) => x.verdict === v).length} ${v.replace(/_/g, ' ')}`)
    const what =
        plural(conns, 'connection') + (creds ? ` and ${plural(creds, 'credential')} no active connection uses` : '')
    const skipped = /Not checked: .*$/.exec(runnerMessage)
    const when = at ? ` at ${at} UTC` : ''
    return `Checked ${what}${when}: ${counts.join(', ') || 'nothing to check'}.${skipped ? ` ${skipped[0]}` : ''}`
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
    const id = body.sysId === undefined ? null : connectionSysId(body.sysId, 'sysId')
    if (id && !id.ok) return { ok: false, status: 400, errors: [id.error] }
    const raw = id ? id.value : null
    const found = records<HealthCheckShown>(deps)
    if (!found.ok) return found
    const aliasSysId = found.value.aliasSysId
    if (raw !== null) {
        const covered = deps.records.healthSubjects().some((s) => s.sysId === raw)
        if (!covered) {
            const plain = validateConnection(deps, { connectionSysId: raw })
            if (!plain.ok) return { ok: false, status: plain.status, errors: plain.errors.map(asSysIdError) }
            const at = runTime(deps, plain.value.runSysId)
            return done({
                message:
                    `Validated${at ? ` at ${at} UTC` : ''}: ${plain.value.summary} ` +
                    '(validation only: the health check covers active connections).',
                checkedAt: at,
                runSysId: plain.value.runSysId,
                runLink: plain.value.runLink,
                rows: rowsOf(deps, aliasSysId),
            })
        }
    }
    const outcome = deps.records.runHealthCheck(raw)
    if (!outcome.ok) return refusedCheck(outcome)
    const at = runTime(deps, outcome.runSysId)
    const rows = rowsOf(deps, aliasSysId)
    return done({
        message: checkedMessage(rows, at, raw, outcome.message),
        checkedAt: at,
        runSysId: outcome.runSysId,
        runLink: outcome.runSysId ? `${RUN_FORM}${outcome.runSysId}` : '',
        rows,
    })
}

/**
 * A run that changed nothing because of who asked (403: only admin may read the OAuth tokens, KB0859525) or because
 * another run is going on (409), in one sentence each; a platform error mid-run stays 500 with its own message.
 */
function refusedCheck(outcome: HealthCheckOutcome): OpResult<HealthCheckShown> {
    if (outcome.refusedCode === 'token_access_denied') {
        return refuse(
            403,
            '',
            'health_check_needs_admin',
            'Checking the connections now needs the admin role, because only admin may read the OAuth tokens ' +
                '(KB0859525); nothing was checked or changed, and the scheduled check keeps the rows current.'
        )
    }
    if (outcome.refusedCode === 'run_in_progress') {
        const since = /already running since ([^,;]+UTC)/.exec(outcome.message)
        return refuse(
            409,
            '',
            'health_check_running',
            `Another health check is already running${since ? ` since ${since[1]}` : ''}, so nothing was checked ` +
                'or changed; its results appear here when it ends, so try again in a minute.'
        )
    }
    return refuse(500, '', 'health_check_failed', outcome.message)
}

/** When a stored validation run was made (its sys_created_on, UTC), the stamp of what the page shows from it. */
function runTime(deps: SetupDeps, runSysId: string | null): string {
    const run = runSysId ? deps.records.runs(50).find((r) => r.sysId === runSysId) : undefined
    return run ? run.createdOn : ''
}

function asSysIdError(e: { field: string; code: string; message: string }) {
    return e.field === 'connectionSysId' ? { ...e, field: 'sysId' } : e
}
