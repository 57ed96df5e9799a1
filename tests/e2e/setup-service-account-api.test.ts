/**
 * The setup API's service-account path (PUT service-account, POST validate {target: 'service-account'}, the state's
 * serviceAccount section), served by the simulated instance from the shipped package with a session, roles and the
 * CSRF token; Atlassian (tenant_info, the client-credentials token, Jira) played by the emulator. Every refusal is
 * checked to change nothing; no response, log line or readable column may hold the client secret.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { APP_ADMIN, ITIL_USER, SetupClient } from '../../harness/glide-simulator/setup-client'
import { World, e2eSource } from '../../harness/glide-simulator/world'
import { expectNoSecretAnywhere as expectNoSecretIn } from './no-secret'

let world: World

beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
})
afterEach(async () => {
    await world.close()
})

type Json = Record<string, any>
type FieldErr = { field: string; code: string; message: string }

/** Every configuration record the save could touch, for "changed nothing" comparisons. */
function snapshot() {
    return JSON.stringify({
        registries: world.sim.query('oauth_entity'),
        connections: world.sim.query('http_connection'),
        credentials: world.sim.query('discovery_credentials'),
        aliases: world.sim.query('sys_alias'),
        tokens: world.sim.query('oauth_credential'),
    })
}

function errorsOf(a: { json: unknown }): FieldErr[] {
    return (a.json as { result: { error: { errors: FieldErr[] } } }).result.error.errors
}

const expectNoSecretAnywhere = (extra: string[] = []) => expectNoSecretIn(world, extra)

function good() {
    return { clientId: world.saClientId, clientSecret: world.saClientSecret, site: 'acme-jcc' }
}

const gatewayUrl = () => `https://api.atlassian.com/ex/jira/${world.cloudId}`

test('state on a fresh install: the service-account section says nothing is set, the connection is inactive with the placeholder, and lists the scopes', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const s = (await admin.api('GET', 'state')).json!.result as Json
    expect(s.serviceAccount).toEqual({
        registrySysId: world.ids.saRegistry,
        clientIdSet: false,
        clientSecretSet: false,
        savedOn: '',
        credentialSysId: world.ids.saCredential,
        connection: {
            sysId: world.ids.saConnection,
            name: 'Jira Cloud Service Account Connection',
            url: 'https://api.atlassian.com/ex/jira/<cloud-id>',
            active: false,
            cloudId: null,
        },
        otherActive: [expect.objectContaining({ sysId: world.ids.connection, name: 'Jira Cloud OAuth Connection' })],
        scopes: {
            classic: [
                'manage:jira-configuration',
                'manage:jira-project',
                'manage:jira-webhook',
                'read:jira-work',
                'read:jira-user',
                'write:jira-work',
            ],
            granular: [
                'delete:sprint:jira-software',
                'read:issue-details:jira',
                'read:jql:jira',
                'read:sprint:jira-software',
                'write:sprint:jira-software',
                'read:board-scope:jira-software',
                'read:project:jira',
            ],
        },
        missing: [],
    })
    // The same lists the shipped scope records hold (what the token request asks for).
    const recorded = world.sim
        .query('oauth_entity_scope')
        .filter((r) => r.oauth_entity === world.ids.saRegistry)
        .map((r) => r.oauth_entity_scope.split(' '))
    expect(recorded).toEqual(
        expect.arrayContaining([s.serviceAccount.scopes.classic, s.serviceAccount.scopes.granular])
    )
})

