/**
 * "Save and Test" in Workflow Studio on the shipped package: Create New Connection & Credential with a shipped
 * configuration template, then the template's Test Action, the Flow Designer action "Validate Jira connection", whose
 * script step requires the validator module and runs it against the Atlassian emulator over loopback HTTP. The
 * simulator runs the action the way flow-designer.ts describes (published action, script step with inputs/outputs,
 * error evaluation). Also: the action in a flow (validate before a batch) with an alias or a connection as input.
 */
import { TEMPLATE, World, e2eSource } from '../../harness/glide-simulator/world'
import type { ActionRunResult } from '../../harness/glide-simulator/flow-designer'
import { linesWithCheckIds } from '../support/check-ids'

let world: World
beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
})
afterEach(() => world.close())

const ACTION = 'Validate Jira connection'
const RUN_TABLE = 'x_jira_connect_validation_run'

function serviceAccountInput(secret = world.saClientSecret) {
    return {
        'connection.name': 'Jira Cloud acme (service account)',
        'connection.connection_url': `https://api.atlassian.com/ex/jira/${world.cloudId}`,
        'credential.oauth_entity.client_id': world.saClientId,
        'credential.oauth_entity.client_secret': secret,
    }
}

function expectStoredRun(test: ActionRunResult, verdict: string) {
    const run = world.sim.read(RUN_TABLE, test.outputs.run)
    expect(run).not.toBeNull()
    expect(run).toMatchObject({ verdict, trigger: 'flow', summary: test.outputs.summary })
    expect(test.outputs.run_url).toMatch(new RegExp(`${RUN_TABLE}\\.do\\?sys_id=${test.outputs.run}$`))
    expect(test.outputs.run_url.startsWith('http://127.0.0.1:')).toBe(true)
}

function expectNoSecret(test: ActionRunResult) {
    const shown = [...Object.values(test.outputs), test.status.message, ...world.sim.visibleText()].join('\n')
    for (const secret of world.secrets()) expect(shown).not.toContain(secret)
}

test('every shipped configuration template names the action as its Test Action, and the install published it', () => {
    const action = world.sim.one('sys_hub_action_type_definition', { name: ACTION })
    expect(action.state).toBe('published')
    for (const name of Object.values(TEMPLATE))
        expect(world.sim.one('sys_alias_templates', { name }).test_action).toBe(action.sys_id)
})

test('Create New Connection & Credential (service account) -> Save and Test: the new connection works, run stored', () => {
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    world.emu.clearRequests()
    const { connection, test } = world.sim.admin.saveAndTest(world.ids.alias, serviceAccountInput())
    expect(test.stepError).toBeNull()
    expect(test.error).toBe(false)
    expect(test.outputs.verdict).toBe('pass')
    expect(test.outputs.summary).toMatch(/works/)
    expect(test.outputs.failed_count).toBe('0')
    expect(test.outputs.failing_checks).toBe('')
    expectStoredRun(test, 'pass')
    // a live call made now: the token request (client credentials), /myself and serverInfo on the new connection
    expect(world.emu.requests.map((q) => q.target).slice(0, 3)).toEqual(['token', 'myself', 'serverInfo'])
    expect(world.sim.read(RUN_TABLE, test.outputs.run)!.target_name).toBe('Jira')
    expect(connection.active).toBe('true')
    expectNoSecret(test)
})

test('Save and Test with a wrong client secret: the action ends in error, and says which check failed and the fix', () => {
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const { test } = world.sim.admin.saveAndTest(world.ids.alias, serviceAccountInput('not-the-secret'))
    expect(test.error).toBe(true)
    expect(test.status.message).toMatch(/failed validation/)
    expect(test.outputs.verdict).toBe('fail')
    expect(Number(test.outputs.failed_count)).toBeGreaterThan(0)
    expect(test.outputs.failing_checks).toMatch(/^FAIL Access token: .*refused the client id and secret/m)
    expect(linesWithCheckIds(test.outputs.failing_checks, test.outputs.summary)).toEqual([])
    expect(test.outputs.failing_checks).toMatch(/Fix: /)
    expectStoredRun(test, 'fail')
    expectNoSecret(test)
})

