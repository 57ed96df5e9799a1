/**
 * The Jira projects the flows use (x_jira_connect.capability.projects, issue 18 §1) through the setup API of the
 * shipped package on the simulated instance: admin saves and the change is audited with old and new value;
 * x_jira_connect.admin reads but gets 403 on a save; bad input is a 400 that says what was found and expected and
 * changes nothing; the same list saved again writes nothing (a property write flushes the cache on every node,
 * ServiceNow KB1000746).
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { APP_ADMIN, SetupClient } from '../../harness/glide-simulator/setup-client'
import { World, e2eSource } from '../../harness/glide-simulator/world'

let world: World

beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
})
afterEach(async () => {
    await world.close()
})

type Json = Record<string, any>
type FieldErr = { field: string; code: string; message: string }
const CHANGES = 'x_jira_connect_setup_change'
const PROPERTY = 'x_jira_connect.capability.projects'
const RESOURCE = 'capability-projects'
const WRITE_ROLE_MESSAGE =
    'Changing the Jira connection needs the admin role; x_jira_connect.admin may read the setup, validate and check ' +
    'health.'

function errorsOf(a: { json: unknown }): FieldErr[] {
    return (a.json as { result: { error: { errors: FieldErr[] } } }).result.error.errors
}

/** The property record as stored: its value and how many times it was written. */
function property(): { value: string; writes: string; updatedOn: string } {
    const row = world.sim.one('sys_properties', { name: PROPERTY })
    return { value: row.value ?? '', writes: row.sys_mod_count, updatedOn: row.sys_updated_on }
}

const changes = () => world.sim.query(CHANGES, { kind: 'change' })

test('admin saves the list: stored as KEY[/Issue type] joined by ", " (duplicates dropped), one audit row with old and new value, the lock released; x_jira_connect.admin reads it', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const before = property()
    expect(before.value).toBe('')
    const a = await admin.api('PUT', RESOURCE, { projects: ' SUP/Task,OPS\nSUP/Task ' })
    expect(a.status).toBe(200)
    const saved = a.json!.result as Json
    expect(saved).toMatchObject({
        changed: true,
        previous: '',
        value: 'SUP/Task, OPS',
        entries: [
            { key: 'SUP', issueType: 'Task' },
            { key: 'OPS', issueType: null },
        ],
        access: { canWrite: true, writeRole: 'admin', message: '' },
    })
    expect(saved.message).toBe(
        'Saved: validation checks 2 projects and the fields Create Issue requires for 1 issue type. Validate to see ' +
            'what the account can do there.'
    )
    expect(property().value).toBe('SUP/Task, OPS')
    expect(Number(property().writes)).toBe(Number(before.writes) + 1)
    const rows = changes()
    expect(
        rows.map((r) => ({
            op: r.operation,
            table: r.table_name,
            key: r.document_key,
            record: r.record_name,
            field: r.field_name,
            old: r.old_value ?? '',
            new: r.new_value,
            by: r.sys_created_by,
        }))
    ).toEqual([
        {
            op: 'save Jira projects',
            table: 'sys_properties',
            key: world.sim.one('sys_properties', { name: PROPERTY }).sys_id,
            record: PROPERTY,
            field: 'value',
            old: '',
            new: 'SUP/Task, OPS',
            by: ADMIN_USER.userName,
        },
    ])
    expect(world.sim.query(CHANGES, { kind: 'lock' })).toEqual([])

    // A second change records the old value too; clearing the list is a change like any other.
    expect((await admin.api('PUT', RESOURCE, { projects: 'OPS' })).status).toBe(200)
    const cleared = await admin.api('PUT', RESOURCE, { projects: '' })
    expect(cleared.status).toBe(200)
    expect((cleared.json!.result as Json).message).toBe(
        'Saved: the list is empty: validation lists the projects the account can browse. Validate to see what the ' +
            'account can do there.'
    )
    expect(changes().map((r) => [r.old_value ?? '', r.new_value ?? ''])).toEqual([
        ['', 'SUP/Task, OPS'],
        ['SUP/Task, OPS', 'OPS'],
        ['OPS', ''],
    ])

    // x_jira_connect.admin reads what is stored, and is told it may not change it.
    world.setProperty(PROPERTY, 'SUP/Service Request, OPS')
    const read = await new SetupClient(world.sim, APP_ADMIN).api('GET', RESOURCE)
    expect(read.status).toBe(200)
    expect(read.json!.result).toEqual({
        value: 'SUP/Service Request, OPS',
        entries: [
            { key: 'SUP', issueType: 'Service Request' },
            { key: 'OPS', issueType: null },
        ],
        problems: [],
        limits: { projects: 50, issueTypes: 10, characters: 1000 },
        access: {
            canWrite: false,
            writeRole: 'admin',
            message: 'Only admin may change the Jira projects; x_jira_connect.admin may read them and validate.',
        },
    })
})

