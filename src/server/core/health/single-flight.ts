/**
 * Single flight: one health run at a time across the scheduled job, "Validate all" and a second admin, so no alert
 * and no token refresh is doubled. The lock is a value the adapter stores (x_jira_connect.health.run_lock): who took
 * it and when. A lock older than its expiry (a run that died) or stamped in the future (the clock was set back) is
 * stale and taken over. GlideRecord has no compare-and-set: the taker writes, then reads back, and only the run whose
 * value is stored goes on.
 */

export interface RunLock {
    owner: string
    sinceMs: number
}

export interface RunLockPort {
    read(): RunLock | null
    write(lock: RunLock | null): void
}

/** A lock may be this far in the future before it counts as stamped by a clock that was set back. */
const FUTURE_SLACK_MS = 60000

export function parseLock(value: string): RunLock | null {
    const m = /^(\d{1,15})\|(.{1,100})$/.exec(String(value || '').trim())
    return m ? { sinceMs: Number(m[1]), owner: m[2] } : null
}

export function formatLock(lock: RunLock | null): string {
    return lock ? `${lock.sinceMs}|${lock.owner}` : ''
}

/** Whether a stored lock still stops a new run at nowMs. */
export function lockHeld(lock: RunLock | null, nowMs: number, staleAfterMs: number): boolean {
    if (!lock) return false
    if (lock.sinceMs > nowMs + FUTURE_SLACK_MS) return false
    return nowMs - lock.sinceMs < staleAfterMs
}

/** Takes the lock for `owner`, or returns the lock that holds it. */
export function takeLock(
    port: RunLockPort,
    owner: string,
    nowMs: number,
    staleAfterMs: number
): { ok: true } | { ok: false; held: RunLock } {
    const current = port.read()
    if (current && lockHeld(current, nowMs, staleAfterMs)) return { ok: false, held: current }
    const mine = { owner, sinceMs: nowMs }
    port.write(mine)
    const stored = port.read()
    if (!stored || stored.owner !== owner || stored.sinceMs !== nowMs) return { ok: false, held: stored ?? mine }
    return { ok: true }
}

/** Releases the lock if it is still ours (a run that outlived its expiry must not free a newer run's lock). */
export function releaseLock(port: RunLockPort, owner: string, sinceMs: number): void {
    const stored = port.read()
    if (stored && stored.owner === owner && stored.sinceMs === sinceMs) port.write(null)
}
