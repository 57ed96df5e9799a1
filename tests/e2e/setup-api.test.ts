/**
 * The setup assistant's scripted REST API, served by the simulated instance from the shipped sys_ws_* records with a
 * session, roles and the CSRF token; Atlassian played by the emulator. Every refusal is checked to change nothing, and
 * no response, log line or readable column may hold a secret.
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

/** Every configuration record the setup could touch, for "changed nothing" comparisons. */
function snapshot() {
    return JSON.stringify({
        registry: world.sim.read('oauth_entity', world.ids.registry),
        connections: world.sim.query('http_connection'),
        credentials: world.sim.query('discovery_credentials'),
        aliases: world.sim.query('sys_alias'),
    })
}

function errorsOf(a: { json: unknown }) {
    return (a.json as { result: { error: { errors: Array<{ field: string; code: string; message: string }> } } }).result
        .error.errors
}

const expectNoSecretAnywhere = (extra: string[] = []) => expectNoSecretIn(world, extra)

test('a user without admin or x_jira_connect.admin gets 403 from every shipped operation and the page shows nothing', async () => {
    const ops = world.sim.query('sys_ws_operation')
    expect(ops.length).toBeGreaterThanOrEqual(8)
    const itil = new SetupClient(world.sim, ITIL_USER)
    const before = snapshot()
    for (const op of ops) {
        const a = await itil.send(
            op.http_method,
            op.operation_uri,
            op.http_method === 'GET' ? undefined : { clientId: 'x' }
        )
        expect({ op: op.name, status: a.status }).toEqual({ op: op.name, status: 403 })
        expect(a.text).not.toContain('callback')
    }
    const page = await itil.send('GET', '/x_jira_connect_setup.do')
    expect(page.status).toBe(403)
    expect(page.text).not.toContain('main.jsdbx')
    expect(snapshot()).toBe(before)
})

test("the app role (x_jira_connect.admin) and admin both reach the API; without X-UserToken or with another session's it is 401", async () => {
    const appAdmin = new SetupClient(world.sim, APP_ADMIN)
    expect((await appAdmin.api('GET', 'state')).status).toBe(200)
    const admin = new SetupClient(world.sim, ADMIN_USER)
    expect((await admin.api('GET', 'state')).status).toBe(200)
    const before = snapshot()
    const noToken = await admin.api(
        'PUT',
        'oauth-client',
        { clientId: world.clientId, clientSecret: world.clientSecret },
        { token: null }
    )
    expect(noToken.status).toBe(401)
    const otherToken = await admin.api(
        'PUT',
        'oauth-client',
        { clientId: world.clientId, clientSecret: world.clientSecret },
        { token: appAdmin.token }
    )
    expect(otherToken.status).toBe(401)
    expect(snapshot()).toBe(before)
})

test('state on a fresh install: the instance callback URL, the console scopes split classic/granular, nothing set yet', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const a = await admin.api('GET', 'state')
    expect(a.status).toBe(200)
    const s = a.json!.result as Record<string, any>
    expect(s.callbackUrl).toBe(world.sim.callbackUrl)
    expect(s.scopes.classic).toEqual([
        'manage:jira-configuration',
        'manage:jira-project',
        'manage:jira-webhook',
        'read:jira-user',
        'read:jira-work',
        'write:jira-work',
    ])
    expect(s.scopes.granular).toEqual([
        'delete:sprint:jira-software',
        'read:issue-details:jira',
        'read:jql:jira',
        'read:sprint:jira-software',
        'write:sprint:jira-software',
        'read:board-scope:jira-software',
        'read:project:jira',
    ])
    expect(s.oauth).toMatchObject({
        clientIdSet: false,
        clientSecretSet: false,
        savedOn: '',
        token: null,
        credentialSysId: world.ids.credential,
    })
    expect(s.oauth.connection).toMatchObject({ sysId: world.ids.connection, cloudId: null })
    expect(s.oauth.getTokenPath).toBe(
        new URL(world.sim.admin.getOAuthTokenUrl(world.ids.credential)).href.slice(world.sim.instanceUrl.length)
    )
})

