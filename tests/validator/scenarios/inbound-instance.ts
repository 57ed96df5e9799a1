/**
 * Jira → ServiceNow, the instance side (src/server/core/checks/inbound-instance.ts): one scenario per finding. Jira's
 * side is real loopback HTTP to the emulator's webhooks; the instance side is the in-memory SpokeInboundPort (the Glide
 * adapter over the simulator's spoke tables runs in tests/e2e/inbound-instance.test.ts).
 */
import type { SpokeInboundState } from '../../../harness/node-platform/in-memory-spoke-inbound'
import type { InboundResult } from '../../../src/server/core/checks/inbound'
import { reportText } from '../../../src/server/core/format'
import {
    check,
    everythingShown,
    expectFail,
    INSTANCE_URL,
    registerWebhook,
    SITE,
    startWorld,
    USER,
    type World,
    SPOKE_CALLBACK_PATH,
    spokeRealPath,
    SPOKE_TRIGGER_PATH,
    spokeRegistry,
    spokeTrigger,
} from '../world'

const DAY = 86400000
const PATH = SPOKE_CALLBACK_PATH
const TRIGGER_PATH = SPOKE_TRIGGER_PATH

describe('Jira → ServiceNow: what this instance has for Jira to call', () => {
    let w: World
    let token: string
    let state: SpokeInboundState
    beforeEach(async () => {
        w = await startWorld()
        token = w.getOAuthToken().accessToken
        w.realPath = spokeRealPath(true)
        state = { registryTable: 'sn_jira_spoke_webhook_registry', registries: [], triggerTable: '', triggers: [] }
        w.spokeInbound = state
    })
    afterEach(() => w.close())

    const register = (url: string) => registerWebhook(w, token, url)
    const jiraAdmin = () => w.emu.webhooks.setJiraAdmin(USER.accountId, true)
    function seen(): { report: ReturnType<World['run']>; inbound: InboundResult[] } {
        const inbound: InboundResult[] = []
        const report = w.run('sys_alias', undefined, { onInbound: (_id: string, r: InboundResult) => inbound.push(r) })
        return { report, inbound }
    }

    test('spoke not installed: one plain info sentence, no other instance check, no call, nothing read', () => {
        w.realPath = spokeRealPath(false)
        const without = w.run()
        const { report, inbound } = seen()
        expect(report.verdict).toBe('pass')
        const c = check(report, 'inbound.instance_registry')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'pass', code: 'spoke_not_installed' })
        expect(c.found).toBe(
            'The Jira spoke is not installed on this instance, so no Jira webhook calls it through the spoke.'
        )
        expect(report.checks.filter((x) => /^inbound\.instance_(token|trigger)$/.test(x.id))).toEqual([])
        expect(report.calls).toBe(without.calls)
        expect(inbound[0].instance).toEqual({ spoke: null, callbacks: [] })
        expect(reportText(report)).toContain('Jira → ServiceNow (what this instance has for Jira to call):')
    })

    test('reading the spoke records fails on the platform -> the instance checks say not checked, the rest of the run stands', () => {
        state.readError = 'GlideRecord: Security restricted: read operation on table sn_jira_spoke_webhook_registry'
        const { report, inbound } = seen()
        // The outbound half was proved by calls and keeps its verdict; only the instance side is unknown.
        expect(report.verdict).toBe('pass')
        expect(check(report, 'jira.myself').status).toBe('pass')
        expect(report.checks.some((c) => c.id === 'validator.internal')).toBe(false)
        for (const id of ['inbound.instance_registry', 'inbound.instance_trigger'] as const) {
            const c = check(report, id)
            expect({ status: c.status, code: c.code }).toEqual({ status: 'skip', code: 'skipped' })
            expect(c.found).toMatch(/^Not checked: reading the Jira spoke's records on this instance failed \(/)
            expect(c.found).toContain('Security restricted')
        }
        expect(inbound[0].instance).toBeUndefined()
    })

    test("Jira refused the sign-in, so Jira's side was not read -> the instance side is still shown, on its own", () => {
        w.emu.setFault('myself', { status: 401, body: '{"code":401,"message":"Unauthorized"}' })
        state.registries = [spokeRegistry({ token: { name: 'Jira token', active: false, expiresAtMs: null } })]
        const { report, inbound } = seen()
        expect(report.verdict).toBe('fail')
        expect(inbound).toEqual([])
        expect(check(report, 'inbound.instance_token').code).toBe('token_inactive')
        expect(report.inbound).toEqual([
            expect.objectContaining({
                webhooks: [],
                instanceOnly: true,
                instance: expect.objectContaining({ spoke: { version: '6.1.3' } }),
            }),
        ])
        const text = reportText(report)
        expect(text).toContain('Jira → ServiceNow: what this instance has for Jira to call.')
        expect(text).toContain(
            'Jira webhook registry "Jira webhook" at api/sn_jira_spoke/jira_webhook_callbacks/wh_entry'
        )
    })

    test('spoke installed, registry table not found (its name is undocumented) -> info registry_table_unknown', () => {
        state.registryTable = ''
        const c = check(w.run(), 'inbound.instance_registry')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'pass', code: 'registry_table_unknown' })
        expect(c.found).toMatch(/Jira Webhooks > Jira Webhook Registries/)
    })

    test('spoke installed, no registry record and nothing from Jira points at it -> info none_configured', () => {
        const r = w.run()
        expect(r.verdict).toBe('pass')
        expect(check(r, 'inbound.instance_registry').code).toBe('none_configured')
    })

    test('a Jira webhook points at the spoke here but no registry record exists -> warn no_registry', () => {
        register(`${INSTANCE_URL}/${PATH}`)
        state.registries = [spokeRegistry({ active: false })]
        const r = w.run()
        const c = check(r, 'inbound.instance_registry')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'no_registry' })
        expect(c.found).toContain(`${INSTANCE_URL}/${PATH}`)
        expect(c.found).toContain('(1 inactive)')
        expect(c.fix).toMatch(/Jira Webhook Registries > New/)
    })

    test('registry callback path matched by no Jira webhook pointing here (admin list read) -> warn', () => {
        jiraAdmin()
        register(`${INSTANCE_URL}/api/sn_jira_spoke/other_path`)
        state.registries = [spokeRegistry()]
        const { report, inbound } = seen()
        const c = check(report, 'inbound.instance_registry')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'callback_unmatched' })
        expect(c.found).toContain(`"Jira webhook" (/${PATH})`)
        expect(inbound[0].instance!.callbacks[0]).toMatchObject({
            kind: 'registry',
            path: PATH,
            matchedBy: [],
            problem: 'no Jira webhook pointing here uses this path',
        })
    })

    test('registry records but the account cannot list admin webhooks -> info match_unknown (no false alarm)', () => {
        state.registries = [spokeRegistry()]
        const c = check(w.run(), 'inbound.instance_registry')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'pass', code: 'match_unknown' })
        expect(c.found).toMatch(/needs a Jira administrator/)
    })

    test('registry matched by a dynamic webhook (query token not shown), token active -> both pass', () => {
        jiraAdmin()
        const id = register(`${INSTANCE_URL}/${PATH}?token=never-shown-token-value`)
        state.registries = [spokeRegistry({ auth: 'token' })]
        const { report, inbound } = seen()
        expect(report.verdict).toBe('pass')
        expect(check(report, 'inbound.instance_registry').found).toContain(
            `"Jira webhook" (/${PATH}, token-based, called by Jira dynamic #${id})`
        )
        expect(check(report, 'inbound.instance_token').found).toContain('"Jira token"')
        expect(inbound[0].instance).toEqual({
            spoke: { version: '6.1.3' },
            callbacks: [
                {
                    kind: 'registry',
                    name: 'Jira webhook',
                    path: PATH,
                    auth: 'token',
                    active: true,
                    verification: 'Jira token',
                    runAs: '',
                    matchedBy: [`dynamic #${id}`],
                    problem: '',
                },
            ],
        })
        expect(everythingShown(report)).not.toContain('never-shown-token-value')
        // The instance side makes no call: the same run without it makes as many.
        w.spokeInbound = null
        expect(w.run().calls).toBe(report.calls)
    })

    test('HMAC-based registry called only by dynamic webhooks (Jira does not HMAC-sign them) -> warn', () => {
        jiraAdmin()
        const id = register(`${INSTANCE_URL}/${PATH}`)
        state.registries = [spokeRegistry({ auth: 'hmac' })]
        const { report, inbound } = seen()
        const c = check(report, 'inbound.instance_registry')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'hmac_unsigned_caller' })
        expect(c.found).toContain(`hmac-based, called by Jira dynamic #${id}`)
        expect(c.fix).toMatch(/token-based callback URL/)
        expect(inbound[0].instance!.callbacks[0].problem).toMatch(/only dynamic webhooks/)
        // An admin webhook (which can carry the secret) calling it as well: no warning.
        w.emu.webhooks.registerAdminWebhook({
            cloudId: SITE.cloudId,
            name: 'ServiceNow HMAC',
            url: `${INSTANCE_URL}/${PATH}`,
            events: ['jira:issue_updated'],
            jqlFilter: 'project = ACME',
            enabled: true,
        })
        expect(check(w.run(), 'inbound.instance_registry').status).toBe('pass')
    })

    test('registry with an empty Token -> fail token_missing', () => {
        state.registries = [spokeRegistry({ tokenSet: false, token: null })]
        const c = expectFail(w.run(), 'inbound.instance_token', 'token_missing', /token_verification\.list > New/)
        expect(c.found).toContain('Token empty')
    })

    test('registry whose token record was deleted -> fail token_missing (the one named is gone)', () => {
        state.registries = [spokeRegistry({ token: null })]
        expect(expectFail(w.run(), 'inbound.instance_token', 'token_missing', /Token field/).found).toContain('gone')
    })

    test('token verification record inactive -> fail token_inactive', () => {
        state.registries = [spokeRegistry({ token: { name: 'Jira token', active: false, expiresAtMs: null } })]
        const c = expectFail(w.run(), 'inbound.instance_token', 'token_inactive', /set it Active/)
        expect(c.found).toContain('"Jira token"')
    })

    test('token verification record expired -> fail token_expired, with the date', () => {
        const at = w.clock.nowMs() - 2 * DAY
        state.registries = [spokeRegistry({ token: { name: 'Jira token', active: true, expiresAtMs: at } })]
        const c = expectFail(w.run(), 'inbound.instance_token', 'token_expired', /Create a new token/)
        expect(c.found).toContain(new Date(at).toISOString().slice(0, 10))
    })

    test('HMAC-based registry whose Token is empty (its secret, per the Jira page) -> fail hmac_secret_missing', () => {
        state.registries = [spokeRegistry({ auth: 'hmac', tokenSet: false, token: null })]
        const { report, inbound } = seen()
        const c = expectFail(
            report,
            'inbound.instance_token',
            'hmac_secret_missing',
            /Secret field of the Jira webhook/
        )
        expect(c.found).toContain('"Jira webhook"')
        expect(c.found).toContain('Token empty')
        expect(c.found).toContain('X-Hub-Signature')
        expect(c.fix).toMatch(/token_verification\.list > New/)
        expect(inbound[0].instance!.callbacks[0]).toMatchObject({ auth: 'hmac', problem: 'no HMAC secret record' })
    })

    test('HMAC-based registry whose hash_message_verification record is gone -> fail hmac_secret_missing', () => {
        const gone = { field: 'hmac_secret', set: true, record: null }
        state.registries = [spokeRegistry({ auth: 'hmac', tokenSet: false, token: null, hashSecret: gone })]
        const c = expectFail(
            w.run(),
            'inbound.instance_token',
            'hmac_secret_missing',
            /hash_message_verification\.list/
        )
        expect(c.found).toContain('the hash_message_verification record in hmac_secret is gone')
        expect(c.fix).not.toContain('token_verification')
    })

    test('HMAC secret record inactive -> fail hmac_secret_inactive, naming the table and record', () => {
        const hash = { field: 'hmac_secret', set: true, record: { name: 'Jira HMAC', active: false } }
        state.registries = [spokeRegistry({ auth: 'hmac', hashSecret: hash })]
        const { report, inbound } = seen()
        const c = expectFail(report, 'inbound.instance_token', 'hmac_secret_inactive', /set it Active/)
        expect(c.found).toContain('hash_message_verification "Jira HMAC"')
        expect(c.fix).toContain('hash_message_verification.list')
        expect(inbound[0].instance!.callbacks[0]).toMatchObject({ verification: 'Jira HMAC' })
    })

    test('HMAC-based registry with its secret in a hash record: the Token record is not needed -> pass', () => {
        const hash = { field: 'hmac_secret', set: true, record: { name: 'Jira HMAC', active: true } }
        state.registries = [spokeRegistry({ auth: 'hmac', tokenSet: false, token: null, hashSecret: hash })]
        const c = check(w.run(), 'inbound.instance_token')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'pass', code: 'ok' })
        expect(c.found).toContain('"Jira HMAC" (HMAC secret, hash_message_verification)')
    })

    describe('Jira External Trigger endpoints', () => {
        beforeEach(() => {
            state.triggerTable = 'sys_hub_external_trigger_endpoint'
        })

        test('the endpoints cannot be read on this instance -> info trigger_table_unknown', () => {
            state.triggerTable = ''
            const c = check(w.run(), 'inbound.instance_trigger')
            expect({ status: c.status, code: c.code }).toEqual({ status: 'pass', code: 'trigger_table_unknown' })
            expect(c.found).toMatch(/Integrations > Inbound > Jira Spoke/)
        })

        test('none active -> info no_trigger', () => {
            state.triggers = [spokeTrigger({ active: false })]
            expect(check(w.run(), 'inbound.instance_trigger').code).toBe('no_trigger')
        })

        test('active endpoint without a run-as user -> fail run_as_missing', () => {
            state.triggers = [spokeTrigger({ runAsSet: false, runAs: null })]
            const c = expectFail(w.run(), 'inbound.instance_trigger', 'run_as_missing', /Configure, select an active/)
            expect(c.found).toContain('no run-as user')
        })

        test('active endpoint whose run-as user is inactive -> fail run_as_inactive', () => {
            state.triggers = [spokeTrigger({ runAs: { userName: 'jira.webhook', active: false, roles: [] } })]
            const c = expectFail(w.run(), 'inbound.instance_trigger', 'run_as_inactive', /active user/)
            expect(c.found).toContain('jira.webhook')
        })

        test('run-as user lacks a role the endpoint requires -> fail run_as_roles_missing, naming the role', () => {
            state.triggers = [spokeTrigger({ runAs: { userName: 'jira.webhook', active: true, roles: ['itil'] } })]
            const c = expectFail(
                w.run(),
                'inbound.instance_trigger',
                'run_as_roles_missing',
                /Give the user those roles/
            )
            expect(c.found).toContain('jira.webhook lacks sn_jira_spoke.jira_webhook_user')
        })

        test('healthy endpoint that no Jira webhook pointing here uses (admin list read) -> warn callback_unmatched', () => {
            jiraAdmin()
            state.triggers = [spokeTrigger()]
            const c = check(w.run(), 'inbound.instance_trigger')
            expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'callback_unmatched' })
        })

        test('healthy endpoint called by an admin webhook -> pass, names its run-as user', () => {
            jiraAdmin()
            w.emu.webhooks.registerAdminWebhook({
                cloudId: SITE.cloudId,
                name: 'ServiceNow trigger',
                url: `${INSTANCE_URL}/${TRIGGER_PATH}`,
                events: ['jira:issue_updated'],
                jqlFilter: 'project = ACME',
                enabled: true,
            })
            state.triggers = [spokeTrigger()]
            const { report, inbound } = seen()
            const c = check(report, 'inbound.instance_trigger')
            expect({ status: c.status, code: c.code }).toEqual({ status: 'pass', code: 'ok' })
            expect(c.found).toContain('runs as jira.webhook')
            expect(inbound[0].instance!.callbacks[0]).toMatchObject({ kind: 'trigger', runAs: 'jira.webhook' })
            expect(inbound[0].instance!.callbacks[0].matchedBy).toHaveLength(1)
        })
    })
})