test('a platform that hands the test action the alias and the saved connection: the saved connection is validated', () => {
    world.pickTemplate(TEMPLATE.legacyToken)
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const { connection, test } = world.sim.admin.saveAndTest(
        world.ids.alias,
        {
            'connection.name': 'Jira Cloud acme (API token)',
            'connection.connection_url': `https://${world.siteHost}`,
            'credential.user_name': world.email,
            'credential.password': world.apiToken,
        },
        { testInputs: 'by-name' }
    )
    expect(test.error).toBe(false)
    // the classic API token works and is reported as legacy (a warning, with the migration path)
    expect(test.outputs.verdict).toBe('warn')
    expect(test.outputs.failing_checks).toMatch(/^WARN Authentication method: .*classic API token/m)
    expect(linesWithCheckIds(test.outputs.failing_checks)).toEqual([])
    const run = world.sim.read(RUN_TABLE, test.outputs.run)!
    expect(run).toMatchObject({ target_table: 'http_connection', target_sys_id: connection.sys_id })
    expectNoSecret(test)
})

test('in a flow: validate before a batch, by connection (even inactive) or by alias id; bad input is refused', () => {
    world.configureServiceAccount()
    world.getServiceAccountToken()
    // One connection: the service account's, validated through the flow step.
    const byConnection = world.sim.admin.runFlowAction(ACTION, { connection: world.ids.saConnection })
    expect(byConnection.outputs.verdict).toBe('pass')
    expect(world.sim.read(RUN_TABLE, byConnection.outputs.run)!.target_sys_id).toBe(world.ids.saConnection)
    // The shipped 3LO connection (now inactive, no token): fails with the fix, and the action ends in error.
    const threeLo = world.sim.admin.runFlowAction(ACTION, { connection: world.ids.connection })
    expect(threeLo.error).toBe(true)
    expect(threeLo.outputs.failing_checks).toMatch(/^WARN .*inactive/m)
    expect(threeLo.outputs.failing_checks).toMatch(/^FAIL .*Get OAuth Token/m)
    // The Jira alias by its sys_id: its active connection is the service account's.
    const byAlias = world.sim.admin.runFlowAction(ACTION, { connection_alias: world.ids.alias })
    expect(byAlias.error).toBe(false)
    expect(world.sim.read(RUN_TABLE, byAlias.outputs.run)!.target_sys_id).toBe(world.ids.alias)
    // No input: the Jira alias.
    const none = world.sim.admin.runFlowAction(ACTION, {})
    expect(world.sim.read(RUN_TABLE, none.outputs.run)!.target_sys_id).toBe(world.ids.alias)
    expect(() => world.sim.admin.runFlowAction(ACTION, { connection: 'f'.repeat(32) })).toThrow(
        /no http_connection record/
    )
    expect(() => world.sim.admin.runFlowAction(ACTION, { alias: world.ids.alias })).toThrow(/has no input 'alias'/)
})

test('an install that does not publish the action leaves Save and Test unable to run it, and says why', async () => {
    const fresh = await World.start({ source: e2eSource(), activateFlows: false })
    try {
        fresh.sim.admin.setField('http_connection', fresh.ids.connection, 'active', false)
        expect(() =>
            fresh.sim.admin.saveAndTest(fresh.ids.alias, {
                'connection.name': 'x',
                'connection.connection_url': `https://api.atlassian.com/ex/jira/${fresh.cloudId}`,
                'credential.oauth_entity.client_id': fresh.saClientId,
                'credential.oauth_entity.client_secret': fresh.saClientSecret,
            })
        ).toThrow(/draft: Flow Designer runs published actions only/)
    } finally {
        await fresh.close()
    }
})
