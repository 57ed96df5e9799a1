/**
 * No line in src/ over 120 characters (issue 12): Fluent records, server modules, the client page and its styles.
 * Prettier wraps code at 120 but leaves long strings, template literals and comments alone, so this test is the
 * check for those. src/fluent/generated/keys.ts is written by the SDK and exempt.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
// Every folder of src/, so a new one is covered without editing this list.
const ROOTS = fs
    .readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `src/${d.name}`)
const EXEMPT = new Set(['src/fluent/generated/keys.ts'])
const LIMIT = 120

function sourceFiles(dir: string): string[] {
    return (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
        .map((f) => path.join(dir, f).split(path.sep).join('/'))
        .filter((f) => /\.(ts|tsx|js|css)$/.test(f) && !EXEMPT.has(f))
}

test.each(ROOTS)('no line in %s is over 120 characters', (dir) => {
    const long: string[] = []
    for (const file of sourceFiles(dir)) {
        fs.readFileSync(path.join(ROOT, file), 'utf8')
            .split('\n')
            .forEach((line, i) => {
                if (line.length > LIMIT) long.push(`${file}:${i + 1} (${line.length})`)
            })
    }
    expect(long).toEqual([])
})
