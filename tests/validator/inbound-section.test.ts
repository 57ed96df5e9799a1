/**
 * The "Jira → ServiceNow" section of a validation result (issue 19 §4), over real loopback HTTP to the emulator's
 * webhooks: the report carries what the inbound checks saw (sanitised), and the form messages show it as one block
 * after the outbound result: one line per webhook (where it points, its expiry, its last failure), then each problem
 * with its fix, failures before warnings, no check id or code; the stored run's text carries the same lines.
 */
import { formMessages, reportText } from '../../src/server/core/format'
import { inboundSections } from '../../src/server/core/inbound-view'
import { APP, check, everythingShown, INSTANCE_URL, registerWebhook, SITE, startWorld, USER, type World } from './world'

const DAY = 86400000
const HERE = `${INSTANCE_URL}/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry`
const PROD = 'https://acme.service-now.com/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry'
const SECRET = 'cbTok3nInTheQuery7a6b5c4d3e2f1a0b'
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

describe('Jira → ServiceNow section of the validation result', () => {
    let w: World
    let token: string
    beforeEach(async () => {
        w = await startWorld()
        token = w.getOAuthToken().accessToken
        w.emu.clearRequests()
    })
    afterEach(() => w.close())

    /** Registers a dynamic webhook (registerWebhook); the requests it made are not this test's. */
    function register(url: string): number {
        const id = registerWebhook(w, token, url)
        w.emu.clearRequests()
        return id
    }
    function seed(url: string, expiresAt: number): number {
        return w.emu.webhooks.seedDynamicWebhook({
            clientId: APP.clientId,
            accountId: USER.accountId,
            cloudId: SITE.cloudId,
            url,
            jqlFilter: 'project = ACME',
            events: ['jira:issue_updated'],
            expiresAt,
        })
    }

    test('each webhook with where it points, its expiry and its last failure; the fix per finding; no token', () => {
        const here = register(`${HERE}?token=${SECRET}`)
        const prod = seed(`${PROD}?token=${SECRET}`, w.emu.now() + 20 * DAY)
        w.emu.webhooks.setReceiverDown(INSTANCE_URL, true)
        w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')
        const r = w.run()
        expect(check(r, 'inbound.dynamic_webhooks').code).toBe('other_instance')
        expect(check(r, 'inbound.webhook_failures').code).toBe('deliveries_failing')

        // The report carries what the checks saw, sanitised: URLs without their query.
        const [seen] = r.inbound || []
        expect(seen.webhooks.map((h) => [h.id, h.url, h.destination])).toEqual([
            [String(here), HERE, 'here'],
            [String(prod), PROD, 'other_instance'],
        ])
        expect(seen.failedDeliveries).toBe(1)
        expect(seen.webhooks[0].failures).toBe(1)
        expect(seen.webhooks[0].lastFailureMs).toBe(seen.lastFailureMs)
        expect(seen.webhooks[1].lastFailureMs).toBeUndefined()

        const m = formMessages(r)
        // No failure in the section: the block is info, after the outbound result and the capability table.
        const start = m.info.findIndex((l) => l.indexOf('Jira → ServiceNow: ') === 0)
        expect(start).toBeGreaterThan(m.info.findIndex((l) => /^What this connection can do/.test(l)))
        const block = m.info.slice(start)
        expect(block[0]).toBe(
            'Jira → ServiceNow: 2 webhooks (1 pointing at this instance); 1 failed delivery to this instance, the ' +
                `last at ${new Date(seen.lastFailureMs as number).toISOString().replace('T', ' ').slice(0, 16)} UTC.`
        )
        expect(block[1]).toBe(
            `Dynamic webhook ${here} → this instance, ${HERE}: expires on ${day(w.emu.now() + 30 * DAY)}; last ` +
                `failure ${new Date(seen.lastFailureMs as number).toISOString().replace('T', ' ').slice(0, 16)} UTC.`
        )
        expect(block[2]).toBe(
            `Dynamic webhook ${prod} → another instance (acme.service-now.com), ${PROD}: expires on ` +
                `${day(w.emu.now() + 20 * DAY)}; no failed delivery. Problem: points at acme.service-now.com, not ` +
                'this instance.'
        )
        const warnings = block.filter((l) => /^Warning: /.test(l))
        expect(warnings).toHaveLength(2)
        expect(warnings[0]).toMatch(/^Warning: dynamic webhooks of this OAuth app: .* Fix: If this instance should/)
        expect(warnings[1]).toMatch(/^Warning: the app's failed webhook deliveries: .* Fix: Check the callback/)
        // Outside the block no inbound finding is repeated; inside it no internal id or code.
        expect(m.info.slice(0, start).join('\n')).not.toMatch(/Jira → ServiceNow/)
        expect(block.join('\n')).not.toMatch(/inbound\.|other_instance|deliveries_failing/)
        expect(m.errors).toEqual([])

        // The stored run's text carries the same webhook lines, in the section.
        const text = reportText(r)
        const section = text.slice(text.indexOf('Jira → ServiceNow (webhooks'))
        expect(section).toContain(block[1])
        expect(section).toContain(block[2])
        expect(everythingShown(r)).not.toContain(SECRET)
        expect(JSON.stringify(inboundSections(r))).not.toContain(SECRET)
    })

    test('a failure in the section: the whole block at error level, failures before warnings', () => {
        seed(PROD, w.emu.now() + 20 * DAY) // warn other_instance (dynamic webhooks, checked first)
        w.emu.setFault('webhooks-failed', { status: 200, body: '{}' }) // fail unexpected_shape (checked second)
        const r = w.run()
        expect(r.verdict).toBe('fail')
        const m = formMessages(r)
        expect(m.info.join('\n')).not.toMatch(/Jira → ServiceNow/)
        const start = m.errors.findIndex((l) => l.indexOf('Jira → ServiceNow: ') === 0)
        expect(start).toBeGreaterThan(0) // after the verdict
        const block = m.errors.slice(start)
        const failed = block.findIndex((l) => /^Failed: the app's failed webhook deliveries: .* Fix: Check/.test(l))
        const warned = block.findIndex((l) => /^Warning: dynamic webhooks of this OAuth app: /.test(l))
        expect(failed).toBeGreaterThan(0)
        expect(warned).toBeGreaterThan(failed)
        expect(block.join('\n')).not.toMatch(/\(inbound\.|unexpected_shape/)
        // The stored text lists the section's failure first too.
        const text = reportText(r)
        const section = text.slice(text.indexOf('Jira → ServiceNow (webhooks'))
        const failLine = section.indexOf("FAIL  Jira → ServiceNow: the app's failed webhook deliveries\n")
        expect(failLine).toBeGreaterThan(0)
        expect(failLine).toBeLessThan(section.indexOf('WARN  Jira → ServiceNow: dynamic webhooks of this OAuth app\n'))
        expect(section).not.toMatch(/\(inbound\./)
    })

    test('the inbound checks did not get to Jira: one line says so, without internal ids', () => {
        w.emu.setFault('myself', { status: 401, body: '{"message":"Unauthorized"}' })
        const r = w.run()
        expect(inboundSections(r).map((s) => s.checked)).toEqual([false])
        const m = formMessages(r)
        // Skips are not failures: the block stays with the info messages.
        expect(m.errors.join('\n')).not.toMatch(/Jira → ServiceNow/)
        const lines = m.info.filter((l) => /Jira → ServiceNow|^Not checked: /.test(l))
        expect(lines).toEqual(['Jira → ServiceNow: not checked (Jira was not reached).'])
    })
})
