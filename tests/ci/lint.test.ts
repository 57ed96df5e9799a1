// eslint.config.mjs over src/server: the shipped modules lint clean, and APIs the instance's Rhino ES2021 engine
// lacks (Node built-ins, browser globals, timers, dynamic import, ...) are reported.
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
    const out = execFileSync(process.execPath, [runner, ...args], { cwd: root, encoding: 'utf8', timeout: 30000 })
    return JSON.parse(out) as LintResult[]
}

/** Lints `source` as if it were the server module src/server/<name>: the file is written to a temp dir and linted
 * with --file-path pointing into src/server, so the shared tree is never touched. */
function lintAsServerModule(source: string, name = 'ci-lint-probe.ts'): Message[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcc-lint-'))
    try {
        const file = path.join(dir, name)
        fs.writeFileSync(file, source)
        const [result] = lint(['--text-from', file, '--file-path', path.join(root, 'src/server', name)])
        return result.messages
    } finally {
        fs.rmSync(dir, { recursive: true, force: true })
    }
}

const rulesAt = (messages: Message[], line: number) => messages.filter((m) => m.line === line).map((m) => m.ruleId)

describe('eslint.config.mjs (src/server, Rhino ES2021)', () => {
    test('src/server lints clean with the project config', () => {
        const results = lint(['src/server'])
        expect(results.length).toBeGreaterThan(0) // the config really matched the server modules
        const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId} ${m.message}`))
        expect(problems).toEqual([])
    })

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
            ].join('\n'),
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
            ].join('\n'),
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
            ].join('\n'),
        )
        expect(messages.map((m) => `${m.line} ${m.ruleId} ${m.message}`)).toEqual([])
    })
})
