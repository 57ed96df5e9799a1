/**
 * The path the spoke really takes, on the shipped package in the Glide simulator: the Glide adapter reads the
 * connection's MID fields, the MID Servers (ecc_agent, capabilities, clusters), the installed Jira spoke
 * (sys_store_app) and the alias's configuration template with its Test Action, and the validator reports them.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { SetupClient } from '../../harness/glide-simulator/setup-client'
import { World, e2eSource } from '../../harness/glide-simulator/world'
import { htmlText } from '../../src/server/core/html'
import { linesWithCheckIds } from '../support/check-ids'
import { expectNoSecretAnywhere } from './no-secret'

let world: World
beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
    world.configureOAuth()
    await world.getOAuthToken('accept')
})
afterEach(() => world.close())

function addMid(name: string, status: string, validated: string, capability: string): string {
    const mid = world.sim.admin.insertRecord('ecc_agent', { name, status, validated })
    const cap = world.sim.admin.insertRecord('ecc_agent_capability', { capability })
    world.sim.admin.insertRecord('ecc_agent_capability_m2m', { agent: mid.sys_id, capability: cap.sys_id })
    return mid.sys_id
}

test('no MID, no spoke: the run says it tested the direct path and which template Workflow Studio uses', () => {
    const r = world.validate('sys_alias', world.ids.alias)
    expect(r.errors).toEqual([])
    const runs = world.sim.query('x_jira_connect_validation_run')
    const checks = JSON.parse(runs[runs.length - 1].checks_json) as Array<{ id: string; code: string; found: string }>
    const byId = (id: string) => checks.find((c) => c.id === id)!
    expect(byId('path.mid').found).toMatch(/Direct: the instance calls https:\/\/api\.atlassian\.com itself/)
    expect(byId('instance.jira_spoke').code).toBe('spoke_not_installed')
    expect(byId('instance.alias_template').found).toContain(
        `uses this app's "Jira Cloud: service account (OAuth 2.0 client credentials)": Workflow Studio's Save and ` +
            'Test runs "Validate Jira connection"'
    )
})

test('the connection uses a specific MID Server that is down: a failing finding with the fix; Jira calls still made', () => {
    const mid = addMid('mid-dc1', 'Down', 'true', 'REST')
    world.sim.admin.setFields('http_connection', world.ids.connection, {
        use_mid: true,
        mid_selection: 'specific_mid_server',
        mid_server: mid,
    })
    world.emu.clearRequests()
    const r = world.validate('http_connection', world.ids.connection)
    expect(r.errors.join('\n')).toMatch(/Network path \(MID Server\): .*"mid-dc1" \(Down\).*Start the MID Server/)
    expect(linesWithCheckIds(...r.errors, ...r.info)).toEqual([])
    expect(world.emu.requests.map((q) => q.target).slice(0, 3)).toEqual([
        'accessible-resources',
        'myself',
        'serverInfo',
    ])
})

test('a usable MID Server: the calls go through it and the run says so; an old spoke warns about the search removal', () => {
    addMid('mid-dc1', 'Up', 'true', 'ALL')
    world.sim.admin.setFields('http_connection', world.ids.connection, { use_mid: true, mid_selection: 'auto_select' })
    world.sim.admin.insertRecord('sys_store_app', { scope: 'sn_jira_spoke', name: 'Jira Spoke', version: '5.0.2' })
    const r = world.validate('sys_alias', world.ids.alias)
    expect(r.errors).toEqual([])
    const warnings = r.info.filter((m) => m.startsWith('Warning:')).join('\n')
    expect(warnings).not.toMatch(/MID/)
    const runs = world.sim.query('x_jira_connect_validation_run')
    const checks = JSON.parse(runs[runs.length - 1].checks_json) as Array<{ id: string; code: string; found: string }>
    const mid = checks.find((c) => c.id === 'path.mid')!
    expect(mid.code).toBe('through_mid')
    expect(mid.found).toMatch(/went through MID Server "mid-dc1" and were answered/)
    expect(warnings).toMatch(/Jira Spoke 5\.0\.2 \(sys_store_app\) is older than 5\.1\.1.*410 Gone/)
})

test('removed and deprecated Jira calls in the instance scripts are named with their fix, and left unchanged', () => {
    const include = world.sim.admin.insertRecord('sys_script_include', {
        name: 'JiraSync',
        api_name: 'global.JiraSync',
        active: true,
        script:
            'var JiraSync = Class.create();\n// Jira\nJiraSync.prototype = { run: function (q) {\n' +
            "  var r = new sn_ws.RESTMessageV2(); r.setEndpoint(this.base + '/rest/api/2/search?jql=' + q); } };",
    })
    world.sim.admin.insertRecord('sys_script', {
        name: 'Copy epic to Jira',
        collection: 'rm_story',
        script: '(function () { body.fields.customfield_10014 = current.epic.number // jira\n})()',
    })
    const before = world.sim.read('sys_script_include', include.sys_id)
    const r = world.validate('sys_alias', world.ids.alias)
    const warnings = r.info.filter((m) => m.startsWith('Warning:')).join('\n')
    expect(warnings).toMatch(/sys_script_include "JiraSync" \(\w{32}\) script line 4: \/rest\/api\/\{2,3\}\/search/)
    expect(warnings).toMatch(/sys_script "Copy epic to Jira" .* the Epic Link field/)
    // the app's own scripts (they name Atlassian endpoints) are not scanned
    expect(warnings).not.toMatch(/OAuthJiraCloudUtil/)
    expect(world.sim.read('sys_script_include', include.sys_id)).toEqual(before)
})

/**
 * Runtime Access Tracking "enforcing" with one shipped read privilege no longer allowed: the platform refuses that
 * GlideRecord read with an exception (the simulator's guardTable). Only the checks of the part that read it say so.
 */
