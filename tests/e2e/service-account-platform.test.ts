/**
 * The platform side of Option 2 in the Glide simulator, from the shipped package: "Get OAuth Token" on a
 * client-credentials credential, GlideOAuthClient.requestTokenByRequest with grant client_credentials (what the
 * platform does again when the 60-minute token has expired), and "Create New Connection & Credential" with the
 * shipped service-account template (nested registry, scopes and profile).
 */
import { SERVICE_ACCOUNT_SCOPES } from '../../src/server/core/jira-scopes'
import { World, e2eSource } from '../../harness/glide-simulator/world'

let world: World
beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
})
afterEach(() => world.close())

const HOUR = 3600 * 1000

test('Get OAuth Token on the shipped service-account credential posts client_credentials and stores a 60-minute token, no refresh token', () => {
    world.configureServiceAccount()
    const r = world.getServiceAccountToken()
    expect(r).toMatchObject({
        outcome: 'token stored',
        message: 'Access token received from Jira Cloud Service Account and stored.',
    })
    const t = world.sim.storedTokens(world.ids.saCredential, world.ids.saProfile)!
    expect(t.accessToken).toBeTruthy()
    expect(t.refreshToken).toBeNull()
    // the simulator clock runs in real time between the request and this read
    expect(t.accessExpiresMs! - world.sim.clock.nowMs()).toBeGreaterThan(HOUR - 5000)
    expect(t.accessExpiresMs! - world.sim.clock.nowMs()).toBeLessThanOrEqual(HOUR)
    const [req] = world.emu.requestsTo('token')
    const form = new URLSearchParams(req.body)
    expect(form.get('grant_type')).toBe('client_credentials')
    expect(form.get('client_id')).toBe(world.saClientId)
    expect(form.get('scope')?.split(' ').sort()).toEqual([...SERVICE_ACCOUNT_SCOPES].sort())
    expect(req.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/)
    const visible = world.sim.visibleText().join('\n')
    for (const secret of world.secrets()) expect(visible).not.toContain(secret)
})

test('a wrong client secret stores nothing and the admin sees invalid_client', () => {
    world.configureServiceAccount()
    world.sim.admin.setField('oauth_entity', world.ids.saRegistry, 'client_secret', 'not-the-secret')
    const r = world.getServiceAccountToken()
    expect(r.outcome).toBe('token request failed')
    expect(r.message).toMatch(/invalid_client/)
    expect(world.sim.storedTokens(world.ids.saCredential, world.ids.saProfile)).toBeNull()
})

test('after 60 minutes the stored token has expired and GlideOAuthClient requests a new one with the same grant', () => {
    world.configureServiceAccount()
    world.getServiceAccountToken()
    const first = world.sim.storedTokens(world.ids.saCredential, world.ids.saProfile)!.accessToken
    world.advance(HOUR + 1000)
    const result = world.sim.runBackgroundScript(`
        var c = new sn_auth.GlideOAuthClient();
        var before = c.getToken('${world.ids.saCredential}', '${world.ids.saProfile}').getExpiresIn();
        var q = new sn_auth.GlideOAuthClientRequest();
        q.setGrantType('client_credentials');
        q.setParameter('oauth_requestor_context', 'oauth_2_0_credentials');
        q.setParameter('oauth_requestor', '${world.ids.saCredential}');
        q.setParameter('oauth_provider_profile', '${world.ids.saProfile}');
        var r = c.requestTokenByRequest(null, q); // KB0823628's form: the registry comes from the profile
        var after = c.getToken('${world.ids.saCredential}', '${world.ids.saProfile}');
        return [before <= 0, r.getResponseCode(), after.getExpiresIn() > 3590, after.getRefreshToken()].join(',');
    `)
    expect(result).toBe('true,200,true,')
    expect(world.sim.storedTokens(world.ids.saCredential, world.ids.saProfile)!.accessToken).not.toBe(first)
})

test('the service-account template creates a client-credentials registry (secret encrypted), its two scopes, a default profile, the credential and the connection', () => {
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const { connection, credential } = world.sim.admin.createConnectionFromTemplate(world.ids.alias, {
        'connection.name': 'Jira Cloud acme (service account)',
        'connection.connection_url': `https://api.atlassian.com/ex/jira/${world.cloudId}`,
        'credential.oauth_entity.client_id': world.saClientId,
        'credential.oauth_entity.client_secret': world.saClientSecret,
    })
    expect(connection).toMatchObject({
        connection_url: `https://api.atlassian.com/ex/jira/${world.cloudId}`,
        active: 'true',
        credential: credential.sys_id,
    })
    const profile = world.sim.read('oauth_entity_profile', credential.oauth_entity_profile)!
    expect(profile).toMatchObject({ grant_type: 'client_credentials', default: 'true' })
    const registry = world.sim.read('oauth_entity', profile.oauth_entity)!
    expect(registry).toMatchObject({
        default_grant_type: 'client_credentials',
        token_url: 'https://auth.atlassian.com/oauth/token',
        client_id: world.saClientId,
    })
    expect(registry.sys_id).not.toBe(world.ids.saRegistry)
    expect(registry.client_secret).not.toContain(world.saClientSecret)
    expect(world.sim.vault.decrypt(registry.client_secret)).toBe(world.saClientSecret)
    expect(world.sim.engine.profileScopes(profile.sys_id).sort()).toEqual([...SERVICE_ACCOUNT_SCOPES].sort())
    expect(world.getServiceAccountToken(credential.sys_id).outcome).toBe('token stored')
})

test('the template asks for the client secret: leaving it empty creates nothing', () => {
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const before = world.sim.query('oauth_entity').length
    expect(() =>
        world.sim.admin.createConnectionFromTemplate(world.ids.alias, {
            'connection.name': 'x',
            'connection.connection_url': `https://api.atlassian.com/ex/jira/${world.cloudId}`,
            'credential.oauth_entity.client_id': world.saClientId,
            'credential.oauth_entity.client_secret': '',
        })
    ).toThrow(/Client Secret is mandatory/)
    expect(world.sim.query('oauth_entity')).toHaveLength(before)
})
