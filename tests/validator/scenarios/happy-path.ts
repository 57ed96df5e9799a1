/**
 * The healthy chain: every check passes: the sign-in (3LO: accessible-resources, myself, serverInfo), the capability
 * round (project search, one bulk permission check; the agile probe only where no scope list exists) and at most 3
 * calls for Jira → ServiceNow (webhooks: list, failed deliveries, admin list), plus 1 refresh when expired.
 */
import { healthyCalls } from '../../../src/server/core/catalogue'
import { CredentialRunCache } from '../../../src/server/core/health/run-cache'
import { validate } from '../../../src/server/core/validator'
import { InMemoryConfig } from '../../../harness/node-platform/in-memory-platform'
import { formMessages, reportText } from '../../../src/server/core/format'
import { check, everythingShown, IDS, observe, SITE, startWorld, USER, type World } from '../world'

const OUTBOUND = ['accessible-resources', 'myself', 'serverInfo']
const INBOUND = ['webhooks', 'webhooks-failed', 'admin-webhooks']

describe('healthy chain', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
    })
    afterEach(() => w.close())

    test('a healthy OAuth connection passes every check: 3 calls to sign in, 2 for the capability round, 3 inbound', () => {
        w.getOAuthToken()
        const report = w.run()
        expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([])
        expect(report.verdict).toBe('pass')
        expect(report.calls).toBe(8)
        expect(w.emu.requests.map((r) => r.target)).toEqual([
            ...OUTBOUND,
            'project-search',
            'permissions-check',
            ...INBOUND,
        ])
        // The account is kept (id, type); the person is shown at validation time, never in the stored text.
        expect(check(report, 'jira.myself').found).toContain(`account id ${USER.accountId}, atlassian account`)
        expect(report.accounts).toEqual([{ subject: undefined, accountId: USER.accountId, accountType: 'atlassian' }])
        expect(report.people).toEqual([{ subject: undefined, displayName: USER.displayName, email: USER.email }])
        expect(formMessages(report).info.join('\n')).toContain(
            // A person's account: no account type after the email (only app and customer accounts are named).
            `Signed in to Jira as ${USER.displayName} (${USER.email}).`
        )
        expect(reportText(report)).not.toContain(USER.displayName)
        expect(reportText(report)).not.toContain(USER.email)
        expect(JSON.stringify(report.checks)).not.toContain(USER.email)
        expect(check(report, 'jira.projects').code).toBe('no_site_admin')
        expect(check(report, 'jira.agile').found).toMatch(/granted for the site \(accessible-resources\)/)
        expect(check(report, 'atlassian.cloud_id').found).toContain(SITE.cloudId)
        expect(check(report, 'jira.server_info').found).toContain(`https://${SITE.host}`)
    })

    test('health check with keep-alive off: an expired access token is not refreshed and Atlassian is not called', () => {
        const first = w.getOAuthToken()
        w.advance(2 * 3600 * 1000)
        w.emu.clearRequests()
        const http = w.net.httpPort((a) => w.tokens.authorize(a))
        const ports = { config: new InMemoryConfig(w.state), tokens: w.tokens, http, clock: w.clock }
        const report = validate({ table: 'sys_alias', sysId: IDS.alias }, ports, {
            cache: new CredentialRunCache(() => false),
        })
        observe(report)
        expect(report.verdict).toBe('pass')
        expect(check(report, 'token.access').code).toBe('access_idle')
        expect(check(report, 'atlassian.accessible_resources').status).toBe('skip')
        expect(check(report, 'jira.myself').found).toMatch(/may not refresh it \(keep-alive is off\)/)
        expect(report.calls).toBe(0)
        expect(w.emu.requests).toHaveLength(0)
        expect(w.tokens.get(IDS.oauthCredential, IDS.profile)!.refreshToken).toBe(first.refreshToken)
    })

    test('validating the connection or the credential gives the same verdict as validating the alias', () => {
        w.getOAuthToken()
        expect(w.run('http_connection', IDS.oauthConnection).verdict).toBe('pass')
        expect(w.run('oauth_2_0_credentials', IDS.oauthCredential).verdict).toBe('pass')
    })

    test('an expired access token is refreshed once through the token URL and the rotated refresh token is stored', () => {
        const first = w.getOAuthToken()
        w.advance(2 * 3600 * 1000)
        const report = w.run()
        expect(report.verdict).toBe('pass')
        expect(check(report, 'token.access').code).toBe('refreshed')
        expect(report.calls).toBe(9)
        expect(w.emu.requests.map((r) => r.target)).toEqual([
            'token',
            ...OUTBOUND,
            'project-search',
            'permissions-check',
            ...INBOUND,
        ])
        const stored = w.tokens.get(IDS.oauthCredential, IDS.profile)!
        expect(stored.refreshToken).not.toBe(first.refreshToken)
        expect(w.emu.isRefreshTokenValid(stored.refreshToken!)).toBe(true)
        // After the 10-minute reuse leeway the old refresh token is refused, the stored one still works.
        w.advance(11 * 60 * 1000)
        expect(w.emu.isRefreshTokenValid(first.refreshToken!)).toBe(false)
        expect(w.emu.isRefreshTokenValid(stored.refreshToken!)).toBe(true)
    })

    test('a healthy basic-auth connection passes with 5 calls (and the admin webhook list) and names the account', () => {
        w.useBasic()
        const report = w.run()
        // The one warning: a classic API token is legacy (config.auth_method; service-accounts.ts covers its text).
        const notPassing = report.checks.filter((c) => c.status === 'fail' || c.status === 'warn')
        expect(notPassing.map((c) => `${c.id}=${c.code}`)).toEqual(['config.auth_method=classic_api_token'])
        expect(report.calls).toBe(6)
        expect(w.emu.requests.map((r) => r.target)).toEqual([
            'site-myself',
            'site-serverInfo',
            'project-search',
            'permissions-check',
            'agile-board',
            'admin-webhooks',
        ])
        expect(report.people!.map((p) => p.displayName)).toEqual([USER.displayName])
    })

    test('no token, client secret, API token or Authorization header appears in anything shown or stored', () => {
        const tokens = w.getOAuthToken()
        w.advance(2 * 3600 * 1000)
        const oauth = everythingShown(w.run())
        w.useBasic()
        const basic = everythingShown(w.run())
        const stored = w.tokens.get(IDS.oauthCredential, IDS.profile)!
        const secrets = [
            tokens.accessToken,
            tokens.refreshToken!,
            stored.accessToken!,
            stored.refreshToken!,
            w.state.registrySecrets[IDS.registry].clientSecret,
            w.state.basicSecrets[IDS.basicCredential].password,
        ]
        const authHeaders = w.emu.requests.map((r) => r.headers.authorization).filter(Boolean)
        expect(authHeaders.length).toBeGreaterThan(0)
        for (const text of [oauth, basic]) {
            for (const s of [...secrets, ...authHeaders]) expect(text).not.toContain(s)
            expect(text).not.toMatch(/Bearer\s+[A-Za-z0-9]/)
            expect(text).not.toMatch(/Basic\s+[A-Za-z0-9+/]{16,}/)
        }
    })

    test('a healthy run makes exactly the calls its checks declare in the catalogue (OAuth and basic)', () => {
        w.getOAuthToken()
        const oauth = w.run()
        expect(oauth.verdict).toBe('pass')
        expect(oauth.calls).toBe(healthyCalls('oauth2'))
        expect(w.emu.requests.length).toBe(healthyCalls('oauth2'))
        w.useBasic()
        const basic = w.run()
        expect(basic.verdict).toBe('warn') // a classic API token is legacy: config.auth_method warns
        expect(basic.calls).toBe(healthyCalls('basic'))
    })
})
