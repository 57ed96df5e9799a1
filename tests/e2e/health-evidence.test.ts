/**
 * Health verdicts follow the evidence, on the shipped package in the Glide simulator with the Atlassian emulator:
 * the health view and the setup page's Validate agree at the same moment; the scheduled job runs as the system user
 * and reads tokens whoever is logged in; a user with only x_jira_connect.admin changes nothing with Validate all and is
 * told why; a run stamped in the future does not stop the schedule.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { APP_ADMIN, SetupClient } from '../../harness/glide-simulator/setup-client'
import { World, e2eSource } from '../../harness/glide-simulator/world'
import { connectedE2EWorld } from '../support/health-worlds'
import { linesWithCheckIds } from '../support/check-ids'
import { expectNoSecretAnywhere } from './no-secret'

const HOUR = 3600000
const DAY = 24 * HOUR
const HEALTH = 'x_jira_connect_connection_health'
const RUNS = 'x_jira_connect_validation_run'

let world: World | null = null
afterEach(async () => {
    if (world) await world.close()
    world = null
})

async function connected(): Promise<World> {
    return (world = await connectedE2EWorld())
}

type Row = Record<string, string>

async function healthRow(client: SetupClient, sysId: string): Promise<Row> {
    const a = await client.api('GET', 'health')
    expect(a.status).toBe(200)
    return (a.json!.result as { rows: Row[] }).rows.find((r) => r.subjectSysId === sysId)!
}

test('two hours after Get OAuth Token, and after the grant is revoked, the health view (Validate all, row Validate) and the setup page Validate agree, each with calls to Atlassian', async () => {
    const w = await connected()
    const admin = new SetupClient(w.sim, ADMIN_USER)
    w.advance(2 * HOUR)
    w.emu.clearRequests()
    const all = await w.validateAll(admin)
    expect(all.status).toBe(200)
    expect(w.emu.requestsTo('token')).toHaveLength(1)
    expect(w.emu.requestsTo('accessible-resources').length).toBeGreaterThanOrEqual(1)
    const row = await healthRow(admin, w.ids.connection)
    expect(row).toMatchObject({ verdict: 'healthy' })
    expect(row.lastSuccess).toBe(row.lastChecked)
    const v = await admin.api('POST', 'validate', {})
    expect((v.json!.result as { verdict: string }).verdict).toBe('pass')

    w.emu.revokeGrant(w.accountId, w.clientId)
    w.advance(2 * HOUR)
    w.emu.clearRequests()
    const one = await w.validateAll(admin, { sysId: w.ids.connection })
    expect(one.status).toBe(200)
    expect(w.emu.requests.length).toBeGreaterThanOrEqual(1)
    const broken = await healthRow(admin, w.ids.connection)
    expect(broken.verdict).toBe('broken')
    expect(broken.lastSuccess).toBe(row.lastSuccess)
    const again = await admin.api('POST', 'validate', {})
    expect((again.json!.result as { verdict: string }).verdict).toBe('fail')
    // Validate all again at the same moment: still broken, no second alert.
    await w.validateAll(admin)
    expect((await healthRow(admin, w.ids.connection)).verdict).toBe('broken')
    const brokenEmails = w.sim.eventManager.emails.filter((e) => e.event === 'x_jira_connect.connection.broken')
    expect(brokenEmails).toHaveLength(1)
    expectNoSecretAnywhere(w)
})

test('the scheduled job runs as the system user (Run as empty) and reads the tokens while a user with only x_jira_connect.admin is logged in', async () => {
    const w = await connected()
    const job = w.sim.one('sysauto_script', { name: 'Jira Cloud Connect: connection health check' })
    expect(job.run_as || '').toBe('')
    w.sim.session.user = APP_ADMIN
    w.advanceWithJobs(3 * DAY)
    const runs = w.sim.query(RUNS, { trigger: 'scheduled' })
    expect(runs.length).toBeGreaterThanOrEqual(3)
    expect(w.sim.one(HEALTH, { subject_sys_id: w.ids.connection })).toMatchObject({
        verdict: 'healthy',
        keep_alive_result: 'ok',
    })
    expect(w.sim.session.user).toBe(APP_ADMIN)
})

test('Validate all by a user with only x_jira_connect.admin writes no health row, sends no alert, stores no run, and says why', async () => {
    const w = await connected()
    w.advanceWithJobs(2 * HOUR)
    const before = JSON.stringify(w.sim.query(HEALTH))
    const runsBefore = w.sim.query(RUNS).length
    const emailsBefore = w.sim.eventManager.emails.length
    w.sim.session.user = APP_ADMIN
    const clicked = w.sim.admin.clickUiAction('sys_alias', w.ids.alias, 'Validate all Jira connections')
    expect(clicked.exception).toBeNull()
    expect(clicked.errors.join(' ')).toMatch(/user "jira\.app\.admin" may not read the OAuth tokens.*KB0859525/)
    expect(clicked.info).toEqual([])
    const api = await w.validateAll(new SetupClient(w.sim, APP_ADMIN))
    // 403 (the role is missing), one sentence naming the role, never 502 (Atlassian was not even asked).
    expect(api.status).toBe(403)
    const [refusal] = (api.json as { result: { error: { errors: Array<{ code: string; message: string }> } } }).result
        .error.errors
    expect(refusal.code).toBe('health_check_needs_admin')
    expect(refusal.message).toMatch(/needs the admin role.*KB0859525.*nothing was checked or changed/)
    expect(refusal.message.replace(/\(KB\d+\)/, '').split(/\. /)).toHaveLength(1)
    expect(JSON.stringify(w.sim.query(HEALTH))).toBe(before)
    expect(w.sim.query(RUNS)).toHaveLength(runsBefore)
    expect(w.sim.eventManager.emails).toHaveLength(emailsBefore)
})

/** A second user with admin, as the session of the second browser. */
function secondAdmin(w: World) {
    const u = w.sim.admin.insertRecord('sys_user', { user_name: 'second.admin', name: 'Second Admin', active: true })
    return { sysId: u.sys_id, userName: 'second.admin', displayName: 'Second Admin', roles: ['admin'] }
}
const LOCKS = 'x_jira_connect_setup_change'

