/**
 * Scheduled jobs (sysauto_script) on the simulated clock. Supports the run types the app ships: `periodically`
 * (run_start + k x run_period) and `daily` (run_time each day, UTC). A job whose time came while the clock jumped
 * runs once, not once per missed slot (the platform's scheduler fires a late job once; ServiceNow docs "Scheduled
 * job behavior"). `advance()` walks the clock from firing time to firing time so a long simulated period runs every
 * slot in order, with a hook for other clocks (the Atlassian emulator's) to follow.
 */
import { parseGlideDateTime, type Row, type Store } from './store'

export interface JobRun {
    job: string
    at: number
    error: string | null
}

/** Duration fields are stored as a date-time after the epoch (run_period 1970-01-01 01:00:00 = one hour). */
function durationMs(v: string | undefined): number {
    const ms = v ? parseGlideDateTime(v) : NaN
    return Number.isFinite(ms) ? ms : 0
}

export class Scheduler {
    readonly runs: JobRun[] = []
    private readonly lastRun = new Map<string, number>()

    constructor(
        private readonly store: Store,
        private readonly run: (script: string, job: Row) => void
    ) {}

    private jobs(): Row[] {
        return this.store.rowsOf('sysauto_script').filter((j) => j.active === 'true')
    }

    /** The latest slot at or before `now` for a job, or null when it has none yet. */
    private slotAtOrBefore(job: Row, now: number): number | null {
        if (job.run_type === 'periodically') {
            const period = durationMs(job.run_period)
            const start = job.run_start ? parseGlideDateTime(job.run_start) : 0
            if (period <= 0 || now < start) return null
            return start + Math.floor((now - start) / period) * period
        }
        if (job.run_type === 'daily') {
            const t = durationMs(job.run_time) % 86400000
            const day = Math.floor(now / 86400000) * 86400000
            return day + t <= now ? day + t : day + t - 86400000
        }
        return null
    }

    private nextSlotAfter(job: Row, now: number): number | null {
        if (job.run_type === 'periodically') {
            const period = durationMs(job.run_period)
            const start = job.run_start ? parseGlideDateTime(job.run_start) : 0
            if (period <= 0) return null
            if (now < start) return start
            return start + (Math.floor((now - start) / period) + 1) * period
        }
        if (job.run_type === 'daily') {
            const slot = this.slotAtOrBefore(job, now)
            return slot === null ? null : slot + 86400000
        }
        return null
    }

    /** Runs every job whose latest slot has not run yet. */
    runDue(): JobRun[] {
        const now = this.store.clock.nowMs()
        const done: JobRun[] = []
        for (const job of this.jobs()) {
            const slot = this.slotAtOrBefore(job, now)
            if (slot === null) continue
            const last = this.lastRun.get(job.sys_id)
            // A freshly installed job waits for its next slot (the platform schedules it from install time).
            if (last === undefined) {
                this.lastRun.set(job.sys_id, slot)
                continue
            }
            if (slot <= last) continue
            this.lastRun.set(job.sys_id, slot)
            let error: string | null = null
            try {
                this.run(job.script ?? '', job)
            } catch (e) {
                error = String((e as Error)?.message ?? e)
            }
            const r = { job: job.name, at: now, error }
            this.runs.push(r)
            done.push(r)
        }
        return done
    }

    /**
     * Moves the clock forward by ms, stopping at every job slot to run what is due. `move(delta)` moves the clock
     * (and whatever must follow it); it is called with positive deltas summing to ms.
     */
    advance(ms: number, move: (deltaMs: number) => void): void {
        this.runDue()
        let left = ms
        while (left > 0) {
            const now = this.store.clock.nowMs()
            const next = this.jobs()
                .map((j) => this.nextSlotAfter(j, now))
                .filter((t): t is number => t !== null)
                .reduce((a, b) => Math.min(a, b), Infinity)
            const step = Math.min(left, Math.max(1, next - now))
            move(step)
            left -= step
            this.runDue()
        }
    }
}
