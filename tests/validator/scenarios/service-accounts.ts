/**
 * Service accounts (OAuth 2.0 client credentials), scoped API tokens through the gateway and the legacy classic token:
 * one scenario per fault, over real loopback HTTP to the Atlassian emulator. Accessible-resources is never used for
 * these credentials; the cloud id is confirmed by the gateway and found through https://<site>.atlassian.net/_edge/tenant_info.
 */
import { check, everythingShown, expectFail, IDS, OTHER_SITE, SA, SITE, startWorld, type World } from '../world'

const HOUR = 3600 * 1000
const saConnection = (w: World) => w.state.connections.find((c) => c.sysId === IDS.saConnection)!
const scopedConnection = (w: World) => w.state.connections.find((c) => c.sysId === IDS.scopedConnection)!
const basicConnection = (w: World) => w.state.connections.find((c) => c.sysId === IDS.basicConnection)!
const saProfile = (w: World) => w.state.profiles.find((p) => p.sysId === IDS.saProfile)!
const saRegistry = (w: World) => w.state.registries.find((r) => r.sysId === IDS.saRegistry)!
const targets = (w: World) => w.emu.requests.map((r) => r.target)

/** After the sign-in: project search, one bulk permission check, the agile probe (no scope list for these methods). */
const CAPABILITY_ROUND = ['project-search', 'permissions-check', 'agile-board']

