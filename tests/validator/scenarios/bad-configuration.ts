/**
 * One test per bad configuration on the instance side: each asserts the verdict, the failing check's id and code, and
 * the remediation; prerequisite failures must stop the calls that depend on them, and the validator must change
 * nothing it reads.
 */
import { check, expectFail, IDS, SITE, startWorld, type World } from '../world'

describe('bad configurations on the instance', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
        w.getOAuthToken()
    })
    afterEach(() => w.close())

    const oauthConnection = () => w.state.connections[0]
    const registry = () => w.state.registries[0]

    test('fresh install as shipped: placeholder cloud id, no client id/secret, no token -> fails without calling Atlassian', () => {
        w.tokens.tokens.clear()
        w.state.registrySecrets = {}
        oauthConnection().url = 'https://api.atlassian.com/ex/jira/<cloud-id>'
        const r = w.run()
        expect(r.verdict).toBe('fail')
        expect(r.calls).toBe(0)
        expect(check(r, 'config.connection.cloud_id').code).toBe('cloud_id_placeholder')
        expect(check(r, 'oauth.registry.client_credentials').code).toBe('client_credentials_missing')
        expect(check(r, 'token.access').code).toBe('no_token')
        expect(check(r, 'atlassian.accessible_resources').status).toBe('skip')
    })

    test('alias not found -> open the alias from the app menu', () => {
        expectFail(
            w.run('sys_alias', 'ffff0000000000000000000000000000'),
            'config.alias',
            'alias_not_found',
            /Connection & Credential Alias/
        )
    })

    test('alias without any connection -> create one', () => {
        w.state.connections = []
        expectFail(w.run(), 'config.connection.present', 'no_connection', /Create New Connection & Credential/)
    })

    test('alias whose connections are all inactive -> activate one', () => {
        oauthConnection().active = false
        expectFail(w.run(), 'config.connection.present', 'no_active_connection', /check Active/)
    })

    test('two active connections on an alias without multiple connections -> warning, each validated', () => {
        w.state.connections[1].active = true
        const r = w.run()
        expect(check(r, 'config.connection.present').code).toBe('multiple_active_connections')
        expect(r.checks.filter((c) => c.id === 'jira.myself').map((c) => c.subject)).toEqual([
            'Jira Cloud OAuth Connection',
            'Jira Cloud Basic Connection',
        ])
    })

    test('connection without credential -> set the credential; no calls', () => {
        oauthConnection().credentialSysId = null
        const r = expectFail(w.run(), 'config.connection.credential', 'credential_missing', /set its Credential/)
        expect(r.found).toContain('Jira Cloud OAuth Connection')
        expect(w.emu.requests.length).toBe(0)
    })

    test('connection pointing at a deleted credential -> pick an existing one', () => {
        oauthConnection().credentialSysId = '0123456789abcdef0123456789abcdef'
        expectFail(w.run(), 'config.connection.credential', 'credential_not_found', /existing credential/)
    })

    test('inactive credential -> check Active on the credential', () => {
        w.state.credentials[0].active = false
        expectFail(w.run(), 'config.connection.credential', 'credential_inactive', /check Active/)
    })

    test('empty connection URL -> set it to the gateway form', () => {
        oauthConnection().url = ''
        expectFail(w.run(), 'config.connection.url', 'url_empty', /https:\/\/api\.atlassian\.com\/ex\/jira\/<cloud-id>/)
    })

    test('connection URL with a trailing space -> reported, not silently fixed', () => {
        oauthConnection().url = `https://api.atlassian.com/ex/jira/${SITE.cloudId} `
        const c = expectFail(w.run(), 'config.connection.url', 'url_whitespace', /exactly/)
        expect(c.found).toContain('spaces')
        expect(w.emu.requests.length).toBe(0)
    })

    test('connection URL with a trailing slash -> warning only; calls still work', () => {
        oauthConnection().url = `https://api.atlassian.com/ex/jira/${SITE.cloudId}/`
        const r = w.run()
        expect(r.verdict).toBe('warn')
        expect(check(r, 'config.connection.url').code).toBe('url_trailing_slash')
        expect(w.emu.requestsTo('myself')[0].path).toBe(`/ex/jira/${SITE.cloudId}/rest/api/2/myself`)
    })

    test('connection URL with an API path appended -> url_extra_path', () => {
        oauthConnection().url = `https://api.atlassian.com/ex/jira/${SITE.cloudId}/rest/api/2`
        expectFail(w.run(), 'config.connection.url', 'url_extra_path', /nothing before or after/)
    })

    test('connection URL over http -> url_not_https', () => {
        oauthConnection().url = `http://api.atlassian.com/ex/jira/${SITE.cloudId}`
        expectFail(w.run(), 'config.connection.url', 'url_not_https', /exactly/)
    })

    test('OAuth credential with a site URL -> OAuth needs the API gateway URL', () => {
        oauthConnection().url = `https://${SITE.host}`
        expectFail(w.run(), 'config.connection.url_form', 'oauth_needs_gateway_url', /tenant_info/)
    })

    test('placeholder cloud id with a working token -> fails and names the cloud id to use (1 call)', () => {
        oauthConnection().url = 'https://api.atlassian.com/ex/jira/<cloud-id>'
        const r = w.run()
        expectFail(r, 'config.connection.cloud_id', 'cloud_id_placeholder', /Replace <cloud-id>/)
        const listing = expectFail(r, 'atlassian.cloud_id', 'cloud_id_unset', new RegExp(SITE.cloudId))
        expect(listing.fix).toContain(`https://api.atlassian.com/ex/jira/${SITE.cloudId}`)
        expect(r.calls).toBe(1)
    })

    test('cloud id that is not a UUID -> copy it again', () => {
        oauthConnection().url = 'https://api.atlassian.com/ex/jira/acme'
        expectFail(w.run(), 'config.connection.cloud_id', 'cloud_id_malformed', /tenant_info/)
    })

    test('api_version 4 -> enter 2; Jira calls skipped', () => {
        oauthConnection().attributes.api_version = '4'
        const r = expectFail(w.run(), 'config.attribute.api_version', 'api_version_invalid', /enter 2 for api_version/)
        expect(r.found).toContain('"4"')
        expect(w.emu.requestsTo('myself').length).toBe(0)
    })

    test('attribute definitions missing on the alias and no value -> attribute_missing', () => {
        w.state.aliases[0].attributeDefaults = {}
        expectFail(w.run(), 'config.attribute.api_version', 'attribute_missing', /Attributes tab/)
        expect(check(w.run(), 'config.attribute.server_type').code).toBe('attribute_missing')
    })

    test('server_type "server" -> enter cloud', () => {
        oauthConnection().attributes.server_type = 'server'
        expectFail(w.run(), 'config.attribute.server_type', 'server_type_invalid', /enter cloud/)
    })

    test('client secret missing on the registry -> paste it; the valid token is still checked', () => {
        w.state.registrySecrets[IDS.registry].clientSecret = ''
        const r = expectFail(
            w.run(),
            'oauth.registry.client_credentials',
            'client_credentials_missing',
            /developer\.atlassian\.com/
        )
        expect(r.found).toBe('Registry "Jira Cloud OAuth" has no Client Secret.')
    })

    test('a client secret saved in Client ID on the registry form -> move it and rotate it; the value is never shown', () => {
        const pasted = `ATOA${'9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a'}`
        w.state.registrySecrets[IDS.registry].clientId = pasted
        const r = expectFail(
            w.run(),
            'oauth.registry.client_credentials',
            'client_id_is_secret',
            /paste the client id into Client ID.*rotate that secret/
        )
        expect(r.found).toMatch(/shaped like a client secret.*\(value not shown\).*clear text/)
        const everything = JSON.stringify(w.run())
        expect(everything).not.toContain(pasted.slice(0, 12))
        expect(everything).not.toContain(pasted.slice(20, 40))
    })

    test('authorization URL carrying ?audience= (KB0786459) -> set it back to the bare URL', () => {
        registry().authUrl = 'https://auth.atlassian.com/authorize?audience=api.atlassian.com&prompt=consent'
        expectFail(
            w.run(),
            'oauth.registry.urls',
            'auth_url_has_query',
            /exactly https:\/\/auth\.atlassian\.com\/authorize/
        )
    })

    test('wrong token URL -> Atlassian token URL', () => {
        registry().tokenUrl = 'https://auth.atlassian.com/oauth/authorize'
        expectFail(
            w.run(),
            'oauth.registry.urls',
            'registry_url_wrong',
            /Token URL and Refresh Token URL https:\/\/auth\.atlassian\.com\/oauth\/token/
        )
    })

    test('empty refresh token URL -> warning with the hidden-field hint', () => {
        registry().refreshTokenUrl = ''
        const r = w.run()
        expect(r.verdict).toBe('warn')
        expect(check(r, 'oauth.registry.urls').fix).toMatch(/Form Layout/)
    })

    test('registry without OAuth API Script while Atlassian accepts the token -> api_script_missing warns (A11)', () => {
        registry().apiScript = null
        const r = w.run()
        expect(r.verdict).toBe('warn')
        const c = check(r, 'oauth.registry.api_script')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'api_script_missing' })
        expect(c.fix).toContain('OAuthJiraCloudGlobal')
        expect(check(r, 'atlassian.accessible_resources').status).toBe('pass')
    })

    test('OAuth API Script that does not add prompt=consent -> api_script_incomplete', () => {
        registry().apiScript!.script = registry().apiScript!.script.replace(
            "requestParamMap.put('prompt', 'consent');",
            ''
        )
        const c = expectFail(w.run(), 'oauth.registry.api_script', 'api_script_incomplete', /OAuthJiraCloudUtil/)
        expect(c.found).toContain('prompt=consent')
        expect(c.found).not.toContain('audience=')
    })

    test('profile without offline_access -> no refresh token after an hour', () => {
        w.state.profiles[0].scopes = w.state.profiles[0].scopes.filter((s) => s !== 'offline_access')
        const c = expectFail(w.run(), 'oauth.profile.scopes', 'offline_access_missing', /OAuth Entity Profile Scopes/)
        expect(c.found).toContain('one hour')
    })

    test('credential without an OAuth entity profile -> set Jira OAuth Profile; token not checked', () => {
        ;(w.state.credentials[0] as { profileSysId: string | null }).profileSysId = null
        const r = w.run()
        expectFail(r, 'oauth.profile', 'profile_missing', /Jira OAuth Profile/)
        expect(check(r, 'token.access').status).toBe('skip')
        expect(w.emu.requests.length).toBe(0)
    })

    test('no token yet (admin has not clicked Get OAuth Token) -> click Get OAuth Token on the credential', () => {
        w.tokens.tokens.clear()
        const c = expectFail(w.run(), 'token.access', 'no_token', /click Get OAuth Token/)
        expect(c.fix).toContain('"Jira Cloud OAuth Credential"')
    })

    test('registry redirect URL different from this instance -> warning naming both URLs', () => {
        registry().redirectUrl = 'https://old-instance.service-now.com/oauth_redirect.do'
        const r = w.run()
        const c = check(r, 'oauth.callback_url')
        expect([c.status, c.code]).toEqual(['warn', 'redirect_url_differs'])
        expect(c.found).toContain('https://dev12345.service-now.com/oauth_redirect.do')
    })

    test('basic credential without API token -> fill it in; no login attempted', () => {
        w.useBasic()
        w.state.basicSecrets[IDS.basicCredential].password = ''
        expectFail(w.run(), 'config.credential.basic', 'basic_credential_incomplete', /API token/)
        expect(w.emu.failedBasicAttempts('jira.admin@acme.example')).toBe(0)
        expect(w.emu.requests.length).toBe(0)
    })

    test('record of an unsupported table -> run it from the alias, connection or credential', () => {
        expectFail(w.run('incident', IDS.alias), 'config.target', 'unsupported_target', /Jira alias/)
    })

    // "Validation changes nothing" is not tested here: ConfigPort has no write method and InMemoryConfig hands out
    // copies, so no core scenario could fail it. The shipped reader's writes are what can change a record: every
    // end-to-end Validate and health run compares every configuration table before and after (World.unchanged in
    // harness/glide-simulator/world.ts; the trimmed-URL case is in tests/e2e/adapter-failures.test.ts).
})
