/**
 * The inventory of shipped records: every record of the built package (dist/app and the package zip) with its folder,
 * table, key fields and sys_id, rendered as the markdown file tests/records/inventory.md. inventory.test.ts compares
 * the build with the committed file, so a record added or removed by accident fails with its name;
 * `npm run inventory:update` (scripts/inventory-update.ts) rebuilds and rewrites the file when the change is meant.
 *
 * Read from the raw XML, not through app-records.ts, so records nested below the top level (sys_choice_set and
 * sys_choice inside author_elective_update's sys_choice_v2), delete_multiple actions and the dictionary/ table shape
 * are listed too.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PackageZip } from '../../harness/support/zip'
import { childElements, elementText, parseXml, type XmlElement } from '../../harness/support/xml'

export interface InventoryRow {
    folder: string
    table: string
    key: string
    /** Empty for rows that are not records (delete_multiple actions, columns of the dictionary/ table shape). */
    sysId: string
}

/**
 * Fields that identify a record of each table (a reference shows the record it points at by name). A table not
 * listed here falls back to the first of name, title, id, element; add it here when that does not tell its records
 * apart.
 */
const KEY_FIELDS: Record<string, string[]> = {
    connection_attributes: ['model', 'element'],
    http_connection: ['connection_alias', 'name'],
    oauth_2_0_credentials: ['name'],
    oauth_entity: ['name'],
    oauth_entity_profile: ['oauth_entity', 'name'],
    oauth_entity_profile_scope: ['oauth_entity_profile', 'oauth_entity_scope'],
    oauth_entity_scope: ['oauth_entity', 'oauth_entity_scope'],
    sys_alias: ['id'],
    sys_alias_templates: ['name'],
    sys_app: ['scope', 'version'],
    sys_app_application: ['title'],
    sys_app_module: ['title', 'name', 'link_type'],
    sys_atf_step: ['test', 'order', 'display_name'],
    sys_atf_test: ['name'],
    sys_atf_test_suite: ['name'],
    sys_atf_test_suite_test: ['test_suite', 'test'],
    sys_choice: ['name', 'element', 'value'],
    sys_choice_set: ['name', 'element'],
    sys_db_object: ['name'],
    sys_dictionary: ['name', 'element'],
    sys_element_mapping: ['id', 'field'],
    sys_module: ['path'],
    sys_properties: ['name'],
    sys_scope_privilege: ['target_scope', 'target_type', 'target_name', 'operation', 'status'],
    sys_script_include: ['api_name'],
    sys_ui_action: ['table', 'name', 'action_name'],
    sys_ui_action_role: ['sys_ui_action', 'sys_user_role'],
    sys_user_role: ['name'],
    sys_variable_value: ['document_key', 'variable'],
}
const FALLBACK_KEY_FIELDS = ['name', 'title', 'id', 'element']
/**
 * The UI page's client bundle ships as an attachment whose sys_ids the SDK derives from the bundle's bytes, so they
 * change with every edit of src/client. The inventory lists these records under a placeholder id: the records stay
 * counted, and a client change does not need an inventory update.
 */
const CONTENT_ADDRESSED = new Set(['sys_attachment', 'sys_attachment_doc'])
const CONTENT_ID = '(from the bundle content)'
const SYS_ID = /^[0-9a-f]{32}$/

interface RawRecord {
    folder: string
    table: string
    sysId: string
    fields: Map<string, XmlElement>
}

/** How a key names a record it references: one readable field, enough to tell the shipped records apart. */
function labelOf(r: RawRecord): string {
    const f = (name: string) => (r.fields.has(name) ? elementText(r.fields.get(name)!).trim() : '')
    if (r.table === 'sys_ui_action') return `${f('name')} on ${f('table')}`
    if (r.table === 'sys_atf_step') return `step ${f('order')} ${f('display_name')}`
    if (r.table === 'oauth_entity_scope') return f('oauth_entity_scope')
    return ['name', 'title', 'id', 'element', 'path'].map(f).find((v) => v) ?? r.sysId
}

function collect(el: XmlElement, folder: string, records: RawRecord[], rows: InventoryRow[]): void {
    const kids = childElements(el)
    const sysIdEl = kids.find((k) => k.name === 'sys_id')
    if (sysIdEl) {
        const fields = new Map<string, XmlElement>()
        for (const k of kids) if (!fields.has(k.name)) fields.set(k.name, k)
        records.push({ folder, table: el.name, sysId: elementText(sysIdEl).trim(), fields })
        return
    }
    if (el.attributes.action === 'delete_multiple') {
        rows.push({ folder, table: el.name, key: `delete_multiple ${el.attributes.query ?? ''}`, sysId: '' })
        return
    }
    if (el.name === 'element' && el.attributes.type === 'collection') {
        for (const column of kids.filter((k) => k.name === 'element')) {
            const key = `${el.attributes.name}.${column.attributes.name} (${column.attributes.type})`
            rows.push({ folder, table: 'column', key, sysId: '' })
        }
        return
    }
    for (const k of kids) collect(k, folder, records, rows)
}

