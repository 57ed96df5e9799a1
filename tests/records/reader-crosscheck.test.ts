/**
 * Our XML and ZIP readers (harness/support/xml.ts, zip.ts) checked against well-kept libraries on the real build:
 * fast-xml-parser (the XML library the SDK itself depends on) and fflate (the library `now-sdk pack` writes the zip
 * with). Both readers stay ours for the reasons given at the top of each file; this test means a reading bug in
 * either shows up as a disagreement on the artifact we ship.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { unzipSync } from 'fflate'
import { listAppXmlFiles, openPackageZip, parseRecordUpdate, type AppRecord } from '../support/app-records'
import { distAppDir, packageZipPath } from '../../harness/support/artifacts'

type FxpNode = Record<string, unknown> & { ':@'?: Record<string, string> }

const fxp = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    cdataPropName: '#cdata',
    processEntities: true,
    htmlEntities: true, // numeric character references are decoded only with this on
    ignoreDeclaration: true,
    ignorePiTags: true,
})

const tagOf = (n: FxpNode) => Object.keys(n).find((k) => k !== ':@')!
const kidsOf = (n: FxpNode) => (n[tagOf(n)] as FxpNode[]) ?? []
const isElement = (n: FxpNode) => !['#text', '#cdata'].includes(tagOf(n))
const textOf = (n: FxpNode): string =>
    tagOf(n) === '#text'
        ? String(n['#text'])
        : kidsOf(n)
              .map((k) => textOf(k))
              .join('')

/** The records of one record_update document as fast-xml-parser reads them, in our AppRecord shape. */
function fxpRecords(xml: string): Pick<AppRecord, 'table' | 'sysId' | 'fields' | 'attributes'>[] {
    const root = (fxp.parse(xml) as FxpNode[]).find(isElement)!
    if (tagOf(root) !== 'record_update') return []
    return kidsOf(root)
        .filter(isElement)
        .filter((el) => kidsOf(el).some((k) => tagOf(k) === 'sys_id'))
        .map((el) => {
            const fields: Record<string, string> = {}
            for (const k of kidsOf(el).filter(isElement)) if (!(tagOf(k) in fields)) fields[tagOf(k)] = textOf(k)
            return { table: tagOf(el), sysId: fields.sys_id.trim(), fields, attributes: { ...el[':@'] } }
        })
}

describe('our XML reader agrees with fast-xml-parser on every built record file', () => {
    const files = listAppXmlFiles()

    test.each(files)('%s', (file) => {
        const xml = fs.readFileSync(path.join(distAppDir(), file), 'utf8')
        expect(XMLValidator.validate(xml)).toBe(true)
        const ours = parseRecordUpdate(xml, file.split('/')[0] as AppRecord['folder'], file).records
        const theirs = fxpRecords(xml)
        expect(theirs.length).toBeGreaterThan(0)
        expect(ours.map(({ table, sysId, fields, attributes }) => ({ table, sysId, fields, attributes }))).toEqual(
            theirs
        )
    })
})

describe('our ZIP reader agrees with fflate on the package zip', () => {
    test('same entry names, compression methods and bytes', () => {
        const ours = openPackageZip()
        const listed: { name: string; compression: number }[] = []
        const theirs = unzipSync(fs.readFileSync(packageZipPath()), {
            filter: (f) => (listed.push({ name: f.name, compression: f.compression }), true),
        })
        expect(ours.entries().map((e) => ({ name: e.rawName, compression: e.method }))).toEqual(listed)
        expect(ours.entries().length).toBe(Object.keys(theirs).length) // no duplicate names hidden by fflate's map
        for (const e of ours.entries()) expect(Buffer.from(theirs[e.rawName]).equals(ours.read(e.name))).toBe(true)
    })
})
