// eslint.config.mjs (`npm run lint` = `eslint .`): every script under src/, tests/ and scripts/ is linted and clean;
// in src/server the APIs the instance's Rhino ES2021 engine lacks (Node built-ins, browser globals, timers, dynamic
// import, ...) are reported, while tests/ and scripts/ may use Node and Jest; unused code is reported everywhere.
// ESLint's Node API loads eslint.config.mjs with a native dynamic import(), which Jest's VM sandbox cannot do, so the
// API runs in a child Node process (tests/ci/support/eslint-api.cjs) that prints the LintResult[] as JSON.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const root = path.resolve(__dirname, '../..')
const runner = path.join(__dirname, 'support', 'eslint-api.cjs')

type Message = { ruleId: string | null; message: string; line: number; severity: number }
type LintResult = { filePath: string; messages: Message[]; errorCount: number }

function lint(args: string[]): LintResult[] {
    const out = execFileSync(process.execPath, [runner, ...args], { cwd: root, encoding: 'utf8', timeout: 180000 })
    return JSON.parse(out) as LintResult[]
}

/** Lints `source` as if it were the file <root>/<relPath>: the text is written to a temp dir and linted with
 * --file-path pointing into the tree, so the work tree is never touched. */
function lintAs(relPath: string, source: string): Message[] {
    return lintEachAs([relPath], source)[0]
}

/** lintAs for several virtual paths in one ESLint run (one process start instead of one per path). */
function lintEachAs(relPaths: string[], source: string): Message[][] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcc-lint-'))
    try {
        const file = path.join(dir, 'texts.json')
        fs.writeFileSync(file, JSON.stringify(relPaths.map((p) => ({ text: source, filePath: path.join(root, p) }))))
        return lint(['--texts', file]).map((r) => r.messages)
    } finally {
        fs.rmSync(dir, { recursive: true, force: true })
    }
}

const lintAsServerModule = (source: string, name = 'ci-lint-probe.ts') => lintAs(`src/server/${name}`, source)

/** Tracked scripts under src/, harness/, tests/ and scripts/ (generated keys and type declarations aside). */
function trackedScripts(): string[] {
    const out = execFileSync('git', ['ls-files', '-z', 'src', 'harness', 'tests', 'scripts'], {
        cwd: root,
        encoding: 'utf8',
    })
    return out
        .split('\0')
        .filter((f) => /\.(ts|js|cjs|mjs)$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith('src/fluent/generated/'))
        .sort()
}

const rulesAt = (messages: Message[], line: number) => messages.filter((m) => m.line === line).map((m) => m.ruleId)

