/**
 * The health check core against the Atlassian emulator on loopback: shared credentials share their checks, the run
 * stays inside its total budget when Atlassian hangs, and nothing secret reaches a health row, an alert or the run.
 */
import { validate } from '../../src/server/core/validator'
import { InMemoryConfig } from '../../harness/node-platform/in-memory-platform'
import { basicConnectionsEach } from '../support/health-worlds'
import { addChildAlias, healthHarness } from './health-world'
import { API_TOKEN, APP, IDS, OTHER_SITE, SITE, startWorld, type World } from './world'

let world: World
beforeEach(async () => {
    world = await startWorld()
})
afterEach(async () => {
    await world.close()
})

const ACME = 'a11a5000000000000000000000000a01'
const GLOBEX = 'a11a5000000000000000000000000b01'

/** Two child aliases for two sites; three connections share the one OAuth credential (one consent reaching both). */
function twoSitesOneCredential(): void {
    addChildAlias(world, ACME, 'jira_acme')
    addChildAlias(world, GLOBEX, 'jira_globex', true)
    world.state.connections = [
        {
            sysId: 'c0000000000000000000000000000a01',
            name: 'Acme',
            table: 'http_connection',
            active: true,
            url: `https://api.atlassian.com/ex/jira/${SITE.cloudId}`,
            aliasSysId: ACME,
            credentialSysId: IDS.oauthCredential,
            attributes: {},
        },
        {
            sysId: 'c0000000000000000000000000000b01',
            name: 'Globex projects',
            table: 'http_connection',
            active: true,
            url: `https://api.atlassian.com/ex/jira/${OTHER_SITE.cloudId}`,
            aliasSysId: GLOBEX,
            credentialSysId: IDS.oauthCredential,
            attributes: {},
        },
        {
            sysId: 'c0000000000000000000000000000b02',
            name: 'Globex service desk',
            table: 'http_connection',
            active: true,
            url: `https://api.atlassian.com/ex/jira/${OTHER_SITE.cloudId}`,
            aliasSysId: GLOBEX,
            credentialSysId: IDS.oauthCredential,
            attributes: {},
        },
    ]
    world.getOAuthToken(undefined, [SITE.cloudId, OTHER_SITE.cloudId])
}

test('two child aliases, three connections sharing one credential: one accessible-resources call, myself/serverInfo and the 3 webhook calls once per site', () => {
    twoSitesOneCredential()
    const h = healthHarness(world)
    world.emu.clearRequests()
    const result = h.run()
    const by = (t: string) => world.emu.requestsTo(t as never).length
    expect(result.outcomes.map((o) => [o.subject.name, o.state.verdict])).toEqual([
        ['Acme', 'healthy'],
        ['Globex projects', 'healthy'],
        ['Globex service desk', 'healthy'],
    ])
    expect(by('accessible-resources')).toBe(1)
    expect(by('myself')).toBe(2)
    expect(by('serverInfo')).toBe(2)
    expect(by('token')).toBe(0)
    expect(by('webhooks')).toBe(2)
    expect(by('webhooks-failed')).toBe(2)
    expect(by('admin-webhooks')).toBe(2)
    // + the capability round per connection: one bulk permission check each, the project search shared per site.
    expect(by('permissions-check')).toBe(3)
    expect(by('project-search')).toBe(2)
    expect(result.calls).toBe(16)
    expect(world.emu.requests).toHaveLength(16)
    expect(result.shared).toBe(8)

    // The same three connections validated one by one repeat the shared checks: 6 calls each.
    world.emu.clearRequests()
    for (const c of world.state.connections) {
        validate(
            { table: 'http_connection', sysId: c.sysId },
            {
                config: new InMemoryConfig(world.state),
                tokens: world.tokens,
                http: world.net.httpPort((a) => world.tokens.authorize(a)),
                clock: world.clock,
            }
        )
    }
    expect(world.emu.requests).toHaveLength(24) // 8 each
})

test('an expired access token shared by three connections is refreshed once per run, never per connection', () => {
    twoSitesOneCredential()
    const h = healthHarness(world)
    world.advance(31 * 86400000)
    world.emu.clearRequests()
    const result = h.run()
    expect(world.emu.requestsTo('token')).toHaveLength(1)
    expect(result.keptAlive).toBe(1)
    expect(result.outcomes.every((o) => o.state.verdict === 'healthy')).toBe(true)
    // The next day the access token has expired again: the daily check refreshes it once more (as the spoke would on
    // its next use) and proves every connection with calls; that refresh is the keep-alive.
    world.advance(86400000)
    world.emu.clearRequests()
    const next = h.run()
    expect(world.emu.requestsTo('token')).toHaveLength(1)
    expect(world.emu.requestsTo('accessible-resources')).toHaveLength(1)
    expect(next.keptAlive).toBe(1)
    expect(next.outcomes.every((o) => o.state.verdict === 'healthy')).toBe(true)
})

test('a hung Atlassian endpoint: the run stays inside its total budget and names the connections it did not check', () => {
    world.state.properties['x_jira_connect.http_timeout_ms'] = '1000'
    world.state.properties['x_jira_connect.health.connection_budget_ms'] = '5000'
    world.state.properties['x_jira_connect.health.total_budget_ms'] = '6500'
    addChildAlias(world, ACME, 'jira_acme')
    addChildAlias(world, GLOBEX, 'jira_globex')
    basicConnectionsEach(world, ['Basic a', 'Basic b', 'Basic c'], (i) => [IDS.alias, ACME, GLOBEX][i])
    world.emu.setFault('site-myself', 'hang')
    const h = healthHarness(world)
    const started = Date.now()
    const result = h.run()
    const elapsed = Date.now() - started
    expect(elapsed).toBeLessThan(6500)
    expect(result.report.durationMs).toBeLessThan(6500)
    const checked = result.outcomes.filter((o) => o.checked).map((o) => o.subject.name)
    expect(checked.length).toBeGreaterThanOrEqual(1)
    expect(result.notChecked.length).toBeGreaterThanOrEqual(1)
    expect(checked.length + result.notChecked.length).toBe(3)
    for (const n of result.notChecked) {
        expect(n.reason).toMatch(/total budget \(6500 ms\) was spent/)
        expect(
            h.store.read('http_connection', result.outcomes.find((o) => o.subject.name === n.name)!.subject.sysId)!
                .notCheckedReason
        ).toMatch(/budget/)
    }
    expect(result.report.summary).toMatch(/not checked: the run's time budget was spent/)
    // Each checked connection failed on the timeout and is named with its finding; nothing was retried.
    for (const o of result.outcomes.filter((x) => x.checked))
        expect(o.state.lastFindingCode).toBe('jira.myself/http_timeout')
    expect(world.emu.requestsTo('site-myself')).toHaveLength(checked.length)
})

test('nothing secret in health rows, alerts or the run', () => {
    twoSitesOneCredential()
    world.state.connections[1].url = `https://api.atlassian.com/ex/jira/${'0'.repeat(8)}-0000-0000-0000-000000000000`
    const h = healthHarness(world)
    const result = h.run()
    expect(result.alerts.map((a) => a.kind)).toEqual(['broken'])
    const t = world.tokens.get(IDS.oauthCredential, IDS.profile)!
    const text = JSON.stringify([h.store.all(), h.alerts.fired, h.runs])
    for (const secret of [APP.clientSecret, API_TOKEN, t.accessToken, t.refreshToken as string])
        expect(text).not.toContain(secret)
})
