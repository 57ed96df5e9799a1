/**
 * The "Jira → ServiceNow" section (issue 19 §4) from the shipped package in the Glide simulator, with Atlassian played
 * by the emulator: one dynamic webhook pointing at this instance's spoke callback (its token in the query, as a
 * token-based callback carries it), one at another ServiceNow instance (a clone keeps production's URLs), and a
 * delivery to this instance that Jira gave up on. "Validate Jira connection" shows the section as form messages after
 * the outbound result; the stored run keeps it (report text and inbound_json); Validate all keeps it on the health row
 * and the setup API's health view serves it. No callback token anywhere.
 */
import { World, e2eSource } from '../../harness/glide-simulator/world'

const DAY = 86400000
const RUN = 'x_jira_connect_validation_run'
const HEALTH = 'x_jira_connect_connection_health'
const TOKEN = 'cbQueryTok3n5e4d3c2b1a0f9e8d7c6b'
const PROD = 'https://acme.service-now.com/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry'

let world: World | null = null
afterEach(async () => {
    if (world) await world.close()
    world = null
})

function register(w: World, url: string): number {
    const token = w.sim.storedTokens(w.ids.credential, w.ids.profile)!.accessToken!
    const r = w.network.request({
        method: 'POST',
        url: `https://api.atlassian.com/ex/jira/${w.cloudId}/rest/api/2/webhook`,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ url, webhooks: [{ events: ['jira:issue_updated'], jqlFilter: 'project = ACME' }] }),
        timeoutMs: 5000,
    })
    if (!r.ok || r.status !== 200) throw new Error(`register failed: ${JSON.stringify(r)}`)
    return JSON.parse(r.body).webhookRegistrationResult[0].createdWebhookId
}

test('the section in the form messages, the stored run and the health row: where each webhook points, its expiry, its last failure, the fix', async () => {
    const w = (world = await World.start({ source: e2eSource() }))
    w.addAppAdmin()
    w.configureOAuth()
    expect((await w.getOAuthToken('accept')).text).toMatch(/stored/)
    const here = `${w.sim.instanceUrl.replace(/\/$/, '')}/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry`
    const hereId = register(w, `${here}?token=${TOKEN}`)
    const prodId = register(w, `${PROD}?token=${TOKEN}`)
    const expires = new Date(w.emu.now() + 30 * DAY).toISOString().slice(0, 10)
    w.emu.webhooks.setReceiverDown(w.sim.instanceUrl.replace(/\/$/, ''), true)
    w.emu.webhooks.fireEvent(w.cloudId, 'jira:issue_updated')

    const clicked = w.validate('sys_alias', w.ids.alias)
    expect(clicked.exception).toBeNull()
    // A warning only (another instance, failed deliveries): the block is info, after the outbound result.
    const start = clicked.info.findIndex((m) => m.indexOf('Jira → ServiceNow: ') === 0)
    expect(start).toBeGreaterThan(0)
    expect(clicked.info[0]).toMatch(/^Jira connection "Jira" works, with \d warnings?/)
    const block = clicked.info.slice(start)
    expect(block[0]).toMatch(/^Jira → ServiceNow: 2 webhooks \(1 pointing at this instance\); 1 failed delivery/)
    const hereLine = block.find((m) => m.indexOf(`Dynamic webhook ${hereId} `) === 0)
    expect(hereLine).toMatch(new RegExp(`→ this instance, ${here}: expires on ${expires}; last failure \\d{4}-`))
    const prodLine = block.find((m) => m.indexOf(`Dynamic webhook ${prodId} `) === 0)
    expect(prodLine).toContain('→ another instance (acme.service-now.com)')
    expect(prodLine).toContain('Problem: points at acme.service-now.com, not this instance.')
    expect(
        block.find((m) => /^Warning: dynamic webhooks of this OAuth app: .* Fix: If this instance/.test(m))
    ).toBeTruthy()
    expect(
        block.find((m) => /^Warning: the app's failed webhook deliveries: .* Fix: Check the callback/.test(m))
    ).toBeTruthy()
    expect(block.join('\n')).not.toMatch(/\(inbound\.|other_instance|deliveries_failing/)
    expect(clicked.info.slice(0, start).join('\n')).not.toMatch(/Jira → ServiceNow/)

    // The stored run carries the section: its text and its JSON.
    const run = w.sim.query(RUN, { target_sys_id: w.ids.alias }).pop()!
    expect(run.report).toContain(hereLine)
    expect(run.report).toContain(prodLine)
    const sections = JSON.parse(run.inbound_json)
    expect(sections[0].webhooks.map((h: { url: string; destination: string }) => [h.url, h.destination])).toEqual([
        [here, 'here'],
        [PROD, 'other_instance'],
    ])
    expect(sections[0].findings.map((f: { code: string }) => f.code)).toEqual(
        expect.arrayContaining(['other_instance', 'deliveries_failing'])
    )

    // Validate all keeps it on the health row; the setup page's health view serves it.
    const all = await w.validateAll()
    expect(all.status).toBe(200)
    const row = w.sim.one(HEALTH, { subject_sys_id: w.ids.connection })
    const kept = JSON.parse(row.inbound_json)
    expect(kept.webhooks).toHaveLength(2)
    expect(kept.failedDeliveries).toBe(1)
    const viewRow = (
        all.json!.result!.rows as Array<{ subjectSysId: string; inbound: { rows: unknown[] } | null }>
    ).find((r) => r.subjectSysId === w.ids.connection)!
    expect(viewRow.inbound!.rows).toEqual([
        expect.objectContaining({ where: 'this instance', url: here, expiry: `expires on ${expires}`, failing: true }),
        expect.objectContaining({ where: 'another instance (acme.service-now.com)', url: PROD, failing: false }),
    ])

    // No callback token (nor any other secret) in what the instance shows, stores or logs.
    const visible = [...w.sim.visibleText(), ...clicked.info, ...clicked.errors, JSON.stringify(all.json)].join('\n')
    for (const secret of [TOKEN, ...w.secrets()]) expect(visible).not.toContain(secret)
})
