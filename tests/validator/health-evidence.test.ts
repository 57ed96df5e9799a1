/**
 * Health verdicts follow the evidence (issue 16 §3), over the Atlassian emulator on loopback: no call, no verdict; a
 * run that cannot read tokens changes nothing; transient is not broken; "recovered" needs a successful call; keep-alive
 * retries and warns; one bad subject does not stop the rest; no starvation; not configured is not broken; rows of
 * connections no longer covered say so.
 */
import type { HealthRunResult, SubjectStep } from '../../src/server/core/health/runner'
import type { RunLock, RunLockPort, StoredRunLock } from '../../src/server/core/health/single-flight'
import { basicConnectionsEach } from '../support/health-worlds'
import { connectionReadFails, followingClock, healthHarness } from './health-world'
import { API_TOKEN, IDS, startWorld, USER, type World } from './world'

const HOUR = 3600000
const DAY = 24 * HOUR

let world: World
beforeEach(async () => {
    world = await startWorld()
})
afterEach(async () => {
    await world.close()
})

const row = (h: ReturnType<typeof healthHarness>, sysId = IDS.oauthConnection) =>
    h.store.read('http_connection', sysId)!

test('two hours after Get OAuth Token: Validate all and a row Validate call Atlassian and agree with Validate; after the grant is revoked all say broken', () => {
    const clock = followingClock(world)
    const h = healthHarness(world, { clock })
    world.getOAuthToken()
    clock.advance(2 * HOUR)
    world.emu.clearRequests()
    const all = h.run('on_demand')
    // The expired access token was refreshed through the platform, as the spoke would on its next use, then used.
    expect(world.emu.requestsTo('token')).toHaveLength(1)
    expect(world.emu.requestsTo('accessible-resources')).toHaveLength(1)
    expect(all.calls).toBeGreaterThanOrEqual(3)
    expect(row(h).verdict).toBe('healthy')
    expect(row(h).lastSuccessMs).toBe(row(h).lastCheckedMs)
    expect(world.run('http_connection', IDS.oauthConnection).verdict).toBe('pass')

    world.emu.revokeGrant(USER.accountId, APP_CLIENT())
    clock.advance(2 * HOUR)
    const successBefore = row(h).lastSuccessMs
    world.emu.clearRequests()
    const one = h.run('on_demand', { onlySysId: IDS.oauthConnection })
    expect(one.calls).toBeGreaterThanOrEqual(1)
    expect(world.emu.requestsTo('token')).toHaveLength(1)
    expect(row(h)).toMatchObject({ verdict: 'broken', lastFindingCode: 'token.access/consent_expired' })
    expect(row(h).lastSuccessMs).toBe(successBefore)
    expect(h.alerts.fired.map((f) => f.alert.kind)).toEqual(['broken'])
    const validate = world.run('http_connection', IDS.oauthConnection)
    expect(validate.verdict).toBe('fail')
    expect(validate.checks.find((c) => c.id === 'token.access')!.code).toBe('consent_expired')
})

/** The shipped basic credential with the user's email and API token filled in. */
function basicReady(): void {
    world.state.credentials[1] = {
        kind: 'basic',
        sysId: IDS.basicCredential,
        name: 'Jira Cloud Basic Credential',
        table: 'basic_auth_credentials',
        active: true,
        userName: USER.email,
        hasPassword: true,
    }
}

function APP_CLIENT(): string {
    return world.state.registrySecrets[IDS.registry].clientId
}

test('a run by a user who may not read tokens (x_jira_connect.admin only, KB0859525) writes no row, fires no alert, stores no run and says why', () => {
    const h = healthHarness(world)
    world.getOAuthToken()
    h.run()
    const before = JSON.stringify(h.store.all())
    world.tokens.deniedUser = 'jira.app.admin'
    world.emu.clearRequests()
    const result = h.run('on_demand')
    expect(result.refused).toMatch(/user "jira\.app\.admin" may not read the OAuth tokens.*KB0859525/)
    expect(result.refused).toMatch(/admin role to click Validate all/)
    expect(result.outcomes).toHaveLength(0)
    expect(result.alerts).toHaveLength(0)
    expect(h.runs).toHaveLength(1)
    expect(JSON.stringify(h.store.all())).toBe(before)
    expect(h.alerts.fired).toHaveLength(0)
    expect(world.emu.requests).toHaveLength(0)
})