describe('service account (OAuth 2.0 client credentials)', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
        w.useServiceAccount()
    })
    afterEach(() => w.close())

    test('healthy: 2 calls to sign in, the capability round, the admin webhook list; names the service account', () => {
        w.getServiceAccountToken()
        const report = w.run()
        expect(report.checks.filter((c) => c.status === 'fail' || c.status === 'warn')).toEqual([])
        expect(report.verdict).toBe('pass')
        // A service account is not an app: no dynamic-webhook calls (inbound.dynamic_webhooks not_an_app).
        expect(targets(w)).toEqual(['myself', 'serverInfo', ...CAPABILITY_ROUND, 'admin-webhooks'])
        expect(report.calls).toBe(6)
        expect(check(report, 'inbound.dynamic_webhooks').code).toBe('not_an_app')
        expect(check(report, 'jira.myself').found).toContain(`account id ${SA.accountId}, app account`)
        expect(report.people!.map((p) => p.displayName)).toEqual([SA.displayName])
        expect(check(report, 'config.auth_method').found).toMatch(/service account with OAuth 2\.0 client credentials/)
        expect(check(report, 'token.refresh').found).toMatch(/no refresh token/i)
        expect(report.checks.map((c) => c.id)).not.toContain('atlassian.accessible_resources')
    })

    test('no token stored yet: the run requests one through the platform (client credentials), then passes', () => {
        const report = w.run()
        expect(report.verdict).toBe('pass')
        expect(check(report, 'token.access').code).toBe('requested')
        expect(targets(w)).toEqual(['token', 'myself', 'serverInfo', ...CAPABILITY_ROUND, 'admin-webhooks'])
        expect(w.tokens.tokenRequests).toBe(1)
        expect(w.tokens.refreshes).toBe(0)
        expect(w.tokens.get(IDS.saCredential, IDS.saProfile)?.refreshToken ?? null).toBeNull()
    })

    test('expired client-credentials token (after 60 minutes): simply requested again, no refresh token involved', () => {
        w.getServiceAccountToken()
        const first = w.tokens.get(IDS.saCredential, IDS.saProfile)!.accessToken
        w.advance(HOUR + 60 * 1000)
        const report = w.run()
        expect(report.verdict).toBe('pass')
        expect(check(report, 'token.access')).toMatchObject({ status: 'pass', code: 'requested' })
        expect(check(report, 'token.access').found).toMatch(/expired/)
        expect(w.tokens.get(IDS.saCredential, IDS.saProfile)!.accessToken).not.toBe(first)
        expect(w.emu.requestsTo('token').map((r) => new URLSearchParams(r.body).get('grant_type'))).toEqual([
            'client_credentials',
        ])
    })

    test('wrong client secret: invalid_client, named as a wrong secret or a revoked credential, no Jira call', () => {
        w.state.registrySecrets[IDS.saRegistry] = { clientId: SA.clientId, clientSecret: 'not-the-secret' }
        const report = w.run()
        expectFail(
            report,
            'token.access',
            'service_account_rejected',
            /Client Secret.*Jira Cloud Service Account|admin\.atlassian\.com/
        )
        expect(targets(w)).toEqual(['token'])
        expect(check(report, 'jira.myself').status).toBe('skip')
    })

    test('revoked credential: the stored token is refused (401) and a new token request answers invalid_client', () => {
        w.getServiceAccountToken()
        w.emu.revokeServiceAccountCredential(SA.clientId)
        const stored = w.run()
        expectFail(stored, 'jira.myself', 'token_rejected', /revoked|Get OAuth Token/)
        w.advance(HOUR + 1000)
        const expired = w.run()
        expectFail(expired, 'token.access', 'service_account_rejected', /revoked|new OAuth 2\.0 credential/)
    })

    test('scopes missing on the Atlassian credential: 401 scope does not match, fixed only by a new credential', () => {
        w.emu.createServiceAccountCredential({
            clientId: 'sa-narrow',
            clientSecret: 'sa-narrow-secret',
            accountId: SA.accountId,
            scopes: ['read:jira-work'],
        })
        w.state.registrySecrets[IDS.saRegistry] = { clientId: 'sa-narrow', clientSecret: 'sa-narrow-secret' }
        const report = w.run()
        const c = expectFail(report, 'jira.myself', 'scope_mismatch', /new OAuth 2\.0 credential/)
        expect(c.fix).toMatch(/read:jira-user/)
    })

    test('no Jira access: a valid token gets 403 from Jira; the cloud id is confirmed, so it is access, not the site', () => {
        w.emu.setJiraAccess(SA.accountId, false)
        basicConnection(w).url = `https://${SITE.host}`
        const report = w.run()
        const c = expectFail(report, 'jira.myself', 'no_jira_access', /Jira access|product access|project role/)
        expect(c.found).toMatch(/403/)
        expect(check(report, 'atlassian.site_cloud_id')).toMatchObject({ status: 'pass' })
        expect(check(report, 'atlassian.site_cloud_id').found).toContain(SITE.cloudId)
    })

    test('wrong cloud id (a site the service account has no role on): 403, and the right cloud id is named from tenant_info', () => {
        saConnection(w).url = `https://api.atlassian.com/ex/jira/${OTHER_SITE.cloudId}`
        const report = w.run()
        expectFail(report, 'jira.myself', 'no_jira_access', /Jira access|role/)
        const c = expectFail(
            report,
            'atlassian.site_cloud_id',
            'cloud_id_wrong',
            new RegExp(`https://api\\.atlassian\\.com/ex/jira/${SITE.cloudId}`)
        )
        expect(c.found).toContain(SITE.host)
        expect(targets(w)).toContain('tenant-info')
    })

    test("unknown cloud id: 404, and the right one is named from the site of the alias's other connection", () => {
        saConnection(w).url = 'https://api.atlassian.com/ex/jira/00000000-1111-4222-8333-444444444444'
        const report = w.run()
        expectFail(report, 'jira.myself', 'site_not_found', /cloud id/)
        expectFail(report, 'atlassian.site_cloud_id', 'cloud_id_wrong', new RegExp(SITE.cloudId))
    })

    test("site URL on the service-account connection: the gateway URL with the site's cloud id is named", () => {
        saConnection(w).url = `https://${SITE.host}`
        const report = w.run()
        expectFail(report, 'config.connection.url_form', 'oauth_needs_gateway_url', /api\.atlassian\.com\/ex\/jira/)
        expectFail(
            report,
            'atlassian.site_cloud_id',
            'cloud_id_wrong',
            new RegExp(`https://api\\.atlassian\\.com/ex/jira/${SITE.cloudId}`)
        )
        // The token is still checked (requested), Jira is not called with a URL that cannot work.
        expect(targets(w)).toEqual(['tenant-info', 'token'])
    })

    test('429 on the token endpoint: rate limited, wait and validate again; no Jira call', () => {
        w.emu.setFault('token', { rateLimit: 30 })
        const report = w.run()
        expectFail(report, 'token.access', 'token_rate_limited', /wait|again/i)
        expect(targets(w).filter((t) => t !== 'token')).toEqual([])
    })

    test('token endpoint unavailable (503): token request failed, with the status and what to do', () => {
        w.emu.setFault('token', { status: 503, body: '{"error":"temporarily_unavailable"}' })
        const report = w.run()
        const c = expectFail(report, 'token.access', 'token_request_failed', /status\.atlassian\.com|again/)
        expect(c.found).toMatch(/503/)
    })

    test('registry without a client secret: nothing is requested, the fix names the service-account registry', () => {
        delete w.state.registrySecrets[IDS.saRegistry]
        const report = w.run()
        expectFail(
            report,
            'oauth.registry.client_credentials',
            'client_credentials_missing',
            /Jira Cloud Service Account/
        )
        expect(targets(w)).toEqual([])
    })

    test('a service-account profile missing the granular scopes: profile_scopes_missing names them', () => {
        saProfile(w).scopes = [saProfile(w).scopes[0]]
        const report = w.run()
        const c = expectFail(report, 'oauth.profile.scopes', 'profile_scopes_missing', /Granular|granular|OAuth Entity/)
        expect(c.found).toContain('read:sprint:jira-software')
        expect(c.found).not.toContain('offline_access')
    })

    test("registry with a token URL that is not Atlassian's", () => {
        saRegistry(w).tokenUrl = 'https://auth.example.com/oauth/token'
        expectFail(w.run(), 'oauth.registry.urls', 'registry_url_wrong', /auth\.atlassian\.com\/oauth\/token/)
    })

    test('client-credentials registry with an authorization-code profile: registry_misconfigured', () => {
        saProfile(w).grantType = 'authorization_code'
        expectFail(w.run(), 'oauth.registry.active', 'registry_misconfigured', /Client Credentials/)
    })

    test('validating the service-account credential alone requests its token and makes no accessible-resources call', () => {
        saConnection(w).active = false
        const report = w.run('oauth_2_0_credentials', IDS.saCredential)
        expect(check(report, 'token.access').code).toBe('requested')
        expect(targets(w)).toEqual(['token'])
    })

    test('tenant_info without a cloud id: tenant_info_unreadable, with where else to find the cloud id', () => {
        saConnection(w).url = `https://${SITE.host}`
        w.emu.setFault('tenant-info', { status: 200, body: '{"status":"ok"}' })
        expectFail(w.run(), 'atlassian.site_cloud_id', 'tenant_info_unreadable', /admin\.atlassian\.com\/s\/<cloud-id>/)
    })

    test('no secret, token or client secret is shown or stored', () => {
        w.advance(0)
        const shown = everythingShown(w.run())
        const token = w.tokens.get(IDS.saCredential, IDS.saProfile)!.accessToken!
        for (const secret of [SA.clientSecret, token, SA.scopedToken]) expect(shown).not.toContain(secret)
    })
})

