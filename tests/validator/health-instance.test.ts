/**
 * The health check's instance side of Jira → ServiceNow (health/runner.ts instanceSide): the Jira spoke's records are
 * one per instance, so a run reads them once and reports them on one subject's row (the Jira alias's first active
 * connection it checked), compared with the webhooks every connection listed. Jira is the emulator on loopback; the
 * instance is the in-memory SpokeInboundPort (the Glide adapter runs in tests/e2e/inbound-instance.test.ts).
 */
import type { SpokeInboundState } from '../../harness/node-platform/in-memory-spoke-inbound'
import { readSection, shownSection } from '../../src/server/core/inbound-view'
import { addChildAlias, connectionReadFails, healthHarness } from './health-world'
import {
    IDS,
    INSTANCE_URL,
    OTHER_SITE,
    registerWebhook,
    SITE,
    SPOKE_CALLBACK_PATH,
    spokeRealPath,
    spokeRegistry,
    spokeTrigger,
    startWorld,
    USER,
    type World,
} from './world'

const HOST = 'Jira Cloud OAuth Connection'
const OTHER = { sysId: 'c0000000000000000000000000000a01', name: 'Acme projects' }
const CHILD = 'a11a5000000000000000000000000a02'

let w: World
let spoke: SpokeInboundState
beforeEach(async () => {
    w = await startWorld()
    w.getOAuthToken()
    w.realPath = spokeRealPath(true)
    spoke = {
        registryTable: 'sn_jira_spoke_webhook_registry',
        registries: [spokeRegistry()],
        triggerTable: 't',
        triggers: [],
    }
    w.spokeInbound = spoke
    // A second connection on a child alias of Jira, with the same OAuth credential (another project's flows).
    addChildAlias(w, CHILD, 'jira_projects')
    w.state.connections.push({
        sysId: OTHER.sysId,
        name: OTHER.name,
        table: 'http_connection',
        active: true,
        url: `https://api.atlassian.com/ex/jira/${SITE.cloudId}`,
        aliasSysId: CHILD,
        credentialSysId: IDS.oauthCredential,
        attributes: {},
    })
})
afterEach(() => w.close())

const inactiveRunAs = spokeTrigger({
    runAs: { userName: 'jira.webhook', active: false, roles: ['sn_jira_spoke.jira_webhook_user'] },
})
const instanceChecks = (checks: Array<{ id: string }>) => checks.filter((c) => /^inbound\.instance_/.test(c.id))

test('an inactive run-as user: one broken row (the Jira alias connection), one alert, the run reads the spoke once', () => {
    spoke.triggers = [inactiveRunAs]
    const h = healthHarness(w)
    const result = h.run()
    expect(result.outcomes.map((o) => [o.subject.name, o.state.verdict, o.state.lastFindingCode])).toEqual([
        [HOST, 'broken', 'inbound.instance_trigger/run_as_inactive'],
        [OTHER.name, 'healthy', ''],
    ])
    expect(h.alerts.fired.map((a) => [a.subject, a.alert.kind])).toEqual([[HOST, 'broken']])
    expect(instanceChecks(result.report.checks).map((c) => [c.id, (c as { subject?: string }).subject])).toEqual([
        ['inbound.instance_registry', HOST],
        ['inbound.instance_token', HOST],
        ['inbound.instance_trigger', HOST],
    ])
    // The other row's section says where the instance side is; the page shows that sentence.
    const other = readSection(h.store.read('http_connection', OTHER.sysId)!.inboundJson)!
    expect(other.instanceOn).toBe(HOST)
    expect(shownSection(other).instanceLines.join('\n')).toContain(`on the row of "${HOST}"`)
    expect(readSection(h.store.read('http_connection', IDS.oauthConnection)!.inboundJson)!.instance).toBeTruthy()
})

test("the registry is compared with every connection's webhooks: one only the other site's connection lists matches", () => {
    // The child alias's connection goes to another site; only there does a Jira webhook point at the registry's path.
    w.state.connections.find((c) => c.sysId === OTHER.sysId)!.url =
        `https://api.atlassian.com/ex/jira/${OTHER_SITE.cloudId}`
    w.emu.webhooks.setJiraAdmin(USER.accountId, true)
    const token = w.getOAuthToken(undefined, [SITE.cloudId, OTHER_SITE.cloudId]).accessToken
    const r = w.net.request({
        method: 'POST',
        url: `https://api.atlassian.com/ex/jira/${OTHER_SITE.cloudId}/rest/api/2/webhook`,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
            url: `${INSTANCE_URL}/${SPOKE_CALLBACK_PATH}?token=abc`,
            webhooks: [{ events: ['jira:issue_updated'], jqlFilter: 'project = GLX' }],
        }),
        timeoutMs: 3000,
    })
    expect(r.ok && r.status).toBe(200)
    const result = healthHarness(w).run()
    const registryCheck = result.report.checks.find((c) => c.id === 'inbound.instance_registry')!
    expect([registryCheck.status, registryCheck.code]).toEqual(['pass', 'ok'])
    expect(registryCheck.found).toMatch(/called by Jira dynamic #\d+/)
})

test("a row's Validate of another connection reads no spoke record and points at the row that has them", () => {
    spoke.triggers = [inactiveRunAs]
    const h = healthHarness(w)
    const result = h.run('on_demand', { onlySysId: OTHER.sysId })
    expect(instanceChecks(result.report.checks)).toEqual([])
    expect(result.outcomes.map((o) => [o.subject.name, o.state.verdict])).toEqual([[OTHER.name, 'healthy']])
    expect(h.alerts.fired).toEqual([])
    expect(readSection(h.store.read('http_connection', OTHER.sysId)!.inboundJson)!.instanceOn).toBe(HOST)
})

test("a row's Validate of the Jira alias connection reads the spoke, and says the others' webhooks were not listed", () => {
    registerWebhook(w, w.getOAuthToken().accessToken, `https://other.service-now.com/${SPOKE_CALLBACK_PATH}`)
    const h = healthHarness(w)
    const result = h.run('on_demand', { onlySysId: IDS.oauthConnection })
    const registryCheck = result.report.checks.find((c) => c.id === 'inbound.instance_registry')!
    expect(registryCheck.code).toBe('match_unknown')
    expect(registryCheck.found).toContain(`did not list the Jira webhooks of 1 connection(s) ("${OTHER.name}")`)
    expect(registryCheck.found).not.toMatch(/inbound\.[a-z_]+/)
})

test('the Jira alias connection stopped on an error: the next connection carries the instance side', () => {
    spoke.triggers = [inactiveRunAs]
    const h = healthHarness(w, { config: connectionReadFails(IDS.oauthConnection, 'connection record unreadable') })
    const result = h.run()
    expect(instanceChecks(result.report.checks).map((c) => (c as { subject?: string }).subject)).toEqual([
        OTHER.name,
        OTHER.name,
        OTHER.name,
    ])
    expect(h.alerts.fired.filter((a) => a.subject === OTHER.name).map((a) => a.alert.kind)).toEqual(['broken'])
})