test('x_jira_connect.admin gets 403 naming the admin role and nothing changes, also with the write ACL switched off (the script checks again)', async () => {
    world.setProperty(PROPERTY, 'SUP')
    const before = property()
    const appAdmin = new SetupClient(world.sim, APP_ADMIN)
    const a = await appAdmin.api('PUT', RESOURCE, { projects: 'OPS' })
    expect(a.status).toBe(403)
    const acl = world.sim.one('sys_security_acl', { name: 'Jira Cloud Connect setup: change' })
    world.sim.admin.setField('sys_security_acl', acl.sys_id, 'active', false)
    const b = await appAdmin.api('PUT', RESOURCE, { projects: 'OPS' })
    expect(b.status).toBe(403)
    expect(errorsOf(b)).toEqual([{ field: '', code: 'admin_required', message: WRITE_ROLE_MESSAGE }])
    expect(property()).toEqual(before)
    expect(world.sim.query(CHANGES)).toEqual([])
})

test('bad input is a 400 on the field that says what was found, what is expected and what to do, and changes nothing', async () => {
    world.setProperty(PROPERTY, 'SUP')
    const before = property()
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const many = Array.from({ length: 51 }, (_v, i) => `P${String(i).padStart(2, '0')}`).join(', ')
    const typed = Array.from({ length: 11 }, (_v, i) => `SUP/Type ${i}`).join(', ')
    const cases: Array<[Json, string, string[]]> = [
        [{ projects: 'sup, OPS' }, 'project_key_invalid', ['"sup" is not a Jira project key', 'upper case: SUP']],
        [{ projects: 'SUP, 1OPS' }, 'project_key_invalid', ['"1OPS" is not a Jira project key']],
        [{ projects: 'SUP/' }, 'issue_type_invalid', ['"SUP/": the issue type after "/" is empty or not a name']],
        [{ projects: 'SUP/Task/Sub' }, 'issue_type_invalid', ['"SUP/Task/Sub"']],
        [{ projects: many }, 'too_many_projects', ['51 projects: at most 50 are checked']],
        [{ projects: typed }, 'too_many_issue_types', ['11 issue types: at most 10 are checked']],
        [{ projects: 42 }, 'projects_not_text', ['found a number', 'expected a text']],
        [{}, 'projects_not_text', ['found no "projects" field']],
        [{ projects: 'SUP,'.repeat(1200) }, 'projects_too_long', ['found 4800 characters, expected at most 1000']],
    ]
    for (const [body, code, says] of cases) {
        const a = await admin.api('PUT', RESOURCE, body)
        expect({ body, status: a.status }).toEqual({ body, status: 400 })
        const errors = errorsOf(a)
        expect(errors.map((e) => [e.field, e.code])).toEqual([['projects', code]])
        for (const s of says) expect(errors[0].message).toContain(s)
        expect(errors[0].message).toMatch(/Nothing was changed: .+\.$/)
    }
    const [one] = errorsOf(await admin.api('PUT', RESOURCE, { projects: 'sup' }))
    expect(one.message).toContain('Expected: project keys as Jira shows them (Projects > View all projects')
    expect(property()).toEqual(before)
    expect(world.sim.query(CHANGES)).toEqual([])
})

test('the same list saved again (other spacing, a duplicate) says so and writes nothing: no property write, no audit row, no lock', async () => {
    const admin = new SetupClient(world.sim, ADMIN_USER)
    expect((await admin.api('PUT', RESOURCE, { projects: 'SUP/Task, OPS' })).status).toBe(200)
    const before = property()
    const rows = changes().length
    world.advance(60_000)
    const a = await admin.api('PUT', RESOURCE, { projects: 'SUP/Task,OPS,  SUP/Task' })
    expect(a.status).toBe(200)
    expect(a.json!.result).toMatchObject({ changed: false, value: 'SUP/Task, OPS', previous: 'SUP/Task, OPS' })
    expect((a.json!.result as Json).message).toBe(
        'Nothing to save: the Jira projects are already "SUP/Task, OPS"; validation checks 2 projects and the fields ' +
            'Create Issue requires for 1 issue type. Nothing was written.'
    )
    expect(property()).toEqual(before)
    expect(changes()).toHaveLength(rows)
    expect(world.sim.query(CHANGES, { kind: 'lock' })).toEqual([])
    // Empty on a fresh install, empty again: nothing written either.
    world.setProperty(PROPERTY, '')
    const cleared = property()
    const b = await admin.api('PUT', RESOURCE, { projects: '  ' })
    expect((b.json!.result as Json).message).toBe(
        'Nothing to save: the Jira projects are already empty; the list is empty: validation lists the projects the ' +
            'account can browse. Nothing was written.'
    )
    expect(property()).toEqual(cleared)
})
