/**
 * "Jira projects the flows use" on the setup page (issue 18 §1), in headless Chromium, from the shipped package on the
 * simulated instance with Atlassian played by the emulator. An admin types a wrong key (refused at the field, focus on
 * the field, nothing stored), then HR/Task and OPS (saved, focus on the outcome, one audit row), saves the same list
 * again (said so, nothing written), validates, and the per-project result is about exactly those projects: OPS lacks
 * Create Issues; with OPS dropped, HR/Task's create screen requires a field (a failing jira.projects skips createmeta). x_jira_connect.admin sees the list, the field disabled and
 * the sentence naming admin. axe clean on every view, no secret.
 */
import { standardFields } from '../../harness/atlassian-emulator/jira-projects'
import { APP_ADMIN } from '../../harness/glide-simulator/setup-client'
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { Admin, expectAccessible, expectNoSecret, focused, pageTests, world } from './setup-page-driver'

pageTests()

const PROPERTY = 'x_jira_connect.capability.projects'
const CHANGES = 'x_jira_connect_setup_change'

const stored = () => world.sim.one('sys_properties', { name: PROPERTY })

test('admin sets the projects on the page (a bad key refused at the field, the same list not written twice) and validation checks exactly those', async () => {
    world.configureOAuth()
    await world.getOAuthToken('accept')
    world.emu.addProject({
        cloudId: world.cloudId,
        key: 'HR',
        name: 'People',
        issueTypes: [
            {
                id: '10001',
                name: 'Task',
                fields: standardFields([{ fieldId: 'customfield_10050', name: 'Employee', required: true }]),
            },
        ],
    })
    world.emu.addProject({
        cloudId: world.cloudId,
        key: 'OPS',
        name: 'Operations',
        roles: { Administrators: [] },
        grants: { CREATE_ISSUES: [{ type: 'projectRole', role: 'Administrators' }] },
    })
    const admin = await Admin.open(world, ADMIN_USER, 'projects')
    await admin.openFromMenu()
    await admin.click('#way-oauth', 'path')
    const field = admin.page.locator('#capability-projects')
    await field.waitFor()
    expect(await field.isEnabled()).toBe(true)
    expect(await admin.page.locator('#projects-who').textContent()).toBe('Who may change it: admin (you).')

    // A lower-case key: refused at the field, focus on it, nothing stored.
    await admin.fill('#capability-projects', 'hr/Task, OPS', 'projects')
    await admin.click('[data-action="save-projects"]', 'Save projects')
    await admin.page.locator('#projects-error').waitFor()
    expect(await admin.page.locator('#projects-error').textContent()).toContain(
        '"hr" is not a Jira project key (project keys are upper case: HR)'
    )
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    expect((await focused(admin)).id).toBe('capability-projects')
    expect(stored().value ?? '').toBe('')
    expect(world.sim.query(CHANGES, { kind: 'change' })).toEqual([])
    await expectAccessible(admin, 'projects refused')

    // The right list: saved, focus on the outcome, the property and the trail have it.
    await admin.fill('#capability-projects', 'HR/Task, OPS', 'projects')
    await admin.click('[data-action="save-projects"]', 'Save projects')
    const outcome = admin.page.locator('[data-projects-outcome]')
    await outcome.waitFor()
    expect(await outcome.getAttribute('data-projects-outcome')).toBe('saved')
    expect((await focused(admin)).text).toBe(
        'Saved: validation checks 2 projects and the fields Create Issue requires for 1 issue type. Validate to see ' +
            'what the account can do there.'
    )
    expect(await admin.page.locator('#projects-error').count()).toBe(0)
    expect(stored().value).toBe('HR/Task, OPS')
    const writes = stored().sys_mod_count
    expect(
        world.sim.query(CHANGES, { kind: 'change' }).map((r) => [r.table_name, r.old_value ?? '', r.new_value])
    ).toEqual([['sys_properties', '', 'HR/Task, OPS']])
    await expectAccessible(admin, 'projects saved')

    // The same list again: said so, nothing written.
    await admin.fill('#capability-projects', 'HR/Task,OPS', 'projects')
    await admin.click('[data-action="save-projects"]', 'Save projects')
    await admin.page.locator('[data-projects-outcome="same"]').waitFor()
    expect((await focused(admin)).text).toMatch(/^Nothing to save: the Jira projects are already "HR\/Task, OPS";/)
    expect(stored().sys_mod_count).toBe(writes)
    expect(world.sim.query(CHANGES, { kind: 'change' })).toHaveLength(1)

    // Validate: the per-project result is about HR/Task and OPS.
    world.emu.clearRequests()
    await admin.click('[data-action="validate"]', 'Validate')
    await admin.page.locator('[data-verdict="fail"]').waitFor({ timeout: 30000 })
    const projects = admin.page.locator('[data-check="jira.projects"][data-status="fail"]')
    expect(await projects.textContent()).toContain('OPS: no Create Issues')
    expect(await projects.textContent()).not.toContain('HR:')
    const table = admin.page.locator('table[data-capability-table]')
    expect(await table.locator('tr[data-category="issues"]').textContent()).toContain('in 1 of 2: HR')
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(1)
    await expectAccessible(admin, 'projects validated')
    await admin.shot('projects-validated')

    // OPS dropped: the stale result goes, and the next validation reaches HR/Task's create screen.
    await admin.fill('#capability-projects', 'HR/Task', 'projects')
    await admin.click('[data-action="save-projects"]', 'Save projects')
    await admin.page.locator('[data-projects-outcome="saved"]').waitFor()
    expect(await admin.page.locator('[data-verdict]').count()).toBe(0)
    world.emu.clearRequests()
    await admin.click('[data-action="validate"]', 'Validate')
    await admin.page.locator('[data-verdict="warn"]').waitFor({ timeout: 30000 })
    const fields = admin.page.locator('[data-check="jira.create_fields"][data-status="warn"]')
    expect(await fields.textContent()).toContain('HR/Task: Employee (customfield_10050)')
    expect(await table.locator('tr[data-category="issues"]').textContent()).not.toContain('OPS')
    expect(world.emu.requestsTo('permissions-check')).toHaveLength(1)
    expect(world.sim.query(CHANGES, { kind: 'change' }).map((r) => [r.old_value ?? '', r.new_value ?? ''])).toEqual([
        ['', 'HR/Task, OPS'],
        ['HR/Task, OPS', 'HR/Task'],
    ])
    await expectAccessible(admin, 'projects validated again')
    await expectNoSecret(admin)
})

test('x_jira_connect.admin sees the stored list, the field and Save disabled, and the sentence naming admin', async () => {
    world.setProperty(PROPERTY, 'SUP/Task, OPS')
    const admin = await Admin.open(world, APP_ADMIN, 'projects-read-only')
    await admin.openFromMenu()
    await admin.click('#way-token', 'path')
    const field = admin.page.locator('#capability-projects')
    await field.waitFor()
    await admin.page.locator('#projects-who[data-readonly="true"]').waitFor()
    expect(await field.inputValue()).toBe('SUP/Task, OPS')
    expect(await field.isDisabled()).toBe(true)
    expect(await admin.page.locator('[data-action="save-projects"]').isDisabled()).toBe(true)
    expect(await admin.page.locator('#projects-who').textContent()).toBe(
        'Who may change it: admin. Only admin may change the Jira projects; x_jira_connect.admin may read them and ' +
            'validate.'
    )
    await expectAccessible(admin, 'projects read-only')
    expect(stored().value).toBe('SUP/Task, OPS')
    expect(world.sim.query(CHANGES)).toEqual([])
})