test('each bad field is a 400 naming that field, and nothing changes', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const before = snapshot()
    const cases: Array<[unknown, { contentType?: string; rawBody?: string }, string, string]> = [
        [{ ...good(), clientId: '' }, {}, 'clientId', 'client_id_missing'],
        [{ ...good(), clientId: 'not a client id!' }, {}, 'clientId', 'client_id_malformed'],
        [{ ...good(), clientId: 'x'.repeat(129) }, {}, 'clientId', 'client_id_malformed'],
        [{ ...good(), clientSecret: '' }, {}, 'clientSecret', 'clientSecret_missing'],
        [{ ...good(), clientSecret: 42 }, {}, 'clientSecret', 'clientSecret_missing'],
        [{ ...good(), clientSecret: `${world.saClientSecret}\n` }, {}, 'clientSecret', 'clientSecret_whitespace'],
        [{ ...good(), clientSecret: 'S'.repeat(256) }, {}, 'clientSecret', 'clientSecret_too_long'],
        [{ ...good(), site: '' }, {}, 'site', 'site_missing'],
        [{ ...good(), site: 'acme jcc' }, {}, 'site', 'site_malformed'],
        [{ ...good(), site: 'https://acme_jcc.atlassian.net' }, {}, 'site', 'site_malformed'],
        [good(), { contentType: 'text/plain' }, 'content-type', 'content_type_unsupported'],
        [undefined, { rawBody: '{"clientId": ' }, '', 'body_not_object'],
        [undefined, { rawBody: '["a"]' }, '', 'body_not_object'],
    ]
    for (const [body, opts, field, code] of cases) {
        const a = await admin.api('PUT', 'service-account', body, opts)
        expect({ code, status: a.status }).toEqual({ code, status: 400 })
        expect(errorsOf(a)).toEqual([expect.objectContaining({ field, code })])
        expect(errorsOf(a)[0].message.length).toBeGreaterThan(20)
        expect(a.text).not.toContain(world.saClientSecret)
    }
    // All three wrong at once: three field errors in one answer, no tenant_info call made.
    world.emu.clearRequests()
    const all = await admin.api('PUT', 'service-account', { clientId: '?', clientSecret: '', site: 'a b' })
    expect(all.status).toBe(400)
    expect(errorsOf(all).map((e) => [e.field, e.code])).toEqual([
        ['clientId', 'client_id_malformed'],
        ['clientSecret', 'clientSecret_missing'],
        ['site', 'site_malformed'],
    ])
    expect(errorsOf(all)[0].message).toContain('admin.atlassian.com > Directory > Service accounts')
    expect(world.emu.requests).toEqual([])
    expect(snapshot()).toBe(before)
    expectNoSecretAnywhere()
})

test('an unknown site is a 400 at the site field naming the URL tried, and nothing changes', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const before = snapshot()
    const a = await admin.api('PUT', 'service-account', { ...good(), site: 'nowhere-jcc' })
    expect(a.status).toBe(400)
    expect(errorsOf(a)).toEqual([expect.objectContaining({ field: 'site', code: 'site_unknown' })])
    expect(errorsOf(a)[0].message).toContain('https://nowhere-jcc.atlassian.net')
    expect(snapshot()).toBe(before)
    expectNoSecretAnywhere()
})

test('a user without the roles gets 403 from the save and from validate, and nothing changes', async () => {
    const itil = new SetupClient(world.sim, ITIL_USER)
    const before = snapshot()
    const save = await itil.api('PUT', 'service-account', good())
    expect(save.status).toBe(403)
    const v = await itil.api('POST', 'validate', { target: 'service-account' })
    expect(v.status).toBe(403)
    expect(snapshot()).toBe(before)
    expect(world.emu.requests).toEqual([])
    expectNoSecretAnywhere()
})

