import { classifyPlatformError } from './platform-errors'

// Messages as the platform surfaces them (Java exception text; KB3067060 and outbound HTTP log excerpts).
test.each([
    ['java.net.SocketTimeoutException: Read timed out', 'timeout'],
    ['java.net.SocketTimeoutException: connect timed out', 'timeout'],
    ['Request timed out', 'timeout'],
    ['java.net.UnknownHostException: acme.atlassian.net', 'unknown_host'],
    ['java.net.ConnectException: Connection refused (Connection refused)', 'connection_refused'],
    ['javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure', 'tls'],
    ['sun.security.validator.ValidatorException: PKIX path building failed', 'tls'],
    ['java.security.cert.CertificateException: No subject alternative DNS name matching x found.', 'tls'],
    ['No subject alternative names present', 'tls'],
    ['Session contains no certificates - Untrusted', 'tls'],
    ['javax.net.ssl.SSLPeerUnverifiedException: peer not authenticated', 'tls'],
    ['java.net.SocketException: Connection reset', 'connection_reset'],
    ['Premature EOF', 'connection_reset'],
    ['', 'other'],
    ['Something else', 'other'],
])('%j -> %s', (message, failure) => {
    expect(classifyPlatformError(message)).toBe(failure)
})
