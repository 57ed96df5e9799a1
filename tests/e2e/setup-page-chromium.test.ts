/**
 * The setup page in headless Chromium, served by the simulated instance from the shipped package (UI page, bundled
 * React assets, scripted REST API with session, roles and X-UserToken), Atlassian played by the emulator. Each test
 * walks an admin from a fresh install, counting the admin's actions inside ServiceNow, runs axe-core on every view and
 * checks that no secret reaches the DOM, a response or a log.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { APP_ADMIN, ITIL_USER } from '../../harness/glide-simulator/setup-client'
import {
    Admin,
    badges,
    consent,
    expectAccessible,
    expectNoSecret,
    focused,
    makeLiveByKeyboard,
    pageTests,
    world,
} from './setup-page-driver'

pageTests()

test('3LO from a fresh install to green: 8 admin actions, copy-ready callback URL, site picked by the app, axe clean', async () => {
    const admin = await Admin.open(world, ADMIN_USER, '3lo')
    await admin.openFromMenu()
    await admin.page.locator('legend', { hasText: 'How should ServiceNow sign in to Jira?' }).waitFor()
    await expectAccessible(admin, 'chooser')
    await admin.shot('chooser')

    await admin.click('#way-oauth', 'path: OAuth 2.0 (3LO)')
    await admin.page.locator('#step-1-title').waitFor()
    expect(await admin.page.locator('[data-copy="callback"]').inputValue()).toBe(world.sim.callbackUrl)
    expect(await admin.page.locator('[data-scopes="classic"] code').allTextContents()).toHaveLength(6)
    expect(await admin.page.locator('[data-scopes="granular"] code').allTextContents()).toHaveLength(7)
    await admin.click('button[aria-label="Copy Callback URL (this instance)"]', 'copy callback URL')
    expect(await admin.page.evaluate(() => navigator.clipboard.readText())).toBe(world.sim.callbackUrl)
    await expectAccessible(admin, '3LO path')
    await admin.shot('3lo-atlassian-app')

    await admin.fill('#clientId', world.clientId, 'paste client id')
    await admin.fill('#clientSecret', world.clientSecret, 'paste secret')
    await admin.click('[data-action="save-oauth-client"]', 'save client id and secret')
    await admin.page.locator('[data-set-on="Client ID and secret"]').waitFor()
    expect(await admin.page.locator('#clientSecret').inputValue()).toBe('')
    await expectNoSecret(admin)
    await admin.shot('3lo-secrets-saved')

    await consent(admin, '#accept', 'Get OAuth Token')
    await admin.page.locator('[data-token="present"]').waitFor()
    await admin.page.getByText("is now the connection's site").waitFor()
    expect(world.sim.read('http_connection', world.ids.connection)!.connection_url).toBe(
        `https://api.atlassian.com/ex/jira/${world.cloudId}`
    )
    await expectAccessible(admin, 'token and site')
    await admin.shot('3lo-token-and-site')

    await admin.click('[data-action="validate"]', 'Validate')
    await admin.page.locator('[data-verdict="pass"]').waitFor({ timeout: 30000 })
    await expectAccessible(admin, 'validation passed')
    await admin.shot('3lo-green')
    await expectNoSecret(admin)
    expect(admin.actions).toEqual([
        'menu: Setup',
        'click: path: OAuth 2.0 (3LO)',
        'click: copy callback URL',
        'fill: paste client id',
        'fill: paste secret',
        'click: save client id and secret',
        'click: Get OAuth Token',
        'click: Validate',
    ])
})

test('3LO by keyboard alone: Copy, secrets, Get OAuth Token (popup opened by Enter) and Validate, 8 admin actions', async () => {
    const admin = await Admin.open(world, ADMIN_USER, '3lo-keyboard')
    await admin.openFromMenu()
    await admin.page.locator('#way-service').waitFor()
    await admin.keyPress('#way-oauth', 'path: OAuth 2.0 (3LO)', 'Space')
    await admin.page.locator('#step-1-title').waitFor()
    await admin.keyPress('button[aria-label="Copy Callback URL (this instance)"]', 'copy callback URL')
    expect(await admin.page.evaluate(() => navigator.clipboard.readText())).toBe(world.sim.callbackUrl)
    await admin.keyType('#clientId', world.clientId, 'paste client id')
    await admin.keyType('#clientSecret', world.clientSecret, 'paste secret')
    await admin.keyPress('[data-action="save-oauth-client"]', 'save client id and secret')
    await admin.page.locator('[data-set-on="Client ID and secret"]').waitFor()

    // Enter on the focused button opens the platform's popup (a keyboard activation is a user gesture); Atlassian's
    // consent page is answered by keyboard too, but it is Atlassian's page and not counted.
    const opened = admin.context.waitForEvent('page', { timeout: 20000 })
    await admin.keyPress('[data-action="get-token"]', 'Get OAuth Token')
    const popup = await opened
    await popup.waitForURL(/auth\.atlassian\.com/, { timeout: 20000 })
    await popup.locator('#accept').focus()
    await popup.keyboard.press('Enter')
    await admin.page.locator('[data-token="present"]').waitFor()
    await admin.page.getByText("is now the connection's site").waitFor()

    await admin.keyPress('[data-action="validate"]', 'Validate')
    await admin.page.locator('[data-verdict="pass"]').waitFor({ timeout: 30000 })
    await expectAccessible(admin, '3LO by keyboard, validation passed')
    await expectNoSecret(admin)
    expect(admin.actions).toEqual([
        'menu: Setup',
        'key: path: OAuth 2.0 (3LO)',
        'key: copy callback URL',
        'type: paste client id',
        'type: paste secret',
        'key: save client id and secret',
        'key: Get OAuth Token',
        'key: Validate',
    ])
})

test('API token path by keyboard alone: unknown site shown at the field, then validated while inactive and made live in 8 admin actions, axe clean', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'token')
    await admin.openFromMenu()
    await admin.page.locator('#way-service').waitFor()
    await admin.keyPress('#way-token', 'path: API token', 'Space')
    await admin.page.locator('#site').waitFor()
    await expectAccessible(admin, 'API token path')
    await admin.shot('token-path')

    await admin.keyType('#site', 'acme-jcc-typo', 'type site')
    await admin.keyType('#email', world.email, 'type email')
    await admin.keyType('#apiToken', world.apiToken, 'paste API token')
    await admin.keyPress('[data-action="save-api-token"]', 'save')
    await admin.page.locator('#site-error').waitFor()
    expect(await admin.page.locator('#site-error').textContent()).toContain(
        'No Jira Cloud site answers at https://acme-jcc-typo.atlassian.net'
    )
    expect(await admin.page.locator('#site').getAttribute('aria-invalid')).toBe('true')
    expect(world.sim.query('basic_auth_credentials')).toEqual([])
    await expectAccessible(admin, 'site error')
    await admin.shot('token-site-unknown')

    await admin.page.locator('#site').fill('')
    admin.actions.length = 0
    await admin.openFromMenu()
    await admin.page.locator('#way-service').waitFor()
    await admin.keyPress('#way-token', 'path: API token', 'Space')
    await admin.keyType('#site', 'acme-jcc', 'type site')
    await admin.keyType('#email', world.email, 'type email')
    await admin.keyType('#apiToken', world.apiToken, 'paste API token')
    await admin.keyPress('[data-action="save-api-token"]', 'save')
    await admin.page.getByText(`the API-token connection points at https://${world.siteHost}`).waitFor()
    expect(await admin.page.locator('#apiToken').inputValue()).toBe('')
    // Saved, not switched: the shipped 3LO connection is still the live one.
    const basic = world.sim.one('http_connection', { connection_url: `https://${world.siteHost}` })
    expect(basic.active).toBe('false')
    expect(await admin.page.locator('[data-live]').getAttribute('data-live')).toBe(world.ids.connection)
    expect(await admin.page.locator(`[data-connection="${basic.sys_id}"]`).getAttribute('data-live-status')).toBe(
        'inactive'
    )
    expect(await admin.page.locator('[data-action="make-live"]').isDisabled()).toBe(true)
    await admin.keyPress('[data-action="validate"]', 'Validate')
    // A classic API token works but is legacy (config.auth_method warns with the migration path to a service account);
    // the connection validated is this path's own, still inactive.
    const verdict = admin.page.locator('[data-verdict="warn"]')
    await verdict.waitFor({ timeout: 30000 })
    const toFix = verdict.locator('ul[aria-label="Checks to fix"]')
    expect(await toFix.textContent()).toContain('Authentication method')
    expect((await toFix.locator('li').evaluateAll((l) => l.map((x) => x.getAttribute('data-check')))).sort()).toEqual([
        'config.auth_method',
        'config.connection.present',
    ])
    await makeLiveByKeyboard(admin, 'Jira Cloud OAuth Connection', basic.sys_id)
    expect(world.sim.read('http_connection', world.ids.connection)!.active).toBe('false')
    await expectAccessible(admin, 'API token green')
    await admin.shot('token-green')
    await expectNoSecret(admin)
    expect(admin.actions).toEqual([
        'menu: Setup',
        'key: path: API token',
        'type: type site',
        'type: type email',
        'type: paste API token',
        'key: save',
        'key: Validate',
        'key: Make this the live connection',
    ])
})

test('consent denied: the page says consent was denied and no token is stored (error style, link to step 3); Validate links the failing step', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'denied')
    await admin.openFromMenu()
    await admin.click('#way-oauth', 'path')
    await admin.fill('#clientId', world.clientId)
    await admin.fill('#clientSecret', world.clientSecret)
    await admin.click('[data-action="save-oauth-client"]')
    await admin.page.locator('[data-set-on="Client ID and secret"]').waitFor()
    await consent(admin, '#deny')
    const message = admin.page.locator('.token-message [role="alert"]')
    await message.waitFor()
    expect(await message.textContent()).toContain('Consent was denied in Atlassian: no token is stored.')
    expect(await message.locator('a[href="#step-3"]').count()).toBe(1)
    expect(await admin.page.locator('[data-token="present"]').count()).toBe(0)
    await admin.click('[data-action="validate"]')
    await admin.page.locator('[data-verdict="fail"]').waitFor({ timeout: 30000 })
    const failing = admin.page.locator('[data-check="token.access"][data-status="fail"]')
    await failing.waitFor()
    expect(await failing.locator('a[href="#step-3"]').textContent()).toBe('Go to step 3')
    expect(await failing.locator(`a[href="/oauth_2_0_credentials.do?sys_id=${world.ids.credential}"]`).count()).toBe(1)
    // No token: step 3 failed; the site (step 4) could not be picked without one, and the validation says so.
    expect(await badges(admin)).toEqual(['To do', 'Done', 'Failed', 'Failed', 'Failed'])
    await expectAccessible(admin, 'validation failed')
    await admin.shot('denied-validate')
    await expectNoSecret(admin)
})

test('wrong secret: the token request fails; the page says Atlassian rejected the client ID or secret, links step 2 and marks it Failed; nothing stored', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'wrong-secret')
    await admin.openFromMenu()
    await admin.click('#way-oauth', 'path')
    await admin.fill('#clientId', world.clientId)
    await admin.fill('#clientSecret', `${world.clientSecret}x`)
    await admin.click('[data-action="save-oauth-client"]')
    await admin.page.locator('[data-set-on="Client ID and secret"]').waitFor()
    await consent(admin, '#accept')
    const message = admin.page.locator('.token-message [role="alert"]')
    await message.waitFor()
    expect(await message.textContent()).toContain(
        'Atlassian rejected the client ID or secret: copy the secret again from the developer console, then ' +
            'Replace in step 2.'
    )
    expect(await message.locator('a[href="#step-2"]').textContent()).toBe('Go to step 2')
    expect(await badges(admin)).toEqual(['To do', 'Failed', 'Failed', 'To do', 'To do'])
    expect(world.sim.storedTokens(world.ids.credential, world.ids.profile)).toBeNull()
    await admin.shot('wrong-secret')
    await expectNoSecret(admin)
    expect(await admin.domText()).not.toContain(`${world.clientSecret}x`)
})

test('scope missing from the Atlassian app: consent never completes; the page says so and points at the scopes of step 1', async () => {
    world.emu.registerApp({
        clientId: world.clientId,
        clientSecret: world.clientSecret,
        callbackUrls: [world.sim.callbackUrl],
        scopes: ['read:jira-work', 'read:jira-user', 'write:jira-work'],
    })
    const admin = await Admin.open(world, ADMIN_USER, 'scope-missing')
    await admin.openFromMenu()
    await admin.click('#way-oauth', 'path')
    await admin.fill('#clientId', world.clientId)
    await admin.fill('#clientSecret', world.clientSecret)
    await admin.click('[data-action="save-oauth-client"]')
    await admin.page.locator('[data-set-on="Client ID and secret"]').waitFor()
    const opened = admin.context.waitForEvent('page', { timeout: 20000 })
    await admin.click('[data-action="get-token"]')
    const popup = await opened
    await popup.locator('#scope-error').waitFor()
    expect(await popup.locator('#scope-error').textContent()).toContain('manage:jira-configuration')
    await popup.close()
    const message = admin.page.locator('.token-message')
    await message.getByText('closed before a token arrived').waitFor()
    expect(await message.textContent()).toContain('add every scope of step 1')
    await admin.shot('scope-missing')
})

test('a second site: the admin picks one site for the main connection and adds the other as a separate connection (child alias, own token, inactive until made live), both green in 14 actions', async () => {
    const second = { cloudId: '6a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', name: 'acme-eu', host: 'acme-eu.atlassian.net' }
    world.emu.addSite(second)
    world.emu.addUser({
        accountId: world.accountId,
        email: world.email,
        displayName: 'Jira Admin',
        apiTokens: [world.apiToken],
        sites: [world.cloudId, second.cloudId],
    })
    const admin = await Admin.open(world, ADMIN_USER, 'two-sites')
    await admin.openFromMenu()
    await admin.click('#way-oauth', 'path: OAuth 2.0 (3LO)')
    await admin.click('button[aria-label="Copy Callback URL (this instance)"]', 'copy callback URL')
    await admin.fill('#clientId', world.clientId, 'paste client id')
    await admin.fill('#clientSecret', world.clientSecret, 'paste secret')
    await admin.click('[data-action="save-oauth-client"]', 'save client id and secret')
    await admin.page.locator('[data-set-on="Client ID and secret"]').waitFor()
    await consent(admin, '#accept', 'Get OAuth Token')
    await admin.page.locator(`#site-${second.cloudId}`).waitFor()
    expect(await admin.page.locator('input[name="site"]').count()).toBe(2)
    expect(world.sim.read('http_connection', world.ids.connection)!.connection_url).toContain('<cloud-id>')
    // Nothing to add as a separate connection before the main connection has its site.
    expect(await admin.page.locator('#other-sites-title').count()).toBe(0)
    await expectAccessible(admin, 'two sites')
    await admin.click(`#site-${second.cloudId}`, 'pick acme-eu')
    await admin.click('[data-action="use-site"]', 'use this site')
    await admin.page.getByText("acme-eu (https://acme-eu.atlassian.net) is now the connection's site").waitFor()
    // Focus follows the outcome (the button it was on is disabled now that the site is chosen).
    await admin.page
        .waitForFunction(() => (document.activeElement as HTMLElement | null)?.innerText?.includes('is now'), null, {
            timeout: 10000,
        })
        .catch(() => undefined)
    expect((await focused(admin)).text).toBe("acme-eu (https://acme-eu.atlassian.net) is now the connection's site.")
    expect(world.sim.read('http_connection', world.ids.connection)!.connection_url).toBe(
        `https://api.atlassian.com/ex/jira/${second.cloudId}`
    )
    await admin.click('[data-action="validate"]', 'Validate')
    await admin.page.locator('[data-verdict="pass"]').waitFor({ timeout: 30000 })

    // The other site, acme-jcc, as a separate connection: child alias, its own credential, its own token.
    const other = admin.page.locator(`li[data-site="${world.cloudId}"]`)
    await expectAccessible(admin, 'connect another site')
    await admin.click(`[data-action="add-site-${world.cloudId}"]`, 'add acme-jcc as a separate connection')
    await other.getByText('acme-jcc now has its own connection').waitFor()
    const child = world.sim.one('sys_alias', { parent: world.ids.alias })
    expect(child).toMatchObject({ name: 'Jira_acme_jcc', id: 'x_jira_connect.Jira_acme_jcc' })
    const conn = world.sim.one('http_connection', { connection_alias: child.sys_id })
    expect(conn.connection_url).toBe(`https://api.atlassian.com/ex/jira/${world.cloudId}`)
    expect(conn.credential).not.toBe(world.ids.credential)
    await consent(admin, '#accept', 'Get OAuth Token for acme-jcc', `[data-action="site-token-${world.cloudId}"]`)
    await other.getByText('Token received for acme-jcc.').waitFor()
    expect(conn.active).toBe('false')
    await admin.click(`[data-action="site-validate-${world.cloudId}"]`, 'Validate acme-jcc')
    await other.locator('[data-site-verdict="warn"]').waitFor({ timeout: 30000 })
    await admin.click(`li[data-site="${world.cloudId}"] [data-action="make-live"]`, 'make acme-jcc live')
    await other.locator('[data-live-status="active"]').waitFor({ timeout: 30000 })
    expect(world.sim.read('http_connection', conn.sys_id)!.active).toBe('true')
    // Its own alias: the main connection stays live.
    expect(world.sim.read('http_connection', world.ids.connection)!.active).toBe('true')
    await expectAccessible(admin, 'second site green')
    await admin.shot('second-site')
    await admin.shotOf('#step-4', 'second-site-step')
    await expectNoSecret(admin)
    expect(admin.actions).toEqual([
        'menu: Setup',
        'click: path: OAuth 2.0 (3LO)',
        'click: copy callback URL',
        'fill: paste client id',
        'fill: paste secret',
        'click: save client id and secret',
        'click: Get OAuth Token',
        'click: pick acme-eu',
        'click: use this site',
        'click: Validate',
        'click: add acme-jcc as a separate connection',
        'click: Get OAuth Token for acme-jcc',
        'click: Validate acme-jcc',
        'click: make acme-jcc live',
    ])
})

test("a user without the roles gets the platform's refusal and no page content; the health view lists and validates connections", async () => {
    const itil = await Admin.open(world, ITIL_USER, 'itil')
    try {
        const r = await itil.page.goto(`${world.sim.instanceUrl}x_jira_connect_setup.do`)
        expect(r!.status()).toBe(403)
        expect(await itil.page.locator('#root').count()).toBe(0)
        expect(await itil.page.content()).not.toContain('main.jsdbx')
    } finally {
        await itil.close()
    }

    world.configureOAuth()
    await world.getOAuthToken('accept')
    const admin = await Admin.open(world, ADMIN_USER, 'health')
    await admin.openFromMenu('Setup: Connection Health')
    const row = admin.page.locator(`tr[data-connection="${world.ids.connection}"]`)
    await row.waitFor()
    expect(await row.locator('[data-verdict]').getAttribute('data-verdict')).toBe('not_checked')
    expect(await row.locator('[data-verdict]').textContent()).toContain('Not checked yet')
    await expectAccessible(admin, 'health')
    await admin.click('[data-action="validate-all"]', 'Validate all')
    await row.locator('[data-verdict="healthy"]').waitFor({ timeout: 30000 })
    // What the row shows is the health record the health check wrote.
    const stored = world.sim.one('x_jira_connect_connection_health', { subject_sys_id: world.ids.connection })
    expect(await row.getAttribute('data-source')).toBe('health')
    expect(await row.locator('[data-verdict]').textContent()).toContain(`since ${stored.verdict_since} UTC`)
    expect(await row.locator('[data-expiries]').textContent()).toContain(`Refresh token: ${stored.refresh_expires} UTC`)
    expect(await row.locator('[data-last-success]').textContent()).toBe(`${stored.last_success} UTC`)
    expect(await row.locator('[data-health-link]').getAttribute('href')).toBe(
        `/x_jira_connect_connection_health.do?sys_id=${stored.sys_id}`
    )
    expect(
        await row
            .locator(`[data-last-check] a[href="/x_jira_connect_validation_run.do?sys_id=${stored.last_run}"]`)
            .count()
    ).toBe(1)
    expect(await admin.page.locator('[data-health-message]').textContent()).toMatch(
        /^Checked 1 connection at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: 1 healthy\. Open the validation run$/
    )
    expect((await focused(admin)).text).toMatch(/^Checked 1 connection at/)
    await expectAccessible(admin, 'health validated')

    world.advance(3600 * 1000)
    await admin.click(`button[aria-label="Validate ${stored.subject_name}"]`, 'Validate one')
    await admin.page.locator('[data-health-message]').getByText('Checked 1 connection').waitFor({ timeout: 30000 })
    expect((await focused(admin)).text).toMatch(/^Checked 1 connection at/)
    const after = world.sim.one('x_jira_connect_connection_health', { subject_sys_id: world.ids.connection })
    expect(after.last_checked > stored.last_checked).toBe(true)
    await row.locator('[data-last-check] > a').getByText(`${after.last_checked} UTC`).waitFor()
    await expectAccessible(admin, 'health row validated')
    await admin.shot('health')
    await expectNoSecret(admin)
})

test('x_jira_connect.admin without admin: the page names the live connection, shows the one sentence saying admin is needed instead of every form and switch button, and still validates', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    const admin = await Admin.open(world, APP_ADMIN, 'read-only')
    await admin.openFromMenu()
    const banner = admin.page.locator('[data-live]')
    await banner.waitFor()
    expect(await banner.getAttribute('data-live')).toBe(world.ids.connection)
    const sentence =
        'Changing the Jira connection needs the admin role; x_jira_connect.admin may read the setup, validate and ' +
        'check health.'
    expect(await banner.locator('[data-readonly]').textContent()).toBe(sentence)
    for (const way of ['#way-oauth', '#way-token', '#way-service']) {
        await admin.click(way, `path ${way}`)
        await admin.page.locator('[data-readonly]').nth(1).waitFor()
        expect(await admin.page.locator('input#clientId, input#site, input#apiToken, input#clientSecret').count()).toBe(
            0
        )
        const writes = '[data-action="make-live"], [data-action="force-live"], [data-action="get-token"]'
        expect(await admin.page.locator(writes).count()).toBe(0)
        await expectAccessible(admin, `read-only ${way}`)
    }
    await admin.click('#way-oauth', 'path 3LO')
    await admin.click('[data-action="validate"]', 'Validate')
    // Validation runs for this role; the token check says only admin may read tokens (KB0859525).
    await admin.page.locator('[data-verdict]').waitFor({ timeout: 30000 })
    expect(await admin.page.locator('[data-check="token.access"][data-status="fail"]').count()).toBe(1)
    await admin.shot('read-only')
    await expectNoSecret(admin)
})
