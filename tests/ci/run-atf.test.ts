// scripts/run-atf.mjs (the pipeline's ATF step) against the loopback harness instance: it runs the suite through
// the CI/CD REST API with basic or OAuth client-credentials auth, polls progress, reads the results, and exits
// 0 only when the suite's tests passed.
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Instance, startInstance } from '../../harness/instance/server'

const root = path.resolve(__dirname, '../..')
const script = path.join(root, 'scripts/run-atf.mjs')
const guard = path.join(root, 'harness/instance/loopback-only.cjs')
const SUITE = 'Jira Cloud Connect: post-install'
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'jcc-run-atf-'))
afterAll(() => fs.rmSync(home, { recursive: true, force: true }))

function runAtf(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--require', guard, script], {
            cwd: root,
            env: {
                PATH: process.env.PATH ?? '',
                HOME: home,
                ATF_POLL_SECONDS: '0.05',
                ATF_TIMEOUT_SECONDS: '10',
                ...env,
            },
            stdio: ['ignore', 'pipe', 'pipe'],
        })
        let output = ''
        child.stdout.on('data', (d: Buffer) => (output += d.toString()))
        child.stderr.on('data', (d: Buffer) => (output += d.toString()))
        child.on('error', reject)
        child.on('close', (code) => resolve({ code, output }))
    })
}

let instance: Instance
async function start(outcome: 'success' | 'failure') {
    instance = await startInstance({
        scope: 'x_jira_connect',
        scopeId: '3d5bf9b34fe54ed8828f94f2ab7fbd7d',
        users: { 'ci.atf': 'pw:with:colons' },
        oauthClients: { cid: { secret: 'csecret', user: 'ci.oauth' } },
        pendingPolls: 2,
        atfSuites: { [SUITE]: outcome },
    })
    return instance
}
afterEach(() => instance?.close())

const basic = (url: string, pwd = 'pw:with:colons') => ({
    SN_SDK_INSTANCE_URL: url,
    SN_SDK_USER: 'ci.atf',
    SN_SDK_USER_PWD: pwd,
})
const oauth = (url: string) => ({
    SN_SDK_INSTANCE_URL: url,
    SN_SDK_AUTH_TYPE: 'oauth',
    SN_SDK_OAUTH_CLIENT_ID: 'cid',
    SN_SDK_OAUTH_CLIENT_SECRET: 'csecret',
})
const calls = (i: Instance) => i.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{32}$/, '<id>')}`)

describe('scripts/run-atf.mjs', () => {
    test('basic auth, suite passes: starts the suite by name, polls until done, exits 0', async () => {
        const i = await start('success')
        const run = await runAtf(basic(i.url))
        expect(run.code).toBe(0)
        expect(run.output).toContain(`Suite "${SUITE}": success - 1 passed, 0 failed`)
        expect(run.output).toContain('/sys_atf_test_suite_result.do?sys_id=')
        expect(calls(i)).toEqual([
            'POST /api/sn_cicd/testsuite/run',
            'GET /api/sn_cicd/progress/<id>',
            'GET /api/sn_cicd/progress/<id>',
            'GET /api/sn_cicd/progress/<id>',
            'GET /api/sn_cicd/testsuite/results/<id>',
        ])
        expect(i.requests[0].query).toEqual({ test_suite_name: SUITE })
        expect(i.requests.every((r) => r.headers.authorization?.startsWith('Basic ') && r.status === 200)).toBe(true)
    })

    test('OAuth client credentials: bearer token from oauth_token.do, exits 0', async () => {
        const i = await start('success')
        const run = await runAtf(oauth(i.url))
        expect(run.code).toBe(0)
        expect(calls(i)[0]).toBe('POST /oauth_token.do')
        expect(i.requests.slice(1).every((r) => r.headers.authorization?.startsWith('Bearer '))).toBe(true)
    })

    test('suite completes with a failing test: exit 1 even though the run itself finished', async () => {
        const i = await start('failure')
        const run = await runAtf(basic(i.url))
        expect(run.code).toBe(1)
        expect(run.output).toContain('failure - 0 passed, 1 failed')
        expect(run.output).toContain('ATF tests FAILED')
    })

    test('wrong password: HTTP 401 is reported, exit 2, no run started', async () => {
        const i = await start('success')
        const run = await runAtf(basic(i.url, 'nope'))
        expect(run.code).toBe(2)
        expect(run.output).toContain('Starting the test suite failed: HTTP 401')
        expect(run.output).toContain('check the credentials')
    })

    test('unknown suite name: the API error is shown, exit 2', async () => {
        const i = await start('success')
        const run = await runAtf({ ...basic(i.url), ATF_SUITE_NAME: 'No such suite' })
        expect(run.code).toBe(2)
        expect(run.output).toContain('Test suite not found: No such suite')
    })

    test('missing secrets: names them, exit 2, no network call', async () => {
        const i = await start('success')
        const run = await runAtf({
            SN_SDK_INSTANCE_URL: i.url,
            SN_SDK_AUTH_TYPE: 'oauth',
            SN_SDK_OAUTH_CLIENT_ID: 'cid',
        })
        expect(run.code).toBe(2)
        expect(run.output).toContain('Missing environment variables for oauth auth: SN_SDK_OAUTH_CLIENT_SECRET')
        expect(i.requests).toEqual([])
    })
})