test('malformed client id, empty or over-long secret, wrong content type, invalid JSON: 400 with the field and nothing saved', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const before = snapshot()
    const cases: Array<[unknown, { contentType?: string; rawBody?: string }, string, string]> = [
        [{ clientId: 'not a client id!', clientSecret: world.clientSecret }, {}, 'clientId', 'client_id_malformed'],
        [{ clientId: world.clientId.padEnd(20, 'x'), clientSecret: '' }, {}, 'clientSecret', 'clientSecret_missing'],
        [
            { clientId: world.clientId.padEnd(20, 'x'), clientSecret: 'S'.repeat(256) },
            {},
            'clientSecret',
            'clientSecret_too_long',
        ],
        [
            { clientId: world.clientId.padEnd(20, 'x'), clientSecret: world.clientSecret },
            { contentType: 'text/plain' },
            'content-type',
            'content_type_unsupported',
        ],
        [undefined, { rawBody: '{"clientId": ' }, '', 'body_not_object'],
    ]
    for (const [body, opts, field, code] of cases) {
        const a = await admin.api('PUT', 'oauth-client', body, opts)
        expect({ code, status: a.status }).toEqual({ code, status: 400 })
        expect(errorsOf(a)).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]))
        expect(a.text).not.toContain(world.clientSecret)
    }
    expect(snapshot()).toBe(before)
})

test('3LO: save client id and secret, Get OAuth Token, pick the site the token reaches, validate: green; secrets never echoed', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const saved = await admin.api('PUT', 'oauth-client', { clientId: world.clientId, clientSecret: world.clientSecret })
    expect(saved.status).toBe(200)
    const registry = world.sim.read('oauth_entity', world.ids.registry)!
    expect(registry.client_id).toBe(world.clientId)
    expect(registry.client_secret).not.toBe(world.clientSecret)
    const state = (await admin.api('GET', 'state')).json!.result as Record<string, any>
    expect(state.oauth).toMatchObject({ clientIdSet: true, clientSecretSet: true })
    expect(state.oauth.savedOn).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)

    const noToken = await admin.api('GET', 'sites')
    expect(noToken.status).toBe(409)
    expect(errorsOf(noToken)[0]).toMatchObject({ code: 'no_token' })
    expect((await world.getOAuthToken('accept')).text).toContain('Access token received')

    const sites = await admin.api('GET', 'sites')
    expect(sites.status).toBe(200)
    expect(sites.json!.result).toEqual({
        sites: [
            expect.objectContaining({ cloudId: world.cloudId, name: 'acme-jcc', url: `https://${world.siteHost}` }),
        ],
    })

    const before = snapshot()
    const notUuid = await admin.api('PUT', 'site', { cloudId: 'acme-jcc' })
    expect(notUuid.status).toBe(400)
    expect(errorsOf(notUuid)[0]).toMatchObject({ field: 'cloudId', code: 'cloud_id_not_uuid' })
    const other = '0b0e1f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b'
    const unknown = await admin.api('PUT', 'site', { cloudId: other })
    expect(unknown.status).toBe(400)
    expect(errorsOf(unknown)[0]).toMatchObject({ field: 'cloudId', code: 'site_unknown' })
    expect(errorsOf(unknown)[0].message).toContain(`acme-jcc (${world.cloudId})`)
    expect(snapshot()).toBe(before)

    const chosen = await admin.api('PUT', 'site', { cloudId: world.cloudId })
    expect(chosen.status).toBe(200)
    expect(world.sim.read('http_connection', world.ids.connection)!.connection_url).toBe(
        `https://api.atlassian.com/ex/jira/${world.cloudId}`
    )

    const v = await admin.api('POST', 'validate', {})
    expect(v.status).toBe(200)
    const report = v.json!.result as Record<string, any>
    expect({
        verdict: report.verdict,
        failed: report.checks.filter((c: { status: string }) => c.status === 'fail'),
    }).toEqual({ verdict: 'pass', failed: [] })
    expect(report.runLink).toMatch(/^x_jira_connect_validation_run\.do\?sys_id=[0-9a-f]{32}$/)
    // Who ServiceNow acts as: the consenting user's Atlassian account, on the site the connection reaches.
    expect(report.actingAs).toEqual({
        name: 'Jira Admin',
        accountType: 'atlassian',
        site: `https://${world.siteHost}`,
    })
    expectNoSecretAnywhere()
})

