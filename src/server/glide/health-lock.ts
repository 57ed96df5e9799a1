/**
 * RunLockPort over the app's property x_jira_connect.health.run_lock (src/fluent/health/properties.now.ts), read and
 * written with GlideRecord on sys_properties so each read sees the stored value, not a cached gs.getProperty.
 */
import type { RunLock, RunLockPort } from '../core/health/single-flight'
import { formatLock, parseLock } from '../core/health/single-flight'
import { newRecord, str, type Row } from './records'

export const RUN_LOCK_PROPERTY = 'x_jira_connect.health.run_lock'

function row(): Row | null {
    const r = newRecord('sys_properties')
    r.addQuery('name', RUN_LOCK_PROPERTY)
    r.setLimit(1)
    r.query()
    return r.next() ? r : null
}

export class GlideRunLock implements RunLockPort {
    read(): RunLock | null {
        const r = row()
        return r ? parseLock(str(r, 'value')) : null
    }

    write(lock: RunLock | null): void {
        const r = row()
        // Without the shipped property there is nothing to lock with: runs then go ahead unlocked.
        if (!r) return
        r.setValue('value', formatLock(lock))
        r.update()
    }
}
