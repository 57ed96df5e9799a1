/**
 * The setup page tells the truth (issue 17 §3, §4, §7, §8, §9, §10) in headless Chromium against the shipped package:
 * what each Get OAuth Token attempt did (accept, deny, a rejected secret), in the error style with a link to the step;
 * step badges that follow the latest evidence (Done, Needs attention, Failed, To do); focus on the verdict after each
 * action or on the first invalid field; failures before warnings and no check ids in the page's text; who ServiceNow
 * acts as; radio labels and headings; a site pasted as a browser address.
 */
import { CHECK_IDS } from '../../src/server/core/catalogue'
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import {
    Admin,
    badges,
    consent,
    expectAccessible,
    expectNoSecret,
    focused,
    pageTests,
    world,
} from './setup-page-driver'

pageTests()

async function saveSecrets(a: Admin, secret: string): Promise<void> {
    await a.fill('#clientId', world.clientId)
    await a.fill('#clientSecret', secret)
    // Wait for this save's answer and its rendered outcome: after an earlier save the "set on" line is already on
    // the page, so waiting for it alone returned before this save had finished (a fresh-clone run read focus too early).
    const answered = a.page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('oauth-client'), {
        timeout: 20000,
    })
    await a.click('[data-action="save-oauth-client"]')
    await answered
    // The notice is cleared when Save is clicked and shows again, with the reloaded state and the focus, once this
    // save is done (setup-page-outcome-order-chromium.test.ts): the caller reads the focus straight away.
    await a.page.locator('span.saved[data-outcome]').waitFor()
}

/** The page's readable text (what a person or a screen reader gets), without attributes. */
const pageText = (a: Admin) => a.page.evaluate(() => document.body.innerText)

test('3LO: badges follow each action, focus lands on each outcome, and each token attempt says what happened in it', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'truth-3lo')
    await admin.openFromMenu()
    await admin.click('#way-oauth', 'path')
    await admin.page.locator('#step-1-title').waitFor()
    // Nothing is known yet: step 1 is not "Done" just because the page was opened.
    expect(await badges(admin)).toEqual(['To do', 'To do', 'To do', 'To do', 'To do'])

    // A field error: focus goes to the invalid field.
    await admin.fill('#clientId', 'not a client id!')
    await admin.fill('#clientSecret', world.clientSecret)
    await admin.click('[data-action="save-oauth-client"]')
    await admin.page.locator('#clientId-error').waitFor()
    expect((await focused(admin)).id).toBe('clientId')

    await saveSecrets(admin, world.clientSecret)
    expect((await focused(admin)).text).toContain('Client ID and secret saved')
    expect(await badges(admin)).toEqual(['To do', 'Done', 'To do', 'To do', 'To do'])

    await consent(admin, '#accept', 'Get OAuth Token')
    await admin.page.locator('[data-attempt="received"]').waitFor()
    expect((await focused(admin)).text).toContain('Token received in this attempt')
    await admin.page.getByText("is now the connection's site").waitFor()
    expect(await badges(admin)).toEqual(['Done', 'Done', 'Done', 'Done', 'To do'])

    await admin.click('[data-action="validate"]', 'Validate')
    await admin.page.locator('[data-verdict="pass"]').waitFor({ timeout: 30000 })
    expect((await focused(admin)).verdict).toBe('pass')
    expect(await badges(admin)).toEqual(['Done', 'Done', 'Done', 'Done', 'Done'])
    // Who ServiceNow acts as, and on which site.
    expect(await admin.page.locator('[data-acting-as]').textContent()).toBe(
        `ServiceNow acts as Jira Admin (Atlassian user account) on https://${world.siteHost}.`
    )
    await expectAccessible(admin, '3LO validated')

    // Deny on a second attempt: the earlier token is still in use; the stale "Works" is gone; step 3 needs attention.
    await consent(admin, '#deny', 'Get OAuth Token')
    const denied = admin.page.locator('[data-attempt="denied"]')
    await denied.waitFor()
    expect(await denied.getAttribute('role')).toBe('alert')
    expect(await denied.textContent()).toMatch(
        /^Consent was denied in Atlassian; the token stored earlier .* still in use/
    )
    expect(await denied.locator('a[href="#step-3"]').textContent()).toBe('Go to step 3')
    expect(await pageText(admin)).not.toContain('Token received')
    expect(await admin.page.locator('[data-verdict]').count()).toBe(0)
    expect((await focused(admin)).role).toBe('alert')
    expect(await badges(admin)).toEqual(['Done', 'Done', 'Needs attention', 'Done', 'To do'])
    await expectAccessible(admin, 'consent denied after a token')

    // Replace with a wrong secret, then Accept: Atlassian rejects the client ID or secret; step 2 fails.
    await saveSecrets(admin, `${world.clientSecret}x`)
    expect((await focused(admin)).text).toContain('Client ID and secret saved')
    await consent(admin, '#accept', 'Get OAuth Token')
    const rejected = admin.page.locator('[data-attempt="rejected"]')
    await rejected.waitFor()
    expect(await rejected.textContent()).toContain(
        'Atlassian rejected the client ID or secret: copy the secret again from the developer console, then ' +
            'Replace in step 2'
    )
    expect(await rejected.locator('a[href="#step-2"]').textContent()).toBe('Go to step 2')
    expect(await pageText(admin)).not.toContain('access_denied')
    expect(await badges(admin)).toEqual(['Done', 'Failed', 'Needs attention', 'Done', 'To do'])
    await expectAccessible(admin, 'secret rejected')
    await admin.shot('secret-rejected')
    await expectNoSecret(admin, [`${world.clientSecret}x`])
})