describe('eslint.config.mjs: what npm run lint covers', () => {
    test('package.json lints the whole tree', () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
            scripts: Record<string, string>
        }
        expect(pkg.scripts.lint).toBe('eslint .')
    })

    test('every tracked script under src/, tests/ and scripts/ is linted, and all of them lint clean', () => {
        const results = lint(['.'])
        const linted = results.map((r) => path.relative(root, r.filePath).split(path.sep).join('/')).sort()
        const expected = trackedScripts()
        expect(expected.length).toBeGreaterThan(100)
        expect(expected.filter((f) => !linted.includes(f))).toEqual([])
        const problems = results.flatMap((r) =>
            r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId} ${m.message}`)
        )
        expect(problems).toEqual([])
    }, 240000)

    test('tests/ and scripts/ may use Node and Jest; the same text in src/server is reported', () => {
        const source = [
            "import * as fs from 'node:fs'", // 1
            'export function f(): unknown[] {', // 2
            '    expect(process.env.CI).toBeDefined()', // 3
            "    return [fs, Buffer.from('x'), __dirname]", // 4
            '}', // 5
            '',
        ].join('\n')
        const [inTests, inScripts, server] = lintEachAs(
            ['tests/ci/lint-probe.test.ts', 'scripts/lint-probe.ts', 'src/server/lint-probe.ts'],
            source
        )
        expect(inTests).toEqual([])
        expect(inScripts).toEqual([])
        expect(rulesAt(server, 1)).toContain('no-restricted-imports')
        expect(rulesAt(server, 3)).toContain('@servicenow/sdk-app-plugin/no-unsupported-node-builtins')
        expect(rulesAt(server, 4).length).toBeGreaterThanOrEqual(2)
    })

    test('unused imports and variables are reported in every area, parameter names in function types are not', () => {
        const source = [
            "import { join } from './helper'", // 1
            'type Port = { send(url: string, body: string): number }', // 2
            'export function g(p: Port): number {', // 3
            '    const unused = 1', // 4
            "    return p.send('u', 'b')", // 5
            '}', // 6
            '',
        ].join('\n')
        const areas = [
            'src/server/core/lint-probe.ts',
            'src/fluent/lint-probe.now.ts',
            'tests/lint-probe.ts',
            'scripts/lint-probe.ts',
        ]
        const results = lintEachAs(areas, source)
        areas.forEach((where, i) => {
            const messages = results[i]
            expect({
                where,
                line1: rulesAt(messages, 1),
                line4: rulesAt(messages, 4),
                line2: rulesAt(messages, 2),
            }).toEqual({
                where,
                line1: ['@typescript-eslint/no-unused-vars'],
                line4: ['@typescript-eslint/no-unused-vars'],
                line2: [],
            })
        })
    })

    test('Node and Jest scripts (.cjs/.mjs) get no-undef: a typo in a global name is reported', () => {
        const messages = lintAs(
            'tests/support/lint-probe.cjs',
            "const fs = require('node:fs')\nmodule.exports = () => [fs, proces.env]\n"
        )
        expect(rulesAt(messages, 2)).toEqual(['no-undef'])
    })
})

describe('eslint.config.mjs (src/server, Rhino ES2021)', () => {
    test('Node built-ins, browser globals, timers and dynamic import are reported', () => {
        const messages = lintAsServerModule(
            [
                "import fs from 'fs'", // 1
                "import { createHash } from 'node:crypto'", // 2
                'export function f(): unknown[] {', // 3
                '    setTimeout(() => undefined, 10)', // 4
                '    const w = window.location', // 5
                "    const m = import('./other')", // 6
                '    const env = process.env', // 7
                "    const b = Buffer.from('x')", // 8
                "    const r = fetch('https://example.com')", // 9
                '    return [fs, createHash, w, m, env, b, r, globalThis]', // 10
                '}', // 11
                '',
            ].join('\n')
        )
        expect(rulesAt(messages, 1)).toContain('@servicenow/sdk-app-plugin/no-unsupported-node-builtins')
        expect(rulesAt(messages, 2)).toContain('no-restricted-imports') // node: prefix, which the plugin misses
        expect(rulesAt(messages, 4)).toContain('no-restricted-globals')
        expect(rulesAt(messages, 5)).toContain('no-restricted-globals')
        expect(rulesAt(messages, 6)).toContain('@servicenow/sdk-app-plugin/no-dynamic-import')
        expect(rulesAt(messages, 7)).toContain('@servicenow/sdk-app-plugin/no-unsupported-node-builtins')
        expect(rulesAt(messages, 8)).toContain('@servicenow/sdk-app-plugin/no-unsupported-node-builtins')
        expect(rulesAt(messages, 9)).toContain('no-restricted-globals')
        expect(messages.find((m) => m.line === 10 && m.message.includes('globalThis'))).toBeDefined()
        expect(messages.every((m) => m.severity === 2)).toBe(true)
    })

    test('ES2021-mode caveats are reported: async class methods, #private fields, subclassing Error, Reflect', () => {
        const messages = lintAsServerModule(
            [
                'export class Client {', // 1
                '    #secret = 1', // 2
                '    async load(): Promise<number> { return this.#secret }', // 3
                '}', // 4
                'export class JiraError extends Error {}', // 5
                'export const keys = Reflect.ownKeys({})', // 6
                '',
            ].join('\n')
        )
        expect(rulesAt(messages, 2)).toContain('no-restricted-syntax')
        expect(rulesAt(messages, 3)).toContain('no-restricted-syntax')
        expect(rulesAt(messages, 5)).toContain('no-restricted-syntax')
        expect(rulesAt(messages, 6)).toContain('no-restricted-globals')
    })

    test('what ES2021 mode supports is not reported (extensionless imports, lookbehind, \\p{} escapes, ??=, Promise)', () => {
        const messages = lintAsServerModule(
            [
                "import { helper } from './helper'",
                'export const price = /(?<=\\$)\\d+/',
                'export const letters = /\\p{L}+/u',
                'export function g(o: { a?: number }): Promise<number> {',
                '    o.a ??= 1',
                '    return Promise.resolve(helper(o.a) ?? 0)',
                '}',
                'export class Ok { private n = 1; static #count = 0; get value(): number { return this.n + Ok.#count } }',
                '',
            ].join('\n')
        )
        expect(messages.map((m) => `${m.line} ${m.ruleId} ${m.message}`)).toEqual([])
    })
})
