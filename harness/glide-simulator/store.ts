/**
 * In-memory table store. Every value is a string (as Glide stores them); '' means empty. Rows live under their
 * concrete table (sys_class_name); a query on a table sees the rows of every table that extends it.
 * Password2 columns hold ciphertext (AES-256-GCM under a per-simulator key): the plain text is reachable only through
 * decrypt(), which the simulated platform APIs (StandardCredentialsProvider, the OAuth engine) use, never getValue.
 */
import * as crypto from 'node:crypto'
import { Schema, SchemaError } from './schema'

export type Row = Record<string, string>

export class Clock {
    private offsetMs = 0
    nowMs(): number {
        return Date.now() + this.offsetMs
    }
    advance(ms: number): void {
        this.offsetMs += ms
    }
}

/** Glide date-time format (UTC): yyyy-MM-dd HH:mm:ss */
export function glideDateTime(ms: number): string {
    return new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
}

export function parseGlideDateTime(s: string): number {
    return Date.parse(s.replace(' ', 'T') + 'Z')
}

export function newSysId(): string {
    return crypto.randomBytes(16).toString('hex')
}

const CIPHER_PREFIX = 'sim-enc:'

export class Vault {
    private readonly key = crypto.randomBytes(32)
    encrypt(plain: string): string {
        if (plain === '') return ''
        const iv = crypto.randomBytes(12)
        const c = crypto.createCipheriv('aes-256-gcm', this.key, iv)
        const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
        return CIPHER_PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')
    }
    decrypt(stored: string): string {
        if (!stored) return ''
        if (!stored.startsWith(CIPHER_PREFIX))
            throw new Error('password2 value is not encrypted (stored in plain text)')
        const raw = Buffer.from(stored.slice(CIPHER_PREFIX.length), 'base64')
        const d = crypto.createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12))
        d.setAuthTag(raw.subarray(12, 28))
        return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8')
    }
    isEncrypted(stored: string): boolean {
        return stored.startsWith(CIPHER_PREFIX)
    }
}

export interface WriteOptions {
    /** Who/what writes: 'system' for install, else the user name. */
    user: string
    /** Values of password2 columns are plain text and must be encrypted (form entry, template). Default true. */
    encryptPasswords?: boolean
    /** Check reference values point at existing rows (default true). */
    checkReferences?: boolean
}

export class Store {
    private readonly tables = new Map<string, Map<string, Row>>()

    constructor(
        readonly schema: Schema,
        readonly clock: Clock,
        readonly vault: Vault
    ) {}

    private bucket(table: string): Map<string, Row> {
        let b = this.tables.get(table)
        if (!b) {
            b = new Map()
            this.tables.set(table, b)
        }
        return b
    }

    /** Rows of the table and every table extending it (live objects: copy before handing out). */
    rowsOf(table: string): Row[] {
        const out: Row[] = []
        for (const t of this.schema.selfAndDescendants(table))
            for (const r of this.tables.get(t)?.values() ?? []) out.push(r)
        return out
    }

    find(table: string, sysId: string): Row | null {
        for (const t of this.schema.selfAndDescendants(table)) {
            const r = this.tables.get(t)?.get(sysId)
            if (r) return r
        }
        return null
    }

    /** Which table a sys_id lives in, anywhere in the store. */
    locate(sysId: string): Row | null {
        for (const b of this.tables.values()) {
            const r = b.get(sysId)
            if (r) return r
        }
        return null
    }

    private normalise(table: string, values: Row, opts: WriteOptions, context: string): Row {
        const out: Row = {}
        for (const [k, v0] of Object.entries(values)) {
            const col = this.schema.requireColumn(table, k, context)
            let v = v0 == null ? '' : String(v0)
            if (
                /^password2?$/i.test(col.type) &&
                opts.encryptPasswords !== false &&
                v !== '' &&
                !this.vault.isEncrypted(v)
            )
                v = this.vault.encrypt(v)
            if (col.type === 'Boolean' && v !== '') v = v === 'true' || v === '1' ? 'true' : 'false'
            out[k] = v
        }
        return out
    }

    checkReferences(table: string, row: Row, context: string): void {
        for (const [k, v] of Object.entries(row)) {
            if (!v || k === 'sys_scope' || k === 'sys_package') continue
            const col = this.schema.column(table, k)
            if (!col?.reference || !this.schema.isComplete(col.reference)) continue
            if (!this.find(col.reference, v)) {
                throw new SchemaError(
                    `${context}: ${table}.${k} references ${col.reference} '${v}', which does not exist`
                )
            }
        }
    }

    insert(table: string, values: Row, opts: WriteOptions): Row {
        const context = `insert into ${table}`
        if (!this.schema.hasTable(table))
            throw new SchemaError(`${context}: table '${table}' is not known to the simulator`)
        const v = this.normalise(table, values, opts, context)
        const sysId = v.sys_id || newSysId()
        if (this.locate(sysId)) throw new SchemaError(`${context}: sys_id ${sysId} already exists`)
        const now = glideDateTime(this.clock.nowMs())
        const row: Row = {
            ...v,
            sys_id: sysId,
            sys_class_name: table,
            sys_created_on: v.sys_created_on || now,
            sys_created_by: v.sys_created_by || opts.user,
            sys_updated_on: now,
            sys_updated_by: opts.user,
            sys_mod_count: '0',
        }
        if (opts.checkReferences !== false) this.checkReferences(table, row, context)
        this.bucket(table).set(sysId, row)
        return row
    }

    update(table: string, sysId: string, values: Row, opts: WriteOptions): Row {
        const context = `update ${table} ${sysId}`
        const row = this.find(table, sysId)
        if (!row) throw new SchemaError(`${context}: no such record`)
        const concrete = row.sys_class_name
        const v = this.normalise(concrete, values, opts, context)
        delete v.sys_id
        delete v.sys_class_name
        if (opts.checkReferences !== false) this.checkReferences(concrete, v, context)
        Object.assign(row, v)
        row.sys_updated_on = glideDateTime(this.clock.nowMs())
        row.sys_updated_by = opts.user
        row.sys_mod_count = String(Number(row.sys_mod_count || '0') + 1)
        return row
    }

    delete(table: string, sysId: string): boolean {
        const row = this.find(table, sysId)
        if (!row) return false
        return this.tables.get(row.sys_class_name)!.delete(sysId)
    }

    /** Every stored value of every row (for "no secret leaked" assertions). */
    dump(): Array<{ table: string; row: Row }> {
        const out: Array<{ table: string; row: Row }> = []
        for (const [table, b] of this.tables) for (const row of b.values()) out.push({ table, row: { ...row } })
        return out
    }
}
