/**
 * GlideRecord and gs over the simulator's store, for the surface the app uses (see README "What it models").
 * Stricter than the platform on purpose where the platform silently does nothing: an unknown column throws (a typo in
 * the app must fail a test), and so does a reference to a record that does not exist. An unknown table does not: the
 * platform gives a GlideRecord whose isValid() is false ("Table is invalid", ServiceNow docs Scoped GlideRecord
 * isValid()) and whose queries find nothing, which is how a script sees a plugin or a spoke that is not installed.
 * Such tables are noted in GlideEnv.invalidTables so a test can still catch a typo.
 */
import { SchemaError } from './schema'
import type { Row, Store } from './store'

export interface SessionUser {
    sysId: string
    userName: string
    displayName: string
    roles: string[]
}

export interface LogEntry {
    level: 'info' | 'warn' | 'error' | 'debug'
    message: string
    source: string
}

/** What one transaction (an admin's click) collects: messages shown on the next page, logs, the redirect. */
export class Session {
    info: string[] = []
    errors: string[] = []
    constructor(public user: SessionUser) {}
    takeMessages(): { info: string[]; errors: string[] } {
        const out = { info: this.info, errors: this.errors }
        this.info = []
        this.errors = []
        return out
    }
}

/** The table operations Runtime Access Tracking knows (sys_scope_privilege.operation for target_type sys_db_object). */
export type TableOperation = 'read' | 'create' | 'write' | 'delete'

export interface GlideEnv {
    store: Store
    session: Session
    logs: LogEntry[]
    /** Throws when the running script's scope may not do op on table (access-tracking.ts); absent = no checks. */
    guard?: (table: string, op: TableOperation) => void
    /**
     * Whether the session user passes the table's record ACLs for op (simulator.ts aclAllows); absent = allowed.
     * GlideRecord ignores ACLs (it only answers canRead/canWrite/... when asked); GlideRecordSecure enforces them.
     */
    acl?: (table: string, op: TableOperation) => boolean
    /**
     * A before business rule that aborts the write (current.setAbortAction(true)): returns its message, or null to let
     * the write through. The platform then writes nothing and insert()/update() return null (simulator.ts abortRules).
     */
    abort?: (table: string, op: 'create' | 'write', next: Row) => string | null
    /**
     * The order of rows the query does not order (and of ties in the ones it orders): 'insertion' (default) or
     * 'reverse'. The platform promises none: without orderBy the database returns rows in the order of whatever index
     * it uses (ServiceNow docs "GlideRecord": orderBy is how a script asks for an order), so code that takes "the
     * first match" of several must order; tests switch to 'reverse' to catch code that does not.
     */
    unordered?: () => 'insertion' | 'reverse'
    /** Tables scripts opened a GlideRecord on that do not exist here (isValid() false), in order, for the tests. */
    invalidTables?: string[]
}

type Condition = { field: string; op: string; value: string | string[] }

function str(v: unknown): string {
    if (v === null || v === undefined) return ''
    if (typeof v === 'object' && v && 'getUniqueValue' in (v as object))
        return String((v as { getUniqueValue(): string }).getUniqueValue())
    return String(v)
}

const OPERATORS = new Set([
    '=',
    '!=',
    'IN',
    'NOT IN',
    'STARTSWITH',
    'ENDSWITH',
    'CONTAINS',
    'ISEMPTY',
    'ISNOTEMPTY',
    '>',
    '<',
    '>=',
    '<=',
])

/** Whether the value of the condition's field (read by the caller, through any dot-walk) satisfies it. */
function matches(v: string, c: Condition): boolean {
    switch (c.op) {
        case '=':
            return v === c.value
        case '!=':
            return v !== c.value
        case 'IN':
            return (c.value as string[]).includes(v)
        case 'NOT IN':
            return !(c.value as string[]).includes(v)
        case 'STARTSWITH':
            return v.startsWith(c.value as string)
        case 'ENDSWITH':
            return v.endsWith(c.value as string)
        case 'CONTAINS':
            return v.includes(c.value as string)
        case 'ISEMPTY':
            return v === ''
        case 'ISNOTEMPTY':
            return v !== ''
        default: {
            const a = Number(v)
            const b = Number(c.value)
            const [x, y] = Number.isFinite(a) && Number.isFinite(b) && v !== '' ? [a, b] : [v, c.value as string]
            if (c.op === '>') return x > y
            if (c.op === '<') return x < y
            if (c.op === '>=') return x >= y
            return x <= y
        }
    }
}

