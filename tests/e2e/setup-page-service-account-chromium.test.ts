/**
 * The setup page's service-account path in headless Chromium, served by the simulated instance from the shipped
 * package, Atlassian (tenant_info, the client-credentials token, Jira) played by the emulator. From a fresh install to
 * a green validation by keyboard alone, counting the admin's actions inside ServiceNow; then the failures an admin
 * meets: a wrong secret, an unknown site, a credential created without every scope. axe-core runs on every view; no
 * secret may reach the DOM, a request body, a readable column or a log.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { Admin, expectAccessible, expectNoSecret, makeLiveByKeyboard, pageTests, world } from './setup-page-driver'

pageTests()

const gatewayUrl = () => `https://api.atlassian.com/ex/jira/${world.cloudId}`

/** Opens the page and the service-account path with the mouse (for the failure tests; not counted there). */
async function openPath(a: Admin): Promise<void> {
    await a.openFromMenu()
    await a.click('#way-service', 'path: Service account')
    await a.page.locator('#clientId').waitFor()
}

test('service account from a fresh install to live by keyboard alone: validated while inactive, then made live, 7 admin actions, axe clean, no secret shown', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'sa')
    await admin.openFromMenu()
    await admin.page.locator('#way-service').waitFor()
    await admin.keyPress('#way-service', 'path: Service account', 'Space')
    await admin.page.locator('#clientId').waitFor()
    expect(await admin.page.locator('[data-scopes="sa-classic"] code').allTextContents()).toEqual([
        'manage:jira-configuration',
        'manage:jira-project',
        'manage:jira-webhook',
        'read:jira-work',
        'read:jira-user',
        'write:jira-work',
    ])
    expect(await admin.page.locator('[data-scopes="sa-granular"] code').count()).toBe(7)
    // No callback URL on this path; the page says saving does not switch, and which connection stays live.
    expect(await admin.page.locator('[data-copy="callback"]').count()).toBe(0)
    expect(await admin.page.locator('#sa-activates').textContent()).toContain(
        'it does not switch. "Jira Cloud OAuth Connection" stays live until you make the service account the live ' +
            'connection after it passes.'
    )
    await expectAccessible(admin, 'service-account path')
    await admin.shot('service-account-path')

    await admin.keyType('#clientId', world.saClientId, 'paste client id')
    await admin.keyType('#clientSecret', world.saClientSecret, 'paste secret')
    await admin.keyType('#site', 'acme-jcc', 'type site')
    await admin.keyPress('[data-action="save-service-account"]', 'Save and validate')
    // Validated while inactive: everything passes but its being inactive.
    const verdict = admin.page.locator('[data-verdict="warn"]')
    await verdict.waitFor({ timeout: 30000 })
    expect(await admin.page.getByText(`now points at ${gatewayUrl()}`).count()).toBe(1)
    await admin.page.locator('[data-set-on="Client ID and secret"]').waitFor()
    expect(await admin.page.locator('#clientSecret').inputValue()).toBe('')
    expect(world.sim.read('http_connection', world.ids.saConnection)).toMatchObject({
        active: 'false',
        connection_url: gatewayUrl(),
    })
    expect(world.sim.read('http_connection', world.ids.connection)!.active).toBe('true')
    expect(
        await verdict
            .locator('ul[aria-label="Checks to fix"] li')
            .evaluateAll((l) => l.map((x) => x.getAttribute('data-check')))
    ).toEqual(['config.connection.present'])
    await makeLiveByKeyboard(admin, 'Jira Cloud OAuth Connection', world.ids.saConnection)
    expect(await admin.page.locator(`[data-switch-back="${world.ids.connection}"]`).count()).toBe(1)
    expect(world.sim.read('http_connection', world.ids.saConnection)!.active).toBe('true')
    expect(world.sim.read('http_connection', world.ids.connection)!.active).toBe('false')
    await expectAccessible(admin, 'service account green')
    await admin.shot('service-account-green')
    await expectNoSecret(admin)
    expect(admin.actions).toEqual([
        'menu: Setup',
        'key: path: Service account',
        'type: paste client id',
        'type: paste secret',
        'type: type site',
        'key: Save and validate',
        'key: Make this the live connection',
    ])
})

test('wrong secret does not take production down: the working 3LO connection stays live, the page shows the failing check, its fix and step 2, and offers no switch but an explicit "anyway"', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    const admin = await Admin.open(world, ADMIN_USER, 'sa-wrong-secret')
    await openPath(admin)
    const wrong = `${world.saClientSecret}x`
    await admin.fill('#clientId', world.saClientId)
    await admin.fill('#clientSecret', wrong)
    await admin.fill('#site', 'acme-jcc')
    await admin.click('[data-action="save-service-account"]')
    await admin.page.locator('[data-verdict="fail"]').waitFor({ timeout: 30000 })
    const failing = admin.page.locator('[data-check="token.access"][data-status="fail"]')
    await failing.waitFor()
    expect(await failing.textContent()).toContain('refused the client id and secret')
    expect(await failing.textContent()).toContain('Create a new OAuth 2.0 credential')
    expect(await failing.locator('a[href="#step-2"]').textContent()).toBe('Go to step 2')
    const registry = `a[href="/oauth_entity.do?sys_id=${world.ids.saRegistry}"]`
    expect(await failing.locator(registry).count()).toBe(1)
    expect(
        await admin.page
            .locator('ul[aria-label="Checks to fix"] li')
            .evaluateAll((l) => l.map((x) => x.getAttribute('data-check')))
    ).toEqual(expect.arrayContaining(['token.access']))
    expect(world.sim.storedTokens(world.ids.saCredential, world.ids.saProfile)).toBeNull()
    // Production untouched: the 3LO connection is still the live one, and the page says so.
    expect(world.sim.read('http_connection', world.ids.connection)!.active).toBe('true')
    expect(world.sim.read('http_connection', world.ids.saConnection)!.active).toBe('false')
    expect(await admin.page.locator('[data-live]').getAttribute('data-live')).toBe(world.ids.connection)
    expect(await admin.page.locator('[data-action="make-live"]').isDisabled()).toBe(true)
    expect(await admin.page.locator('[data-action="force-live"]').count()).toBe(1)
    await expectAccessible(admin, 'wrong secret')
    await admin.shot('service-account-wrong-secret')
    await expectNoSecret(admin, [wrong])
})