test('a 429 with a short Retry-After is retried as Validate retries it (not replayed from the run cache): healthy', () => {
    const h = healthHarness(world)
    world.getOAuthToken()
    world.emu.setFault('accessible-resources', { rateLimit: 0 }, { count: 1 })
    world.emu.clearRequests()
    h.run()
    expect(world.emu.requestsTo('accessible-resources')).toHaveLength(2)
    expect(row(h).verdict).toBe('healthy')
})

test('rate limiting and an unavailable Atlassian are "not checked", never broken, and send no alert', () => {
    const clock = followingClock(world)
    const h = healthHarness(world, { clock })
    world.getOAuthToken()
    h.run()
    expect(row(h).verdict).toBe('healthy')
    const success = row(h).lastSuccessMs
    clock.advance(6 * HOUR)
    world.emu.setFault('accessible-resources', { rateLimit: 600 })
    h.run()
    expect(row(h)).toMatchObject({ verdict: 'not_checked', lastSuccessMs: success })
    expect(row(h).notCheckedReason).toMatch(/rate limiting by Atlassian.*not a broken credential/)
    world.emu.clearFaults()
    clock.advance(6 * HOUR)
    world.emu.setFault('accessible-resources', { status: 503 })
    h.run()
    expect(row(h).verdict).toBe('not_checked')
    expect(h.alerts.fired).toHaveLength(0)
})

test('"recovered" needs proof: a revoked token stays broken while no call succeeds (no keep-alive, Atlassian down)', () => {
    const clock = followingClock(world)
    const h = healthHarness(world, { clock })
    world.getOAuthToken()
    world.emu.revokeGrant(USER.accountId, APP_CLIENT())
    h.run()
    expect(row(h)).toMatchObject({
        verdict: 'broken',
        lastFindingCode: 'atlassian.accessible_resources/token_rejected',
    })
    // Keep-alive off: the expired access token is not refreshed, nothing is called: no proof, still broken.
    world.state.properties['x_jira_connect.health.keepalive_days'] = '0'
    clock.advance(DAY)
    world.emu.clearRequests()
    h.run()
    expect(world.emu.requests).toHaveLength(0)
    expect(row(h).verdict).toBe('broken')
    expect(row(h).notCheckedReason).toMatch(/keep-alive is off/)
    // The token endpoint does not answer: no proof either.
    delete world.state.properties['x_jira_connect.health.keepalive_days']
    world.emu.setFault('token', 'reset')
    clock.advance(DAY)
    h.run()
    expect(row(h).verdict).toBe('broken')
    expect(h.alerts.fired.map((f) => f.alert.kind)).toEqual(['broken'])
    // A new consent and a successful call: recovered, once.
    world.emu.clearFaults()
    world.getOAuthToken()
    clock.advance(HOUR / 2)
    h.run()
    expect(row(h).verdict).toBe('healthy')
    expect(h.alerts.fired.map((f) => f.alert.kind)).toEqual(['broken', 'recovered'])
})

test('keep-alive: a failed refresh is tried again the next day, the idle clock restarts only on success, and a refresh token keep-alive cannot save is announced before it dies', () => {
    const clock = followingClock(world)
    const h = healthHarness(world, { clock })
    world.getOAuthToken()
    clock.advance(2 * HOUR)
    h.run()
    const firstKeepAlive = row(h).lastKeepAliveMs
    expect(row(h)).toMatchObject({ keepAliveResult: 'ok', keepAliveCount: 1 })
    world.emu.setFault('token', 'reset')
    clock.advance(DAY)
    world.emu.clearRequests()
    h.run()
    expect(world.emu.requestsTo('token').length).toBeGreaterThanOrEqual(1)
    expect(row(h)).toMatchObject({ keepAliveResult: 'refresh_unreachable', keepAliveCount: 1 })
    expect(row(h).lastKeepAliveMs).toBe(firstKeepAlive)
    expect(row(h).verdict).toBe('not_checked')
    // Still failing every day: told before the 90 days end, broken when they do; never "recovered" in between.
    for (let day = 2; day <= 92; day++) {
        clock.advance(DAY)
        h.run()
    }
    const kinds = h.alerts.fired.map((f) => f.alert.kind)
    expect(kinds).toEqual(['refresh_token_expiring', 'broken'])
    expect(h.alerts.fired[0].alert.text).toMatch(/refresh token \(90 days without use\) expires in 1[0-4] days/)
    expect(row(h)).toMatchObject({ verdict: 'broken', lastFindingCode: 'token.refresh/refresh_expired' })
})

