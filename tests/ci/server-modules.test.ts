/** The built package ships the validator's modules and none of the unit tests that sit next to them in src/server. */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { distAppDir } from '../../harness/support/artifacts'

const root = path.resolve(__dirname, '../..')

function walk(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name)
        return e.isDirectory() ? walk(p) : [p]
    })
}

test('src/server has unit tests, and no sys_module of the build is a test or contains test code', () => {
    const unitTests = walk(path.join(root, 'src/server')).filter((f) => f.endsWith('.test.ts'))
    expect(unitTests.length).toBeGreaterThan(0)
    const modules = walk(path.join(distAppDir(), 'update'))
        .filter((f) => path.basename(f).startsWith('sys_module_'))
        .map((f) => fs.readFileSync(f, 'utf8'))
    const paths = modules.map((xml) => /<path>([^<]*)<\/path>/.exec(xml)?.[1] ?? '')
    expect(paths).toContain('x_jira_connect/jira-cloud-connect/1.0.0/src/server/core/catalogue.ts')
    expect(paths.filter((p) => /\.(test|spec)\.ts$/.test(p))).toEqual([])
    // jest declarations at the start of a line (regex.test(...) calls in the shipped code do not match)
    for (const xml of modules) expect(xml).not.toMatch(/(^|\n)\s*(describe|test|it)(\.each)?\(\s*['"`]/)
})
