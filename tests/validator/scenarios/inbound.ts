/**
 * Jira → ServiceNow (src/server/core/checks/inbound.ts): one scenario per finding, over real loopback HTTP to the
 * emulator's webhooks (harness/atlassian-emulator/webhooks.ts). Webhooks are registered through Jira's own endpoint
 * where Jira allows it; seeded only for states registration cannot produce (a past expiry, a filter Jira refuses now).
 */
import { InMemoryConfig } from '../../../harness/node-platform/in-memory-platform'
import { reportText } from '../../../src/server/core/format'
import { validate } from '../../../src/server/core/validator'
import {
    check,
    everythingShown,
    expectFail,
    IDS,
    INSTANCE_URL,
    observe,
    registerWebhook,
    SITE,
    startWorld,
    USER,
    type World,
    APP,
} from '../world'

const DAY = 86400000
const HERE = `${INSTANCE_URL}/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry`
const PROD = 'https://acme.service-now.com/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry'

describe('Jira → ServiceNow: webhooks', () => {
    let w: World
    let token: string
    beforeEach(async () => {
        w = await startWorld()
        token = w.getOAuthToken().accessToken
        w.emu.clearRequests()
    })
    afterEach(() => w.close())

    /** Registers a dynamic webhook (registerWebhook); the requests it made are not this test's. */
    function register(url: string, jqlFilter = 'project = ACME'): number {
        const id = registerWebhook(w, token, url, jqlFilter)
        w.emu.clearRequests()
        return id
    }
    function seed(url: string, expiresAt: number, jqlFilter = 'project = ACME'): number {
        return w.emu.webhooks.seedDynamicWebhook({
            clientId: APP.clientId,
            accountId: USER.accountId,
            cloudId: SITE.cloudId,
            url,
            jqlFilter,
            events: ['jira:issue_updated'],
            expiresAt,
        })
    }
    /** A health-check run: the validator may refresh this connection's expiring webhooks. */
    function healthRun() {
        const http = w.net.httpPort((a) => w.tokens.authorize(a))
        const ports = { config: new InMemoryConfig(w.state), tokens: w.tokens, http, clock: w.clock }
        const report = validate({ table: 'sys_alias', sysId: IDS.alias }, ports, { webhookRefresh: () => true })
        observe(report)
        return report
    }

    test('nothing points here and the account is no Jira admin: both said plainly, the run passes', () => {
        const r = w.run()
        expect(r.verdict).toBe('pass')
        expect(check(r, 'inbound.dynamic_webhooks').code).toBe('none_here')
        expect(check(r, 'inbound.webhook_failures').status).toBe('pass')
        const admin = check(r, 'inbound.admin_webhooks')
        expect(admin.code).toBe('needs_jira_admin')
        expect(admin.found).toMatch(/Administer Jira .*Settings > System > WebHooks/)
        expect(admin.found).toContain(INSTANCE_URL)
    })

    test('a dynamic webhook pointing here: passes, names its expiry and the owner rule of non-public apps', () => {
        register(HERE)
        const r = w.run()
        expect(r.verdict).toBe('pass')
        const c = check(r, 'inbound.dynamic_webhooks')
        expect(c.code).toBe('owner_rule')
        expect(c.found).toContain(new Date(w.emu.now() + 30 * DAY).toISOString().slice(0, 10))
        expect(c.found).toMatch(/shared .* or its owner is the account that registered them/)
        // The validation result shows these checks as a section of their own, each webhook with where it points.
        const text = reportText(r)
        expect(text).toMatch(
            /\nJira → ServiceNow \(webhooks that call this instance\):\n✔? ?.*Jira → ServiceNow: dynamic webhooks of this OAuth app\n/
        )
        expect(text.indexOf('Jira → ServiceNow (webhooks')).toBeGreaterThan(
            text.indexOf('Jira Cloud site (serverInfo)')
        )
        expect(text).toContain(HERE)
    })

    test('a dynamic webhook of the app at another instance (a clone keeps production URLs) -> warn other_instance', () => {
        register(PROD)
        const r = w.run()
        const c = check(r, 'inbound.dynamic_webhooks')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'other_instance' })
        expect(c.found).toContain('acme.service-now.com')
    })

    test('a dynamic webhook pointing here expiring in 3 days -> warn expiring (validation never refreshes)', () => {
        seed(HERE, w.emu.now() + 3 * DAY)
        const r = w.run()
        const c = check(r, 'inbound.dynamic_webhooks')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'expiring' })
        expect(c.found).toMatch(/expires in 2 days|expires in 3 days/)
        expect(w.emu.requestsTo('webhook-refresh')).toHaveLength(0)
    })

    test('an expired dynamic webhook pointing here -> fail expired, with re-registration as the fix', () => {
        seed(HERE, w.emu.now() - DAY)
        expectFail(w.run(), 'inbound.dynamic_webhooks', 'expired', /Register them again .*does not revive/)
    })

    test('a dynamic webhook whose JQL is beyond =, !=, IN, NOT IN -> fail jql_unsupported (Jira would refuse it again)', () => {
        seed(HERE, w.emu.now() + 20 * DAY, 'project = ACME AND summary ~ "db"')
        const r = w.run()
        expectFail(r, 'inbound.dynamic_webhooks', 'jql_unsupported', /Rewrite the filter/)
        expect(check(r, 'inbound.dynamic_webhooks').found).toContain('the field summary')
    })

    test('health check: expiring webhooks pointing here are refreshed with one PUT, then expire 30 days out', () => {
        const id = seed(HERE, w.emu.now() + 3 * DAY)
        const other = seed(PROD, w.emu.now() + 3 * DAY)
        const r = healthRun()
        const refreshes = w.emu.requestsTo('webhook-refresh')
        expect(refreshes).toHaveLength(1)
        expect(JSON.parse(refreshes[0].body)).toEqual({ webhookIds: [id] })
        const after = w.emu.webhooks.dynamicWebhooks()
        expect(after.find((h) => h.id === id)!.expiresAt).toBeGreaterThan(w.emu.now() + 29 * DAY)
        expect(after.find((h) => h.id === other)!.expiresAt).toBeLessThan(w.emu.now() + 4 * DAY)
        // The refreshed ones are fine; the one at production is still reported.
        expect(check(r, 'inbound.dynamic_webhooks').code).toBe('other_instance')
        expect(r.calls).toBe(9) // + the capability round (project search, bulk permission check)
    })

    test('health check with everything in order: refreshed, one pass naming the new expiry', () => {
        seed(HERE, w.emu.now() + 2 * DAY)
        const r = healthRun()
        const c = check(r, 'inbound.dynamic_webhooks')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'pass', code: 'refreshed' })
        expect(c.found).toContain(new Date(w.emu.now() + 30 * DAY).toISOString().slice(0, 10))
    })

    test('health check: Jira refuses the refresh -> fail refresh_failed naming the ids and the date they stop', () => {
        const id = seed(HERE, w.emu.now() + 2 * DAY)
        w.emu.setFault('webhook-refresh', { status: 403, body: JSON.stringify({ errorMessages: ['Forbidden'] }) })
        const r = healthRun()
        expectFail(r, 'inbound.dynamic_webhooks', 'refresh_failed', /Validate all on Connection Health/)
        expect(check(r, 'inbound.dynamic_webhooks').found).toMatch(new RegExp(`#${id}.*HTTP 403 "Forbidden"`))
    })

    test('refresh switched off (x_jira_connect.health.webhook_refresh = false): health run calls no refresh and fails refresh_off', () => {
        const id = seed(HERE, w.emu.now() + 3 * DAY)
        w.state.properties['x_jira_connect.health.webhook_refresh'] = 'false'
        const r = healthRun()
        expectFail(r, 'inbound.dynamic_webhooks', 'refresh_off', /Set x_jira_connect\.health\.webhook_refresh to true/)
        const c = check(r, 'inbound.dynamic_webhooks')
        expect(c.found).toContain(`#${id}`)
        expect(c.found).toContain(new Date(w.emu.now() + 3 * DAY).toISOString().slice(0, 10))
        expect(w.emu.requestsTo('webhook-refresh')).toHaveLength(0)
        // Switched on again (any value but "false"): the same run refreshes it.
        w.state.properties['x_jira_connect.health.webhook_refresh'] = 'true'
        expect(check(healthRun(), 'inbound.dynamic_webhooks').code).toBe('refreshed')
        expect(w.emu.requestsTo('webhook-refresh')).toHaveLength(1)
    })

    test('refresh switched off, nothing expiring: nothing to say about the switch', () => {
        seed(HERE, w.emu.now() + 20 * DAY)
        w.state.properties['x_jira_connect.health.webhook_refresh'] = 'false'
        expect(check(w.run(), 'inbound.dynamic_webhooks').code).toBe('owner_rule')
    })

    test('Jira refuses the webhook endpoints to the app (403) -> fail webhooks_forbidden', () => {
        w.emu.setFault('webhooks', {
            status: 403,
            body: JSON.stringify({ errorMessages: ['Only Connect and OAuth 2.0 apps can use this operation.'] }),
        })
        const r = w.run()
        expectFail(r, 'inbound.dynamic_webhooks', 'webhooks_forbidden', /OAuth 2.0 \(3LO\) app/)
        expect(check(r, 'inbound.webhook_failures').status).toBe('skip')
        expect(w.emu.requestsTo('webhooks-failed')).toHaveLength(0)
    })

    test('a token without manage:jira-webhook or read:jira-work: Jira answers 401 -> fail webhook_scope_missing', () => {
        token = w.getOAuthToken(['read:jira-user', 'offline_access']).accessToken
        w.emu.clearRequests()
        expectFail(w.run(), 'inbound.dynamic_webhooks', 'webhook_scope_missing', /manage:jira-webhook/)
    })

    test('GET /webhook answers JSON without values -> fail unexpected_shape', () => {
        w.emu.setFault('webhooks', { status: 200, body: '{"webhooks":"none"}' })
        expectFail(w.run(), 'inbound.dynamic_webhooks', 'unexpected_shape', /Connection URL/)
    })

    test('deliveries to this instance failed after Jira retried -> warn deliveries_failing with count and last time', () => {
        register(HERE)
        w.emu.webhooks.setReceiverDown(INSTANCE_URL, true)
        w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')
        w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')
        const r = w.run()
        const c = check(r, 'inbound.webhook_failures')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'deliveries_failing' })
        expect(c.found).toMatch(/gave up delivering 2 event\(s\)/)
        expect(c.found).toContain(HERE)
        expect(c.fix).toMatch(/token_verification/)
    })

    test('GET /webhook/failed answers JSON without values -> fail unexpected_shape', () => {
        w.emu.setFault('webhooks-failed', { status: 200, body: '{}' })
        expectFail(w.run(), 'inbound.webhook_failures', 'unexpected_shape', /Connection URL/)
    })

    describe('admin webhooks (the account has Administer Jira)', () => {
        beforeEach(() => w.emu.webhooks.setJiraAdmin(USER.accountId, true))
        const admin = (url: string, enabled = true) =>
            w.emu.webhooks.registerAdminWebhook({
                cloudId: SITE.cloudId,
                name: 'ServiceNow',
                url,
                events: ['jira:issue_updated'],
                jqlFilter: 'project = ACME',
                enabled,
            })

        test('none on the site points here -> pass none_here', () => {
            admin('https://hooks.example.com/jira')
            expect(check(w.run(), 'inbound.admin_webhooks').code).toBe('none_here')
        })

        test('an enabled admin webhook pointing here passes; its token in the URL is never shown', () => {
            const secret = 'tok3nInTheCallbackUrl9f8e7d6c5b4a'
            admin(`${HERE}?token=${secret}`)
            const r = w.run()
            const c = check(r, 'inbound.admin_webhooks')
            expect({ status: c.status, code: c.code }).toEqual({ status: 'pass', code: 'ok' })
            expect(c.found).toContain(HERE)
            expect(everythingShown(r)).not.toContain(secret)
        })

        test('an admin webhook pointing here is disabled -> warn disabled', () => {
            admin(HERE, false)
            const c = check(w.run(), 'inbound.admin_webhooks')
            expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'disabled' })
            expect(c.fix).toMatch(/set it Enabled/)
        })

        test('an admin webhook points at another instance and none here -> warn other_instance', () => {
            admin(PROD)
            const c = check(w.run(), 'inbound.admin_webhooks')
            expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'other_instance' })
            expect(c.found).toMatch(/none at this one/)
        })

        test('the list is not a list -> fail unexpected_shape', () => {
            w.emu.setFault('admin-webhooks', { status: 200, body: '{"values":[]}' })
            expectFail(w.run(), 'inbound.admin_webhooks', 'unexpected_shape', /Connection URL/)
        })
    })
})
