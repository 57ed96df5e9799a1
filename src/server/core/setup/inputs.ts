/**
 * Input checks for the setup operations: each returns the normalised value or a FieldError that says what was found,
 * what is expected and what to do. Values that are secrets are never echoed back in a message.
 */
import { UUID } from '../urls'
import type { FieldError } from './result'

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: FieldError }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const bad = <T>(field: string, code: string, message: string): Parsed<T> => ({
    ok: false,
    error: { field, code, message },
})

/**
 * Atlassian shows OAuth client ids as 32 letters and digits (developer.atlassian.com console, Settings → Client ID).
 * Accept 16-128 of [A-Za-z0-9_-] so a future format still passes, and refuse what is clearly a paste of something else.
 */
const CLIENT_ID = /^[A-Za-z0-9_-]{16,128}$/
/** oauth_entity.client_secret is a password2 column; 255 characters is the platform's default max length [I]. */
export const MAX_SECRET_LENGTH = 255
/** Atlassian API tokens are about 190 characters (ATATT…); basic_auth_credentials.password holds up to 255 [I]. */
export const MAX_API_TOKEN_LENGTH = 255
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const SITE_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

function text(v: unknown): string | null {
    return typeof v === 'string' ? v : null
}

/** Where a 3LO app's client id is shown; the service-account path passes its own place. */
export const APP_CLIENT_ID_PLACE = 'your Atlassian app, Settings → Client ID'

/**
 * A client secret (or API token) pasted into Client ID [I]: Atlassian's secret and token prefixes (ATOA client
 * secrets, ATATT API tokens, ATCTT tokens), or 40 characters and more mixing letters and digits: client ids are 32,
 * client secrets 64 and more. Client ID is a clear-text column (oauth_entity.client_id), so such a value is refused,
 * and never echoed back. Atlassian calls its secrets opaque; these are the shapes seen, not a contract.
 */
export function looksLikeSecret(t: string): boolean {
    if (/^AT(OA|ATT|CTT)/.test(t)) return true
    return t.length >= 40 && /[0-9]/.test(t) && /[A-Za-z]/.test(t)
}

export function clientId(v: unknown, place = APP_CLIENT_ID_PLACE): Parsed<string> {
    const s = text(v)
    if (s === null || s.trim() === '') {
        return bad('clientId', 'client_id_missing', `Client ID is empty: copy it from ${place}.`)
    }
    const t = s.trim()
    if (looksLikeSecret(t)) {
        return bad(
            'clientId',
            'client_id_looks_like_secret',
            `Client ID holds a value shaped like a client secret (${t.length} characters; a client id has 32). ` +
                'It was not saved: Client ID is stored in clear text. Paste the client id from ' +
                `${place} here and the secret into Client secret; if the secret was shared, rotate it there.`
        )
    }
    if (!CLIENT_ID.test(t)) {
        return bad(
            'clientId',
            'client_id_malformed',
            `Client ID "${t.slice(0, 40)}" is not an Atlassian client id (expected 16 to 128 letters, digits, ` +
                `- or _, as in ${place}). Copy it again from there.`
        )
    }
    return ok(t)
}

export function secret(field: string, label: string, v: unknown, max: number): Parsed<string> {
    const s = text(v)
    if (s === null || s === '')
        return bad(field, `${field}_missing`, `${label} is empty: paste it from the Atlassian console.`)
    if (s.trim() !== s) {
        return bad(
            field,
            `${field}_whitespace`,
            `${label} starts or ends with a space or line break; paste it again without it.`
        )
    }
    if (s.length > max) {
        return bad(
            field,
            `${field}_too_long`,
            `${label} is ${s.length} characters; at most ${max} fit. Copy only the value from the Atlassian console.`
        )
    }
    return ok(s)
}

/**
 * The same value pasted into Client ID and Client secret: one of them is wrong, and Atlassian would refuse the pair
 * (invalid_client). Refused at Client secret, naming both fields and never the value.
 */
export function distinctSecret(id: Parsed<string>, sec: Parsed<string | null>, place: string): Parsed<string | null> {
    if (!id.ok || !sec.ok || sec.value === null || sec.value.trim() !== id.value) return sec
    return bad(
        'clientSecret',
        'client_secret_same_as_id',
        'Client secret is the same value as Client ID; nothing was saved. The secret is a different, longer value: ' +
            `copy the secret from ${place}, and keep the client id in Client ID.`
    )
}

