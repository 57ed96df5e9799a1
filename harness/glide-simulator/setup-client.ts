/**
 * A REST client for the app's scripted REST API on the simulated instance, as the setup page calls it: a logged-in
 * session cookie plus X-UserToken. Tests use it to drive the API without a browser and to try what a browser would not
 * send (no token, another content type).
 */
import * as http from 'node:http'
import type { SessionUser } from './glide'
import type { GlideSimulator } from './simulator'

export const APP_ADMIN: SessionUser = {
    sysId: 'a8f98bb0eb32010045e1a5115206fe3a',
    userName: 'jira.app.admin',
    displayName: 'Jira App Admin',
    roles: ['x_jira_connect.admin'],
}

export const ITIL_USER: SessionUser = {
    sysId: '681b365ec0a80164000fb0b05854a0cd',
    userName: 'itil.user',
    displayName: 'ITIL User',
    roles: ['itil'],
}

export interface ApiAnswer {
    status: number
    /** Parsed JSON body (the platform wraps setBody(x) as {"result": x}); null when empty. */
    json: { result?: Record<string, unknown>; error?: unknown } | null
    text: string
}

export interface SendOptions {
    contentType?: string
    /** Override the X-UserToken header (null: do not send it). */
    token?: string | null
    rawBody?: string
}

export class SetupClient {
    readonly cookie: string
    readonly token: string

    constructor(
        private readonly sim: GlideSimulator,
        user: SessionUser
    ) {
        const s = sim.web.login(user)
        this.cookie = s.cookie
        this.token = s.token
    }

    get(path: string, opts: SendOptions = {}): Promise<ApiAnswer> {
        return this.send('GET', path, undefined, opts)
    }

    send(method: string, path: string, body?: unknown, opts: SendOptions = {}): Promise<ApiAnswer> {
        const url = new URL(path.startsWith('/') ? path.slice(1) : path, this.sim.instanceUrl)
        const headers: Record<string, string> = { cookie: `JSESSIONID=${this.cookie}`, accept: 'application/json' }
        const token = opts.token === undefined ? this.token : opts.token
        if (token !== null) headers['x-usertoken'] = token
        const payload = opts.rawBody ?? (body === undefined ? undefined : JSON.stringify(body))
        if (payload !== undefined) headers['content-type'] = opts.contentType ?? 'application/json'
        return new Promise((resolve, reject) => {
            const req = http.request(url, { method, headers }, (res) => {
                const chunks: Buffer[] = []
                res.on('data', (c: Buffer) => chunks.push(c))
                res.on('end', () => {
                    const text = Buffer.concat(chunks).toString('utf8')
                    let json: ApiAnswer['json'] = null
                    try {
                        json = text ? JSON.parse(text) : null
                    } catch {
                        json = null
                    }
                    resolve({ status: res.statusCode ?? 0, json, text })
                })
            })
            req.on('error', reject)
            if (payload !== undefined) req.write(payload)
            req.end()
        })
    }

    api(method: string, resource: string, body?: unknown, opts: SendOptions = {}): Promise<ApiAnswer> {
        return this.send(method, `/api/x_jira_connect/setup/${resource}`, body, opts)
    }
}