test('3LO: Deny with no token stored says no token is stored, step 3 Failed, nothing says "Token received"', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'truth-deny')
    await admin.openFromMenu()
    await admin.click('#way-oauth', 'path')
    await saveSecrets(admin, world.clientSecret)
    await consent(admin, '#deny', 'Get OAuth Token')
    const denied = admin.page.locator('[data-attempt="denied"]')
    await denied.waitFor()
    expect(await denied.textContent()).toContain('Consent was denied in Atlassian: no token is stored.')
    expect(await pageText(admin)).not.toContain('Token received')
    expect(await badges(admin)).toEqual(['To do', 'Done', 'Failed', 'To do', 'To do'])
    await expectAccessible(admin, 'consent denied')
})

test('API token with a wrong token: failures before warnings, no check ids in the text, the legacy-token fix points at the Service account choice; focus on Save and Validate', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'truth-token')
    await admin.openFromMenu()
    await admin.click('#way-token', 'path')
    // A site pasted as the browser's address while using Jira is reduced to its name.
    await admin.fill('#site', `https://${world.siteHost}/jira/your-work`)
    await admin.fill('#email', world.email)
    await admin.fill('#apiToken', `${world.apiToken}x`)
    await admin.click('[data-action="save-api-token"]')
    await admin.page.getByText(`the API-token connection points at https://${world.siteHost}`).waitFor()
    expect((await focused(admin)).text).toContain('Saved: the API-token connection points at')
    expect(await badges(admin)).toEqual(['To do', 'Done', 'To do'])

    await admin.click('[data-action="validate"]')
    const verdict = admin.page.locator('[data-verdict="fail"]')
    await verdict.waitFor({ timeout: 30000 })
    expect((await focused(admin)).verdict).toBe('fail')
    const statuses = await verdict
        .locator('ul[aria-label="Checks to fix"] > li')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))
    expect(statuses).toContain('warn')
    expect(statuses.indexOf('warn')).toBeGreaterThan(statuses.lastIndexOf('fail'))
    const text = await pageText(admin)
    expect(CHECK_IDS.filter((id) => text.includes(id))).toEqual([])
    // Atlassian rejected the token: the token step (2, site, email and API token) is Failed, not Done, and the
    // failing check links to it and to the credential that holds the token.
    expect(await badges(admin)).toEqual(['To do', 'Failed', 'Failed'])
    const rejected = verdict.locator('[data-check="jira.myself"][data-status="fail"]')
    expect(await rejected.locator('a[href="#step-2"]').textContent()).toBe('Go to step 2')
    expect(await rejected.locator('a[href^="/basic_auth_credentials.do?sys_id="]').count()).toBe(1)

    const legacy = verdict.locator('[data-check="config.auth_method"]')
    expect(await legacy.textContent()).toContain('Switch to a service account')
    await legacy.locator('[data-fix-link="service-account"]').click()
    expect((await focused(admin)).id).toBe('way-service')
    await expectAccessible(admin, 'API token failing')
    await expectNoSecret(admin, [`${world.apiToken}x`])
})