/**
 * The client ID and secret of a save (3LO app or service account): a blank secret keeps the stored one, and the secret
 * may not repeat the client ID. `idPlace`/`secretPlace`: where the admin copies each from.
 */
export function clientIdAndSecret(
    body: Record<string, unknown>,
    storedSecret: boolean,
    idPlace: string,
    secretPlace: string
): { id: Parsed<string>; sec: Parsed<string | null> } {
    const id = clientId(body.clientId, idPlace)
    const kept = keptSecret(
        'clientSecret',
        'Client secret',
        body.clientSecret,
        MAX_SECRET_LENGTH,
        storedSecret,
        secretPlace
    )
    return { id, sec: distinctSecret(id, kept, secretPlace) }
}

/**
 * A secret the admin may leave blank to keep the one stored (issue 17 §5: changing the site or re-activating must not
 * need a secret Atlassian shows only once). null = keep; blank with nothing stored is refused, naming the console.
 */
export function keptSecret(
    field: string,
    label: string,
    v: unknown,
    max: number,
    stored: boolean,
    console: string
): Parsed<string | null> {
    if ((v === undefined || v === null || v === '') && stored) return ok(null)
    if (v === undefined || v === null || v === '') {
        return bad(field, `${field}_missing`, `${label} is empty and none is stored yet: paste it from ${console}.`)
    }
    return secret(field, label, v, max)
}

export function cloudId(v: unknown): Parsed<string> {
    const s = text(v)
    const t = s === null ? '' : s.trim()
    if (!UUID.test(t)) {
        return bad(
            'cloudId',
            'cloud_id_not_uuid',
            `Cloud id "${t.slice(0, 60)}" is not a UUID (expected 8-4-4-4-12 hexadecimal digits). ` +
                'Pick the site from the list.'
        )
    }
    return ok(t.toLowerCase())
}

/**
 * The sys_id of a connection a request names ("make live", "switch back", validate one): 32 lowercase hexadecimal
 * digits, as the platform generates them. `field` is the request's name for it.
 */
export function connectionSysId(v: unknown, field = 'connectionSysId'): Parsed<string> {
    const raw = typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v)
    if (!/^[0-9a-f]{32}$/.test(raw)) {
        return bad(
            field,
            'sys_id_malformed',
            `"${raw.slice(0, 40)}" is not a sys_id (32 hexadecimal digits). Use the sys_id of the http_connection ` +
                'record, as the setup page and the health view send it.'
        )
    }
    return ok(raw)
}

/**
 * "acme", "acme.atlassian.net", "https://acme.atlassian.net/" or an address copied from the browser while using Jira
 * ("https://acme.atlassian.net/jira/your-work?x=1#y") → "acme": the host's first label; the path, query and fragment
 * are not part of a site.
 */
export function siteName(v: unknown): Parsed<string> {
    const s = text(v)
    const raw = s === null ? '' : s.trim().toLowerCase()
    const name = raw
        .replace(/^https?:\/\//, '')
        .replace(/[/?#].*$/, '')
        .replace(/\.atlassian\.net$/, '')
    if (!name)
        return bad('site', 'site_missing', 'Site is empty: type your Jira site name, e.g. acme for acme.atlassian.net.')
    if (!SITE_LABEL.test(name)) {
        return bad(
            'site',
            'site_malformed',
            `Site "${raw.slice(0, 80)}" is not a Jira Cloud site name (expected the part before .atlassian.net: ` +
                'letters, digits and hyphens, e.g. acme).'
        )
    }
    return ok(name)
}

export function email(v: unknown): Parsed<string> {
    const s = text(v)
    const t = s === null ? '' : s.trim()
    if (!EMAIL.test(t) || t.length > 254) {
        return bad(
            'email',
            'email_malformed',
            `Email "${t.slice(0, 80)}" is not an email address: use the Atlassian account's email.`
        )
    }
    return ok(t)
}

/** The JSON object body of a request, or a FieldError for a missing/odd body or a wrong content type. */
export function jsonBody(contentType: string, body: unknown): Parsed<Record<string, unknown>> {
    const type = contentType.split(';')[0].trim().toLowerCase()
    if (type !== 'application/json') {
        return bad(
            'content-type',
            'content_type_unsupported',
            `Content-Type is "${type || 'missing'}"; this API accepts application/json only.`
        )
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
        return bad('', 'body_not_object', 'The request body is not a JSON object.')
    }
    return ok(body as Record<string, unknown>)
}
