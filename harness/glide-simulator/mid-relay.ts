/**
 * RESTMessageV2 through a MID Server: setMIDServer(name) + executeAsync() + RESTResponseV2.waitForResponse(seconds).
 * What the platform documents, and what is inferred (assumption rows in docs/assumptions.md):
 *
 * - "All REST messages sent through a MID Server are asynchronous" (ServiceNow docs "RESTMessageV2 MID server
 *   example"): executeAsync() writes an output record to the ECC queue for the agent mid.server.<name>, topic
 *   RESTProbe (docs "The MID Server ECC queue": jobs wait there until the MID Server is ready to handle them; it
 *   reports its results back as an input record) [C]. Header values are not kept in the simulated row (the real
 *   payload is not modeled: the simulator keeps no secret in any row).
 * - waitForResponse(seconds) blocks the script until the input record arrives. KB0744311: without an answer it throws
 *   "No response for ECC message request with sysid=<id> after waiting for <n> seconds in ECC Queue"; with
 *   glide.http.outbound.max_timeout.enabled (default true) the wait is the smaller of the argument and
 *   glide.http.outbound.max_timeout (30 s) [C]. The class name com.glide.ecc.ECCResponseTimeoutException is from
 *   community reports [S]. Option midWaitTimeout 'response' plays the other reading: a response with status 0 and
 *   the same text in getErrorMessage() (A45).
 * - Which MID picks the job up: only one that is Up and validated (docs "MID Server status": Down = no heartbeat;
 *   "Validate a MID Server": an unvalidated MID Server does not run jobs) [I: that the output then sits unanswered];
 *   a MID without the REST (or ALL) capability: option midWithoutRestCapability, 'no-answer' by default (A45) [I];
 *   an agent name no MID Server has: nobody picks it up [I].
 * - The MID performs the HTTP call itself, from its own network address (harness: its loopback address, so the
 *   Atlassian emulator's IP allowlist sees the MID, not the instance), with the message's HTTP timeout [I].
 *
 * The harness side of each MID (its address, how long it takes to pick a job up, a stopped process whose ecc_agent row
 * still says Up) is set with `sim.mids.host(name, {...})`; the platform side is the ecc_agent rows tests insert.
 */
import type { HttpRequestSpec, HttpResultSpec, OutboundLogEntry, SyncHttp } from './platform-apis'
import type { Row, Store } from './store'

export interface MidHost {
    /** Loopback source address of the MID's calls (127.0.0.1 = same as the instance). */
    address: string
    /** Time the MID takes to pick the job up from the ECC queue and report back, on top of the HTTP call. */
    delayMs: number
    /** The MID process is not running although its ecc_agent row may still say Up (no heartbeat missed yet). */
    stopped: boolean
}

export interface MidRelayOptions {
    midWaitTimeout: 'throw' | 'response'
    midWithoutRestCapability: 'no-answer' | 'processed'
}

/** One executeAsync() through a MID: the output record and the request the MID would send. */
export interface PendingMidCall {
    outputSysId: string
    agent: string
    request: HttpRequestSpec
}

export type MidWaitResult =
    { kind: 'answer'; result: HttpResultSpec; url: string } | { kind: 'no_answer'; message: string; waitedMs: number }

const SLEEP = new Int32Array(new SharedArrayBuffer(4))

/** A blocking sleep (the script's thread waits, as waitForResponse does on the instance). */
function sleep(ms: number): void {
    if (ms > 0) Atomics.wait(SLEEP, 0, 0, ms)
}

export class MidRelay {
    private readonly hosts = new Map<string, MidHost>()
    /** Every executeAsync through a MID, with what became of it (tests read it). */
    readonly jobs: Array<{ agent: string; url: string; outcome: 'answered' | 'no_answer' | 'pending' }> = []

    constructor(
        private readonly store: Store,
        private readonly http: SyncHttp,
        private readonly outbound: OutboundLogEntry[],
        private readonly options: () => MidRelayOptions
    ) {}

    /** The harness side of MID `name` (see MidHost); defaults: 127.0.0.1, no delay, running. */
    host(name: string, patch: Partial<MidHost> = {}): MidHost {
        const h = { ...(this.hosts.get(name) || { address: '127.0.0.1', delayMs: 0, stopped: false }), ...patch }
        this.hosts.set(name, h)
        return h
    }

