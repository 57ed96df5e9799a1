/** The synchronous HTTP client and the loopback network map (harness/net). */
import { createLoopbackNetwork, createSyncHttpClient, syncHttpRequest, type LoopbackNetwork } from '../../harness/net'
import { APP, SITE, USER, basic, get, ok, RESOURCES, startWorld, type World } from './world'

let w: World
let extra: LoopbackNetwork
beforeAll(async () => {
    w = await startWorld()
    w.net.route('refused.example', 'refused').route('tls.example', 'tls-failure').route('*.tls.example', 'tls-failure')
    extra = createLoopbackNetwork()
})
afterAll(async () => {
    await extra.close()
    await w.close()
})

test('a routed https:// URL reaches the emulator as plain HTTP with the original Host header', () => {
    w.emu.clearRequests()
    const r = ok(get(w.net, 'https://acme.atlassian.net/_edge/tenant_info?probe=1'))
    expect(r.status).toBe(200)
    const [entry] = w.emu.requests
    expect(entry).toMatchObject({
        method: 'GET',
        host: 'acme.atlassian.net',
        path: '/_edge/tenant_info',
        query: { probe: '1' },
    })
    expect(entry.headers.host).toBe('acme.atlassian.net')
})

test('response header names are lower-case', () => {
    const r = ok(
        get(w.net, 'https://acme.atlassian.net/rest/api/3/myself', {
            Authorization: basic(USER.email, USER.apiTokens[0]),
        })
    )
    expect(Object.keys(r.headers).every((k) => k === k.toLowerCase())).toBe(true)
    expect(r.headers['x-seraph-loginreason']).toBe('OK')
})

test('a POST body and request headers arrive unchanged', () => {
    w.emu.clearRequests()
    const body = JSON.stringify({ grant_type: 'refresh_token', note: 'ünïcode' })
    ok(
        w.net.request({
            method: 'POST',
            url: 'https://auth.atlassian.com/oauth/token',
            headers: { 'Content-Type': 'application/json', 'X-Trace': 't-1' },
            body,
            timeoutMs: 2000,
        })
    )
    const [entry] = w.emu.requests
    expect(entry.body).toBe(body)
    expect(entry.headers['x-trace']).toBe('t-1')
    expect(entry.headers['content-length']).toBe(String(Buffer.byteLength(body)))
})

test('refused route: java.net.ConnectException: Connection refused', () => {
    expect(get(w.net, 'https://refused.example/anything')).toEqual({
        ok: false,
        code: 'connection_refused',
        message: 'java.net.ConnectException: Connection refused',
    })
})

test('unknown host: java.net.UnknownHostException without reaching anything', () => {
    w.emu.clearRequests()
    expect(get(w.net, 'https://jira.nowhere.example/rest/api/3/myself')).toEqual({
        ok: false,
        code: 'unknown_host',
        message: 'java.net.UnknownHostException: jira.nowhere.example',
    })
    expect(w.emu.requests).toHaveLength(0)
})

test('tls-failure route: a real handshake against an untrusted certificate fails as SSLHandshakeException', () => {
    const r = get(w.net, 'https://tls.example/x')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.code).toBe('tls')
    expect(r.message.startsWith('javax.net.ssl.SSLHandshakeException: PKIX path building failed')).toBe(true)
    expect(get(w.net, 'https://jira.tls.example/x')).toMatchObject({ ok: false, code: 'tls' }) // wildcard route, same server
})

test('an exact route wins over a wildcard route', () => {
    const net = createLoopbackNetwork()
        .route('*.atlassian.net', 'refused')
        .route('acme.atlassian.net', { port: w.emu.port })
    try {
        expect(ok(get(net, 'https://acme.atlassian.net/_edge/tenant_info')).status).toBe(200)
        expect(get(net, 'https://beta.atlassian.net/_edge/tenant_info')).toMatchObject({
            ok: false,
            code: 'connection_refused',
        })
        expect(get(net, 'https://atlassian.net/')).toMatchObject({ ok: false, code: 'unknown_host' }) // the wildcard needs a subdomain
    } finally {
        void net.close()
    }
})

test('an empty network knows no host at all', () => {
    expect(get(extra, 'https://auth.atlassian.com/authorize')).toMatchObject({ ok: false, code: 'unknown_host' })
})

test('malformed and non-HTTP URLs fail as code other', () => {
    expect(get(w.net, 'not a url')).toMatchObject({ ok: false, code: 'other' })
    expect(get(w.net, 'ftp://auth.atlassian.com/x')).toMatchObject({ ok: false, code: 'other' })
})

test('one worker serves many sequential requests quickly', () => {
    const t0 = Date.now()
    for (let i = 0; i < 100; i++)
        expect(ok(get(w.net, 'https://acme.atlassian.net/_edge/tenant_info')).status).toBe(200)
    expect(Date.now() - t0).toBeLessThan(3000)
})

test('syncHttpRequest is the function form of network.request', () => {
    const r = syncHttpRequest(
        { method: 'GET', url: 'https://acme.atlassian.net/_edge/tenant_info', timeoutMs: 2000 },
        w.net
    )
    expect(ok(r).body).toBe(JSON.stringify({ cloudId: SITE.cloudId }))
})

test('two networks can share one client', async () => {
    const client = createSyncHttpClient()
    const a = createLoopbackNetwork({ client }).route('acme.atlassian.net', { port: w.emu.port })
    const b = createLoopbackNetwork({ client }).route('acme.atlassian.net', 'refused')
    expect(ok(get(a, 'https://acme.atlassian.net/_edge/tenant_info')).status).toBe(200)
    expect(get(b, 'https://acme.atlassian.net/_edge/tenant_info')).toMatchObject({ code: 'connection_refused' })
    await a.close() // does not own the client
    expect(
        ok(get(b.route('acme.atlassian.net', { port: w.emu.port }), 'https://acme.atlassian.net/_edge/tenant_info'))
            .status
    ).toBe(200)
    await client.close()
    expect(() => get(b, 'https://acme.atlassian.net/_edge/tenant_info')).toThrow('closed')
})

test('httpPort() backs the validator HttpPort: applies the AuthRef and maps failures', () => {
    const at = w.emu.grantTokens({
        clientId: APP.clientId,
        accountId: USER.accountId,
        scopes: ['read:jira-user'],
        cloudIds: [SITE.cloudId],
    }).accessToken
    const port = w.net.httpPort((auth) =>
        auth.kind === 'oauth2' && auth.credentialSysId === 'cred-1' ? `Bearer ${at}` : null
    )
    const good = port.send({
        method: 'GET',
        url: RESOURCES,
        auth: { kind: 'oauth2', credentialSysId: 'cred-1', profileSysId: 'p' },
        timeoutMs: 2000,
    })
    expect(good).toMatchObject({ ok: true, status: 200 })
    expect(
        port.send({
            method: 'GET',
            url: RESOURCES,
            auth: { kind: 'oauth2', credentialSysId: 'other', profileSysId: 'p' },
            timeoutMs: 2000,
        })
    ).toMatchObject({ ok: false, failure: 'auth_unavailable' })
    expect(port.send({ method: 'GET', url: RESOURCES, auth: { kind: 'none' }, timeoutMs: 2000 })).toMatchObject({
        ok: true,
        status: 401,
    })
    expect(
        port.send({ method: 'GET', url: 'https://refused.example/', auth: { kind: 'none' }, timeoutMs: 2000 })
    ).toEqual({
        ok: false,
        failure: 'connection_refused',
        detail: 'java.net.ConnectException: Connection refused',
    })
})