test('one subject whose check throws is recorded against it; the others are checked, stored and alerted on', () => {
    world.state.connections.push({
        ...world.state.connections[0],
        sysId: 'c0aa0000000000000000000000000099',
        name: 'Second OAuth connection',
        aliasSysId: null,
    })
    world.state.aliases[0].multipleConnections = true
    world.state.connections[world.state.connections.length - 1].aliasSysId = IDS.alias
    world.state.connections.push({
        ...world.state.connections[1],
        sysId: 'c0bb0000000000000000000000000098',
        name: 'Broken basic connection',
        active: true,
    })
    basicReady()
    world.state.basicSecrets[IDS.basicCredential] = { userName: USER.email, password: `${API_TOKEN}x` }
    world.getOAuthToken()
    const h = healthHarness(world, { config: connectionReadFails(IDS.oauthConnection, 'GlideRecord: read failed') })
    const result = h.run()
    const by = (name: string) => result.outcomes.find((o) => o.subject.name === name)!.state
    expect(by('Jira Cloud OAuth Connection')).toMatchObject({ verdict: 'not_checked' })
    expect(by('Jira Cloud OAuth Connection').notCheckedReason).toMatch(/unexpected error: GlideRecord: read failed/)
    expect(by('Second OAuth connection').verdict).toBe('healthy')
    expect(by('Broken basic connection').verdict).toBe('broken')
    expect(h.alerts.fired.map((f) => [f.alert.kind, f.subject])).toEqual([['broken', 'Broken basic connection']])
})

test('no starvation: a run cut short checks the subjects it missed first next time; unproven for two intervals is a warning', () => {
    const clock = followingClock(world)
    world.state.properties['x_jira_connect.health.total_budget_ms'] = '9000'
    world.state.properties['x_jira_connect.health.connection_budget_ms'] = '8000'
    world.state.properties['x_jira_connect.http_timeout_ms'] = '1000'
    world.state.aliases[0].multipleConnections = true
    // A credential each: shared answers would cost no time.
    basicConnectionsEach(world, ['Basic a', 'Basic b', 'Basic c'])
    // Each call takes a simulated second: one subject (sign-in and capability round) leaves too little of the 9 s for
    // another; its connection budget (8 s) lets that one subject finish.
    const slow = (inner: import('../../src/server/core/ports').HttpPort) => ({
        send: (r: Parameters<typeof inner.send>[0]) => {
            clock.advance(1000)
            return inner.send(r)
        },
    })
    const h = healthHarness(world, { clock, http: slow })
    const checkedIn = () => {
        const r = h.run()
        return r.outcomes.filter((o) => o.checked).map((o) => o.subject.name)
    }
    expect(checkedIn()).toEqual(['Basic a'])
    clock.advance(DAY)
    expect(checkedIn()).toEqual(['Basic b'])
    clock.advance(DAY)
    expect(checkedIn()).toEqual(['Basic c'])
    clock.advance(DAY)
    expect(checkedIn()).toEqual(['Basic a'])
    // Basic b was last proven three days ago (two 24-hour intervals passed): a warning that says why.
    const b = h.store.read('http_connection', world.state.connections[1].sysId)!
    expect(b.verdict).toBe('warning')
    expect(b.lastFindingCode).toBe('health.stale/not_checked_two_intervals')
    expect(b.notCheckedReason).toMatch(/total budget/)
})

test('not configured is not broken (no alert); a deactivated connection row says "no longer checked"', () => {
    // No Get OAuth Token yet: never set up.
    const h = healthHarness(world)
    h.run()
    expect(row(h).verdict).toBe('not_configured')
    expect(h.alerts.fired).toHaveLength(0)
    world.getOAuthToken()
    h.run()
    expect(row(h).verdict).toBe('healthy')
    world.useBasic()
    basicReady()
    const result = h.run()
    expect(result.retired).toBe(1)
    expect(row(h)).toMatchObject({ verdict: 'no_longer_checked' })
    expect(row(h).notCheckedReason).toMatch(/inactive or was deleted \(last verdict: healthy\)/)
    expect(h.alerts.fired.map((f) => f.alert.kind)).toEqual([])
})

