/**
 * The spoke's path through a MID Server, on the shipped package in the Glide simulator: a connection with "Use MID
 * Server" has its Jira calls sent through the MID (RESTMessageV2.setMIDServer + executeAsync + waitForResponse), which
 * the simulator relays through the ECC queue and performs from the MID's own address (harness/glide-simulator/
 * mid-relay.ts). The Atlassian emulator's IP allowlist by caller address tells the two paths apart.
 */
import { World, e2eSource } from '../../harness/glide-simulator/world'
import type { PlatformOptions } from '../../harness/glide-simulator/platform-apis'

const MID_ADDRESS = '127.0.0.2'
let world: World

async function start(platform: Partial<PlatformOptions> = {}) {
    world = await World.start({ source: e2eSource(), platform })
    world.configureOAuth()
    await world.getOAuthToken('accept')
}
afterEach(() => world.close())

function addMid(name: string, fields: { status?: string; validated?: string; capability?: string } = {}): string {
    const mid = world.sim.admin.insertRecord('ecc_agent', {
        name,
        status: fields.status ?? 'Up',
        validated: fields.validated ?? 'true',
    })
    const cap = world.sim.admin.insertRecord('ecc_agent_capability', { capability: fields.capability ?? 'REST' })
    world.sim.admin.insertRecord('ecc_agent_capability_m2m', { agent: mid.sys_id, capability: cap.sys_id })
    return mid.sys_id
}

function useMid(midSysId: string) {
    world.sim.admin.setFields('http_connection', world.ids.connection, {
        use_mid: true,
        mid_selection: 'specific_mid_server',
        mid_server: midSysId,
    })
}

function lastRun() {
    const runs = world.sim.query('x_jira_connect_validation_run')
    const run = runs[runs.length - 1]
    const checks = JSON.parse(run.checks_json) as Array<{ id: string; status: string; code: string; found: string }>
    return { run, check: (id: string) => checks.find((c) => c.id === id)! }
}

const jiraCalls = () => world.emu.requests.filter((q) => q.target === 'myself' || q.target === 'accessible-resources')

