/**
 * Service accounts in the emulator: the OAuth 2.0 client-credentials grant of a service account's credential, scoped
 * API tokens through the gateway, product access, tenant_info. Sources are cited in core.ts next to each behaviour.
 */
import {
    APP,
    DAY,
    GATEWAY,
    LONELY_SITE,
    RESOURCES,
    SECOND,
    SITE,
    SITE2,
    basic,
    bearer,
    gatewayMyself,
    gatewayServerInfo,
    get,
    ok,
    postToken,
    startWorld,
    type World,
} from './world'

const SA = {
    accountId: '712020:0a1b2c3d-aaaa-bbbb-cccc-0123456789ab',
    email: 'jira-integration@serviceaccount.atlassian.com',
    displayName: 'ServiceNow integration',
    accountType: 'app' as const,
    sites: [SITE.cloudId],
    scopedApiTokens: [{ token: 'ATATT3xScopedServiceToken', scopes: ['read:jira-user', 'read:jira-work'] }],
}
const CRED = {
    clientId: 'sa-client-id',
    clientSecret: 'sa-client-secret',
    accountId: SA.accountId,
    scopes: ['read:jira-user', 'read:jira-work', 'write:jira-work'],
}

let w: World
beforeEach(async () => {
    w = await startWorld()
    w.emu.addUser(SA)
    w.emu.createServiceAccountCredential(CRED)
})
afterEach(() => w.close())

const ccToken = (params: Record<string, string> = {}, form = true) =>
    postToken(
        w.net,
        { grant_type: 'client_credentials', client_id: CRED.clientId, client_secret: CRED.clientSecret, ...params },
        { form }
    )

describe('client-credentials grant', () => {
    test('issues a Bearer access token for 3600 s with the credential scopes and no refresh token (form or JSON body)', () => {
        for (const form of [true, false]) {
            const r = ccToken({}, form)
            expect(r.status).toBe(200)
            const body = JSON.parse(r.body)
            expect(body).toEqual({
                access_token: expect.any(String),
                token_type: 'Bearer',
                expires_in: 3600,
                scope: CRED.scopes.join(' '),
            })
            expect(body).not.toHaveProperty('refresh_token')
        }
    })

    test('client id and secret in an HTTP Basic header work too', () => {
        const r = postToken(
            w.net,
            { grant_type: 'client_credentials' },
            { form: true, headers: { Authorization: basic(CRED.clientId, CRED.clientSecret) } }
        )
        expect(r.status).toBe(200)
    })

    test('scopes are fixed at credential creation: a scope parameter does not add any, offline_access gives no refresh token', () => {
        const body = JSON.parse(ccToken({ scope: 'manage:jira-configuration offline_access' }).body)
        expect(body.scope).toBe(CRED.scopes.join(' '))
        expect(body).not.toHaveProperty('refresh_token')
    })

    test.each([
        ['a wrong secret', { client_secret: 'nope' }],
        ['no secret', { client_secret: '' }],
        ['an unknown client id', { client_id: 'who-is-this' }],
    ])('%s is 401 invalid_client', (_what, params) => {
        const r = ccToken(params)
        expect(r.status).toBe(401)
        expect(JSON.parse(r.body)).toEqual({ error: 'invalid_client', error_description: 'Unauthorized' })
    })

    test('a revoked credential is 401 invalid_client, and the tokens it issued stop working', () => {
        const token = JSON.parse(ccToken().body).access_token
        expect(bearer(w.net, gatewayMyself(SITE.cloudId), token).status).toBe(200)
        expect(w.emu.revokeServiceAccountCredential(CRED.clientId)).toBe(1)
        expect(ccToken().status).toBe(401)
        expect(JSON.parse(ccToken().body).error).toBe('invalid_client')
        expect(bearer(w.net, gatewayMyself(SITE.cloudId), token).status).toBe(401)
    })

    test('the access token expires after 60 minutes; a new one is simply requested again (there is nothing to refresh)', () => {
        const first = JSON.parse(ccToken().body).access_token
        w.emu.advanceTime(3600 * SECOND - 1)
        expect(bearer(w.net, gatewayMyself(SITE.cloudId), first).status).toBe(200)
        w.emu.advanceTime(1)
        const expired = bearer(w.net, gatewayMyself(SITE.cloudId), first)
        expect(expired.status).toBe(401)
        expect(expired.headers['www-authenticate']).toMatch(/invalid_token/)
        const again = JSON.parse(ccToken().body).access_token
        expect(again).not.toBe(first)
        expect(bearer(w.net, gatewayMyself(SITE.cloudId), again).status).toBe(200)
        // No refresh_token grant is possible: there is no refresh token anywhere.
        w.emu.advanceTime(400 * DAY)
        expect(ccToken().status).toBe(200)
    })

    test('a 3LO app cannot use the client-credentials grant (3LO supports the code grant only)', () => {
        const r = postToken(w.net, {
            grant_type: 'client_credentials',
            client_id: APP.clientId,
            client_secret: APP.clientSecret,
        })
        expect(r.status).toBe(403)
        expect(JSON.parse(r.body).error).toBe('unsupported_grant_type')
    })

    test('the token endpoint honours a rate-limit fault (429 + Retry-After) for this grant', () => {
        w.emu.setFault('token', { rateLimit: 30 }, { count: 1 })
        const r = ccToken()
        expect(r.status).toBe(429)
        expect(r.headers['retry-after']).toBe('30')
        expect(ccToken().status).toBe(200)
    })
})

