/**
 * Jira Cloud rate-limit headers and the hourly points quota, per app (or API-token account) and tenant.
 *
 * - Points-based hourly quotas for OAuth 2.0 (3LO) and service-account apps, enforced since 2026-03-02
 *   (developer.atlassian.com/cloud/jira/platform/rate-limiting, CHANGE-2958) [C]; API-token traffic is not under them
 *   [C]. Headers as seen in production (community.developer.atlassian.com "2026 point-based rate limits", 2026-03-26)
 *   [R]: `Beta-RateLimit-Policy: "tenant-app-quota";q=<quota>;w=3600`, `Beta-RateLimit: "tenant-app-quota";r=<left>;
 *   t=<seconds to reset>`, `X-Beta-RateLimit-Reason: jira-quota-tenant-based`, `X-Beta-RateLimit-NearLimit: true`,
 *   `X-Beta-RateLimit-Reset: <yyyy-MM-ddTHH:mmZ>`. The final names (option `rateLimitHeaderNames: 'final'`) drop
 *   the `Beta-` / `X-Beta-` prefix (`RateLimit-Policy`, `RateLimit`, `RateLimit-Reason`, `X-RateLimit-NearLimit`,
 *   `X-RateLimit-Reset`) ("Build an app that respects rate limits", 2026-10-20) [C names, I exact switch-over].
 * - NearLimit when less than 20 % of the quota is left [C legacy X-RateLimit-NearLimit definition].
 * - Burst limits per tenant and API: `X-RateLimit-Limit` / `X-RateLimit-Remaining` on every answer [R values I].
 * - Points per call: 1, and `permissionCheckPoints` (default 10) for the bulk permission check: vendors report
 *   permission calls cost many points [R, the number I].
 * - Quota spent: 429, Retry-After = seconds to the window's reset, reason jira-quota-tenant-based [C reason, I body].
 */

export interface QuotaOptions {
    /** Points per hour per app and tenant (default 65000 [I: Atlassian's tiers start there]). */
    quota: number
    permissionCheckPoints: number
    headerNames: 'beta' | 'final'
}

interface Window {
    startMs: number
    used: number
}

const HOUR = 3600 * 1000

export class RateLimits {
    private windows = new Map<string, Window>()

    constructor(readonly opts: QuotaOptions) {}

    /** Points already used in the current window (test control). */
    setUsed(key: string, used: number, nowMs: number): void {
        this.windowOf(key, nowMs).used = used
    }

    used(key: string, nowMs: number): number {
        return this.windowOf(key, nowMs).used
    }

    private windowOf(key: string, nowMs: number): Window {
        let w = this.windows.get(key)
        const start = Math.floor(nowMs / HOUR) * HOUR
        if (!w || w.startMs !== start) {
            w = { startMs: start, used: 0 }
            this.windows.set(key, w)
        }
        return w
    }

    /**
     * Charges one call. `appKey` null: API-token traffic (burst headers only). Returns the headers to add, or a 429
     * when the quota is spent.
     */
    charge(
        appKey: string | null,
        cloudId: string,
        points: number,
        nowMs: number
    ): { headers: Record<string, string>; limited: boolean; retryAfter: number } {
        const headers: Record<string, string> = { 'x-ratelimit-limit': '350', 'x-ratelimit-remaining': '349' }
        if (appKey === null) return { headers, limited: false, retryAfter: 0 }
        const w = this.windowOf(`${appKey}|${cloudId}`, nowMs)
        const q = this.opts.quota
        const limited = w.used + points > q
        if (!limited) w.used += points
        const left = Math.max(0, q - w.used)
        const resetMs = w.startMs + HOUR
        const t = Math.max(0, Math.ceil((resetMs - nowMs) / 1000))
        const beta = this.opts.headerNames === 'beta'
        const reason = 'jira-quota-tenant-based'
        headers[beta ? 'beta-ratelimit-policy' : 'ratelimit-policy'] = `"tenant-app-quota";q=${q};w=3600`
        headers[beta ? 'beta-ratelimit' : 'ratelimit'] = `"tenant-app-quota";r=${left};t=${t}`
        headers[beta ? 'x-beta-ratelimit-reason' : 'ratelimit-reason'] = reason
        headers[beta ? 'x-beta-ratelimit-reset' : 'x-ratelimit-reset'] =
            new Date(resetMs).toISOString().slice(0, 16) + 'Z'
        if (left < q * 0.2) headers[beta ? 'x-beta-ratelimit-nearlimit' : 'x-ratelimit-nearlimit'] = 'true'
        if (limited) {
            headers['retry-after'] = String(t)
            if (beta) headers['ratelimit-reason'] = reason // a 429 names its reason in the final header too [I]
        }
        return { headers, limited, retryAfter: t }
    }

    /** Test control: `quota` used for app `appKey` on `cloudId`. */
    static key(appKey: string, cloudId: string): string {
        return `${appKey}|${cloudId}`
    }
}