test('API token: unknown site is a 400 naming the site and changes nothing; a real site gets a basic connection, inactive, that validates and is then made live', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const before = snapshot()
    const nowhere = await admin.api('PUT', 'api-token', {
        site: 'nowhere-jcc',
        email: world.email,
        apiToken: world.apiToken,
    })
    expect(nowhere.status).toBe(400)
    expect(errorsOf(nowhere)[0]).toMatchObject({ field: 'site', code: 'site_unknown' })
    expect(errorsOf(nowhere)[0].message).toContain('https://nowhere-jcc.atlassian.net')
    const bad = await admin.api('PUT', 'api-token', {
        site: 'acme jcc',
        email: 'not-an-email',
        apiToken: 'A'.repeat(300),
    })
    expect(bad.status).toBe(400)
    expect(errorsOf(bad).map((e) => e.code)).toEqual(['site_malformed', 'email_malformed', 'apiToken_too_long'])
    expect(snapshot()).toBe(before)

    const found = await admin.api('POST', 'site-lookup', { site: `https://${world.siteHost}/` })
    expect(found.json!.result).toEqual({ site: 'acme-jcc', url: `https://${world.siteHost}`, cloudId: world.cloudId })
    // An address copied from the browser while using Jira is reduced to the site's name.
    const pasted = await admin.api('POST', 'site-lookup', { site: `https://${world.siteHost}/jira/your-work?x=1#top` })
    expect(pasted.json!.result).toEqual(found.json!.result)
    const elsewhere = await admin.api('POST', 'site-lookup', { site: 'https://example.com/acme-jcc.atlassian.net' })
    expect(errorsOf(elsewhere).map((e) => e.code)).toEqual(['site_malformed'])

    const saved = await admin.api('PUT', 'api-token', {
        site: 'acme-jcc',
        email: world.email,
        apiToken: world.apiToken,
    })
    expect(saved.status).toBe(200)
    const connSysId = (saved.json!.result as { connectionSysId: string }).connectionSysId
    const conn = world.sim.read('http_connection', connSysId)!
    expect(conn).toMatchObject({
        active: 'false',
        connection_url: `https://${world.siteHost}`,
        connection_alias: world.ids.alias,
    })
    // Saving does not switch (validate before switching): the OAuth connection stays active until this one is made live.
    expect(world.sim.read('http_connection', world.ids.connection)!.active).toBe('true')
    const cred = world.sim.read('basic_auth_credentials', conn.credential)!
    expect(cred.user_name).toBe(world.email)
    expect(cred.password).not.toBe(world.apiToken)

    const state = (await admin.api('GET', 'state')).json!.result as Record<string, any>
    expect(state.apiToken).toMatchObject({
        email: world.email,
        tokenSet: true,
        connection: { site: 'acme-jcc', active: false },
    })
    const live = await admin.api('POST', 'activate', { connectionSysId: connSysId })
    expect(live.json!.result).toMatchObject({
        outcome: 'activated',
        deactivated: [{ sysId: world.ids.connection, name: 'Jira Cloud OAuth Connection' }],
    })
    expect(world.sim.read('http_connection', world.ids.connection)!.active).toBe('false')

    const v = await admin.api('POST', 'validate', {})
    // Works, with the legacy-token warning (config.auth_method) that points at service accounts.
    const result = v.json!.result as { verdict: string; checks: Array<{ status: string; id: string; code: string }> }
    expect(result.verdict).toBe('warn')
    expect(result.checks.filter((c) => c.status === 'warn' || c.status === 'fail')).toEqual([
        expect.objectContaining({ id: 'config.auth_method', code: 'classic_api_token' }),
    ])
    // Saving again updates the same records instead of adding a second connection.
    expect(
        (await admin.api('PUT', 'api-token', { site: 'acme-jcc', email: world.email, apiToken: world.apiToken })).status
    ).toBe(200)
    expect(world.sim.query('basic_auth_credentials')).toHaveLength(1)
    expectNoSecretAnywhere()
})