describe('service-account tokens on the gateway', () => {
    const token = () => JSON.parse(ccToken().body).access_token as string

    test('/myself answers the service account with accountType app; serverInfo is the site', () => {
        const me = JSON.parse(bearer(w.net, gatewayMyself(SITE.cloudId), token()).body)
        expect(me).toMatchObject({ accountId: SA.accountId, accountType: 'app', displayName: SA.displayName })
        expect(JSON.parse(bearer(w.net, gatewayServerInfo(SITE.cloudId), token()).body)).toMatchObject({
            baseUrl: `https://${SITE.host}`,
            deploymentType: 'Cloud',
        })
    })

    test('accessible-resources answers 401 by default (undocumented for client credentials), a list when switched', () => {
        const t = token()
        expect(bearer(w.net, RESOURCES, t).status).toBe(401)
        w.emu.setOptions({ serviceAccountAccessibleResources: 'list' })
        expect(JSON.parse(bearer(w.net, RESOURCES, t).body).map((s: { id: string }) => s.id)).toEqual([SITE.cloudId])
    })

    test('a site where the service account has no role is 403; an unknown cloud id 404', () => {
        expect(bearer(w.net, gatewayMyself(SITE2.cloudId), token()).status).toBe(403)
        expect(bearer(w.net, gatewayMyself(LONELY_SITE.cloudId), token()).status).toBe(403)
        expect(bearer(w.net, gatewayMyself('00000000-0000-0000-0000-000000000000'), token()).status).toBe(404)
    })

    test('without Jira product access a valid token gets 403 from Jira', () => {
        w.emu.setJiraAccess(SA.accountId, false)
        const r = bearer(w.net, gatewayMyself(SITE.cloudId), token())
        expect(r.status).toBe(403)
        expect(JSON.parse(r.body).errorMessages[0]).toMatch(/do not have access to Jira/)
        w.emu.setJiraAccess(SA.accountId, true)
        expect(bearer(w.net, gatewayMyself(SITE.cloudId), token()).status).toBe(200)
    })

    test('scopes missing on the credential: /myself is 401 "scope does not match"', () => {
        w.emu.createServiceAccountCredential({ ...CRED, clientId: 'sa-narrow', scopes: ['read:jira-work'] })
        const t = JSON.parse(ccToken({ client_id: 'sa-narrow' }).body).access_token
        const r = bearer(w.net, gatewayMyself(SITE.cloudId), t)
        expect(r.status).toBe(401)
        expect(JSON.parse(r.body).message).toBe('Unauthorized; scope does not match')
    })
})

describe('scoped API tokens', () => {
    const scoped = basic(SA.email, SA.scopedApiTokens[0].token)

    test('Basic auth with a scoped token works through api.atlassian.com/ex/jira/{cloudId}', () => {
        const r = ok(get(w.net, gatewayMyself(SITE.cloudId, 2), { Authorization: scoped }))
        expect(r.status).toBe(200)
        expect(JSON.parse(r.body)).toMatchObject({ accountId: SA.accountId, accountType: 'app' })
    })

    test('the same token on the site URL is 401 with AUTHENTICATED_FAILED, and counts as a failed login', () => {
        const r = ok(get(w.net, `https://${SITE.host}/rest/api/2/myself`, { Authorization: scoped }))
        expect(r.status).toBe(401)
        expect(r.headers['x-seraph-loginreason']).toBe('AUTHENTICATED_FAILED')
        expect(w.emu.failedBasicAttempts(SA.email)).toBe(1)
    })

    test('a classic API token is not accepted on the gateway; a wrong scoped token neither', () => {
        expect(
            ok(
                get(w.net, gatewayMyself(SITE.cloudId), {
                    Authorization: basic('ada@acme.example', 'ATATT3xGoodApiToken'),
                })
            ).status
        ).toBe(401)
        expect(
            ok(get(w.net, gatewayMyself(SITE.cloudId), { Authorization: basic(SA.email, 'ATATT3xWrong') })).status
        ).toBe(401)
    })

    test('accessible-resources refuses a scoped token (401)', () => {
        expect(ok(get(w.net, RESOURCES, { Authorization: scoped })).status).toBe(401)
    })
})

test('tenant_info on the site answers its cloud id without authentication', () => {
    const r = ok(get(w.net, `https://${SITE.host}/_edge/tenant_info`))
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ cloudId: SITE.cloudId })
    expect(GATEWAY).toBe('https://api.atlassian.com')
})
