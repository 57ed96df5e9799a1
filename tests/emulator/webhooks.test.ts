/**
 * Jira webhooks in the emulator (harness/atlassian-emulator/webhooks.ts): dynamic webhooks of an OAuth 2.0 app
 * (register, list, refresh, 30-day expiry on the emulator clock, failed deliveries, the JQL subset refused in a 200
 * body, apps only, the owner rule of non-public apps) and admin webhooks (Administer Jira only).
 */
import { APP, DAY, GATEWAY, SITE, USER, basic, ok, startWorld, type World } from './world'

const HOOKS = `${GATEWAY}/ex/jira/${SITE.cloudId}/rest/api/2/webhook`
const ADMIN_HOOKS = `${GATEWAY}/ex/jira/${SITE.cloudId}/rest/webhooks/1.0/webhook`
const RECEIVER = 'https://dev12345.service-now.com/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry'
const SCOPES = ['read:jira-user', 'read:jira-work', 'manage:jira-webhook']

let w: World
let token: string
/** Moves the emulator clock and takes a fresh access token (they live one hour). */
function advance(ms: number) {
    w.emu.advanceTime(ms)
    grant()
}
function grant() {
    token = w.emu.grantTokens({
        clientId: APP.clientId,
        accountId: USER.accountId,
        scopes: SCOPES,
        cloudIds: [SITE.cloudId],
    }).accessToken
}
beforeEach(async () => {
    w = await startWorld()
    w.emu.registerApp({ ...APP, scopes: [...APP.scopes, 'manage:jira-webhook'] })
    grant()
})
afterEach(() => w.close())

