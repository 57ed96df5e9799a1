/**
 * `npm start` (scripts/start.ts) as a newcomer runs it: the real script in its own Node process, on the package this
 * jest run built (JCC_DEMO_ZIP skips its own build, as for `npm run demo`). Every scenario must end as expected, the
 * output must say it walks the form-by-form path, end with a short "Next:" (the setup page demo, then build and
 * deploy), and read as sentences (no two sentences run together, as "token received Access token received" was).
 */
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { packageZipPath } from '../../harness/support/artifacts'

const root = path.resolve(__dirname, '../..')
/** The command `npm start` runs, from package.json (so the test follows the script, not a copy of it). */
const startScript = (
    JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts.start

function runStart(zip: string): Promise<{ code: number | null; out: string }> {
    const [node, ...args] = startScript.split(' ')
    expect(node).toBe('node')
    const child = spawn(process.execPath, args, {
        cwd: root,
        env: { ...process.env, JCC_DEMO_ZIP: zip },
        stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')))
    child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')))
    return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })))
}

let run: { code: number | null; out: string }
let zip: string
beforeAll(async () => {
    zip = packageZipPath()
    run = await runStart(zip)
}, 150000)

test('npm start: every scenario behaves as expected, on the package it was given (no second build)', () => {
    const result = run.out.split('\nResult:\n')[1] ?? ''
    const lines = result.split('\n').filter((l) => /^ {2}(NOT )?as expected/.test(l))
    expect(lines.length).toBeGreaterThanOrEqual(10)
    expect(lines.filter((l) => l.includes('NOT as expected'))).toEqual([])
    expect(run.out).toMatch(new RegExp(`\\n${lines.length}/${lines.length} behaved as expected in [\\d.]+ s\\.`))
    expect(run.code).toBe(0)
    expect(run.out).not.toContain('Building the package')
    // The zip it was given is the run's artifact: npm start must not delete it.
    expect(fs.existsSync(zip)).toBe(true)
})

test('npm start says it walks the form-by-form path and ends with a short Next: (npm run demo, build and deploy)', () => {
    expect(run.out).toMatch(/form-by-form path/)
    const next = run.out.split('\nNext:\n')
    expect(next.length).toBe(2)
    const steps = next[1].trim().split('\n')
    expect(steps.length).toBeLessThanOrEqual(4)
    expect(next[1]).toContain('npm run demo')
    expect(next[1]).toContain('npm run build')
    expect(next[1]).toContain('npm run deploy')
})

test('npm start explains each scenario: who the service account is in Jira, how often the idle token rotates', () => {
    const sa = run.out.split('== Scenario 5/')[1]?.split('\n== ')[0] ?? ''
    expect(sa).toMatch(/Signed in to Jira as ServiceNow integration \([^)]*\), an app account/)
    const quiet = run.out.split('== Scenario 6/')[1] ?? ''
    // One line that says what happened and why, not a list of a hundred days.
    const keepAlive = quiet.split('\n').find((l) => /Days 0-100/.test(l)) ?? ''
    expect(keepAlive).toMatch(/rotated \d+ times/)
    expect(keepAlive).not.toMatch(/day \d+, day \d+, day \d+/)
    expect(keepAlive).toMatch(/each daily check/)
})

test('npm start prints sentences, not sentences run together', () => {
    // A sentence that starts inside another one ("OAuth token received Access token received …").
    const runTogether = run.out
        .split('\n')
        .filter((l) => /\b[a-z]+ (Access|Token|The|This|No|It|Fix|Expected|Found|Refresh) [a-z]/.test(l))
    expect(runTogether).toEqual([])
    expect(run.out).toMatch(/Pop-up window says: [^\n]+: Access token received[^\n]*\./)
})
