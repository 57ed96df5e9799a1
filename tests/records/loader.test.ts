/** The record loader and zip reader of tests/support/app-records.ts, on hand-made input and on the real build. */
import { deflateRawSync } from 'node:zlib'
import {
    AppRecords,
    crc32,
    listAppXmlFiles,
    loadAppRecords,
    openPackageZip,
    parseRecordUpdate,
    parseXml,
    PackageZip,
    parseInventory,
} from '../support/app-records'

describe('record_update XML parser', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<record_update table="x_thing">
  <x_thing action="INSERT_OR_UPDATE">
    <sys_id>0123456789abcdef0123456789abcdef</sys_id>
    <sys_scope display_value="x_jira_connect">3d5bf9b34fe54ed8828f94f2ab7fbd7d</sys_scope>
    <url>https://api.atlassian.com/ex/jira/&lt;cloud-id&gt;?a=1&amp;b=&quot;2&quot;&apos;</url>
    <script><![CDATA[if (a < b && c > d) { x = "<tag>&amp;" }
]]></script>
    <parent/>
    <empty></empty>
    <num>&#65;&#x42;</num>
  </x_thing>
  <x_thing_child action='DELETE'>
    <sys_id>fedcba9876543210fedcba9876543210</sys_id>
  </x_thing_child>
  <database><element name="x_t" type="collection"><element name="u_a" type="string"/></element></database>
</record_update>`

    test('reads every record, its fields, field attributes and record attributes', () => {
        const { records, others } = parseRecordUpdate(xml, 'update', 'update/x.xml')
        expect(records.map((r) => [r.table, r.sysId, r.attributes.action])).toEqual([
            ['x_thing', '0123456789abcdef0123456789abcdef', 'INSERT_OR_UPDATE'],
            ['x_thing_child', 'fedcba9876543210fedcba9876543210', 'DELETE'],
        ])
        expect(records[0].fieldAttributes.sys_scope).toEqual({ display_value: 'x_jira_connect' })
        expect(records[0]).toMatchObject({ folder: 'update', file: 'update/x.xml' })
        expect(others.map((o) => o.element.name)).toEqual(['database'])
    })

    test('decodes the five entities and numeric references; keeps CDATA verbatim; empty elements are ""', () => {
        const f = parseRecordUpdate(xml, 'update', 'x').records[0].fields
        expect(f.url).toBe(`https://api.atlassian.com/ex/jira/<cloud-id>?a=1&b="2"'`)
        expect(f.script).toBe('if (a < b && c > d) { x = "<tag>&amp;" }\n')
        expect(f.parent).toBe('')
        expect(f.empty).toBe('')
        expect(f.num).toBe('AB')
        expect('missing' in f).toBe(false)
    })

    test('a CDATA section split by the SDK (]]]]><![CDATA[>) is joined back', () => {
        const r = parseRecordUpdate(
            '<record_update><t><sys_id>1</sys_id><s><![CDATA[a]]]]><![CDATA[>b]]></s></t></record_update>',
            'update',
            'x'
        ).records[0]
        expect(r.fields.s).toBe('a]]>b')
    })

    test('a record_update without a table attribute takes the table from the record element', () => {
        expect(
            parseRecordUpdate(
                '<record_update><sys_module><sys_id>1</sys_id></sys_module></record_update>',
                'update',
                'x'
            ).records[0].table
        ).toBe('sys_module')
    })

    test.each([
        [
            'an unclosed element',
            '<record_update><t><sys_id>1</sys_id></record_update>',
            'f.xml:1: </record_update> closes <t>',
        ],
        ['an unknown entity', '<a>\n&nbsp;</a>', 'f.xml:2: unknown XML entity "&nbsp;"'],
        ['a bare ampersand', '<a>x & y</a>', 'f.xml:1: "&" not followed by an entity reference'],
        ['an unterminated CDATA', '<a><![CDATA[x</a>', 'f.xml:1: unterminated CDATA section'],
        ['trailing content', '<a/><b/>', 'f.xml:1: content after the root element'],
    ])('rejects %s with file and line', (_what, text, message) => {
        expect(() => parseXml(text, 'f.xml')).toThrow(message)
    })
})

describe('AppRecords lookups', () => {
    const { records } = parseRecordUpdate(
        `<record_update>
          <a><sys_id>11111111111111111111111111111111</sys_id><name>A</name><ref>22222222222222222222222222222222</ref><gone>99999999999999999999999999999999</gone><none/></a>
          <b><sys_id>22222222222222222222222222222222</sys_id><title>B</title></b>
        </record_update>`,
        'update',
        'update/a.xml'
    )
    const idx = new AppRecords(records)

    test('by table, by sys_id, one()', () => {
        expect(idx.byTable('b').map((r) => r.fields.title)).toEqual(['B'])
        expect(idx.bySysId('11111111111111111111111111111111')?.fields.name).toBe('A')
        expect(idx.bySysId('nope')).toBeUndefined()
        expect(idx.one('a', { name: 'A' }).table).toBe('a')
        expect(() => idx.one('a', { name: 'Z' })).toThrow('expected exactly one a record with name="Z", found 0')
    })

    test('resolve() follows a reference and names record, field and sys_id when it cannot', () => {
        const a = idx.one('a')
        expect(idx.resolve(a, 'ref').fields.title).toBe('B')
        expect(() => idx.resolve(a, 'gone')).toThrow(
            'a "A" field gone: references 99999999999999999999999999999999 which is not shipped (update/a.xml)'
        )
        expect(() => idx.resolve(a, 'none')).toThrow('a "A" field none: the reference is empty (update/a.xml)')
        expect(() => idx.resolve(a, 'absent')).toThrow(
            'a "A" field absent: the field is not in the record (update/a.xml)'
        )
    })
})