export function createGlideRecordClass(env: GlideEnv) {
    const { store } = env
    const schema = store.schema

    /**
     * A GlideElement: the value of one column, compared with == as a string (valueOf/toString), and dot-walkable
     * through references (current.oauth_entity_profile.oauth_entity.name). A walk through an empty or dangling
     * reference yields empty elements; a column that is not on the referenced table yields undefined, as on the
     * platform.
     */
    function makeElement(table: string, field: string, value: string): unknown {
        const col = schema.column(table, field)
        const base = {
            toString: () => value,
            valueOf: () => value,
            toJSON: () => value,
            getValue: () => (value === '' ? null : value),
            getDisplayValue: () => (schema.isPassword(table, field) ? (value ? '********' : '') : value),
            nil: () => value === '',
            getName: () => field,
            getTableName: () => table,
            getRefRecord: () => {
                if (!col?.reference) throw new SchemaError(`${table}.${field} is not a reference field`)
                const gr = new GlideRecord(col.reference)
                if (value) gr.get(value)
                return gr
            },
        }
        return new Proxy(base, {
            get: (t, p, r) => {
                if (typeof p !== 'string' || p in t) return Reflect.get(t, p, r)
                if (!col?.reference) return undefined
                const target = value ? store.find(col.reference, value) : null
                const targetTable = target?.sys_class_name ?? col.reference
                if (!schema.column(targetTable, p)) return undefined
                return makeElement(targetTable, p, target ? (target[p] ?? '') : '')
            },
        })
    }

    class GlideRecord {
        private readonly _table: string
        private _conditions: Condition[] = []
        private _order: Array<{ field: string; desc: boolean }> = []
        private _limit = -1
        private _results: Row[] | null = null
        private _pos = -1
        private _current: Row | null = null
        private _changes: Row = {}
        /** GlideRecordSecure: ACLs enforced on query, insert, update and delete. */
        protected _secure = false
        /** The table exists (ServiceNow docs "Scoped GlideRecord - isValid()": false when the table is invalid). */
        private readonly _valid: boolean

        constructor(table: string) {
            this._valid = schema.hasTable(table)
            if (!this._valid && env.invalidTables) env.invalidTables.push(String(table))
            this._table = table
            // Field access as GlideElements (current.name, current.connection_alias.id): see makeElement.
            return new Proxy(this, {
                get: (t, p, r) => {
                    if (typeof p !== 'string' || p in t) return Reflect.get(t, p, r)
                    const cls = t._current?.sys_class_name ?? t._table
                    if (!t._valid || !schema.column(cls, p)) return undefined
                    return makeElement(cls, p, t._raw(p))
                },
                set: (t, p, v, r) => {
                    if (typeof p !== 'string' || p in t) return Reflect.set(t, p, v, r)
                    t.setValue(p, v)
                    return true
                },
            })
        }

        /** Stored value of a column ('' when empty), pending changes first. */
        _raw(field: string): string {
            return field in this._changes ? this._changes[field] : this._current ? (this._current[field] ?? '') : ''
        }

        /**
         * The column a query field names: a column of this table, or a dot-walk through reference columns to a column
         * of the referenced table ('user.active' on sys_user_has_role is sys_user.active of the row's user; ServiceNow
         * docs "Dot-walking examples" and "GlideRecord - addQuery"). Each step must be a reference and each name a
         * column of the table the step before references; anything else throws, like an unknown column (the platform
         * drops such an invalid condition, ServiceNow docs "GlideRecord": stricter here so that a typo fails a test).
         */
        private queryCol(field: string, what: string) {
            const parts = String(field).split('.')
            let c = this.col(parts[0], what)
            if (!this._valid) return c
            for (let i = 1; i < parts.length; i++) {
                const via = parts.slice(0, i).join('.')
                if (!c.reference)
                    throw new SchemaError(
                        `GlideRecord('${this._table}').${what}: '${via}' is not a reference field, so it cannot be ` +
                            `dot-walked to '${parts[i]}'`
                    )
                const next = schema.column(c.reference, parts[i])
                if (!next)
                    throw new SchemaError(
                        `GlideRecord('${this._table}').${what}: column '${parts[i]}' is not on table ` +
                            `'${c.reference}' (which '${via}' references)`
                    )
                c = next
            }
            return c
        }

        /**
         * The value a query field has on a stored row: through a dot-walk, the field of the referenced record ('' when
         * the reference is empty or points at no record, so such a row matches only conditions an empty value meets).
         */
        private queryValue(row: Row, field: string): string {
            const parts = field.split('.')
            let r: Row | null = row
            let table = this._table
            for (let i = 0; i < parts.length - 1 && r; i++) {
                const ref: string = schema.column(r.sys_class_name ?? table, parts[i])?.reference ?? ''
                r = r[parts[i]] ? store.find(ref, r[parts[i]]) : null
                table = ref
            }
            return r ? (r[parts[parts.length - 1]] ?? '') : ''
        }

        private col(field: string, what: string) {
            // An invalid table has no columns to check: whatever the script asks of it finds nothing.
            if (!this._valid) return { type: 'String' } as NonNullable<ReturnType<typeof schema.column>>
            const c = schema.column(this._table, field)
            if (!c) {
                const child = schema
                    .selfAndDescendants(this._table)
                    .find((t) => t !== this._table && schema.column(t, field))
                const hint = child ? ` (it is a column of the child table '${child}': query that table to read it)` : ''
                throw new SchemaError(
                    `GlideRecord('${this._table}').${what}: column '${field}' is not on table '${this._table}'${hint}`
                )
            }
            return c
        }

        isValid(): boolean {
            return this._valid
        }
        /** ServiceNow docs "Scoped GlideRecord - isValidField(String columnName)": the table has that column. */
        isValidField(columnName: string): boolean {
            return this._valid && !!schema.column(this._table, String(columnName))
        }
        /** Record ACLs of the table for the session user (ServiceNow docs: GlideRecord canRead/canWrite/...). */
        canRead(): boolean {
            return env.acl ? env.acl(this.getRecordClassName(), 'read') : true
        }
        canWrite(): boolean {
            return env.acl ? env.acl(this.getRecordClassName(), 'write') : true
        }
        canCreate(): boolean {
            return env.acl ? env.acl(this._table, 'create') : true
        }
        canDelete(): boolean {
            return env.acl ? env.acl(this.getRecordClassName(), 'delete') : true
        }
        getTableName(): string {
            return this._table
        }
        getRecordClassName(): string {
            return this._current?.sys_class_name ?? this._table
        }
        initialize(): void {
            this._current = null
            this._changes = {}
        }
        newRecord(): void {
            this.initialize()
        }

        addQuery(field: string, opOrValue?: unknown, value?: unknown): this {
            if (arguments.length === 1) return this.addEncodedQuery(field)
            let op = '='
            let v: unknown = opOrValue
            if (arguments.length >= 3) {
                op = String(opOrValue).toUpperCase()
                v = value
            }
            if (!OPERATORS.has(op))
                throw new SchemaError(
                    `GlideRecord('${this._table}').addQuery: operator '${op}' is not modeled by the simulator`
                )
            const colInfo = this.queryCol(field, `addQuery('${field}')`)
            if (colInfo.type === 'Boolean' && (op === '=' || op === '!=')) {
                const b = str(v)
                v = b === 'true' || b === '1' ? 'true' : b === 'false' || b === '0' ? 'false' : b
            }
            if (op === 'IN' || op === 'NOT IN') {
                const list = Array.isArray(v)
                    ? v.map(str)
                    : str(v)
                          .split(',')
                          .map((s) => s.trim())
                this._conditions.push({ field, op, value: list })
            } else this._conditions.push({ field, op, value: str(v) })
            return this
        }
        addNullQuery(field: string): this {
            this.queryCol(field, `addNullQuery('${field}')`)
            this._conditions.push({ field, op: 'ISEMPTY', value: '' })
            return this
        }
        addNotNullQuery(field: string): this {
            this.queryCol(field, `addNotNullQuery('${field}')`)
            this._conditions.push({ field, op: 'ISNOTEMPTY', value: '' })
            return this
        }
        addActiveQuery(): this {
            return this.addQuery('active', true)
        }
        /**
         * Encoded queries: a=b^c!=d^fieldISEMPTY^fieldSTARTSWITHx^fieldINa,b^ORDERBYf^ORDERBYDESCf (no OR); a field may
         * be dot-walked (user.active=true), as in addQuery.
         */
        addEncodedQuery(q: string): this {
            for (const part of String(q).split('^')) {
                if (!part || part === 'EQ') continue
                if (part.startsWith('ORDERBYDESC')) this.orderByDesc(part.slice(11))
                else if (part.startsWith('ORDERBY')) this.orderBy(part.slice(7))
                else {
                    const m =
                        /^([a-z0-9_.]+?)(ISEMPTY|ISNOTEMPTY|STARTSWITH|ENDSWITH|NOT IN|IN|!=|>=|<=|=|>|<|LIKE)(.*)$/.exec(
                            part
                        )
                    if (!m)
                        throw new SchemaError(`GlideRecord('${this._table}').addEncodedQuery: cannot parse '${part}'`)
                    const op = m[2] === 'LIKE' ? 'CONTAINS' : m[2]
                    if (op === 'ISEMPTY') this.addNullQuery(m[1])
                    else if (op === 'ISNOTEMPTY') this.addNotNullQuery(m[1])
                    else this.addQuery(m[1], op, m[3])
                }
            }
            return this
        }
        orderBy(field: string): void {
            this.col(field, `orderBy('${field}')`)
            this._order.push({ field, desc: false })
        }
        orderByDesc(field: string): void {
            this.col(field, `orderByDesc('${field}')`)
            this._order.push({ field, desc: true })
        }
        setLimit(n: number): void {
            this._limit = Number(n)
        }

        query(): void {
            if (!this._valid) {
                this._results = []
                this._pos = -1
                this._current = null
                return
            }
            env.guard?.(this._table, 'read')
            let rows = store
                .rowsOf(this._table)
                .filter((r) => this._conditions.every((c) => matches(this.queryValue(r, c.field), c)))
            if (env.unordered?.() === 'reverse') rows.reverse()
            if (this._order.length) {
                rows = [...rows].sort((a, b) => {
                    for (const o of this._order) {
                        const x = a[o.field] ?? ''
                        const y = b[o.field] ?? ''
                        const nx = Number(x)
                        const ny = Number(y)
                        const cmp =
                            x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny)
                                ? nx - ny
                                : x < y
                                  ? -1
                                  : x > y
                                    ? 1
                                    : 0
                        if (cmp) return o.desc ? -cmp : cmp
                    }
                    return 0
                })
            }
            // GlideRecordSecure: rows the user may not read are not returned (docs "Using GlideRecordSecure").
            if (this._secure && env.acl) rows = rows.filter((r) => env.acl!(r.sys_class_name || this._table, 'read'))
            if (this._limit >= 0) rows = rows.slice(0, this._limit)
            this._results = rows.map((r) => ({ ...r }))
            this._pos = -1
            this._current = null
            this._changes = {}
        }
        hasNext(): boolean {
            return !!this._results && this._pos + 1 < this._results.length
        }
        next(): boolean {
            if (!this._results || this._pos + 1 >= this._results.length) {
                this._current = null
                return false
            }
            this._pos++
            this._current = this._results[this._pos]
            this._changes = {}
            return true
        }
        getRowCount(): number {
            return this._results ? this._results.length : 0
        }
        get(fieldOrSysId: unknown, value?: unknown): boolean {
            const single = arguments.length < 2
            if (single && (fieldOrSysId === null || fieldOrSysId === undefined || str(fieldOrSysId) === ''))
                return false
            this._conditions = []
            this._order = []
            this._limit = 1
            if (single) this._conditions.push({ field: 'sys_id', op: '=', value: str(fieldOrSysId) })
            else this.addQuery(String(fieldOrSysId), value)
            this.query()
            this._limit = -1
            return this.next()
        }
        isValidRecord(): boolean {
            return this._current !== null
        }
        isNewRecord(): boolean {
            return this._current === null
        }
        getUniqueValue(): string | null {
            return this._current?.sys_id ?? this._changes.sys_id ?? null
        }

        getValue(field: string): string | null {
            const c = this.col(field, `getValue('${field}')`)
            const v = field in this._changes ? this._changes[field] : this._current ? (this._current[field] ?? '') : ''
            if (v === '' || v === undefined) return null
            // Booleans come back as '1' / '0' (community-documented platform behaviour; README "Booleans").
            if (c.type === 'Boolean' && (v === 'true' || v === 'false')) return v === 'true' ? '1' : '0'
            // password2 columns: whatever was typed is encrypted before it is stored; getValue shows the ciphertext.
            if (schema.isPassword(this._current?.sys_class_name ?? this._table, field) && !store.vault.isEncrypted(v))
                return store.vault.encrypt(v)
            return v
        }
        getDisplayValue(field?: string): string | null {
            if (!field) return this.getValue('name') ?? this.getUniqueValue()
            if (schema.isPassword(this._table, field)) return this.getValue(field) ? '********' : null
            return this.getValue(field)
        }
        setValue(field: string, value: unknown): void {
            this.col(field, `setValue('${field}')`)
            this._changes[field] = str(value)
        }

        insert(): string | null {
            if (!this._valid) return null
            env.guard?.(this._table, 'create')
            // GlideRecordSecure: a create the ACLs deny writes nothing and returns null (docs "Using
            // GlideRecordSecure": `if (grs.update()) count++`); the platform logs it, the script carries on.
            if (this._secure && !this.canCreate()) return this._denied('create')
            if (this._aborted('create', { ...this._changes })) return null
            const values: Row = {}
            for (const [k, v] of Object.entries(this._changes)) values[k] = v
            const row = store.insert(this._table, values, { user: env.session.user.userName })
            this._current = { ...row }
            this._changes = {}
            return row.sys_id
        }
        update(): string | null {
            if (!this._current) {
                return this.insert()
            }
            env.guard?.(this._table, 'write')
            if (this._secure && !this.canWrite()) return this._denied('write')
            if (this._aborted('write', { ...this._current, ...this._changes })) return null
            const row = store.update(this._current.sys_class_name, this._current.sys_id, this._changes, {
                user: env.session.user.userName,
            })
            this._current = { ...row }
            this._changes = {}
            return row.sys_id
        }
        deleteRecord(): boolean {
            if (!this._current) return false
            env.guard?.(this._table, 'delete')
            if (this._secure && !this.canDelete()) return this._denied('delete') !== null
            const ok = store.delete(this._table, this._current.sys_id)
            this._current = null
            return ok
        }
        _aborted(op: 'create' | 'write', next: Row): boolean {
            const message = env.abort ? env.abort(this.getRecordClassName(), op, next) : null
            if (message === null) return false
            env.session.errors.push(message)
            this._changes = {}
            return true
        }
        _denied(op: TableOperation): null {
            env.logs.push({
                level: 'warn',
                message: `Security restricted: ${op} operation on table '${this._table}' denied for ${env.session.user.userName}`,
                source: 'GlideRecordSecure',
            })
            return null
        }
    }
    return GlideRecord
}

