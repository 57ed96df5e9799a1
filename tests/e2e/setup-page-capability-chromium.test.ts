/**
 * "What this connection can do" on the setup page, in headless Chromium, from the shipped package on the simulated
 * instance with Atlassian played by the emulator: a 3LO connection whose account lacks Create Issues and Assign Issues
 * in one of the two listed projects (x_jira_connect.capability.projects). The page shows the failing jira.projects
 * check with the project and the fix in Jira's words, the capability table (Issues works in SUP only; webhooks do not
 * work without Administer Jira; user actions never with OAuth) and who signed in; axe clean, no secret.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { Admin, expectAccessible, expectNoSecret, pageTests, world } from './setup-page-driver'

pageTests()

test('a project with a missing permission: the failing check names it, the capability table shows what works where', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    world.emu.addProject({
        cloudId: world.cloudId,
        key: 'OPS',
        name: 'Operations',
        roles: { Administrators: [] },
        grants: {
            CREATE_ISSUES: [{ type: 'projectRole', role: 'Administrators' }],
            ASSIGN_ISSUES: [{ type: 'projectRole', role: 'Administrators' }],
        },
    })
    world.setProperty('x_jira_connect.capability.projects', 'SUP, OPS')
    const admin = await Admin.open(world, ADMIN_USER, 'capability')
    await admin.openFromMenu()
    await admin.click('#way-oauth', 'path')
    await admin.click('[data-action="validate"]')
    await admin.page.locator('[data-verdict="fail"]').waitFor({ timeout: 30000 })
    const failing = admin.page.locator('[data-check="jira.projects"][data-status="fail"]')
    await failing.waitFor()
    const text = await failing.textContent()
    expect(text).toContain('OPS: no Create Issues, Assign Issues')
    expect(text).toContain('Project settings > Permissions')

    const table = admin.page.locator('table[data-capability-table]')
    await table.waitFor()
    const status = (category: string) => table.locator(`tr[data-category="${category}"]`).getAttribute('data-status')
    expect(await status('issues')).toBe('works')
    expect(await table.locator('tr[data-category="issues"]').textContent()).toContain('in 1 of 2: SUP')
    expect(await status('comments_attachments')).toBe('works')
    expect(await status('webhooks')).toBe('does_not_work')
    expect(await status('users')).toBe('does_not_work')
    expect(await status('sprints_boards')).toBe('works')
    expect(await table.locator('caption').textContent()).toBe('What this connection can do')
    expect(await admin.page.locator('.signed-in').textContent()).toContain(`(${world.email})`)

    // The person is shown, not stored: the validation run keeps the account id only.
    const href = await admin.page.locator('a[href^="/x_jira_connect_validation_run.do"]').getAttribute('href')
    const run = world.sim.read('x_jira_connect_validation_run', String(href).split('sys_id=')[1])!
    expect(run.report).toContain(world.accountId)
    expect({ id: run.jira_account_id, type: run.jira_account_type }).toEqual({ id: world.accountId, type: 'atlassian' })
    expect(run.report).toContain('What this connection can do')
    expect(JSON.stringify(run)).not.toContain(world.email)
    await expectAccessible(admin, 'capability table')
    await admin.shot('capability-missing-permission')
    await expectNoSecret(admin)
})

test('the health view shows the capability round with its age and the quota Atlassian reported; the next check within a day reuses the round', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    const admin = await Admin.open(world, ADMIN_USER, 'capability-health')
    await admin.openFromMenu('Setup: Connection Health')
    const row = admin.page.locator(`tr[data-connection="${world.ids.connection}"]`)
    await row.waitFor()
    await admin.click('[data-action="validate-all"]', 'Validate all')
    await row.locator('[data-verdict="healthy"]').waitFor({ timeout: 30000 })
    const stored = world.sim.one('x_jira_connect_connection_health', { subject_sys_id: world.ids.connection })
    expect(stored.jira_account_type).toBe('atlassian')
    expect(stored.jira_account_id).not.toBe('')
    const summary = row.locator('[data-capability-summary]')
    await summary.waitFor()
    expect(await summary.textContent()).toMatch(
        /^Can do: \d works, \d does not work, \d unknown \(checked just now\)\.$/
    )
    const quota = row.locator('[data-quota]')
    expect(await quota.getAttribute('data-quota')).toBe('ok')
    expect(await quota.textContent()).toMatch(
        /^Quota: \d+ of 65000 points left per hour \(jira-quota-tenant-based\), seen just now\.$/
    )
    await expectAccessible(admin, 'health capability')

    // Three hours later, Validate all again: the round is not due, the row keeps its table and says how old it is.
    world.advance(3 * 3600 * 1000)
    world.emu.clearRequests()
    await admin.click('[data-action="validate-all"]', 'Validate all')
    await admin.page.locator('[data-health-message]').getByText('Checked 1 connection').waitFor({ timeout: 30000 })
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(0)
    const after = world.sim.one('x_jira_connect_connection_health', { subject_sys_id: world.ids.connection })
    expect(after.capability_checked).toBe(stored.capability_checked)
    await expectNoSecret(admin)
})
