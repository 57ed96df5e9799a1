/**
 * Jira webhooks in the health check (checks/inbound.ts does the calls): when this run may refresh a connection's
 * expiring dynamic webhooks, and the alert for a webhook that expired while the connection was already broken (the
 * health alerts fire on a change of verdict only, so a refused refresh followed by the expiry would otherwise alert
 * once). Jira expires dynamic webhooks 30 days after their last refresh (developer.atlassian.com REST "Extend webhook
 * life"); a successful refresh moves the expiry 30 days out, so the next one is due weeks later.
 */
import type { InboundResult } from '../checks/inbound'
import type { TokenState } from '../ports'
import type { CheckResult } from '../report'
import { ALERT_EVENTS, type HealthAlert, type HealthState, type HealthSubject } from './model'

const DAY_MS = 86400000
const CHECK = 'inbound.dynamic_webhooks'

/**
 * At most one refresh attempt per connection per day: after a refused refresh (the latest health row says so) the
 * next attempt waits 24 hours, however often the health check runs (Validate all, a shorter interval).
 */
export function webhookRefreshAllowed(previous: HealthState | null, nowMs: number): boolean {
    if (!previous || previous.lastCheckedMs === null) return true
    const refused = previous.lastFindingCode === `${CHECK}/refresh_failed`
    return !refused || nowMs - previous.lastCheckedMs >= DAY_MS
}

/**
 * The "broken" alert for webhooks that expired, when the assessment raised none because the connection was broken
 * already (typically: the refresh was refused first). Once per expiry: not again while the finding stays the same.
 */
export function webhookExpiryAlerts(
    previous: HealthState | null,
    subject: HealthSubject,
    checks: CheckResult[],
    alreadyAlerted: boolean
): HealthAlert[] {
    if (alreadyAlerted || !previous || previous.verdict !== 'broken') return []
    const expired = checks.find((c) => c.id === CHECK && c.status === 'fail' && c.code === 'expired')
    if (!expired || previous.lastFindingCode === `${CHECK}/expired`) return []
    const text = `${expired.found}\nFix: ${expired.fix}`.slice(0, 1500)
    return [{ kind: 'broken', event: ALERT_EVENTS.broken, subjectName: subject.name, text }]
}

/**
 * No call, no verdict: a run that called nobody (idle token) cannot tell that an expired or unrefreshed webhook is
 * back, so a connection broken by the Jira → ServiceNow checks stays broken, and no "recovered" alert is sent, until a
 * run that calls Jira says otherwise.
 */
export function keepInboundBroken(
    previous: HealthState | null,
    checks: CheckResult[],
    assessed: { state: HealthState; alerts: HealthAlert[] }
): { state: HealthState; alerts: HealthAlert[] } {
    const calledNobody = checks.some((c) => c.id === 'token.access' && c.code === 'access_idle')
    if (!previous || !calledNobody || previous.verdict !== 'broken' || assessed.state.verdict === 'broken')
        return assessed
    if (previous.lastFindingCode.indexOf('inbound.') !== 0) return assessed
    return {
        state: {
            ...assessed.state,
            verdict: 'broken',
            verdictSinceMs: previous.verdictSinceMs,
            lastFindingCode: previous.lastFindingCode,
            lastFinding: previous.lastFinding,
            lastFix: previous.lastFix,
        },
        alerts: assessed.alerts.filter((a) => a.kind !== 'recovered'),
    }
}

/** How the health row names a webhook deadline (nextExpiryWhat); the runner recognises it on the next run. */
export const WEBHOOK_DEADLINE = 'Jira webhook'

/**
 * The health row's next deadline becomes the earliest expiry of a live dynamic webhook pointing here when that comes
 * first: the setup page shows it, and the next run knows to call Jira in time even when nothing else uses the token.
 */
export function withWebhookDeadline(
    state: HealthState,
    seen: InboundResult | undefined,
    previous: HealthState | null,
    nowMs: number
): HealthState {
    let at: number | null = null
    let id = ''
    if (!seen) {
        // Not called this time (idle token): the deadline the last call saw still holds.
        const kept = previous && previous.nextExpiryWhat.indexOf(WEBHOOK_DEADLINE) === 0 ? previous.nextExpiryMs : null
        if (!previous || kept === null || kept <= nowMs) return state
        if (state.nextExpiryMs !== null && state.nextExpiryMs <= kept) return state
        return { ...state, nextExpiryMs: kept, nextExpiryWhat: previous.nextExpiryWhat }
    }
    for (const h of seen.webhooks) {
        if (h.kind !== 'dynamic' || h.destination !== 'here' || h.expiresAtMs === null || h.expiresAtMs <= nowMs)
            continue
        if (at === null || h.expiresAtMs < at) {
            at = h.expiresAtMs
            id = h.id
        }
    }
    if (at === null || (state.nextExpiryMs !== null && state.nextExpiryMs <= at)) return state
    return { ...state, nextExpiryMs: at, nextExpiryWhat: `${WEBHOOK_DEADLINE} #${id} (30 days after its last refresh)` }
}

/**
 * An idle OAuth connection's health check calls nobody (its access token expired, keep-alive not due). When the last
 * run saw a webhook pointing here expire within the refresh window, the run must refresh the access token (the
 * keep-alive refresh, through the platform) so the webhook checks, and the webhook refresh, can run.
 */
export function webhookNeedsToken(
    previous: HealthState | null,
    token: TokenState | null,
    nowMs: number,
    refreshDays: number
): boolean {
    if (!previous || previous.nextExpiryMs === null || previous.nextExpiryWhat.indexOf(WEBHOOK_DEADLINE) !== 0)
        return false
    if (!token || !token.hasRefreshToken) return false
    if (token.hasAccessToken && token.accessExpiresInSec !== null && token.accessExpiresInSec > 0) return false
    if (previous.nextExpiryMs - nowMs > refreshDays * DAY_MS) return false
    return webhookRefreshAllowed(previous, nowMs)
}
