/**
 * One test per Atlassian-side fault, over real HTTP to the emulator: each asserts the verdict, the failing check's id
 * and code, and the remediation the admin is given.
 */
import { check, expectFail, everythingShown, IDS, OTHER_SITE, SITE, startWorld, USER, APP, type World } from '../world'
import { REQUIRED_JIRA_SCOPES } from '../../../src/server/core/jira-scopes'

describe('Atlassian-side faults', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
    })
    afterEach(() => w.close())

    const fast = () => Object.assign(w.state.properties, { 'x_jira_connect.http_timeout_ms': '1000' })

    describe('token rejected or unusable at Atlassian', () => {
        test('revoked consent: accessible-resources 401 -> get a new token', () => {
            w.getOAuthToken()
            w.emu.revokeGrant(USER.accountId, APP.clientId)
            const r = w.run()
            expectFail(r, 'atlassian.accessible_resources', 'token_rejected', /Get OAuth Token/)
            expect(check(r, 'jira.myself').status).toBe('skip')
            expect(r.calls).toBe(1)
        })

        test('token issued without audience=api.atlassian.com: gateway 401, the fix points at the OAuth API Script', () => {
            w.getOAuthToken(undefined, undefined, { audience: null })
            expectFail(w.run(), 'atlassian.accessible_resources', 'token_rejected', /audience=api\.atlassian\.com/)
        })

        test('accessible-resources 403 -> app or user lost access', () => {
            w.getOAuthToken()
            w.emu.setFault('accessible-resources', { status: 403, body: '{"code":403,"message":"Forbidden"}' })
            expectFail(w.run(), 'atlassian.accessible_resources', 'token_forbidden', /get a new token/)
        })

        test('token that reaches no site: accessible-resources [] -> consent with an account that can use the site', () => {
            w.getOAuthToken(undefined, [])
            expectFail(w.run(), 'atlassian.accessible_resources', 'no_sites', /account that can use the Jira site/)
        })

        test('wrong cloud id: the validator names each reachable site with its cloud id and the exact URL', () => {
            w.getOAuthToken()
            w.state.connections[0].url = `https://api.atlassian.com/ex/jira/${OTHER_SITE.cloudId}`
            const c = expectFail(
                w.run(),
                'atlassian.cloud_id',
                'cloud_id_not_accessible',
                new RegExp(`https://api\\.atlassian\\.com/ex/jira/${SITE.cloudId}`)
            )
            expect(c.fix).toContain(`"${SITE.name}" (https://${SITE.host}): cloud id ${SITE.cloudId}`)
        })

        test('scopes not granted for the site: lists the missing ones and asks for new consent', () => {
            w.getOAuthToken(['read:jira-user', 'read:jira-work', 'offline_access'])
            const c = expectFail(w.run(), 'atlassian.scopes', 'scopes_not_granted', /Get OAuth Token again/)
            expect(c.found).toContain('manage:jira-webhook')
            expect(c.found).not.toContain('read:jira-work,')
        })

        test('read:jira-user missing: /myself answers 401 "scope does not match" -> missing scope', () => {
            w.getOAuthToken(REQUIRED_JIRA_SCOPES.filter((s) => s !== 'read:jira-user'))
            const r = w.run()
            expect(r.verdict).toBe('fail')
            const c = check(r, 'jira.myself')
            expect([c.status, c.code]).toEqual(['fail', 'scope_mismatch'])
            expect(c.fix).toMatch(/read:jira-user/)
        })

        test('/myself 401 without scope message -> token rejected, get a new token', () => {
            w.getOAuthToken()
            w.emu.setFault('myself', { status: 401, body: '{"code":401,"message":"Unauthorized"}' })
            expectFail(w.run(), 'jira.myself', 'token_rejected', /Get OAuth Token/)
        })

        test('/myself 404 -> check the cloud id in the connection URL', () => {
            w.getOAuthToken()
            w.emu.setFault('myself', { status: 404, body: '{"code":404,"message":"Not Found"}' })
            expectFail(w.run(), 'jira.myself', 'site_not_found', /Connection URL/)
        })

        test('serverInfo reports a non-Cloud deployment -> this app supports Jira Cloud only', () => {
            w.getOAuthToken()
            w.emu.setFault('serverInfo', {
                status: 200,
                headers: { 'Content-Type': 'application/json' },
                body: '{"baseUrl":"https://jira.corp.example","deploymentType":"Server","version":"9.4.0"}',
            })
            expectFail(w.run(), 'jira.server_info', 'not_jira_cloud', /Jira Cloud only/)
        })

        test('serverInfo base URL differs from the site -> warning, not failure', () => {
            w.getOAuthToken()
            w.emu.setFault('serverInfo', {
                status: 200,
                headers: { 'Content-Type': 'application/json' },
                body: '{"baseUrl":"https://acme-renamed.atlassian.net","deploymentType":"Cloud","version":"1001.0.0"}',
            })
            const r = w.run()
            expect(r.verdict).toBe('warn')
            expect(check(r, 'jira.server_info').code).toBe('base_url_mismatch')
        })
    })

    describe('token refresh', () => {
        test('refresh token idle over 90 days: refresh_expired and Atlassian refuses it -> re-consent', () => {
            w.getOAuthToken()
            w.advance(91 * 86400 * 1000)
            const r = w.run()
            expect(check(r, 'token.refresh').code).toBe('refresh_expired')
            expectFail(r, 'token.access', 'consent_expired', /get a new token/)
            expect(w.emu.requestsTo('token').length).toBe(1)
            expect(check(r, 'atlassian.accessible_resources').status).toBe('skip')
        })

        test('rotated refresh token lost (old one reused after the 10-minute leeway) -> family revoked, consent_expired', () => {
            const first = w.getOAuthToken()
            w.advance(2 * 3600e3)
            expect(w.run().verdict).toBe('pass') // rotates
            w.tokens.put(IDS.oauthCredential, IDS.profile, {
                accessToken: first.accessToken,
                accessExpiresAtMs: 0,
                refreshToken: first.refreshToken,
                refreshExpiresAtMs: Date.now() + 86400e3 * 80,
            })
            w.advance(15 * 60e3)
            expectFail(w.run(), 'token.access', 'consent_expired', /rotated token that was not stored/)
        })

        test('refresh answered unauthorized_client (observed variant) -> consent expired or revoked', () => {
            w.emu.setOptions({ invalidRefreshError: 'unauthorized_client' })
            w.getOAuthToken()
            w.emu.revokeGrant(USER.accountId, APP.clientId)
            w.advance(2 * 3600e3)
            expectFail(w.run(), 'token.access', 'consent_expired', /Get OAuth Token/)
        })

        test('client secret rotated in Atlassian but not in the registry -> refresh 401, copy the secret again', () => {
            w.getOAuthToken()
            w.state.registrySecrets[IDS.registry].clientSecret = 'an-old-secret-value'
            w.advance(2 * 3600e3)
            expectFail(w.run(), 'token.access', 'client_rejected', /Client ID and Secret/)
        })

        // Core-only bound: the in-memory token store hands the per-call timeout to the network. On an instance the
        // refresh goes through GlideOAuthClient, which takes no timeout (A6): the platform's own OAuth timeout bounds
        // it (tests/e2e/adapter-failures.test.ts sets that one, and shows RESTMessageV2 calls get the app's).
        test('token endpoint hangs during refresh -> refresh_timeout (in-memory store: within the per-call timeout)', () => {
            fast()
            w.getOAuthToken()
            w.advance(2 * 3600e3)
            w.emu.setFault('token', 'hang')
            const r = w.run()
            expectFail(r, 'token.access', 'refresh_timeout', /can reach https:\/\/auth\.atlassian\.com\/oauth\/token/)
            expect(r.durationMs).toBeLessThan(1000 + 1500)
        })

        test('refresh answer cut off after Atlassian rotated: validate again within the 10-minute leeway and the credential survives', () => {
            w.getOAuthToken()
            w.advance(2 * 3600e3)
            w.emu.setFault('token', 'truncated-json', { count: 1 })
            expectFail(w.run(), 'token.access', 'refresh_answer_unreadable', /within 10 minutes/)
            w.advance(5 * 60e3)
            const again = w.run()
            expect(again.verdict).toBe('pass')
            const stored = w.tokens.get(IDS.oauthCredential, IDS.profile)!
            w.advance(11 * 60e3)
            expect(w.emu.isRefreshTokenValid(stored.refreshToken!)).toBe(true)
        })

        test('token endpoint answers an HTML page (200) on refresh -> unreadable answer, nothing stored, validate again soon', () => {
            w.getOAuthToken()
            w.advance(2 * 3600e3)
            const before = w.tokens.get(IDS.oauthCredential, IDS.profile)
            w.emu.setFault('token', 'html')
            expectFail(w.run(), 'token.access', 'refresh_answer_unreadable', /Get OAuth Token/)
            expect(w.tokens.get(IDS.oauthCredential, IDS.profile)).toEqual(before)
        })
    })

    describe('transport and rate limits', () => {
        test('accessible-resources hangs -> http_timeout, bounded by the timeout property', () => {
            fast()
            w.getOAuthToken()
            w.emu.setFault('accessible-resources', 'hang')
            const r = w.run()
            expectFail(r, 'atlassian.accessible_resources', 'http_timeout', /can reach https:\/\/api\.atlassian\.com/)
            expect(r.durationMs).toBeLessThan(1000 + 1500)
            expect(r.calls).toBe(1)
        })

        test('connection reset -> connection_reset finding', () => {
            w.getOAuthToken()
            w.emu.setFault('accessible-resources', 'reset')
            expectFail(w.run(), 'atlassian.accessible_resources', 'connection_reset', /validate again/)
        })

        test('connection refused by the gateway host -> connection_refused', () => {
            w.getOAuthToken()
            w.net.route('api.atlassian.com', 'refused')
            expectFail(w.run(), 'atlassian.accessible_resources', 'connection_refused', /proxy or firewall/)
        })

        test('unknown host -> unknown_host', () => {
            w.getOAuthToken()
            w.net.unroute('api.atlassian.com')
            expectFail(w.run(), 'atlassian.accessible_resources', 'unknown_host', /spelling/)
        })

        test('TLS handshake fails (untrusted certificate) -> tls_failure', () => {
            w.getOAuthToken()
            w.net.route('api.atlassian.com', 'tls-failure')
            expectFail(w.run(), 'atlassian.accessible_resources', 'tls_failure', /CA certificate/)
        })

        test('HTML login page instead of JSON -> html_instead_of_json', () => {
            w.getOAuthToken()
            w.emu.setFault('accessible-resources', 'html')
            expectFail(w.run(), 'atlassian.accessible_resources', 'html_instead_of_json', /proxy/)
        })

        test('truncated JSON body -> truncated_json', () => {
            w.getOAuthToken()
            w.emu.setFault('myself', 'truncated-json')
            expectFail(w.run(), 'jira.myself', 'truncated_json', /validate again/i)
        })

        test('oversized body (2 MB) -> oversized_body, not parsed', () => {
            w.getOAuthToken()
            w.emu.setFault('serverInfo', { oversized: 2 * 1024 * 1024 })
            expectFail(w.run(), 'jira.server_info', 'oversized_body', /proxy/)
        })

        test('429 with a long Retry-After -> rate_limited, no retry', () => {
            w.getOAuthToken()
            w.emu.setFault('accessible-resources', { rateLimit: 30 })
            const c = expectFail(w.run(), 'atlassian.accessible_resources', 'rate_limited', /Wait 30 seconds/)
            expect(c.found).toContain('Retry-After: 30')
            expect(c.fix).toMatch(/burst limit \(jira-burst-based\).*slow that endpoint down/)
            expect(w.emu.requestsTo('accessible-resources').length).toBe(1)
        })

        test('429 with a short Retry-After -> waits and retries once, then passes', () => {
            w.getOAuthToken()
            w.emu.setFault('accessible-resources', { rateLimit: 1 }, { count: 1 })
            const r = w.run()
            expect(r.verdict).toBe('pass')
            expect(w.emu.requestsTo('accessible-resources').length).toBe(2)
            expect(w.clock.slept).toEqual([1000])
            expect(r.calls).toBe(9) // 3 + the retry + the capability round (2) + 3 for Jira → ServiceNow
        })

        test('503 with a short Retry-After twice -> retried exactly once, then atlassian_unavailable', () => {
            w.getOAuthToken()
            w.emu.setFault('accessible-resources', { status: 503, headers: { 'Retry-After': '0' }, body: 'busy' })
            expectFail(w.run(), 'atlassian.accessible_resources', 'atlassian_unavailable', /status\.atlassian\.com/)
            expect(w.emu.requestsTo('accessible-resources').length).toBe(2)
        })

        test('500 without Retry-After -> atlassian_unavailable, no retry', () => {
            w.getOAuthToken()
            w.emu.setFault('myself', {
                status: 500,
                body: '<html><title>Oops</title></html>',
                headers: { 'Content-Type': 'text/html' },
            })
            expectFail(w.run(), 'jira.myself', 'atlassian_unavailable', /status\.atlassian\.com/)
            expect(w.emu.requestsTo('myself').length).toBe(1)
        })

        test('every endpoint hangs: the run stops at its time budget and reports the calls it did not make', () => {
            Object.assign(w.state.properties, {
                'x_jira_connect.http_timeout_ms': '2000',
                'x_jira_connect.validation_budget_ms': '5000',
            })
            w.getOAuthToken()
            // Three active connections on an alias that allows multiple connections: each would wait a full timeout.
            w.state.aliases[0].multipleConnections = true
            const base = w.state.connections[0]
            w.state.connections.push({
                ...base,
                sysId: 'c0aa0000000000000000000000000003',
                name: 'Jira Cloud OAuth Connection 2',
            })
            w.state.connections.push({
                ...base,
                sysId: 'c0aa0000000000000000000000000004',
                name: 'Jira Cloud OAuth Connection 3',
            })
            w.emu.setFault('accessible-resources', 'hang')
            const r = w.run()
            expect(r.verdict).toBe('fail')
            expect(r.durationMs).toBeLessThan(5000)
            expect(w.emu.requestsTo('accessible-resources').length).toBe(2)
            const lastConnection = r.checks.filter(
                (c) => c.subject === 'Jira Cloud OAuth Connection 3' && c.id === 'atlassian.accessible_resources'
            )
            expect(lastConnection.map((c) => c.code)).toEqual(['time_budget_exhausted'])
        })
    })

    describe('basic auth (email + API token) against the site', () => {
        beforeEach(() => w.useBasic())

        test('wrong API token -> credentials_rejected after exactly one attempt, serverInfo not called', () => {
            w.state.basicSecrets[IDS.basicCredential].password = 'ATATT3xWrongTokenValue000000000000'
            const r = w.run()
            expectFail(r, 'jira.myself', 'credentials_rejected', /did not retry/)
            expect(w.emu.failedBasicAttempts(USER.email)).toBe(1)
            expect(w.emu.requestsTo('site-serverInfo').length).toBe(0)
            expect(check(r, 'jira.server_info').status).toBe('skip')
        })

        test('account password instead of an API token -> password_not_api_token', () => {
            w.state.basicSecrets[IDS.basicCredential].password = 'correct horse battery staple'
            expectFail(w.run(), 'jira.myself', 'password_not_api_token', /Create an API token/)
        })

        test('CAPTCHA challenge after failed logins -> captcha_required, no retry', () => {
            w.emu.setCaptcha(USER.email, true)
            expectFail(w.run(), 'jira.myself', 'captcha_required', /CAPTCHA/)
            expect(w.emu.requestsTo('site-myself').length).toBe(1)
        })

        test('200 with X-Seraph-LoginReason AUTHENTICATED_FAILED is a failure, not a pass (KB2942093)', () => {
            w.emu.setFault('site-myself', {
                status: 200,
                headers: { 'Content-Type': 'application/json', 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED' },
                body: '{"accountId":"anonymous"}',
            })
            const c = expectFail(w.run(), 'jira.myself', 'credentials_rejected', /API token/)
            expect(c.found).toContain('AUTHENTICATED_FAILED')
        })

        test('site host refuses connections -> connection_refused', () => {
            w.state.connections[1].url = 'https://acme.atlassian.net'
            w.net.route('acme.atlassian.net', 'refused')
            expectFail(w.run(), 'jira.myself', 'connection_refused', /firewall/)
        })

        test('no secret of the basic credential appears in what the admin sees', () => {
            w.state.basicSecrets[IDS.basicCredential].password = 'ATATT3xWrongTokenValue000000000000'
            const shown = everythingShown(w.run())
            expect(shown).not.toContain('ATATT3xWrongTokenValue000000000000')
            const header = w.emu.requestsTo('site-myself')[0].headers.authorization
            expect(shown).not.toContain(header)
        })
    })
})
