/**
 * In-memory SpokeInboundPort (test code, never shipped): the registry records, token verification records and
 * external trigger endpoints a validator scenario sets, as plain objects. The Glide adapter
 * (src/server/glide/spoke-inbound-reader.ts) runs in tests/e2e against the Glide simulator's spoke tables.
 */
import type { SpokeInboundPort, SpokeInboundSnapshot } from '../../src/server/core/spoke-inbound'

/** `readError`: the read throws it, as a GlideRecord call can on an instance (a fault to inject, never a result). */
export type SpokeInboundState = SpokeInboundSnapshot & { readError?: string }

export class InMemorySpokeInbound implements SpokeInboundPort {
    reads = 0
    constructor(private readonly s: SpokeInboundState) {}
    read(): SpokeInboundSnapshot {
        this.reads++
        if (this.s.readError) throw new Error(this.s.readError)
        const { readError: _none, ...snapshot } = this.s
        return JSON.parse(JSON.stringify(snapshot)) as SpokeInboundSnapshot
    }
}
