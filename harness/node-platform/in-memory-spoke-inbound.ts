/**
 * In-memory SpokeInboundPort (test code, never shipped): the registry records, token verification records and
 * external trigger endpoints a validator scenario sets, as plain objects. The Glide adapter
 * (src/server/glide/spoke-inbound-reader.ts) runs in tests/e2e against the Glide simulator's spoke tables.
 */
import type { SpokeInboundPort, SpokeInboundSnapshot } from '../../src/server/core/spoke-inbound'

export type SpokeInboundState = SpokeInboundSnapshot

export class InMemorySpokeInbound implements SpokeInboundPort {
    reads = 0
    constructor(private readonly s: SpokeInboundState) {}
    read(): SpokeInboundSnapshot {
        this.reads++
        return JSON.parse(JSON.stringify(this.s)) as SpokeInboundSnapshot
    }
}
