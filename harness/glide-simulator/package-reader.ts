/**
 * Reads the built package: the record_update XML files of dist/app/{scope,update,unload,author_elective_update}, or the
 * same files inside the zip `now-sdk pack` writes to target/. XML is read with harness/support/xml.ts; the SDK writes one record per file
 * (<record_update><table action="..."><field>value</field>...</table></record_update>), values as text or CDATA.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { childElements, elementText, parseXml, type XmlElement } from '../support/xml'
import { PackageZip } from '../support/zip'

export type PackageFolder = 'scope' | 'update' | 'unload' | 'author_elective_update'

export interface PackageRecord {
    folder: PackageFolder
    file: string
    table: string
    action: string
    fields: Record<string, string>
    /** display_value attributes (e.g. the referenced table's name on sys_db_object.super_class). */
    displayValues: Record<string, string>
}

/**
 * Parses one record_update document: its main record and any child records the SDK writes in the same file
 * (e.g. the sys_variable_value rows of an ATF step, preceded by a delete_multiple). Throws on any other shape.
 */
export function parseRecordUpdate(xml: string, folder: PackageFolder, file: string): PackageRecord[] {
    const root = parseXml(xml, file)
    if (root.name !== 'record_update') throw new Error(`${file}: not a <record_update> document`)
    const declared = root.attributes.table ?? null
    const out: PackageRecord[] = []
    const visit = (rec: XmlElement): void => {
        const kids = childElements(rec)
        // A container (e.g. <sys_choice_v2> around <sys_choice_set> and <sys_choice> rows) holds records, not fields.
        if (kids.some((c) => c.attributes.action !== undefined)) {
            for (const c of kids) {
                if (c.attributes.action === undefined)
                    throw new Error(`${file}: <${c.name}> inside container <${rec.name}> is not a record`)
                visit(c)
            }
            return
        }
        const fields: Record<string, string> = {}
        const displayValues: Record<string, string> = {}
        for (const f of kids) {
            if (childElements(f).length)
                throw new Error(`${file}: field <${f.name}> of <${rec.name}> has child elements`)
            if (f.name in fields) throw new Error(`${file}: field <${f.name}> appears twice`)
            fields[f.name] = elementText(f)
            const dv = f.attributes.display_value ?? f.attributes.name
            if (dv !== undefined) displayValues[f.name] = dv
        }
        if (rec.attributes.query !== undefined) fields['@query'] = rec.attributes.query
        out.push({
            folder,
            file,
            table: rec.name,
            action: rec.attributes.action ?? 'INSERT_OR_UPDATE',
            fields,
            displayValues,
        })
    }
    const records = childElements(root)
    for (const rec of records) visit(rec)
    if (!out.length) throw new Error(`${file}: <record_update> holds no record`)
    if (declared && records[0]?.name !== declared)
        throw new Error(`${file}: record_update table="${declared}" but it holds <${out[0].table}>`)
    return out
}

const FOLDERS: PackageFolder[] = ['scope', 'update', 'unload', 'author_elective_update']

/** Records from a dist/app directory (the folder holding scope/, update/, unload/). */
export function readDistApp(appDir: string): PackageRecord[] {
    const out: PackageRecord[] = []
    for (const folder of FOLDERS) {
        const dir = path.join(appDir, folder)
        if (!fs.existsSync(dir)) continue
        for (const f of fs
            .readdirSync(dir)
            .filter((x) => x.endsWith('.xml'))
            .sort()) {
            out.push(...parseRecordUpdate(fs.readFileSync(path.join(dir, f), 'utf8'), folder, `${folder}/${f}`))
        }
    }
    return out
}

/** Entries of a zip file by name (shared reader: harness/support/zip.ts). */
export function readZipEntries(zipPath: string): Map<string, Buffer> {
    const zip = new PackageZip(fs.readFileSync(zipPath), zipPath)
    const out = new Map<string, Buffer>()
    for (const e of zip.entries()) if (!e.rawName.endsWith('/')) out.set(e.rawName, zip.read(e.name))
    return out
}

/** Records from the package zip (target/<name>_<version>.zip). */
export function readPackageZip(zipPath: string): PackageRecord[] {
    const out: PackageRecord[] = []
    const entries = readZipEntries(zipPath)
    for (const [name, data] of entries) {
        const m = /^\/?(scope|update|unload|author_elective_update)\/([^/]+\.xml)$/.exec(name)
        if (!m) continue
        out.push(...parseRecordUpdate(data.toString('utf8'), m[1] as PackageFolder, `${m[1]}/${m[2]}`))
    }
    // Same order as readDistApp: folder order, then file name.
    const key = (r: PackageRecord) => FOLDERS.indexOf(r.folder)
    return out.sort((a, b) => key(a) - key(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) // stable: keeps in-file order
}

export function readPackage(source: { distAppDir: string } | { zipPath: string }): PackageRecord[] {
    return 'zipPath' in source ? readPackageZip(source.zipPath) : readDistApp(source.distAppDir)
}
