/**
 * Reads the BUILT app: the record_update XML files `now-sdk build` writes to dist/app/{update,unload,scope} and the
 * package zip `now-sdk pack` writes to target/. No XML or zip dependency: a small parser for the record_update shape
 * (elements, attributes, CDATA, the five XML entities and numeric references, comments, <?xml?>) and a zip reader over
 * the central directory (stored or deflated entries, node:zlib inflateRawSync, CRC-32 checked).
 *
 * Unknown tables are fine: every child element of <record_update> that carries a <sys_id> becomes a record, whatever
 * its name; anything else (e.g. the <database> dictionary shape of a table definition) is kept in `others`.
 */
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { distAppDir, packageZipPath } from '../../harness/support/artifacts'
import { PackageZip } from '../../harness/support/zip'

export { crc32, PackageZip, type ZipEntry } from '../../harness/support/zip'

// ---------------------------------------------------------------- XML

export {
    childElements,
    elementText,
    parseXml,
    type XmlElement,
    type XmlNode,
    type XmlText,
} from '../../harness/support/xml'
import { childElements, elementText, parseXml, type XmlElement } from '../../harness/support/xml'

// ---------------------------------------------------------------- records

export type Folder = 'update' | 'unload' | 'scope'
export const FOLDERS: readonly Folder[] = ['update', 'unload', 'scope']

export interface AppRecord {
    table: string
    sysId: string
    /** Leaf fields by column name, text exactly as stored (entities decoded, CDATA unwrapped). Empty element = ''. */
    fields: Record<string, string>
    /** XML attributes of a field element, e.g. sys_scope's display_value. Only for fields that have attributes. */
    fieldAttributes: Record<string, Record<string, string>>
    /** The record element's attributes (action, and for sys_dictionary element/table). */
    attributes: Record<string, string>
    folder: Folder
    /** Path relative to dist/app (or to the zip root), e.g. update/oauth_entity_<sys_id>.xml */
    file: string
}

/** A child of <record_update> (or a root) that is not a record with a sys_id, e.g. the <database> table shape. */
export interface OtherElement {
    file: string
    folder: Folder
    element: XmlElement
}

/** The records of one record_update document. */
export function parseRecordUpdate(
    xml: string,
    folder: Folder,
    file: string
): { records: AppRecord[]; others: OtherElement[] } {
    const root = parseXml(xml, file)
    const records: AppRecord[] = []
    const others: OtherElement[] = []
    if (root.name !== 'record_update') return { records, others: [{ file, folder, element: root }] }
    for (const el of childElements(root)) {
        const kids = childElements(el)
        const sysIdEl = kids.find((k) => k.name === 'sys_id')
        if (!sysIdEl) {
            others.push({ file, folder, element: el })
            continue
        }
        const rec: AppRecord = {
            table: el.name,
            sysId: elementText(sysIdEl).trim(),
            fields: {},
            fieldAttributes: {},
            attributes: { ...el.attributes },
            folder,
            file,
        }
        for (const k of kids) {
            if (k.name in rec.fields) continue // keep the first occurrence
            rec.fields[k.name] = elementText(k) // nested elements: their text, concatenated
            if (Object.keys(k.attributes).length) rec.fieldAttributes[k.name] = { ...k.attributes }
        }
        records.push(rec)
    }
    return { records, others }
}

export class AppRecords {
    readonly records: readonly AppRecord[]
    readonly others: readonly OtherElement[]
    private readonly byId = new Map<string, AppRecord[]>()

    constructor(records: readonly AppRecord[], others: readonly OtherElement[] = []) {
        this.records = records
        this.others = others
        for (const r of records) this.byId.set(r.sysId, [...(this.byId.get(r.sysId) ?? []), r])
    }

    tables(): string[] {
        return [...new Set(this.records.map((r) => r.table))].sort()
    }

    byTable(table: string): AppRecord[] {
        return this.records.filter((r) => r.table === table)
    }

    /** The record with this sys_id, or undefined. */
    bySysId(sysId: string): AppRecord | undefined {
        return this.byId.get(sysId)?.[0]
    }

    /** sys_ids carried by more than one record. */
    duplicateSysIds(): string[] {
        return [...this.byId].filter(([, rs]) => rs.length > 1).map(([id]) => id)
    }

    /** Exactly one record of the table whose fields equal `where`; throws naming the table and filter otherwise. */
    one(table: string, where: Record<string, string> = {}): AppRecord {
        const found = this.byTable(table).filter((r) => Object.entries(where).every(([f, v]) => r.fields[f] === v))
        if (found.length !== 1) {
            const filter =
                Object.entries(where)
                    .map(([f, v]) => `${f}=${JSON.stringify(v)}`)
                    .join(', ') || '(any)'
            throw new Error(
                `expected exactly one ${table} record with ${filter}, found ${found.length}${found.length ? ': ' + found.map((r) => r.file).join(', ') : ''}`
            )
        }
        return found[0]
    }

