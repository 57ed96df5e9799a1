/**
 * Lookups by name that may match several records, and lists that stop at a row limit, on the shipped package in the
 * Glide simulator. The database promises no row order without orderBy, so the simulator is switched to return
 * unordered rows (and ties) in reverse: code that takes "the first match" of several then picks another record.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { SetupClient } from '../../harness/glide-simulator/setup-client'
import { World, e2eSource } from '../../harness/glide-simulator/world'

const RUNS = 'x_jira_connect_validation_run'

let world: World | null = null
afterEach(async () => {
    if (world) await world.close()
    world = null
})

/** What an admin makes with "Insert and Stay" on the registry form: a second registry with the shipped name. */
function copyOfRegistry(w: World): { registry: string; credential: string } {
    const registry = w.sim.admin.insertRecord('oauth_entity', {
        name: 'Jira Cloud OAuth',
        type: 'oauth2',
        client_id: 'copy-client-id',
        auth_url: 'https://auth.atlassian.com/authorize',
        token_url: 'https://auth.atlassian.com/oauth/token',
    })
    const profile = w.sim.admin.insertRecord('oauth_entity_profile', {
        name: 'Copy profile',
        oauth_entity: registry.sys_id,
        grant_type: 'authorization_code',
        default: true,
    })
    const credential = w.sim.admin.insertRecord('oauth_2_0_credentials', {
        name: 'Copy credential',
        oauth_entity_profile: profile.sys_id,
        active: true,
    })
    return { registry: registry.sys_id, credential: credential.sys_id }
}

test('a second registry named "Jira Cloud OAuth": the setup saves into the shipped one and the health check sweeps only its credentials', async () => {
    const w = (world = await World.start({ source: e2eSource() }))
    const copy = copyOfRegistry(w)
    w.sim.unorderedQueries = 'reverse'
    const admin = new SetupClient(w.sim, ADMIN_USER)
    const saved = await admin.api('PUT', 'oauth-client', { clientId: w.clientId, clientSecret: w.clientSecret })
    expect(saved.status).toBe(200)
    expect(w.sim.read('oauth_entity', w.ids.registry)!.client_id).toBe(w.clientId)
    expect(w.sim.read('oauth_entity', copy.registry)!.client_id).toBe('copy-client-id')
    const state = (await admin.api('GET', 'state')).json!.result as { oauth: { clientIdSet: boolean } }
    expect(state.oauth.clientIdSet).toBe(true)

    expect((await w.getOAuthToken('accept')).text).toMatch(/stored/)
    const all = await admin.api('POST', 'health', {})
    expect(all.status).toBe(200)
    const health = (await admin.api('GET', 'health')).json!.result as { rows: Array<{ subjectSysId: string }> }
    expect(health.rows.map((r) => r.subjectSysId)).not.toContain(copy.credential)
    expect(health.rows.map((r) => r.subjectSysId)).toContain(w.ids.connection)
})

test('more than 200 connections on the Jira alias: the health run says its list was cut, and reads the oldest (the shipped one) first', async () => {
    const w = (world = await World.start({ source: e2eSource() }))
    w.configureOAuth()
    expect((await w.getOAuthToken('accept')).text).toMatch(/stored/)
    for (let i = 0; i < 201; i++) {
        w.sim.admin.insertRecord('http_connection', {
            name: `Old Jira connection ${i}`,
            connection_alias: w.ids.alias,
            connection_url: 'https://api.atlassian.com/ex/jira/00000000-0000-4000-8000-000000000000',
            active: false,
        })
    }
    w.sim.unorderedQueries = 'reverse'
    const admin = new SetupClient(w.sim, ADMIN_USER)
    const all = await admin.api('POST', 'health', {})
    expect(all.status).toBe(200)
    const [run] = w.sim.query(RUNS, { trigger: 'on_demand' })
    const checks = JSON.parse(run.checks_json) as Array<{ id: string; code: string; status: string; found: string }>
    const cut = checks.find((c) => c.code === 'list_truncated')
    expect(cut).toMatchObject({ id: 'health.inventory', status: 'warn' })
    expect(cut!.found).toMatch(/more than 200 (sys_connection|http_connection) rows with connection_alias = /)
    // The shipped (oldest) connection is still checked.
    const health = (await admin.api('GET', 'health')).json!.result as {
        rows: Array<{ subjectSysId: string; verdict: string }>
    }
    expect(health.rows.find((r) => r.subjectSysId === w.ids.connection)).toMatchObject({ verdict: 'healthy' })
    expect(w.sim.logs.some((l) => l.level === 'warn' && /more than 200/.test(l.message))).toBe(true)
})
