/**
 * Installs a built package into the store the way an application install does:
 * - scope/ and update/ records are loaded on every install (INSERT_OR_UPDATE: the fields in the XML overwrite, fields
 *   the XML does not carry keep what the instance has);
 * - unload/ records (Record() with $meta.installMethod 'first install') are loaded only when the app is not installed
 *   yet; an upgrade skips them, so whatever an admin changed in them stays;
 * - DELETE records (author_elective_update/) remove the record.
 * App tables are defined from the package's sys_db_object / sys_dictionary records before any record is loaded.
 * Every column must exist on its table and every reference must point at an existing record: a typo fails the install.
 */
import { encodedQuery } from './encoded-query'
import { readPackage, type PackageRecord } from './package-reader'
import { SchemaError } from './schema'
import type { Store } from './store'

export interface InstallReport {
    mode: 'first install' | 'upgrade'
    scope: string
    version: string
    inserted: string[]
    updated: string[]
    deleted: string[]
    /** unload/ records an upgrade did not load. */
    skipped: string[]
}

export type PackageSource = { distAppDir: string } | { zipPath: string }

function defineAppTables(store: Store, records: PackageRecord[]): void {
    const dbObjects = records.filter((r) => r.table === 'sys_db_object' && r.action !== 'DELETE')
    const byId = new Map(dbObjects.map((r) => [r.fields.sys_id, r.fields.name]))
    for (const r of dbObjects) {
        const name = r.fields.name
        if (!name) throw new SchemaError(`${r.file}: sys_db_object without a name`)
        const sc = r.fields.super_class
        const parent = sc
            ? (byId.get(sc) ?? r.displayValues.super_class ?? (store.schema.hasTable(sc) ? sc : null))
            : null
        if (sc && !parent)
            throw new SchemaError(`${r.file}: super_class ${sc} of ${name} is not a table the simulator knows`)
        store.schema.defineTable(name, parent, `the package's sys_db_object / sys_dictionary records (${r.file})`)
    }
    for (const r of records.filter((x) => x.table === 'sys_dictionary' && x.action !== 'DELETE')) {
        const table = r.fields.name
        const element = r.fields.element
        if (!element || element === 'NULL') continue // the collection row of the table
        if (!store.schema.hasTable(table)) {
            if (dbObjects.length === 0)
                throw new SchemaError(
                    `${r.file}: sys_dictionary for ${table}.${element}, but ${table} is neither shipped nor known`
                )
            throw new SchemaError(`${r.file}: sys_dictionary for unknown table ${table}`)
        }
        const type = r.displayValues.internal_type || r.fields.internal_type
        const ref = r.fields.reference ? r.displayValues.reference || r.fields.reference : null
        const t = /password/i.test(type) ? 'Password2' : type === 'reference' ? 'Reference' : type
        store.schema.addColumn(table, element, t, ref)
    }
}

export function installPackage(store: Store, source: PackageSource): InstallReport {
    const records = readPackage(source)
    const app = records.find((r) => r.table === 'sys_app')
    if (!app) throw new Error('package has no sys_app record (scope/)')
    const installed = !!store.find('sys_app', app.fields.sys_id)
    const report: InstallReport = {
        mode: installed ? 'upgrade' : 'first install',
        scope: app.fields.scope,
        version: app.fields.version,
        inserted: [],
        updated: [],
        deleted: [],
        skipped: [],
    }
    defineAppTables(store, records)
    const loaded: Array<{ table: string; sysId: string; file: string; displayValues: Record<string, string> }> = []
    for (const r of records) {
        if (r.folder === 'unload' && installed) {
            report.skipped.push(r.file)
            continue
        }
        if (r.action === 'delete_multiple') {
            // <table action="delete_multiple" query="document_key=..."/>: clears child rows before they are rewritten.
            const hit = encodedQuery(store, r.table, r.fields['@query'] ?? '', r.file)
            for (const row of store.rowsOf(r.table).filter(hit)) store.delete(r.table, row.sys_id)
            continue
        }
        const sysId = r.fields.sys_id
        if (!sysId) throw new SchemaError(`${r.file}: <${r.table}> record without sys_id`)
        if (r.action === 'DELETE') {
            if (store.delete(r.table, sysId)) report.deleted.push(r.file)
            continue
        }
        const { sys_id: _id, ...values } = r.fields
        const existing = store.find(r.table, sysId)
        if (existing) {
            store.update(r.table, sysId, values, { user: 'system', checkReferences: false })
            report.updated.push(r.file)
        } else {
            store.insert(r.table, { ...values, sys_id: sysId }, { user: 'system', checkReferences: false })
            report.inserted.push(r.file)
        }
        loaded.push({ table: r.table, sysId, file: r.file, displayValues: r.displayValues })
    }
    // References are checked once everything is in: files are not in dependency order.
    // A reference the SDK writes with a name (<sys_user_role name="admin">sys_id</sys_user_role>) is resolved by that
    // name when no record has the sys_id, as the update loader does for OOB records whose sys_id differs per instance.
    for (const l of loaded) {
        const row = store.find(l.table, l.sysId)
        if (!row) continue
        for (const [field, name] of Object.entries(l.displayValues)) {
            const col = store.schema.column(row.sys_class_name, field)
            const v = row[field]
            if (
                !col?.reference ||
                !v ||
                field === 'sys_scope' ||
                field === 'sys_package' ||
                store.find(col.reference, v)
            )
                continue
            const byName = store.rowsOf(col.reference).find((t) => t.name === name)
            if (byName) row[field] = byName.sys_id
        }
        store.checkReferences(row.sys_class_name, row, l.file)
    }
    return report
}