test('no duplicates on the shipped package: while the scheduled check runs, a second admin\'s Validate all is refused ("already running since") and writes nothing; no alert or refresh is doubled', async () => {
    const w = await connected()
    w.advanceWithJobs(2 * HOUR)
    w.emu.revokeGrant(w.accountId, w.clientId)
    w.advance(DAY)
    const scheduledBefore = w.sim.query(RUNS, { trigger: 'scheduled' }).length
    const second = secondAdmin(w)
    w.emu.clearRequests()
    // The second admin clicks while the scheduled run waits for its first answer from Atlassian.
    let inner: ReturnType<typeof w.sim.admin.clickUiAction> | null = null
    let during: { health: string; runs: number; emails: number; requests: number; locks: number } | null = null
    const request = w.network.request.bind(w.network)
    w.network.request = (req) => {
        if (!inner) {
            const look = () => ({
                health: JSON.stringify(w.sim.query(HEALTH)),
                runs: w.sim.query(RUNS).length,
                emails: w.sim.eventManager.emails.length,
                requests: w.emu.requests.length,
                locks: w.sim.query(LOCKS, { kind: 'run_lock' }).length,
            })
            const before = look()
            const previous = w.sim.session.user
            w.sim.session.user = second
            try {
                inner = w.sim.admin.clickUiAction('sys_alias', w.ids.alias, 'Validate all Jira connections')
            } finally {
                w.sim.session.user = previous
            }
            during = look()
            expect(during).toEqual(before)
        }
        return request(req)
    }
    w.advanceWithJobs(HOUR)
    w.network.request = request
    expect(inner).not.toBeNull()
    const clicked = inner!
    expect(clicked.exception).toBeNull()
    expect(clicked.info).toEqual([])
    expect(clicked.errors.join(' ')).toMatch(
        /Nothing was checked or changed: a health check started by the scheduled job is already running since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/
    )
    expect(during!.locks).toBe(1)
    // The scheduled run went on: one run, one refresh attempt, one broken alert; its lock is gone.
    expect(w.sim.query(RUNS, { trigger: 'scheduled' })).toHaveLength(scheduledBefore + 1)
    expect(w.sim.query(RUNS, { trigger: 'on_demand' })).toHaveLength(0)
    expect(w.emu.requestsTo('token')).toHaveLength(1)
    const broken = w.sim.eventManager.emails.filter((e) => e.event === 'x_jira_connect.connection.broken')
    expect(broken).toHaveLength(1)
    expect(w.sim.query(LOCKS, { kind: 'run_lock' })).toEqual([])
    expect(w.sim.one(HEALTH, { subject_sys_id: w.ids.connection }).verdict).toBe('broken')
})