function call(method: string, url: string, body?: unknown, auth = `Bearer ${token}`) {
    const headers: Record<string, string> = { Authorization: auth, Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const r = ok(
        w.net.request({
            method,
            url,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            timeoutMs: 3000,
        })
    )
    return { status: r.status, json: r.body ? JSON.parse(r.body) : null }
}
function register(jqlFilter: string) {
    return call('POST', HOOKS, { url: RECEIVER, webhooks: [{ events: ['jira:issue_updated'], jqlFilter }] })
}

test('register, list with expirationDate 30 days out on the emulator clock, refresh extends it', () => {
    const r = register('project = ACME')
    expect(r.status).toBe(200)
    const id = r.json.webhookRegistrationResult[0].createdWebhookId
    const list = call('GET', HOOKS).json
    expect(list).toMatchObject({ isLast: true, startAt: 0, total: 1 })
    expect(list.values[0]).toEqual({
        id,
        jqlFilter: 'project = ACME',
        events: ['jira:issue_updated'],
        expirationDate: w.emu.now() + 30 * DAY,
        url: RECEIVER,
    })
    advance(20 * DAY)
    const refreshed = call('PUT', `${HOOKS}/refresh`, { webhookIds: [id] })
    expect(refreshed).toEqual({ status: 200, json: { expirationDate: w.emu.now() + 30 * DAY } })
    expect(call('GET', HOOKS).json.values[0].expirationDate).toBe(w.emu.now() + 30 * DAY)
})

test('a JQL filter outside =, !=, IN, NOT IN is refused with errors in a 200 body, and nothing is registered', () => {
    const r = call('POST', HOOKS, {
        url: RECEIVER,
        webhooks: [
            { events: ['jira:issue_updated'], jqlFilter: 'project = ACME AND summary ~ "db"' },
            { events: ['jira:issue_created'], jqlFilter: 'project IN (ACME, OPS) AND status != Done' },
        ],
    })
    expect(r.status).toBe(200)
    expect(r.json.webhookRegistrationResult[0]).toEqual({ errors: ['The clause summary is unsupported'] })
    expect(r.json.webhookRegistrationResult[1].createdWebhookId).toEqual(expect.any(Number))
    expect(call('GET', HOOKS).json.total).toBe(1)
})

test('deliveries stop when a dynamic webhook expires at day 30; a receiver that is down fills /webhook/failed', () => {
    register('project = ACME')
    expect(w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')).toHaveLength(1)
    w.emu.webhooks.setReceiverDown('https://dev12345.service-now.com/', true)
    const failed = w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')
    expect(failed.map((d) => d.delivered)).toEqual([false])
    const list = call('GET', `${HOOKS}/failed`).json
    expect(list.values).toHaveLength(1)
    expect(list.values[0]).toMatchObject({ url: RECEIVER, failureTime: w.emu.now() })
    w.emu.webhooks.setReceiverDown('https://dev12345.service-now.com/', false)
    advance(30 * DAY)
    expect(w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')).toEqual([])
    // An expired webhook cannot be brought back by refresh (default switch).
    const id = call('GET', HOOKS).json.values[0].id
    call('PUT', `${HOOKS}/refresh`, { webhookIds: [id] })
    expect(w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')).toEqual([])
})

test('a non-public app delivers only webhooks its owner registered', () => {
    register('project = ACME')
    w.emu.webhooks.setAppOwner(APP.clientId, 'someone-else', false)
    expect(w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')).toEqual([])
    w.emu.webhooks.setAppOwner(APP.clientId, USER.accountId, false)
    expect(w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')).toHaveLength(1)
    w.emu.webhooks.setAppOwner(APP.clientId, 'someone-else', true)
    expect(w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')).toHaveLength(1)
})

test('only OAuth 2.0 apps may use the dynamic webhook endpoints; the list is per app; scopes are enforced', () => {
    const classic = basic(USER.email, USER.apiTokens[0])
    const site = ok(
        w.net.request({
            method: 'GET',
            url: `https://${SITE.host}/rest/api/2/webhook`,
            headers: { Authorization: classic },
            timeoutMs: 3000,
        })
    )
    expect(site.status).toBe(403)
    expect(site.body).toContain('Only Connect and OAuth 2.0 apps')
    register('project = ACME')
    const readOnly = w.emu.grantTokens({
        clientId: APP.clientId,
        accountId: USER.accountId,
        scopes: ['read:jira-user'],
        cloudIds: [SITE.cloudId],
    })
    expect(call('GET', HOOKS, undefined, `Bearer ${readOnly.accessToken}`).status).toBe(401)
    expect(call('PUT', `${HOOKS}/refresh`, { webhookIds: [1] }, `Bearer ${readOnly.accessToken}`).status).toBe(401)
})

test('admin webhooks: Administer Jira only, enabled flag and JQL filter listed', () => {
    w.emu.webhooks.registerAdminWebhook({
        cloudId: SITE.cloudId,
        name: 'ServiceNow',
        url: RECEIVER,
        events: ['jira:issue_updated'],
        jqlFilter: 'project = ACME',
        enabled: false,
    })
    const denied = call('GET', ADMIN_HOOKS)
    expect(denied.status).toBe(403)
    w.emu.webhooks.setJiraAdmin(USER.accountId, true)
    const list = call('GET', ADMIN_HOOKS)
    expect(list.status).toBe(200)
    expect(list.json[0]).toMatchObject({
        name: 'ServiceNow',
        url: RECEIVER,
        enabled: false,
        filters: { 'issue-related-events-section': 'project = ACME' },
    })
    // A disabled admin webhook delivers nothing; enabled, it delivers and never expires.
    expect(w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')).toEqual([])
    w.emu.webhooks.setAdminWebhookEnabled(list.json[0].self.split('/').pop() * 1, true)
    w.emu.advanceTime(400 * DAY)
    const [d] = w.emu.webhooks.fireEvent(SITE.cloudId, 'jira:issue_updated')
    expect(d).toMatchObject({ kind: 'admin', delivered: true, url: RECEIVER })
})

test('webhook endpoints carry the rate-limit headers of every Jira REST answer and count against the quota', () => {
    const answer = (method: string, url: string, body?: unknown) => {
        const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' }
        if (body !== undefined) headers['Content-Type'] = 'application/json'
        return ok(
            w.net.request({
                method,
                url,
                headers,
                body: body === undefined ? undefined : JSON.stringify(body),
                timeoutMs: 3000,
            })
        )
    }
    const FAILED = `${GATEWAY}/ex/jira/${SITE.cloudId}/rest/api/2/webhook/failed`
    const REFRESH = `${GATEWAY}/ex/jira/${SITE.cloudId}/rest/api/2/webhook/refresh`
    for (const [method, url, body] of [
        ['GET', HOOKS, undefined],
        ['GET', FAILED, undefined],
        ['PUT', REFRESH, { webhookIds: [1] }],
        ['GET', ADMIN_HOOKS, undefined],
    ] as const) {
        const r = answer(method, url, body)
        expect([method, url, r.headers['beta-ratelimit-policy']]).toEqual([
            method,
            url,
            expect.stringMatching(/^"tenant-app-quota";q=\d+;w=3600$/),
        ])
        expect(r.headers['beta-ratelimit']).toMatch(/^"tenant-app-quota";r=\d+;t=\d+$/)
        expect(r.headers['x-beta-ratelimit-reason']).toBe('jira-quota-tenant-based')
        expect(r.headers['x-ratelimit-limit']).toEqual(expect.any(String))
    }
    // The same hourly quota: spent, the webhook list is refused with 429 and Retry-After like any Jira call.
    w.emu.setQuotaUsed(APP.clientId, SITE.cloudId, 10_000_000)
    const refused = answer('GET', HOOKS)
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toMatch(/^\d+$/)
})