test('happy path: the registry gets the client id and secret, the connection the gateway URL, still inactive; it validates while inactive and goes live only when made so', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const saved = await admin.api('PUT', 'service-account', { ...good(), site: 'https://acme-jcc.atlassian.net/' })
    expect(saved.status).toBe(200)
    expect(saved.json!.result).toEqual({
        connectionSysId: world.ids.saConnection,
        connectionName: 'Jira Cloud Service Account Connection',
        url: gatewayUrl(),
        site: 'acme-jcc',
        siteUrl: `https://${world.siteHost}`,
        cloudId: world.cloudId,
        savedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        active: false,
        token: { outcome: 'not_needed', message: '' },
    })
    const registry = world.sim.read('oauth_entity', world.ids.saRegistry)!
    expect(registry.client_id).toBe(world.saClientId)
    expect(registry.client_secret).not.toBe(world.saClientSecret)
    expect(registry.client_secret).not.toBe('')
    // The 3LO registry is untouched, and the client-credentials registry gets no redirect URL.
    expect(world.sim.read('oauth_entity', world.ids.registry)!.client_id || '').toBe('')
    expect(registry.redirect_url || '').toBe('')
    // Saved, not switched: the 3LO connection stays the active one (validate before switching, issue 17).
    expect(world.sim.read('http_connection', world.ids.saConnection)).toMatchObject({
        active: 'false',
        connection_url: gatewayUrl(),
    })
    expect(world.sim.read('http_connection', world.ids.connection)).toMatchObject({ active: 'true' })

    const s = (await admin.api('GET', 'state')).json!.result as Json
    expect(s.serviceAccount).toMatchObject({
        clientIdSet: true,
        clientSecretSet: true,
        savedOn: expect.stringMatching(/^\d{4}-/),
        connection: { active: false, url: gatewayUrl(), cloudId: world.cloudId },
        otherActive: [{ sysId: world.ids.connection, name: 'Jira Cloud OAuth Connection', url: expect.any(String) }],
        missing: [],
    })
    expect(JSON.stringify(s)).not.toContain(world.saClientSecret)

    // x_jira_connect.admin may validate, but only admin may read OAuth tokens (KB0859525): validation says so.
    const appAdmin = new SetupClient(world.sim, APP_ADMIN)
    const denied = (await appAdmin.api('POST', 'validate', { target: 'service-account' })).json!.result as Json
    expect(denied.checks.filter((c: Json) => c.status === 'fail')).toEqual([
        expect.objectContaining({ id: 'token.access', code: 'token_access_denied', step: 0 }),
    ])
    const v = await admin.api('POST', 'validate', { target: 'service-account' })
    expect(v.status).toBe(200)
    const report = v.json!.result as Json
    // Inactive, so the only finding is that it is not live yet.
    expect({
        verdict: report.verdict,
        bad: report.checks.filter((c: Json) => c.status === 'fail' || c.status === 'warn').map((c: Json) => c.code),
    }).toEqual({ verdict: 'warn', bad: ['connection_inactive'] })
    expect(report.checks.find((c: Json) => c.id === 'token.access')).toMatchObject({ status: 'pass' })
    expect(report.runLink).toMatch(/^x_jira_connect_validation_run\.do\?sys_id=[0-9a-f]{32}$/)
    // ServiceNow acts as the service account (Jira's accountType "app") on the site.
    expect(report.actingAs).toEqual({
        name: 'ServiceNow integration',
        accountType: 'app',
        site: `https://${world.siteHost}`,
    })
    // The run is stored against the service-account connection.
    const run = world.sim.read('x_jira_connect_validation_run', report.runSysId)!
    expect(run).toMatchObject({ target_table: 'http_connection', target_sys_id: world.ids.saConnection })

    const live = await admin.api('POST', 'activate', { connectionSysId: world.ids.saConnection })
    expect(live.json!.result).toMatchObject({
        outcome: 'activated',
        deactivated: [{ sysId: world.ids.connection, name: 'Jira Cloud OAuth Connection' }],
    })
    // Kept, inactive, with its credential.
    expect(world.sim.read('http_connection', world.ids.connection)).toMatchObject({
        active: 'false',
        credential: world.ids.credential,
    })
    expect(world.sim.query('http_connection').filter((c) => c.active === 'true')).toHaveLength(1)
    // The alias validates too, now through the service account.
    const alias = (await admin.api('POST', 'validate', {})).json!.result as Json
    expect(alias.verdict).toBe('pass')
    expectNoSecretAnywhere()
})

test('making the service account live deactivates a live API-token connection and keeps it; saving again switches nothing', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const token = await admin.api('PUT', 'api-token', {
        site: 'acme-jcc',
        email: world.email,
        apiToken: world.apiToken,
    })
    expect(token.status).toBe(200)
    const basic = (token.json!.result as { connectionSysId: string }).connectionSysId
    expect((await admin.api('POST', 'activate', { connectionSysId: basic })).json!.result).toMatchObject({
        outcome: 'activated',
    })
    expect((await admin.api('PUT', 'service-account', good())).status).toBe(200)
    expect(world.sim.read('http_connection', basic)).toMatchObject({ active: 'true' })
    const made = await admin.api('POST', 'activate', { connectionSysId: world.ids.saConnection })
    expect((made.json!.result as Json).deactivated).toEqual([{ sysId: basic, name: 'Jira Cloud acme-jcc (API token)' }])
    expect(world.sim.read('http_connection', basic)).toMatchObject({ active: 'false' })
    expect(world.sim.query('basic_auth_credentials')).toHaveLength(1)
    const again = await admin.api('PUT', 'service-account', good())
    expect(again.status).toBe(200)
    expect(
        world.sim
            .query('http_connection')
            .filter((c) => c.active === 'true')
            .map((c) => c.sys_id)
    ).toEqual([world.ids.saConnection])
    expectNoSecretAnywhere()
})

test('wrong secret: the save succeeds (nothing can tell before a token request), validation fails at token.access with the fix and step 2', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const wrong = `${world.saClientSecret}x`
    expect((await admin.api('PUT', 'service-account', { ...good(), clientSecret: wrong })).status).toBe(200)
    const report = (await admin.api('POST', 'validate', { target: 'service-account' })).json!.result as Json
    expect(report.verdict).toBe('fail')
    const failed = report.checks.filter((c: Json) => c.status === 'fail')
    expect(failed).toEqual([
        expect.objectContaining({
            id: 'token.access',
            code: 'service_account_rejected',
            step: 2,
            // The fix is the registry's client id and secret.
            link: `oauth_entity.do?sys_id=${world.ids.saRegistry}`,
        }),
    ])
    expect(failed[0].fix).toContain('Create a new OAuth 2.0 credential')
    expect(world.sim.storedTokens(world.ids.saCredential, world.ids.saProfile)).toBeNull()
    expectNoSecretAnywhere([wrong])
})

