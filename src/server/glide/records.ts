/**
 * Thin GlideRecord helpers. GlideRecord is typed loosely here on purpose: the @servicenow/glide generics need the
 * instance's table typings (now-sdk dependencies), which this project cannot download without an instance.
 */
import { GlideRecord, GlideRecordSecure, gs } from '@servicenow/glide'

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
    /** false when the table does not exist on this instance (ServiceNow docs "Scoped GlideRecord - isValid()"). */
    isValid(): boolean
    /** Whether the table has this column (docs "Scoped GlideRecord - isValidField()"). */
    isValidField(columnName: string): boolean
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

/**
 * Lists cut at their limit during this script run ("more than 200 sys_connection rows with connection_alias = ..."):
 * each() logs each one and the health run names them in its stored run, so no list stops silently.
 */
const truncated: string[] = []

export function truncatedLists(): string[] {
    return truncated.slice()
}

export function clearTruncatedLists(): void {
    truncated.length = 0
}

/**
 * Runs fn for each row matching field = value, oldest first (then by sys_id: without orderBy the database returns
 * rows in no promised order, so which rows a limit keeps would vary). A list longer than `limit` is cut there and the
 * cut is reported (system log, truncatedLists()); returns whether it was cut.
 */
export function each(table: string, conditions: Array<[string, string]>, fn: (row: Row) => void, limit = 200): boolean {
    const row = ordered(table, conditions)
    row.setLimit(limit + 1)
    row.query()
    let n = 0
    while (row.next()) {
        if (n === limit) {
            const what = conditions.map(([f, v]) => ` with ${f} = ${v}`).join(',')
            const text = `more than ${limit} ${table} rows${what}; only the oldest ${limit} were read`
            if (truncated.indexOf(text) < 0) truncated.push(text)
            gs.warn(`Jira Cloud Connect: ${text}.`)
            return true
        }
        n++
        fn(row)
    }
    return false
}

/** The oldest row matching the conditions (then the lowest sys_id), or null: the same one on every call. */
export function firstRow(table: string, conditions: Array<[string, string]>): Row | null {
    const row = ordered(table, conditions)
    row.setLimit(1)
    row.query()
    return row.next() ? row : null
}

/** How many rows match, counting up to `max` (enough to say "several"). */
export function countUpTo(table: string, conditions: Array<[string, string]>, max: number): number {
    const row = ordered(table, conditions)
    row.setLimit(max)
    row.query()
    let n = 0
    while (row.next()) n++
    return n
}

function ordered(table: string, conditions: Array<[string, string]>): Row {
    const row = newRecord(table)
    for (const [field, value] of conditions) row.addQuery(field, value)
    row.orderBy('sys_created_on')
    row.orderBy('sys_id')
    return row
}

/**
 * A record the app ships, by its shipped sys_id (shipped-records.ts); when an admin deleted it and made another, the
 * oldest record with that name, and how many share the name (several: the caller says which one it used).
 */
export function shippedRecord(
    table: string,
    sysId: string,
    nameField: string,
    name: string
): { row: Row | null; sameName: number } {
    const shipped = byId(table, sysId)
    if (shipped) return { row: shipped, sameName: 1 }
    const found = firstRow(table, [[nameField, name]])
    const row = found ? byId(table, found.getUniqueValue()) : null
    const sameName = row ? countUpTo(table, [[nameField, name]], 10) : 0
    if (sameName > 1) {
        gs.warn(
            `Jira Cloud Connect: the shipped ${table} record ${sysId} is gone and ${sameName} records are named ` +
                `"${name}"; the oldest (${row ? row.getUniqueValue() : ''}) is used. Delete or rename the others.`
        )
    }
    return { row, sameName }
}