const HEALTH = 'x_jira_connect_connection_health'
type Row = Record<string, any>

async function healthRows(admin: SetupClient): Promise<Row[]> {
    const a = await admin.api('GET', 'health')
    expect(a.status).toBe(200)
    return (a.json!.result as { rows: Row[] }).rows
}

test('health on a fresh install: every Jira connection, each plainly "not checked yet"; bad sys_ids are 400s that change nothing', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const rows = await healthRows(admin)
    // The 3LO connection, and the service-account connection a first install ships inactive (issue 9).
    expect(rows).toEqual([
        expect.objectContaining({
            subjectSysId: world.ids.connection,
            verdict: 'not_checked',
            source: 'none',
            auth: 'OAuth 2.0',
            covered: true,
            healthLink: '',
            summary: 'Not checked yet by the health check (Validate or Validate all checks it).',
        }),
        expect.objectContaining({
            kind: 'connection',
            active: false,
            verdict: 'not_checked',
            source: 'none',
            covered: false,
            summary: 'Inactive: the health check covers active connections only. Not validated yet.',
            credential: null,
        }),
    ])
    const before = snapshot()
    const bad = await world.validateAll(admin, { sysId: 'abc' })
    expect(bad.status).toBe(400)
    expect(errorsOf(bad)[0]).toMatchObject({ field: 'sysId', code: 'sys_id_malformed' })
    const stranger = await world.validateAll(admin, { sysId: 'f'.repeat(32) })
    expect(stranger.status).toBe(400)
    expect(errorsOf(stranger)[0]).toMatchObject({ field: 'sysId', code: 'connection_unknown' })
    expect(snapshot()).toBe(before)
    expect(world.sim.query(HEALTH)).toEqual([])
})

test('health rows come from the health records: verdict, since, last success, token expiries and links are the stored ones', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    // The health runner writes the health row (the alias form's "Validate all Jira connections" button).
    const clicked = world.sim.admin.clickUiAction('sys_alias', world.ids.alias, 'Validate all Jira connections')
    expect(clicked.exception).toBeNull()
    const stored = world.sim.one(HEALTH, { subject_sys_id: world.ids.connection })
    expect(stored.verdict).toBe('healthy')
    expect(stored.refresh_expires).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)

    const admin = new SetupClient(world.sim, ADMIN_USER)
    const [row] = await healthRows(admin)
    expect(row).toMatchObject({
        subjectSysId: world.ids.connection,
        source: 'health',
        verdict: 'healthy',
        verdictSince: stored.verdict_since,
        lastChecked: stored.last_checked,
        lastSuccess: stored.last_success,
        accessExpires: stored.access_expires,
        refreshExpires: stored.refresh_expires,
        healthLink: `x_jira_connect_connection_health.do?sys_id=${stored.sys_id}`,
        runLink: `x_jira_connect_validation_run.do?sys_id=${stored.last_run}`,
    })

    // The view shows the record, not the runs: a broken health row with its own dates is what the admin sees,
    // although the only validation run passed.
    world.sim.admin.setField(HEALTH, stored.sys_id, 'verdict', 'broken')
    world.sim.admin.setField(HEALTH, stored.sys_id, 'verdict_since', '2026-01-02 03:04:05')
    world.sim.admin.setField(HEALTH, stored.sys_id, 'refresh_expires', '2026-03-04 05:06:07')
    world.sim.admin.setField(HEALTH, stored.sys_id, 'last_finding', 'Atlassian refused the refresh token.')
    world.sim.admin.setField(HEALTH, stored.sys_id, 'last_fix', 'Click Get OAuth Token.')
    const [edited] = await healthRows(admin)
    expect(edited).toMatchObject({
        verdict: 'broken',
        verdictSince: '2026-01-02 03:04:05',
        refreshExpires: '2026-03-04 05:06:07',
        summary: 'Atlassian refused the refresh token. Fix: Click Get OAuth Token.',
    })
})