describe('Jira calls through the MID Server the connection selects', () => {
    test('the site allows only the MID address: through the MID it works, and the report names the MID', async () => {
        await start()
        world.emu.setIpAllowlist([MID_ADDRESS])
        const mid = addMid('mid-dc1')
        world.sim.mids.host('mid-dc1', { address: MID_ADDRESS, delayMs: 150 })
        // Direct first: the allowlist refuses the instance's own address.
        const direct = world.validate('http_connection', world.ids.connection)
        expect(direct.errors.join('\n')).toMatch(/IP address has been rejected/)
        useMid(mid)
        world.emu.clearRequests()
        const r = world.validate('http_connection', world.ids.connection)
        expect(r.errors).toEqual([])
        const { check } = lastRun()
        expect(check('path.mid')).toMatchObject({ status: 'pass', code: 'through_mid' })
        expect(check('path.mid').found).toMatch(
            /uses a MID Server \(the specific MID Server "mid-dc1"\): tested the spoke's path: \d+ call\(s\) to https:\/\/api\.atlassian\.com went through MID Server "mid-dc1"/
        )
        expect(check('path.mid').found).toMatch(/Not tested: the OAuth token request, made by the instance/)
        expect(check('jira.myself').status).toBe('pass')
        // Every Jira call came from the MID's address, each as an ECC job answered by the MID.
        expect(jiraCalls().length).toBeGreaterThanOrEqual(2)
        expect([...new Set(world.emu.requests.map((q) => q.remoteAddress))]).toEqual([MID_ADDRESS])
        const outputs = world.sim.query('ecc_queue', { agent: 'mid.server.mid-dc1', queue: 'output' })
        const inputs = world.sim.query('ecc_queue', { agent: 'mid.server.mid-dc1', queue: 'input' })
        expect(outputs.length).toBe(world.emu.requests.length)
        expect(outputs.every((o) => o.state === 'processed' && o.topic === 'RESTProbe')).toBe(true)
        expect(inputs.map((i) => i.response_to).sort()).toEqual(outputs.map((o) => o.sys_id).sort())
        // No secret in the ECC rows (header names only).
        const ecc = JSON.stringify(world.sim.query('ecc_queue'))
        for (const s of world.secrets()) expect(ecc).not.toContain(s)
        expect(world.sim.outbound.filter((o) => o.mid === 'mid-dc1').length).toBe(outputs.length)
    })

    test('a MID whose row says Up but whose process is stopped: one unanswered job, the rest not sent', async () => {
        await start()
        world.setProperty('x_jira_connect.http_timeout_ms', 1000)
        const mid = addMid('mid-dc1')
        world.sim.mids.host('mid-dc1', { stopped: true })
        useMid(mid)
        world.emu.clearRequests()
        const r = world.validate('http_connection', world.ids.connection)
        const { run, check } = lastRun()
        expect(check('path.mid')).toMatchObject({ status: 'fail', code: 'mid_no_answer' })
        expect(check('path.mid').found).toMatch(/1 of 1 got no answer within 1 s \(no answer through MID Server/)
        expect(check('path.mid').found).toMatch(/No response for ECC message request .* in ECC Queue/)
        expect(r.errors.join('\n')).toMatch(/mid\.server\.mid-dc1 left in state Ready/)
        expect(check('atlassian.accessible_resources')).toMatchObject({ status: 'fail', code: 'http_timeout' })
        expect(world.emu.requests).toEqual([])
        const outputs = world.sim.query('ecc_queue', { agent: 'mid.server.mid-dc1', queue: 'output' })
        expect(outputs.map((o) => o.state)).toEqual(['ready'])
        expect(Number(run.calls)).toBe(1)
    })

    test('a MID whose answer comes after the budget: the run waits one timeout, not the MID', async () => {
        await start()
        world.setProperty('x_jira_connect.http_timeout_ms', 2000)
        world.setProperty('x_jira_connect.validation_budget_ms', 5000)
        const mid = addMid('mid-slow')
        world.sim.mids.host('mid-slow', { delayMs: 60000 })
        useMid(mid)
        const started = Date.now()
        world.validate('http_connection', world.ids.connection)
        const elapsed = Date.now() - started
        const { run, check } = lastRun()
        expect(check('path.mid')).toMatchObject({ status: 'fail', code: 'mid_no_answer' })
        expect(check('path.mid').found).toMatch(/within 2 s/)
        expect(Number(run.duration_ms)).toBeGreaterThanOrEqual(2000)
        expect(Number(run.duration_ms)).toBeLessThan(5000)
        expect(elapsed).toBeLessThan(5000 + 3000)
    })

    test('waitForResponse returning instead of throwing (A45): the same finding', async () => {
        await start({ midWaitTimeout: 'response' })
        world.setProperty('x_jira_connect.http_timeout_ms', 1000)
        const mid = addMid('mid-dc1')
        world.sim.mids.host('mid-dc1', { stopped: true })
        useMid(mid)
        world.validate('http_connection', world.ids.connection)
        expect(lastRun().check('path.mid')).toMatchObject({ status: 'fail', code: 'mid_no_answer' })
    })

    test('a MID that is Down: found before any call, the calls go direct and say so, no ECC job', async () => {
        await start()
        const mid = addMid('mid-dc1', { status: 'Down' })
        useMid(mid)
        world.emu.clearRequests()
        world.validate('http_connection', world.ids.connection)
        const c = lastRun().check('path.mid')
        expect(c).toMatchObject({ status: 'fail', code: 'mid_down' })
        expect(c.found).toMatch(/went directly from the instance instead/)
        expect([...new Set(world.emu.requests.map((q) => q.remoteAddress))]).toEqual(['127.0.0.1'])
        expect(world.sim.query('ecc_queue')).toEqual([])
    })

    test('the credential fetches its token through a MID: the Jira calls are tested through it, the token not', async () => {
        await start()
        const mid = addMid('mid-dc1')
        world.sim.mids.host('mid-dc1', { address: MID_ADDRESS })
        useMid(mid)
        world.sim.admin.setField('oauth_2_0_credentials', world.ids.credential, 'use_mid', 'true')
        world.validate('http_connection', world.ids.connection)
        const c = lastRun().check('path.mid')
        expect(c).toMatchObject({ status: 'warn', code: 'token_via_mid_unproven' })
        expect(c.found).toMatch(/tested the spoke's path: \d+ call\(s\).*Not tested: Credential .*KB1645211/)
    })

    test('Runtime Access Tracking enforcing: the MID path calls only privileged APIs', async () => {
        await start()
        const app = world.sim.one('sys_app', { scope: 'x_jira_connect' })
        world.sim.admin.setField('sys_app', app.sys_id, 'runtime_access_tracking', 'enforcing')
        useMid(addMid('mid-dc1'))
        const r = world.validate('http_connection', world.ids.connection)
        expect({ refused: world.sim.accessLog.filter((e) => !e.allowed).map((e) => e.api), errors: r.errors }).toEqual({
            refused: [],
            errors: [],
        })
        const called = new Set(world.sim.accessLog.filter((e) => e.scope === 'x_jira_connect').map((e) => e.api))
        for (const api of [
            'ScriptableRESTMessageClient.setMIDServer',
            'ScriptableRESTMessageClient.executeAsync',
            'ScriptableRESTResponse.waitForResponse',
        ])
            expect(called).toContain(api)
    })
})
