/**
 * The emulator's single http.Server (127.0.0.1, random port) plus faults and the request log.
 * Dispatches by Host header (port stripped) through EmulatorCore. Runs inside the emulator worker.
 */
import * as http from 'node:http'
import type { Socket } from 'node:net'
import { EmulatorCore, type EmuResponse } from './core'
import { IpAllowlist } from './ip-allowlist'
import type { EmuRequest } from './types'
import type { EmulatorOptions, EmulatorTarget, Fault, FaultOptions, LoggedRequest } from './types'

interface ActiveFault {
    fault: Fault
    remaining: number | null
}

const LOGIN_PAGE =
    '<!DOCTYPE html><html><head><title>Log in with Atlassian account</title></head><body>' +
    '<form id="form-login" action="/login" method="post"><input name="username" type="email"><button id="login-submit">Continue</button></form>' +
    '</body></html>'

export class EmulatorServer {
    readonly core: EmulatorCore
    private server: http.Server
    private sockets = new Set<Socket>()
    private faults = new Map<EmulatorTarget, ActiveFault>()
    private log: LoggedRequest[] = []
    private seq = 0
    /** The site's IP allowlist by caller address (ip-allowlist.ts); off until a test sets it. */
    readonly ipAllowlist = new IpAllowlist()

    constructor(options: EmulatorOptions) {
        this.core = new EmulatorCore(options)
        this.server = http.createServer((req, res) => this.onRequest(req, res))
        this.server.on('connection', (s) => {
            this.sockets.add(s)
            s.on('close', () => this.sockets.delete(s))
        })
        // A client that gives up on a hung request must not take the server down.
        this.server.on('clientError', (_err, socket) => socket.destroy())
    }

    listen(): Promise<number> {
        return new Promise((resolve, reject) => {
            this.server.once('error', reject)
            this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as { port: number }).port))
        })
    }

    close(): Promise<void> {
        for (const s of this.sockets) s.destroy()
        return new Promise((resolve) => this.server.close(() => resolve()))
    }

    setFault(target: EmulatorTarget, fault: Fault, options: FaultOptions = {}): void {
        if (options.count !== undefined && !(options.count >= 1)) throw new Error('fault count must be >= 1')
        this.faults.set(target, { fault, remaining: options.count ?? null })
    }

    clearFaults(): void {
        this.faults.clear()
    }

    requests(): LoggedRequest[] {
        return this.log
    }

    clearRequests(): void {
        this.log = []
    }

    private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Buffer[] = []
        req.on('data', (c: Buffer) => chunks.push(c))
        req.on('end', () => {
            const url = new URL(req.url ?? '/', 'http://emulator')
            const headers: Record<string, string> = {}
            for (const [k, v] of Object.entries(req.headers))
                if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v
            const host = (headers.host ?? '').toLowerCase().replace(/:\d+$/, '')
            const emuReq: EmuRequest = {
                method: req.method ?? 'GET',
                host,
                path: url.pathname,
                query: Object.fromEntries(url.searchParams),
                queryAll: queryAll(url.searchParams),
                headers,
                body: Buffer.concat(chunks).toString('utf8'),
            }
            const target = this.core.classify(emuReq)
            const remoteAddress = String(req.socket.remoteAddress || '').replace(/^::ffff:/, '')
            const entry: LoggedRequest = {
                seq: ++this.seq,
                remoteAddress,
                time: this.core.now(),
                method: emuReq.method,
                host,
                path: emuReq.path,
                query: emuReq.query,
                headers,
                body: emuReq.body,
                target,
                status: null,
                fault: null,
            }
            this.log.push(entry)
            const fault = target ? this.takeFault(target) : null
            const refused = fault === null ? this.ipAllowlist.refusal(target, remoteAddress) : null
            let response: EmuResponse
            if (refused) {
                entry.fault = 'ipAllowlist'
                response = refused
            } else if (fault === null) {
                response = this.safeHandle(emuReq)
            } else if (fault === 'hang') {
                entry.fault = 'hang'
                return // never answer; the socket stays open until the client or close() ends it
            } else if (fault === 'reset') {
                entry.fault = 'reset'
                req.socket.destroy()
                return
            } else if (fault === 'html') {
                entry.fault = 'html'
                response = { status: 200, headers: { 'content-type': 'text/html;charset=UTF-8' }, body: LOGIN_PAGE }
            } else if (fault === 'truncated-json') {
                entry.fault = 'truncated-json'
                const real = this.safeHandle(emuReq)
                const body = real.body.length > 1 ? real.body.slice(0, Math.floor(real.body.length / 2)) : '{'
                response = {
                    status: real.status,
                    headers: { ...real.headers, 'content-type': 'application/json;charset=UTF-8' },
                    body,
                }
            } else if ('oversized' in fault) {
                entry.fault = 'oversized'
                const pad = Math.max(0, fault.oversized - '{"padding":""}'.length)
                response = {
                    status: 200,
                    headers: { 'content-type': 'application/json;charset=UTF-8' },
                    body: `{"padding":"${'x'.repeat(pad)}"}`,
                }
            } else if ('rateLimit' in fault) {
                entry.fault = 'rateLimit'
                response = this.rateLimited(fault.rateLimit)
            } else {
                entry.fault = 'status'
                // Header names are case-insensitive (RFC 9110 §5.1): a fault's Content-Type replaces the default.
                const headers: Record<string, string> = { 'content-type': 'application/json;charset=UTF-8' }
                for (const [name, value] of Object.entries(fault.headers ?? {})) headers[name.toLowerCase()] = value
                response = { status: fault.status, headers, body: fault.body ?? '' }
            }
            entry.status = response.status
            const body = Buffer.from(response.body, 'utf8')
            res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) })
            res.end(body)
        })
    }

    private safeHandle(req: EmuRequest): EmuResponse {
        try {
            return this.core.handle(req)
        } catch (e) {
            // A bug in the emulator must show up as a loud 500, not as a hang.
            return {
                status: 500,
                headers: { 'content-type': 'text/plain' },
                body: `emulator error: ${(e as Error).stack ?? e}`,
            }
        }
    }

    private takeFault(target: EmulatorTarget): Fault | null {
        const active = this.faults.get(target)
        if (!active) return null
        if (active.remaining !== null && --active.remaining <= 0) this.faults.delete(target)
        return active.fault
    }

    /** §4.5: 429 with Retry-After (seconds), X-RateLimit-Reset (yyyy-MM-ddTHH:mmZ), Limit/Remaining/NearLimit, RateLimit-Reason [C ATL-RL]. */
    private rateLimited(retryAfter: number): EmuResponse {
        const reset = new Date(this.core.now() + retryAfter * 1000).toISOString().slice(0, 16) + 'Z'
        return {
            status: 429,
            headers: {
                'content-type': 'application/json;charset=UTF-8',
                'retry-after': String(retryAfter),
                'x-ratelimit-reset': reset,
                'x-ratelimit-limit': '350',
                'x-ratelimit-remaining': '0',
                'x-ratelimit-nearlimit': 'true',
                'ratelimit-reason': 'jira-burst-based',
            },
            // §4.5: the 429 body is undocumented; Jira envelope [I].
            body: JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }),
        }
    }
}

function queryAll(params: URLSearchParams): Record<string, string[]> {
    const all: Record<string, string[]> = {}
    for (const [k, v] of params) (all[k] ??= []).push(v)
    return all
}
