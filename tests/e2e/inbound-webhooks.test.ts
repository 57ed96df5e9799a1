/**
 * Jira → ServiceNow over 120 simulated days, from the shipped package in the Glide simulator with the Atlassian
 * emulator on one fake clock. A dynamic webhook is registered the way the Jira spoke's Subscribe Webhook action does
 * it (POST /rest/api/2/webhook with the connection's token), pointing at this instance's spoke callback; the admin
 * clicks "Validate all Jira connections" once; then only the app's hourly health job runs. Jira delivers an issue event
 * every day, and the emulator records whether each reached the instance's URL.
 */
import { World, e2eSource } from '../../harness/glide-simulator/world'

const DAY = 86400000
const HEALTH = 'x_jira_connect_connection_health'
const BROKEN = 'x_jira_connect.connection.broken'

let world: World | null = null
afterEach(async () => {
    if (world) await world.close()
    world = null
})

async function withWebhook(): Promise<{ w: World; callback: string; start: number }> {
    const w = (world = await World.start({ source: e2eSource() }))
    w.addAppAdmin()
    w.configureOAuth()
    expect((await w.getOAuthToken('accept')).text).toMatch(/stored/)
    const callback = `${w.sim.instanceUrl.replace(/\/$/, '')}/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry`
    const token = w.sim.storedTokens(w.ids.credential, w.ids.profile)!.accessToken!
    const r = w.network.request({
        method: 'POST',
        url: `https://api.atlassian.com/ex/jira/${w.cloudId}/rest/api/2/webhook`,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
            url: callback,
            webhooks: [{ events: ['jira:issue_updated'], jqlFilter: 'project = ACME' }],
        }),
        timeoutMs: 5000,
    })
    expect(r.ok && r.status === 200 && JSON.parse(r.body).webhookRegistrationResult[0].createdWebhookId).toBeTruthy()
    const clicked = w.sim.admin.clickUiAction('sys_alias', w.ids.alias, 'Validate all Jira connections')
    expect(clicked.exception).toBeNull()
    expect(w.sim.one(HEALTH, { subject_sys_id: w.ids.connection }).next_expiry_what).toMatch(/^Jira webhook/)
    return { w, callback, start: w.sim.clock.nowMs() }
}

/** Advances day by day with the jobs running; Jira fires one issue event a day. Returns the day of each delivery. */
function liveDays(w: World, days: number, start: number): { delivered: number[]; missed: number[] } {
    const delivered: number[] = []
    const missed: number[] = []
    for (let d = 0; d < days; d++) {
        w.advanceWithJobs(DAY)
        const day = Math.round((w.sim.clock.nowMs() - start) / DAY)
        const out = w.emu.webhooks.fireEvent(w.cloudId, 'jira:issue_updated')
        if (out.some((x) => x.kind === 'dynamic' && x.delivered)) delivered.push(day)
        else missed.push(day)
    }
    return { delivered, missed }
}

function emailDays(w: World, start: number) {
    return w.sim.eventManager.emails.map((email) => ({
        event: email.event,
        day: (Date.parse(email.at.replace(' ', 'T') + 'Z') - start) / DAY,
        email,
    }))
}

test('with the app: the webhook stays alive for 120 days, refreshed at most once a day, and no alert fires', async () => {
    const { w, start } = await withWebhook()
    const { delivered, missed } = liveDays(w, 120, start)
    expect(missed).toEqual([])
    expect(delivered).toHaveLength(120)
    expect(w.sim.eventManager.emails).toHaveLength(0)
    const refreshes = w.emu.requestsTo('webhook-refresh')
    // 30-day life, refreshed in its last 7 days: about every 23 days, never twice on one day.
    expect(refreshes.length).toBeGreaterThanOrEqual(4)
    expect(refreshes.length).toBeLessThanOrEqual(6)
    const days = refreshes.map((r) => Math.floor((r.time - start) / DAY))
    expect(new Set(days).size).toBe(days.length)
    for (const r of refreshes) expect(r.status).toBe(200)
    const row = w.sim.one(HEALTH, { subject_sys_id: w.ids.connection })
    expect(row.verdict).toBe('healthy')
    expect(row.next_expiry_what).toMatch(/^Jira webhook #\d+/)
    // Nothing secret in what the instance shows or stores.
    const visible = [...w.sim.visibleText(), ...w.sim.eventManager.events.map((e) => `${e.parm1} ${e.parm2}`)].join(
        '\n'
    )
    for (const secret of w.secrets()) expect(visible).not.toContain(secret)
})

test('refresh refused by Jira: one alert before expiry, one at expiry, and deliveries stop at day 30', async () => {
    const { w, start } = await withWebhook()
    w.emu.setFault('webhook-refresh', {
        status: 403,
        body: JSON.stringify({ errorMessages: ['The app is not allowed to refresh webhooks.'], errors: {} }),
    })
    const { delivered, missed } = liveDays(w, 120, start)
    expect(delivered.length).toBeGreaterThanOrEqual(29)
    expect(Math.max(...delivered)).toBeLessThan(31)
    expect(missed[0]).toBeGreaterThanOrEqual(30)
    expect(missed).toHaveLength(120 - delivered.length)
    const broken = emailDays(w, start).filter((e) => e.event === BROKEN)
    expect(broken).toHaveLength(2)
    expect(broken[0].day).toBeGreaterThanOrEqual(22)
    expect(broken[0].day).toBeLessThan(30)
    expect(broken[0].email.body).toMatch(/did not refresh|refresh/i)
    expect(broken[1].day).toBeGreaterThanOrEqual(30)
    expect(broken[1].day).toBeLessThan(32)
    expect(broken[1].email.body).toMatch(/expired/)
    expect(emailDays(w, start)).toHaveLength(2)
    // At most one refresh attempt a day, and none once the webhook expired.
    const days = w.emu.requestsTo('webhook-refresh').map((r) => Math.floor((r.time - start) / DAY))
    expect(new Set(days).size).toBe(days.length)
    expect(Math.max(...days)).toBeLessThan(30)
    expect(w.sim.one(HEALTH, { subject_sys_id: w.ids.connection }).last_finding_code).toBe(
        'inbound.dynamic_webhooks/expired'
    )
})

test('refresh switched off (x_jira_connect.health.webhook_refresh = false): no refresh call, one alert before expiry, one at expiry, deliveries stop at day 30', async () => {
    const { w, start } = await withWebhook()
    w.setProperty('x_jira_connect.health.webhook_refresh', 'false')
    const { delivered, missed } = liveDays(w, 120, start)
    expect(w.emu.requestsTo('webhook-refresh')).toHaveLength(0)
    expect(Math.max(...delivered)).toBeLessThan(31)
    expect(missed[0]).toBeGreaterThanOrEqual(30)
    const broken = emailDays(w, start).filter((e) => e.event === BROKEN)
    expect(broken).toHaveLength(2)
    expect(broken[0].day).toBeGreaterThanOrEqual(22)
    expect(broken[0].day).toBeLessThan(30)
    expect(broken[0].email.body).toMatch(/switched off/)
    expect(broken[1].day).toBeGreaterThanOrEqual(30)
    expect(broken[1].day).toBeLessThan(32)
    expect(broken[1].email.body).toMatch(/expired/)
    expect(emailDays(w, start)).toHaveLength(2)
})
