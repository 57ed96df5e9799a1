/** Shared setup for the emulator tests: one emulator + a loopback network routed to it, seeded with an app, sites and a user. */
import { type AtlassianEmulator, type EmulatorOptions, startAtlassianEmulator } from '../../harness/atlassian-emulator'
import { createLoopbackNetwork, type LoopbackNetwork, routeAtlassian, type SyncHttpResult } from '../../harness/net'

export const CALLBACK = 'https://dev12345.service-now.com/oauth_redirect.do'
export const APP = {
    clientId: 'jcc-client-id',
    clientSecret: 'jcc-client-secret',
    callbackUrls: [CALLBACK],
    scopes: [
        'read:jira-user',
        'read:jira-work',
        'write:jira-work',
        'read:me',
        ...['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira'],
    ],
}
export const OTHER_APP = {
    clientId: 'other-client',
    clientSecret: 'other-secret',
    callbackUrls: ['https://other.example/cb'],
    scopes: ['read:jira-user'],
}
export const SITE = { cloudId: '11223344-a1b2-3b33-c444-def123456789', name: 'Acme', host: 'acme.atlassian.net' }
export const SITE2 = { cloudId: '8594f221-9797-5f78-1fa4-485e198d7cd0', name: 'Beta', host: 'beta.atlassian.net' }
export const LONELY_SITE = {
    cloudId: '99999999-0000-0000-0000-000000000000',
    name: 'Elsewhere',
    host: 'elsewhere.atlassian.net',
}
export const USER = {
    accountId: '5b10a2844c20165700ede21g',
    email: 'ada@acme.example',
    displayName: 'Ada Admin',
    apiTokens: ['ATATT3xGoodApiToken'],
    password: 'correct horse battery staple',
    sites: [SITE.cloudId, SITE2.cloudId],
}
export const START = Date.UTC(2026, 0, 1)
export const SECOND = 1000
export const DAY = 86400 * SECOND

export interface World {
    emu: AtlassianEmulator
    net: LoopbackNetwork
    close(): Promise<void>
}

export async function startWorld(options: EmulatorOptions = {}): Promise<World> {
    const emu = await startAtlassianEmulator({ startTimeMs: START, ...options })
    emu.registerApp(APP)
    emu.registerApp(OTHER_APP)
    emu.addSite(SITE)
    emu.addSite(SITE2)
    emu.addSite(LONELY_SITE)
    emu.addUser(USER)
    emu.setConsentUser(USER.accountId)
    const net = routeAtlassian(createLoopbackNetwork(), emu.port)
    return {
        emu,
        net,
        async close() {
            await net.close()
            await emu.close()
        },
    }
}

export type Ok = Extract<SyncHttpResult, { ok: true }>

export function ok(r: SyncHttpResult): Ok {
    if (!r.ok) throw new Error(`expected an HTTP answer, got ${r.code}: ${r.message}`)
    return r
}

export function get(
    net: LoopbackNetwork,
    url: string,
    headers: Record<string, string> = {},
    timeoutMs = 3000
): SyncHttpResult {
    return net.request({ method: 'GET', url, headers, timeoutMs })
}

export function bearer(net: LoopbackNetwork, url: string, accessToken: string): Ok {
    return ok(get(net, url, { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' }))
}

export function basic(user: string, secret: string): string {
    return 'Basic ' + Buffer.from(`${user}:${secret}`).toString('base64')
}

/** POST /oauth/token with a JSON (default) or form body. */
export function postToken(
    net: LoopbackNetwork,
    params: Record<string, string>,
    opts: { form?: boolean; headers?: Record<string, string> } = {}
): Ok {
    const body = opts.form ? new URLSearchParams(params).toString() : JSON.stringify(params)
    const contentType = opts.form ? 'application/x-www-form-urlencoded' : 'application/json'
    return ok(
        net.request({
            method: 'POST',
            url: 'https://auth.atlassian.com/oauth/token',
            headers: { 'Content-Type': contentType, Accept: 'application/json', ...(opts.headers ?? {}) },
            body,
            timeoutMs: 3000,
        })
    )
}

export function authorizeUrl(overrides: Record<string, string | null> = {}): string {
    const params: Record<string, string | null> = {
        audience: 'api.atlassian.com',
        client_id: APP.clientId,
        scope: 'read:jira-user read:jira-work offline_access',
        redirect_uri: CALLBACK,
        state: 'state-' + Math.random().toString(36).slice(2),
        response_type: 'code',
        prompt: 'consent',
        ...overrides,
    }
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(params)) if (v !== null) q.set(k, v)
    return `https://auth.atlassian.com/authorize?${q.toString().replace(/\+/g, '%20')}`
}

/** Runs /authorize with auto-accept and returns the code from the redirect. */
export function authorizeCode(w: World, overrides: Record<string, string | null> = {}): string {
    w.emu.setAutoConsent('accept')
    try {
        const r = ok(get(w.net, authorizeUrl(overrides)))
        if (r.status !== 302) throw new Error(`authorize answered ${r.status}: ${r.body}`)
        const code = new URL(r.headers.location).searchParams.get('code')
        if (!code) throw new Error(`no code in ${r.headers.location}`)
        return code
    } finally {
        w.emu.setAutoConsent(null)
    }
}

/** Full flow: authorize (auto accept) + code exchange; returns the token response JSON. */
export function connect(
    w: World,
    overrides: Record<string, string | null> = {}
): { access_token: string; refresh_token?: string; scope: string; expires_in: number; token_type: string } {
    const code = authorizeCode(w, overrides)
    const r = postToken(w.net, {
        grant_type: 'authorization_code',
        client_id: APP.clientId,
        client_secret: APP.clientSecret,
        code,
        redirect_uri: CALLBACK,
    })
    if (r.status !== 200) throw new Error(`token exchange answered ${r.status}: ${r.body}`)
    return JSON.parse(r.body)
}

export function refreshGrant(net: LoopbackNetwork, refreshToken: string, opts: { form?: boolean } = {}): Ok {
    return postToken(
        net,
        {
            grant_type: 'refresh_token',
            client_id: APP.clientId,
            client_secret: APP.clientSecret,
            refresh_token: refreshToken,
        },
        opts
    )
}

export const GATEWAY = 'https://api.atlassian.com'
export const RESOURCES = `${GATEWAY}/oauth/token/accessible-resources`
export const gatewayMyself = (cloudId: string, v: 2 | 3 = 3) => `${GATEWAY}/ex/jira/${cloudId}/rest/api/${v}/myself`
export const gatewayServerInfo = (cloudId: string, v: 2 | 3 = 3) =>
    `${GATEWAY}/ex/jira/${cloudId}/rest/api/${v}/serverInfo`