test('the path choice: each radio is labelled by its title and described by its text; headings do not skip levels', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'truth-radios')
    await admin.openFromMenu()
    const radio = admin.page.getByRole('radio', { name: 'Service account (recommended by Atlassian)', exact: true })
    await radio.first().waitFor() // count() does not wait for the page to render the chooser
    expect(await radio.count()).toBe(1)
    const described = await radio.evaluate((el) =>
        (el.getAttribute('aria-describedby') || '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent || '')
            .join(' ')
    )
    expect(described).toContain('A non-human Atlassian account with its own OAuth 2.0 client credentials.')
    for (const way of ['#way-service', '#way-oauth', '#way-token']) {
        await admin.click(way)
        await admin.page.locator('#step-1-title').waitFor()
        const levels = await admin.page.evaluate(() =>
            Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => Number(h.tagName[1]))
        )
        const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1)
        expect({ way, skips }).toEqual({ way, skips: [] })
        await expectAccessible(admin, `path ${way}`)
    }
})

test('service account: Save and validate focuses the verdict, shows who ServiceNow acts as; a field error focuses the field', async () => {
    const admin = await Admin.open(world, ADMIN_USER, 'truth-sa')
    await admin.openFromMenu()
    await admin.click('#way-service', 'path')
    await admin.fill('#clientId', world.saClientId)
    await admin.fill('#clientSecret', world.saClientSecret)
    await admin.fill('#site', 'acme-jcc-typo')
    await admin.click('[data-action="save-service-account"]')
    await admin.page.locator('#site-error').waitFor()
    expect((await focused(admin)).id).toBe('site')
    expect(await badges(admin)).toEqual(['To do', 'To do', 'To do'])

    await admin.fill('#site', `https://${world.siteHost}/jira/your-work`)
    await admin.click('[data-action="save-service-account"]')
    // Validated while inactive: it works, and needs attention only because it is not live yet.
    await admin.page.locator('[data-verdict="warn"]').waitFor({ timeout: 30000 })
    expect((await focused(admin)).verdict).toBe('warn')
    expect(await admin.page.locator('[data-acting-as]').textContent()).toBe(
        `ServiceNow acts as ServiceNow integration (service account) on https://${world.siteHost}.`
    )
    expect(await badges(admin)).toEqual(['Done', 'Done', 'Needs attention'])
    await admin.click('[data-action="make-live"]')
    await admin.page.locator('[data-activation="activated"]').waitFor({ timeout: 30000 })
    expect(await badges(admin)).toEqual(['Done', 'Done', 'Done'])
    // The Save notice said what was true then ("not live yet"); now it says what is true now.
    const notice = admin.page.locator('form:has([data-action="save-service-account"]) p[role="status"]')
    expect(await notice.textContent()).not.toContain('not live')
    expect(await notice.textContent()).toMatch(/It is the live connection now\.$/)
    await admin.click('[data-action="validate-service-account"]')
    await admin.page.locator('[data-verdict="pass"]').waitFor({ timeout: 30000 })
    expect((await focused(admin)).verdict).toBe('pass')
    await expectAccessible(admin, 'service account validated')
})

