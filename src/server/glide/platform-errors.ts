import type { RefreshLoss, TransportFailure } from '../core/ports'

/**
 * Maps the platform's outbound error text (Java exception names and messages surfaced by RESTResponseV2 and the OAuth
 * client) to a transport failure. Assumption A7: the texts carry the Java exception class, as seen in outbound HTTP
 * logs.
 */
export function classifyPlatformError(message: string): TransportFailure {
    const m = message || ''
    if (/SocketTimeout|timed out|timeout/i.test(m)) return 'timeout'
    if (/UnknownHost|Name or service not known|nodename nor servname|unknown host/i.test(m)) return 'unknown_host'
    if (/ConnectException|Connection refused/i.test(m)) return 'connection_refused'
    // KB3067060: "No subject alternative names", "Session contains no certificates - Untrusted", "No issuer
    // certificate found", "peer not authenticated", javax.net.ssl.SSLHandshakeException, PKIX path building failed.
    if (/SSL|TLS|certificate|PKIX|handshake|subject alternative|untrusted|no issuer|peer not authenticated/i.test(m)) {
        return 'tls'
    }
    if (/Connection reset|SocketException|Broken pipe|closed by peer|Premature EOF/i.test(m)) return 'connection_reset'
    return 'other'
}

/** The token values of a GlideOAuthToken (the adapter compares them; they never leave src/server/glide). */
export interface TokenValues {
    getAccessToken(): string | null
    getRefreshToken(): string | null
}

/**
 * What the platform did not store after a successful refresh: the access token it returned, or the rotated refresh
 * token (Atlassian returns a new one on every refresh and revokes the old one 10 minutes later). null when stored.
 * Assumption A5.
 */
export function lostInStorage(
    returned: TokenValues,
    stored: TokenValues | null,
    previousRefresh: string
): RefreshLoss | null {
    const newAccess = String(returned.getAccessToken() || '')
    const newRefresh = String(returned.getRefreshToken() || '')
    const storedAccess = stored ? String(stored.getAccessToken() || '') : ''
    const storedRefresh = stored ? String(stored.getRefreshToken() || '') : ''
    if (newAccess && storedAccess !== newAccess) return 'access_token_not_stored'
    if (newRefresh && newRefresh !== previousRefresh && storedRefresh !== newRefresh)
        return 'rotated_refresh_token_not_stored'
    return null
}
