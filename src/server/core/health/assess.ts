/**
 * From one subject's validation result to its next health row and the alerts to send. Alerts fire on a change
 * (healthy/warning -> broken, broken -> healthy/warning) or once per deadline (the refresh token's inactivity expiry,
 * the consent's age limit, the API token's first anniversary), never again for the same deadline.
 * Verdicts follow the evidence: healthy/warning only when a call with the subject's credential succeeded in this
 * check; a transient failure (429, 5xx, no answer) or no call at all is "not checked" with the reason, and a broken
 * subject stays broken until a call succeeds; what was never set up is "not configured" (no alert).
 */
import { isInstancePartCheck } from '../instance-reads'
import type { TokenState } from '../ports'
import type { CheckResult } from '../report'
import { humanDuration } from '../report'
import {
    ALERT_EVENTS,
    type AlertKind,
    type ApiTokenInfo,
    type HealthAlert,
    type HealthState,
    type HealthSubject,
    type HealthVerdict,
} from './model'
import type { SubjectEvidence } from './run-cache'
import type { HealthSettings } from './settings'

const DAY_MS = 86400000

/** Findings that mean the consent (token family) is gone: health after them comes from a new consent. */
const CONSENT_LOST = ['consent_expired', 'refresh_expired', 'no_token', 'no_refresh_token', 'access_expired_no_refresh']

/**
 * Failures that say nothing about the credential: Atlassian rate-limited, unavailable or did not answer (after the
 * validator's bounded retry), or the budget ran out. They make a subject "not checked", never broken.
 */
export const TRANSIENT_CODES = [
    'rate_limited',
    'token_rate_limited',
    'atlassian_unavailable',
    'http_timeout',
    'connection_reset',
    'time_budget_exhausted',
    'refresh_timeout',
    'refresh_unreachable',
]

/** Failures that mean "never set up": not configured (no alert) while the subject has never worked. */
export const NOT_CONFIGURED_CODES = [
    'no_token',
    'client_credentials_missing',
    'credential_missing',
    'credential_inactive',
    'basic_credential_incomplete',
    'profile_missing',
    'no_connection',
    'no_active_connection',
    'cloud_id_unset',
    // The shipped connection URL until the admin names the site: a fresh install, not a broken connection.
    'cloud_id_placeholder',
]

export function emptyState(subject: HealthSubject): HealthState {
    return {
        subjectTable: subject.table,
        subjectSysId: subject.sysId,
        subjectName: subject.name,
        aliasName: subject.aliasName,
        credentialName: subject.credential ? subject.credential.name : '',
        credentialKind: subject.credential ? subject.credential.kind : '',
        verdict: 'not_checked',
        verdictSinceMs: null,
        lastCheckedMs: null,
        lastSuccessMs: null,
        lastFailureMs: null,
        lastFindingCode: '',
        lastFinding: '',
        lastFix: '',
        accessExpiresMs: null,
        refreshExpiresMs: null,
        consentSinceMs: null,
        nextExpiryMs: null,
        nextExpiryWhat: '',
        apiTokenSetMs: null,
        apiTokenSetBasis: '',
        apiTokenMarker: '',
        lastKeepAliveMs: null,
        keepAliveCount: 0,
        keepAliveResult: '',
        refreshAlertDeadlineMs: null,
        apiTokenAlertDeadlineMs: null,
        lastRunSysId: '',
        notCheckedReason: '',
    }
}

export interface Observation {
    subject: HealthSubject
    /** The checks of this subject only. */
    checks: CheckResult[]
    nowMs: number
    /** Token state after the check (OAuth 2.0), null when none or not OAuth. */
    token: TokenState | null
    apiToken: ApiTokenInfo | null
    /** This run refreshed the token to keep it alive: 'ok' or the failure code. */
    keepAlive: { result: string } | null
    runSysId: string
    /** What the check proved with calls (run-cache.ts); absent = nothing was called. */
    evidence?: SubjectEvidence
    /** The check stopped on an exception: why (no verdict from it). */
    stopped?: string
}

export interface Assessment {
    state: HealthState
    alerts: HealthAlert[]
}

export function verdictOfChecks(checks: CheckResult[]): HealthVerdictOf {
    if (checks.some((c) => c.status === 'fail')) return 'broken'
    if (checks.some((c) => c.status === 'warn')) return 'warning'
    return 'healthy'
}
type HealthVerdictOf = 'healthy' | 'warning' | 'broken'

