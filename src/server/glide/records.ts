/**
 * Thin GlideRecord helpers. GlideRecord is typed loosely here on purpose: the @servicenow/glide generics need the
 * instance's table typings (now-sdk dependencies), which this project cannot download without an instance.
 */
import { GlideRecord, GlideRecordSecure } from '@servicenow/glide'

export interface Row {
    getValue(field: string): string | null
    setValue(field: string, value: unknown): void
    getUniqueValue(): string
    getRecordClassName(): string
    getTableName(): string
    addQuery(field: string, operatorOrValue: unknown, value?: unknown): unknown
    addNullQuery(field: string): unknown
    query(): void
    next(): boolean
    get(sysIdOrField: string, value?: string): boolean
    setLimit(n: number): void
    orderBy(field: string): void
    orderByDesc(field: string): void
    insert(): string | null
    update(): string | null
    deleteRecord(): boolean
    canWrite(): boolean
    canCreate(): boolean
}

export function newRecord(table: string): Row {
    const Ctor = GlideRecord as unknown as new (table: string) => Row
    return new Ctor(table)
}

/**
 * A GlideRecordSecure: the table's ACLs apply to the session user on query, insert, update and delete (ServiceNow docs
 * "Using GlideRecordSecure"; a denied write returns null, assumption A33). The setup API writes
 * through it so that an instance's own ACLs on registries, credentials and connections are honoured.
 */
export function newSecureRecord(table: string): Row {
    const Ctor = GlideRecordSecure as unknown as new (table: string) => Row
    return new Ctor(table)
}

/** The row with this sys_id through GlideRecordSecure, or null (also when the user may not read it). */
export function secureById(table: string, sysId: string): Row | null {
    if (!sysId || !/^[0-9a-f]{32}$/i.test(sysId)) return null
    const row = newSecureRecord(table)
    return row.get(sysId) ? row : null
}

export function str(row: Row, field: string): string {
    const v = row.getValue(field)
    return v === null || v === undefined ? '' : String(v)
}

export function bool(row: Row, field: string): boolean {
    const v = str(row, field)
    return v === 'true' || v === '1'
}

/** The row with this sys_id, or null. */
export function byId(table: string, sysId: string): Row | null {
    if (!sysId || !/^[0-9a-f]{32}$/i.test(sysId)) return null
    const row = newRecord(table)
    return row.get(sysId) ? row : null
}

/** Runs fn for each row matching field = value (a tiny query helper; limit bounds runaway lists). */
export function each(table: string, conditions: Array<[string, string]>, fn: (row: Row) => void, limit = 200): void {
    const row = newRecord(table)
    for (const [field, value] of conditions) row.addQuery(field, value)
    row.setLimit(limit)
    row.query()
    while (row.next()) fn(row)
}
