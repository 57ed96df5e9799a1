/**
 * How the setup API changes records (issue 16 §2): every write's result is checked (the platform may refuse one without
 * an exception: an ACL under GlideRecordSecure, a business rule's abort), each change is recorded with its old value
 * so a refusal later in the same save restores what was changed, in reverse order, and the answer then says exactly
 * which records were restored and which, if any, still hold a change. Secrets are never read back: a replaced secret
 * cannot be put back, so the saves write secrets only into records of the connection being prepared (inactive), and a
 * failure names the record that holds the new secret. Every change is also an audit row (who, when, record, field,
 * old and new value; "replaced" for a secret).
 */
import { safeText } from '../sanitize'
import { type FieldError, type OpResult, refuse } from './result'
import type { ChangeRow, SetupPort } from './setup-port'

/** How long a save may hold the lock before another admin's save may take it over (a save takes seconds). */
export const LOCK_SECONDS = 120

export type Values = Record<string, string | boolean>

interface Undo {
    label: string
    run: () => { ok: boolean; reason: string }
}

/** The outcome of a save that stopped half-way: what the platform refused, what was restored, what remains. */
export interface Stopped {
    refused: string
    restored: string[]
    remaining: string[]
}

export const SECRET_MARK = 'replaced'

function asText(v: string | boolean): string {
    return typeof v === 'boolean' ? String(v) : v
}

export class Tx {
    private readonly undo: Undo[] = []
    private readonly changes: ChangeRow[] = []
    /** Changes that cannot be undone (a secret written): named in the answer when the save stops. */
    private readonly permanent: string[] = []
    stopped: Stopped | null = null

    constructor(
        private readonly port: SetupPort,
        readonly operation: string,
        readonly batch: string
    ) {}

    /**
     * Updates a record; secretFields are written but never read or restored. Returns false (and stops the save,
     * restoring what it changed) when the platform refuses.
     */
    update(table: string, sysId: string, name: string, values: Values, secretFields: string[] = []): boolean {
        if (this.stopped) return false
        const plain = Object.keys(values).filter((f) => secretFields.indexOf(f) < 0)
        const before = this.port.readFields(table, sysId, plain)
        if (!before) return this.stop(`${table} "${name}" (${sysId}) is not there any more`)
        const changed: Values = {}
        for (const f of Object.keys(values)) {
            if (secretFields.indexOf(f) >= 0 || before[f] !== asText(values[f])) changed[f] = values[f]
        }
        if (!Object.keys(changed).length) return true
        const r = this.port.updateRecord(table, sysId, changed)
        if (!r.ok) return this.stop(`update of ${table} "${name}" (${fieldList(changed)}): ${r.reason}`)
        const restore: Values = {}
        for (const f of Object.keys(changed)) {
            if (secretFields.indexOf(f) >= 0) {
                this.permanent.push(`${table} "${name}" holds the new ${f}`)
            } else restore[f] = before[f]
            this.changes.push(this.row(table, sysId, name, f, secretFields.indexOf(f) >= 0, before[f], changed[f]))
        }
        if (Object.keys(restore).length) {
            this.undo.push({
                label: `${table} "${name}" (${fieldList(restore)} put back)`,
                run: () => {
                    const u = this.port.updateRecord(table, sysId, restore)
                    // The trail shows the put-back too, so what it lists adds up to what the record holds.
                    if (u.ok) {
                        for (const f of Object.keys(restore)) {
                            this.changes.push(
                                this.row(table, sysId, name, f, false, asText(changed[f]), restore[f], ' (put back)')
                            )
                        }
                    }
                    return { ok: u.ok, reason: u.ok ? '' : u.reason }
                },
            })
        }
        return true
    }

    /** Inserts a record; null (and the save stops) when the platform refuses. Undone by deleting it. */
    insert(table: string, name: string, values: Values, secretFields: string[] = []): string | null {
        if (this.stopped) return null
        const r = this.port.insertRecord(table, values)
        if (!r.ok) {
            this.stop(`creation of ${table} "${name}": ${r.reason}`)
            return null
        }
        const sysId = r.sysId
        this.changes.push(this.row(table, sysId, name, '(created)', false, '', name))
        for (const f of secretFields) if (values[f]) this.changes.push(this.row(table, sysId, name, f, true, '', 'x'))
        this.undo.push({
            label: `${table} "${name}" (created, deleted again)`,
            run: () => {
                const d = this.port.deleteRecord(table, sysId)
                if (d.ok) this.changes.push(this.row(table, sysId, name, '(deleted)', false, name, '', ' (put back)'))
                return { ok: d.ok, reason: d.ok ? '' : d.reason }
            },
        })
        return sysId
    }

