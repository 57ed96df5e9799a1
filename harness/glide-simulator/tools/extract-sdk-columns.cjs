// Regenerates sdk-tables.json: the column lists the pinned ServiceNow SDK (@servicenow/sdk-core 4.9.0) declares for
// platform tables (node_modules/@servicenow/sdk-core/src/fluent/tables/*.now.ts). Run: node harness/glide-simulator/tools/extract-sdk-columns.cjs
const fs = require('node:fs')
const path = require('node:path')
const root = path.resolve(__dirname, '../../..')
const dir = path.join(root, 'node_modules/@servicenow/sdk-core/src/fluent/tables')
const sdkVersion = require(path.join(root, 'node_modules/@servicenow/sdk-core/package.json')).version
const out = { source: `@servicenow/sdk-core ${sdkVersion} src/fluent/tables/*.now.ts`, tables: {} }
const files = fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.now.ts'))
    .sort()
for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8')
    const name = /\bname:\s*'([a-z0-9_]+)'/.exec(text)
    if (!name) continue
    const ext = /\bextends:\s*'([a-z0-9_]+)'/.exec(text)
    const columns = {}
    let current = null
    for (const line of text.split('\n')) {
        const col = /^ {8}([a-z0-9_]+):\s*([A-Za-z]+)Column\(/.exec(line)
        if (col) {
            current = col[1]
            columns[current] = { type: col[2] }
            const inlineRef = /referenceTable:\s*'([a-z0-9_]+)'/.exec(line)
            if (inlineRef) columns[current].reference = inlineRef[1]
            continue
        }
        const ref = /referenceTable:\s*'([a-z0-9_]+)'/.exec(line)
        if (ref && current) columns[current].reference = ref[1]
    }
    out.tables[name[1]] = { extends: ext ? ext[1] : null, file, columns }
}
// Compact form, one table a line: column -> "<Type>" or "<Type>><referenced table>".
const lines = Object.entries(out.tables).map(([n, t]) => {
    const cols = {}
    for (const [c, d] of Object.entries(t.columns)) cols[c] = d.reference ? `${d.type}>${d.reference}` : d.type
    return JSON.stringify(n) + ': ' + JSON.stringify({ extends: t.extends, file: t.file, columns: cols })
})
fs.writeFileSync(
    path.join(__dirname, '..', 'sdk-tables.json'),
    `{\n"source": ${JSON.stringify(out.source)},\n"tables": {\n${lines.join(',\n')}\n}}\n`
)
console.log(`${Object.keys(out.tables).length} tables`)
