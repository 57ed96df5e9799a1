/**
 * The setup audit trail and save lock over x_jira_connect_setup_change (src/fluent/setup/setup-change-table.now.ts),
 * written through GlideRecordSecure as the admin who saved (who = sys_created_by, when = sys_created_on).
 * The lock is a row of kind "lock" with an expiry: a save inserts its lock, then reads every unexpired lock back and
 * goes on only if its own is the oldest (ties by sys_id), so two saves that insert at the same moment agree on one
 * winner without an atomic compare-and-set, which a scoped script does not have [I: assumption A35].
 */
import { GlideDateTime, gs } from '@servicenow/glide'
import type { ChangeRow, LockResult, RecordedSwitch } from '../core/setup/setup-port'
import { newRecord, newSecureRecord, secureById, str } from './records'

export const CHANGE_TABLE = 'x_jira_connect_setup_change'

function nowPlus(seconds: number): string {
    const d = new GlideDateTime()
    d.addSeconds(seconds)
    return d.getValue()
}

export function recordChanges(rows: ChangeRow[]): boolean {
    let ok = true
    for (const c of rows) {
        const row = newSecureRecord(CHANGE_TABLE)
        row.setValue('kind', 'change')
        row.setValue('operation', c.operation)
        row.setValue('batch', c.batch)
        row.setValue('table_name', c.table)
        row.setValue('document_key', c.sysId)
        row.setValue('record_name', c.recordName)
        row.setValue('field_name', c.field)
        row.setValue('old_value', c.oldValue)
        row.setValue('new_value', c.newValue)
        if (!row.insert()) ok = false
    }
    if (!ok) gs.warn('Jira Cloud Connect setup: the platform refused an audit row of x_jira_connect_setup_change.')
    return ok
}

interface LockRow {
    sysId: string
    by: string
    since: string
    expires: string
}

function liveLocks(): LockRow[] {
    const out: LockRow[] = []
    const now = nowPlus(0)
    const row = newRecord(CHANGE_TABLE)
    row.addQuery('kind', 'lock')
    row.addQuery('expires', '>', now)
    row.orderBy('sys_created_on')
    row.setLimit(20)
    row.query()
    while (row.next()) {
        out.push({
            sysId: row.getUniqueValue(),
            by: str(row, 'sys_created_by'),
            since: str(row, 'sys_created_on'),
            expires: str(row, 'expires'),
        })
    }
    // Oldest first; the same second: the lower sys_id first (every save sorts the same way).
    return out.sort((a, b) => (a.since === b.since ? (a.sysId < b.sysId ? -1 : 1) : a.since < b.since ? -1 : 1))
}

export function acquireLock(operation: string, ttlSeconds: number): LockResult {
    const held = liveLocks()
    if (held.length) return { ok: false, heldBy: held[0].by, since: held[0].since, expires: held[0].expires }
    const row = newSecureRecord(CHANGE_TABLE)
    row.setValue('kind', 'lock')
    row.setValue('operation', operation)
    row.setValue('record_name', `save lock: ${operation}`)
    row.setValue('expires', nowPlus(ttlSeconds))
    const sysId = row.insert()
    if (!sysId) {
        return { ok: false, heldBy: '(the platform refused the lock record)', since: nowPlus(0), expires: nowPlus(0) }
    }
    // Re-check after the write: a save that inserted its lock at the same moment wins only if it sorts first.
    const first = liveLocks()[0]
    if (first && first.sysId !== sysId) {
        releaseLock(sysId)
        return { ok: false, heldBy: first.by, since: first.since, expires: first.expires }
    }
    return { ok: true, lockId: sysId }
}

export function releaseLock(lockId: string): void {
    const row = secureById(CHANGE_TABLE, lockId)
    if (row) row.deleteRecord()
    // Expired locks of saves that died are left for the record; they no longer block (their expiry has passed).
}

/** Switches (operation "make live" / "switch back") recorded in the last `seconds`, latest first. */
export function recordedSwitches(seconds: number): RecordedSwitch[] {
    const since = nowPlus(-seconds)
    const byBatch: { [batch: string]: RecordedSwitch } = {}
    const order: string[] = []
    const row = newRecord(CHANGE_TABLE)
    row.addQuery('kind', 'change')
    row.addQuery('field_name', 'active')
    row.addQuery('operation', 'IN', 'make live,switch back')
    row.addQuery('sys_created_on', '>=', since)
    row.orderByDesc('sys_created_on')
    row.setLimit(50)
    row.query()
    while (row.next()) {
        const batch = str(row, 'batch')
        let s = byBatch[batch]
        if (!s) {
            s = {
                batch,
                at: str(row, 'sys_created_on'),
                by: str(row, 'sys_created_by'),
                activated: '',
                deactivated: [],
            }
            byBatch[batch] = s
            order.push(batch)
        }
        if (str(row, 'new_value') === 'true') s.activated = str(row, 'document_key')
        else s.deactivated.push(str(row, 'document_key'))
    }
    return order.map((b) => byBatch[b]).filter((s) => s.activated && s.deactivated.length)
}