/** GlideRecordSecure: GlideRecord that enforces the table's ACLs on every query and write. */
export function createGlideRecordSecureClass(GlideRecord: ReturnType<typeof createGlideRecordClass>) {
    return class GlideRecordSecure extends GlideRecord {
        constructor(table: string) {
            super(table)
            this._secure = true
        }
    }
}

export type GlideRecordClass = ReturnType<typeof createGlideRecordClass>

function format(message: unknown, args: unknown[]): string {
    let s = message === undefined ? '' : String(message)
    args.forEach((a, i) => {
        s = s.split(`{${i}}`).join(String(a))
    })
    return s
}

export function createGs(env: GlideEnv, source = 'x_jira_connect') {
    const { store, session } = env
    const log =
        (level: LogEntry['level']) =>
        (message: unknown, ...args: unknown[]) => {
            env.logs.push({ level, message: format(message, args), source })
        }
    return {
        getProperty(name: string, fallback?: unknown): string | undefined {
            const row = store.rowsOf('sys_properties').find((r) => r.name === name)
            if (!row) return fallback === undefined ? undefined : String(fallback)
            return row.value ?? ''
        },
        addInfoMessage(message: unknown): void {
            session.info.push(String(message))
        },
        addErrorMessage(message: unknown): void {
            session.errors.push(String(message))
        },
        info: log('info'),
        warn: log('warn'),
        error: log('error'),
        debug: log('debug'),
        log: log('info'),
        hasRole(role: string): boolean {
            const roles = session.user.roles
            return (
                roles.includes('admin') ||
                String(role)
                    .split(',')
                    .some((r) => roles.includes(r.trim()))
            )
        },
        getUserID(): string {
            return session.user.sysId
        },
        getUserName(): string {
            return session.user.userName
        },
        getUserDisplayName(): string {
            return session.user.displayName
        },
        nil(v: unknown): boolean {
            return v === null || v === undefined || String(v) === ''
        },
        getMessage(key: string, args?: unknown): string {
            return format(key, Array.isArray(args) ? args : args === undefined ? [] : [args])
        },
    }
}

export type Gs = ReturnType<typeof createGs>
