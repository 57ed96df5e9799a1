// The deploy path with the REAL CLI: `npm run deploy` (= `now-sdk install`, @servicenow/sdk 4.9.0) in CI mode
// (SN_SDK_NODE_ENV=SN_SDK_CI_INSTALL) against the harness instance on 127.0.0.1 (harness/instance/server.ts).
//
// Each run gets a throwaway project directory shaped like a CI checkout after `npm run build`: package.json,
// now.config.json, keys.ts and the dist/ of this jest run's build snapshot, with node_modules linked to the repo's.
// `now-sdk install` has no flag to upload a pre-built zip: it re-packs dist/app into target/ itself
// (Orchestrator.install -> pack()), so the test compares what reached the instance with the zip `npm run build`
// produced (packageZipPath()): identical entries and bytes, identical archive once the pack-time DOS timestamps are
// masked, and package_inventory.csv hashes that match the entries.
//
// The spawned CLI gets a temp HOME (no OS keychain, no ~/.npmrc), NODE_ENV=test (the SDK's telemetry client is a
// no-op under it) and a preload that refuses any fetch() off loopback (harness/instance/loopback-only.cjs).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { artifactsDir, packageZipPath } from '../../harness/support/artifacts'
import { closedPort, Instance, InstanceOptions, startInstance } from '../../harness/instance/server'
import { readZip, withoutTimestamps } from '../../harness/instance/zip'

const root = path.resolve(__dirname, '../..')
const nowConfig = JSON.parse(fs.readFileSync(path.join(root, 'now.config.json'), 'utf8')) as {
    scope: string
    scopeId: string
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string }
const guard = path.join(root, 'harness/instance/loopback-only.cjs')

const USER = 'ci.deployer'
const PASSWORD = 'c0rrect-horse-battery'
const CLIENT_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
const CLIENT_SECRET = 'ci-client-secret-value'

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jcc-deploy-'))
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

type Run = { code: number | null; output: string; blocked: string[]; projectDir: string }

let runCount = 0
/** A fresh CI-checkout-like project: what `npm run deploy` sees after `npm ci && npm run build`. */
function makeProject(): { projectDir: string; home: string } {
    const base = path.join(scratch, `run-${++runCount}`)
    const projectDir = path.join(base, 'project')
    const home = path.join(base, 'home')
    fs.mkdirSync(path.join(projectDir, 'src/fluent/generated'), { recursive: true })
    fs.mkdirSync(home, { recursive: true })
    for (const f of ['package.json', 'now.config.json']) fs.copyFileSync(path.join(root, f), path.join(projectDir, f))
    fs.copyFileSync(
        path.join(root, 'src/fluent/generated/keys.ts'),
        path.join(projectDir, 'src/fluent/generated/keys.ts')
    )
    fs.mkdirSync(path.join(projectDir, 'scripts'))
    fs.copyFileSync(path.join(root, 'scripts/deploy.mjs'), path.join(projectDir, 'scripts/deploy.mjs'))
    fs.cpSync(path.join(artifactsDir(), 'dist'), path.join(projectDir, 'dist'), { recursive: true })
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(projectDir, 'node_modules'), 'dir')
    return { projectDir, home }
}

function deploy(env: Record<string, string>): Promise<Run> {
    const { projectDir, home } = makeProject()
    const blockedLog = path.join(home, 'blocked.log')
    const childEnv: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        HOME: home,
        USERPROFILE: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        XDG_DATA_HOME: path.join(home, '.local/share'),
        TMPDIR: path.join(home, 'tmp'),
        NODE_ENV: 'test',
        NODE_OPTIONS: `--require ${guard}`,
        JCC_BLOCKED_LOG: blockedLog,
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
        npm_config_cache: path.join(home, '.npm'),
        ...env,
    }
    fs.mkdirSync(childEnv.TMPDIR, { recursive: true })
    return new Promise((resolve, reject) => {
        const child = spawn('npm', ['run', 'deploy'], {
            cwd: projectDir,
            env: childEnv,
            stdio: ['ignore', 'pipe', 'pipe'],
        })
        let output = ''
        child.stdout.on('data', (d: Buffer) => (output += d.toString()))
        child.stderr.on('data', (d: Buffer) => (output += d.toString()))
        const timer = setTimeout(() => child.kill('SIGKILL'), 45000)
        child.on('error', reject)
        child.on('close', (code) => {
            clearTimeout(timer)
            const blocked = fs.existsSync(blockedLog)
                ? fs.readFileSync(blockedLog, 'utf8').split('\n').filter(Boolean)
                : []
            resolve({ code, output, blocked, projectDir })
        })
    })
}