    /** The record the reference field points at; throws naming the record, the field and the missing sys_id. */
    resolve(record: AppRecord, field: string): AppRecord {
        const label = describeRecord(record)
        if (!(field in record.fields))
            throw new Error(`${label} field ${field}: the field is not in the record (${record.file})`)
        const id = record.fields[field].trim()
        if (!id) throw new Error(`${label} field ${field}: the reference is empty (${record.file})`)
        const target = this.bySysId(id)
        if (!target) throw new Error(`${label} field ${field}: references ${id} which is not shipped (${record.file})`)
        return target
    }
}

/** `<table> "<name>"` (or title/id/element), else `<table> <sys_id>`: how problems name a record. */
export function describeRecord(r: AppRecord): string {
    for (const f of ['name', 'title', 'id', 'element']) {
        const v = r.fields[f]
        if (v) return `${r.table} "${v}"`
    }
    return `${r.table} ${r.sysId}`
}

/** Deep copy of records, so a test can break one without touching the shared parse. */
export function cloneRecords(records: readonly AppRecord[]): AppRecord[] {
    return records.map((r) => ({
        ...r,
        fields: { ...r.fields },
        attributes: { ...r.attributes },
        fieldAttributes: Object.fromEntries(Object.entries(r.fieldAttributes).map(([k, v]) => [k, { ...v }])),
    }))
}

/**
 * Every .xml file of dist/app/{update,unload,scope}, relative to the app dir ("update/x.xml"). Other folders the SDK
 * writes (dictionary/ with the <database> table shape, author_elective_update/) are not record folders and are skipped.
 */
export function listAppXmlFiles(appDir = distAppDir()): string[] {
    const files: string[] = []
    for (const folder of FOLDERS) {
        const dir = path.join(appDir, folder)
        if (!fs.existsSync(dir)) continue
        for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.xml')) files.push(`${folder}/${f}`)
    }
    return files
}

function fromDocuments(docs: Iterable<{ file: string; text: string }>): AppRecords {
    const records: AppRecord[] = []
    const others: OtherElement[] = []
    for (const { file, text } of docs) {
        const folder = file.split('/')[0] as Folder
        const parsed = parseRecordUpdate(text, folder, file)
        records.push(...parsed.records)
        others.push(...parsed.others)
    }
    return new AppRecords(records, others)
}

const cache = new Map<string, AppRecords>()

/** All records of the built app (dist/app of this run's snapshot). Parsed once per app dir and test file. */
export function loadAppRecords(appDir = distAppDir()): AppRecords {
    let loaded = cache.get(appDir)
    if (!loaded) {
        loaded = fromDocuments(
            listAppXmlFiles(appDir).map((file) => ({ file, text: fs.readFileSync(path.join(appDir, file), 'utf8') }))
        )
        cache.set(appDir, loaded)
    }
    return loaded
}

/** The records inside the package zip (its update/, unload/ and scope/ entries). */
export function loadZipRecords(zip: PackageZip): AppRecords {
    const docs = zip
        .names()
        .filter((n) => /^(update|unload|scope)\/[^/]+\.xml$/.test(n))
        .sort()
        .map((file) => ({ file, text: zip.text(file) }))
    return fromDocuments(docs)
}

// ---------------------------------------------------------------- zip (harness/support/zip.ts)

export interface PackageInventory {
    /** The "#key=value" header lines, e.g. build, appVersion, type, version. */
    header: Record<string, string>
    rows: { path: string; sha256: string }[]
}

export function parseInventory(csv: string): PackageInventory {
    const header: Record<string, string> = {}
    const rows: PackageInventory['rows'] = []
    csv.split(/\r?\n/).forEach((line, i) => {
        if (!line.trim()) return
        if (line.startsWith('#')) {
            const eq = line.indexOf('=')
            header[line.slice(1, eq < 0 ? undefined : eq)] = eq < 0 ? '' : line.slice(eq + 1)
            return
        }
        const semi = line.lastIndexOf(';')
        if (semi < 0)
            throw new Error(
                `package_inventory.csv line ${i + 1}: expected "<path>;<sha256>", found ${JSON.stringify(line)}`
            )
        rows.push({ path: line.slice(0, semi), sha256: line.slice(semi + 1) })
    })
    return { header, rows }
}

/** The package_inventory.csv of a package zip. */
export function zipInventory(zip: PackageZip): PackageInventory {
    return parseInventory(zip.text('package_inventory.csv'))
}

export function openPackageZip(file = packageZipPath()): PackageZip {
    return new PackageZip(fs.readFileSync(file), file)
}

export function sha256Hex(data: Uint8Array | string): string {
    return createHash('sha256').update(data).digest('hex')
}
