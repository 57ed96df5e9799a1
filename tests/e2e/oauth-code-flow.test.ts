/**
 * The platform's authorization-code flow ("Get OAuth Token" on the shipped credential), simulated on loopback with a
 * plain HTTP client as the admin's browser: oauth_initiator.do builds the authorize URL from the shipped registry and
 * the shipped OAuth API script, the emulator's consent page answers, oauth_redirect.do checks the state, exchanges the
 * code at the registry's token URL and stores the tokens against the credential.
 */
import { REQUIRED_JIRA_SCOPES } from '../../src/server/core/jira-scopes'
import { World } from '../../harness/glide-simulator/world'
import { packageZipPath } from '../../harness/support/artifacts'

let world: World

beforeEach(async () => {
    world = await World.start({ source: { zipPath: packageZipPath() } })
    world.configureOAuth()
})

afterEach(async () => {
    await world.close()
})

function expectNoSecretVisible(texts: string[]): void {
    const all = texts.join('\n')
    for (const s of world.secrets()) expect(all).not.toContain(s)
}

test('Get OAuth Token sends audience, prompt=consent, state, the 14 scopes and the redirect URI to /authorize, then stores both tokens against the credential', async () => {
    const page = await world.getOAuthToken('accept')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Access token received from Jira Cloud OAuth and stored with a refresh token')

    const authorize = world.emu.requestsTo('authorize').find((r) => r.method === 'GET')!
    expect(authorize.host).toBe('auth.atlassian.com')
    expect(authorize.path).toBe('/authorize')
    expect(authorize.query).toMatchObject({
        audience: 'api.atlassian.com',
        prompt: 'consent',
        response_type: 'code',
        client_id: world.clientId,
        redirect_uri: world.sim.callbackUrl,
    })
    expect(authorize.query.state).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(authorize.query.scope.split(' ').sort()).toEqual([...REQUIRED_JIRA_SCOPES].sort())

    // the code exchange went to the registry's token URL, form-encoded with the client credentials in the body
    const token = world.emu.requestsTo('token')
    expect(token).toHaveLength(1)
    const form = new URLSearchParams(token[0].body)
    expect(token[0].host).toBe('auth.atlassian.com')
    expect(form.get('grant_type')).toBe('authorization_code')
    expect(form.get('redirect_uri')).toBe(world.sim.callbackUrl)
    expect(form.get('client_id')).toBe(world.clientId)

    // tokens stored against the credential: requestor context oauth_2_0_credentials + credential + profile
    const rp = world.sim.one('oauth_requestor_profile', { requestor_id: world.ids.credential })
    expect(rp).toMatchObject({ requestor_context: 'oauth_2_0_credentials', oauth_entity_profile: world.ids.profile })
    const rows = world.sim.query('oauth_credential', { oauth_requestor_profile: rp.sys_id })
    expect(rows.map((r) => r.type).sort()).toEqual(['access_token', 'refresh_token'])
    const stored = world.sim.storedTokens(world.ids.credential, world.ids.profile)!
    expect(world.emu.isAccessTokenValid(stored.accessToken!)).toBe(true)
    expect(world.emu.isRefreshTokenValid(stored.refreshToken!)).toBe(true)
    for (const r of rows)
        expect(r.token_received).not.toContain(r.type === 'access_token' ? stored.accessToken : stored.refreshToken)

    // the validator-facing API sees them, with expiry from expires_in and the registry's refresh lifespan
    const seen = world.sim.runBackgroundScript(
        `var t = new sn_auth.GlideOAuthClient().getToken('${world.ids.credential}', '${world.ids.profile}'); return [t.getExpiresIn(), t.getRefreshTokenExpiresIn(), !!t.getAccessToken()].join(',');`
    ) as string
    const [expiresIn, refreshIn, has] = seen.split(',')
    expect(Number(expiresIn)).toBeGreaterThan(3500)
    expect(Number(expiresIn)).toBeLessThanOrEqual(3600)
    expect(Number(refreshIn)).toBeGreaterThan(7776000 - 60)
    expect(has).toBe('true')
    expectNoSecretVisible([...world.sim.visibleText(), page.body])
})

test('consent denied (error=access_denied): the admin gets a clear message and no token is stored', async () => {
    const page = await world.getOAuthToken('deny')
    expect(page.finalUrl).toContain('/oauth_redirect.do?error=access_denied')
    expect(page.status).toBe(400)
    expect(page.text).toContain(
        'The OAuth provider returned an error: access_denied (User did not authorize the request). No token was stored.'
    )
    expect(world.sim.storedTokens(world.ids.credential, world.ids.profile)).toBeNull()
    expect(world.emu.requestsTo('token')).toHaveLength(0)
})

test('redirect URI not registered: Atlassian shows its error page, the browser never returns and no token is stored', async () => {
    world.emu.registerApp({
        clientId: world.clientId,
        clientSecret: world.clientSecret,
        callbackUrls: ['https://dev00000.service-now.com/oauth_redirect.do'],
        scopes: [...REQUIRED_JIRA_SCOPES],
    })
    const page = await world.getOAuthToken('accept')
    expect(new URL(page.finalUrl).host).toBe('id.atlassian.com')
    expect(page.text).toContain('redirect_uri is not registered for client')
    expect(page.text).toContain(world.sim.callbackUrl)
    expect(world.sim.oauthFlows).toHaveLength(0)
    expect(world.sim.storedTokens(world.ids.credential, world.ids.profile)).toBeNull()
})

test('a replayed or forged state is refused at oauth_redirect.do', async () => {
    const page = await world.getOAuthToken('accept')
    const callback = page.hops.find((h) => h.url.includes('/oauth_redirect.do'))!
    const replay = await fetch(callback.url)
    expect(replay.status).toBe(400)
    expect(await replay.text()).toContain('does not match a pending authorization request')
    const forged = await fetch(`${world.sim.instanceUrl}oauth_redirect.do?code=abc&state=not-ours`)
    expect(forged.status).toBe(400)
    expect(world.emu.requestsTo('token')).toHaveLength(1)
})

test('a wrong client secret: the code exchange fails with the provider error and nothing is stored', async () => {
    world.sim.admin.setField('oauth_entity', world.ids.registry, 'client_secret', 'not-the-secret')
    const page = await world.getOAuthToken('accept')
    expect(page.status).toBe(400)
    expect(page.text).toMatch(/The token request to https:\/\/auth\.atlassian\.com\/oauth\/token failed: \w+/)
    expect(page.text).not.toContain('not-the-secret')
    expect(world.sim.storedTokens(world.ids.credential, world.ids.profile)).toBeNull()
})