    /** Stops the save: restores every change so far, newest first, and records what could not be restored. */
    stop(refused: string): false {
        if (this.stopped) return false
        const restored: string[] = []
        const remaining: string[] = []
        for (let i = this.undo.length - 1; i >= 0; i--) {
            const u = this.undo[i]
            const r = u.run()
            if (r.ok) restored.push(u.label)
            else remaining.push(`${u.label.replace(/ \(.*\)$/, '')}: could not be restored (${r.reason})`)
        }
        for (const p of this.permanent) remaining.push(p)
        this.stopped = { refused, restored, remaining }
        this.undo.length = 0
        this.flush('stopped: ' + refused)
        return false
    }

    /** Undoes this save's changes without calling it refused (a concurrent save already made the same records). */
    revert(): string[] {
        const restored: string[] = []
        for (let i = this.undo.length - 1; i >= 0; i--) if (this.undo[i].run().ok) restored.push(this.undo[i].label)
        this.undo.length = 0
        this.flush('reverted: the same records were made by a concurrent save')
        return restored
    }

    /** Writes the audit rows of this save (kept also when it stopped: what happened is what the trail shows). */
    flush(note = ''): boolean {
        const rows = this.changes.splice(0)
        if (note && rows.length) {
            const last = rows[rows.length - 1]
            rows.push({
                ...last,
                operation: this.operation,
                field: '(save)',
                oldValue: '',
                newValue: note.slice(0, 1000),
            })
        }
        return rows.length ? this.port.recordChanges(rows) : true
    }

    /** The one-paragraph answer for a save that stopped: what was refused, what was put back, what remains. */
    message(what: string): string {
        const s = this.stopped
        if (!s) return ''
        const restored = s.restored.length ? ` Put back: ${s.restored.join('; ')}.` : ''
        const remaining = s.remaining.length
            ? ` Still changed: ${s.remaining.join('; ')}.`
            : s.restored.length
              ? ' Nothing else was changed: the records are as they were before this save.'
              : ' Nothing was changed.'
        return (
            `${what} stopped: the platform refused the ${s.refused}.${restored}${remaining} ` +
            'Ask the administrator of this instance which access rule or business rule refuses it, then save again.'
        )
    }

    errors(what: string): FieldError[] {
        return [{ field: '', code: 'save_refused', message: this.message(what) }]
    }

    private row(
        table: string,
        sysId: string,
        name: string,
        field: string,
        secret: boolean,
        oldValue: string,
        newValue: string | boolean,
        suffix = ''
    ): ChangeRow {
        return {
            operation: this.operation + suffix,
            batch: this.batch,
            table,
            sysId,
            recordName: name.slice(0, 255),
            field,
            oldValue: secret ? '' : oldValue.slice(0, 1000),
            newValue: secret ? SECRET_MARK : asText(newValue).slice(0, 1000),
        }
    }
}

function fieldList(v: Values): string {
    return Object.keys(v).join(', ')
}

/**
 * Runs one setup write under the save lock (two admins saving at once: the second is told to wait, nothing changes),
 * with a Tx whose refusals restore what was changed; the audit rows are written at the end, the lock released always.
 */
export function locked<T>(port: SetupPort, operation: string, what: string, fn: (tx: Tx) => OpResult<T>): OpResult<T> {
    const lock = port.acquireLock(operation, LOCK_SECONDS)
    if (!lock.ok) {
        return refuse(
            409,
            '',
            'save_in_progress',
            `Another setup change, by ${lock.heldBy} since ${lock.since} GMT, is still being saved; nothing was ` +
                `changed. Try again in a minute (its lock expires at ${lock.expires} GMT at the latest).`
        )
    }
    const tx = new Tx(port, operation, lock.lockId)
    try {
        const r = fn(tx)
        if (tx.stopped) return { ok: false, status: 409, errors: tx.errors(what) }
        tx.flush()
        return r
    } catch (e) {
        // An exception from the platform mid-save: restore like a refusal, and say what remains.
        tx.stop(`next write (unexpected platform error: ${safeText(String((e as Error)?.message || e), 160)})`)
        return { ok: false, status: 500, errors: tx.errors(what) }
    } finally {
        port.releaseLock(lock.lockId)
    }
}