test('unknown site: the error is at the site field (aria-invalid, described by the message) and nothing is saved', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'sa-site-unknown')
    await openPath(admin)
    const before = JSON.stringify([world.sim.query('oauth_entity'), world.sim.query('http_connection')])
    await admin.fill('#clientId', world.saClientId)
    await admin.fill('#clientSecret', world.saClientSecret)
    await admin.fill('#site', 'acme-jcc-typo')
    await admin.click('[data-action="save-service-account"]')
    const error = admin.page.locator('#site-error')
    await error.waitFor()
    expect(await error.textContent()).toContain('No Jira Cloud site answers at https://acme-jcc-typo.atlassian.net')
    const site = admin.page.locator('#site')
    expect(await site.getAttribute('aria-invalid')).toBe('true')
    expect((await site.getAttribute('aria-describedby'))!.split(' ')).toContain('site-error')
    expect(await admin.page.locator('#clientId').getAttribute('aria-invalid')).toBeNull()
    expect(await admin.page.locator('[data-verdict]').count()).toBe(0)
    expect(JSON.stringify([world.sim.query('oauth_entity'), world.sim.query('http_connection')])).toBe(before)
    await expectAccessible(admin, 'site unknown')
    await admin.shot('service-account-site-unknown')
    // The pasted secret stays in its masked field so that fixing the site is one more click, not two pastes; it is in
    // no markup, request body, readable column or log.
    expect(await admin.page.locator('#clientSecret').getAttribute('type')).toBe('password')
    const markup = await admin.page.evaluate(() => document.documentElement.outerHTML)
    const elsewhere = [markup, ...world.sim.web.requests.map((r) => r.body), ...world.sim.visibleText()].join('\n')
    for (const secret of world.secrets()) expect(elsewhere).not.toContain(secret)
})

test('scope missing on the Atlassian credential: Jira refuses; the failing check points at the scopes of step 1, each one copyable', async () => {
    const few = { clientId: 'sa-fewscopes-0123456789', clientSecret: 'sa-fewscopes-secret-0123456789' }
    world.emu.createServiceAccountCredential({
        ...few,
        accountId: world.saAccountId,
        scopes: ['read:jira-work', 'write:jira-work'],
    })
    const admin = await Admin.open(world, ADMIN_USER, 'sa-scope-missing')
    await openPath(admin)
    await admin.fill('#clientId', few.clientId)
    await admin.fill('#clientSecret', few.clientSecret)
    await admin.fill('#site', 'acme-jcc')
    await admin.click('[data-action="save-service-account"]')
    await admin.page.locator('[data-verdict="fail"]').waitFor({ timeout: 30000 })
    const failing = admin.page.locator('[data-check="jira.myself"][data-status="fail"]')
    await failing.waitFor()
    expect(await failing.textContent()).toMatch(/scope/i)
    expect(await admin.page.locator('#step-1-title').textContent()).toContain('Failed')
    await failing.locator('a[href="#step-1"]').click()
    await admin.click('button[aria-label="Copy manage:jira-configuration"]', 'copy a scope')
    expect(await admin.page.evaluate(() => navigator.clipboard.readText())).toBe('manage:jira-configuration')
    await expectAccessible(admin, 'scope missing')
    await admin.shot('service-account-scope-missing')
    await expectNoSecret(admin, [few.clientSecret])
})

test('a new secret Atlassian refuses while an older token is stored: the page shows the refusal instead of validating on the old token', async () => {
    world.configureServiceAccount()
    expect(world.getServiceAccountToken().outcome).toBe('token stored')
    const admin = await Admin.open(world, ADMIN_USER, 'sa-token-refused')
    await openPath(admin)
    await admin.page.locator('[data-set-on="Client ID and secret"]').waitFor()
    const wrong = `${world.saClientSecret}x`
    await admin.fill('#clientId', world.saClientId)
    await admin.fill('#clientSecret', wrong)
    await admin.fill('#site', 'acme-jcc')
    await admin.click('[data-action="save-service-account"]')
    const alert = admin.page.locator('form [role="alert"]')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Atlassian refused these client ID and secret')
    expect(await admin.page.locator('[data-verdict]').count()).toBe(0)
    await expectAccessible(admin, 'token refused')
    await admin.shot('service-account-token-refused')
    await expectNoSecret(admin, [wrong])
})