test('Validate all runs the health check (health rows update); per-row Validate checks that row only; an inactive connection gets a plain validation', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const all = await world.validateAll(admin)
    expect(all.status).toBe(200)
    const result = all.json!.result as { message: string; checkedAt: string; runLink: string; rows: Row[] }
    const run = world.sim.read('x_jira_connect_validation_run', result.runLink.split('=')[1])!
    expect(run).toMatchObject({ trigger: 'on_demand', target_name: 'All Jira connections (Validate all)' })
    // Stamped with the run's time; connections are counted (the inactive one is not checked by the health check).
    expect(result.checkedAt).toBe(run.sys_created_on)
    expect(result.message).toBe(`Checked 1 connection at ${run.sys_created_on} UTC: 1 healthy.`)
    const first = world.sim.one(HEALTH, { subject_sys_id: world.ids.connection })
    expect(result.rows[0]).toMatchObject({ source: 'health', verdict: 'healthy', lastChecked: first.last_checked })

    world.advance(3600 * 1000)
    const one = await world.validateAll(admin, { sysId: world.ids.connection })
    expect(one.status).toBe(200)
    const oneRun = (one.json!.result as { runSysId: string }).runSysId
    expect(world.sim.read('x_jira_connect_validation_run', oneRun)).toMatchObject({
        target_table: 'http_connection',
        target_sys_id: world.ids.connection,
        target_name: 'Jira Cloud OAuth Connection (health check)',
    })
    const after = world.sim.one(HEALTH, { subject_sys_id: world.ids.connection })
    expect(after.last_run).toBe(oneRun)
    expect(after.last_checked > first.last_checked).toBe(true)

    const inactive = (await healthRows(admin)).find((r) => !r.active)!
    const plain = await world.validateAll(admin, { sysId: inactive.subjectSysId })
    expect(plain.status).toBe(200)
    const plainResult = plain.json!.result as { message: string; checkedAt: string; rows: Row[] }
    expect(plainResult.message).toContain('validation only: the health check covers active connections')
    expect(plainResult.message).toMatch(/^Validated at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: /)
    expect(plainResult.rows.find((r) => r.subjectSysId === inactive.subjectSysId)).toMatchObject({
        source: 'run',
        covered: false,
        verdict: 'not_checked',
        lastChecked: plainResult.checkedAt,
    })
    expect(world.sim.query(HEALTH, { subject_sys_id: inactive.subjectSysId })).toEqual([])
    expectNoSecretAnywhere()
})

const SECOND = { cloudId: '6a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', name: 'acme-eu', host: 'acme-eu.atlassian.net' }

/** The emulated user reaches two sites; the 3LO path is done for the first one through the API. */
async function twoSitesConnected(admin: SetupClient): Promise<void> {
    world.emu.addSite(SECOND)
    world.emu.addUser({
        accountId: world.accountId,
        email: world.email,
        displayName: 'Jira Admin',
        apiTokens: [world.apiToken],
        sites: [world.cloudId, SECOND.cloudId],
    })
    expect(
        (await admin.api('PUT', 'oauth-client', { clientId: world.clientId, clientSecret: world.clientSecret })).status
    ).toBe(200)
    expect((await world.getOAuthToken('accept')).text).toContain('Access token received')
    expect((await admin.api('PUT', 'site', { cloudId: world.cloudId })).status).toBe(200)
}

function siteRecords() {
    return JSON.stringify({
        aliases: world.sim.query('sys_alias'),
        attributes: world.sim.query('connection_attributes'),
        profiles: world.sim.query('oauth_entity_profile'),
        profileScopes: world.sim.query('oauth_entity_profile_scope'),
        credentials: world.sim.query('discovery_credentials'),
        connections: world.sim.query('http_connection'),
    })
}

