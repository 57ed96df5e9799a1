/**
 * The "Jira → ServiceNow" section on the setup page (issue 19 §4), in headless Chromium, from the shipped package on
 * the simulated instance with Atlassian played by the emulator: a dynamic webhook pointing at this instance (its
 * callback token in the query), one at another ServiceNow instance (a clone keeps production's URLs), and a delivery
 * to this instance Jira gave up on. The health view and the validation result show each webhook, where it points,
 * its expiry and last failure, and the fix; a table with headers, an h3 under the view's h2; axe clean; no token.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { World, e2eSource } from '../../harness/glide-simulator/world'
import { Admin, expectAccessible, expectNoSecret } from './setup-page-driver'
import { SetupClient } from '../../harness/glide-simulator/setup-client'
import { installJiraSpoke } from '../../harness/glide-simulator/spoke-tables'
import { connectSecondSite } from './second-site'

jest.setTimeout(180000)

const DAY = 86400000
const TOKEN = 'cbQueryTok3n5e4d3c2b1a0f9e8d7c6b'
const PROD = 'https://acme.service-now.com/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry'

let world: World
let admin: Admin | null = null

beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
})
afterEach(async () => {
    await admin?.close()
    admin = null
    await world.close()
})

function register(url: string): number {
    const token = world.sim.storedTokens(world.ids.credential, world.ids.profile)!.accessToken!
    const r = world.network.request({
        method: 'POST',
        url: `https://api.atlassian.com/ex/jira/${world.cloudId}/rest/api/2/webhook`,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ url, webhooks: [{ events: ['jira:issue_updated'], jqlFilter: 'project = ACME' }] }),
        timeoutMs: 5000,
    })
    if (!r.ok || r.status !== 200) throw new Error(`register failed: ${JSON.stringify(r)}`)
    return JSON.parse(r.body).webhookRegistrationResult[0].createdWebhookId
}

async function setUp(): Promise<{ hereId: number; prodId: number; here: string; expires: string }> {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    const here = `${world.sim.instanceUrl.replace(/\/$/, '')}/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry`
    const hereId = register(`${here}?token=${TOKEN}`)
    const prodId = register(`${PROD}?token=${TOKEN}`)
    world.emu.webhooks.setReceiverDown(world.sim.instanceUrl.replace(/\/$/, ''), true)
    world.emu.webhooks.fireEvent(world.cloudId, 'jira:issue_updated')
    return { hereId, prodId, here, expires: new Date(world.emu.now() + 30 * DAY).toISOString().slice(0, 10) }
}

/** The section's webhook table: one row pointing here with its expiry and failing delivery, one at another instance. */
async function expectSection(section: ReturnType<Admin['page']['locator']>, ids: Awaited<ReturnType<typeof setUp>>) {
    const headers = await section.locator('table thead th').allTextContents()
    expect(headers).toEqual(['Webhook', 'Points at', 'Expiry', 'Last failure', 'Problem'])
    const mine = section.locator(`tr[data-webhook="Dynamic webhook ${ids.hereId}"]`)
    expect(await mine.getAttribute('data-destination')).toBe('here')
    expect(await mine.locator('td').nth(0).textContent()).toBe(`this instance${ids.here}`)
    expect(await mine.locator('[data-expiry]').textContent()).toBe(`expires on ${ids.expires}`)
    expect(await mine.locator('[data-last-failure]').getAttribute('data-last-failure')).toBe('failing')
    expect(await mine.locator('[data-last-failure]').textContent()).toMatch(
        /^last failure \d{4}-\d\d-\d\d \d\d:\d\d UTC$/
    )
    const prod = section.locator(`tr[data-webhook="Dynamic webhook ${ids.prodId}"]`)
    expect(await prod.getAttribute('data-destination')).toBe('other_instance')
    expect(await prod.locator('td').nth(0).textContent()).toBe(`another instance (acme.service-now.com)${PROD}`)
    expect(await prod.locator('td').nth(3).textContent()).toBe('points at acme.service-now.com, not this instance')
    // The fix of each finding, failures before warnings; no check id.
    const other = section.locator('[data-inbound-finding="other_instance"]')
    expect(await other.locator('[data-fix]').textContent()).toMatch(/^Fix: If this instance should receive Jira events/)
    const failing = section.locator('[data-inbound-finding="deliveries_failing"]')
    expect(await failing.locator('[data-fix]').textContent()).toMatch(/^Fix: Check the callback on this instance/)
    expect(await section.textContent()).not.toMatch(/inbound\.|deliveries_failing|other_instance/)
}

