/**
 * A loopback "network" for tests: maps the hosts of production URLs onto loopback targets, so code that calls
 * https://auth.atlassian.com/... reaches the emulator, and so the network failures the validator must explain
 * (refused, unknown host, TLS) happen for real. Nothing ever leaves 127.0.0.1 and no DNS lookup is ever made.
 *
 * https:// URLs routed to a port are sent as plain HTTP to 127.0.0.1:<port> with the original Host header: the harness
 * plays the TLS-terminating network.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { AuthRef, HttpPort, HttpRequest, HttpResult } from '../../src/server/core/ports'
import { classifyPlatformError } from '../../src/server/glide/platform-errors'
import {
    createSyncHttpClient,
    type SyncHttpClient,
    type SyncHttpRequest,
    type SyncHttpResult,
    type WireTarget,
} from './sync-http'

export type RouteTarget =
    /** Plain HTTP to 127.0.0.1:<port> with the original Host header (e.g. the emulator). */
    | { port: number }
    /** TCP connect to a closed loopback port: java.net.ConnectException: Connection refused. */
    | 'refused'
    /** Real TLS handshake against a loopback server whose self-signed certificate is not trusted. */
    | 'tls-failure'
    /**
     * A network element (proxy, firewall) that fails the call before any answer with this Java exception text, e.g.
     * "org.apache.http.NoHttpResponseException: api.atlassian.com:443 failed to respond". Reported as code 'other':
     * the text is what the platform would show, and classifying it is the product's job.
     */
    | { javaError: string }

export interface LoopbackNetworkOptions {
    /** Share a client (one worker) between networks; by default the network owns one and close() stops it. */
    client?: SyncHttpClient
}

let untrustedCert: { certPem: string; keyPem: string } | null = null

/** A throwaway self-signed certificate, generated with the openssl CLI on first use (kept in memory only). */
export function untrustedCertificate(): { certPem: string; keyPem: string } {
    if (untrustedCert) return untrustedCert
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcc-untrusted-tls-'))
    try {
        const key = path.join(dir, 'key.pem')
        const cert = path.join(dir, 'cert.pem')
        execFileSync(
            'openssl',
            [
                'req',
                '-x509',
                '-newkey',
                'ec',
                '-pkeyopt',
                'ec_paramgen_curve:prime256v1',
                '-nodes',
                '-keyout',
                key,
                '-out',
                cert,
                '-days',
                '2',
                '-subj',
                '/CN=untrusted.invalid',
                '-addext',
                'subjectAltName=DNS:*.atlassian.net,DNS:*.atlassian.com,DNS:*.invalid',
            ],
            { stdio: 'pipe' }
        )
        untrustedCert = { certPem: fs.readFileSync(cert, 'utf8'), keyPem: fs.readFileSync(key, 'utf8') }
        return untrustedCert
    } finally {
        fs.rmSync(dir, { recursive: true, force: true })
    }
}

export class LoopbackNetwork {
    /** MID Servers the validator's HttpPort can route through (core scenarios): name → loopback source address. */
    readonly mids = new Map<string, { address: string }>()
    private routes = new Map<string, RouteTarget>()
    private readonly client: SyncHttpClient
    private readonly ownsClient: boolean

    constructor(options: LoopbackNetworkOptions = {}) {
        this.client = options.client ?? createSyncHttpClient()
        this.ownsClient = !options.client
    }

    /** Route a host ('auth.atlassian.com') or every subdomain of a suffix ('*.atlassian.net'). Exact routes win. */
    route(hostPattern: string, target: RouteTarget): this {
        const p = hostPattern.toLowerCase()
        if (p.startsWith('*') && !p.startsWith('*.'))
            throw new Error(`wildcard routes look like *.example.com: ${hostPattern}`)
        if (typeof target === 'object' && 'port' in target && !(Number.isInteger(target.port) && target.port > 0))
            throw new Error('route needs a port')
        this.routes.set(p, target)
        return this
    }

    unroute(hostPattern: string): this {
        this.routes.delete(hostPattern.toLowerCase())
        return this
    }

    /** The target a host resolves to, or null (unknown host). 127.0.0.1 and localhost URLs with a port go straight there. */
    resolve(host: string, explicitPort?: number): RouteTarget | null {
        const h = host.toLowerCase()
        const exact = this.routes.get(h)
        if (exact) return exact
        let best: { len: number; target: RouteTarget } | null = null
        for (const [pattern, target] of this.routes) {
            if (!pattern.startsWith('*.')) continue
            const suffix = pattern.slice(1) // ".atlassian.net"
            if (h.endsWith(suffix) && h.length > suffix.length && (!best || suffix.length > best.len))
                best = { len: suffix.length, target }
        }
        if (best) return best.target
        if ((h === '127.0.0.1' || h === 'localhost') && explicitPort) return { port: explicitPort }
        return null
    }