test('another site: a non-UUID cloud id, a site the token does not reach and the main site are 400s that create nothing', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    await twoSitesConnected(admin)
    const before = siteRecords()
    const cases: Array<[unknown, string]> = [
        ['acme-eu', 'cloud_id_not_uuid'],
        [42, 'cloud_id_not_uuid'],
        ['0b0e1f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b', 'site_unknown'],
        [world.cloudId, 'site_is_main'],
    ]
    for (const [cloudId, code] of cases) {
        const a = await admin.api('POST', 'site-connection', { cloudId })
        expect({ code, status: a.status }).toEqual({ code, status: 400 })
        expect(errorsOf(a)).toEqual([expect.objectContaining({ field: 'cloudId', code })])
    }
    expect(errorsOf(await admin.api('POST', 'site-connection', { cloudId: world.cloudId }))[0].message).toContain(
        '"Jira Cloud OAuth Connection"'
    )
    expect(siteRecords()).toBe(before)
})

test('another site: a child alias of Jira with its own connection (inactive), profile and credential; asked twice, created once; its own token; validates green, is made live, and the health check covers it', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    await twoSitesConnected(admin)
    const added = await admin.api('POST', 'site-connection', { cloudId: SECOND.cloudId })
    expect(added.status).toBe(200)
    const result = added.json!.result as { created: boolean; connection: Record<string, any> }
    expect(result.created).toBe(true)
    const c = result.connection
    expect(c).toMatchObject({
        cloudId: SECOND.cloudId,
        aliasId: 'x_jira_connect.Jira_acme_eu',
        url: `https://api.atlassian.com/ex/jira/${SECOND.cloudId}`,
        active: false,
        hasToken: false,
    })

    const parent = world.sim.read('sys_alias', world.ids.alias)!
    const alias = world.sim.read('sys_alias', c.aliasSysId)!
    expect(alias).toMatchObject({
        name: 'Jira_acme_eu',
        id: 'x_jira_connect.Jira_acme_eu',
        parent: world.ids.alias,
        type: 'connection',
        connection_type: 'http_connection',
        retry_policy: parent.retry_policy,
        configuration_template: parent.configuration_template,
        multiple_connections: 'false',
    })
    const attributes = world.sim.query('connection_attributes', { model: c.aliasSysId })
    expect(attributes.map((a) => [a.element, a.default_value, a.name, a.model_id])).toEqual(
        expect.arrayContaining([
            ['api_version', '2', `var__m_connection_attributes_${c.aliasSysId}`, c.aliasSysId],
            ['server_type', 'cloud', `var__m_connection_attributes_${c.aliasSysId}`, c.aliasSysId],
        ])
    )
    // Its own credential on a new, non-default profile of the same registry with the same 14 scopes.
    expect(c.credentialSysId).not.toBe(world.ids.credential)
    const profile = world.sim.read('oauth_entity_profile', c.profileSysId)!
    expect(profile).toMatchObject({
        oauth_entity: world.ids.registry,
        default: 'false',
        grant_type: 'authorization_code',
    })
    const scopesOf = (p: string) =>
        world.sim
            .query('oauth_entity_profile_scope', { oauth_entity_profile: p })
            .map((s) => s.oauth_entity_scope)
            .sort()
    expect(scopesOf(c.profileSysId)).toEqual(scopesOf(world.ids.profile))
    expect(scopesOf(c.profileSysId)).toHaveLength(14)
    expect(world.sim.read('http_connection', c.connectionSysId)).toMatchObject({
        connection_alias: c.aliasSysId,
        credential: c.credentialSysId,
        active: 'false',
    })

    // Idempotent: the same site again returns the same records and creates nothing.
    const before = siteRecords()
    const again = await admin.api('POST', 'site-connection', { cloudId: SECOND.cloudId.toUpperCase() })
    expect(again.status).toBe(200)
    expect(again.json!.result).toMatchObject({ created: false, connection: { connectionSysId: c.connectionSysId } })
    expect(siteRecords()).toBe(before)

    // The admin's Get OAuth Token for the new credential (the page opens c.getTokenPath in a popup).
    expect(c.getTokenPath).toBe(
        new URL(world.sim.admin.getOAuthTokenUrl(c.credentialSysId)).href.slice(world.sim.instanceUrl.length)
    )
    expect((await world.getOAuthToken('accept', c.credentialSysId)).text).toContain('Access token received')
    const state = (await admin.api('GET', 'state')).json!.result as { siteConnections: Array<Record<string, any>> }
    expect(state.siteConnections).toEqual([
        expect.objectContaining({ connectionSysId: c.connectionSysId, hasToken: true }),
    ])

    // The validator walks the child alias: the new connection is green against the second site.
    const v = await admin.api('POST', 'validate', { connectionSysId: c.connectionSysId })
    const report = v.json!.result as {
        verdict: string
        checks: Array<{ id: string; status: string; found: string; code: string }>
    }
    expect({
        verdict: report.verdict,
        failed: report.checks.filter((x) => x.status !== 'pass').map((x) => x.code),
    }).toEqual({
        verdict: 'warn',
        failed: ['connection_inactive'],
    })
    const made = await admin.api('POST', 'activate', { connectionSysId: c.connectionSysId })
    expect(made.json!.result).toMatchObject({ outcome: 'activated', deactivated: [] })
    expect(report.checks.find((x) => x.id === 'atlassian.cloud_id')!.found).toContain(SECOND.cloudId)
    expect(world.emu.requestsTo('myself').map((r) => r.path)).toContainEqual(
        expect.stringContaining(`/ex/jira/${SECOND.cloudId}/rest/api/2/myself`)
    )
    // And the health check covers both sites.
    const all = await world.validateAll(admin)
    const rows = (all.json!.result as { rows: Row[] }).rows
    expect(rows.filter((r) => r.active).map((r) => [r.subjectSysId, r.verdict, r.source])).toEqual([
        [world.ids.connection, 'healthy', 'health'],
        [c.connectionSysId, 'healthy', 'health'],
    ])
    expect(rows.find((r) => r.subjectSysId === c.connectionSysId)!.alias).toBe('x_jira_connect.Jira_acme_eu')
    expectNoSecretAnywhere()
})