export function assess(previous: HealthState | null, o: Observation, settings: HealthSettings): Assessment {
    const now = o.nowMs
    const prev = previous ?? emptyState(o.subject)
    const next: HealthState = {
        ...prev,
        subjectName: o.subject.name,
        aliasName: o.subject.aliasName,
        credentialName: o.subject.credential ? o.subject.credential.name : '',
        credentialKind: o.subject.credential ? o.subject.credential.kind : '',
        lastCheckedMs: now,
        lastRunSysId: o.runSysId,
        notCheckedReason: '',
    }
    const alerts: HealthAlert[] = []
    // Texts are built from the validator's findings (external text in them already went through safeText) and
    // configuration names; running safeText again would mangle names such as "Basic Credential".
    const alert = (kind: AlertKind, text: string) =>
        alerts.push({ kind, event: ALERT_EVENTS[kind], subjectName: o.subject.name, text: bounded(text, 1500) })

    const judged = judge(prev, o, settings)
    const verdict = judged.verdict
    const problem = judged.problem
    next.notCheckedReason = judged.reason
    if (verdict !== prev.verdict) next.verdictSinceMs = now
    next.verdict = verdict
    if (judged.failedNow) next.lastFailureMs = now
    if (judged.proven) next.lastSuccessMs = now
    if (problem) {
        next.lastFindingCode = `${problem.id}/${problem.code}`
        next.lastFinding = bounded(problem.found, 1000)
        next.lastFix = bounded(problem.fix, 1000)
    } else if (judged.proven && verdict === 'healthy') {
        next.lastFindingCode = ''
        next.lastFinding = ''
        next.lastFix = ''
    }

    // Keep-alive bookkeeping (the refresh is done by the validator when the runner allowed it).
    // The idle clock (last_keep_alive) restarts only on a successful refresh; a failure is tried again next run.
    if (o.keepAlive) {
        next.keepAliveResult = o.keepAlive.result
        if (o.keepAlive.result === 'ok') {
            next.lastKeepAliveMs = now
            next.keepAliveCount = prev.keepAliveCount + 1
        }
    }

    // Tokens and consent.
    const token = o.token
    next.accessExpiresMs =
        token && token.hasAccessToken && token.accessExpiresInSec !== null
            ? now + token.accessExpiresInSec * 1000
            : null
    next.refreshExpiresMs =
        token && token.hasRefreshToken && token.refreshExpiresInSec !== null
            ? now + token.refreshExpiresInSec * 1000
            : null
    const consentLost = o.checks.some((c) => c.status === 'fail' && CONSENT_LOST.includes(c.code))
    if (!token || !token.hasRefreshToken || consentLost) next.consentSinceMs = null
    else if (
        judged.proven &&
        (prev.consentSinceMs === null || (prev.verdict === 'broken' && isConsentLoss(prev.lastFindingCode)))
    ) {
        next.consentSinceMs = now
    }

    // API token age (basic auth).
    if (o.apiToken) {
        const info = o.apiToken
        if (info.marker !== prev.apiTokenMarker) {
            const firstSight = !prev.apiTokenMarker
            if (info.setOnMs !== null) {
                next.apiTokenSetMs = info.setOnMs
                next.apiTokenSetBasis = 'password change recorded by the platform'
            } else if (firstSight && info.createdOnMs !== null) {
                next.apiTokenSetMs = info.createdOnMs
                next.apiTokenSetBasis = 'credential created (the token may be newer)'
            } else {
                next.apiTokenSetMs = now
                next.apiTokenSetBasis = firstSight
                    ? 'first seen by the health check'
                    : 'change seen by the health check'
            }
            next.apiTokenMarker = info.marker
            next.apiTokenAlertDeadlineMs = null
        }
    } else {
        next.apiTokenSetMs = null
        next.apiTokenSetBasis = ''
        next.apiTokenMarker = ''
    }

    // Deadlines.
    const deadlines: Array<{ at: number; what: string; kind: 'refresh' | 'consent' | 'api' }> = []
    if (next.refreshExpiresMs !== null && verdict !== 'broken') {
        deadlines.push({ at: next.refreshExpiresMs, what: 'refresh token (90 days without use)', kind: 'refresh' })
    }
    if (next.consentSinceMs !== null && settings.consentMaxDays > 0 && verdict !== 'broken') {
        deadlines.push({
            at: next.consentSinceMs + settings.consentMaxDays * DAY_MS,
            what: `consent (Atlassian's ${settings.consentMaxDays}-day limit)`,
            kind: 'consent',
        })
    }
    if (next.apiTokenSetMs !== null) {
        deadlines.push({
            at: next.apiTokenSetMs + settings.apiTokenMaxDays * DAY_MS,
            what: `API token (${settings.apiTokenMaxDays} days at most)`,
            kind: 'api',
        })
    }
    deadlines.sort((a, b) => a.at - b.at)
    next.nextExpiryMs = deadlines.length ? deadlines[0].at : null
    next.nextExpiryWhat = deadlines.length ? deadlines[0].what : ''

    // Alerts: transitions.
    if (verdict === 'broken' && prev.verdict !== 'broken' && problem) {
        alert(
            'broken',
            `Jira connection "${o.subject.name}" stopped working. ` +
                `${problem.title}: ${problem.found} Fix: ${problem.fix}`
        )
    }
    if (judged.proven && prev.verdict === 'broken') {
        alert(
            'recovered',
            `Jira connection "${o.subject.name}" works again ` +
                `(${verdict === 'healthy' ? 'every check passed' : 'with warnings'}).`
        )
    }
    // Alerts: once per deadline crossing.
    const tokenDeadline = deadlines.find((d) => d.kind === 'refresh' || d.kind === 'consent')
    if (tokenDeadline && alertDue(tokenDeadline.at, now, settings.refreshWarnDays, prev.refreshAlertDeadlineMs)) {
        next.refreshAlertDeadlineMs = tokenDeadline.at
        const left = humanDuration(Math.max(0, (tokenDeadline.at - now) / 1000))
        const fix =
            tokenDeadline.kind === 'refresh'
                ? "Use the connection before then (any refresh restarts the 90 days; the health check's keep-alive " +
                  `does it when ${HEALTH_KEEPALIVE_HINT}), or click Get OAuth Token on credential ` +
                  `"${next.credentialName}".`
                : `Atlassian ends a consent about ${settings.consentMaxDays} days after it was given, whatever the ` +
                  `use: plan a new consent. Click Get OAuth Token on credential "${next.credentialName}" and Accept.`
        alert(
            'refresh_token_expiring',
            `Jira connection "${o.subject.name}": the ${tokenDeadline.what} expires in ${left}. Fix: ${fix}`
        )
    }
    const api = deadlines.find((d) => d.kind === 'api')
    if (api && alertDue(api.at, now, settings.apiTokenWarnDays, prev.apiTokenAlertDeadlineMs)) {
        next.apiTokenAlertDeadlineMs = api.at
        const left = humanDuration(Math.max(0, (api.at - now) / 1000))
        alert(
            'api_token_expiring',
            `Jira connection "${o.subject.name}": the Atlassian API token of credential "${next.credentialName}" ` +
                `was set ${humanDuration((now - (next.apiTokenSetMs as number)) / 1000)} ago ` +
                `(${next.apiTokenSetBasis}); Atlassian API tokens expire after at most ${settings.apiTokenMaxDays} ` +
                `days, so it expires in ${left} or earlier. Fix: create a new API token at id.atlassian.com > ` +
                `Security > API tokens and paste it into credential "${next.credentialName}" ` +
                '(or move the connection to OAuth 2.0).'
        )
    }
    return { state: next, alerts }
}