test('health view: one row per connection with its credential inside, inactive rows alike, results stamped, dates on one line, long findings folded, full width', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const admin = await Admin.open(world, ADMIN_USER, 'truth-health')
    await admin.openFromMenu('Setup: Connection Health')
    await admin.page.locator('tr[data-connection]').first().waitFor()
    await admin.click('[data-action="validate-all"]', 'Validate all')
    const message = admin.page.locator('[data-health-message]')
    await message.waitFor({ timeout: 30000 })
    expect(await message.textContent()).toMatch(
        /^Checked 0 connections and 1 credential no active connection uses at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: /
    )
    expect((await focused(admin)).text).toMatch(/^Checked 0 connections/)
    // Rows are connections; the credential is inside the 3LO connection's row.
    expect(
        await admin.page.locator('tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-kind')))
    ).toEqual(['connection', 'connection'])
    const oauthRow = admin.page.locator(`tr[data-connection="${world.ids.connection}"]`)
    expect(await oauthRow.locator(`[data-credential="${world.ids.credential}"]`).textContent()).toContain(
        'Credential Jira Cloud OAuth Credential'
    )
    // Inactive rows alike.
    const verdicts = await admin.page
        .locator('tbody tr td[data-verdict]')
        .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-verdict'), (td.textContent || '').slice(0, 60)]))
    expect(verdicts.map((v) => v[0])).toEqual(['not_checked', 'not_checked'])
    for (const v of verdicts) expect(v[1]).toMatch(/^Not checked/)
    // A row Validate on an inactive connection: stamped with its time and run, in the row; focus on the result.
    await admin.click(`button[aria-label="Validate Jira Cloud OAuth Connection"]`, 'Validate one')
    const stamp = oauthRow.locator('[data-row-result]')
    await stamp.waitFor({ timeout: 30000 })
    expect(await stamp.textContent()).toMatch(/^Validated at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\. Open the run$/)
    expect((await focused(admin)).text).toMatch(/^Validated at/)
    // Dates never wrap; long findings are folded; the table uses the page's width.
    const dates = await admin.page
        .locator('tbody .date')
        .evaluateAll((ds) => ds.map((d) => getComputedStyle(d).whiteSpace))
    expect(dates.length).toBeGreaterThan(0)
    expect(new Set(dates)).toEqual(new Set(['nowrap']))
    const summaries = await admin.page
        .locator('tbody .summary')
        .evaluateAll((ss) => ss.map((x) => [x.tagName, (x.textContent || '').length]))
    for (const [tag, length] of summaries) if ((length as number) > 160) expect(tag).toBe('DETAILS')
    expect(summaries.some(([tag]) => tag === 'DETAILS')).toBe(true)
    const width = await admin.page.locator('table.health').evaluate((t) => t.getBoundingClientRect().width)
    expect(width).toBeGreaterThan(1000)
    // …and no wider: nothing scrolls sideways.
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await expectAccessible(admin, 'health, inactive connections')
    await admin.shot('health-inactive')
})

test('health view: each verdict the health check gives has its own label and meaning; a row the check could not prove shows why, not an older run', async () => {
    world.configureOAuth()
    const admin = await Admin.open(world, ADMIN_USER, 'truth-health-verdicts')
    await admin.openFromMenu('Setup: Connection Health')
    const row = admin.page.locator(`tr[data-connection="${world.ids.connection}"]`)
    const cell = row.locator('td[data-verdict]')
    await row.waitFor()
    const validateAll = async () => {
        const answered = admin!.page.waitForResponse(
            (r) => r.request().method() === 'POST' && r.url().includes('health')
        )
        await admin!.click('[data-action="validate-all"]', 'Validate all')
        await answered
        await admin!.page.locator('[data-health-message]').waitFor({ timeout: 30000 })
    }
    const stored = () => world.sim.one('x_jira_connect_connection_health', { subject_sys_id: world.ids.connection })

    // Client ID and secret saved, no token yet: never set up, so no alert; the page says that in words.
    await validateAll()
    expect(stored().verdict).toBe('not_configured')
    expect(await cell.getAttribute('data-verdict')).toBe('not_configured')
    expect(await cell.locator('.badge').textContent()).toBe('Not configured')
    expect(await cell.locator('[data-meaning]').textContent()).toBe('Never set up: no alert is sent until it is.')
    await expectAccessible(admin, 'health, not configured')

    // A token, a healthy check; then Atlassian rate-limits the next check: it proves nothing, and the row says why.
    await world.getOAuthToken('accept')
    await validateAll()
    expect(await cell.getAttribute('data-verdict')).toBe('healthy')
    const healthyAt = stored().last_success
    world.emu.setFault('myself', { rateLimit: 30 })
    world.advance(3600 * 1000)
    await validateAll()
    world.emu.clearFaults()
    expect(stored()).toMatchObject({ verdict: 'not_checked', not_checked_reason: expect.stringMatching(/rate limit/) })
    expect(await cell.getAttribute('data-verdict')).toBe('not_checked')
    expect(await cell.locator('.badge').textContent()).toBe('Not checked')
    expect(await cell.textContent()).toContain(stored().not_checked_reason)
    expect(await cell.textContent()).not.toContain('Not checked yet')
    // What the record knows still shows: the last success an hour ago and this check's time.
    expect(await row.locator('[data-last-success]').textContent()).toBe(`${healthyAt} UTC`)
    expect(await row.locator('[data-last-check]').textContent()).toContain(`${stored().last_checked} UTC`)

    // Deactivated: the health check retires the row; history, not a verdict.
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    await validateAll()
    expect(stored().verdict).toBe('no_longer_checked')
    expect(await cell.getAttribute('data-verdict')).toBe('no_longer_checked')
    expect(await cell.locator('.badge').textContent()).toBe('No longer checked')
    expect(await cell.locator('[data-meaning]').textContent()).toBe(
        'Inactive or deleted: the health check keeps its history and no longer checks it.'
    )
    // The reason is the one every inactive row gives (alike), and the record's last success is still shown.
    expect(await cell.textContent()).toContain('Inactive: the health check covers active connections only.')
    expect(await row.locator('[data-last-success]').textContent()).toBe(`${healthyAt} UTC`)
    await expectAccessible(admin, 'health, no longer checked')
})

