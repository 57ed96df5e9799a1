/**
 * The health check's capability round (docs/capability.md, docs/health.md) against the Atlassian emulator on
 * loopback: a sign-in that succeeded keeps its verdict and Last success when the round itself cannot finish.
 */
import { cachedFor, cachedRows, capabilitySummary } from '../../src/server/core/health/capability-round'
import { projectsTag } from '../../src/server/core/projects-setting'
import { followingClock, healthHarness } from './health-world'
import { APP, IDS, SITE, startWorld, USER, type World } from './world'

let world: World
beforeEach(async () => {
    world = await startWorld()
})
afterEach(async () => {
    await world.close()
})

test('the capability round runs out of the connection budget after a successful sign-in: healthy sign-in, Last success, capability not checked (budget)', () => {
    world.useBasic()
    world.state.properties['x_jira_connect.http_timeout_ms'] = '2500'
    world.state.properties['x_jira_connect.health.connection_budget_ms'] = '5000'
    // The bulk permission check never answers: its timeout leaves too little of the 5 s for the rest of the round.
    world.emu.setFault('permissions-check', 'hang')
    const h = healthHarness(world)
    const result = h.run()
    const outcome = result.outcomes.find((o) => o.subject.sysId === IDS.basicConnection)!
    expect(world.emu.requestsTo('site-myself')).toHaveLength(1)
    expect(outcome.state.verdict).not.toBe('not_checked')
    expect(['healthy', 'warning']).toContain(outcome.state.verdict)
    expect(outcome.state.lastSuccessMs).not.toBeNull()
    expect(outcome.state.notCheckedReason).toBe('')
    // The capability part says it was not checked and why, in the run and on the row.
    const projects = result.report.checks.find((c) => c.id === 'jira.projects')!
    expect(projects.status).toBe('skip')
    expect(projects.found).toMatch(/not checked/i)
    expect(projects.found).toMatch(/budget|no answer|timed out/i)
    expect(outcome.state.capabilityNote).toMatch(/not checked/i)
    expect(outcome.state.capabilityCheckedMs ?? null).toBeNull()
})

test('the round runs at most once per capability_interval_hours; in between the row keeps its table, shown with its age, and no permission call is made', () => {
    world.getOAuthToken()
    const clock = followingClock(world)
    const h = healthHarness(world, { clock })
    const row = () => h.store.read('http_connection', IDS.oauthConnection)!

    world.emu.clearRequests()
    const first = h.run()
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(1)
    expect(first.outcomes[0].state.verdict).toBe('healthy')
    const checkedAt = row().capabilityCheckedMs!
    expect(checkedAt).toBeGreaterThan(0)
    const stored = JSON.parse(row().capabilityJson!)
    // Kept with the tag of the project list it was made for (empty list here).
    expect(stored.for).toBe(projectsTag(''))
    const rows = stored.rows
    expect(rows.map((r: { category: string }) => r.category)).toEqual([
        'issues',
        'comments_attachments',
        'sprints_boards',
        'projects_versions',
        'webhooks',
        'users',
    ])
    // The account by id and type; never the person's name or email.
    expect(row().accountId).toBe(USER.accountId)
    expect(row().accountType).toBe('atlassian')
    const text = JSON.stringify(h.store.all())
    expect(text).not.toContain(USER.email)
    expect(text).not.toContain(USER.displayName)
    // Quota left, window and reason from Atlassian's rate-limit headers.
    expect(row().quotaLimit).toBe(65000)
    expect(row().quotaWindowSec).toBe(3600)
    expect(row().quotaLeft).toBeLessThan(65000)
    expect(row().quotaReason).toBe('jira-quota-tenant-based')
    expect(row().quotaNearLimit).toBe(false)

    clock.advance(2 * 3600000)
    world.emu.clearRequests()
    const second = h.run()
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(0)
    expect(world.emu.requestsTo('project-search')).toHaveLength(0)
    expect(world.emu.requestsTo('myself')).toHaveLength(1)
    expect(second.outcomes[0].state.verdict).toBe('healthy')
    const projects = second.report.checks.find((c) => c.id === 'jira.projects')!
    expect(projects.code).toBe('not_due')
    expect(projects.found).toMatch(/ran 2 h ago/)
    expect(row().capabilityCheckedMs).toBe(checkedAt)
    expect(capabilitySummary(row(), clock.nowMs())).toMatch(
        /^Works \d, does not work \d, unknown \d \(checked 2 h ago\)$/
    )

    clock.advance(22 * 3600000)
    world.emu.clearRequests()
    h.run()
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(1)
    expect(row().capabilityCheckedMs).toBeGreaterThan(checkedAt)
})

