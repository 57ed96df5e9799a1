/** Fault injection: every fault kind, count-limited faults, and the sync client's view of them. */
import { APP, RESOURCES, SITE, USER, bearer, get, ok, refreshGrant, startWorld, type World } from './world'

let w: World
beforeAll(async () => {
    w = await startWorld()
})
afterAll(() => w.close())
afterEach(() => w.emu.clearFaults())

const TENANT = 'https://acme.atlassian.net/_edge/tenant_info'
const seed = () =>
    w.emu.grantTokens({
        clientId: APP.clientId,
        accountId: USER.accountId,
        scopes: ['read:jira-user', 'offline_access'],
        cloudIds: [SITE.cloudId],
    })

test('a status fault answers the given status, body and headers instead of the real endpoint', () => {
    w.emu.setFault('accessible-resources', { status: 503, body: '{"message":"down"}', headers: { 'Retry-After': '7' } })
    const r = bearer(w.net, RESOURCES, seed().accessToken)
    expect(r.status).toBe(503)
    expect(r.body).toBe('{"message":"down"}')
    expect(r.headers['retry-after']).toBe('7')
    expect(w.emu.requestsTo('accessible-resources').at(-1)).toMatchObject({ status: 503, fault: 'status' })
})

test('fault header names are case-insensitive: Content-Type text/html replaces the default JSON content type', () => {
    w.emu.setFault('accessible-resources', {
        status: 200,
        body: '<html></html>',
        headers: { 'Content-Type': 'text/html' },
    })
    const r = bearer(w.net, RESOURCES, seed().accessToken)
    expect(r.headers['content-type']).toBe('text/html')
})

test('a fault applies only to its target endpoint', () => {
    w.emu.setFault('myself', { status: 500 })
    expect(ok(get(w.net, TENANT)).status).toBe(200)
    expect(bearer(w.net, RESOURCES, seed().accessToken).status).toBe(200)
})

test('count limits a fault to the next n requests', () => {
    w.emu.setFault('tenant-info', { status: 502 }, { count: 2 })
    expect([1, 2, 3].map(() => ok(get(w.net, TENANT)).status)).toEqual([502, 502, 200])
})

test('clearFaults() restores normal answers', () => {
    w.emu.setFault('tenant-info', { status: 500 })
    expect(ok(get(w.net, TENANT)).status).toBe(500)
    w.emu.clearFaults()
    expect(ok(get(w.net, TENANT)).status).toBe(200)
})

test('hang: the sync client reports a read timeout within the timeout plus a small margin', () => {
    w.emu.setFault('token', 'hang')
    const t0 = Date.now()
    const r = w.net.request({
        method: 'POST',
        url: 'https://auth.atlassian.com/oauth/token',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
        timeoutMs: 300,
    })
    const elapsed = Date.now() - t0
    expect(r).toEqual({ ok: false, code: 'timeout', message: 'java.net.SocketTimeoutException: Read timed out' })
    expect(elapsed).toBeGreaterThanOrEqual(290)
    expect(elapsed).toBeLessThan(300 + 400)
    expect(w.emu.requestsTo('token').at(-1)).toMatchObject({ status: null, fault: 'hang', body: '{}' })
    // the same client goes on working after a timeout
    w.emu.clearFaults()
    expect(ok(get(w.net, TENANT)).status).toBe(200)
})

test('reset: the socket is destroyed and the client sees java.net.SocketException: Connection reset', () => {
    w.emu.setFault('serverInfo', 'reset')
    const r = w.net.request({
        method: 'GET',
        url: 'https://api.atlassian.com/ex/jira/x/rest/api/3/serverInfo',
        timeoutMs: 2000,
    })
    expect(r).toEqual({ ok: false, code: 'connection_reset', message: 'java.net.SocketException: Connection reset' })
})

test('html: 200 text/html login page instead of JSON', () => {
    w.emu.setFault('site-myself', 'html')
    const r = ok(get(w.net, 'https://acme.atlassian.net/rest/api/3/myself'))
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toContain('text/html')
    expect(() => JSON.parse(r.body)).toThrow()
    expect(r.body).toContain('<form id="form-login"')
})

test('truncated-json: the real handler runs but only half its JSON arrives', () => {
    const s = seed()
    w.emu.setFault('token', 'truncated-json', { count: 1 })
    const r = refreshGrant(w.net, s.refreshToken as string)
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toContain('application/json')
    expect(r.body.startsWith('{"access_token":"')).toBe(true)
    expect(() => JSON.parse(r.body)).toThrow()
    // The rotation happened server-side: the family now has a second refresh token the client never saw.
    expect(w.emu.familyInfo(s.familyId)?.refreshTokens).toBe(2)
})

test('oversized: a valid JSON body of exactly the requested size', () => {
    w.emu.setFault('serverInfo', { oversized: 200000 })
    const r = ok(
        w.net.request({
            method: 'GET',
            url: 'https://api.atlassian.com/ex/jira/x/rest/api/3/serverInfo',
            timeoutMs: 3000,
        })
    )
    expect(r.status).toBe(200)
    expect(Buffer.byteLength(r.body)).toBe(200000)
    expect(JSON.parse(r.body).padding.length).toBeGreaterThan(199000)
})

test('oversized with maxBodyBytes: the sync client refuses the body', () => {
    w.emu.setFault('serverInfo', { oversized: 200000 })
    const r = w.net.request({
        method: 'GET',
        url: 'https://api.atlassian.com/ex/jira/x/rest/api/3/serverInfo',
        timeoutMs: 3000,
        maxBodyBytes: 65536,
    })
    expect(r).toEqual({
        ok: false,
        code: 'other',
        message: 'java.io.IOException: Response body exceeds the maximum of 65536 bytes',
    })
})

test('rateLimit: 429 with Retry-After and the X-RateLimit-* headers', () => {
    w.emu.setFault('myself', { rateLimit: 30 })
    const before = w.emu.now()
    const r = bearer(w.net, 'https://api.atlassian.com/ex/jira/x/rest/api/3/myself', 'any')
    expect(r.status).toBe(429)
    expect(r.headers['retry-after']).toBe('30')
    expect(r.headers['x-ratelimit-reset']).toBe(new Date(before + 30000).toISOString().slice(0, 16) + 'Z')
    expect(r.headers['x-ratelimit-reset']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/)
    expect(r.headers['x-ratelimit-limit']).toEqual(expect.any(String))
    expect(r.headers['x-ratelimit-remaining']).toBe('0')
    expect(r.headers['x-ratelimit-nearlimit']).toBe('true')
    expect(r.headers['ratelimit-reason']).toEqual(expect.any(String))
})

test('faults work on the authorize endpoint too', () => {
    w.emu.setFault('authorize', { status: 500, body: 'oops' }, { count: 1 })
    const r = ok(get(w.net, 'https://auth.atlassian.com/authorize?client_id=x'))
    expect(r.status).toBe(500)
    expect(r.body).toBe('oops')
})
