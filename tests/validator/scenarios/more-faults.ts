/**
 * Faults the first scenario files did not reach: one test per finding code of the catalogue, over real loopback HTTP
 * to the emulator (instance-side faults change the in-memory records; Atlassian-side faults are emulator faults).
 */
import { check, expectFail, IDS, SITE, startWorld, type World } from '../world'

const JSON_TYPE = { 'content-type': 'application/json;charset=UTF-8' }

describe('more faults', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
        w.getOAuthToken()
    })
    afterEach(() => w.close())

    const oauthConnection = () => w.state.connections[0]
    const basicConnection = () => w.state.connections[1]
    const registry = () => w.state.registries[0]
    const profile = () => w.state.profiles[0]
    const expectStatus = (id: string, status: string, code: string) => {
        const r = w.run()
        const c = check(r, id)
        expect({ status: c.status, code: c.code }).toEqual({ status, code })
        return { r, c }
    }
    const putToken = (t: { access: boolean; accessExpired?: boolean; refresh: boolean; refreshLeftMs?: number }) => {
        const now = Date.now()
        w.tokens.put(IDS.oauthCredential, IDS.profile, {
            accessToken: t.access ? 'stored-access-token' : null,
            accessExpiresAtMs: t.access ? (t.accessExpired ? now - 1000 : now + 3600e3) : null,
            refreshToken: t.refresh ? 'stored-refresh-token' : null,
            refreshExpiresAtMs: t.refresh ? now + (t.refreshLeftMs ?? 80 * 86400e3) : null,
        })
    }

    describe('validation target', () => {
        test('a connection sys_id that does not exist -> open the connection from the app menu', () => {
            const r = w.run('http_connection', 'ffff0000000000000000000000000001')
            expectFail(r, 'config.connection.present', 'connection_not_found', /Jira Cloud Connect > Connections/)
        })

        test('validating an inactive connection warns that integrations do not use it', () => {
            const r = w.run('http_connection', IDS.basicConnection)
            const c = check(r, 'config.connection.present')
            expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'connection_inactive' })
            expect(c.fix).toMatch(/Check Active/)
        })

        test('a credential no active connection uses: only the token is checked, the reachable sites are listed', () => {
            oauthConnection().active = false
            const r = w.run('oauth_2_0_credentials', IDS.oauthCredential)
            const c = check(r, 'config.connection.present')
            expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'credential_unused' })
            expect(check(r, 'atlassian.cloud_id').status).toBe('skip')
            expect(check(r, 'atlassian.cloud_id').found).toContain(SITE.cloudId)
            expect(r.calls).toBe(1)
        })

        test('a table the validator does not know -> validate from the alias, a connection or the credential', () => {
            expectFail(w.run('incident', IDS.alias), 'config.target', 'unsupported_target', /Validate Jira connection/)
        })
    })

    describe('connection and credential records', () => {
        test('a credential of another type (e.g. JWT) -> use an OAuth 2.0 or basic auth credential; no calls', () => {
            w.state.credentials.push({
                kind: 'other',
                sysId: 'cced0000000000000000000000000009',
                name: 'JWT',
                table: 'jwt_credentials',
                active: true,
            })
            oauthConnection().credentialSysId = 'cced0000000000000000000000000009'
            expectFail(
                w.run(),
                'config.connection.credential',
                'credential_type_unsupported',
                /OAuth 2\.0 or basic auth/
            )
            expect(w.emu.requests.length).toBe(0)
        })

        test('URL without scheme -> url_malformed, the expected form is named', () => {
            oauthConnection().url = `api.atlassian.com/ex/jira/${SITE.cloudId}`
            expectFail(
                w.run(),
                'config.connection.url',
                'url_malformed',
                /https:\/\/api\.atlassian\.com\/ex\/jira\/<cloud-id>/
            )
        })

        test('URL with two problems at once (http and a query) -> url_malformed naming both', () => {
            oauthConnection().url = `http://api.atlassian.com/ex/jira/${SITE.cloudId}?x=1`
            const c = expectFail(
                w.run(),
                'config.connection.url',
                'url_malformed',
                /exactly https:\/\/api\.atlassian\.com/
            )
            expect(c.found).toMatch(/not https.*query string/)
        })

        test('URL with a query string -> url_query; no calls', () => {
            oauthConnection().url = `https://api.atlassian.com/ex/jira/${SITE.cloudId}?expand=all`
            expectFail(w.run(), 'config.connection.url', 'url_query', /nothing before or after/)
            expect(w.emu.requests.length).toBe(0)
        })

        test('URL with a non-default port -> url_port; no calls', () => {
            oauthConnection().url = `https://api.atlassian.com:8443/ex/jira/${SITE.cloudId}`
            expectFail(w.run(), 'config.connection.url', 'url_port', /nothing before or after/)
            expect(w.emu.requests.length).toBe(0)
        })

        test('basic auth with a URL that is neither a site nor the gateway -> use https://<site>.atlassian.net', () => {
            w.useBasic()
            basicConnection().url = 'https://jira.example.com'
            expectFail(
                w.run(),
                'config.connection.url_form',
                'basic_needs_site_url',
                /https:\/\/<site>\.atlassian\.net/
            )
            expect(w.emu.requests.length).toBe(0)
        })
    })

    describe('OAuth registry and profile', () => {
        test('credential pointing at a deleted profile -> set Jira OAuth Profile; token not checked', () => {
            ;(w.state.credentials[0] as { profileSysId: string | null }).profileSysId =
                'd0f1000000000000000000000000dead'
            const r = w.run()
            expectFail(r, 'oauth.profile', 'profile_not_found', /Jira OAuth Profile/)
            expect(check(r, 'token.access').status).toBe('skip')
            expect(check(r, 'token.access').found).toBe(
                'Skipped: needs "Credential has an OAuth entity profile", which failed.'
            )
        })

        test('profile of no registry -> set Jira OAuth Profile', () => {
            profile().registrySysId = null
            expectFail(w.run(), 'oauth.profile', 'registry_not_found', /Jira OAuth Profile/)
        })

        test('registry with the client-credentials grant -> Authorization Code', () => {
            registry().defaultGrantType = 'client_credentials'
            expectFail(w.run(), 'oauth.registry.active', 'registry_misconfigured', /Authorization Code/)
        })

        test('inactive OAuth API Script -> activate it', () => {
            registry().apiScript!.active = false
            expectFail(w.run(), 'oauth.registry.api_script', 'api_script_inactive', /Activate the script include/)
        })

        test('profile missing read:jira-work -> add the scope and get a new token', () => {
            profile().scopes = profile().scopes.filter((s) => s !== 'read:jira-work')
            const c = expectFail(
                w.run(),
                'oauth.profile.scopes',
                'profile_scopes_missing',
                /OAuth Entity Profile Scopes/
            )
            expect(c.found).toContain('read:jira-work')
        })
    })

    describe('tokens', () => {
        test('no refresh token stored -> offline_access, then Get OAuth Token', () => {
            putToken({ access: true, refresh: false })
            const c = expectFail(w.run(), 'token.refresh', 'no_refresh_token', /offline_access/)
            expect(c.found).toContain('1 hour')
        })

        test('refresh token with 5 days left -> warning to use the connection', () => {
            putToken({ access: true, refresh: true, refreshLeftMs: 5 * 86400e3 + 3600e3 })
            const { c } = expectStatus('token.refresh', 'warn', 'refresh_expiring')
            expect(c.found).toContain('5 days')
        })

        test('access token expired and no refresh token -> Get OAuth Token; no call', () => {
            putToken({ access: true, accessExpired: true, refresh: false })
            expectFail(w.run(), 'token.access', 'access_expired_no_refresh', /Get OAuth Token/)
            expect(w.emu.requests.length).toBe(0)
        })

        test('access token expired, registry without client secret -> cannot refresh; no call', () => {
            putToken({ access: true, accessExpired: true, refresh: true })
            w.state.registrySecrets = {}
            expectFail(w.run(), 'token.access', 'cannot_refresh', /Registry has the Atlassian client ID and secret/)
            expect(w.emu.requests.length).toBe(0)
        })

        test('access token expired and no budget left for the refresh -> time_budget_exhausted; no call', () => {
            putToken({ access: true, accessExpired: true, refresh: true })
            Object.assign(w.state.properties, {
                'x_jira_connect.http_timeout_ms': '60000',
                'x_jira_connect.validation_budget_ms': '5000',
            })
            expectFail(w.run(), 'token.access', 'time_budget_exhausted', /Validate again/)
            expect(w.emu.requests.length).toBe(0)
        })

        test('token URL refuses the connection during the refresh -> refresh_unreachable', () => {
            w.advance(2 * 3600e3)
            w.net.route('auth.atlassian.com', 'refused')
            const c = expectFail(
                w.run(),
                'token.access',
                'refresh_unreachable',
                /can reach https:\/\/auth\.atlassian\.com/
            )
            expect(c.found).toContain('connection refused')
        })

        test('token URL answers 400 invalid_request -> refresh_failed', () => {
            w.advance(2 * 3600e3)
            w.emu.setFault('token', { status: 400, body: '{"error":"invalid_request","error_description":"bad"}' })
            const c = expectFail(w.run(), 'token.access', 'refresh_failed', /Validate again/)
            expect(c.found).toContain('HTTP 400, invalid_request')
        })
    })

    describe('answers Atlassian should not give', () => {
        test('accessible-resources answers an object instead of a list -> unexpected_shape', () => {
            w.emu.setFault('accessible-resources', { status: 200, body: '{"sites":[]}', headers: JSON_TYPE })
            expectFail(w.run(), 'atlassian.accessible_resources', 'unexpected_shape', /api_gateway_url/)
        })

        test('/myself 403 -> the account has no access to this site', () => {
            w.emu.setFault('myself', { status: 403, body: '{"message":"You do not have access"}' })
            expectFail(w.run(), 'jira.myself', 'forbidden', /grant it Jira access/)
        })

        test('/myself 200 without accountId -> unexpected_shape', () => {
            w.emu.setFault('myself', { status: 200, body: '{"displayName":"x"}', headers: JSON_TYPE })
            expectFail(w.run(), 'jira.myself', 'unexpected_shape', /points at Jira Cloud/)
        })

        test('/myself 200 with an empty body -> empty_body', () => {
            w.emu.setFault('myself', { status: 200, body: '' })
            expectFail(w.run(), 'jira.myself', 'empty_body', /Check the connection URL/)
        })

        test('serverInfo 200 with plain text -> not_json', () => {
            w.emu.setFault('serverInfo', { status: 200, body: 'OK', headers: { 'content-type': 'text/plain' } })
            const c = expectFail(w.run(), 'jira.server_info', 'not_json', /points at Jira Cloud/)
            expect(c.found).toContain('"OK"')
        })

        test('serverInfo 418 -> unexpected_status with the status', () => {
            w.emu.setFault('serverInfo', { status: 418, body: '{"message":"teapot"}' })
            const c = expectFail(
                w.run(),
                'jira.server_info',
                'unexpected_status',
                /Check the connection URL and credential/
            )
            expect(c.found).toContain('418: "teapot"')
        })

        test('myself 302 to another host -> redirect_not_followed naming it; nothing sent there (A38)', () => {
            w.emu.setFault('myself', { status: 302, headers: { location: 'https://collector.example/steal' } })
            const c = expectFail(w.run(), 'jira.myself', 'redirect_not_followed', /never sends it to another host/)
            expect(c.found).toContain('answered 302, a redirect to https://collector.example; not followed.')
            expect(
                w.emu.requests.filter((r) => r.host !== 'api.atlassian.com' && r.host !== 'auth.atlassian.com')
            ).toEqual([])
        })

        test('the basic credential cannot be applied to the request -> auth_unavailable; no request sent', () => {
            w.useBasic()
            w.credentialsUnreadable = true
            expectFail(w.run(), 'jira.myself', 'auth_unavailable', /check it is active and complete/)
            expect(w.emu.requests.length).toBe(0)
        })

        test('api_gateway_url property with a scheme the platform cannot call -> http_error', () => {
            w.state.properties['x_jira_connect.api_gateway_url'] = 'ftp://api.atlassian.com'
            const c = expectFail(w.run(), 'atlassian.accessible_resources', 'http_error', /Outbound HTTP Requests/)
            expect(c.found).toContain('ftp')
        })
    })
})
