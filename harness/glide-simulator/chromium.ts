/**
 * Headless Chromium (found by harness/support/browser.cjs, driven by playwright-core) for the authorization-code flow.
 *
 * How production URLs reach loopback: Chromium is started with --proxy-server pointing at a loopback HTTP proxy run
 * here. For https://auth.atlassian.com/... Chromium sends CONNECT auth.atlassian.com:443; the proxy hands the tunnel
 * to a loopback TLS terminator (a throwaway self-signed certificate from harness/net, accepted through
 * --ignore-certificate-errors), which forwards the decrypted request as plain HTTP, Host header unchanged, to the
 * target the LoopbackNetwork map names (the Atlassian emulator). The simulated instance at http://127.0.0.1:<port>/ is
 * reached directly (Chromium never proxies loopback). --host-resolver-rules maps every other name to NOTFOUND, so
 * nothing can leave the machine even if the proxy were bypassed. The shipped registry's auth URL is used unchanged.
 */
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as https from 'node:https'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { untrustedCertificate } from '../net'
import type { HostResolver } from './browser-client'
import { resolveChromium } from '../support/browser.cjs'

function forward(
    resolver: HostResolver,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    hostHeader: string,
    pathAndQuery: string
): void {
    const host = hostHeader.replace(/:\d+$/, '')
    const target = resolver(host)
    if (!target || typeof target !== 'object' || !('port' in target)) {
        res.writeHead(502, { 'content-type': 'text/plain' })
        res.end(`loopback proxy: no route for ${host}`)
        return
    }
    const up = http.request(
        {
            host: '127.0.0.1',
            port: target.port,
            method: req.method,
            path: pathAndQuery,
            headers: { ...req.headers, host: hostHeader },
        },
        (r) => {
            res.writeHead(r.statusCode ?? 502, r.headers)
            r.pipe(res)
        }
    )
    up.on('error', (e) => {
        res.writeHead(502, { 'content-type': 'text/plain' })
        res.end(`loopback proxy: ${e.message}`)
    })
    req.pipe(up)
}

export interface LoopbackProxy {
    port: number
    close(): Promise<void>
}

export async function startLoopbackProxy(resolver: HostResolver): Promise<LoopbackProxy> {
    const { certPem, keyPem } = untrustedCertificate()
    const sockets = new Set<net.Socket>()
    const track = (s: net.Socket) => {
        sockets.add(s)
        s.on('close', () => sockets.delete(s))
    }
    const tlsServer = https.createServer({ cert: certPem, key: keyPem }, (req, res) =>
        forward(resolver, req, res, req.headers.host ?? '', req.url ?? '/')
    )
    tlsServer.on('connection', track)
    await new Promise<void>((r) => tlsServer.listen(0, '127.0.0.1', () => r()))
    const tlsPort = (tlsServer.address() as net.AddressInfo).port

    const proxy = http.createServer((req, res) => {
        // Plain-HTTP proxy request: absolute URL in the request line.
        const u = new URL(req.url ?? '/')
        forward(resolver, req, res, u.host, u.pathname + u.search)
    })
    proxy.on('connection', track)
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
        track(client)
        const host = (req.url ?? '').replace(/:\d+$/, '')
        const target = resolver(host)
        if (!target || typeof target !== 'object' || !('port' in target)) {
            client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
            return
        }
        const up = net.connect(tlsPort, '127.0.0.1', () => {
            client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
            if (head.length) up.write(head)
            up.pipe(client)
            client.pipe(up)
        })
        track(up)
        up.on('error', () => client.destroy())
        client.on('error', () => up.destroy())
    })
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()))
    const port = (proxy.address() as net.AddressInfo).port
    return {
        port,
        close: async () => {
            for (const s of sockets) s.destroy()
            await Promise.all([
                new Promise<void>((r) => proxy.close(() => r())),
                new Promise<void>((r) => tlsServer.close(() => r())),
            ])
        },
    }
}

export interface ChromiumSession {
    // playwright-core types, kept loose so this file compiles without DOM lib types.
    context: import('playwright-core').BrowserContext
    newPage(): Promise<import('playwright-core').Page>
    close(): Promise<void>
}

/** Launches headless Chromium with a fresh profile directory, behind the loopback proxy. */
export async function launchChromium(resolver: HostResolver): Promise<ChromiumSession> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require('playwright-core') as typeof import('playwright-core')
    const browser = resolveChromium() // throws "No Chrome or Chromium found ... apt-get install chromium ..."
    const proxy = await startLoopbackProxy(resolver)
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcc-chromium-'))
    let context: import('playwright-core').BrowserContext
    try {
        context = await chromium.launchPersistentContext(userDataDir, {
            executablePath: browser.executablePath,
            env: browser.env,
            headless: true,
            ignoreHTTPSErrors: true,
            args: [
                '--headless',
                '--no-sandbox',
                '--disable-gpu',
                '--disable-quic',
                '--no-first-run',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
                '--ignore-certificate-errors',
                `--proxy-server=http://127.0.0.1:${proxy.port}`,
                '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
            ],
            timeout: 60000,
        })
    } catch (e) {
        await proxy.close()
        fs.rmSync(userDataDir, { recursive: true, force: true })
        throw e
    }
    return {
        context,
        newPage: () => context.newPage(),
        close: async () => {
            await context.close().catch(() => undefined)
            await proxy.close()
            fs.rmSync(userDataDir, { recursive: true, force: true })
        },
    }
}
