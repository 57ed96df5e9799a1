/**
 * Single flight: one health run at a time across the scheduled job, "Validate all" and a second admin, so no alert
 * and no token refresh is doubled. A lock is a row the adapter stores (src/server/glide/health-lock.ts): who took it
 * and when. A lock older than its expiry (a run that died) or stamped in the future (the clock was set back) is stale:
 * it blocks nothing and is removed. A scoped script has no compare-and-set, so a run inserts its own row, then reads
 * every live row back and goes on only if its own is the oldest (ties by id): two runs that insert at the same moment
 * agree on one winner (the setup's save lock works the same way; assumptions A35, A44).
 */

export interface RunLock {
    owner: string
    sinceMs: number
}

export interface StoredRunLock extends RunLock {
    id: string
}

export interface RunLockPort {
    /** The lock rows stored now, any age (the adapter bounds the list and reports when it was cut). */
    list(): StoredRunLock[]
    /** Stores a lock row and returns its id, or '' when the platform refused the insert. */
    add(lock: RunLock, expiresMs: number): string
    remove(id: string): void
}

/** A lock may be this far in the future before it counts as stamped by a clock that was set back. */
const FUTURE_SLACK_MS = 60000

/** Whether a stored lock still stops a new run at nowMs. */
export function lockHeld(lock: RunLock | null, nowMs: number, staleAfterMs: number): boolean {
    if (!lock) return false
    if (lock.sinceMs > nowMs + FUTURE_SLACK_MS) return false
    return nowMs - lock.sinceMs < staleAfterMs
}

/** Live locks, oldest first; the same instant: the lower id first (every run sorts the same way). */
function live(port: RunLockPort, nowMs: number, staleAfterMs: number): StoredRunLock[] {
    return port
        .list()
        .filter((l) => lockHeld(l, nowMs, staleAfterMs))
        .sort((a, b) => a.sinceMs - b.sinceMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export type TakeResult = { ok: true; id: string } | { ok: false; held: RunLock }

/**
 * Takes the lock for `owner`, or returns the lock that holds it. Stale rows are removed first. When the platform
 * refuses the lock row, the run goes ahead unlocked (id ''): a health check that never runs is worse than one that
 * might run twice.
 */
export function takeLock(port: RunLockPort, owner: string, nowMs: number, staleAfterMs: number): TakeResult {
    const before = port.list()
    const held = before
        .filter((l) => lockHeld(l, nowMs, staleAfterMs))
        .sort((a, b) => a.sinceMs - b.sinceMs || (a.id < b.id ? -1 : 1))
    if (held.length) return { ok: false, held: held[0] }
    for (const dead of before) port.remove(dead.id)
    const id = port.add({ owner, sinceMs: nowMs }, nowMs + staleAfterMs)
    if (!id) return { ok: true, id: '' }
    // Re-check after the write: a run that inserted its lock at the same moment wins only if it sorts first.
    const first = live(port, nowMs, staleAfterMs)[0]
    if (first && first.id !== id) {
        port.remove(id)
        return { ok: false, held: first }
    }
    return { ok: true, id }
}

/** Releases the run's own lock row (never another run's: the id is the run's own). */
export function releaseLock(port: RunLockPort, id: string): void {
    if (id) port.remove(id)
}
