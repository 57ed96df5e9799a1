/**
 * Answers and inputs the validator used to mishandle (independent review of the shipped validator): a byte-order
 * mark, Retry-After as an HTTP-date, RateLimit-Reason, legitimate long names that looked like secrets, URL forms
 * decided by RFC 3986, a refresh without an access token, a site without scopes, a padded user name, and the
 * configured API gateway in findings. Real loopback HTTP to the emulator, as every scenario.
 */
import { formMessages } from '../../../src/server/core/format'
import { REQUIRED_JIRA_SCOPES } from '../../../src/server/core/jira-scopes'
import { APP, check, everythingShown, expectFail, IDS, SITE, startWorld, USER, type World } from '../world'

const JSON_TYPE = { 'content-type': 'application/json;charset=UTF-8' }
const SITE_SCOPES = REQUIRED_JIRA_SCOPES.filter((s) => s !== 'offline_access')
const LONG_SITE = {
    cloudId: '5e1f0c3a-8d2b-4c7e-9a61-0f2d3b4c5d6e',
    name: 'Acme Corporation Engineering 2024 Production',
    host: 'acme-corporation-engineering-2024-production.atlassian.net',
}
const LONG_USER = {
    accountId: '712020:6c0f9b1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b',
    email: 'jira-integration-service-account-2024@acme.example',
    displayName: 'Jira Integration Service Account 2024',
    apiTokens: ['ATATT3xFfGF0LongUserTokenValue9b1e4d7a2c0000'],
}

