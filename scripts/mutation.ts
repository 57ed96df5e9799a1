/**
 * Mutation check (issue 21): hand-written one-line mutants of the platform adapters (src/server/glide) and of the
 * core's classification (src/server/core), each a plausible bug that would give the admin a wrong finding. Each is
 * applied to a scratch copy of the repository, built with the real SDK when the suites that must kill it run the
 * shipped package, and tested with `jest --bail` on those suites only. The run fails when a mutant survives, when a
 * mutant no longer matches the source (the code moved: update the mutant), or when the unmutated copy fails the same
 * suites (a broken baseline would "kill" everything).
 *
 *   npm run mutation                 every mutant (about 15 minutes on 2 cores: a build per adapter mutant)
 *   npm run mutation -- --quick      the mutants the core scenarios must kill, no build (.ci/run runs this)
 *   npm run mutation -- --only a,b   the named mutants
 *
 * The quick set reuses dist/ and target/ of the working tree (npm test built them) for the suites' global setup.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

interface Mutant {
    id: string
    /** The bug, as the admin would see it. */
    bug: string
    file: string
    /** Exact source text, found exactly once in the file (context lines allowed; one line changes). */
    find: string
    replace: string
    /** Jest test paths that must kill it, and an optional test-name pattern that narrows them. */
    suites: string[]
    tests?: string
}

const E2E = 'tests/e2e/adapter-failures.test.ts'
const CORE = ['tests/validator/scenarios.test.ts']

