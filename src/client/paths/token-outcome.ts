import type { PopupOutcome } from './oauth-popup'

/**
 * What one "Get OAuth Token" attempt did, told from what the page can see: the popup's end (closed, blocked, or the
 * instance's oauth_redirect.do message) and the stored token before and after. A new token is one that was not there
 * before or whose access token now lives longer than before (a fresh token starts a new expiry).
 */
export type TokenAttempt =
    | { kind: 'received' }
    | { kind: 'denied'; earlier: boolean }
    | { kind: 'rejected'; earlier: boolean }
    | { kind: 'closed'; earlier: boolean }
    | { kind: 'blocked'; earlier: boolean }
    | { kind: 'failed'; earlier: boolean; message: string }

export interface TokenSeen {
    hasAccessToken: boolean
    accessExpiresInSec: number | null
}

export function isNewToken(before: TokenSeen | null, after: TokenSeen | null): boolean {
    if (!after || !after.hasAccessToken) return false
    if (!before || !before.hasAccessToken) return true
    return (after.accessExpiresInSec ?? 0) > (before.accessExpiresInSec ?? 0)
}

/**
 * The instance's oauth_redirect.do page names the provider's error (consent denied: the authorization response's
 * error=access_denied, RFC 6749 §4.1.2.1) or a failed token request (a wrong client ID or secret: Atlassian's token
 * endpoint answers 401 access_denied "Unauthorized", or invalid_client). The wording is the instance's and not
 * documented (assumption A37): a new stored token wins over any wording, and an unknown one is shown as it is.
 */
export function classify(outcome: PopupOutcome, before: TokenSeen | null, after: TokenSeen | null): TokenAttempt {
    if (isNewToken(before, after)) return { kind: 'received' }
    const earlier = !!(after && after.hasAccessToken)
    if (outcome.kind === 'blocked') return { kind: 'blocked', earlier }
    if (outcome.kind !== 'finished') return { kind: 'closed', earlier }
    const m = outcome.message
    if (/token request/i.test(m) && /access_denied|unauthori[sz]ed|invalid_client|HTTP 401/i.test(m)) {
        return { kind: 'rejected', earlier }
    }
    if (/access_denied/i.test(m)) return { kind: 'denied', earlier }
    return { kind: 'failed', earlier, message: m }
}

/** How long the earlier token's access token still lives, for "the earlier token … is still in use". */
export function earlierToken(after: TokenSeen | null, now = Date.now()): string {
    const left = after && after.accessExpiresInSec
    if (!left || left <= 0) return 'the token stored earlier'
    const until = new Date(now + left * 1000).toISOString().slice(11, 16)
    return `the token stored earlier (access token valid until ${until} UTC)`
}