describe('scoped API token through api.atlassian.com', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
        w.useScopedToken()
    })
    afterEach(() => w.close())

    test('healthy: Basic auth on the gateway passes with 5 calls as the service account', () => {
        const report = w.run()
        // The one warning: a scoped API token cannot manage webhooks (inbound.ts; no call is made for it).
        const notPassing = report.checks.filter((c) => c.status === 'fail' || c.status === 'warn')
        expect(notPassing.map((c) => `${c.id}=${c.code}`)).toEqual(['inbound.admin_webhooks=scoped_token'])
        expect(targets(w)).toEqual(['myself', 'serverInfo', ...CAPABILITY_ROUND])
        expect(check(report, 'config.auth_method').found).toMatch(/scoped API token/)
        expect(report.people!.map((p) => p.displayName)).toEqual([SA.displayName])
    })

    test('scoped token on the site URL: 401 after one attempt, and the gateway URL with the cloud id is named', () => {
        scopedConnection(w).url = `https://${SITE.host}`
        const report = w.run()
        const c = expectFail(report, 'jira.myself', 'credentials_rejected', /scoped API token.*api\.atlassian\.com/)
        expect(c.found).toMatch(/401/)
        const hint = check(report, 'atlassian.site_cloud_id')
        expect(hint).toMatchObject({ status: 'warn', code: 'scoped_token_url' })
        expect(hint.fix).toContain(`https://api.atlassian.com/ex/jira/${SITE.cloudId}`)
        expect(w.emu.failedBasicAttempts(SA.email)).toBe(1)
    })

    test('revoked or wrong scoped token on the gateway: credentials_rejected, not retried', () => {
        w.state.basicSecrets[IDS.scopedCredential] = { userName: SA.email, password: 'ATATT3xRevokedScopedToken' }
        const report = w.run()
        expectFail(report, 'jira.myself', 'credentials_rejected', /scoped API token|classic/)
        expect(w.emu.failedBasicAttempts(SA.email)).toBe(1)
    })

    test('scoped token of an account without Jira access: no_jira_access', () => {
        w.emu.setJiraAccess(SA.accountId, false)
        expectFail(w.run(), 'jira.myself', 'no_jira_access', /Jira access/)
    })
})

describe('classic API token (legacy)', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
        w.useBasic()
    })
    afterEach(() => w.close())

    test('works, but warns that Atlassian retires personal API tokens for integrations, with the migration path', () => {
        const report = w.run()
        expect(report.verdict).toBe('warn')
        const c = check(report, 'config.auth_method')
        expect(c).toMatchObject({ status: 'warn', code: 'classic_api_token' })
        expect(c.found).toMatch(/classic API token/)
        expect(c.expected).toMatch(/service account/)
        expect(c.fix).toMatch(/admin\.atlassian\.com.*Service accounts.*validate that connection while it is inactive/)
        expect(check(report, 'jira.myself').status).toBe('pass')
    })

    test('a classic token on the gateway URL: 401, and the fix says classic tokens work only on the site URL', () => {
        basicConnection(w).url = `https://api.atlassian.com/ex/jira/${SITE.cloudId}`
        const report = w.run()
        expectFail(
            report,
            'jira.myself',
            'credentials_rejected',
            /classic API token.*https:\/\/<site>\.atlassian\.net|atlassian\.net/
        )
    })
})
