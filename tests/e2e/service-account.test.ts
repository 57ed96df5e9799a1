/**
 * Service accounts end to end from the shipped package in the Glide simulator: an admin creates a service-account
 * connection with the alias's template (client id, secret, cloud id), gets a token and validates it; and an admin
 * migrates a working classic-API-token connection to a service account without losing the old connection until the
 * new one validates.
 */
import { TEMPLATE, World, e2eSource } from '../../harness/glide-simulator/world'

let world: World
beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
})
afterEach(() => world.close())

function expectNoSecretShown(results: { info: string[]; errors: string[]; logs: { message: string }[] }[]) {
    const shown = [
        ...results.flatMap((r) => [...r.info, ...r.errors, ...r.logs.map((l) => l.message)]),
        ...world.sim.visibleText(),
    ].join('\n')
    for (const secret of world.secrets()) expect(shown).not.toContain(secret)
}

test('Create New Connection & Credential with the service-account template, Get OAuth Token, Validate: works, as the service account', () => {
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const { connection, credential } = world.sim.admin.createConnectionFromTemplate(world.ids.alias, {
        'connection.name': 'Jira Cloud acme (service account)',
        'connection.connection_url': `https://api.atlassian.com/ex/jira/${world.cloudId}`,
        'credential.oauth_entity.client_id': world.saClientId,
        'credential.oauth_entity.client_secret': world.saClientSecret,
    })
    expect(world.getServiceAccountToken(credential.sys_id).outcome).toBe('token stored')
    world.emu.clearRequests()
    const r = world.validate('http_connection', connection.sys_id)
    expect(r.exception).toBeNull()
    expect(r.errors).toEqual([])
    expect(r.info[0]).toMatch(/works/)
    // Who ServiceNow acts as: the service account, which Jira's /myself reports as an app account, not a person.
    expect(r.info.join('\n')).toMatch(/Signed in to Jira as ServiceNow integration \([^)]*\), an app account/)
    // accessible-resources is not used for a service-account token; the gateway confirms the cloud id
    // (and a service account is not an app: only the admin webhook list of the Jira -> ServiceNow checks)
    expect(world.emu.requests.map((q) => q.target)).toEqual([
        'myself',
        'serverInfo',
        'project-search',
        'permissions-check',
        'agile-board',
        'admin-webhooks',
    ])
    // The credential's own Validate button is there for template-created service-account credentials too? It keys on
    // the registry name, which the template sets to "Jira Cloud Service Account".
    const viaCredential = world.validate('oauth_2_0_credentials', credential.sys_id)
    expect(viaCredential.errors).toEqual([])
    expectNoSecretShown([r, viaCredential])
})

test('an expired 60-minute token is requested again by Validate through the platform, and stored', () => {
    world.configureServiceAccount()
    world.getServiceAccountToken()
    const first = world.sim.storedTokens(world.ids.saCredential, world.ids.saProfile)!.accessToken
    world.advance(61 * 60 * 1000)
    const r = world.validate('http_connection', world.ids.saConnection)
    expect(r.errors).toEqual([])
    const stored = world.sim.storedTokens(world.ids.saCredential, world.ids.saProfile)!
    expect(stored.accessToken).not.toBe(first)
    expect(stored.refreshToken).toBeNull()
    expect(world.emu.requestsTo('token').map((q) => new URLSearchParams(q.body).get('grant_type'))).toEqual([
        'client_credentials',
        'client_credentials',
    ])
})

test('migrate a classic API token connection to a service account: the old one keeps working until the new one validates', () => {
    // Before: a working classic-token connection (legacy template), the shipped OAuth connection deactivated.
    world.pickTemplate(TEMPLATE.legacyToken)
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const old = world.sim.admin.createConnectionFromTemplate(world.ids.alias, {
        'connection.name': 'Jira Cloud acme (API token)',
        'connection.connection_url': `https://${world.siteHost}`,
        'credential.user_name': world.email,
        'credential.password': world.apiToken,
    })
    const before = world.validate('sys_alias', world.ids.alias)
    expect(before.errors).toEqual([])
    const warning = before.info.find((m) => /classic API token/.test(m))
    expect(warning).toMatch(/Jira Cloud Service Account Connection.*validate that connection while it is inactive/)

    // 1. The new connection, prepared while the old one stays active: a wrong secret first.
    world.sim.admin.setFields('oauth_entity', world.ids.saRegistry, {
        client_id: world.saClientId,
        client_secret: 'mistyped-secret',
    })
    world.sim.admin.setField(
        'http_connection',
        world.ids.saConnection,
        'connection_url',
        `https://api.atlassian.com/ex/jira/${world.cloudId}`
    )
    const failing = world.validate('http_connection', world.ids.saConnection)
    expect(failing.errors.join('\n')).toMatch(/refused the client id and secret/)
    expect(world.sim.read('http_connection', old.connection.sys_id)).toMatchObject({
        active: 'true',
        connection_url: `https://${world.siteHost}`,
    })
    expect(world.validate('sys_alias', world.ids.alias).errors).toEqual([]) // the integration still works

    // 2. The right secret: the inactive connection validates (the only warning: it is inactive).
    world.sim.admin.setField('oauth_entity', world.ids.saRegistry, 'client_secret', world.saClientSecret)
    expect(world.getServiceAccountToken().outcome).toBe('token stored')
    const ready = world.validate('http_connection', world.ids.saConnection)
    expect(ready.errors).toEqual([])
    expect(ready.info.filter((m) => m.startsWith('Warning:'))).toEqual([expect.stringMatching(/inactive/)])

    // 3. Swap: deactivate the old one (kept, with its credential), activate the new one; the alias now passes.
    world.sim.admin.setField('http_connection', old.connection.sys_id, 'active', false)
    world.sim.admin.setField('http_connection', world.ids.saConnection, 'active', true)
    const after = world.validate('sys_alias', world.ids.alias)
    expect(after.errors).toEqual([])
    expect(after.info.some((m) => m.startsWith('Warning:'))).toBe(false)
    expect(world.sim.read('http_connection', old.connection.sys_id)).toMatchObject({
        active: 'false',
        credential: old.credential.sys_id,
    })
    expect(world.sim.read('basic_auth_credentials', old.credential.sys_id)).not.toBeNull()
    expectNoSecretShown([before, failing, ready, after])
})