describe('zip reader', () => {
    /** A minimal zip (one stored and one deflated entry, leading "/" names like now-sdk pack) built by hand. */
    function makeZip(files: { name: string; data: Buffer; deflate: boolean }[]): Buffer {
        const locals: Buffer[] = []
        const centrals: Buffer[] = []
        let offset = 0
        for (const f of files) {
            const name = Buffer.from(f.name)
            const body = f.deflate ? deflateRawSync(f.data) : f.data
            const lh = Buffer.alloc(30)
            lh.writeUInt32LE(0x04034b50, 0)
            lh.writeUInt16LE(20, 4)
            lh.writeUInt16LE(f.deflate ? 8 : 0, 8)
            lh.writeUInt32LE(crc32(f.data), 14)
            lh.writeUInt32LE(body.length, 18)
            lh.writeUInt32LE(f.data.length, 22)
            lh.writeUInt16LE(name.length, 26)
            const ch = Buffer.alloc(46)
            ch.writeUInt32LE(0x02014b50, 0)
            ch.writeUInt16LE(20, 4)
            ch.writeUInt16LE(20, 6)
            ch.writeUInt16LE(f.deflate ? 8 : 0, 10)
            ch.writeUInt32LE(crc32(f.data), 16)
            ch.writeUInt32LE(body.length, 20)
            ch.writeUInt32LE(f.data.length, 24)
            ch.writeUInt16LE(name.length, 28)
            ch.writeUInt32LE(offset, 42)
            locals.push(lh, name, body)
            centrals.push(ch, name)
            offset += 30 + name.length + body.length
        }
        const cd = Buffer.concat(centrals)
        const end = Buffer.alloc(22)
        end.writeUInt32LE(0x06054b50, 0)
        end.writeUInt16LE(files.length, 8)
        end.writeUInt16LE(files.length, 10)
        end.writeUInt32LE(cd.length, 12)
        end.writeUInt32LE(offset, 16)
        return Buffer.concat([...locals, cd, end])
    }
    const text = 'hello <record_update/> '.repeat(50)
    const zipBuf = makeZip([
        { name: '/a/stored.txt', data: Buffer.from('stored bytes'), deflate: false },
        { name: '/b/deflated.xml', data: Buffer.from(text), deflate: true },
    ])

    test('lists entries without the leading "/" and reads stored and deflated entries', () => {
        const z = new PackageZip(zipBuf, 'hand.zip')
        expect(z.names()).toEqual(['a/stored.txt', 'b/deflated.xml'])
        expect(z.entries()[1]).toMatchObject({ rawName: '/b/deflated.xml', method: 8 })
        expect(z.text('a/stored.txt')).toBe('stored bytes')
        expect(z.text('/b/deflated.xml')).toBe(text)
    })

    test('detects a corrupted entry (CRC-32) and a missing entry', () => {
        const bad = Buffer.from(zipBuf)
        bad[30 + '/a/stored.txt'.length] ^= 0xff
        expect(() => new PackageZip(bad, 'bad.zip').read('a/stored.txt')).toThrow(
            'bad.zip: entry /a/stored.txt: CRC-32 mismatch'
        )
        expect(() => new PackageZip(zipBuf, 'hand.zip').read('nope')).toThrow('hand.zip: no entry nope')
        expect(() => new PackageZip(Buffer.from('not a zip at all, certainly not'), 'x.zip')).toThrow(
            'x.zip: no end-of-central-directory record'
        )
    })

    test('crc32 matches the reference value', () => {
        expect(crc32(Buffer.from('123456789')).toString(16)).toBe('cbf43926')
    })

    test('parseInventory reads the header and path;sha256 rows', () => {
        expect(parseInventory('#build=x_s\n#version=1.0.0\nupdate/a.xml;abc\n\n')).toEqual({
            header: { build: 'x_s', version: '1.0.0' },
            rows: [{ path: 'update/a.xml', sha256: 'abc' }],
        })
    })
})

describe('the real build', () => {
    test('every XML file of dist/app/{update,unload,scope} parses and the loader finds records in all three folders', () => {
        const files = listAppXmlFiles()
        const records = loadAppRecords()
        expect(files.length).toBeGreaterThan(0)
        expect(new Set(records.records.map((r) => r.folder))).toEqual(new Set(['update', 'unload', 'scope']))
        // Every file yields records or other elements (e.g. <sys_variable_value action="delete_multiple"/>): none is silently empty.
        expect(new Set([...records.records.map((r) => r.file), ...records.others.map((o) => o.file)])).toEqual(
            new Set(files)
        )
    })

    test('the scope record is the x_jira_connect sys_app', () => {
        expect(loadAppRecords().one('sys_app', { scope: 'x_jira_connect' }).folder).toBe('scope')
    })

    test('the package zip opens and every entry reads (CRC checked)', () => {
        const z = openPackageZip()
        expect(z.names()).toContain('package_inventory.csv')
        for (const n of z.names()) expect(z.read(n).length).toBe(z.entry(n).size)
    })
})