const ciBasic = (url: string, password = PASSWORD) => ({
    SN_SDK_NODE_ENV: 'SN_SDK_CI_INSTALL',
    SN_SDK_INSTANCE_URL: url,
    SN_SDK_AUTH_TYPE: 'basic',
    SN_SDK_USER: USER,
    SN_SDK_USER_PWD: password,
})
const ciOAuth = (url: string, secret = CLIENT_SECRET) => ({
    SN_SDK_NODE_ENV: 'SN_SDK_CI_INSTALL',
    SN_SDK_INSTANCE_URL: url,
    SN_SDK_AUTH_TYPE: 'oauth',
    SN_SDK_OAUTH_CLIENT_ID: CLIENT_ID,
    SN_SDK_OAUTH_CLIENT_SECRET: secret,
})

const instances: Instance[] = []
async function instance(overrides: Partial<InstanceOptions> = {}): Promise<Instance> {
    const i = await startInstance({
        scope: nowConfig.scope,
        scopeId: nowConfig.scopeId,
        users: { [USER]: PASSWORD },
        oauthClients: { [CLIENT_ID]: { secret: CLIENT_SECRET, user: 'ci.oauth.user' } },
        ...overrides,
    })
    instances.push(i)
    return i
}
afterEach(async () => {
    await Promise.all(instances.splice(0).map((i) => i.close()))
})

