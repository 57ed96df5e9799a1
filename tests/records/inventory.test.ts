/**
 * Every record the package ships is listed in tests/records/inventory.md (table, key fields, sys_id): a record added
 * or removed by accident, in dist/app or in the zip, fails here with its name. Intended change: npm run
 * inventory:update and commit the file.
 */
import * as fs from 'node:fs'
import { distAppDir, packageZipPath } from '../../harness/support/artifacts'
import { INVENTORY_FILE, inventoryMismatch, inventoryOfDist, inventoryOfZip, renderInventory } from './inventory'

const committed = () => fs.readFileSync(INVENTORY_FILE, 'utf8')

describe('shipped records inventory', () => {
    test('dist/app lists exactly the records of tests/records/inventory.md', () => {
        expect(inventoryMismatch(committed(), inventoryOfDist(distAppDir()))).toBeNull()
    })

    test('the package zip lists exactly the records of tests/records/inventory.md', () => {
        expect(inventoryMismatch(committed(), inventoryOfZip(packageZipPath()))).toBeNull()
    })

    test('covers the tables no field-by-field record test reads: cross-scope privileges and UI actions', () => {
        const tables = new Set(inventoryOfDist(distAppDir()).map((r) => r.table))
        for (const t of ['sys_scope_privilege', 'sys_ui_action', 'sys_ui_action_role', 'sys_module']) {
            expect(tables).toContain(t)
        }
    })
})

describe('the mismatch message', () => {
    const rows = () => inventoryOfDist(distAppDir())

    test('names a record that is built but not listed, and the command to run', () => {
        const all = rows()
        const without = renderInventory(
            all.filter(
                (r) =>
                    !(r.table === 'sys_ui_action' && r.key.includes('table=sys_alias; name=Validate Jira connection;'))
            )
        )
        const message = inventoryMismatch(without, all)
        expect(message).toContain('1 built record(s) not in tests/records/inventory.md:')
        expect(message).toContain(
            '| update | sys_ui_action | table=sys_alias; name=Validate Jira connection; action_name=x_jira_connect_validate |'
        )
        expect(message).toContain('npm run inventory:update')
    })

    test('names a record that is listed but no longer built', () => {
        const all = rows()
        const gone = all.filter(
            (r) => !r.key.includes('target_name=ScriptableStandardCredentialsProvider.getCredentialByID')
        )
        expect(gone.length).toBe(all.length - 1)
        expect(inventoryMismatch(renderInventory(all), gone)).toContain(
            '1 record(s) in tests/records/inventory.md not built:\n  | update | sys_scope_privilege | target_scope=global; ' +
                'target_type=scriptable; target_name=ScriptableStandardCredentialsProvider.getCredentialByID;'
        )
    })

    test('reports a hand-edited file even when the records are the same', () => {
        expect(inventoryMismatch(renderInventory(rows()) + '\nhand edit\n', rows())).toContain(
            'same records, but the file differs'
        )
    })
})
