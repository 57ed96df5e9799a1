/**
 * The dictionary the simulator enforces: which tables exist, which columns each has (own + inherited), column types
 * (references, password2) and the table hierarchy. Sources: sdk-tables.json (the pinned SDK's table definitions),
 * platform-tables.ts (hand-kept, each with its source) and, for the app's own tables, the sys_db_object /
 * sys_dictionary records shipped in the package.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PLATFORM_TABLES, SDK_EMITTED_EXTRA_COLUMNS, SYSTEM_COLUMNS } from './platform-tables'
import { WEB_EXTRA_COLUMNS, WEB_TABLES } from './web-tables'
import { FLOW_TABLES } from './flow-tables'
import { MID_TABLES } from './mid-tables'

export interface ColumnInfo {
    type: string
    reference: string | null
}

interface TableInfo {
    name: string
    extends: string | null
    source: string
    columns: Record<string, ColumnInfo>
}

function parseType(spec: string): ColumnInfo {
    const i = spec.indexOf('>')
    return i < 0 ? { type: spec, reference: null } : { type: spec.slice(0, i), reference: spec.slice(i + 1) }
}

export class SchemaError extends Error {}

/**
 * Tables whose records the simulator holds completely (the app's, the connection/OAuth tables and the OOB records
 * seeded by the simulator): a reference to one of these must point at an existing record. References into OOB
 * catalogs the simulator does not copy (sys_atf_step_config, var_dictionary, sys_hub_action_type_definition, ...) are
 * not checked: their records exist on every instance and we cannot see them.
 */
const COMPLETE_TABLES = new Set([
    'sys_alias',
    'sys_alias_templates',
    'sys_script_include',
    'sys_user_role',
    'sys_ui_action',
    'sys_user',
    'sys_app_application',
    'sys_app_module',
    'sys_module',
    'sys_properties',
    'sys_atf_test',
    'sys_atf_step',
])

export class Schema {
    private readonly tables = new Map<string, TableInfo>()

    constructor() {
        const sdk = JSON.parse(fs.readFileSync(path.join(__dirname, 'sdk-tables.json'), 'utf8')) as {
            source: string
            tables: Record<string, { extends: string | null; file: string; columns: Record<string, string> }>
        }
        for (const [name, t] of Object.entries(sdk.tables)) {
            const columns: Record<string, ColumnInfo> = {}
            for (const [c, spec] of Object.entries(t.columns)) columns[c] = parseType(spec)
            for (const [c, spec] of Object.entries({ ...SDK_EMITTED_EXTRA_COLUMNS[name], ...WEB_EXTRA_COLUMNS[name] }))
                columns[c] = parseType(spec)
            this.tables.set(name, { name, extends: t.extends, source: `${sdk.source} (${t.file})`, columns })
        }
        for (const [name, t] of Object.entries({ ...PLATFORM_TABLES, ...WEB_TABLES, ...FLOW_TABLES, ...MID_TABLES })) {
            const columns: Record<string, ColumnInfo> = {}
            for (const [c, spec] of Object.entries(t.columns)) columns[c] = parseType(spec)
            this.tables.set(name, { name, extends: t.extends, source: t.source, columns })
            COMPLETE_TABLES.add(name)
        }
    }

    /** Whether a reference into this table must resolve (see COMPLETE_TABLES). */
    isComplete(table: string): boolean {
        return COMPLETE_TABLES.has(table) || this.appTables.has(table)
    }

    private readonly appTables = new Set<string>()

    hasTable(table: string): boolean {
        return this.tables.has(table)
    }

    /**
     * A platform or plugin table that appears at run time (a spoke installed during a test, spoke-tables.ts): same
     * notation and checks as platform-tables.ts. Until then GlideRecord on it is invalid, as on the platform.
     */
    definePlatformTable(name: string, t: { extends: string | null; source: string; columns: Record<string, string> }) {
        const columns: Record<string, ColumnInfo> = {}
        for (const [c, spec] of Object.entries(t.columns)) columns[c] = parseType(spec)
        this.tables.set(name, { name, extends: t.extends, source: t.source, columns })
        COMPLETE_TABLES.add(name)
    }

    /** Defines (or extends) an app table from its shipped sys_db_object / sys_dictionary records. */
    defineTable(name: string, parent: string | null, source: string): void {
        const existing = this.tables.get(name)
        if (existing) {
            if (parent) existing.extends = parent
            return
        }
        this.tables.set(name, { name, extends: parent, source, columns: {} })
        this.appTables.add(name)
    }

    addColumn(table: string, column: string, type: string, reference: string | null): void {
        const t = this.tables.get(table)
        if (!t) throw new SchemaError(`sys_dictionary entry ${table}.${column}: table ${table} is not defined`)
        t.columns[column] = { type: type || 'string', reference: reference || null }
    }

    parentOf(table: string): string | null {
        return this.tables.get(table)?.extends ?? null
    }

    /** table, its parent, grand-parent... */
    lineage(table: string): string[] {
        const out: string[] = []
        let t: string | null = table
        while (t && !out.includes(t)) {
            out.push(t)
            t = this.parentOf(t)
        }
        return out
    }

    /** The table and every table that extends it (transitively). */
    selfAndDescendants(table: string): string[] {
        const out = [table]
        for (let i = 0; i < out.length; i++) {
            for (const t of this.tables.values()) if (t.extends === out[i] && !out.includes(t.name)) out.push(t.name)
        }
        return out
    }

    isA(table: string, ancestor: string): boolean {
        return this.lineage(table).includes(ancestor)
    }

    column(table: string, column: string): ColumnInfo | null {
        if (SYSTEM_COLUMNS[column]) return parseType(SYSTEM_COLUMNS[column])
        for (const t of this.lineage(table)) {
            const c = this.tables.get(t)?.columns[column]
            if (c) return c
        }
        return null
    }

    /** Throws the error the admin/developer should see when a column is not on the table. */
    requireColumn(table: string, column: string, context: string): ColumnInfo {
        if (!this.tables.has(table))
            throw new SchemaError(
                `${context}: table '${table}' is not known to the simulator (add it to platform-tables.ts with its source)`
            )
        const c = this.column(table, column)
        if (!c) {
            throw new SchemaError(
                `${context}: column '${column}' is not on table '${table}' (columns: ${this.columnNames(table).join(', ')}; source: ${this.sourceOf(table)})`
            )
        }
        return c
    }

    columnNames(table: string): string[] {
        const names = new Set<string>(Object.keys(SYSTEM_COLUMNS))
        for (const t of this.lineage(table))
            for (const c of Object.keys(this.tables.get(t)?.columns ?? {})) names.add(c)
        return [...names].sort()
    }

    sourceOf(table: string): string {
        return this.tables.get(table)?.source ?? 'unknown'
    }

    isPassword(table: string, column: string): boolean {
        const c = this.column(table, column)
        return !!c && /^password2?$/i.test(c.type)
    }
}