const routes = (i: Instance) =>
    i.requests.map((r) => `${r.method} ${r.path}${r.query.sysparm_type ? `?sysparm_type=${r.query.sysparm_type}` : ''}`)
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** The uploaded package is the one `npm run build` produced, and its inventory vouches for every entry. */
function expectUploadIsTheBuiltPackage(uploaded: Buffer) {
    const built = fs.readFileSync(packageZipPath())
    const builtEntries = readZip(built)
    const uploadedEntries = readZip(uploaded)
    expect(uploadedEntries.map((e) => e.name)).toEqual(builtEntries.map((e) => e.name))
    for (const [i, e] of uploadedEntries.entries()) {
        expect({ name: e.name, sha256: sha256(e.data) }).toEqual({
            name: builtEntries[i].name,
            sha256: sha256(builtEntries[i].data),
        })
    }
    // Byte for byte, apart from the DOS modification time fflate stamps on each entry when install re-packs.
    expect(withoutTimestamps(uploaded).equals(withoutTimestamps(built))).toBe(true)
    expect(uploaded.length).toBe(built.length)

    const inventory = uploadedEntries.find((e) => e.name.replace(/^\//, '') === 'package_inventory.csv')
    expect(inventory).toBeDefined()
    const lines = inventory!.data.toString('utf8').split(/\r?\n/).filter(Boolean)
    expect(lines).toContain(`#build=${nowConfig.scope}`)
    expect(lines).toContain(`#appVersion=${pkg.version}`)
    const hashes = new Map(
        lines
            .filter((l) => !l.startsWith('#'))
            .map((l) => {
                const [p, h] = l.split(';')
                return [p.replace(/^\//, ''), h] as const
            })
    )
    const payload = uploadedEntries.filter((e) => e.name.replace(/^\//, '') !== 'package_inventory.csv')
    expect(payload.length).toBeGreaterThan(10)
    expect([...hashes.keys()].sort()).toEqual(payload.map((e) => e.name.replace(/^\//, '')).sort())
    for (const e of payload)
        expect(`${e.name}: ${hashes.get(e.name.replace(/^\//, ''))}`).toBe(`${e.name}: ${sha256(e.data)}`)
}

function expectNothingDeployed(run: Run, i: Instance | undefined) {
    expect(run.code).not.toBe(0)
    expect(run.output).not.toContain('Installation completed')
    expect(run.output).not.toContain('Rollback (undo installation)')
    if (i) expect(i.reportedInstalled()).toBe(false)
    expect(run.blocked).toEqual([])
    // scripts/deploy.mjs adds one plain-words diagnosis and keeps the CLI's non-zero exit
    expect(run.output).toMatch(
        /Deploy failed \(now-sdk install exited [1-9]\d*\): .+ Nothing was reported as installed\./
    )
}

describe('npm run deploy (real now-sdk install, CI mode) against the loopback instance', () => {
    test('basic auth: logs in, uploads the built package, polls progress, exits 0', async () => {
        const i = await instance({ pendingPolls: 1 })
        const run = await deploy(ciBasic(i.url))
        expect({ code: run.code, output: run.output }).toEqual({
            code: 0,
            output: expect.stringContaining('Installation completed'),
        })
        expect(run.output).toContain(`Running in CI mode, using instance ${i.url}`)
        expect(run.output).toContain(`sys_app.do?sys_id=${nowConfig.scopeId}`)
        expect(run.blocked).toEqual([])

        // Exactly the calls the CLI makes, in order, and nothing the harness does not implement.
        expect(routes(i)).toEqual([
            'POST /angular.do?sysparm_type=view_form.login',
            'POST /angular.do?sysparm_type=get_user',
            'GET /api/now/table/sys_upgrade_history',
            'GET /api/now/table/sys_scope',
            'POST /sn_appclient_upload_processor.do',
            'GET /api/sn_cicd/progress/' + i.requests[5].path.split('/').pop(),
            'GET /api/sn_cicd/progress/' + i.requests[5].path.split('/').pop(),
            // The package ships a Flow action ("Validate Jira connection"): the CLI publishes it after the install.
            'POST /api/now/wfa_fluent/activate_flows',
        ])
        expect(i.requests.every((r) => r.known)).toBe(true)
        // The CLI says the Flow action was published, so npm run deploy adds no warning.
        expect(run.output).toContain('Flow activation complete: 1/1 succeeded')
        expect(run.output).not.toContain('Publish it once')
        expect(i.requests[0].form).toMatchObject({ user_name: USER, user_password: '<redacted>' })
        expect(i.requests.slice(2).every((r) => r.headers.userToken && r.headers.cookie?.includes('JSESSIONID='))).toBe(
            true
        )
        expect(i.reportedStatuses).toEqual(['1', '2'])

        expect(i.uploads).toHaveLength(1)
        const [upload] = i.uploads
        expect(upload.fields).toMatchObject({ upload_type: 'file', load_demo: 'true' })
        expect(upload.query).toMatchObject({
            sysparm_fluent_scope_id: nowConfig.scopeId,
            sysparm_fluent_scope_name: nowConfig.scope,
            sysparm_fluent_app_version: pkg.version,
            sysparm_request_type: 'custom_app',
            sysparm_track_fluent_install: 'true',
        })
        expectUploadIsTheBuiltPackage(upload.file)
        // What install packed locally is what went over the wire.
        const packed = fs.readdirSync(path.join(run.projectDir, 'target')).filter((f) => f.endsWith('.zip'))
        expect(packed).toEqual([path.basename(packageZipPath())])
        expect(fs.readFileSync(path.join(run.projectDir, 'target', packed[0])).equals(upload.file)).toBe(true)
    })

    test('Flow action not published: the install still succeeds (the SDK logs the refusal at debug level only), npm run deploy says so and what to do', async () => {
        const i = await instance({ pendingPolls: 0, activation: 'refused' })
        const run = await deploy(ciBasic(i.url))
        expect(routes(i)).toContain('POST /api/now/wfa_fluent/activate_flows')
        expect(run.code).toBe(0)
        expect(run.output).toContain('Installation completed')
        expect(run.output).not.toMatch(/Flow activation complete: \d+\/\d+ succeeded/)
        expect(run.output).toContain(
            'Installed, but now-sdk did not report publishing the Flow action "Validate Jira connection"'
        )
        expect(run.output).toContain('Publish it once')
    })

    test('OAuth client credentials: token from oauth_token.do, CSRF handshake, same package, exits 0', async () => {
        const i = await instance({ pendingPolls: 0 })
        const run = await deploy(ciOAuth(i.url))
        expect({ code: run.code, output: run.output }).toEqual({
            code: 0,
            output: expect.stringContaining('Installation completed'),
        })
        expect(run.output).toContain(
            `Requesting OAuth access token from ${i.url}/oauth_token.do using client_credentials grant`
        )
        expect(run.output).not.toContain(CLIENT_SECRET)
        expect(run.blocked).toEqual([])
        expect(routes(i)).toEqual([
            'POST /oauth_token.do',
            'POST /angular.do?sysparm_type=get_user',
            'GET /api/now/table/sys_scope',
            'POST /angular.do?sysparm_type=get_user',
            'GET /api/now/table/sys_upgrade_history',
            'GET /api/now/table/sys_scope',
            'POST /sn_appclient_upload_processor.do',
            expect.stringMatching(/^GET \/api\/sn_cicd\/progress\/[0-9a-f]{32}$/),
            'POST /api/now/wfa_fluent/activate_flows',
        ])
        expect(i.requests.every((r) => r.known)).toBe(true)
        expect(i.requests[0].form).toMatchObject({
            grant_type: 'client_credentials',
            client_id: CLIENT_ID,
            client_secret: '<redacted>',
        })
        expect(i.requests[2].headers.authorization).toMatch(/^Bearer /)
        // After the handshake the CLI works with the session cookie + X-UserToken, not the bearer token.
        expect(i.requests.slice(4).every((r) => !r.headers.authorization && r.headers.userToken)).toBe(true)
        expect(i.uploads).toHaveLength(1)
        expectUploadIsTheBuiltPackage(i.uploads[0].file)
    })

    test('wrong password: clear login error, non-zero exit, no upload', async () => {
        const i = await instance({ mode: 'wrong-password' })
        const run = await deploy(ciBasic(i.url, 'not-the-password'))
        expectNothingDeployed(run, i)
        expect(run.output).toContain('the instance rejected the login: check SN_SDK_USER / SN_SDK_USER_PWD')
        expect(run.output).toContain(`Attempting to log into instance ${i.url} as ${USER}`)
        expect(run.output).toContain('User name or password invalid')
        expect(i.uploads).toHaveLength(0)
        expect(routes(i)).toEqual(['POST /angular.do?sysparm_type=view_form.login'])
    })

    test('wrong OAuth client secret: the token endpoint refusal is reported, non-zero exit, no upload', async () => {
        const i = await instance()
        const run = await deploy(ciOAuth(i.url, 'wrong-secret'))
        expectNothingDeployed(run, i)
        expect(run.output).toContain('the instance rejected the OAuth client ID or secret')
        expect(run.output).toContain('OAuth client_credentials token request failed: 401')
        expect(run.output).not.toContain('wrong-secret')
        expect(routes(i)).toEqual(['POST /oauth_token.do'])
    })

    test('instance unreachable (closed port): fetch failure is reported, non-zero exit', async () => {
        const port = await closedPort()
        const url = `http://127.0.0.1:${port}`
        const run = await deploy(ciBasic(url))
        expectNothingDeployed(run, undefined)
        expect(run.output).toContain('could not be reached. Check SN_SDK_INSTANCE_URL')
        expect(run.output).toContain(`Attempting to log into instance ${url} as ${USER}`)
        expect(run.output).toMatch(/fetch failed|ECONNREFUSED/)
        expect(run.output).toContain(
            `Deploy failed (now-sdk install exited 1): the instance ${url} could not be reached. Check SN_SDK_INSTANCE_URL`
        )
    })

    test('upload rejected (401 from the upload processor): permission error, non-zero exit', async () => {
        const i = await instance({ mode: 'upload-forbidden' })
        const run = await deploy(ciBasic(i.url))
        expectNothingDeployed(run, i)
        expect(run.output).toContain('the CI user may not install applications')
        expect(run.output).toContain('Insufficient permissions to install the app. Ensure you have the required roles.')
        expect(i.uploads).toHaveLength(1) // it was sent, and refused
        expect(routes(i).filter((r) => r.includes('/api/sn_cicd/progress/'))).toEqual([])
    })

    test('install fails on the instance (tracker ends in error): its message is shown, non-zero exit', async () => {
        const message = 'Unable to install application x_jira_connect: package_inventory.csv does not match the package'
        const i = await instance({ mode: 'install-error', pendingPolls: 0, installErrorMessage: message })
        const run = await deploy(ciBasic(i.url))
        expectNothingDeployed(run, i)
        expect(run.output).toContain('the instance refused the package')
        expect(run.output).toContain(message)
        expect(i.reportedStatuses).toEqual(['3'])
    })

    test('progress reporting fails (progress API 500): non-zero exit, never reported as deployed', async () => {
        const i = await instance({ mode: 'progress-unavailable' })
        const run = await deploy(ciBasic(i.url))
        expectNothingDeployed(run, i)
        expect(run.output).toContain('the install did not report success')
        expect(run.output).toContain('Failed to fetch progress status: Internal Server Error')
        expect(i.reportedStatuses).toEqual([])
    })

    test('CI mode with a missing secret fails before any network call', async () => {
        const i = await instance()
        const env: Record<string, string> = ciBasic(i.url)
        delete env.SN_SDK_USER_PWD
        const run = await deploy(env)
        expectNothingDeployed(run, i)
        expect(run.output).toContain('CI mode is on (SN_SDK_NODE_ENV=SN_SDK_CI_INSTALL) but credentials are missing')
        expect(run.output).toContain('CI basic auth is missing required environment variables: SN_SDK_USER_PWD')
        expect(i.requests).toEqual([])
    })
})
