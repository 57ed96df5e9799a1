/**
 * Cross-scope privileges (assumption A10): the shipped sys_scope_privilege records name every scriptable platform
 * API the validator calls, under the class names real instances record (access-tracking.ts cites them). With the
 * app switched to Runtime Access Tracking "Enforcing", each validation path still works: a name the platform would
 * not match (e.g. StandardCredentialsProvider instead of ScriptableStandardCredentialsProvider) refuses the call.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { SetupClient } from '../../harness/glide-simulator/setup-client'
import { TEMPLATE, World, e2eSource } from '../../harness/glide-simulator/world'

const HOUR = 3600 * 1000
let world: World

beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
    const app = world.sim.one('sys_app', { scope: 'x_jira_connect' })
    world.sim.admin.setField('sys_app', app.sys_id, 'runtime_access_tracking', 'enforcing')
})
afterEach(async () => {
    await world.close()
})

function refused(): string[] {
    return [...new Set(world.sim.accessLog.filter((e) => !e.allowed).map((e) => e.api))]
}

test('enforcing: OAuth validation, with an expired access token refreshed, calls only privileged APIs', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    world.advance(2 * HOUR)
    const r = world.validate('oauth_2_0_credentials', world.ids.credential)
    expect({ refused: refused(), exception: r.exception, errors: r.errors }).toEqual({
        refused: [],
        exception: null,
        errors: [],
    })
    expect(r.info[0]).toMatch(/works/)
    const called = new Set(world.sim.accessLog.filter((e) => e.scope === 'x_jira_connect').map((e) => e.api))
    for (const api of [
        'GlideOAuthClient.requestTokenByRequest',
        'GlideOAuthToken.getRefreshToken',
        'ScriptableRESTResponse.getStatusCode',
    ]) {
        expect(called).toContain(api)
    }
})

test('enforcing: basic-auth validation reads the API token through ScriptableStandardCredentialsProvider', () => {
    // The alias defaults to the service-account template since issue 9: the admin picks the API-token one.
    world.pickTemplate(TEMPLATE.legacyToken)
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const { connection } = world.sim.admin.createConnectionFromTemplate(world.ids.alias, {
        'connection.name': 'Jira Cloud acme (API token)',
        'connection.connection_url': `https://${world.siteHost}`,
        'credential.user_name': world.email,
        'credential.password': world.apiToken,
    })
    const r = world.validate('http_connection', connection.sys_id)
    expect({ refused: refused(), exception: r.exception, errors: r.errors }).toEqual({
        refused: [],
        exception: null,
        errors: [],
    })
    expect(world.sim.accessLog.map((e) => e.api)).toContain('ScriptableStandardCredentialsProvider.getCredentialByID')
})

test('enforcing refuses a scoped call without its privilege; permissive tracking only records it', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    const privilege = world.sim.one('sys_scope_privilege', { target_name: 'ScriptableRESTMessageClient.execute' })
    world.sim.admin.setField('sys_scope_privilege', privilege.sys_id, 'status', 'requested')
    const blocked = world.validate('sys_alias', world.ids.alias)
    expect(refused()).toEqual(['ScriptableRESTMessageClient.execute'])
    expect(blocked.exception).toBeNull()
    expect(blocked.errors[0]).toMatch(/does not work/)

    const app = world.sim.one('sys_app', { scope: 'x_jira_connect' })
    world.sim.admin.setField('sys_app', app.sys_id, 'runtime_access_tracking', 'permissive')
    world.sim.accessLog.length = 0
    const tracked = world.validate('sys_alias', world.ids.alias)
    expect(tracked.info[0]).toMatch(/works/)
    expect(world.sim.accessLog).toContainEqual({
        api: 'ScriptableRESTMessageClient.execute',
        scope: 'x_jira_connect',
        allowed: true,
    })
})

test('enforcing: the setup API (3LO path, site, validate, health check) reads and writes only privileged tables', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    expect(
        (await admin.api('PUT', 'oauth-client', { clientId: world.clientId, clientSecret: world.clientSecret })).status
    ).toBe(200)
    await world.getOAuthToken('accept')
    expect((await admin.api('GET', 'state')).status).toBe(200)
    expect((await admin.api('GET', 'sites')).status).toBe(200)
    expect((await admin.api('PUT', 'site', { cloudId: world.cloudId })).status).toBe(200)
    const v = await admin.api('POST', 'validate', {})
    expect((v.json!.result as { verdict: string }).verdict).toBe('pass')
    expect((await admin.api('POST', 'health', {})).status).toBe(200)
    expect((await admin.api('GET', 'health')).status).toBe(200)
    expect(refused()).toEqual([])
    const tables = world.sim.accessLog.filter(
        (e) => e.scope === 'x_jira_connect' && /\.(read|create|write)$/.test(e.api)
    )
    expect(tables.map((e) => e.api)).toEqual(expect.arrayContaining(['oauth_entity.write', 'http_connection.write']))
})

test('enforcing: "Add as a separate connection" creates the child alias, its attributes, profile, scopes, credential and connection with shipped privileges only', async () => {
    const second = { cloudId: '6a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', name: 'acme-eu', host: 'acme-eu.atlassian.net' }
    world.emu.addSite(second)
    world.emu.addUser({
        accountId: world.accountId,
        email: world.email,
        displayName: 'Jira Admin',
        apiTokens: [world.apiToken],
        sites: [world.cloudId, second.cloudId],
    })
    world.configureOAuth()
    await world.getOAuthToken('accept')
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const added = await admin.api('POST', 'site-connection', { cloudId: second.cloudId })
    expect({ status: added.status, refused: refused() }).toEqual({ status: 200, refused: [] })
    const created = world.sim.accessLog.filter((e) => e.scope === 'x_jira_connect' && e.api.endsWith('.create'))
    expect(created.map((e) => e.api).sort()).toEqual([
        'connection_attributes.create',
        'http_connection.create',
        'oauth_2_0_credentials.create',
        'oauth_entity_profile.create',
        'oauth_entity_profile_scope.create',
        'sys_alias.create',
    ])
})

test('enforcing: without the create privilege on sys_alias the insert is refused (500, no stack), what was created is deleted again; granted, a retry makes one of each', async () => {
    const privilege = world.sim
        .query('sys_scope_privilege')
        .find((p) => p.target_name === 'sys_alias' && p.operation === 'create')!
    world.sim.admin.setField('sys_scope_privilege', privilege.sys_id, 'status', 'requested')
    world.emu.addSite({
        cloudId: '6a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
        name: 'acme-eu',
        host: 'acme-eu.atlassian.net',
    })
    world.emu.addUser({
        accountId: world.accountId,
        email: world.email,
        displayName: 'Jira Admin',
        apiTokens: [world.apiToken],
        sites: [world.cloudId, '6a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d'],
    })
    world.configureOAuth()
    await world.getOAuthToken('accept')
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const added = await admin.api('POST', 'site-connection', { cloudId: '6a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d' })
    expect(added.status).toBe(500)
    expect(refused()).toEqual(['sys_alias.create'])
    expect(added.text).not.toMatch(/\bat .*\.js:\d+/)
    expect(added.text).toContain('(created, deleted again)')
    expect(world.sim.query('sys_alias', { parent: world.ids.alias })).toEqual([])
    expect(world.sim.query('oauth_entity_profile', { name: 'Jira OAuth Profile (acme-eu)' })).toEqual([])

    // Once the privilege is granted, asking again makes every record once.
    world.sim.admin.setField('sys_scope_privilege', privilege.sys_id, 'status', 'allowed')
    const again = await admin.api('POST', 'site-connection', { cloudId: '6a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d' })
    expect(again.status).toBe(200)
    expect(world.sim.query('oauth_entity_profile', { name: 'Jira OAuth Profile (acme-eu)' })).toHaveLength(1)
    expect(world.sim.query('oauth_2_0_credentials', { name: 'Jira Cloud OAuth Credential (acme-eu)' })).toHaveLength(1)
    const profile = world.sim.one('oauth_entity_profile', { name: 'Jira OAuth Profile (acme-eu)' })
    expect(world.sim.query('oauth_entity_profile_scope', { oauth_entity_profile: profile.sys_id })).toHaveLength(14)
    expect(world.sim.query('sys_alias', { parent: world.ids.alias }).map((a) => a.name)).toEqual(['Jira_acme_eu'])
})

test('enforcing: the service-account path of the setup API (save, validate) reads and writes only privileged tables', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const saved = await admin.api('PUT', 'service-account', {
        clientId: world.saClientId,
        clientSecret: world.saClientSecret,
        site: 'acme-jcc',
    })
    expect({ status: saved.status, refused: refused() }).toEqual({ status: 200, refused: [] })
    const v = await admin.api('POST', 'validate', {})
    expect({ status: v.status, refused: refused() }).toEqual({ status: 200, refused: [] })
})