test('capability_interval_hours = 48: a day later the round is not due; the per-row Validate runs it anyway', () => {
    world.getOAuthToken()
    world.state.properties['x_jira_connect.health.capability_interval_hours'] = '48'
    const clock = followingClock(world)
    const h = healthHarness(world, { clock })
    h.run()
    clock.advance(24 * 3600000)
    world.emu.clearRequests()
    h.run()
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(0)
    h.run('on_demand', { onlySysId: IDS.oauthConnection })
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(1)
})

test("the project list changes between health checks: the round is due at once, so the row never shows the old list's table as the new one's", () => {
    world.getOAuthToken()
    const clock = followingClock(world)
    const h = healthHarness(world, { clock })
    const row = () => h.store.read('http_connection', IDS.oauthConnection)!
    h.run()
    const firstAt = row().capabilityCheckedMs!

    // The admin lists the project the flows use on the setup page; two hours later the next health check runs.
    world.state.properties['x_jira_connect.capability.projects'] = 'SUP/Task'
    clock.advance(2 * 3600000)
    world.emu.clearRequests()
    const second = h.run()
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(1)
    expect(second.report.checks.find((c) => c.id === 'jira.projects')!.code).not.toBe('not_due')
    expect(row().capabilityCheckedMs).toBeGreaterThan(firstAt)

    // The same list written another way (spacing) is the same list: not due again within the interval.
    world.state.properties['x_jira_connect.capability.projects'] = '  SUP/Task '
    clock.advance(2 * 3600000)
    world.emu.clearRequests()
    h.run()
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(0)

    // Emptied again: due again.
    world.state.properties['x_jira_connect.capability.projects'] = ''
    clock.advance(3600000)
    world.emu.clearRequests()
    h.run()
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(1)
})

test('NearLimit: the row keeps the quota left and the subject warns', () => {
    world.getOAuthToken()
    world.emu.setQuotaUsed(APP.clientId, SITE.cloudId, 60000)
    const h = healthHarness(world)
    const result = h.run()
    const state = result.outcomes[0].state
    expect(state.verdict).toBe('warning')
    expect(state.lastFindingCode).toBe('atlassian.rate_limit/near_limit')
    expect(state.quotaNearLimit).toBe(true)
    expect(state.quotaLeft).toBeLessThan(65000 * 0.2)
    expect(state.lastSuccessMs).not.toBeNull()
})

test('a 429 on the bulk permission check is rate limiting, not broken: the sign-in keeps its verdict, the round is not checked', () => {
    world.getOAuthToken()
    world.emu.setFault('permissions-check', { rateLimit: 3600 })
    const h = healthHarness(world)
    const result = h.run()
    const state = result.outcomes[0].state
    expect(state.verdict).not.toBe('broken')
    expect(state.verdict).not.toBe('not_checked')
    expect(state.lastSuccessMs).not.toBeNull()
    expect(state.capabilityNote).toMatch(/rate limiting by Atlassian/)
    expect(result.alerts.map((a) => a.kind)).not.toContain('broken')
    // One try: a Retry-After of an hour is not waited for.
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(1)
})

test('a table written before the list tag existed (a bare JSON array) is still shown, and its list counts as unknown: the round is due once', () => {
    const row = { category: 'issues', label: 'Issues', status: 'works', why: 'Browse and create in SUP' }
    const legacy = JSON.stringify([row])
    expect(cachedRows(legacy)).toEqual([row])
    expect(cachedFor(legacy)).toBeNull()
    const tagged = JSON.stringify({ for: projectsTag('SUP'), rows: [row] })
    expect(cachedRows(tagged)).toEqual([row])
    expect(cachedFor(tagged)).toBe(projectsTag(' SUP '))
    expect(projectsTag('SUP')).not.toBe(projectsTag('SUP/Task'))
    expect(projectsTag('SUP, OPS')).not.toBe(projectsTag('OPS, SUP'))
    expect(cachedRows('{"for":"x"}')).toBeNull()
})
