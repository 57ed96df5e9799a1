/**
 * The admin's browser, two ways, for the authorization-code flow started by "Get OAuth Token":
 *
 * 1. browseWithHttpClient: a plain asynchronous HTTP client that follows redirects and submits the emulator's consent
 *    form (Accept or Deny). Production hosts (https://auth.atlassian.com/...) are sent to their loopback target from
 *    the LoopbackNetwork map as plain HTTP with the original Host header; 127.0.0.1 URLs (the simulated instance) go
 *    straight there. Asynchronous on purpose: the simulated instance answers on this thread.
 *
 * 2. Chromium (chromium.ts): a real headless browser behind a loopback proxy.
 */
import * as http from 'node:http'

/** Maps a host to a loopback port (LoopbackNetwork.resolve fits: it returns { port } for routed hosts). */
export type HostResolver = (
    host: string,
    explicitPort?: number
) => { port: number } | { javaError: string } | string | null

export interface Hop {
    method: string
    url: string
    status: number
    location: string | null
}

export interface BrowseResult {
    hops: Hop[]
    finalUrl: string
    status: number
    /** Body of the last page (HTML). */
    body: string
    /** Text of the last page without tags, as the admin reads it. */
    text: string
}

export function pageText(html: string): string {
    return html
        .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#(\d+);/g, (_m, d: string) => String.fromCharCode(Number(d)))
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/\s+/g, ' ')
        .trim()
}

function request(
    resolver: HostResolver,
    method: string,
    url: string,
    body?: string,
    headers: Record<string, string> = {}
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    const u = new URL(url)
    const target = resolver(u.hostname, u.port ? Number(u.port) : undefined)
    if (!target || typeof target !== 'object' || !('port' in target))
        return Promise.reject(
            new Error(`browser: cannot reach ${u.host} (${JSON.stringify(target ?? 'unknown host')})`)
        )
    return new Promise((resolve, reject) => {
        const req = http.request(
            {
                host: '127.0.0.1',
                port: target.port,
                method,
                path: u.pathname + u.search,
                headers: {
                    host: u.host,
                    'user-agent': 'Mozilla/5.0 (glide-simulator browser)',
                    accept: 'text/html',
                    ...headers,
                },
            },
            (res) => {
                const chunks: Buffer[] = []
                res.on('data', (c: Buffer) => chunks.push(c))
                res.on('end', () =>
                    resolve({
                        status: res.statusCode ?? 0,
                        headers: res.headers,
                        body: Buffer.concat(chunks).toString('utf8'),
                    })
                )
                res.on('error', reject)
            }
        )
        req.setTimeout(30000, () => req.destroy(new Error(`browser: ${method} ${url} timed out`)))
        req.on('error', reject)
        if (body !== undefined) req.write(body)
        req.end()
    })
}

/** Reads the first <form> of a page: its action, method, hidden inputs and buttons. */
export function readForm(html: string): {
    action: string
    method: string
    fields: Record<string, string>
    buttons: Array<{ id: string; name: string; value: string }>
} | null {
    const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html)
    if (!form) return null
    const a = (attrs: string, n: string) => new RegExp(`\\b${n}="([^"]*)"`, 'i').exec(attrs)?.[1] ?? ''
    const fields: Record<string, string> = {}
    for (const m of form[2].matchAll(/<input\b([^>]*)>/gi))
        if (a(m[1], 'name')) fields[a(m[1], 'name')] = a(m[1], 'value')
    const buttons = [...form[2].matchAll(/<button\b([^>]*)>/gi)].map((m) => ({
        id: a(m[1], 'id'),
        name: a(m[1], 'name'),
        value: a(m[1], 'value'),
    }))
    return { action: a(form[1], 'action'), method: (a(form[1], 'method') || 'get').toUpperCase(), fields, buttons }
}

/**
 * Opens `startUrl` and follows redirects. When a page with a consent form (buttons #accept / #deny) appears, clicks
 * the one `consent` names; any other page ends the walk.
 */
export async function browseWithHttpClient(
    startUrl: string,
    resolver: HostResolver,
    consent: 'accept' | 'deny' = 'accept',
    maxHops = 15
): Promise<BrowseResult> {
    const hops: Hop[] = []
    let method = 'GET'
    let url = startUrl
    let body: string | undefined
    let clicked = false
    for (let i = 0; i < maxHops; i++) {
        const headers: Record<string, string> =
            body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}
        const r = await request(resolver, method, url, body, headers)
        const location = typeof r.headers.location === 'string' ? r.headers.location : null
        hops.push({ method, url, status: r.status, location })
        if (r.status >= 300 && r.status < 400 && location) {
            url = new URL(location, url).toString()
            method = 'GET'
            body = undefined
            continue
        }
        const form = readForm(r.body)
        const button = form?.buttons.find((b) => b.id === consent)
        if (form && button && !clicked) {
            clicked = true
            const fields = { ...form.fields, [button.name]: button.value }
            url = new URL(form.action || url, url).toString()
            method = form.method
            body = new URLSearchParams(fields).toString()
            if (method === 'GET') {
                url += (url.includes('?') ? '&' : '?') + body
                body = undefined
            }
            continue
        }
        return { hops, finalUrl: url, status: r.status, body: r.body, text: pageText(r.body) }
    }
    throw new Error(`browser: more than ${maxHops} hops: ${hops.map((h) => `${h.status} ${h.url}`).join(' -> ')}`)
}