export const MUTANTS: Mutant[] = [
    // ---------------------------------------------------------------- adapters (shipped package, e2e)
    {
        id: 'unknown-host-generic',
        bug: 'an unknown host reported as a generic HTTP error',
        file: 'src/server/glide/platform-errors.ts',
        find: "    if (/UnknownHost|Name or service not known|nodename nor servname|unknown host/i.test(m)) return 'unknown_host'",
        replace:
            "    if (/UnknownHost|Name or service not known|nodename nor servname|unknown host/i.test(m)) return 'other'",
        suites: [E2E],
        tests: 'unknown host',
    },
    {
        id: 'refused-refresh-generic',
        bug: 'a refused token URL during refresh reported as a generic refresh failure',
        file: 'src/server/glide/oauth-tokens.ts',
        find: '            transport: noAnswer ? classifyPlatformError(message) : null,',
        replace: '            transport: null,',
        suites: [E2E],
        tests: 'token URL refused',
    },
    {
        id: 'lost-access-token-undetected',
        bug: 'an access token the platform did not store after a refresh goes undetected',
        file: 'src/server/glide/platform-errors.ts',
        find: "    if (newAccess && storedAccess !== newAccess) return 'access_token_not_stored'",
        replace: "    if (false && newAccess && storedAccess !== newAccess) return 'access_token_not_stored'",
        suites: [E2E],
        tests: 'access token is not stored',
    },
    {
        id: 'trimmed-url-written-back',
        bug: 'a "helpful" write-back of a trimmed connection URL, reported as works',
        file: 'src/server/glide/config-reader.ts',
        find: "            url: str(row, 'connection_url'),",
        replace:
            "            url: (row.setValue('connection_url', str(row, 'connection_url').trim()), row.update(), " +
            "str(row, 'connection_url')),",
        suites: [E2E],
        tests: 'trailing space',
    },
    {
        id: 'url-trimmed-on-read',
        bug: 'the reader trims the connection URL, so spaces the integration would send go unreported',
        file: 'src/server/glide/config-reader.ts',
        find: "            url: str(row, 'connection_url'),",
        replace: "            url: str(row, 'connection_url').trim(),",
        suites: [E2E],
        tests: 'trailing space',
    },
    {
        id: 'attribute-values-ignored',
        bug: "a connection's own api_version (sys_variable_value) ignored for the alias default",
        file: 'src/server/glide/config-reader.ts',
        find: "            if (definition) values[str(definition, 'element')] = str(v, 'value')",
        replace: "            if (definition) values[`${str(definition, 'element')} `] = str(v, 'value')",
        suites: [E2E],
        tests: 'api_version 4',
    },
    {
        id: 'rest-minus-one-is-answer',
        bug: 'RESTMessageV2 status -1 (no answer, KB3067060) read as an HTTP answer',
        file: 'src/server/glide/rest-http.ts',
        find: '    if (status < 100) {',
        replace: '    if (status === 0) {',
        suites: [E2E],
        tests: 'status -1 with the Java text',
    },
    {
        id: 'rest-thrown-timeout-generic',
        bug: 'a timeout thrown by execute() reported as a generic HTTP error',
        file: 'src/server/glide/rest-http.ts',
        find:
            '            const detail = safeText(String((e as { message?: string })?.message || e), 160)\n' +
            '            return { ok: false, failure: classifyPlatformError(detail), detail }',
        replace:
            '            const detail = safeText(String((e as { message?: string })?.message || e), 160)\n' +
            "            return { ok: false, failure: 'other', detail }",
        suites: [E2E],
        tests: "restTimeout 'throw'",
    },
    {
        id: 'credential-read-throws',
        bug: 'a credential the platform will not read ends the whole validation with an internal error',
        file: 'src/server/glide/rest-http.ts',
        find: '            authProblem = `the credential could not be read: ${why}`',
        replace: '            throw e',
        suites: [E2E],
        tests: 'cannot apply',
    },
    {
        id: 'oauth-minus-one-is-answer',
        bug: 'GlideOAuthClient status -1 (no answer) read as an HTTP answer: refresh_failed instead of unreachable',
        file: 'src/server/glide/oauth-tokens.ts',
        find: '        const answered = status !== null && status >= 100',
        replace: '        const answered = status !== null && status !== 0',
        suites: [E2E],
        tests: 'no answer as status -1 token URL',
    },
    {
        id: 'oauth-thrown-unclassified',
        bug: 'a Java error thrown by the OAuth client reported as a generic refresh failure',
        file: 'src/server/glide/oauth-tokens.ts',
        find: '                transport: classifyPlatformError(detail),',
        replace: '                transport: null,',
        suites: [E2E],
        tests: 'no answer as a thrown Java error',
    },
    {
        id: 'token-denial-as-no-token',
        bug: 'a non-admin whose token read comes back empty told "no token" instead of the admin role (KB0859525)',
        file: 'src/server/glide/oauth-tokens.ts',
        find: "        return state || isAdmin ? state : denied('')",
        replace: '        return state',
        suites: [E2E],
        tests: 'getToken empty',
    },
    // ---------------------------------------------------------------- shared by adapter and core scenarios
    {
        id: 'tls-generic',
        bug: 'a TLS handshake failure (KB3067060 texts) reported as a generic HTTP error',
        file: 'src/server/glide/platform-errors.ts',
        find: "        return 'tls'",
        replace: "        return 'other'",
        suites: CORE,
        tests: 'TLS',
    },
    {
        id: 'rotation-loss-undetected',
        bug: 'a rotated refresh token the platform did not store goes undetected (A5)',
        file: 'src/server/glide/platform-errors.ts',
        find: '    if (newRefresh && newRefresh !== previousRefresh && storedRefresh !== newRefresh)',
        replace: '    if (false && newRefresh && newRefresh !== previousRefresh && storedRefresh !== newRefresh)',
        suites: CORE,
        tests: 'A5',
    },
    // ---------------------------------------------------------------- core classification (no build)
    {
        id: 'core-unknown-host-generic',
        bug: 'the core words an unknown host as a generic HTTP error',
        file: 'src/server/core/findings.ts',
        find: "                code: 'unknown_host',",
        replace: "                code: 'http_error',",
        suites: CORE,
        tests: 'unknown|resolve',
    },
    {
        id: 'core-refresh-timeout-as-unreachable',
        bug: 'a refresh that timed out reported as unreachable',
        file: 'src/server/core/checks/token.ts',
        find: "            code: result.transport === 'timeout' ? 'refresh_timeout' : 'refresh_unreachable',",
        replace: "            code: 'refresh_unreachable',",
        suites: CORE,
        tests: 'refresh',
    },
    {
        id: 'core-refresh-transport-generic',
        bug: 'a refused token URL during refresh reported as a generic refresh failure (core)',
        file: 'src/server/core/checks/token.ts',
        find: '    if (result.transport) {',
        replace: '    if (false && result.transport) {',
        suites: CORE,
        tests: 'refresh',
    },
    {
        id: 'core-storage-loss-ignored',
        bug: 'a refresh the platform did not store reported as an unreadable answer',
        file: 'src/server/core/checks/token.ts',
        find: '    if (result.notStored) {',
        replace: '    if (false && result.notStored) {',
        suites: CORE,
        tests: 'A5',
    },
]

const root = path.resolve(__dirname, '..')
const QUICK = new Set(MUTANTS.filter((m) => !m.suites.some((s) => s.startsWith('tests/e2e/'))).map((m) => m.id))

function needsBuild(m: Mutant): boolean {
    return m.suites.some((s) => s.startsWith('tests/e2e/'))
}

