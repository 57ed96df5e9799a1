/**
 * An action's outcome shows with the state it describes, and with the focus on it, in headless Chromium against the
 * shipped package. After Save or "Make this the live connection" the page reloads its state; the setup page's answer
 * to the admin ("saved", "is now the live connection") used to render before that reload, next to the old badges
 * and notices, and the focus moved only once the reload ended: the truth tests read that in-between page under load
 * (badges 'Needs attention' beside "is now the live connection"). Here the state reload is slowed to 1.5 s, so an
 * outcome shown before its state, or before the focus, is seen every time, not once in a few loaded runs.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { Admin, badges, focused, pageTests, world } from './setup-page-driver'

pageTests()

/** Every later GET of the page's state answers 1.5 s late (the page's own reload after an action). */
async function slowStateReload(a: Admin): Promise<void> {
    await a.page.route('**/api/x_jira_connect/setup/state', async (route) => {
        await new Promise((r) => setTimeout(r, 1500))
        await route.continue()
    })
}

test('3LO: "Client ID and secret saved" shows with step 2 Done and the "set on" line, and has the focus', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'order-3lo')
    await admin.openFromMenu()
    await admin.click('#way-oauth', 'path')
    await admin.page.locator('#step-1-title').waitFor()
    await slowStateReload(admin)
    await admin.fill('#clientId', world.clientId)
    await admin.fill('#clientSecret', world.clientSecret)
    await admin.click('[data-action="save-oauth-client"]')
    await admin.page.locator('span.saved[data-outcome]', { hasText: 'Client ID and secret saved' }).waitFor()
    expect((await focused(admin)).text).toContain('Client ID and secret saved')
    expect(await badges(admin)).toEqual(['To do', 'Done', 'To do', 'To do', 'To do'])
    expect(await admin.page.locator('[data-set-on="Client ID and secret"]').count()).toBe(1)
})

test('API token: the Save notice shows with step 2 Done, and has the focus', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'order-token')
    await admin.openFromMenu()
    await admin.click('#way-token', 'path')
    await admin.page.locator('#step-1-title').waitFor()
    await slowStateReload(admin)
    await admin.fill('#site', 'acme-jcc')
    await admin.fill('#email', world.email)
    await admin.fill('#apiToken', world.apiToken)
    await admin.click('[data-action="save-api-token"]')
    await admin.page.getByText(`Saved: the API-token connection points at https://${world.siteHost}`).waitFor()
    expect((await focused(admin)).text).toContain('Saved: the API-token connection points at')
    expect(await badges(admin)).toEqual(['To do', 'Done', 'To do'])
})

test('service account: "is now the live connection" shows with the badges and Save notice of a live connection, and has the focus', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'order-live')
    await admin.openFromMenu()
    await admin.click('#way-service', 'path')
    await admin.fill('#clientId', world.saClientId)
    await admin.fill('#clientSecret', world.saClientSecret)
    await admin.fill('#site', `https://${world.siteHost}/jira/your-work`)
    await admin.click('[data-action="save-service-account"]')
    await admin.page.locator('[data-verdict="warn"]').waitFor({ timeout: 30000 })
    await slowStateReload(admin)
    await admin.click('[data-action="make-live"]')
    await admin.page.locator('[data-activation="activated"]').waitFor({ timeout: 30000 })
    expect(await badges(admin)).toEqual(['Done', 'Done', 'Done'])
    const notice = admin.page.locator('form:has([data-action="save-service-account"]) p[role="status"]')
    expect(await notice.textContent()).toMatch(/It is the live connection now\.$/)
    expect((await focused(admin)).text).toMatch(/is now the live connection/)
})
