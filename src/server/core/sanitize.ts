/**
 * Everything the validator shows or stores that came from outside (response bodies, error texts) goes through
 * safeText(): it removes anything shaped like a credential and bounds the length, so a token echoed by a proxy or an
 * error page can never reach a form message, a log line or a stored run.
 */

const REDACTED = '[redacted]'

const SECRET_KEYS = 'access_token|refresh_token|id_token|client_secret|password|api_token|apitoken|token'
const UUID_SHAPE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

const SECRET_PATTERNS: RegExp[] = [
    // Authorization header values
    /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi,
    // JWTs (Atlassian authorization codes and access tokens are JWTs or opaque strings)
    /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
    // Atlassian API tokens (ATATT...)
    /\bATATT[A-Za-z0-9_\-=]{8,}/g,
    // key=value or "key":"value" pairs whose key names a secret
    new RegExp(`((?:${SECRET_KEYS})["']?\\s*[:=]\\s*["']?)[^"'&\\s,}]+`, 'gi'),
    // authorization codes in URLs or bodies (short numeric "code" values such as {"code":401} stay)
    /(\bcode["']?\s*[:=]\s*["']?)[^"'&\s,}]{12,}/gi,
    // long opaque strings (random tokens): 32+ chars of base64url with at least one digit; UUIDs (cloud ids) stay
    new RegExp(`\\b(?!${UUID_SHAPE}\\b)(?=[A-Za-z0-9_-]*\\d)[A-Za-z0-9_-]{32,}`, 'g'),
]

export function redactSecrets(text: string): string {
    let out = text
    for (const pattern of SECRET_PATTERNS) {
        out = out.replace(pattern, (match: string, prefix?: string) => {
            // Keep the key name of key=value matches so the admin still sees what was there.
            if (typeof prefix === 'string' && /[:=]\s*["']?$/.test(prefix)) return `${prefix}${REDACTED}`
            if (/^(Bearer|Basic)\s/i.test(match)) return `${match.split(/\s+/)[0]} ${REDACTED}`
            return REDACTED
        })
    }
    return out
}

/** Redacts, collapses whitespace and bounds the length of external text before it is shown or stored. */
export function safeText(text: string | null | undefined, max = 200): string {
    if (text === null || text === undefined) return ''
    const flat = redactSecrets(String(text)).replace(/\s+/g, ' ').trim()
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
