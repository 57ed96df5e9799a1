/**
 * The Fluent build ships a value it could not evaluate as the text "Symbol(Now.UNRESOLVED)" and still reports
 * success (seen with string concatenation in a module a .now.ts file imports; see src/fluent/app/access.ts). No
 * built file may contain it.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { distAppDir } from '../../harness/support/artifacts'

test('no built record carries an unresolved Fluent value', () => {
    const dir = distAppDir()
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.xml'))
    expect(files.length).toBeGreaterThan(0)
    const hits = files.filter((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('Now.UNRESOLVED'))
    expect(hits).toEqual([])
})
