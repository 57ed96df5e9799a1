import type { ClockPort } from '../core/ports'

/**
 * ClockPort for Rhino. Scoped scripts have no timers and no gs.sleep, so sleep() spins on the clock; it is used only
 * for one Retry-After wait bounded by x_jira_connect.max_retry_wait_seconds (default 2 s).
 */
export class RhinoClock implements ClockPort {
    nowMs(): number {
        return new Date().getTime()
    }

    sleep(ms: number): void {
        const until = this.nowMs() + Math.max(0, Math.min(ms, 30000))
        while (this.nowMs() < until) {
            /* bounded busy wait: see class comment */
        }
    }
}