/** Rows of a set of record files: `file` is relative to dist/app (or the zip root), e.g. update/x.xml. */
export function inventoryOf(docs: Iterable<{ file: string; text: string }>): InventoryRow[] {
    const records: RawRecord[] = []
    const rows: InventoryRow[] = []
    for (const { file, text } of docs) collect(parseXml(text, file), file.split('/')[0], records, rows)
    const byId = new Map(records.map((r) => [r.sysId, r]))
    const keyOf = (r: RawRecord): string => {
        const names = KEY_FIELDS[r.table] ?? FALLBACK_KEY_FIELDS.filter((f) => r.fields.has(f)).slice(0, 1)
        return names
            .map((name) => {
                const el = r.fields.get(name)
                const value = el ? elementText(el).trim() : ''
                const target = SYS_ID.test(value) ? byId.get(value) : undefined
                const shown = target ? labelOf(target) : (el?.attributes.display_value ?? el?.attributes.name ?? value)
                return `${name}=${shown}`
            })
            .join('; ')
    }
    // delete_multiple queries name the records they clean up after by sys_id: show those by name as well
    const contentIds = new Set(records.filter((r) => CONTENT_ADDRESSED.has(r.table)).map((r) => r.sysId))
    const named = (id: string) => (contentIds.has(id) ? CONTENT_ID : byId.has(id) ? labelOf(byId.get(id)!) : id)
    for (const row of rows) row.key = row.key.replace(/(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])/g, named)
    for (const r of records) {
        const sysId = CONTENT_ADDRESSED.has(r.table) ? CONTENT_ID : r.sysId
        rows.push({ folder: r.folder, table: r.table, key: keyOf(r), sysId })
    }
    return sortRows(rows)
}

const FOLDER_ORDER = ['scope', 'update', 'unload', 'author_elective_update', 'dictionary']
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function sortRows(rows: InventoryRow[]): InventoryRow[] {
    const folderRank = (f: string) => (FOLDER_ORDER.includes(f) ? FOLDER_ORDER.indexOf(f) : FOLDER_ORDER.length)
    return rows.sort(
        (a, b) =>
            folderRank(a.folder) - folderRank(b.folder) ||
            cmp(a.folder, b.folder) ||
            cmp(a.table, b.table) ||
            cmp(a.key, b.key) ||
            cmp(a.sysId, b.sysId)
    )
}

/** Every .xml file below dist/app, relative to it. */
export function inventoryOfDist(appDir: string): InventoryRow[] {
    const files = (fs.readdirSync(appDir, { recursive: true }) as string[])
        .map((f) => f.split(path.sep).join('/'))
        .filter((f) => f.endsWith('.xml'))
        .sort()
    return inventoryOf(files.map((file) => ({ file, text: fs.readFileSync(path.join(appDir, file), 'utf8') })))
}

/** Every .xml entry of the package zip. */
export function inventoryOfZip(zipPath: string): InventoryRow[] {
    const zip = new PackageZip(fs.readFileSync(zipPath), zipPath)
    const names = zip.names().filter((n) => n.endsWith('.xml'))
    return inventoryOf(names.map((file) => ({ file, text: zip.text(file) })))
}

/** A row as it appears in inventory.md (one markdown table line). */
export function rowLine(r: InventoryRow): string {
    const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
    return `| ${r.folder} | ${r.table} | ${cell(r.key)} | ${r.sysId} |`
}

export const INVENTORY_FILE = path.join(__dirname, 'inventory.md')

export function renderInventory(rows: InventoryRow[]): string {
    const counts = new Map<string, number>()
    for (const r of rows) {
        const group = `| ${r.folder} | ${r.table} |`
        counts.set(group, (counts.get(group) ?? 0) + 1)
    }
    return [
        '# Shipped records',
        '',
        'Every record of the built package (`dist/app` and the zip `now-sdk pack` writes), generated by',
        '`npm run inventory:update` and compared exactly with the build by `tests/records/inventory.test.ts`. Do not',
        'edit by hand: when a record is added or removed on purpose, run the command and commit this file with the',
        'change. Key fields per table are in `tests/records/inventory.ts`; a reference shows the record it points at',
        'by name.',
        '',
        `## Tables (${rows.length} rows)`,
        '',
        '| Folder | Table | Rows |',
        '|---|---|---|',
        ...[...counts].map(([k, n]) => `${k} ${n} |`),
        '',
        '## Records',
        '',
        '| Folder | Table | Key | sys_id |',
        '|---|---|---|---|',
        ...rows.map(rowLine),
        '',
    ].join('\n')
}

/** The record lines of an inventory.md text (the rows of its "Records" table). */
function recordLines(text: string): string[] {
    const start = text.indexOf('\n## Records\n')
    if (start < 0) return []
    return text
        .slice(start)
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| Folder |'))
}

/**
 * Null when `rows` render exactly to `committed`; otherwise a message naming every record built but not listed, and
 * every record listed but not built, and the command that makes an intended change one step.
 */
export function inventoryMismatch(committed: string, rows: InventoryRow[]): string | null {
    const rendered = renderInventory(rows)
    if (rendered === committed) return null
    const listed = new Set(recordLines(committed))
    const built = new Set(rows.map(rowLine))
    const added = [...built].filter((l) => !listed.has(l))
    const removed = [...listed].filter((l) => !built.has(l))
    const parts = [
        added.length
            ? `${added.length} built record(s) not in tests/records/inventory.md:\n  ${added.join('\n  ')}`
            : '',
        removed.length
            ? `${removed.length} record(s) in tests/records/inventory.md not built:\n  ${removed.join('\n  ')}`
            : '',
        added.length || removed.length ? '' : 'same records, but the file differs from what the generator writes',
    ]
    const next = 'If the change is intended: npm run inventory:update, then commit tests/records/inventory.md.'
    return [...parts.filter(Boolean), next].join('\n')
}
