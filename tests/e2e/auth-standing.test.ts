/**
 * The standing of each way in (docs/auth-standing.md) on the shipped package in the Glide simulator, Atlassian played
 * by the emulator: the Validate button's form messages, the stored validation run (auth_standing, report text), the
 * health record and the setup API (validation result and health view) carry it; it never changes a verdict.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { SetupClient } from '../../harness/glide-simulator/setup-client'
import { World, e2eSource } from '../../harness/glide-simulator/world'

jest.setTimeout(120000)

let world: World

beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
})
afterEach(async () => {
    await world.close()
})

const LINE = "Standing against Atlassian's and ServiceNow's rules"
type Row = Record<string, any>

const latestRun = () => {
    const runs = world.sim.query('x_jira_connect_validation_run')
    return runs[runs.length - 1]
}

/** The setup page's API-token path: site, email and classic token (a basic connection on the site URL), made live. */
async function classicTokenLive(admin: SetupClient): Promise<string> {
    const saved = await admin.api('PUT', 'api-token', {
        site: 'acme-jcc',
        email: world.email,
        apiToken: world.apiToken,
    })
    expect(saved.status).toBe(200)
    const sysId = (saved.json!.result as { connectionSysId: string }).connectionSysId
    const live = await admin.api('POST', 'activate', { connectionSysId: sysId })
    expect((live.json!.result as { outcome: string }).outcome).toBe('activated')
    return sysId
}

test('classic API token: the form messages and the stored run say "Not compliant" with the move; the verdict stays the classic_api_token warning', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const conn = await classicTokenLive(admin)
    const r = world.validate('http_connection', conn)
    expect(r.errors).toEqual([])
    // Form messages are HTML-escaped by the platform (addInfoMessage); the stored report is plain text.
    const lines = r.info.filter((m) => m.indexOf(LINE) === 0).map((m) => m.replace(/&gt;/g, '>'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/: Not compliant: classic API token on the site URL \(legacy\)\. Why: .*Option 3/)
    expect(lines[0]).toMatch(/Move to a service account: Jira Cloud Connect > Setup > Service account\.$/)
    // Information beside the verdict: the one warning is still config.auth_method's.
    expect(r.info.filter((m) => m.startsWith('Warning:'))).toEqual([
        expect.stringMatching(/^Warning: Authentication method: /),
    ])
    const run = latestRun()
    expect(run).toMatchObject({ verdict: 'warn', auth_standing: 'standing_classic_token' })
    expect(run.report).toContain(lines[0].split(' Move to a service account:')[0])
    const checks = JSON.parse(run.checks_json) as Array<{ id: string; status: string; code: string }>
    expect(checks.find((c) => c.id === 'config.auth_standing')).toMatchObject({
        status: 'pass',
        code: 'standing_classic_token',
    })
    for (const s of world.secrets()) expect([...r.info, run.report, run.checks_json].join('\n')).not.toContain(s)
})

test('service account: "Recommended" in the form messages, the run and the setup API, no move offered', async () => {
    world.configureServiceAccount()
    world.getServiceAccountToken()
    const r = world.validate('sys_alias', world.ids.alias)
    expect(r.errors).toEqual([])
    const line = r.info.find((m) => m.indexOf(LINE) === 0)!
    expect(line).toMatch(/: Recommended: service account with OAuth 2\.0 client credentials\./)
    expect(line).not.toMatch(/Move to a service account/)
    expect(latestRun()).toMatchObject({ verdict: 'pass', auth_standing: 'standing_service_account' })
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const v = await admin.api('POST', 'validate', {})
    expect((v.json!.result as { standings: Row[] }).standings).toEqual([
        expect.objectContaining({
            code: 'standing_service_account',
            level: 'recommended',
            move: false,
            connectionSysId: world.ids.saConnection,
        }),
    ])
})

test("3LO on an alias whose template is the Jira spoke's: compliant; on this app's template: allowed, flagged", async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    world.validate('http_connection', world.ids.connection)
    expect(latestRun().auth_standing).toBe('standing_own_3lo_app')
    // The spoke (6.0.1+) ships "Authentication Template for Jira Cloud"; an upgrade may set it on the alias.
    const spoke = world.sim.admin.insertRecord('sys_alias_templates', {
        name: 'Authentication Template for Jira Cloud',
    })
    world.sim.admin.setField('sys_alias', world.ids.alias, 'configuration_template', spoke.sys_id)
    const r = world.validate('http_connection', world.ids.connection)
    expect(r.info.find((m) => m.indexOf(LINE) === 0)).toMatch(/: Compliant: OAuth 2\.0 \(3LO\) with the Jira spoke/)
    expect(latestRun().auth_standing).toBe('standing_spoke_3lo')
})

test("health: Validate all stores the standing on the health record; the health view shows every connection's standing, validated or not", async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const conn = await classicTokenLive(admin)
    const all = await world.validateAll(admin)
    expect(all.status).toBe(200)
    const health = world.sim.query('x_jira_connect_connection_health').find((h) => h.subject_sys_id === conn)!
    expect(health.auth_standing).toBe('standing_classic_token')
    const healthRun = latestRun()
    expect(healthRun.auth_standing).toBe('standing_classic_token')
    const rows = ((await admin.api('GET', 'health')).json!.result as { rows: Row[] }).rows
    const standing = (sysId: string) => rows.find((x) => x.subjectSysId === sysId)!.standing
    expect(standing(conn)).toMatchObject({ code: 'standing_classic_token', label: 'Not compliant', move: true })
    // Never validated, inactive: the standing comes from the records (no call needed to know the way in).
    expect(standing(world.ids.saConnection)).toMatchObject({ code: 'standing_service_account', move: false })
    expect(standing(world.ids.connection)).toMatchObject({ code: 'standing_own_3lo_app', level: 'allowed' })
})

test('the move to a service account is offered to admin, who can make it; x_jira_connect.admin is told who can', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const conn = await classicTokenLive(admin)
    const standing = (r: { info: string[] }) =>
        r.info.filter((m) => m.indexOf(LINE) === 0).map((m) => m.replace(/&gt;/g, '>'))
    const asAdmin = standing(world.validate('http_connection', conn))
    expect(asAdmin).toEqual([
        expect.stringMatching(/ Move to a service account: Jira Cloud Connect > Setup > Service account\.$/),
    ])
    // The app's own role may validate but not change where the integration points (only admin saves, server-side).
    world.sim.session.user = { ...world.sim.session.user, userName: 'jira.owner', roles: ['x_jira_connect.admin'] }
    const r = world.validate('http_connection', conn)
    expect(r.exception).toBeNull()
    const asAppAdmin = standing(r)
    expect(asAppAdmin).toHaveLength(1)
    expect(asAppAdmin[0]).not.toMatch(/Move to a service account/)
    expect(asAppAdmin[0]).toMatch(
        / Ask a user with the admin role to move it to a service account \(Jira Cloud Connect > Setup > Service account\)/
    )
    // The stored run is read by either role later: it says who can make the move.
    expect(latestRun().report).toContain(
        'A user with the admin role can move it to a service account: Jira Cloud Connect > Setup > Service account.'
    )
})
