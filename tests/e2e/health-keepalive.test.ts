/**
 * Connection health over time, from the shipped package in the Glide simulator with the Atlassian emulator, both on
 * one fake clock. Nothing else uses the connection: only the app's hourly health job runs (daily check by default).
 */
import { TEMPLATE, World, e2eSource } from '../../harness/glide-simulator/world'
import type { SentEmail } from '../../harness/glide-simulator/events'
import { connectedE2EWorld } from '../support/health-worlds'

const DAY = 86400000
const HEALTH = 'x_jira_connect_connection_health'

let world: World | null = null
afterEach(async () => {
    if (world) await world.close()
    world = null
})

async function connectedWorld(absoluteSeconds?: number | null): Promise<World> {
    return connectedE2EWorld(absoluteSeconds === undefined ? {} : { absoluteSeconds })
}

/** Day (from the start) at which each email was sent, by event. */
function emailDays(w: World, startMs: number): Array<{ event: string; day: number; email: SentEmail }> {
    return w.sim.eventManager.emails.map((email) => ({
        event: email.event,
        day: Math.floor((Date.parse(email.at.replace(' ', 'T') + 'Z') - startMs) / DAY),
        email,
    }))
}

function healthRow(w: World) {
    return w.sim.one(HEALTH, { subject_sys_id: w.ids.connection })
}

test('keep-alive off: expiring alert before day 90, broken at day 90 (one alert each), recovered once after a new token', async () => {
    const w = (world = await connectedWorld())
    w.setProperty('x_jira_connect.health.keepalive_days', 0)
    const start = w.sim.clock.nowMs()
    w.advanceWithJobs(100 * DAY)
    const sent = emailDays(w, start)
    const broken = sent.filter((s) => s.event === 'x_jira_connect.connection.broken')
    const expiring = sent.filter((s) => s.event === 'x_jira_connect.refresh_token.expiring')
    expect(broken).toHaveLength(1)
    expect(broken[0].day).toBe(90)
    expect(expiring).toHaveLength(1)
    expect(expiring[0].day).toBeGreaterThanOrEqual(75)
    expect(expiring[0].day).toBeLessThan(90)
    expect(sent).toHaveLength(2)
    // What the admin receives: the finding, the fix, a link to the run; nothing secret.
    expect(broken[0].email.recipients).toEqual(['integration.owner@acme.example'])
    expect(broken[0].email.subject).toBe('Jira connection "Jira Cloud OAuth Connection" is broken')
    expect(broken[0].email.body).toMatch(/refresh token expired/i)
    expect(broken[0].email.body).toMatch(/Get OAuth Token/)
    expect(broken[0].email.body).toMatch(/x_jira_connect_validation_run\.do\?sys_id=[0-9a-f]{32}/)
    expect(expiring[0].email.body).toMatch(/expires in \d+ days/)
    expect(healthRow(w)).toMatchObject({
        verdict: 'broken',
        last_finding_code: 'token.refresh/refresh_expired',
        keep_alive_count: '0',
    })
    // Keep-alive off means nothing refreshed: the only token requests are the consent's code exchange.
    expect(w.emu.requestsTo('token')).toHaveLength(1)

    await w.getOAuthToken('accept')
    w.advanceWithJobs(3 * DAY)
    const after = emailDays(w, start)
    expect(after.filter((s) => s.event === 'x_jira_connect.connection.recovered')).toHaveLength(1)
    expect(after.filter((s) => s.event === 'x_jira_connect.connection.broken')).toHaveLength(1)
    // Proven once while the new access token lived; with keep-alive off nothing is proven after that: after two
    // intervals without proof the row is a warning that says why.
    expect(healthRow(w)).toMatchObject({
        verdict: 'warning',
        last_finding_code: 'health.stale/not_checked_two_intervals',
    })
    expect(healthRow(w).not_checked_reason).toMatch(/keep-alive is off/)
    const visible = [
        ...w.sim.visibleText(),
        ...w.sim.eventManager.events.map((e) => `${e.parm1} ${e.parm2}`),
        ...after.map((s) => `${s.email.subject} ${s.email.body}`),
    ].join('\n')
    for (const secret of w.secrets()) expect(visible).not.toContain(secret)
})