function bounded(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

const HEALTH_KEEPALIVE_HINT = 'the refresh token has been idle for the keep-alive days'

function isConsentLoss(findingCode: string): boolean {
    const code = findingCode.split('/')[1] || ''
    return CONSENT_LOST.includes(code)
}

/** A deadline inside its warning window and not alerted yet: each deadline is alerted once, when it comes near. */
function alertDue(atMs: number, nowMs: number, warnDays: number, alertedDeadlineMs: number | null): boolean {
    return atMs - nowMs <= warnDays * DAY_MS && !sameDeadline(alertedDeadlineMs, atMs)
}

/** Deadlines computed on different days differ by the time between checks; a day apart is the same deadline. */
function sameDeadline(a: number | null, b: number): boolean {
    return a !== null && Math.abs(a - b) < DAY_MS
}

interface Judgement {
    verdict: HealthVerdict
    /** The finding shown (first failure, else first warning), or undefined to keep the previous one. */
    problem: CheckResult | undefined
    /** A call with the credential succeeded and nothing failed: the only way to healthy, warning or recovered. */
    proven: boolean
    /** This check found a failure on evidence. */
    failedNow: boolean
    /** Why no verdict could be formed ('' when one was). */
    reason: string
}

/** The verdict the evidence supports (see the file comment). */
function judge(prev: HealthState, o: Observation, settings: HealthSettings): Judgement {
    const fails = o.checks.filter((c) => c.status === 'fail')
    const hard = fails.filter((c) => TRANSIENT_CODES.indexOf(c.code) < 0)
    const warnings = o.checks.filter((c) => c.status === 'warn')
    if (!o.stopped && hard.length) {
        const neverSetUp =
            prev.lastSuccessMs === null &&
            prev.verdict !== 'broken' &&
            hard.every((c) => NOT_CONFIGURED_CODES.indexOf(c.code) >= 0)
        return {
            verdict: neverSetUp ? 'not_configured' : 'broken',
            problem: hard[0],
            proven: false,
            failedNow: !neverSetUp,
            reason: '',
        }
    }
    const evidence = o.evidence
    const proven = !o.stopped && fails.length === 0 && !!evidence && evidence.succeeded > 0
    if (proven) {
        return {
            verdict: warnings.length ? 'warning' : 'healthy',
            problem: warnings[0],
            proven: true,
            failedNow: false,
            reason: '',
        }
    }
    // No proof: nothing good can be said. A broken subject stays broken; the rest is "not checked", with the reason.
    const reason = whyNotChecked(o, fails)
    if (prev.verdict === 'broken')
        return { verdict: 'broken', problem: undefined, proven: false, failedNow: false, reason }
    const stale = staleWarning(prev, o.nowMs, settings, reason)
    if (stale) return { verdict: 'warning', problem: stale, proven: false, failedNow: false, reason }
    return { verdict: 'not_checked', problem: fails[0], proven: false, failedNow: false, reason }
}

function whyNotChecked(o: Observation, transient: CheckResult[]): string {
    if (o.stopped) return bounded(`Not checked: ${o.stopped}.`, 255)
    if (transient.length) {
        const t = transient[0]
        const what =
            t.code === 'rate_limited' || t.code === 'token_rate_limited' ? 'rate limiting by Atlassian' : t.code
        return bounded(`Not checked: ${what.replace(/_/g, ' ')} (a passing problem, not a broken credential).`, 255)
    }
    // The skip that stopped the calls; an instance part that could not be read says nothing about them.
    const skip = o.checks.find((c) => c.status === 'skip' && c.found && !isInstancePartCheck(c.id))
    const idle = o.checks.find((c) => c.id === 'token.access' && c.code === 'access_idle')
    if (idle) return 'Not checked: the access token has expired and keep-alive is off (keepalive_days = 0).'
    const why = skip ? ` (${skip.found.replace(/^Not checked: /, '').replace(/\.$/, '')})` : ''
    return bounded(`Not checked: no call to Atlassian could be made${why}.`, 255)
}

/** A subject that had no proof for two intervals is itself a warning (it may be starved or failing silently). */
function staleWarning(
    prev: HealthState,
    nowMs: number,
    settings: HealthSettings,
    reason: string
): CheckResult | undefined {
    const lastEvidence = Math.max(prev.lastSuccessMs ?? -1, prev.lastFailureMs ?? -1)
    if (lastEvidence < 0) return undefined
    const age = nowMs - lastEvidence
    if (age < 2 * settings.intervalHours * 3600000) return undefined
    return {
        id: 'health.stale',
        status: 'warn',
        title: 'Checked recently',
        code: 'not_checked_two_intervals',
        found: `No check has proved anything for ${humanDuration(age / 1000)} (two intervals or more). ${reason}`,
        expected: `A successful check every ${settings.intervalHours} hours.`,
        fix:
            'Click Validate on this connection; if it is not checked again, raise ' +
            'x_jira_connect.health.total_budget_ms.',
    }
}

/** A subject the run had no time for: keeps a broken verdict, says why; unproven for two intervals is a warning. */
export function notChecked(
    previous: HealthState | null,
    subject: HealthSubject,
    reason: string,
    runSysId: string,
    nowMs: number | null = null,
    settings: HealthSettings | null = null
): HealthState {
    const prev = previous ?? emptyState(subject)
    const next: HealthState = {
        ...prev,
        subjectName: subject.name,
        aliasName: subject.aliasName,
        notCheckedReason: reason,
        lastRunSysId: runSysId || prev.lastRunSysId,
    }
    const stale =
        nowMs !== null && settings && prev.verdict !== 'broken'
            ? staleWarning(prev, nowMs, settings, reason)
            : undefined
    if (stale) {
        if (prev.verdict !== 'warning') next.verdictSinceMs = nowMs
        next.verdict = 'warning'
        next.lastFindingCode = `${stale.id}/${stale.code}`
        next.lastFinding = bounded(stale.found, 1000)
        next.lastFix = stale.fix
    }
    return next
}

/** A row whose connection is inactive or deleted: history, not a verdict (sorted last, never alerted). */
export function retired(previous: HealthState, runSysId: string): HealthState {
    const was =
        previous.verdict === 'no_longer_checked' ? '' : ` (last verdict: ${previous.verdict.replace(/_/g, ' ')})`
    return {
        ...previous,
        verdict: 'no_longer_checked',
        notCheckedReason: bounded(`No longer checked: the connection is inactive or was deleted${was}.`, 255),
        lastRunSysId: runSysId || previous.lastRunSysId,
    }
}