test('the setup API answers a health check while another run holds the lock with 409 and one sentence; a lock left by a run that died blocks nothing', async () => {
    const w = await connected()
    w.advanceWithJobs(2 * HOUR)
    const before = JSON.stringify(w.sim.query(HEALTH))
    const runsBefore = w.sim.query(RUNS).length
    // Another node's run holds the lock (what GlideRunLock stores).
    w.sim.admin.insertRecord(LOCKS, {
        kind: 'run_lock',
        operation: 'health check',
        record_name: 'health check lock: user "second.admin" #42',
    })
    w.emu.clearRequests()
    const admin = new SetupClient(w.sim, ADMIN_USER)
    const busy = await w.validateAll(admin)
    expect(busy.status).toBe(409)
    const [refusal] = (busy.json as { result: { error: { errors: Array<{ code: string; message: string }> } } }).result
        .error.errors
    expect(refusal.code).toBe('health_check_running')
    expect(refusal.message).toMatch(/^Another health check is already running since \d{4}-.* UTC, so nothing was/)
    expect(refusal.message.split(/\. /)).toHaveLength(1)
    expect(w.emu.requests).toHaveLength(0)
    expect(JSON.stringify(w.sim.query(HEALTH))).toBe(before)
    expect(w.sim.query(RUNS)).toHaveLength(runsBefore)

    // That run died: after its expiry the lock blocks nothing and is cleared.
    w.advance(HOUR)
    const ok = await w.validateAll(admin)
    expect(ok.status).toBe(200)
    expect(w.emu.requests.length).toBeGreaterThan(0)
    expect(w.sim.query(LOCKS, { kind: 'run_lock' })).toEqual([])
})

test('a scheduled run stamped in the future (the clock was set back) does not stop the schedule', async () => {
    const w = await connected()
    w.advanceWithJobs(2 * HOUR)
    const [first] = w.sim.query(RUNS, { trigger: 'scheduled' })
    expect(first).toBeDefined()
    w.sim.store.update(RUNS, first.sys_id, { sys_created_on: '2099-01-01 00:00:00' }, { user: 'admin' })
    const count = w.sim.query(RUNS, { trigger: 'scheduled' }).length
    w.advanceWithJobs(DAY + HOUR)
    expect(w.sim.query(RUNS, { trigger: 'scheduled' }).length).toBeGreaterThan(count)
})

