/** <site>.atlassian.net: tenant_info and Basic auth (email + API token) with X-Seraph-LoginReason (docs/atlassian-contract.md §5). */
import { SITE, USER, basic, get, ok, startWorld, type World } from './world'

let w: World
beforeAll(async () => {
    w = await startWorld()
})
afterAll(() => w.close())

const MYSELF = 'https://acme.atlassian.net/rest/api/3/myself'
const SERVER_INFO = 'https://acme.atlassian.net/rest/api/2/serverInfo'

test('tenant_info answers the cloudId without authentication', () => {
    const r = ok(get(w.net, 'https://acme.atlassian.net/_edge/tenant_info'))
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ cloudId: SITE.cloudId })
    expect(w.emu.requestsTo('tenant-info').at(-1)?.headers.authorization).toBeUndefined()
})

test('Basic auth with a good API token: myself 200 and X-Seraph-LoginReason OK', () => {
    const r = ok(get(w.net, MYSELF, { Authorization: basic(USER.email, USER.apiTokens[0]) }))
    expect(r.status).toBe(200)
    expect(r.headers['x-seraph-loginreason']).toBe('OK')
    expect(JSON.parse(r.body)).toMatchObject({ accountId: USER.accountId, emailAddress: USER.email })
})

test('the email in Basic auth is matched case-insensitively', () => {
    const r = ok(get(w.net, MYSELF, { Authorization: basic(USER.email.toUpperCase(), USER.apiTokens[0]) }))
    expect(r.status).toBe(200)
})

test('Basic auth with a bad token: myself 401 "Client must be authenticated" + AUTHENTICATED_FAILED, counted once', () => {
    const email = 'bad-token@acme.example'
    w.emu.addUser({ accountId: 'bad-token-user', email, displayName: 'B', apiTokens: ['right'], sites: [SITE.cloudId] })
    const r = ok(get(w.net, MYSELF, { Authorization: basic(email, 'wrong') }))
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body)).toEqual({
        message: 'Client must be authenticated to access this resource.',
        'status-code': 401,
    })
    expect(r.headers['x-seraph-loginreason']).toBe('AUTHENTICATED_FAILED')
    expect(w.emu.failedBasicAttempts(email)).toBe(1)
})

test('an unknown email is a failed login like a bad token', () => {
    const r = ok(get(w.net, MYSELF, { Authorization: basic('nobody@acme.example', 'x') }))
    expect(r.status).toBe(401)
    expect(r.headers['x-seraph-loginreason']).toBe('AUTHENTICATED_FAILED')
    expect(w.emu.failedBasicAttempts('nobody@acme.example')).toBe(1)
})

test('serverInfo with bad credentials is still 200, flagged only by X-Seraph-LoginReason AUTHENTICATED_FAILED', () => {
    const r = ok(get(w.net, SERVER_INFO, { Authorization: basic(USER.email, 'wrong') }))
    expect(r.status).toBe(200)
    expect(r.headers['x-seraph-loginreason']).toBe('AUTHENTICATED_FAILED')
    expect(JSON.parse(r.body).deploymentType).toBe('Cloud')
})

test('serverInfo with good credentials carries X-Seraph-LoginReason OK; anonymously no login reason', () => {
    const good = ok(get(w.net, SERVER_INFO, { Authorization: basic(USER.email, USER.apiTokens[0]) }))
    expect(good.status).toBe(200)
    expect(good.headers['x-seraph-loginreason']).toBe('OK')
    const anon = ok(get(w.net, SERVER_INFO))
    expect(anon.status).toBe(200)
    expect(anon.headers['x-seraph-loginreason']).toBeUndefined()
    expect(JSON.parse(anon.body).baseUrl).toBe('https://acme.atlassian.net')
})

test('the account password instead of an API token is 401 "Basic authentication with passwords is deprecated"', () => {
    const r = ok(get(w.net, MYSELF, { Authorization: basic(USER.email, USER.password) }))
    expect(r.status).toBe(401)
    expect(r.body.startsWith('Basic authentication with passwords is deprecated.')).toBe(true)
})

test('myself without any credentials is 401 with the Jira error envelope', () => {
    const r = ok(get(w.net, MYSELF))
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body)).toEqual({
        errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
        errors: {},
    })
})

test('CAPTCHA mode answers 403 with X-Authentication-Denied-Reason, even for the right token', () => {
    const email = 'captcha@acme.example'
    w.emu.addUser({ accountId: 'captcha-user', email, displayName: 'C', apiTokens: ['tok'], sites: [SITE.cloudId] })
    w.emu.setCaptcha(email, true)
    const r = ok(get(w.net, MYSELF, { Authorization: basic(email, 'tok') }))
    expect(r.status).toBe(403)
    expect(r.headers['x-authentication-denied-reason']).toBe(
        'CAPTCHA_CHALLENGE; login-url=https://acme.atlassian.net/login.jsp'
    )
    w.emu.setCaptcha(email, false)
    expect(ok(get(w.net, MYSELF, { Authorization: basic(email, 'tok') })).status).toBe(200)
})

test('the request log shows exactly the attempts made (tests can assert "no retry after 401")', () => {
    const email = 'counted@acme.example'
    w.emu.addUser({ accountId: 'counted-user', email, displayName: 'D', apiTokens: ['tok'], sites: [SITE.cloudId] })
    w.emu.clearRequests()
    ok(get(w.net, MYSELF, { Authorization: basic(email, 'nope') }))
    ok(get(w.net, SERVER_INFO, { Authorization: basic(email, 'nope') }))
    const log = w.emu.requests
    expect(log.map((r) => [r.target, r.status])).toEqual([
        ['site-myself', 401],
        ['site-serverInfo', 200],
    ])
    expect(log[0].host).toBe('acme.atlassian.net')
    expect(w.emu.failedBasicAttempts(email)).toBe(2)
})
