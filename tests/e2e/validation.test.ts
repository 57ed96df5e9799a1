/**
 * End-to-end validation scenarios, all from the shipped package: the admin's clicks on the simulated instance
 * ("Get OAuth Token", "Create New Connection & Credential", "Validate Jira connection"), Atlassian played by the
 * emulator over loopback HTTP. Each test also proves that no secret (client secret, tokens, API token) reaches what
 * the admin sees, the system log or the stored validation runs.
 */
import type { UiActionResult } from '../../harness/glide-simulator/simulator'
import { TEMPLATE, World, e2eSource } from '../../harness/glide-simulator/world'
import { linesWithCheckIds } from '../support/check-ids'

let world: World

beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
})
afterEach(async () => {
    await world.close()
})

const HOUR = 3600 * 1000
const DAY = 24 * HOUR

/** What the admin sees, the system log and every stored record (runs included) hold no secret of this world. */
function expectNoSecretShown(results: UiActionResult[], extraSecrets: string[] = []): void {
    const shown = results.flatMap((r) => [...r.info, ...r.errors, ...r.logs.map((l) => l.message)])
    const everywhere = [...shown, ...world.sim.visibleText()].join('\n')
    for (const s of [...world.secrets(), ...extraSecrets]) expect(everywhere).not.toContain(s)
    expect(everywhere).not.toMatch(/Authorization:|Bearer [A-Za-z0-9._-]{8,}|Basic [A-Za-z0-9+/=]{12,}/)
}

function runs() {
    return world.sim.query('x_jira_connect_validation_run')
}

async function healthyOAuth(): Promise<void> {
    world.configureOAuth()
    const page = await world.getOAuthToken('accept')
    expect(page.text).toContain('Access token received')
}

test('fresh install, client ID/secret and cloud id set, Get OAuth Token, Validate: every check passes on credential, connection and alias', async () => {
    await healthyOAuth()
    const results: UiActionResult[] = []
    for (const [table, sysId] of [
        ['oauth_2_0_credentials', world.ids.credential],
        ['http_connection', world.ids.connection],
        ['sys_alias', world.ids.alias],
    ] as const) {
        const r = world.validate(table, sysId)
        results.push(r)
        expect({ table, errors: r.errors, exception: r.exception }).toEqual({ table, errors: [], exception: null })
        expect(r.info[0]).toMatch(/^Jira connection ".+" works: \d+ checks passed\./)
        expect(r.info.join('\n')).toContain(`Signed in to Jira as Jira Admin (${world.email})`)
        expect(r.info.join('\n')).toMatch(/What this connection can do: Issues .*: Works/)
        expect(r.redirect).toBe(`${table}.do?sys_id=${sysId}`)
    }
    const stored = runs()
    expect(stored).toHaveLength(3)
    for (const run of stored)
        expect(run).toMatchObject({ verdict: 'pass', run_by: world.sim.session.user.sysId, sys_created_by: 'admin' })
    expect(stored.map((r) => r.target_table).sort()).toEqual(['http_connection', 'oauth_2_0_credentials', 'sys_alias'])
    expectNoSecretShown(results)
})

test('access token expired: Validate refreshes it, the rotated refresh token is persisted and the old one is refused after the grace window', async () => {
    await healthyOAuth()
    const before = world.sim.storedTokens(world.ids.credential, world.ids.profile)!
    world.advance(2 * HOUR)
    const r = world.validate('oauth_2_0_credentials', world.ids.credential)
    expect(r.errors).toEqual([])
    expect(r.info[0]).toMatch(/works/)

    const refresh = world.emu
        .requestsTo('token')
        .filter((q) => new URLSearchParams(q.body).get('grant_type') === 'refresh_token')
    expect(refresh).toHaveLength(1)
    expect(refresh[0].status).toBe(200)
    const after = world.sim.storedTokens(world.ids.credential, world.ids.profile)!
    expect(after.refreshToken).not.toBe(before.refreshToken)
    expect(after.accessToken).not.toBe(before.accessToken)
    expect(after.accessExpiresMs! - world.sim.clock.nowMs()).toBeGreaterThan(0.9 * HOUR)
    expect(world.emu.isRefreshTokenValid(after.refreshToken!)).toBe(true)
    // Atlassian's reuse leeway is 10 minutes: after it, the rotated-out token is refused.
    world.advance(11 * 60 * 1000)
    expect(world.emu.isRefreshTokenValid(before.refreshToken!)).toBe(false)
    expect(world.emu.isRefreshTokenValid(after.refreshToken!)).toBe(true)
    // and the next validation still works with what the platform stored
    world.advance(2 * HOUR)
    expect(world.validate('oauth_2_0_credentials', world.ids.credential).errors).toEqual([])
    expectNoSecretShown([r], [before.accessToken!, before.refreshToken!])
})

test('refresh token idle for more than 90 days: Validate reports that the admin must re-consent', async () => {
    await healthyOAuth()
    world.advance(91 * DAY)
    const r = world.validate('oauth_2_0_credentials', world.ids.credential)
    expect(r.errors[0]).toMatch(/does not work/)
    const text = r.errors.join('\n')
    expect(text).toMatch(/Re-consent/)
    expect(text).toContain('not used for 90 days')
    expect(text).toContain('click Get OAuth Token')
    expect(runs()[0].verdict).toBe('fail')
    expectNoSecretShown([r])
})

