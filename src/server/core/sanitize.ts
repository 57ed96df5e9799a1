/**
 * Everything the validator shows or stores that came from outside (response bodies, error texts) goes through
 * safeText(): it removes anything shaped like a credential and bounds the length, so a token echoed by a proxy or an
 * error page can never reach a form message, a log line or a stored run.
 */

const REDACTED = '[redacted]'

const SECRET_KEYS = 'access_token|refresh_token|id_token|client_secret|password|api_token|apitoken|token'
const UUID_SHAPE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

/** Secrets recognised by where they sit: an Authorization header value, a token or password field, a code= value. */
const SOURCE_PATTERNS: RegExp[] = [
    // Authorization header values
    /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi,
    // key=value or "key":"value" pairs whose key names a secret
    new RegExp(`((?:${SECRET_KEYS})["']?\\s*[:=]\\s*["']?)[^"'&\\s,}]+`, 'gi'),
    // authorization codes in URLs or bodies (short numeric "code" values such as {"code":401} stay)
    /(\bcode["']?\s*[:=]\s*["']?)[^"'&\s,}]{12,}/gi,
]

/** Secret-looking strings: only for free text (bodies, error messages, transport details), whose source is unknown. */
const SHAPE_PATTERNS: RegExp[] = [
    // JWTs (Atlassian authorization codes and access tokens are JWTs or opaque strings)
    /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
    // Atlassian API tokens (ATATT...)
    /\bATATT[A-Za-z0-9_\-=]{8,}/g,
    // long opaque strings (random tokens): 32+ chars of base64url with at least one digit; UUIDs (cloud ids) stay
    new RegExp(`\\b(?!${UUID_SHAPE}\\b)(?=[A-Za-z0-9_-]*\\d)[A-Za-z0-9_-]{32,}`, 'g'),
]

const SECRET_PATTERNS = SOURCE_PATTERNS.concat(SHAPE_PATTERNS)

function redact(text: string, patterns: RegExp[]): string {
    let out = text
    for (const pattern of patterns) {
        out = out.replace(pattern, (match: string, prefix?: string) => {
            // Keep the key name of key=value matches so the admin still sees what was there.
            if (typeof prefix === 'string' && /[:=]\s*["']?$/.test(prefix)) return `${prefix}${REDACTED}`
            if (/^(Bearer|Basic)\s/i.test(match)) return `${match.split(/\s+/)[0]} ${REDACTED}`
            return REDACTED
        })
    }
    return out
}

/** Free text of unknown origin: redacts secrets by where they sit and by how they look. */
export function redactSecrets(text: string): string {
    return redact(text, SECRET_PATTERNS)
}

function bounded(text: string, max: number): string {
    const flat = text.replace(/\s+/g, ' ').trim()
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/**
 * Free text from outside (response bodies, error messages, exception details, header values) before it is shown or
 * stored: redacted, whitespace collapsed, length bounded.
 */
export function safeText(text: string | null | undefined, max = 200): string {
    if (text === null || text === undefined) return ''
    return bounded(redactSecrets(String(text)), max)
}

/**
 * A value from a JSON field whose meaning is known and not secret (site name and URL, cloud id, display name, email,
 * account id, version): shown as sent, so a long site name or email survives. Only secrets marked by where they sit
 * (an Authorization value, a token or password field) are redacted; whitespace collapsed, length bounded.
 */
export function fieldText(value: unknown, max = 120): string {
    if (value === null || value === undefined) return ''
    return bounded(redact(String(value), SOURCE_PATTERNS), max)
}
