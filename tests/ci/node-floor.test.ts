/**
 * The Node version this project says it needs (package.json engines, the README's set-up row) is one that every
 * installed package accepts, except the packages the README names as the EBADENGINE warnings `npm ci` prints, so a
 * newcomer on the stated floor sees only the warnings the README explains (issue 17, the demo and the newcomer path).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

// npm's own range parser (installed with the toolchain: eslint, the SDK and npm itself depend on it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require('semver') as {
    minVersion(range: string): { version: string } | null
    satisfies(version: string, range: string): boolean
}

const root = path.resolve(__dirname, '../..')
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }
const floor = semver.minVersion(pkg.engines.node)!.version
const [major, minor] = floor.split('.')
const setUpRow = fs
    .readFileSync(path.join(root, 'README.md'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('| Set up |'))!

/** Every installed package whose engines.node the floor does not satisfy, by name (nested copies included). */
function refusingFloor(): string[] {
    const out = new Set<string>()
    const walk = (dir: string) => {
        for (const name of fs.readdirSync(dir)) {
            if (name.startsWith('.')) continue
            const p = path.join(dir, name)
            if (name.startsWith('@')) {
                walk(p)
                continue
            }
            const file = path.join(p, 'package.json')
            if (fs.existsSync(file)) {
                const j = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; engines?: { node?: unknown } }
                const range = j.engines && j.engines.node
                if (typeof range === 'string' && !semver.satisfies(floor, range)) out.add(j.name || name)
            }
            if (fs.existsSync(path.join(p, 'node_modules'))) walk(path.join(p, 'node_modules'))
        }
    }
    walk(path.join(root, 'node_modules'))
    return [...out].sort()
}

test('the README states the Node floor package.json declares', () => {
    expect(setUpRow).toContain(`Node ≥ ${major}.${minor}`)
    expect(setUpRow).toContain(`tested on Node ${major}.${minor} and later`)
})

test('on the stated Node floor, only the packages the README names refuse it (the EBADENGINE warnings it explains)', () => {
    const sentence = /on Node \d+ it prints[^|]*?harmless/.exec(setUpRow)?.[0] ?? ''
    expect(sentence).toContain('EBADENGINE')
    const named = [...sentence.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((n) => n !== 'EBADENGINE')
    expect(named.length).toBeGreaterThan(0)
    expect({ floor, refusing: refusingFloor() }).toEqual({ floor, refusing: named.sort() })
})