test('make live and switch back: focus lands on each outcome; the validation shown no longer says "not live" once it is live, and says it again after switching back', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    const admin = await Admin.open(world, ADMIN_USER, 'truth-live')
    await admin.openFromMenu()
    await admin.click('#way-token', 'path')
    await admin.fill('#site', 'acme-jcc')
    await admin.fill('#email', world.email)
    await admin.fill('#apiToken', world.apiToken)
    await admin.click('[data-action="save-api-token"]')
    await admin.page.getByText(`the API-token connection points at https://${world.siteHost}`).waitFor()
    await admin.click('[data-action="validate"]')
    const verdict = admin.page.locator('.result [data-verdict]')
    await verdict.waitFor({ timeout: 30000 })
    const toFix = () =>
        verdict
            .locator('ul[aria-label="Checks to fix"] > li')
            .evaluateAll((l) => l.map((x) => x.getAttribute('data-check')))
    expect((await toFix()).sort()).toEqual(['config.auth_method', 'config.connection.present'])

    const notice = admin.page.locator('form:has([data-action="save-api-token"]) p[role="status"]')
    expect(await notice.textContent()).toContain('It is not live')

    await admin.click('[data-action="make-live"]', 'Make this the live connection')
    await admin.page.locator('[data-activation="activated"]').waitFor({ timeout: 30000 })
    expect((await focused(admin)).text).toMatch(/^"Jira Cloud acme-jcc \(API token\)" is now the live connection/)
    // The Save notice no longer says "It is not live": it says what is true now. The banner names the path once.
    expect(await notice.textContent()).not.toContain('not live')
    expect(await notice.textContent()).toBe(
        `Saved: the API-token connection points at https://${world.siteHost}. It is the live connection now.`
    )
    const banner = admin.page.locator('.live-banner > p').first()
    expect((await banner.textContent())?.replace(/\s+/g, ' ')).toBe(
        'Live ServiceNow uses Jira Cloud acme-jcc (API token) for Jira now.'
    )
    // Live now: the validation shown is restated; its "inactive" warning is gone, the legacy-token one stays.
    expect(await toFix()).toEqual(['config.auth_method'])
    expect(await verdict.textContent()).not.toContain('is inactive')
    expect(await verdict.locator('.summary').textContent()).toContain('works, with 1 warning to look at')
    expect(await verdict.locator('[data-restated="live"]').textContent()).toContain(
        'It is the live connection now (made live after this validation)'
    )
    expect(await badges(admin)).toEqual(['Done', 'Done', 'Needs attention'])
    await expectAccessible(admin, 'made live')

    await admin.click('[data-action="switch-back"]', 'Switch back')
    await admin.page.locator(`[data-live="${world.ids.connection}"]`).waitFor({ timeout: 30000 })
    expect((await focused(admin)).text).toMatch(/^"Jira Cloud OAuth Connection" is now the live connection/)
    expect(await notice.textContent()).toContain('It is not live')
    // A name without the path in it keeps the path's label in the banner.
    expect((await banner.textContent())?.replace(/\s+/g, ' ')).toBe(
        'Live ServiceNow uses Jira Cloud OAuth Connection (OAuth 2.0 (3LO)) for Jira now.'
    )
    // Inactive again: the validation says so again, as it did when it was made.
    expect((await toFix()).sort()).toEqual(['config.auth_method', 'config.connection.present'])
    expect(await verdict.locator('[data-restated]').count()).toBe(0)
    await expectAccessible(admin, 'switched back')
})
