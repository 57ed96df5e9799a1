/**
 * Scoped GlideDateTime, the part the app uses, on the simulator's clock: `new GlideDateTime()` is the instance's now
 * (ServiceNow docs: "instantiates a new GlideDateTime object with the current date and time" in GMT), so scripts see
 * the simulated time. getNumericValue/setNumericValue (epoch ms), getValue/setValue (yyyy-MM-dd HH:mm:ss, UTC),
 * addSeconds, compareTo, before/after.
 */
import { type Clock, glideDateTime, parseGlideDateTime } from './store'

export function createGlideDateTimeClass(clock: Clock) {
    return class GlideDateTime {
        private ms: number

        constructor(value?: unknown) {
            if (value === undefined || value === null) this.ms = clock.nowMs()
            else if (value instanceof GlideDateTime) this.ms = value.ms
            else {
                const parsed = parseGlideDateTime(String(value))
                if (!Number.isFinite(parsed))
                    throw new Error(`GlideDateTime: cannot parse '${String(value)}' (yyyy-MM-dd HH:mm:ss)`)
                this.ms = parsed
            }
        }
        getNumericValue(): number {
            return this.ms
        }
        setNumericValue(ms: number): void {
            this.ms = Number(ms)
        }
        getValue(): string {
            return glideDateTime(this.ms)
        }
        setValue(value: string): void {
            this.ms = parseGlideDateTime(String(value))
        }
        addSeconds(s: number): void {
            this.ms += Number(s) * 1000
        }
        compareTo(other: GlideDateTime): number {
            return Math.sign(this.ms - other.ms)
        }
        before(other: GlideDateTime): boolean {
            return this.ms < other.ms
        }
        after(other: GlideDateTime): boolean {
            return this.ms > other.ms
        }
        toString(): string {
            return this.getValue()
        }
    }
}
