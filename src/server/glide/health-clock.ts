import { GlideDateTime } from '@servicenow/glide'
import type { ClockPort } from '../core/ports'
import { RhinoClock } from './clock'

/**
 * ClockPort over GlideDateTime: the instance's notion of now (ServiceNow docs, scoped GlideDateTime: "instantiates a
 * new GlideDateTime object with the current date and time"; getNumericValue = epoch ms). Used by the health check so
 * that every date it stores agrees with sys_created_on and the platform's token expiry.
 */
export class GlideClock implements ClockPort {
    private readonly spin = new RhinoClock()

    nowMs(): number {
        const now = new (GlideDateTime as unknown as new () => { getNumericValue(): number })()
        return Number(now.getNumericValue())
    }

    sleep(ms: number): void {
        this.spin.sleep(ms)
    }
}

/** Epoch ms -> glide internal date-time (UTC, yyyy-MM-dd HH:mm:ss). */
export function toGlideDateTime(ms: number | null): string {
    if (ms === null || !Number.isFinite(ms)) return ''
    return new Date(ms).toISOString().replace('T', ' ').slice(0, 19)
}

/** Glide internal date-time (UTC) -> epoch ms; null when empty or unreadable. */
export function fromGlideDateTime(value: string | null): number | null {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(String(value || '').trim())
    if (!m) return null
    return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])
}