/** Lock rows as the adapter stores them (health-lock.ts): insert, list, delete; ids in insertion order. */
function rowLock(): RunLockPort & { rows: StoredRunLock[]; onAdd: (() => void) | null } {
    let next = 0
    const port = {
        rows: [] as StoredRunLock[],
        onAdd: null as (() => void) | null,
        list: () => port.rows.map((r) => ({ ...r })),
        add: (l: RunLock) => {
            const id = `lock${String(++next).padStart(3, '0')}`
            port.rows.push({ ...l, id })
            const hook = port.onAdd
            port.onAdd = null
            if (hook) hook()
            return id
        },
        remove: (id: string) => {
            port.rows = port.rows.filter((r) => r.id !== id)
        },
    }
    return port
}

test('no duplicates: a second run started while one runs (Validate all, a second admin) is refused and doubles no refresh or alert; a dead or future-stamped lock does not block', () => {
    const clock = followingClock(world)
    const lock = rowLock()
    const h = healthHarness(world, { clock, lock })
    world.getOAuthToken()
    world.emu.revokeGrant(USER.accountId, APP_CLIENT())
    clock.advance(2 * HOUR)
    world.emu.clearRequests()
    const inner: HealthRunResult[] = []
    // While the first run checks its subject, a second admin clicks Validate all.
    const secondAdmin: SubjectStep = {
        id: 'second-admin',
        run: () => {
            inner.push(h.run('on_demand', { runBy: 'user "second.admin"' }))
            return []
        },
    }
    const first = h.run('scheduled', { steps: [secondAdmin], runBy: 'the scheduled job' })
    expect(inner).toHaveLength(1)
    expect(inner[0].refused).toMatch(/a health check started by the scheduled job is already running since .* UTC/)
    expect(inner[0].refusedCode).toBe('run_in_progress')
    expect(inner[0].outcomes).toHaveLength(0)
    expect(first.refused).toBeNull()
    expect(world.emu.requestsTo('token')).toHaveLength(1)
    expect(h.alerts.fired.map((f) => f.alert.kind)).toEqual(['broken'])
    expect(h.runs).toHaveLength(1)
    expect(lock.rows).toEqual([])

    // A lock left by a run that died long ago, or stamped in the future by a clock set back, does not block, and
    // is cleared by the next run.
    lock.rows = [{ id: 'dead', owner: 'the scheduled job #1', sinceMs: clock.nowMs() - 3 * HOUR }]
    expect(h.run().refused).toBeNull()
    expect(lock.rows).toEqual([])
    lock.rows = [{ id: 'future', owner: 'the scheduled job #2', sinceMs: clock.nowMs() + 30 * DAY }]
    expect(h.run().refused).toBeNull()
    expect(lock.rows).toEqual([])
    // A fresh one does.
    lock.rows = [{ id: 'fresh', owner: 'user "admin" #3', sinceMs: clock.nowMs() - 1000 }]
    expect(h.run().refused).toMatch(/started by user "admin" is already running/)
    expect(h.alerts.fired).toHaveLength(1)
})

test('no duplicates: two runs that store their lock at the same instant agree on one winner (the older, then the lower id)', () => {
    const clock = followingClock(world)
    const lock = rowLock()
    const h = healthHarness(world, { clock, lock })
    world.getOAuthToken()
    world.emu.revokeGrant(USER.accountId, APP_CLIENT())
    clock.advance(2 * HOUR)
    // Another node's run saw no lock either and inserts its row right before ours is read back (same second).
    // Its stamp is ours exactly: the clock follows real time, so reading it again here could be a millisecond later
    // (then ours would be older and win, which is not the tie this test is about; it failed so under load).
    lock.onAdd = () => {
        const ours = lock.rows[lock.rows.length - 1]
        lock.rows.unshift({ id: 'lock000', owner: 'user "second.admin" #7', sinceMs: ours.sinceMs })
    }
    const loser = h.run('on_demand', { runBy: 'user "admin"' })
    expect(loser.refusedCode).toBe('run_in_progress')
    expect(loser.refused).toMatch(/started by user "second.admin" is already running/)
    // The loser removed its own row, kept the winner's, and changed nothing.
    expect(lock.rows.map((r) => r.id)).toEqual(['lock000'])
    expect(h.runs).toHaveLength(0)
    expect(h.alerts.fired).toHaveLength(0)
})
