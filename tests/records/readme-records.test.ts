/**
 * README "What gets installed" and "Cross-scope privileges" name what the package ships: a new table, property, UI
 * action, table definition or privilege without its README row fails here (the inventory, tests/records/inventory.md,
 * is the list of what ships).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { distAppDir } from '../../harness/support/artifacts'
import { inventoryOfDist, type InventoryRow } from './inventory'

/** Tables the SDK writes alongside a record the README already names (script modules, roles of a UI action, ...). */
const COMPANION_TABLES = new Set([
    'sys_app', // the scope itself
    'sys_module', // server modules (src/server), README "Architecture"
    'sys_ui_action_role', // the roles of a UI action
    'sys_db_object', // a table definition: its name must be in the README (below)
    'sys_dictionary', // columns of a shipped table
    'column', // dictionary/ shape of the same columns
    'sys_choice',
    'sys_choice_set',
    'sys_variable_value', // ATF step inputs
    'sys_element_mapping', // ATF step inputs
    'sys_atf_test_suite_test', // the suite-to-test link
])

function section(title: string): string {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8')
    const start = readme.indexOf(`\n## ${title}\n`)
    if (start < 0) throw new Error(`README.md has no "## ${title}" section`)
    const end = readme.indexOf('\n## ', start + 1)
    return readme.slice(start, end < 0 ? undefined : end)
}

const field = (r: InventoryRow, name: string) => new RegExp(`(?:^|; )${name}=([^;]*)`).exec(r.key)?.[1] ?? ''

describe('README names what the package ships', () => {
    const rows = () => inventoryOfDist(distAppDir()).filter((r) => r.sysId)
    const missing = (text: string, values: string[]) => [...new Set(values)].filter((v) => !text.includes(v))

    test('every shipped table is in "What gets installed"', () => {
        const tables = rows()
            .map((r) => r.table)
            .filter((t) => !COMPANION_TABLES.has(t))
        expect(
            missing(
                section('What gets installed'),
                tables.map((t) => `\`${t}\``)
            )
        ).toEqual([])
    })

    test('"What gets installed" lists each record once (no two rows name the same record)', () => {
        const names = section('What gets installed')
            .split('\n')
            .filter((l) => l.startsWith('| ') && !l.startsWith('| Record |'))
            .map((l) => l.split('|')[1].trim())
        expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
    })

    test('every property, UI action and shipped table definition is in "What gets installed"', () => {
        const of = (table: string, name: string) =>
            rows()
                .filter((r) => r.table === table)
                .map((r) => field(r, name))
        const names = [...of('sys_properties', 'name'), ...of('sys_ui_action', 'name'), ...of('sys_db_object', 'name')]
        expect(missing(section('What gets installed'), names)).toEqual([])
    })

    test('every cross-scope privilege target is in "Cross-scope privileges"', () => {
        const targets = rows()
            .filter((r) => r.table === 'sys_scope_privilege')
            .map((r) => field(r, 'target_name'))
        expect(targets.length).toBeGreaterThan(0)
        expect(missing(section('Cross-scope privileges'), targets)).toEqual([])
    })
})