test('wrong cloud id in the connection URL: the validator names the right one', async () => {
    world.configureOAuth('11111111-2222-3333-4444-555555555555')
    await world.getOAuthToken('accept')
    const r = world.validate('http_connection', world.ids.connection)
    const text = r.errors.join('\n')
    expect(text).toContain('Cloud id 11111111-2222-3333-4444-555555555555 is not among the sites this token reaches')
    expect(text).toContain(`https://api.atlassian.com/ex/jira/${world.cloudId}`)
    expect(text).toContain('"acme-jcc"')
    expectNoSecretShown([r])
})

test('basic-auth connection created through the shipped legacy template: Validate passes with the legacy warning; with a wrong API token it fails without retrying', async () => {
    world.pickTemplate(TEMPLATE.legacyToken)
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const { connection, credential } = world.sim.admin.createConnectionFromTemplate(world.ids.alias, {
        'connection.name': 'Jira Cloud acme (API token)',
        'connection.connection_url': `https://${world.siteHost}`,
        'credential.user_name': world.email,
        'credential.password': world.apiToken,
    })
    const ok = world.validate('http_connection', connection.sys_id)
    expect(ok.errors).toEqual([])
    expect(ok.info[0]).toMatch(/works/)

    const wrong = 'ATATT3xwrong-token-0000000000'
    world.sim.admin.setField('basic_auth_credentials', credential.sys_id, 'password', wrong)
    world.emu.clearRequests()
    const bad = world.validate('http_connection', connection.sys_id)
    expect(bad.errors[0]).toMatch(/does not work/)
    expect(bad.errors.join('\n')).toMatch(/401/)
    expect(bad.errors.join('\n')).toContain('did not retry')
    // exactly one attempt with the wrong token: Atlassian locks accounts after repeated failures
    expect(world.emu.requests.filter((q) => q.status === 401)).toHaveLength(1)
    expect(world.emu.failedBasicAttempts(world.email)).toBe(1)
    expect(runs().map((r) => r.verdict)).toEqual(expect.arrayContaining(['warn', 'fail']))
    expectNoSecretShown([ok, bad], [wrong])
})

test('consent denied: the popup says so, and Validate then reports that no token is stored and how to get one', async () => {
    world.configureOAuth()
    const page = await world.getOAuthToken('deny')
    expect(page.text).toContain('access_denied')
    const r = world.validate('oauth_2_0_credentials', world.ids.credential)
    const text = r.errors.join('\n')
    expect(text).toContain('No OAuth token is stored for credential "Jira Cloud OAuth Credential"')
    expect(text).toContain('click Get OAuth Token')
    expect(world.emu.requestsTo('token')).toHaveLength(0)
    expectNoSecretShown([r])
})

test('from the app-owned Validation Runs list: fresh install fails cleanly with fixes; after set-up it passes; each run opens', async () => {
    const fresh = world.sim.admin.clickListButton('x_jira_connect_validation_run', 'Validate Jira connection')
    expect(fresh.exception).toBeNull()
    // (the blank Redirect URL of a fresh XML install is a warning: oauth.callback_url redirect_url_missing)
    expect(fresh.errors[0]).toMatch(/^Jira connection "Jira" does not work: \d+ checks failed(, \d+ warnings?)?\./)
    expect(fresh.errors.join('\n')).toContain('Connection URL holds a real cloud id: ')
    expect(fresh.errors.join('\n')).toContain('Registry has the Atlassian client ID and secret: ')
    expect(linesWithCheckIds(...fresh.errors, ...fresh.info)).toEqual([])
    expect(fresh.errors.slice(1).every((e) => / Fix: .{10,}/.test(e))).toBe(true)
    const [firstRun] = runs()
    // The stored run: its summary and report text name checks by title; the ids are in checks_json only.
    expect(firstRun.report).toContain('FAIL  Connection URL holds a real cloud id\n')
    expect(linesWithCheckIds(firstRun.summary, firstRun.report)).toEqual([])
    expect(JSON.parse(firstRun.checks_json).map((c: { id: string }) => c.id)).toContain('config.connection.cloud_id')
    expect(fresh.redirect).toBe(`x_jira_connect_validation_run.do?sys_id=${firstRun.sys_id}`)
    expect(firstRun).toMatchObject({ target_table: 'sys_alias', target_name: 'Jira', verdict: 'fail', calls: '0' })

    await healthyOAuth()
    const healthy = world.sim.admin.clickListButton('x_jira_connect_validation_run', 'Validate Jira connection')
    expect({ errors: healthy.errors, exception: healthy.exception }).toEqual({ errors: [], exception: null })
    expect(healthy.info[0]).toMatch(/^Jira connection "Jira" works/)
    expect(
        runs()
            .map((r) => r.verdict)
            .sort()
    ).toEqual(['fail', 'pass'])
    expectNoSecretShown([fresh, healthy])
})