describe('answers and inputs from the peer', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
    })
    afterEach(() => w.close())

    test('a 2xx JSON answer starting with a UTF-8 byte-order mark is read (it used to make validate() throw)', () => {
        w.getOAuthToken()
        const sites = [{ id: SITE.cloudId, name: SITE.name, url: `https://${SITE.host}`, scopes: SITE_SCOPES }]
        w.emu.setFault('accessible-resources', {
            status: 200,
            headers: JSON_TYPE,
            body: `\uFEFF${JSON.stringify(sites)}`,
        })
        const r = w.run()
        expect(check(r, 'atlassian.accessible_resources').status).toBe('pass')
        expect(r.verdict).toBe('pass')
    })

    test('429 with Retry-After as an HTTP-date: the wait is given in seconds, never "Wait <date> seconds"', () => {
        w.getOAuthToken()
        const at = new Date(Date.now() + 30_000).toUTCString()
        w.emu.setFault('accessible-resources', { status: 429, headers: { 'Retry-After': at }, body: '' })
        const c = expectFail(w.run(), 'atlassian.accessible_resources', 'rate_limited', /Wait (29|30|31) seconds/)
        expect(c.fix).not.toContain('GMT')
        expect(c.found).toContain(`Retry-After: ${at}`)
    })

    test('503 with Retry-After as an HTTP-date 1 s ahead: waits, retries once, passes', () => {
        w.getOAuthToken()
        w.emu.setFault(
            'accessible-resources',
            {
                status: 503,
                headers: { 'Retry-After': new Date(Date.now() + 1000).toUTCString() },
                body: '',
            },
            { count: 1 }
        )
        const r = w.run()
        expect(r.verdict).toBe('pass')
        expect(w.emu.requestsTo('accessible-resources').length).toBe(2)
    })

    test('429 with RateLimit-Reason: the finding names the limit Atlassian says was hit', () => {
        w.getOAuthToken()
        w.emu.setFault('myself', {
            status: 429,
            headers: { 'Retry-After': '60', 'RateLimit-Reason': 'jira-quota-tenant-based' },
            body: '',
        })
        // Worded by the reason: a spent tenant quota means waiting for the reset, not retrying (rate-limit.ts).
        const c = expectFail(w.run(), 'jira.myself', 'rate_limited', /until the window resets \(60 seconds\)/)
        expect(c.fix).toMatch(/Do not retry before then/)
        expect(c.found).toContain('RateLimit-Reason: jira-quota-tenant-based')
        expect(c.fix).toContain('jira-quota-tenant-based')
    })

    test('a long site name survives in the reachable sites and in the serverInfo comparison (no false warning)', () => {
        w.emu.addSite(LONG_SITE)
        w.emu.addUser({ ...LONG_USER, sites: [LONG_SITE.cloudId] })
        const t = w.emu.grantTokens({
            clientId: APP.clientId,
            accountId: LONG_USER.accountId,
            scopes: [...REQUIRED_JIRA_SCOPES],
            cloudIds: [LONG_SITE.cloudId],
        })
        w.tokens.put(IDS.oauthCredential, IDS.profile, {
            accessToken: t.accessToken,
            accessExpiresAtMs: Date.now() + 3600e3,
            refreshToken: t.refreshToken,
            refreshExpiresAtMs: Date.now() + 80 * 86400e3,
        })
        w.state.connections[0].url = `https://api.atlassian.com/ex/jira/${LONG_SITE.cloudId}`
        const r = w.run()
        expect(r.checks.filter((c) => c.status !== 'pass')).toEqual([])
        expect(check(r, 'atlassian.accessible_resources').found).toContain(`https://${LONG_SITE.host}`)
        expect(check(r, 'jira.server_info').found).toContain(`https://${LONG_SITE.host}`)
        expect(formMessages(r).info.join('\n')).toContain(`(${LONG_USER.email})`)
        expect(everythingShown(r)).not.toContain('[redacted]')
        expect(everythingShown(r)).not.toContain(t.accessToken)
    })

    test('a long email as basic-auth user name survives in the identity shown; the API token never appears', () => {
        w.emu.addUser({ ...LONG_USER, sites: [SITE.cloudId] })
        w.useBasic()
        w.state.basicSecrets[IDS.basicCredential] = { userName: LONG_USER.email, password: LONG_USER.apiTokens[0] }
        const r = w.run()
        expect(r.verdict).toBe('warn') // the only warning: a classic API token is legacy (config.auth_method)
        expect(r.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip').map((c) => c.code)).toEqual([
            'classic_api_token',
        ])
        expect(check(r, 'config.credential.basic').found).toContain(LONG_USER.email)
        expect(formMessages(r).info.join('\n')).toContain(`(${LONG_USER.email})`)
        expect(everythingShown(r)).not.toContain(LONG_USER.apiTokens[0])
    })

    test('an error body echoing a token is still redacted (free text is redacted by shape too)', () => {
        w.getOAuthToken()
        const echoed = 'opaqueRefreshToken0123456789abcdefghijklmnopqrstuv'
        w.emu.setFault('serverInfo', { status: 400, body: JSON.stringify({ message: `bad token ${echoed}` }) })
        const r = w.run()
        expect(check(r, 'jira.server_info').code).toBe('unexpected_status')
        expect(everythingShown(r)).not.toContain(echoed)
    })

    test('connection URL with the default port :443 is the same URL (RFC 3986 §6.2.3): every check runs and passes', () => {
        w.getOAuthToken()
        w.state.connections[0].url = `https://api.atlassian.com:443/ex/jira/${SITE.cloudId}`
        const r = w.run()
        expect(r.checks.filter((c) => c.status !== 'pass')).toEqual([])
        expect(w.emu.requests.map((q) => q.target)).toEqual([
            ...['accessible-resources', 'myself', 'serverInfo'],
            ...['project-search', 'permissions-check'],
            ...['webhooks', 'webhooks-failed', 'admin-webhooks'],
        ])
    })

    test('connection URL with a #fragment -> url_fragment citing RFC 3986; no calls', () => {
        w.getOAuthToken()
        w.state.connections[0].url = `https://api.atlassian.com/ex/jira/${SITE.cloudId}#top`
        const c = expectFail(w.run(), 'config.connection.url', 'url_fragment', /nothing before or after/)
        expect(c.found).toContain('RFC 3986 §3.5')
        expect(w.emu.requests.length).toBe(0)
    })

    test('a refresh the platform reports as successful but without an access token -> precise failure, no call', () => {
        w.getOAuthToken()
        w.advance(2 * 3600e3)
        // The platform side only: GlideOAuthClient answered without error, but getToken() holds no access token.
        w.tokens.refresh = () => ({
            ok: true,
            state: { hasAccessToken: false, accessExpiresInSec: null, hasRefreshToken: true, refreshExpiresInSec: 1 },
        })
        const r = expectFail(w.run(), 'token.access', 'refreshed_without_access_token', /Get OAuth Token/)
        expect(r.found).toContain('stored no access token')
        expect(w.emu.requests.length).toBe(0)
    })

    test('a site listed without scopes -> scopes unknown (warning), not "0 scopes granted, re-consent"', () => {
        w.getOAuthToken()
        const sites = [{ id: SITE.cloudId, name: SITE.name, url: `https://${SITE.host}` }]
        w.emu.setFault('accessible-resources', { status: 200, headers: JSON_TYPE, body: JSON.stringify(sites) })
        const r = w.run()
        const c = check(r, 'atlassian.scopes')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'scopes_not_listed' })
        expect(c.found).not.toMatch(/granted 0 scopes/)
        expect(check(r, 'jira.myself').status).toBe('pass')
    })

    test('a user name with spaces around it -> caught in configuration, no login attempt spent', () => {
        w.useBasic()
        w.state.basicSecrets[IDS.basicCredential].userName = ` ${USER.email} `
        expectFail(w.run(), 'config.credential.basic', 'basic_user_name_whitespace', /remove the spaces/)
        expect(w.emu.requests.length).toBe(0)
        expect(w.emu.failedBasicAttempts(` ${USER.email} `)).toBe(0)
    })

    test('the scoped-API-token hint names the configured x_jira_connect.api_gateway_url, not a hard-coded one', () => {
        w.useBasic()
        w.state.properties['x_jira_connect.api_gateway_url'] = 'https://api.stg.atlassian.com'
        w.state.basicSecrets[IDS.basicCredential].password = 'ATATT3xWrongTokenValue000000000000'
        const c = expectFail(w.run(), 'jira.myself', 'credentials_rejected', /did not retry/)
        expect(c.fix).toContain('https://api.stg.atlassian.com/ex/jira/<cloud-id>')
    })
})
