// The browser tests bring or find their browser (harness/support/browser.cjs) and never skip: `npm ci` installs a
// Chromium inside the npm package @sparticuz/chromium, an explicit CHROMIUM_PATH wins, and a missing browser is one
// clear line naming the install command.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { INSTALL_HINT, installedCandidates } from '../../harness/support/browser.cjs'

const root = path.resolve(__dirname, '../..')
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>
}

/** Runs resolveChromium() in a child process with `env` (nothing leaks into this worker's environment). */
function resolveIn(
    env: Record<string, string | undefined>
): { ok: true; executablePath: string; source: string } | { ok: false; message: string } {
    const script = `try { const r = require(${JSON.stringify(path.join(root, 'harness/support/browser.cjs'))}).resolveChromium(); process.stdout.write(JSON.stringify({ ok: true, executablePath: r.executablePath, source: r.source })) } catch (e) { process.stdout.write(JSON.stringify({ ok: false, message: e.message })) }`
    const childEnv: Record<string, string> = {}
    for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v
    return JSON.parse(
        execFileSync(process.execPath, ['-e', script], { env: childEnv, encoding: 'utf8', timeout: 120000 })
    )
}

describe('the browser the tests drive', () => {
    test('@sparticuz/chromium is a pinned devDependency locked with an integrity hash', () => {
        expect(pkg.devDependencies['@sparticuz/chromium']).toMatch(/^\d+\.\d+\.\d+$/)
        const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
            packages: Record<string, { version: string; integrity?: string; dev?: boolean }>
        }
        const entry = lock.packages['node_modules/@sparticuz/chromium']
        expect(entry).toMatchObject({ version: pkg.devDependencies['@sparticuz/chromium'], dev: true })
        expect(entry.integrity).toMatch(/^sha512-/)
    })

    test('without CHROMIUM_PATH on Linux x86_64 the bundled build is used, with its libraries; elsewhere an installed one', () => {
        const r = resolveIn({ CHROMIUM_PATH: undefined, JCC_CHROMIUM: undefined })
        const bundled = `@sparticuz/chromium ${pkg.devDependencies['@sparticuz/chromium']} (bundled)`
        if (!(process.platform === 'linux' && process.arch === 'x64')) {
            expect(r.ok ? r.source : r.message).not.toBe(bundled) // the package ships a Linux x86_64 binary only
            return
        }
        expect(r).toMatchObject({ ok: true, source: bundled })
        if (!r.ok) return
        expect(r.executablePath.startsWith(path.join(root, 'node_modules', '.cache') + path.sep)).toBe(true)
        fs.accessSync(r.executablePath, fs.constants.X_OK)
        // Its shared libraries come with it, so a machine without NSS can run it.
        for (const lib of ['libnss3.so', 'libnspr4.so', 'libexpat.so.1'])
            expect(fs.existsSync(path.join(path.dirname(r.executablePath), 'lib', lib))).toBe(true)
    })

    test('an explicit CHROMIUM_PATH wins', () => {
        const other = resolveIn({ CHROMIUM_PATH: process.execPath }) // any executable file will do for the lookup
        expect(other).toEqual({ ok: true, executablePath: process.execPath, source: 'CHROMIUM_PATH' })
    })

    test('a CHROMIUM_PATH that names no executable fails with one line naming the install command', () => {
        const r = resolveIn({ CHROMIUM_PATH: path.join(root, 'no-such-browser') })
        expect(r.ok).toBe(false)
        if (r.ok) return
        expect(r.message).toBe(
            `CHROMIUM_PATH=${path.join(root, 'no-such-browser')} is not an executable file: ${INSTALL_HINT}.`
        )
        expect(r.message).toContain('apt-get install chromium')
        expect(r.message).not.toContain('\n')
    })

    test('the installed-browser fallback covers Debian, Ubuntu and Google Chrome locations', () => {
        expect(installedCandidates()).toEqual(
            expect.arrayContaining([
                '/usr/bin/chromium',
                '/usr/bin/chromium-browser',
                '/usr/bin/google-chrome',
                '/usr/bin/google-chrome-stable',
            ])
        )
    })

    test('the browser tests resolve their browser through browser.cjs and no test anywhere is skipped', () => {
        // jest's roots are tests/ and src/ (unit tests next to the server modules); harness/ holds the Chromium driver.
        const files = execFileSync('git', ['ls-files', '-z', 'tests', 'src', 'harness'], {
            cwd: root,
            encoding: 'utf8',
        })
            .split('\0')
            .filter((f) => f.endsWith('.ts'))
        const usesPlaywright = files.filter((f) =>
            /from 'playwright-core'|require\('playwright-core'\)/.test(fs.readFileSync(path.join(root, f), 'utf8'))
        )
        expect(usesPlaywright.length).toBeGreaterThan(0)
        for (const f of usesPlaywright) {
            const text = fs.readFileSync(path.join(root, f), 'utf8')
            expect({ f, resolves: text.includes('resolveChromium()') }).toEqual({ f, resolves: true })
            expect({ f, hardCoded: /executablePath:\s*['"`]/.test(text) }).toEqual({ f, hardCoded: false })
        }
        const skipping = files.filter(
            (f) =>
                f !== 'tests/ci/browser.test.ts' &&
                /\b(test|it|describe)\.(skip|todo)\b|\bx(it|test|describe)\(/.test(
                    fs.readFileSync(path.join(root, f), 'utf8')
                )
        )
        expect(skipping).toEqual([])
    })
})
