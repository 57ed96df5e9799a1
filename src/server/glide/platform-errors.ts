import type { TransportFailure } from '../core/ports'

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
