/**
 * Platform behaviour the public evidence leaves open (issue 8): one scenario per finding code the validator gives for
 * it, over the in-memory ports. The end-to-end counterparts through the shipped adapters in the Glide simulator are
 * tests/e2e/platform-worlds.test.ts (A11, A1, the Redirect URL) and tests/e2e/adapter-failures.test.ts (KB0859525 and
 * both A5 worlds, asserting the same check and code).
 */
import { check, expectFail, INSTANCE_URL, startWorld, type World } from '../world'

describe('platform worlds', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
        w.getOAuthToken()
    })
    afterEach(() => w.close())

    const registry = () => w.state.registries[0]
    const expectStatus = (id: string, status: string, code: string) => {
        const r = w.run()
        const c = check(r, id)
        expect({ status: c.status, code: c.code }).toEqual({ status, code })
        return { r, c }
    }
    /** A token Get OAuth Token obtained moments ago without audience=api.atlassian.com. */
    const tokenWithoutAudience = () => w.getOAuthToken(undefined, undefined, { audience: null })

    test('A11: the app-scoped OAuth API Script was not run (token minutes old, no audience) -> the global script to create', () => {
        tokenWithoutAudience()
        const c = expectFail(w.run(), 'atlassian.accessible_resources', 'token_rejected', /OAuthJiraCloudGlobal/)
        expect(c.found).toContain('application scope x_jira_connect')
        expect(c.fix).toContain("requestParamMap.put('audience', 'api.atlassian.com');")
        expect(c.fix).toContain('OAuth API Script on registry "Jira Cloud OAuth"')
    })

    test('A11: no OAuth API Script and a fresh token without audience -> token_rejected naming the missing script', () => {
        registry().apiScript = null
        tokenWithoutAudience()
        const r = w.run()
        const c = expectFail(r, 'atlassian.accessible_resources', 'token_rejected', /OAuthJiraCloudGlobal/)
        expect(c.found).toContain('has no OAuth API Script')
        expect(check(r, 'oauth.registry.api_script')).toMatchObject({ status: 'warn', code: 'api_script_missing' })
    })

    test('A1: a second default profile on the registry -> multiple_default_profiles names the one to delete', () => {
        w.state.profiles.push({
            ...w.state.profiles[0],
            sysId: 'f'.repeat(32),
            name: 'Jira Cloud OAuth default_profile',
        })
        const { r, c } = expectStatus('oauth.profile.default', 'warn', 'multiple_default_profiles')
        expect(c.fix).toContain('delete "Jira Cloud OAuth default_profile"')
        expect(r.verdict).toBe('warn')
    })

    test('blank Redirect URL after an XML install -> redirect_url_missing with the exact callback URL', () => {
        registry().redirectUrl = ''
        const { c } = expectStatus('oauth.callback_url', 'warn', 'redirect_url_missing')
        expect(c.fix).toContain(`${INSTANCE_URL}/oauth_redirect.do`)
        expect(c.found).toContain('redirect_uri')
    })

    test('KB0859525: a user without admin cannot read tokens -> token_access_denied, no calls', () => {
        w.tokens.deniedUser = 'jira.owner'
        const r = w.run()
        const c = expectFail(r, 'token.access', 'token_access_denied', /admin role/)
        expect(c.found).toContain('jira.owner')
        expect(c.found).toContain('KB0859525')
        expect(r.calls).toBe(0)
    })

    test('A5: the platform keeps the old refresh token after a rotation -> rotated_refresh_token_not_stored', () => {
        w.tokens.refreshStorage = 'drop-rotation'
        w.advance(2 * 3600e3)
        const c = expectFail(w.run(), 'token.access', 'rotated_refresh_token_not_stored', /KB2132135/)
        expect(c.found).toContain('10 minutes')
    })

    test('A5: the platform stores nothing after a refresh -> access_token_not_stored', () => {
        w.tokens.refreshStorage = 'drop-all'
        w.advance(2 * 3600e3)
        expectFail(w.run(), 'token.access', 'access_token_not_stored', /Get OAuth Token/)
    })
})