    /** Send a request synchronously through the network map. */
    request(req: SyncHttpRequest): SyncHttpResult {
        let url: URL
        try {
            url = new URL(req.url)
        } catch {
            return { ok: false, code: 'other', message: `java.net.MalformedURLException: no protocol: ${req.url}` }
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            return {
                ok: false,
                code: 'other',
                message: `java.net.MalformedURLException: unknown protocol: ${url.protocol.replace(':', '')}`,
            }
        }
        const target = this.resolve(url.hostname, url.port ? Number(url.port) : undefined)
        // No route: fail like the JVM's resolver, without any real DNS lookup.
        if (!target)
            return { ok: false, code: 'unknown_host', message: `java.net.UnknownHostException: ${url.hostname}` }
        if (typeof target === 'object' && 'javaError' in target)
            return { ok: false, code: 'other', message: target.javaError }
        let wire: WireTarget
        if (target === 'refused') wire = { kind: 'refused' }
        else if (target === 'tls-failure')
            wire = { kind: 'tls-untrusted', ...untrustedCertificate(), servername: url.hostname }
        else wire = { kind: 'http', port: target.port }
        return this.client.send({
            target: wire,
            method: req.method,
            path: url.pathname + url.search,
            hostHeader: url.host,
            headers: req.headers ?? {},
            body: req.body,
            timeoutMs: req.timeoutMs,
            maxBodyBytes: req.maxBodyBytes,
            localAddress: req.localAddress,
        })
    }

    /**
     * The validator's HttpPort over this network. `authorize` turns an AuthRef into an Authorization header value
     * (e.g. 'Bearer <token>'), or null when the credential cannot be applied (reported as auth_unavailable: core-only;
     * the shipped adapter's path for it is rest-http.ts applyAuth). A failed call is classified from its Java text by
     * the product's classifier; end to end, src/server/glide/rest-http.ts does the same in
     * tests/e2e/adapter-failures.test.ts.
     */
    httpPort(authorize: (auth: AuthRef) => string | null): HttpPort {
        return {
            send: (request: HttpRequest): HttpResult => {
                // Through a MID Server (core scenarios): from the MID's own address; a MID not in `mids` never
                // answers (the Glide simulator's mid-relay.ts models the ECC queue and the wait itself).
                const mid = request.mid ? this.mids.get(request.mid) : undefined
                if (request.mid && !mid) {
                    const text = 'com.glide.ecc.ECCResponseTimeoutException: No response for ECC message request'
                    const detail = `no answer through MID Server "${request.mid}": ${text}`
                    return { ok: false, failure: 'timeout', detail }
                }
                const headers: Record<string, string> = { ...(request.headers ?? {}) }
                if (request.auth.kind !== 'none') {
                    const value = authorize(request.auth)
                    if (value === null)
                        return {
                            ok: false,
                            failure: 'auth_unavailable',
                            detail: `no usable ${request.auth.kind} credential`,
                        }
                    headers.Authorization = value
                }
                const r = this.request({
                    method: request.method,
                    url: request.url,
                    headers,
                    body: request.body,
                    timeoutMs: request.timeoutMs,
                    localAddress: mid ? mid.address : undefined,
                })
                // The product classifies the platform's Java text (as rest-http.ts does), not the harness's code.
                return r.ok ? r : { ok: false, failure: classifyPlatformError(r.message), detail: r.message }
            },
        }
    }

    async close(): Promise<void> {
        if (this.ownsClient) await this.client.close()
    }
}

export function createLoopbackNetwork(options?: LoopbackNetworkOptions): LoopbackNetwork {
    return new LoopbackNetwork(options)
}

/** Function form of LoopbackNetwork.request. */
export function syncHttpRequest(req: SyncHttpRequest, network: LoopbackNetwork): SyncHttpResult {
    return network.request(req)
}

/** Route every Atlassian host the emulator serves (auth/api/id.atlassian.com and *.atlassian.net) to its port. */
export function routeAtlassian(network: LoopbackNetwork, emulatorPort: number): LoopbackNetwork {
    for (const host of ['auth.atlassian.com', 'api.atlassian.com', 'id.atlassian.com', '*.atlassian.net'])
        network.route(host, { port: emulatorPort })
    return network
}
