/** Authorization-code flow against the emulator over real loopback HTTP (docs/atlassian-contract.md §1, §2.1, §2.2, §2.5). */
import {
    APP,
    CALLBACK,
    OTHER_APP,
    SECOND,
    authorizeCode,
    authorizeUrl,
    basic,
    bearer,
    connect,
    get,
    ok,
    postToken,
    RESOURCES,
    startWorld,
    type World,
} from './world'

let w: World
beforeAll(async () => {
    w = await startWorld()
})
afterAll(() => w.close())
afterEach(() => {
    w.emu.clearFaults()
    w.emu.setOptions({ autoConsent: null, missingAudience: 'unusable-token', prompt: 'ignored' })
    w.emu.setConsentUser('5b10a2844c20165700ede21g')
})

const exchange = (code: string, extra: Record<string, string> = {}, form = false) =>
    postToken(
        w.net,
        {
            grant_type: 'authorization_code',
            client_id: APP.clientId,
            client_secret: APP.clientSecret,
            code,
            redirect_uri: CALLBACK,
            ...extra,
        },
        { form }
    )

test('auto-accepted authorize redirects to the callback with an opaque code and the echoed state', () => {
    w.emu.setAutoConsent('accept')
    const r = ok(get(w.net, authorizeUrl({ state: 'xyz-123' })))
    expect(r.status).toBe(302)
    const loc = new URL(r.headers.location)
    expect(`${loc.origin}${loc.pathname}`).toBe(CALLBACK)
    expect(loc.searchParams.get('state')).toBe('xyz-123')
    const code = loc.searchParams.get('code') as string
    expect(code.length).toBeGreaterThanOrEqual(32)
    expect(authorizeCode(w)).not.toBe(code) // random, never repeated
})

test('code exchange with a JSON body returns access_token, Bearer, 3600 s, scope and a refresh token', () => {
    const r = exchange(authorizeCode(w))
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toContain('application/json')
    const t = JSON.parse(r.body)
    expect(t).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'read:jira-user read:jira-work offline_access',
        refresh_token: expect.any(String),
    })
    expect(t.access_token).not.toBe(t.refresh_token)
    expect(bearer(w.net, RESOURCES, t.access_token).status).toBe(200)
})

test('code exchange with a form-encoded body works', () => {
    const r = exchange(authorizeCode(w), {}, true)
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body).access_token).toEqual(expect.any(String))
})

test('client credentials may come in HTTP Basic instead of the body', () => {
    const code = authorizeCode(w)
    const r = postToken(
        w.net,
        { grant_type: 'authorization_code', code, redirect_uri: CALLBACK },
        { form: true, headers: { Authorization: basic(APP.clientId, APP.clientSecret) } }
    )
    expect(r.status).toBe(200)
})

test('without offline_access no refresh token is issued', () => {
    const t = connect(w, { scope: 'read:jira-user' })
    expect(t.refresh_token).toBeUndefined()
    expect(t.scope).toBe('read:jira-user')
})

test('an authorization code is single use', () => {
    const code = authorizeCode(w)
    expect(exchange(code).status).toBe(200)
    const again = exchange(code)
    expect(again.status).toBe(403)
    expect(JSON.parse(again.body).error).toBe('invalid_grant')
})

test('an authorization code expires after its short lifetime', () => {
    const code = authorizeCode(w)
    w.emu.advanceTime(301 * SECOND)
    const r = exchange(code)
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body)).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code' })
})

test('redirect_uri at the exchange must match the authorization request exactly', () => {
    const r = exchange(authorizeCode(w), { redirect_uri: CALLBACK + '/' })
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body).error).toBe('invalid_grant')
})

test('wrong client secret is 401 access_denied', () => {
    const r = exchange(authorizeCode(w), { client_secret: 'not-the-secret' })
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body)).toEqual({ error: 'access_denied', error_description: 'Unauthorized' })
})

test('missing client secret is refused (the secret is always required)', () => {
    const code = authorizeCode(w)
    const r = postToken(w.net, {
        grant_type: 'authorization_code',
        client_id: APP.clientId,
        code,
        redirect_uri: CALLBACK,
    })
    expect(r.status).toBe(401)
})

test('unknown client id at the token endpoint is 401 unauthorized_client', () => {
    const r = postToken(w.net, {
        grant_type: 'authorization_code',
        client_id: 'nobody',
        client_secret: 'x',
        code: 'x',
        redirect_uri: CALLBACK,
    })
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body).error).toBe('unauthorized_client')
})

test('a code issued to one app cannot be exchanged by another', () => {
    const code = authorizeCode(w)
    const r = postToken(w.net, {
        grant_type: 'authorization_code',
        client_id: OTHER_APP.clientId,
        client_secret: OTHER_APP.clientSecret,
        code,
        redirect_uri: CALLBACK,
    })
    expect(r.status).toBe(403)
})

test('the RFC 8707 resource parameter is rejected with invalid_target', () => {
    const r = exchange(authorizeCode(w), { resource: 'https://api.atlassian.com' })
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body)).toEqual({ error: 'invalid_target', error_description: 'Incorrect resource parameters' })
})

test('an unsupported grant type is refused', () => {
    const r = postToken(w.net, {
        grant_type: 'client_credentials',
        client_id: APP.clientId,
        client_secret: APP.clientSecret,
    })
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body).error).toBe('unsupported_grant_type')
})

test('a body that is neither JSON nor form-encoded is an invalid_request', () => {
    const r = ok(
        w.net.request({
            method: 'POST',
            url: 'https://auth.atlassian.com/oauth/token',
            headers: { 'Content-Type': 'text/plain' },
            body: 'grant_type=refresh_token',
            timeoutMs: 2000,
        })
    )
    expect(r.status).toBe(400)
    expect(JSON.parse(r.body).error).toBe('invalid_request')
})