test('keep-alive on, no absolute consent limit: healthy for 400 days, each daily check refreshes the expired access token once (the keep-alive)', async () => {
    const w = (world = await connectedWorld(null))
    // The limit is off on both sides: Atlassian (emulator) and the app's warning (the property mirrors it).
    w.setProperty('x_jira_connect.health.consent_max_days', 0)
    const start = w.sim.clock.nowMs()
    w.advanceWithJobs(400 * DAY)
    expect(w.sim.eventManager.emails).toHaveLength(0)
    const refreshes = w.emu.requestsTo('token').slice(1)
    // One a day: the first check ran while the consent's access token was still alive.
    expect(refreshes.length).toBeGreaterThanOrEqual(398)
    expect(refreshes.length).toBeLessThanOrEqual(400)
    const row = healthRow(w)
    expect(row).toMatchObject({
        verdict: 'healthy',
        keep_alive_result: 'ok',
        keep_alive_count: String(refreshes.length),
    })
    // a day apart (the hourly job's slack), never within Atlassian's 10-minute reuse window
    const days = refreshes.map((r) => (r.time - start) / DAY)
    for (let i = 1; i < days.length; i++) expect(days[i] - days[i - 1]).toBeGreaterThanOrEqual(0.95)
    for (let i = 1; i < days.length; i++) expect(days[i] - days[i - 1]).toBeLessThanOrEqual(1.05)
    const visible = [...w.sim.visibleText()].join('\n')
    for (const secret of w.secrets()) expect(visible).not.toContain(secret)
})

test('keep-alive on with the 365-day consent limit: one expiring alert before it, broken once, a new consent restores health', async () => {
    const w = (world = await connectedWorld())
    const start = w.sim.clock.nowMs()
    w.advanceWithJobs(400 * DAY)
    const sent = emailDays(w, start)
    const expiring = sent.filter((s) => s.event === 'x_jira_connect.refresh_token.expiring')
    const broken = sent.filter((s) => s.event === 'x_jira_connect.connection.broken')
    expect(expiring).toHaveLength(1)
    expect(expiring[0].day).toBeGreaterThanOrEqual(350)
    expect(expiring[0].day).toBeLessThan(365)
    expect(expiring[0].email.body).toMatch(/consent/)
    expect(broken).toHaveLength(1)
    expect(broken[0].day).toBeGreaterThanOrEqual(365)
    expect(healthRow(w).last_finding_code).toBe('token.access/consent_expired')
    await w.getOAuthToken('accept')
    w.advanceWithJobs(20 * DAY)
    const after = emailDays(w, start)
    expect(after.filter((s) => s.event === 'x_jira_connect.connection.recovered')).toHaveLength(1)
    expect(after.filter((s) => s.event === 'x_jira_connect.connection.broken')).toHaveLength(1)
    expect(healthRow(w).verdict).toBe('healthy')
})

test('basic auth from the template: one API-token warning, 30 days before the token is a year old', async () => {
    const w = (world = await World.start({ source: e2eSource() }))
    w.addAppAdmin()
    w.pickTemplate(TEMPLATE.legacyToken)
    w.sim.admin.setField('http_connection', w.ids.connection, 'active', false)
    const { connection } = w.sim.admin.createConnectionFromTemplate(w.ids.alias, {
        'connection.name': 'Jira Cloud acme (API token)',
        'connection.connection_url': `https://${w.siteHost}`,
        'credential.user_name': w.email,
        'credential.password': w.apiToken,
    })
    const start = w.sim.clock.nowMs()
    w.advanceWithJobs(350 * DAY)
    const sent = emailDays(w, start).filter((s) => s.event === 'x_jira_connect.api_token.expiring')
    expect(sent).toHaveLength(1)
    expect(sent[0].day).toBe(335)
    expect(sent[0].email.subject).toBe('Jira connection "Jira Cloud acme (API token)": API token expiring')
    expect(sent[0].email.body).toMatch(/expires in (29|30) days or earlier/)
    expect(sent[0].email.body).toMatch(/id\.atlassian\.com/)
    const row = w.sim.one(HEALTH, { subject_sys_id: connection.sys_id })
    // 'warning': a classic API token is legacy (the validator's config.auth_method warning), not broken.
    expect(row).toMatchObject({
        verdict: 'warning',
        credential_kind: 'basic',
        api_token_set_basis: 'credential created (the token may be newer)',
    })
    expect(Number(row.api_token_age_days)).toBeGreaterThanOrEqual(349)
    const visible = [...w.sim.visibleText(), ...w.sim.eventManager.emails.map((e) => e.body)].join('\n')
    expect(visible).not.toContain(w.apiToken)
})
