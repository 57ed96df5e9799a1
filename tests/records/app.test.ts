/** App records that are not in the doc: role, application menu, modules, system properties. */
import { loadAppRecords } from '../support/app-records'
import { EXPECTED } from './expected-records'

const app = () => loadAppRecords()
const expectedOf = (table: string) => EXPECTED.records.filter((e) => e.table === table)

test('the admin role is x_jira_connect.admin', () => {
    expect(
        app()
            .byTable('sys_user_role')
            .map((r) => r.fields.name)
    ).toContain('x_jira_connect.admin')
})

test('the application menu "Jira Cloud Connect" is active for admin and x_jira_connect.admin', () => {
    expect(app().one('sys_app_application', { title: 'Jira Cloud Connect' }).fields).toMatchObject({
        active: 'true',
        roles: 'admin,x_jira_connect.admin',
    })
})

test('every module of the app references the Jira Cloud Connect menu', () => {
    const menu = app().one('sys_app_application', { title: 'Jira Cloud Connect' })
    const modules = app().byTable('sys_app_module')
    expect(modules.length).toBeGreaterThan(0)
    for (const m of modules)
        expect({ module: m.fields.title, menu: app().resolve(m, 'application').sysId }).toEqual({
            module: m.fields.title,
            menu: menu.sysId,
        })
})

test.each(expectedOf('sys_app_module').map((e) => [e.identity.title, e] as const))(
    'module "%s" opens the expected list',
    (_title, e) => {
        expect(app().one(e.table, e.identity).fields).toMatchObject(e.fields)
    }
)

test.each(expectedOf('sys_properties').map((e) => [e.identity.name, e.fields.value, e] as const))(
    'property %s = %s',
    (_name, _value, e) => {
        expect(app().one(e.table, e.identity).fields).toMatchObject(e.fields)
    }
)

// Assumption A16: an install may not create ACLs from create_access_controls, so the run table's ACLs are shipped.
test('the validation-run table ships explicit record ACLs for x_jira_connect.admin: read, create, delete (no write)', () => {
    const table = 'x_jira_connect_validation_run'
    expect(app().one('sys_db_object', { name: table }).fields.create_access_controls).toBe('false')
    const acls = app()
        .byTable('sys_security_acl')
        .filter((a) => a.fields.name === table && a.fields.type === 'record')
    const roleOf = (aclSysId: string) =>
        app()
            .byTable('sys_security_acl_role')
            .filter((r) => r.fields.sys_security_acl === aclSysId)
            .map((r) => app().resolve(r, 'sys_user_role').fields.name)
    const byOperation = Object.fromEntries(
        acls.map((a) => [
            a.fields.operation,
            { active: a.fields.active, decision: a.fields.decision_type, roles: roleOf(a.sysId) },
        ])
    )
    const expected = { active: 'true', decision: 'allow', roles: ['x_jira_connect.admin'] }
    expect(byOperation).toEqual({ read: expected, create: expected, delete: expected })
})
