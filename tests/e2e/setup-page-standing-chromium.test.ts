/**
 * Where each way in stands (docs/auth-standing.md) on the setup page, in headless Chromium, from the shipped package
 * on the simulated instance, Atlassian played by the emulator. A classic API token connection is live: the health view
 * and the token path's validation say "Not compliant", and "Move to a service account" opens the service-account
 * path with the focus on its first field and the site filled in. Completing it validates the service account while
 * the token connection stays live; Make this the live connection switches, and the standing is then "Recommended".
 * x_jira_connect.admin sees the standing without the button (the move saves). axe-core: no violation on any view; no
 * secret in the DOM.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { APP_ADMIN, SetupClient } from '../../harness/glide-simulator/setup-client'
import { Admin, expectAccessible, expectNoSecret, focused, pageTests, world } from './setup-page-driver'

pageTests()

/** The API-token path's save and switch, through the setup API (the setup the page starts from). */
async function classicTokenLive(): Promise<string> {
    const api = new SetupClient(world.sim, ADMIN_USER)
    const saved = await api.api('PUT', 'api-token', { site: 'acme-jcc', email: world.email, apiToken: world.apiToken })
    expect(saved.status).toBe(200)
    const sysId = (saved.json!.result as { connectionSysId: string }).connectionSysId
    const live = await api.api('POST', 'activate', { connectionSysId: sysId })
    expect((live.json!.result as { outcome: string }).outcome).toBe('activated')
    return sysId
}

const active = (sysId: string) => world.sim.read('http_connection', sysId)!.active

test('classic token: the health view says "Not compliant"; Move to a service account opens that path focused, with the site; completed and made live, the standing is "Recommended"', async () => {
    const token = await classicTokenLive()
    const admin = await Admin.open(world, ADMIN_USER, 'standing')
    await admin.openFromMenu('Setup: Connection Health')
    const tokenRow = admin.page.locator(`tr[data-connection="${token}"]`)
    const standing = tokenRow.locator('[data-standing]')
    await standing.waitFor({ timeout: 30000 })
    expect(await standing.getAttribute('data-standing')).toBe('standing_classic_token')
    expect(await standing.textContent()).toContain('Not compliant')
    expect(await standing.textContent()).toMatch(/does not comply with Atlassian security requirements/)
    // The service account's own row (never validated, inactive) is recommended: no move offered there.
    const saRow = admin.page.locator(`tr[data-connection="${world.ids.saConnection}"]`)
    expect(await saRow.locator('[data-standing]').getAttribute('data-standing')).toBe('standing_service_account')
    expect(await saRow.locator('[data-action="move-to-service-account"]').count()).toBe(0)
    expect(await tokenRow.locator('[data-action="move-to-service-account"]').getAttribute('aria-label')).toMatch(
        /^Move to a service account \(from Jira Cloud acme-jcc/
    )
    await expectAccessible(admin, 'health view with standings')
    await admin.shot('health-not-compliant')

    await admin.keyPress(`tr[data-connection="${token}"] [data-action="move-to-service-account"]`, 'Move')
    await admin.page.locator('#clientId').waitFor()
    expect(await admin.page.locator('#way-service').isChecked()).toBe(true)
    await admin.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'clientId')
    expect((await focused(admin)).id).toBe('clientId')
    expect(await admin.page.locator('#site').inputValue()).toBe('acme-jcc')
    expect(new URL(admin.page.url()).searchParams.get('path')).toBe('service')
    await expectAccessible(admin, 'service-account path after the move')

    // Focus is on Client ID: type there, then the secret; the site is already filled in.
    await admin.keyType('#clientId', world.saClientId, 'paste client id')
    await admin.keyType('#clientSecret', world.saClientSecret, 'paste secret')
    await admin.keyPress('[data-action="save-service-account"]', 'Save and validate')
    const verdict = admin.page.locator('[data-verdict="warn"]')
    await verdict.waitFor({ timeout: 30000 })
    const saStanding = verdict.locator('[data-standing]')
    expect(await saStanding.getAttribute('data-standing')).toBe('standing_service_account')
    expect(await saStanding.textContent()).toContain('Recommended')
    expect(await verdict.locator('[data-action="move-to-service-account"]').count()).toBe(0)
    // Validate before switching: the token connection is still the live one.
    expect(active(token)).toBe('true')
    expect(active(world.ids.saConnection)).toBe('false')

    await admin.keyPress('[data-action="make-live"]', 'Make this the live connection')
    await admin.page.locator('[data-activation="activated"]').waitFor({ timeout: 30000 })
    expect(active(world.ids.saConnection)).toBe('true')
    expect(active(token)).toBe('false')
    await expectAccessible(admin, 'service account live')
    // From a live classic token to a live service account: 6 admin actions inside ServiceNow, by keyboard alone.
    expect(admin.actions).toEqual([
        'menu: Setup: Connection Health',
        'key: Move',
        'type: paste client id',
        'type: paste secret',
        'key: Save and validate',
        'key: Make this the live connection',
    ])

    await admin.click('nav a[href="?view=health"]', 'Connection health')
    const liveRow = admin.page.locator(`tr[data-connection="${world.ids.saConnection}"]`)
    await liveRow.locator('[data-standing]').waitFor({ timeout: 30000 })
    expect(await liveRow.locator('[data-standing]').getAttribute('data-standing-level')).toBe('recommended')
    expect(await liveRow.locator('[data-standing]').textContent()).toContain('Recommended')
    expect(await liveRow.textContent()).not.toContain('inactive')
    expect(await tokenRow.textContent()).toContain('inactive')
    await expectAccessible(admin, 'health view after the move')
    await admin.shot('health-recommended')
    await expectNoSecret(admin)
})

