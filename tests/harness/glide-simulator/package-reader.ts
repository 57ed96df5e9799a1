/**
 * Reads the built package: the record_update XML files of dist/app/{scope,update,unload,author_elective_update}, or the
 * same files inside the zip `now-sdk pack` writes to target/. No XML library: the SDK writes one flat record per file
 * (<record_update><table action="..."><field>value</field>...</table></record_update>), values as text or CDATA.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PackageZip } from '../../support/zip'

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

function decodeEntities(s: string): string {
    return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
        if (e === 'lt') return '<'
        if (e === 'gt') return '>'
        if (e === 'amp') return '&'
        if (e === 'quot') return '"'
        if (e === 'apos') return "'"
        if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16))
        return String.fromCodePoint(parseInt(e.slice(1), 10))
    })
}

function attr(attrs: string, name: string): string | null {
    const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)
    return m ? decodeEntities(m[1]) : null
}

interface XmlElement {
    name: string
    attrs: string
    /** Raw inner text (entities not decoded) when the element has no child elements, else null. */
    text: string | null
    children: XmlElement[]
}

/** A small nesting-aware XML reader for the SDK's record_update files (elements, attributes, text, CDATA). */
function parseElements(src: string, file: string): XmlElement[] {
    let pos = 0
    const fail = (what: string): never => {
        throw new Error(`${file}: ${what} near: ${src.slice(pos, pos + 80)}`)
    }
    const parseChildren = (closing: string | null): { children: XmlElement[]; text: string } => {
        const children: XmlElement[] = []
        let text = ''
        for (;;) {
            if (pos >= src.length) {
                if (closing) fail(`missing </${closing}>`)
                return { children, text }
            }
            if (src.startsWith('<![CDATA[', pos)) {
                const end = src.indexOf(']]>', pos)
                if (end < 0) fail('unterminated CDATA')
                text += src.slice(pos, end + 3)
                pos = end + 3
            } else if (src.startsWith('<!--', pos)) {
                const end = src.indexOf('-->', pos)
                if (end < 0) fail('unterminated comment')
                pos = end + 3
            } else if (src.startsWith('</', pos)) {
                const m = /^<\/([A-Za-z0-9_:.-]+)\s*>/.exec(src.slice(pos))
                if (!m || m[1] !== closing) fail(`unexpected closing tag (expected </${closing}>)`)
                pos += m![0].length
                return { children, text }
            } else if (src[pos] === '<') {
                const m = /^<([A-Za-z0-9_:.-]+)((?:\s+[A-Za-z0-9_:.-]+="[^"]*")*)\s*(\/?)>/.exec(src.slice(pos))
                if (!m) fail('malformed tag')
                pos += m![0].length
                if (m![3] === '/') children.push({ name: m![1], attrs: m![2], text: '', children: [] })
                else {
                    const inner = parseChildren(m![1])
                    children.push({ name: m![1], attrs: m![2], text: inner.children.length ? null : inner.text, children: inner.children })
                }
            } else {
                const next = src.indexOf('<', pos)
                const end = next < 0 ? src.length : next
                text += src.slice(pos, end)
                pos = end
            }
        }
    }
    return parseChildren(null).children
}

function textValue(raw: string): string {
    const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(raw)
    return cdata ? cdata[1] : decodeEntities(raw)
}

/**
 * Parses one record_update document: its main record and any child records the SDK writes in the same file
 * (e.g. the sys_variable_value rows of an ATF step, preceded by a delete_multiple). Throws on any other shape.
 */
export function parseRecordUpdate(xml: string, folder: PackageFolder, file: string): PackageRecord[] {
    const body = xml.replace(/^\s*<\?xml[^?]*\?>\s*/, '')
    const top = parseElements(body, file)
    if (top.length !== 1 || top[0].name !== 'record_update') throw new Error(`${file}: not a <record_update> document`)
    const declared = attr(top[0].attrs, 'table')
    const out: PackageRecord[] = []
    const visit = (rec: XmlElement): void => {
        // A container (e.g. <sys_choice_v2> around <sys_choice_set> and <sys_choice> rows) holds records, not fields.
        if (rec.children.some((c) => attr(c.attrs, 'action') !== null)) {
            for (const c of rec.children) {
                if (attr(c.attrs, 'action') === null) throw new Error(`${file}: <${c.name}> inside container <${rec.name}> is not a record`)
                visit(c)
            }
            return
        }
        const fields: Record<string, string> = {}
        const displayValues: Record<string, string> = {}
        for (const f of rec.children) {
            if (f.text === null) throw new Error(`${file}: field <${f.name}> of <${rec.name}> has child elements`)
            if (f.name in fields) throw new Error(`${file}: field <${f.name}> appears twice`)
            fields[f.name] = textValue(f.text)
            const dv = attr(f.attrs, 'display_value') ?? attr(f.attrs, 'name')
            if (dv !== null) displayValues[f.name] = dv
        }
        const query = attr(rec.attrs, 'query')
        if (query !== null) fields['@query'] = query
        out.push({ folder, file, table: rec.name, action: attr(rec.attrs, 'action') ?? 'INSERT_OR_UPDATE', fields, displayValues })
    }
    for (const rec of top[0].children) visit(rec)
    if (!out.length) throw new Error(`${file}: <record_update> holds no record`)
    if (declared && top[0].children[0]?.name !== declared) throw new Error(`${file}: record_update table="${declared}" but it holds <${out[0].table}>`)
    return out
}

const FOLDERS: PackageFolder[] = ['scope', 'update', 'unload', 'author_elective_update']

/** Records from a dist/app directory (the folder holding scope/, update/, unload/). */
export function readDistApp(appDir: string): PackageRecord[] {
    const out: PackageRecord[] = []
    for (const folder of FOLDERS) {
        const dir = path.join(appDir, folder)
        if (!fs.existsSync(dir)) continue
        for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.xml')).sort()) {
            out.push(...parseRecordUpdate(fs.readFileSync(path.join(dir, f), 'utf8'), folder, `${folder}/${f}`))
        }
    }
    return out
}

/** Entries of a zip file by name (shared reader: tests/support/zip.ts). */
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
