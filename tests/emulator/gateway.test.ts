/** api.atlassian.com: accessible-resources, /me, /ex/jira/{cloudId}/rest/api/{2|3}/myself|serverInfo (docs/atlassian-contract.md §3, §4). */
import {
    APP,
    GATEWAY,
    LONELY_SITE,
    RESOURCES,
    SITE,
    SITE2,
    USER,
    bearer,
    connect,
    gatewayMyself,
    gatewayServerInfo,
    get,
    ok,
    startWorld,
    type World,
} from './world'

let w: World
beforeAll(async () => {
    w = await startWorld()
})
afterAll(() => w.close())
afterEach(() => {
    w.emu.setOptions({ unknownCloudIdStatus: 404 })
    w.emu.setConsentUser(USER.accountId)
})

const seed = (scopes: string[], cloudIds = [SITE.cloudId]) =>
    w.emu.grantTokens({ clientId: APP.clientId, accountId: USER.accountId, scopes, cloudIds }).accessToken

test('accessible-resources lists every consented site with id, name, url, scopes and avatarUrl; offline_access never appears', () => {
    const t = connect(w, { scope: 'read:jira-user read:jira-work read:me offline_access' })
    const r = bearer(w.net, RESOURCES, t.access_token)
    expect(r.status).toBe(200)
    const list = JSON.parse(r.body) as Array<Record<string, unknown>>
    expect(list.map((s) => s.id).sort()).toEqual([SITE.cloudId, SITE2.cloudId].sort())
    const acme = list.find((s) => s.id === SITE.cloudId)
    expect(acme).toEqual({
        id: SITE.cloudId,
        name: 'Acme',
        url: 'https://acme.atlassian.net',
        scopes: ['read:jira-user', 'read:jira-work'],
        avatarUrl: expect.stringMatching(/^https:\/\//),
    })
})

test('accessible-resources lists only the sites picked on the consent screen', () => {
    w.emu.setConsentUser(USER.accountId, [SITE2.cloudId])
    const t = connect(w)
    const list = JSON.parse(bearer(w.net, RESOURCES, t.access_token).body) as Array<{ id: string }>
    expect(list.map((s) => s.id)).toEqual([SITE2.cloudId])
})

test('accessible-resources is 200 [] for a grant with no sites', () => {
    const r = bearer(w.net, RESOURCES, seed(['read:jira-user'], []))
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual([])
})

test('a missing access token is 401 invalid_token', () => {
    const r = ok(get(w.net, RESOURCES))
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body)).toEqual({ code: 401, message: 'Unauthorized' })
    expect(r.headers['www-authenticate']).toMatch(/^Bearer realm="OAuth", error="invalid_token"/)
})

test('an unknown access token is 401 invalid_token', () => {
    const r = bearer(w.net, gatewayServerInfo(SITE.cloudId), 'made-up-token')
    expect(r.status).toBe(401)
    expect(r.headers['www-authenticate']).toContain('error="invalid_token"')
})

test('myself with read:jira-user returns the user, over API v3 and v2', () => {
    const at = seed(['read:jira-user'])
    for (const v of [3, 2] as const) {
        const r = bearer(w.net, gatewayMyself(SITE.cloudId, v), at)
        expect(r.status).toBe(200)
        const me = JSON.parse(r.body)
        expect(me).toMatchObject({
            accountId: USER.accountId,
            accountType: 'atlassian',
            displayName: USER.displayName,
            emailAddress: USER.email,
            active: true,
        })
        expect(me.self).toBe(`https://acme.atlassian.net/rest/api/${v}/user?accountId=${USER.accountId}`)
    }
})

test('myself without read:jira-user is 401 "Unauthorized; scope does not match"', () => {
    const r = bearer(w.net, gatewayMyself(SITE.cloudId), seed(['read:jira-work']))
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body)).toEqual({ code: 401, message: 'Unauthorized; scope does not match' })
})

test('myself accepts the complete granular scope set but not a partial one', () => {
    const full = ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira']
    expect(bearer(w.net, gatewayMyself(SITE.cloudId), seed(full)).status).toBe(200)
    expect(bearer(w.net, gatewayMyself(SITE.cloudId), seed(full.slice(1))).status).toBe(401)
})

test('myself omits emailAddress when the user hides it', () => {
    w.emu.addUser({
        accountId: 'hidden-1',
        email: 'hidden@acme.example',
        displayName: 'Hidden',
        sites: [SITE.cloudId],
        emailVisible: false,
    })
    const at = w.emu.grantTokens({
        clientId: APP.clientId,
        accountId: 'hidden-1',
        scopes: ['read:jira-user'],
        cloudIds: [SITE.cloudId],
    }).accessToken
    const me = JSON.parse(bearer(w.net, gatewayMyself(SITE.cloudId), at).body)
    expect(me.accountId).toBe('hidden-1')
    expect('emailAddress' in me).toBe(false)
})

test('serverInfo needs no particular scope and reports Cloud with the site URL as baseUrl', () => {
    const r = bearer(w.net, gatewayServerInfo(SITE.cloudId), seed(['read:jira-work']))
    expect(r.status).toBe(200)
    const info = JSON.parse(r.body)
    expect(info.deploymentType).toBe('Cloud')
    expect(info.baseUrl).toBe('https://acme.atlassian.net')
})

test('an unknown cloudId is 404 {"code":404,"message":"Not Found"}', () => {
    const r = bearer(w.net, gatewayMyself('00000000-dead-beef-0000-000000000000'), seed(['read:jira-user']))
    expect(r.status).toBe(404)
    expect(JSON.parse(r.body)).toEqual({ code: 404, message: 'Not Found' })
})

test('the unknown-cloudId status is configurable (403, 401)', () => {
    const at = seed(['read:jira-user'])
    w.emu.setOptions({ unknownCloudIdStatus: 403 })
    expect(bearer(w.net, gatewayServerInfo('nope'), at).status).toBe(403)
    w.emu.setOptions({ unknownCloudIdStatus: 401 })
    expect(bearer(w.net, gatewayServerInfo('nope'), at).status).toBe(401)
})

test('a real site outside the grant is 403', () => {
    const r = bearer(w.net, gatewayServerInfo(LONELY_SITE.cloudId), seed(['read:jira-user']))
    expect(r.status).toBe(403)
})

test('/me needs read:me', () => {
    const withScope = bearer(w.net, `${GATEWAY}/me`, seed(['read:me']))
    expect(withScope.status).toBe(200)
    expect(JSON.parse(withScope.body)).toMatchObject({
        account_id: USER.accountId,
        email: USER.email,
        name: USER.displayName,
    })
    const without = bearer(w.net, `${GATEWAY}/me`, seed(['read:jira-user']))
    expect(without.status).toBe(401)
    expect(JSON.parse(without.body).message).toBe('Unauthorized; scope does not match')
})

test('unknown paths and unknown hosts routed to the emulator are 404', () => {
    const at = seed(['read:jira-user'])
    expect(bearer(w.net, `${GATEWAY}/ex/jira/${SITE.cloudId}/rest/api/3/nothing-here`, at).status).toBe(404)
    expect(ok(get(w.net, 'https://unregistered.atlassian.net/rest/api/3/serverInfo')).status).toBe(404)
    expect(ok(get(w.net, 'https://auth.atlassian.com/oauth/authorize')).status).toBe(404) // Backstage's wrong path, §7.2
})