test('scope missing on the Atlassian credential: validation fails on Jira with the scope fix, pointing at step 1', async () => {
    world.emu.createServiceAccountCredential({
        clientId: 'sa-fewscopes-0123456789',
        clientSecret: 'sa-fewscopes-secret-0123456789',
        accountId: world.saAccountId,
        scopes: ['read:jira-work', 'write:jira-work'],
    })
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const body = {
        clientId: 'sa-fewscopes-0123456789',
        clientSecret: 'sa-fewscopes-secret-0123456789',
        site: 'acme-jcc',
    }
    expect((await admin.api('PUT', 'service-account', body)).status).toBe(200)
    const report = (await admin.api('POST', 'validate', { target: 'service-account' })).json!.result as Json
    expect(report.verdict).toBe('fail')
    const failed = report.checks.filter((c: Json) => c.status === 'fail')
    expect(failed.map((c: Json) => [c.id, c.code, c.step])).toEqual([['jira.myself', 'scope_mismatch', 1]])
    expect(failed[0].fix).toMatch(/scope/i)
    expectNoSecretAnywhere(['sa-fewscopes-secret-0123456789'])
})

test('the first-install service-account connection was deleted: 404 saying what was found, what is expected and the next step; nothing changes', async () => {
    world.sim.store.delete('http_connection', world.ids.saConnection)
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const s = (await admin.api('GET', 'state')).json!.result as Json
    expect(s.serviceAccount.connection).toBeNull()
    expect(s.serviceAccount.missing).toEqual([expect.objectContaining({ code: 'service_account_connection_missing' })])
    const before = snapshot()
    world.emu.clearRequests()
    const a = await admin.api('PUT', 'service-account', good())
    expect(a.status).toBe(404)
    const [e] = errorsOf(a)
    expect(e.code).toBe('service_account_connection_missing')
    expect(e.message).toContain('Found no connection on the Jira alias')
    expect(e.message).toContain('expected "Jira Cloud Service Account Connection"')
    expect(e.message).toContain('Create New Connection & Credential')
    expect(world.emu.requests).toEqual([])
    expect(snapshot()).toBe(before)
    const v = await admin.api('POST', 'validate', { target: 'service-account' })
    expect(v.status).toBe(404)
})

test('the service-account registry was deleted: 404 naming the registry, and the state says so', async () => {
    world.sim.store.delete('oauth_entity', world.ids.saRegistry)
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const s = (await admin.api('GET', 'state')).json!.result as Json
    expect(s.serviceAccount).toMatchObject({ registrySysId: null, clientIdSet: false, connection: null })
    expect(s.serviceAccount.missing[0].code).toBe('service_account_registry_missing')
    const before = snapshot()
    const a = await admin.api('PUT', 'service-account', good())
    expect(a.status).toBe(404)
    expect(errorsOf(a)[0].message).toContain('Found no application registry "Jira Cloud Service Account"')
    expect(snapshot()).toBe(before)
})

test('saving new values while a token is stored: a wrong secret is reported (the old token would hide it), a right one replaces the token', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    expect((await admin.api('PUT', 'service-account', good())).status).toBe(200)
    expect(
        ((await admin.api('POST', 'validate', { target: 'service-account' })).json!.result as Json).verdict
    ).not.toBe('fail')
    const first = world.sim.storedTokens(world.ids.saCredential, world.ids.saProfile)!.accessToken
    expect(first).toBeTruthy()

    const wrong = `${world.saClientSecret}x`
    const refused = await admin.api('PUT', 'service-account', { ...good(), clientSecret: wrong })
    expect(refused.status).toBe(200)
    const token = (refused.json!.result as Json).token
    expect(token.outcome).toBe('refused')
    expect(token.message).toContain('Atlassian refused these client ID and secret')
    expect(token.message).toMatch(/keeps working for up to \d+ minutes/)
    expect(token.message).toContain('admin.atlassian.com > Directory > Service accounts')

    const renewed = await admin.api('PUT', 'service-account', good())
    expect((renewed.json!.result as Json).token.outcome).toBe('renewed')
    const second = world.sim.storedTokens(world.ids.saCredential, world.ids.saProfile)!.accessToken
    expect(second).not.toBe(first)
    expect(world.emu.requestsTo('token').map((q) => new URLSearchParams(q.body).get('grant_type'))).toEqual([
        'client_credentials',
        'client_credentials',
        'client_credentials',
    ])
    expectNoSecretAnywhere([wrong])
})
