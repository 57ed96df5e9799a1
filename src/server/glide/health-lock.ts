/**
 * RunLockPort over x_jira_connect_setup_change rows of kind "run_lock" (src/fluent/setup/setup-change-table.now.ts):
 * who started the run in record_name, when in sys_created_on (the instance's clock, like GlideClock), until when in
 * expires. A row, not a property: every sys_properties write flushes the cache on every node (ServiceNow KB1000746)
 * and is a configuration change; a row of the app's own table is neither (assumption A44). Plain GlideRecord: the
 * lock is the health check's bookkeeping (the scheduled job runs as system), not a user's write, so the audit
 * table's ACLs do not apply to it.
 */
import type { RunLock, RunLockPort, StoredRunLock } from '../core/health/single-flight'
import { fromGlideDateTime, toGlideDateTime } from './health-clock'
import { byId, newRecord, str } from './records'
import { CHANGE_TABLE } from './setup-audit'

export const RUN_LOCK_KIND = 'run_lock'
const PREFIX = 'health check lock: '
/** More rows than this cannot exist: every take removes the stale ones first and every run removes its own. */
const MAX_ROWS = 50

export class GlideRunLock implements RunLockPort {
    list(): StoredRunLock[] {
        const out: StoredRunLock[] = []
        const row = newRecord(CHANGE_TABLE)
        row.addQuery('kind', RUN_LOCK_KIND)
        row.orderBy('sys_created_on')
        row.setLimit(MAX_ROWS)
        row.query()
        while (row.next()) {
            const since = fromGlideDateTime(str(row, 'sys_created_on'))
            out.push({
                id: row.getUniqueValue(),
                owner: str(row, 'record_name').replace(PREFIX, ''),
                sinceMs: since === null ? 0 : since,
            })
        }
        return out
    }

    add(lock: RunLock, expiresMs: number): string {
        const row = newRecord(CHANGE_TABLE)
        row.setValue('kind', RUN_LOCK_KIND)
        row.setValue('operation', 'health check')
        row.setValue('record_name', `${PREFIX}${lock.owner}`)
        row.setValue('expires', toGlideDateTime(expiresMs))
        return row.insert() || ''
    }

    remove(id: string): void {
        const row = byId(CHANGE_TABLE, id)
        if (row) row.deleteRecord()
    }
}