test('health: a credential the health check covers on its own is shown inside the inactive connection that uses it, not as a row; inactive connections are shown alike', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    const admin = new SetupClient(world.sim, ADMIN_USER)
    expect((await world.validateAll(admin)).status).toBe(200)
    expect(world.sim.one(HEALTH, { subject_sys_id: world.ids.connection }).verdict).toBe('healthy')
    // The 3LO connection switched off: its credential is now checked alone (token and accessible-resources).
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const all = await world.validateAll(admin)
    expect(all.status).toBe(200)
    const result = all.json!.result as { message: string; checkedAt: string; rows: Row[] }
    const rows = result.rows
    const stored = world.sim.one(HEALTH, { subject_sys_id: world.ids.credential })
    // One row per connection; the credential is inside the row of the connection that uses it.
    expect(rows.map((r) => [r.kind, r.subjectSysId])).toEqual([
        ['connection', world.ids.connection],
        ['connection', world.ids.saConnection],
    ])
    const oauth = rows.find((r) => r.subjectSysId === world.ids.connection)!
    expect(oauth.credential).toEqual({
        subjectTable: 'oauth_2_0_credentials',
        subjectSysId: world.ids.credential,
        name: 'Jira Cloud OAuth Credential',
        verdict: stored.verdict,
        summary: expect.any(String),
        lastChecked: stored.last_checked,
        runLink: `x_jira_connect_validation_run.do?sys_id=${stored.last_run}`,
        recordLink: `oauth_2_0_credentials.do?sys_id=${world.ids.credential}`,
        healthLink: `x_jira_connect_connection_health.do?sys_id=${stored.sys_id}`,
    })
    // Both inactive connections alike: not checked, the same reason; no stale "healthy" from when one was active.
    for (const r of rows) {
        expect(r).toMatchObject({
            active: false,
            covered: false,
            verdict: expect.stringMatching(/^(not_checked|no_longer_checked)$/),
        })
        expect(r.summary).toMatch(/^Inactive: the health check covers active connections only\./)
    }
    // The count counts the credential as a credential, not as a connection.
    expect(result.message).toBe(
        `Checked 0 connections and 1 credential no active connection uses at ${result.checkedAt} UTC: ` +
            `1 ${stored.verdict}.`
    )
})
