/**
 * Atlassian's rate-limit headers, read from every answer the validator and the health check get, in both the beta
 * names seen in production since the points-based quotas (enforced for OAuth 2.0 apps since 2026-03-02,
 * developer.atlassian.com/cloud/jira/platform/rate-limiting) and the final names of Atlassian's guide
 * ("Build an app that respects rate limits"):
 *   Beta-RateLimit-Policy / RateLimit-Policy   "tenant-app-quota";q=<points>;w=<window s>
 *   Beta-RateLimit / RateLimit                 "tenant-app-quota";r=<points left>;t=<s to reset>
 *   X-Beta-RateLimit-Reason / RateLimit-Reason jira-quota-tenant-based, jira-burst-based, jira-per-issue-on-write, ...
 *   X-Beta-RateLimit-NearLimit / X-RateLimit-NearLimit   true when less than 20 % is left
 *   X-Beta-RateLimit-Reset / X-RateLimit-Reset           when the window resets
 *   X-RateLimit-Limit / X-RateLimit-Remaining            burst limits
 * Header values are server text: only numbers and short tokens are kept. Names and formats: assumption A41.
 */

export interface RateLimitInfo {
    /** Points (or requests) left in the window, when sent. */
    remaining: number | null
    /** The window's quota, when sent. */
    quota: number | null
    /** Window length in seconds, when sent. */
    windowSec: number | null
    /** Seconds until the window resets, when sent. */
    resetInSec: number | null
    /** The reset as Atlassian wrote it (e.g. 2026-03-26T16:00Z), when sent. */
    resetAt: string
    reason: string
    nearLimit: boolean
    /** Which header family it came from. */
    names: 'beta' | 'final' | 'burst'
}

const TOKEN = /^[A-Za-z0-9_.:-]{1,60}$/

function param(value: string | undefined, name: string): number | null {
    if (!value) return null
    const m = new RegExp(`(?:^|;)\\s*${name}=(\\d{1,12})`).exec(value)
    return m ? Number(m[1]) : null
}

function token(value: string | undefined): string {
    const v = (value || '').trim()
    return TOKEN.test(v) ? v : ''
}

/** The rate-limit state an answer's (lower-case) headers describe, or null when it carries none. */
export function readRateLimit(headers: Record<string, string>): RateLimitInfo | null {
    const h = headers || {}
    const beta = h['beta-ratelimit'] !== undefined || h['beta-ratelimit-policy'] !== undefined
    const final = h['ratelimit'] !== undefined || h['ratelimit-policy'] !== undefined
    const policy = beta ? h['beta-ratelimit-policy'] : h['ratelimit-policy']
    const state = beta ? h['beta-ratelimit'] : h['ratelimit']
    const reason = token(h['x-beta-ratelimit-reason']) || token(h['ratelimit-reason'])
    const near = /^true$/i.test((h['x-beta-ratelimit-nearlimit'] || h['x-ratelimit-nearlimit'] || '').trim())
    const resetAt = token(h['x-beta-ratelimit-reset']) || token(h['x-ratelimit-reset'])
    if (beta || final) {
        return {
            remaining: param(state, 'r'),
            quota: param(policy, 'q'),
            windowSec: param(policy, 'w'),
            resetInSec: param(state, 't'),
            resetAt,
            reason,
            nearLimit: near,
            names: beta ? 'beta' : 'final',
        }
    }
    const limit = /^\d{1,9}$/.test((h['x-ratelimit-limit'] || '').trim()) ? Number(h['x-ratelimit-limit']) : null
    const left = /^\d{1,9}$/.test((h['x-ratelimit-remaining'] || '').trim()) ? Number(h['x-ratelimit-remaining']) : null
    if (limit === null && left === null && !near && !reason) return null
    return {
        remaining: left,
        quota: limit,
        windowSec: null,
        resetInSec: null,
        resetAt,
        reason,
        nearLimit: near,
        names: 'burst',
    }
}

/** The most telling of two readings: a quota reading beats a burst one; otherwise the later one. */
export function laterReading(previous: RateLimitInfo | null, next: RateLimitInfo | null): RateLimitInfo | null {
    if (!next) return previous
    if (previous && previous.names !== 'burst' && next.names === 'burst') return previous
    return next
}

/** What a 429's fix says, by the limit Atlassian names (developer.atlassian.com "Rate limiting"). */
export function rateLimitAdvice(reason: string, waitText: string): string {
    if (/burst/i.test(reason)) {
        return (
            `A burst limit (${reason}): too many calls to this endpoint in a short time. Wait ${waitText}, then ` +
            'slow that endpoint down (spread the flows that call it); the hourly quota is not spent.'
        )
    }
    if (/per-issue/i.test(reason)) {
        return (
            `The per-issue write limit (${reason}): too many writes to one issue. Wait ${waitText}; change the ` +
            'flows that update the same issue in a loop.'
        )
    }
    if (/quota/i.test(reason)) {
        return (
            `The hourly points quota of this app on this site (${reason}) is spent: every Jira flow using it fails ` +
            `until the window resets (${waitText}). Do not retry before then (retries cost points, for up to an ` +
            'hour); find the flow that uses most (System Logs > Outbound HTTP Requests).'
        )
    }
    return (
        `Wait ${waitText} and validate again. If it keeps happening, other integrations using the same Atlassian ` +
        'app or account are using up the rate budget.'
    )
}

/** One line for the admin: "12,000 of 100,100 points left this hour (jira-quota-tenant-based)". */
export function describeRateLimit(r: RateLimitInfo): string {
    const left = r.remaining === null ? 'unknown' : String(r.remaining)
    const of = r.quota === null ? '' : ` of ${r.quota}`
    const unit = r.names === 'burst' ? 'requests (burst limit)' : 'points'
    const window = r.windowSec ? ` per ${r.windowSec === 3600 ? 'hour' : `${r.windowSec} s`}` : ''
    const reset = r.resetInSec !== null ? `, resets in ${Math.ceil(r.resetInSec / 60)} min` : ''
    const reason = r.reason ? ` (${r.reason})` : ''
    return `${left}${of} ${unit} left${window}${reset}${reason}${r.nearLimit ? ', near the limit' : ''}`
}