function refuseRead(table: string): void {
    const app = world.sim.one('sys_app', { scope: 'x_jira_connect' })
    world.sim.admin.setField('sys_app', app.sys_id, 'runtime_access_tracking', 'enforcing')
    const privilege = world.sim
        .query('sys_scope_privilege')
        .find((p) => p.target_name === table && p.operation === 'read')!
    world.sim.admin.setField('sys_scope_privilege', privilege.sys_id, 'status', 'requested')
}

type Stored = Array<{ id: string; status: string; code: string; found: string }>
const storedRun = () => world.sim.query('x_jira_connect_validation_run').slice(-1)[0]

test("the platform refuses this app's read of the installed apps: those checks say not checked, the verdict stands", () => {
    refuseRead('sys_store_app')
    const r = world.validate('sys_alias', world.ids.alias)
    expect({ exception: r.exception, errors: r.errors }).toEqual({ exception: null, errors: [] })
    expect(r.info[0]).toMatch(/works/)
    const run = storedRun()
    const checks = JSON.parse(run.checks_json) as Stored
    expect(checks.filter((c) => c.id === 'validator.internal')).toEqual([])
    expect(checks.find((c) => c.id === 'jira.myself')!.status).toBe('pass')
    const spoke = checks.find((c) => c.id === 'instance.jira_spoke')!
    expect({ status: spoke.status, code: spoke.code }).toEqual({ status: 'skip', code: 'skipped' })
    expect(spoke.found).toMatch(
        /^Not checked: reading the Jira spoke's version and the alias's configuration template on this instance failed \(Access to table 'sys_store_app' \(read\) from scope 'x_jira_connect' has been refused.*\)\. The rest of this validation stands; check that this application may read sys_store_app/
    )
    expect(checks.find((c) => c.id === 'instance.alias_template')!.found).toBe(spoke.found)
    // The form says which part was not checked, once, without a stack trace; the stored run keeps the same text.
    expect(r.info.filter((m) => m.includes(htmlText(spoke.found)))).toHaveLength(1)
    const shown = [...r.info, run.summary, run.checks_json].join('\n')
    expect(shown).not.toMatch(/\bat [\w.$]+\(|\.java:\d+|\.js:\d+|AccessRefused/)
    expectNoSecretAnywhere(world, [], shown)
})

test('the platform refuses the read of alias templates: Validate all keeps the connection healthy, the health view answers without a standing', async () => {
    refuseRead('sys_alias_templates')
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const all = await world.validateAll(admin)
    expect(all.status).toBe(200)
    const health = world.sim.one('x_jira_connect_connection_health', { subject_sys_id: world.ids.connection })
    expect(health.verdict).toBe('healthy')
    const checks = JSON.parse(storedRun().checks_json) as Stored
    const standing = checks.find((c) => c.id === 'config.auth_standing')!
    expect({ status: standing.status, code: standing.code }).toEqual({ status: 'skip', code: 'skipped' })
    expect(standing.found).toMatch(
        /^Not checked: reading the alias's configuration template on this instance failed \(Access to table 'sys_alias_templates' \(read\)/
    )
    expect(checks.filter((c) => c.id === 'health.subject')).toEqual([])
    // The health view reads the template for each connection's standing: without it the row has none, not a 500.
    const view = await admin.api('GET', 'health')
    expect(view.status).toBe(200)
    const rows = (view.json!.result as { rows: Array<{ subjectSysId: string; standing: unknown }> }).rows
    expect(rows.find((x) => x.subjectSysId === world.ids.connection)!.standing).toBeNull()
    expect(view.text).not.toMatch(/\bat [\w.$]+\(|\.java:\d+|\.js:\d+|AccessRefused/)
})
