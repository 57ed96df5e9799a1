/**
 * Typed results of the setup operations. A refusal names the field, what was found, what is expected and the next
 * step, and guarantees nothing was changed (every operation validates all its input before its first write).
 */

export interface FieldError {
    /** The request field the message is about (clientId, cloudId, site, ...), or '' for the request as a whole. */
    field: string
    /** Stable code, e.g. client_id_malformed, cloud_id_not_uuid, site_unknown. */
    code: string
    message: string
}

/**
 * 400 bad input, 403 not allowed, 404 a shipped record is missing, 409 a step before is not done (or a save was
 * refused half-way and put back, or another save holds the lock), 500 a platform error mid-save, 502 Atlassian.
 */
export type RefusalStatus = 400 | 403 | 404 | 409 | 500 | 502

export type OpResult<T> = { ok: true; value: T } | { ok: false; status: RefusalStatus; errors: FieldError[] }

export function done<T>(value: T): OpResult<T> {
    return { ok: true, value }
}

export function refuse<T>(status: RefusalStatus, field: string, code: string, message: string): OpResult<T> {
    return { ok: false, status, errors: [{ field, code, message }] }
}

export function refuseAll<T>(status: RefusalStatus, errors: FieldError[]): OpResult<T> {
    return { ok: false, status, errors }
}