test('alerts reach someone by default: with no x_jira_connect.admin holder the admins get them; a named group gets them instead', async () => {
    const w = (world = await World.start({ source: e2eSource() }))
    w.configureOAuth()
    expect((await w.getOAuthToken('accept')).text).toMatch(/stored/)
    w.advanceWithJobs(2 * HOUR)
    w.emu.revokeGrant(w.accountId, w.clientId)
    w.advanceWithJobs(DAY)
    const broken = w.sim.eventManager.emails.filter((e) => e.event === 'x_jira_connect.connection.broken')
    expect(broken).toHaveLength(1)
    expect(broken[0].recipients).toEqual(['admin@example.com'])
    // The email names the failing check by its title, never by its id (issue 17 §7).
    expect(broken[0].body).toContain('stopped working. Access token: ')
    expect(linesWithCheckIds(broken[0].subject, broken[0].body)).toEqual([])

    // A group named in the property: its active members, not the app admins, get the next alert.
    w.addAppAdmin()
    const group = w.sim.admin.insertRecord('sys_user_group', { name: 'Jira integration owners' })
    onCallAlertGroup(w, group.sys_id)
    expect((await w.getOAuthToken('accept')).text).toMatch(/stored/)
    w.advanceWithJobs(DAY)
    const recovered = w.sim.eventManager.emails.filter((e) => e.event === 'x_jira_connect.connection.recovered')
    expect(recovered).toHaveLength(1)
    expect(recovered[0].recipients).toEqual(['oncall@acme.example'])
})

test('alerts reach the active app admin and the active group member behind more than 500 inactive ones (the cut counts only active users)', async () => {
    const w = (world = await World.start({ source: e2eSource() }))
    w.configureOAuth()
    expect((await w.getOAuthToken('accept')).text).toMatch(/stored/)
    w.advanceWithJobs(2 * HOUR)
    // 501 former app admins and group members, deactivated, granted before the current ones (oldest first).
    const role = w.sim.one('sys_user_role', { name: 'x_jira_connect.admin' })
    const group = w.sim.admin.insertRecord('sys_user_group', { name: 'Jira integration owners' })
    for (let i = 0; i < 501; i++) {
        const gone = w.sim.admin.insertRecord('sys_user', {
            user_name: `former.${i}`,
            name: `Former ${i}`,
            email: `former.${i}@acme.example`,
            active: false,
        })
        w.sim.admin.insertRecord('sys_user_has_role', { user: gone.sys_id, role: role.sys_id })
        w.sim.admin.insertRecord('sys_user_grmember', { group: group.sys_id, user: gone.sys_id })
    }
    w.advance(1000)
    w.addAppAdmin()
    w.emu.revokeGrant(w.accountId, w.clientId)
    w.advanceWithJobs(DAY)
    const broken = w.sim.eventManager.emails.filter((e) => e.event === 'x_jira_connect.connection.broken')
    expect(broken.map((e) => e.recipients)).toEqual([['integration.owner@acme.example']])

    onCallAlertGroup(w, group.sys_id)
    expect((await w.getOAuthToken('accept')).text).toMatch(/stored/)
    w.advanceWithJobs(DAY)
    const recovered = w.sim.eventManager.emails.filter((e) => e.event === 'x_jira_connect.connection.recovered')
    expect(recovered.map((e) => e.recipients)).toEqual([['oncall@acme.example']])
    expect(w.sim.logs.map((l) => l.message).join('\n')).not.toMatch(/more than 500 sys_user/)
})

test('a fresh install (the shipped <cloud-id> placeholder, no client ID, no token) is "not configured" for Validate all: no alert, nothing broken', async () => {
    const w = (world = await World.start({ source: e2eSource() }))
    const admin = new SetupClient(w.sim, ADMIN_USER)
    const all = await w.validateAll(admin)
    expect(all.status).toBe(200)
    const row = await healthRow(admin, w.ids.connection)
    expect({ verdict: row.verdict }).toEqual({ verdict: 'not_configured' })
    expect(w.sim.eventManager.emails).toEqual([])
})

/** An active member (oncall@acme.example) of the group, and the group named as the alerts' recipients. */
function onCallAlertGroup(w: World, groupSysId: string): void {
    const member = w.sim.admin.insertRecord('sys_user', {
        user_name: 'on.call',
        name: 'On Call',
        email: 'oncall@acme.example',
        active: true,
    })
    w.sim.admin.insertRecord('sys_user_grmember', { group: groupSysId, user: member.sys_id })
    w.setProperty('x_jira_connect.health.alert_group', 'Jira integration owners')
}