/** A copy of every tracked file (working-tree content) with node_modules linked, in a temp directory. */
function scratchCopy(withBuild: boolean): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcc-mutation-'))
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root })
        .toString('utf8')
        .split('\0')
        .filter(Boolean)
    for (const f of files) {
        const from = path.join(root, f)
        if (!fs.existsSync(from)) continue
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
        fs.copyFileSync(from, path.join(dir, f))
    }
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
    if (!withBuild) {
        for (const d of ['dist', 'target']) {
            if (!fs.existsSync(path.join(root, d, d === 'dist' ? 'app/update' : '')))
                throw new Error(`--quick reuses ${d}/ of the working tree: run npm run build (or npm test) first`)
            fs.cpSync(path.join(root, d), path.join(dir, d), { recursive: true })
        }
    }
    return dir
}

interface Outcome {
    failedTests: number
    passedTests: number
    exit: number | null
    tail: string
}

function runJest(dir: string, m: Pick<Mutant, 'suites' | 'tests'>, build: boolean): Outcome {
    const env: NodeJS.ProcessEnv = { ...process.env }
    // The suites' global setup builds and packs the scratch copy with the real SDK unless told to reuse its build.
    delete env.CI
    if (build) delete env.JCC_REUSE_BUILD
    else env.JCC_REUSE_BUILD = '1'
    const args = [path.join(dir, 'node_modules/jest/bin/jest.js'), '--bail', '--ci', ...m.suites]
    if (m.tests) args.push('-t', m.tests)
    const r = spawnSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    const out = `${r.stdout}\n${r.stderr}`
    const failed = /Tests:\s+(?:.*?(\d+) failed)?/.exec(out)
    const passed = /Tests:.*?(\d+) passed/.exec(out)
    return {
        failedTests: failed && failed[1] ? Number(failed[1]) : 0,
        passedTests: passed ? Number(passed[1]) : 0,
        exit: r.status,
        tail: out.split('\n').slice(-25).join('\n'),
    }
}

function apply(dir: string, m: Mutant): string {
    const file = path.join(dir, m.file)
    const original = fs.readFileSync(file, 'utf8')
    const at = original.indexOf(m.find)
    if (at < 0 || original.indexOf(m.find, at + 1) >= 0)
        throw new Error(`mutant ${m.id}: its source text is not found exactly once in ${m.file}; update the mutant`)
    fs.writeFileSync(file, original.slice(0, at) + m.replace + original.slice(at + m.find.length))
    return original
}

function main(): void {
    const argv = process.argv.slice(2)
    const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null
    const quick = argv.includes('--quick')
    const selected = MUTANTS.filter((m) => (only ? only.includes(m.id) : !quick || QUICK.has(m.id)))
    if (!selected.length) throw new Error('no mutant selected')
    const anyBuild = selected.some(needsBuild)
    const dir = scratchCopy(anyBuild)
    const t0 = Date.now()
    const results: Array<{ id: string; killed: boolean; seconds: number; note: string }> = []
    try {
        // Baseline: the unmutated copy must pass every selected suite (built once when any suite needs the package).
        const suites = [...new Set(selected.flatMap((m) => m.suites))]
        const patterns = selected.map((m) => m.tests)
        const tests = patterns.every(Boolean) ? patterns.map((p) => `(${p})`).join('|') : undefined
        const base = runJest(dir, { suites, tests }, anyBuild)
        if (base.exit !== 0 || base.failedTests || !base.passedTests) {
            console.error(`baseline failed: the unmutated copy does not pass ${suites.join(' ')}\n${base.tail}`)
            process.exitCode = 1
            return
        }
        console.log(`baseline: ${base.passedTests} tests pass in ${suites.join(' ')} (${secondsSince(t0)} s)`)
        for (const m of selected) {
            const started = Date.now()
            const original = apply(dir, m)
            try {
                const r = runJest(dir, m, needsBuild(m))
                const killed = r.failedTests > 0
                const note = killed
                    ? `${r.failedTests} failed`
                    : r.exit === 0
                      ? `SURVIVED: ${r.passedTests} tests passed`
                      : `not killed by a test (build or run error):\n${r.tail}`
                results.push({ id: m.id, killed, seconds: secondsSince(started), note })
                console.log(
                    `${killed ? 'killed  ' : r.exit === 0 ? 'SURVIVED' : 'INVALID '} ${m.id} (${secondsSince(started)} s): ${m.bug}; ${note}`
                )
            } finally {
                fs.writeFileSync(path.join(dir, m.file), original)
            }
        }
    } finally {
        fs.rmSync(dir, { recursive: true, force: true })
    }
    const killed = results.filter((r) => r.killed).length
    console.log(`mutation: killed ${killed}/${results.length} in ${secondsSince(t0)} s`)
    if (killed !== results.length) process.exitCode = 1
}

function secondsSince(t: number): number {
    return Math.round((Date.now() - t) / 1000)
}

if (require.main === module) main()