test('the health view: each webhook, where it points, its expiry, its last failure, and the fix', async () => {
    const ids = await setUp()
    admin = await Admin.open(world, ADMIN_USER, 'inbound-health')
    await admin.openFromMenu('Setup: Connection Health')
    await admin.page.locator(`tr[data-connection="${world.ids.connection}"]`).waitFor()
    await admin.click('[data-action="validate-all"]', 'Validate all')
    const section = admin.page.locator('section[data-inbound-section]')
    await section.waitFor({ timeout: 30000 })
    expect(await section.locator('h3').textContent()).toMatch(/^Jira → ServiceNow \(.+\)$/)
    expect(await section.locator('[data-inbound-summary]').textContent()).toMatch(
        /^2 webhooks \(1 pointing at this instance\); 1 failed delivery to this instance, the last at /
    )
    // The row keeps the latest section that reached Jira: it says when that was (here: this Validate all).
    const checked = await section.locator('[data-inbound-checked]').textContent()
    expect(checked).toMatch(/^Checked \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/)
    await expectSection(section, ids)
    await expectAccessible(admin, 'health view, Jira → ServiceNow')
    await admin.shot('inbound-health')
    await expectNoSecret(admin, [TOKEN])
})

test('the validation result: the same section after the outbound result', async () => {
    const ids = await setUp()
    admin = await Admin.open(world, ADMIN_USER, 'inbound-validate')
    await admin.openFromMenu()
    await admin.click('#way-oauth', 'path')
    await admin.click('[data-action="validate"]')
    await admin.page.locator('[data-verdict="warn"]').waitFor({ timeout: 30000 })
    const section = admin.page.locator('[data-verdict="warn"] section[data-inbound-section]')
    await section.waitFor()
    expect(await section.locator('h3').textContent()).toBe('Jira → ServiceNow')
    await expectSection(section, ids)
    await expectAccessible(admin, 'validation result, Jira → ServiceNow')
    await admin.shot('inbound-validate')
    await expectNoSecret(admin, [TOKEN])
})

test('the health view with two connections: the Jira spoke side on one row, the other row says where it is', async () => {
    world.configureOAuth()
    const other = await connectSecondSite(world, new SetupClient(world.sim, ADMIN_USER))
    const spoke = installJiraSpoke(world.sim)
    spoke.registry({ name: 'Jira webhook', token: spoke.token({ name: 'Jira token', token: TOKEN }), type: 'token' })
    spoke.trigger({ name: 'Jira External Trigger', runAs: spoke.user('jira.webhook', [], false) })
    const main = world.sim.read('http_connection', world.ids.connection)!.name
    admin = await Admin.open(world, ADMIN_USER, 'inbound-two-rows')
    await admin.openFromMenu('Setup: Connection Health')
    await admin.page.locator(`tr[data-connection="${other.sysId}"]`).waitFor()
    await admin.click('[data-action="validate-all"]', 'Validate all')
    const mine = admin.page.locator(`section[data-inbound-section="${main}"]`)
    const theirs = admin.page.locator(`section[data-inbound-section="${other.name}"]`)
    await mine.waitFor({ timeout: 30000 })
    await theirs.waitFor()
    // The Jira alias's connection carries the spoke's records and the one problem they have.
    const callbacks = mine.getByRole('list', { name: 'Callbacks on this instance' })
    expect(await callbacks.textContent()).toContain('Jira external trigger "Jira External Trigger"')
    expect(await mine.locator('[data-inbound-finding="run_as_inactive"] [data-fix]').textContent()).toMatch(
        /^Fix: In Workflow Studio > Integrations > Inbound > Jira Spoke/
    )
    // The other connection's section: no copy of that problem, a sentence naming the row that has it.
    expect(await theirs.locator('[data-inbound-finding="run_as_inactive"]').count()).toBe(0)
    expect(await theirs.getByRole('list', { name: 'Callbacks on this instance' }).textContent()).toBe(
        "The Jira spoke's records on this instance are one for every connection: the health check reads them once " +
            `per run and shows them, with their problems, on the row of "${main}".`
    )
    const verdict = (sysId: string) =>
        admin!.page.locator(`tr[data-connection="${sysId}"] td[data-verdict]`).getAttribute('data-verdict')
    expect([await verdict(world.ids.connection), await verdict(other.sysId)]).toEqual(['broken', 'healthy'])
    await expectAccessible(admin, 'health view, two connections, Jira → ServiceNow')
    await admin.shot('inbound-two-rows')
    await expectNoSecret(admin, [TOKEN])
})
