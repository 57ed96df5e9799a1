/**
 * From one subject's validation result to its next health row and the alerts to send. Alerts fire on a change
 * (healthy/warning -> broken, broken -> healthy/warning) or once per deadline (the refresh token's inactivity expiry,
 * the consent's age limit, the API token's first anniversary), never again for the same deadline.
 */
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
} from './model'
import type { HealthSettings } from './settings'

const DAY_MS = 86400000

/** Findings that mean the consent (token family) is gone: health after them comes from a new consent. */
const CONSENT_LOST = ['consent_expired', 'refresh_expired', 'no_token', 'no_refresh_token', 'access_expired_no_refresh']

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

    let verdict = verdictOfChecks(o.checks)
    let problem = o.checks.find((c) => c.status === 'fail') ?? o.checks.find((c) => c.status === 'warn')
    // A consent found dead stays dead until a new token is stored: a later check that only looks at the stored
    // tokens (access_idle: Atlassian not called) cannot tell, unless the refresh token's expiry moved (new consent).
    const localOnly = o.checks.some((c) => c.id === 'token.access' && c.code === 'access_idle')
    const refreshNow =
        o.token && o.token.hasRefreshToken && o.token.refreshExpiresInSec !== null
            ? now + o.token.refreshExpiresInSec * 1000
            : null
    const newToken =
        refreshNow !== null && (prev.refreshExpiresMs === null || Math.abs(refreshNow - prev.refreshExpiresMs) > 60000)
    if (
        verdict !== 'broken' &&
        localOnly &&
        prev.verdict === 'broken' &&
        isConsentLoss(prev.lastFindingCode) &&
        !newToken
    ) {
        verdict = 'broken'
        problem = undefined
    }
    if (verdict !== prev.verdict) next.verdictSinceMs = now
    next.verdict = verdict
    if (verdict === 'broken') next.lastFailureMs = now
    else next.lastSuccessMs = now
    if (problem) {
        next.lastFindingCode = `${problem.id}/${problem.code}`
        next.lastFinding = bounded(problem.found, 1000)
        next.lastFix = bounded(problem.fix, 1000)
    }

    // Keep-alive bookkeeping (the refresh is done by the validator when the runner allowed it).
    if (o.keepAlive) {
        next.lastKeepAliveMs = now
        next.keepAliveResult = o.keepAlive.result
        if (o.keepAlive.result === 'ok') next.keepAliveCount = prev.keepAliveCount + 1
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
        verdict !== 'broken' &&
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
    if (verdict !== 'broken' && prev.verdict === 'broken') {
        alert(
            'recovered',
            `Jira connection "${o.subject.name}" works again ` +
                `(${verdict === 'healthy' ? 'every check passed' : 'with warnings'}).`
        )
    }
    // Alerts: once per deadline crossing.
    const tokenDeadline = deadlines.find((d) => d.kind === 'refresh' || d.kind === 'consent')
    if (
        tokenDeadline &&
        tokenDeadline.at - now <= settings.refreshWarnDays * DAY_MS &&
        !sameDeadline(prev.refreshAlertDeadlineMs, tokenDeadline.at)
    ) {
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
    if (
        api &&
        api.at - now <= settings.apiTokenWarnDays * DAY_MS &&
        !sameDeadline(prev.apiTokenAlertDeadlineMs, api.at)
    ) {
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

/** Deadlines computed on different days differ by the time between checks; a day apart is the same deadline. */
function sameDeadline(a: number | null, b: number): boolean {
    return a !== null && Math.abs(a - b) < DAY_MS
}

/** A subject the run had no time for: keeps its verdict and says why it was not checked. */
export function notChecked(
    previous: HealthState | null,
    subject: HealthSubject,
    reason: string,
    runSysId: string
): HealthState {
    const prev = previous ?? emptyState(subject)
    return {
        ...prev,
        subjectName: subject.name,
        aliasName: subject.aliasName,
        notCheckedReason: reason,
        lastRunSysId: runSysId || prev.lastRunSysId,
    }
}
