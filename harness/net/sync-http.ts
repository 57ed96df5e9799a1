/**
 * A real, synchronous HTTP client for Node (test code only). The validator runs on Rhino where HTTP is synchronous
 * (sn_ws.RESTMessageV2.execute()); tests reproduce that: one worker thread performs the request with Node's async
 * http, and the calling thread blocks in Atomics.wait until the worker posts the result.
 *
 * This is the low-level half: it only talks to 127.0.0.1 targets. Use LoopbackNetwork (loopback-network.ts) to send
 * production URLs (https://auth.atlassian.com/...) to the emulator.
 */
import * as path from 'node:path'
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads'

export interface SyncHttpRequest {
    method: string
    url: string
    /** Header names as given; Host is set from the URL. */
    headers?: Record<string, string>
    body?: string
    /** Enforced in the worker (connect + full response). */
    timeoutMs: number
    /** Larger bodies fail with code 'other'. Default: unlimited. */
    maxBodyBytes?: number
    /**
     * Loopback source address to connect from (e.g. '127.0.0.2'): a caller with another network address, such as a
     * simulated MID Server, as the Atlassian emulator's IP allowlist sees it. Default 127.0.0.1.
     */
    localAddress?: string
}

export type SyncHttpFailureCode =
    'timeout' | 'connection_refused' | 'unknown_host' | 'tls' | 'connection_reset' | 'other'

export type SyncHttpResult =
    /** Header names are lower-case; repeated headers are joined with ", ". */
    | { ok: true; status: number; headers: Record<string, string>; body: string }
    /** message reads like the Java exception text the instance reports, e.g. "java.net.ConnectException: Connection refused". */
    | { ok: false; code: SyncHttpFailureCode; message: string }

/** Where the worker connects: always 127.0.0.1. */
export type WireTarget =
    | { kind: 'http'; port: number }
    | { kind: 'refused' }
    | { kind: 'tls-untrusted'; certPem: string; keyPem: string; servername: string }

export interface WireRequest {
    target: WireTarget
    method: string
    /** Path and query, e.g. /oauth/token?x=1 */
    path: string
    /** Host header to send (the original host of the URL). */
    hostHeader: string
    headers: Record<string, string>
    body?: string
    timeoutMs: number
    maxBodyBytes?: number
    localAddress?: string
}

/** Extra wait on the calling thread beyond the worker's own timeout, before the worker is declared stuck. */
const SAFETY_MARGIN_MS = 3000

export class SyncHttpClient {
    private worker: Worker | null = null
    private replies: MessagePort | null = null
    private signal = new Int32Array(new SharedArrayBuffer(4))
    private seq = 0
    private closed = false

    private ensureWorker(): { worker: Worker; replies: MessagePort } {
        if (this.closed) throw new Error('SyncHttpClient is closed')
        if (!this.worker || !this.replies) {
            const { port1, port2 } = new MessageChannel()
            const worker = new Worker(path.join(__dirname, 'sync-http-worker.cjs'), {
                workerData: { signal: this.signal.buffer, port: port2 },
                transferList: [port2],
            })
            worker.on('error', () => undefined) // surfaced as a timeout of the pending call
            worker.unref() // never keeps jest alive
            this.worker = worker
            this.replies = port1
        }
        return { worker: this.worker, replies: this.replies }
    }

    /** Send one request to a loopback target and block until the answer (or failure) arrives. */
    send(req: WireRequest): SyncHttpResult {
        const { worker, replies } = this.ensureWorker()
        const id = ++this.seq
        worker.postMessage({ ...req, id })
        const deadline = Date.now() + req.timeoutMs + SAFETY_MARGIN_MS
        for (;;) {
            const msg = receiveMessageOnPort(replies)
            if (msg && msg.message.id === id) return msg.message.result as SyncHttpResult
            if (msg) continue // stale reply of an earlier call
            const left = deadline - Date.now()
            if (left <= 0) {
                // The worker did not honour its own timeout: replace it so the next call starts clean.
                this.discardWorker()
                return { ok: false, code: 'timeout', message: 'java.net.SocketTimeoutException: Read timed out' }
            }
            const seen = Atomics.load(this.signal, 0)
            if (seen !== id) Atomics.wait(this.signal, 0, seen, Math.min(left, 100))
        }
    }

    private discardWorker(): void {
        const w = this.worker
        this.replies?.close()
        this.worker = null
        this.replies = null
        void w?.terminate()
    }

    async close(): Promise<void> {
        this.closed = true
        const w = this.worker
        this.replies?.close()
        this.worker = null
        this.replies = null
        if (w) await w.terminate()
    }
}

export function createSyncHttpClient(): SyncHttpClient {
    return new SyncHttpClient()
}