test('classic token: the token path\'s validation result says "Not compliant" and its Move button focuses the service account\'s first field', async () => {
    await classicTokenLive()
    const admin = await Admin.open(world, ADMIN_USER, 'standing-token-path')
    await admin.openFromMenu()
    await admin.click('#way-token', 'path: API token')
    await admin.click('[data-action="validate"]', 'Validate')
    const verdict = admin.page.locator('[data-verdict="warn"]')
    await verdict.waitFor({ timeout: 30000 })
    const standing = verdict.locator('[data-standing="standing_classic_token"]')
    expect(await standing.textContent()).toContain('Not compliant')
    // The standing is information: the only warning is the legacy token's.
    expect(
        await verdict
            .locator('ul[aria-label="Checks to fix"] li')
            .evaluateAll((l) => l.map((x) => x.getAttribute('data-check')))
    ).toEqual(['config.auth_method'])
    await expectAccessible(admin, 'token path not compliant')
    await standing.locator('[data-action="move-to-service-account"]').click()
    await admin.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'clientId')
    expect(await admin.page.locator('#site').inputValue()).toBe('acme-jcc')
    await expectAccessible(admin, 'service-account path from the token path')
    await expectNoSecret(admin)
})

test('x_jira_connect.admin sees the standing but no Move button (the move saves: admin only)', async () => {
    const token = await classicTokenLive()
    const admin = await Admin.open(world, APP_ADMIN, 'standing-app-admin')
    await admin.openFromMenu('Setup: Connection Health')
    const standing = admin.page.locator(`tr[data-connection="${token}"] [data-standing]`)
    await standing.waitFor({ timeout: 30000 })
    expect(await standing.textContent()).toContain('Not compliant')
    expect(await admin.page.locator('[data-action="move-to-service-account"]').count()).toBe(0)
    await expectAccessible(admin, 'health view, app admin')
})

test('a 3LO app of your own on the gateway URL: "Allowed …, flagged"; the move fills in the site Jira named in the validation', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    const admin = await Admin.open(world, ADMIN_USER, 'standing-3lo')
    await admin.openFromMenu()
    await admin.click('#way-oauth', 'path: OAuth')
    await admin.click('[data-action="validate"]', 'Validate')
    const verdict = admin.page.locator('[data-verdict="pass"]')
    await verdict.waitFor({ timeout: 30000 })
    const standing = verdict.locator('[data-standing="standing_own_3lo_app"]')
    expect(await standing.getAttribute('data-standing-level')).toBe('allowed')
    expect(await standing.textContent()).toContain('Allowed for your own site, flagged for distributed apps')
    expect(await standing.textContent()).toContain('[inference')
    await expectAccessible(admin, '3LO allowed, flagged')
    // The connection URL names only the cloud id: the site comes from Jira's own answer (serverInfo) in this run.
    await standing.locator('[data-action="move-to-service-account"]').click()
    await admin.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'clientId')
    expect(await admin.page.locator('#site').inputValue()).toBe('acme-jcc')
    // Nothing was switched or saved by the move itself.
    expect(active(world.ids.connection)).toBe('true')
    expect(active(world.ids.saConnection)).toBe('false')
})