    /** executeAsync() with a MID Server set: the output record; the call waits for a MID to pick it up. */
    enqueue(name: string, request: HttpRequestSpec): PendingMidCall {
        const agent = `mid.server.${name}`
        const row = this.store.insert(
            'ecc_queue',
            {
                agent,
                topic: 'RESTProbe',
                name: request.method,
                source: request.url,
                queue: 'output',
                state: 'ready',
                payload: JSON.stringify({ headerNames: Object.keys(request.headers || {}) }),
            },
            { user: 'system' }
        )
        this.jobs.push({ agent, url: request.url, outcome: 'pending' })
        return { outputSysId: row.sys_id, agent, request }
    }

    /** waitForResponse(seconds): the answer the MID reported, or no answer within the effective wait. */
    wait(pending: PendingMidCall, seconds: number): MidWaitResult {
        const waitMs = Math.max(0, Math.round(this.effectiveWaitSeconds(seconds) * 1000))
        const job = this.jobs.filter((j) => j.agent === pending.agent && j.outcome === 'pending').pop()
        const name = pending.agent.replace(/^mid\.server\./, '')
        const agent = this.agent(name)
        const host = this.host(name)
        const picksUp = agent !== null && !host.stopped && this.runsJobs(agent)
        const noAnswer = (): MidWaitResult => {
            if (job) job.outcome = 'no_answer'
            const secs = Math.round(waitMs / 1000)
            return {
                kind: 'no_answer',
                waitedMs: waitMs,
                message:
                    `com.glide.ecc.ECCResponseTimeoutException: No response for ECC message request with ` +
                    `sysid=${pending.outputSysId} after waiting for ${secs} seconds in ECC Queue`,
            }
        }
        if (!picksUp || host.delayMs >= waitMs) {
            sleep(waitMs)
            return noAnswer()
        }
        sleep(host.delayMs)
        this.setState(pending.outputSysId, 'processing')
        const left = waitMs - host.delayMs
        const timeoutMs = Math.min(pending.request.timeoutMs, left)
        const startedAt = Date.now()
        const result = this.http({ ...pending.request, timeoutMs, localAddress: host.address })
        this.outbound.push({
            via: 'RESTMessageV2',
            method: pending.request.method,
            url: pending.request.url,
            headerNames: Object.keys(pending.request.headers || {}),
            status: result.ok ? result.status : null,
            failure: result.ok ? null : result.code,
            timeoutMs,
            mid: name,
        })
        // The MID's own HTTP timeout is its answer (an error); running out of the wait first is no answer at all.
        if (!result.ok && result.code === 'timeout' && timeoutMs < pending.request.timeoutMs) {
            sleep(left - (Date.now() - startedAt))
            return noAnswer()
        }
        this.setState(pending.outputSysId, 'processed')
        this.store.insert(
            'ecc_queue',
            {
                agent: pending.agent,
                topic: 'RESTProbe',
                name: pending.request.method,
                source: pending.request.url,
                queue: 'input',
                state: 'ready',
                response_to: pending.outputSysId,
                payload: JSON.stringify(result.ok ? { status: result.status } : { error: result.message }),
            },
            { user: 'system' }
        )
        if (job) job.outcome = 'answered'
        return { kind: 'answer', result, url: pending.request.url }
    }

    /** KB0744311: with glide.http.outbound.max_timeout.enabled (default true) the smaller of both, 30 s default. */
    private effectiveWaitSeconds(seconds: number): number {
        const prop = (name: string) => this.store.rowsOf('sys_properties').find((r) => r.name === name)?.value
        const enabled = String(prop('glide.http.outbound.max_timeout.enabled') ?? 'true') !== 'false'
        const max = Number(prop('glide.http.outbound.max_timeout') ?? '30') || 30
        const asked = Number(seconds)
        const wait = Number.isFinite(asked) && asked > 0 ? asked : max
        return enabled ? Math.min(wait, max) : wait
    }

    private agent(name: string): Row | null {
        return this.store.rowsOf('ecc_agent').find((r) => r.name === name) || null
    }

    private runsJobs(agent: Row): boolean {
        if (!/^up$/i.test(agent.status || '')) return false
        if (!/^(true|1)$/i.test(agent.validated || '')) return false
        if (this.options().midWithoutRestCapability === 'processed') return true
        const caps = this.store
            .rowsOf('ecc_agent_capability_m2m')
            .filter((m) => m.agent === agent.sys_id)
            .map((m) => this.store.find('ecc_agent_capability', m.capability)?.capability || '')
        return caps.some((c) => /^(REST|ALL)$/i.test(c.trim()))
    }

    private setState(sysId: string, state: string): void {
        this.store.update('ecc_queue', sysId, { state }, { user: 'system' })
    }
}