/** The consent transaction id the consent page's form carries (hidden input txn). */
const consentTxn = (html: string) => /name="txn" value="([^"]+)"/.exec(html)?.[1] as string

/** What the consent page's form posts when the user clicks Accept or Deny. */
const submitConsent = (txn: string, decision: 'accept' | 'deny') =>
    ok(
        w.net.request({
            method: 'POST',
            url: 'https://auth.atlassian.com/authorize/consent',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: `txn=${txn}&decision=${decision}`,
            timeoutMs: 2000,
        })
    )

test('the consent page is HTML with Accept and Deny that a browser can submit; Accept yields a code', () => {
    const page = ok(get(w.net, authorizeUrl({ state: 's1' })))
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.body).toMatch(/<form id="consent" method="post" action="\/authorize\/consent">/)
    expect(page.body).toContain('id="accept"')
    expect(page.body).toContain('id="deny"')
    const txn = consentTxn(page.body)
    const r = submitConsent(txn, 'accept')
    expect(r.status).toBe(302)
    const loc = new URL(r.headers.location)
    expect(loc.searchParams.get('state')).toBe('s1')
    expect(exchange(loc.searchParams.get('code') as string).status).toBe(200)
    // the consent transaction is single use too
    const again = submitConsent(txn, 'accept')
    expect(again.status).toBe(400)
})

test('Deny on the consent page redirects to the callback with access_denied and the state', () => {
    const page = ok(get(w.net, authorizeUrl({ state: 's2' })))
    const txn = consentTxn(page.body)
    const r = submitConsent(txn, 'deny')
    expect(r.status).toBe(302)
    expect(r.headers.location).toBe(
        `${CALLBACK}?error=access_denied&error_description=User%20did%20not%20authorize%20the%20request&state=s2`
    )
})

test('auto-deny mode redirects with access_denied without a page', () => {
    w.emu.setAutoConsent('deny')
    const r = ok(get(w.net, authorizeUrl({ state: 's3' })))
    expect(r.status).toBe(302)
    const loc = new URL(r.headers.location)
    expect(loc.searchParams.get('error')).toBe('access_denied')
    expect(loc.searchParams.get('code')).toBeNull()
})

test('an unregistered redirect_uri goes to the id.atlassian.com error page, never to the client', () => {
    w.emu.setAutoConsent('accept')
    const evil = 'https://evil.example/cb'
    const r = ok(get(w.net, authorizeUrl({ redirect_uri: evil })))
    expect(r.status).toBe(302)
    expect(r.headers.location).toBe(
        'https://id.atlassian.com/error?error=unauthorized_client&error_description=redirect_uri%20is%20not%20registered%20for%20client%3A%20https%3A%2F%2Fevil.example%2Fcb'
    )
    const errorPage = ok(get(w.net, r.headers.location))
    expect(errorPage.status).toBe(200)
    expect(errorPage.headers['content-type']).toContain('text/html')
    expect(errorPage.body).toContain('redirect_uri is not registered for client: https://evil.example/cb')
})

test('missing audience (default mode): code and token are issued but the gateway rejects the token with 401', () => {
    const t = connect(w, { audience: null })
    const r = bearer(w.net, RESOURCES, t.access_token)
    expect(r.status).toBe(401)
    expect(r.headers['www-authenticate']).toContain('error="invalid_token"')
})

test('missing audience in error-page mode fails at /authorize', () => {
    w.emu.setOptions({ missingAudience: 'error-page', autoConsent: 'accept' })
    const r = ok(get(w.net, authorizeUrl({ audience: null })))
    expect(r.status).toBe(302)
    expect(r.headers.location.startsWith('https://id.atlassian.com/error?error=invalid_request')).toBe(true)
})

test('prompt is ignored by default and enforced when configured', () => {
    expect(connect(w, { prompt: null }).access_token).toEqual(expect.any(String))
    w.emu.setOptions({ prompt: 'required', autoConsent: 'accept' })
    const r = ok(get(w.net, authorizeUrl({ prompt: null, state: 's4' })))
    expect(r.status).toBe(302)
    const loc = new URL(r.headers.location)
    expect(loc.searchParams.get('error')).toBe('invalid_request')
    expect(loc.searchParams.get('state')).toBe('s4')
})

test('an empty scope shows the "no supported Atlassian scopes" text', () => {
    w.emu.setAutoConsent('accept')
    const r = ok(get(w.net, authorizeUrl({ scope: '' })))
    expect(r.status).toBe(200)
    expect(r.body).toContain('This app has not requested any supported Atlassian scopes.')
})

test('a scope not added to the app is named on the consent screen', () => {
    w.emu.setAutoConsent('accept')
    const r = ok(get(w.net, authorizeUrl({ scope: 'read:jira-user manage:jira-webhook offline_access' })))
    expect(r.status).toBe(200)
    expect(r.body).toContain('have not been added to the app')
    expect(r.body).toContain('manage:jira-webhook')
    expect(r.body).not.toContain('offline_access')
})

test('nobody logged in: /authorize shows a login page, no redirect', () => {
    w.emu.setConsentUser(null)
    w.emu.setAutoConsent('accept')
    const r = ok(get(w.net, authorizeUrl()))
    expect(r.status).toBe(200)
    expect(r.body).toContain('Log in to continue')
})

test('response_type other than code is redirected back as unsupported_response_type', () => {
    w.emu.setAutoConsent('accept')
    const r = ok(get(w.net, authorizeUrl({ response_type: 'token' })))
    expect(r.status).toBe(302)
    expect(new URL(r.headers.location).searchParams.get('error')).toBe('unsupported_response_type')
})
