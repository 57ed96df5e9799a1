/**
 * The simulated platform surface itself, exercised through scripts on the simulated instance (the way the app's
 * adapters call it): GlideRecord, gs, RESTMessageV2 over real loopback HTTP (status, headers, errors, timeouts),
 * GlideOAuthClient refresh with rotation and storage, StandardCredentialsProvider.
 */
import { World, e2eSource } from '../../harness/glide-simulator/world'

let world: World
const run = (script: string) => world.sim.runBackgroundScript(script)

afterEach(async () => {
    await world?.close()
})

describe('GlideRecord and gs', () => {
    beforeEach(async () => {
        world = await World.start({ source: e2eSource() })
    })

    test('queries with operators, ordering, limits; insert fills the system fields; update persists', () => {
        const names =
            run(`var g = new GlideRecord('oauth_entity_scope'); g.addQuery('name', 'STARTSWITH', 'read:'); g.orderBy('name'); g.setLimit(3); g.query();
            var out = []; while (g.next()) out.push(g.getValue('name')); return out.join(' ') + '|' + g.getRowCount();`) as string
        expect(names).toBe('read:board-scope:jira-software read:issue-details:jira read:jira-user|3')
        const inCount = run(
            `var g = new GlideRecord('oauth_entity_scope'); g.addQuery('name', 'IN', 'offline_access,read:jira-work,nope'); g.query(); return g.getRowCount();`
        )
        expect(inCount).toBe(2)
        const notEq = run(
            `var g = new GlideRecord('oauth_entity_scope'); g.addQuery('name', '!=', 'offline_access'); g.query(); return g.getRowCount();`
        )
        expect(notEq).toBe(15) // 13 of the 3LO registry + the service-account registry's two
        const inserted =
            run(`var g = new GlideRecord('x_jira_connect_validation_run'); g.setValue('verdict', 'pass'); g.setValue('run_by', gs.getUserID()); var id = g.insert();
            var r = new GlideRecord('x_jira_connect_validation_run'); r.get(id); r.setValue('summary', 'edited'); r.update();
            var c = new GlideRecord('x_jira_connect_validation_run'); c.get('verdict', 'pass'); return [id.length, c.getValue('summary'), c.getValue('sys_created_by'), !!c.getValue('sys_created_on'), c.isValidRecord()].join(',');`)
        expect(inserted).toBe('32,edited,admin,true,true')
        expect(() =>
            run(
                `var g = new GlideRecord('x_jira_connect_validation_run'); g.setValue('run_by', '0123456789abcdef0123456789abcdef'); g.insert();`
            )
        ).toThrow(/references sys_user/)
        // A table the instance does not have (a typo, a plugin not installed): the platform throws nothing, isValid()
        // is false and queries find nothing (ServiceNow docs "Scoped GlideRecord - isValid()": "Table is invalid").
        expect(
            run(`var g = new GlideRecord('x_jira_connect_validation_runs'); g.addQuery('verdict', 'pass'); g.query();
            var n = new GlideRecord('x_jira_connect_validation_runs'); n.setValue('verdict', 'pass');
            return [g.isValid(), g.next(), g.getRowCount(), g.get('verdict', 'pass'), n.insert()].join(',');`)
        ).toBe('false,false,0,false,')
        expect(run(`return new GlideRecord('x_jira_connect_validation_run').isValid()`)).toBe(true)
        expect(world.sim.invalidTables).toEqual(['x_jira_connect_validation_runs', 'x_jira_connect_validation_runs'])
    })

    test('a query field dot-walks through references to the referenced record (ServiceNow docs "Dot-walking examples"); a walk to no column or through a non-reference throws', () => {
        const admin = world.sim.admin
        const role = admin.insertRecord('sys_user_role', { name: 'x_test.walker' })
        const boss = admin.insertRecord('sys_user', { user_name: 'boss', name: 'Boss', active: false })
        const on = admin.insertRecord('sys_user', { user_name: 'on', name: 'On', active: true, manager: boss.sys_id })
        const off = admin.insertRecord('sys_user', { user_name: 'off', name: 'Off', active: false })
        for (const u of [on, off, boss]) admin.insertRecord('sys_user_has_role', { user: u.sys_id, role: role.sys_id })
        const names = (where: string) =>
            run(`var g = new GlideRecord('sys_user_has_role'); ${where} g.orderBy('sys_created_on'); g.query();
            var out = []; while (g.next()) out.push(g.user.user_name.toString()); return out.join(',');`)
        expect(names(`g.addQuery('role.name', 'x_test.walker'); g.addQuery('user.active', true);`)).toBe('on')
        expect(names(`g.addQuery('role.name', 'x_test.walker'); g.addQuery('user.active', 'false');`)).toBe('off,boss')
        expect(names(`g.addEncodedQuery('role.name=x_test.walker^user.active=true');`)).toBe('on')
        // Two steps: the user's manager's active flag; a user without a manager meets only what an empty value meets.
        expect(names(`g.addQuery('role', '${role.sys_id}'); g.addQuery('user.manager.active', false);`)).toBe('on')
        expect(names(`g.addQuery('role', '${role.sys_id}'); g.addNullQuery('user.manager.user_name');`)).toBe(
            'off,boss'
        )
        expect(() => names(`g.addQuery('user.actve', true);`)).toThrow(/column 'actve' is not on table 'sys_user'/)
        expect(() => names(`g.addQuery('inherited.active', true);`)).toThrow(/'inherited' is not a reference field/)
        expect(() => names(`g.addQuery('usr.active', true);`)).toThrow(/column 'usr' is not on table/)
    })

    test('gs: properties, roles, user and messages', () => {
        expect(
            run(
                `return gs.getProperty('x_jira_connect.http_timeout_ms', '1') + ',' + gs.getProperty('x_jira_connect.nope', 'fallback') + ',' + gs.getProperty('x_jira_connect.nope')`
            )
        ).toBe('10000,fallback,undefined')
        expect(
            run(`return [gs.hasRole('x_jira_connect.admin'), gs.getUserName(), gs.getUserDisplayName()].join(',')`)
        ).toBe('true,admin,System Administrator')
        world.sim.session.user = { ...world.sim.session.user, roles: ['itil'] }
        expect(run(`return gs.hasRole('x_jira_connect.admin')`)).toBe(false)
        expect(() => world.validate('oauth_2_0_credentials', world.ids.credential)).toThrow(/needs one of the roles/)
        run(`gs.info('hello {0}', 'there'); gs.addInfoMessage('shown')`)
        expect(world.sim.logs.at(-1)).toMatchObject({ level: 'info', message: 'hello there' })
        expect(world.sim.session.takeMessages().info).toEqual(['shown'])
    })
})

describe('RESTMessageV2 over loopback HTTP', () => {
    const probe = (
        url: string,
        timeout = 2000
    ) => `var r = new sn_ws.RESTMessageV2(); r.setEndpoint('${url}'); r.setHttpMethod('get'); r.setHttpTimeout(${timeout});
        r.setRequestHeader('Accept', 'application/json'); var s = r.execute();
        return JSON.stringify({ status: s.getStatusCode(), err: s.haveError(), msg: s.getErrorMessage(), code: s.getErrorCode(), ct: s.getHeader('Content-Type'), body: s.getBody().slice(0, 40) });`

    test('status, headers and body from the emulator; 401 is an error response; unknown hosts and timeouts give status 0', async () => {
        world = await World.start({ source: e2eSource() })
        const ok = JSON.parse(run(probe(`https://${world.siteHost}/rest/api/3/serverInfo`)) as string)
        expect(ok).toMatchObject({ status: 200, err: false, msg: null, code: 0 })
        expect(ok.ct).toMatch(/application\/json/)
        const unauth = JSON.parse(run(probe('https://api.atlassian.com/oauth/token/accessible-resources')) as string)
        expect(unauth).toMatchObject({
            status: 401,
            err: true,
            code: 401,
            msg: 'Method failed: (/oauth/token/accessible-resources) with code: 401',
        })
        const unknown = JSON.parse(run(probe('https://jira.example.invalid/rest/api/3/myself')) as string)
        expect(unknown).toMatchObject({
            status: 0,
            err: true,
            msg: 'java.net.UnknownHostException: jira.example.invalid',
            body: '',
        })
        world.emu.setFault('site-serverInfo', 'hang', { count: 1 })
        const t0 = Date.now()
        const hung = JSON.parse(run(probe(`https://${world.siteHost}/rest/api/3/serverInfo`, 300)) as string)
        expect(Date.now() - t0).toBeLessThan(5000)
        expect(hung).toMatchObject({ status: 0, err: true, code: 1 })
        expect(hung.msg).toMatch(/SocketTimeoutException/)
        const log = world.sim.outbound.at(-1)!
        expect(log).toMatchObject({ via: 'RESTMessageV2', failure: 'timeout', timeoutMs: 300 })
    })

    test("restTimeout 'throw': execute() throws the Java timeout message", async () => {
        world = await World.start({ source: e2eSource(), platform: { restTimeout: 'throw' } })
        world.emu.setFault('site-serverInfo', 'hang', { count: 1 })
        expect(() => run(probe(`https://${world.siteHost}/rest/api/3/serverInfo`, 300))).toThrow(
            /SocketTimeoutException/
        )
    })
})

describe('GlideOAuthClient', () => {
    beforeEach(async () => {
        world = await World.start({ source: e2eSource() })
        world.configureOAuth()
        await world.getOAuthToken('accept')
    })

    // KB0823628's form: requestTokenByRequest(null, request) with the refresh grant and the three requestor parameters.
    const refresh = (
        w: World,
        clientName = 'null'
    ) => `var c = new sn_auth.GlideOAuthClient(); var t = c.getToken('${w.ids.credential}', '${w.ids.profile}');
        var q = new sn_auth.GlideOAuthClientRequest(); q.setGrantType('refresh_token'); q.setRefreshToken(t.getRefreshToken());
        q.setParameter('oauth_requestor_context', 'oauth_2_0_credentials'); q.setParameter('oauth_requestor', '${w.ids.credential}'); q.setParameter('oauth_provider_profile', '${w.ids.profile}');
        var r = c.requestTokenByRequest(${clientName}, q);
        return JSON.stringify({ code: r.getResponseCode(), err: r.getErrorMessage(), has: !!(r.getToken() && r.getToken().getAccessToken()) });`

    test('a refresh posts the rotation request to the refresh URL and stores the new access and refresh tokens', () => {
        const before = world.sim.storedTokens(world.ids.credential, world.ids.profile)!
        expect(JSON.parse(run(refresh(world)) as string)).toEqual({ code: 200, err: null, has: true })
        const req = world.emu.requestsTo('token').at(-1)!
        const form = new URLSearchParams(req.body)
        expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded')
        expect([...form.keys()].sort()).toEqual(['client_id', 'client_secret', 'grant_type', 'refresh_token'])
        expect(form.get('refresh_token')).toBe(before.refreshToken)
        const after = world.sim.storedTokens(world.ids.credential, world.ids.profile)!
        expect(after.refreshToken).not.toBe(before.refreshToken)
        expect(world.sim.query('oauth_credential')).toHaveLength(2)
        // the old token is refused by Atlassian once the 10-minute reuse window is over
        world.advance(11 * 60 * 1000)
        expect(world.emu.isRefreshTokenValid(before.refreshToken!)).toBe(false)
    })

    test('a client name with the requestor parameters (no source shows it): by default nothing is stored for the credential', async () => {
        const before = world.sim.storedTokens(world.ids.credential, world.ids.profile)!
        expect(JSON.parse(run(refresh(world, "'Jira Cloud OAuth'")) as string)).toEqual({
            code: 200,
            err: null,
            has: true,
        })
        expect(world.sim.storedTokens(world.ids.credential, world.ids.profile)).toEqual(before)
        await world.close()
        world = await World.start({ source: e2eSource(), platform: { requestorParamsWithClientName: 'honoured' } })
        world.configureOAuth()
        await world.getOAuthToken('accept')
        const first = world.sim.storedTokens(world.ids.credential, world.ids.profile)!
        run(refresh(world, "'Jira Cloud OAuth'"))
        expect(world.sim.storedTokens(world.ids.credential, world.ids.profile)!.refreshToken).not.toBe(
            first.refreshToken
        )
    })

    test("rotatedRefreshToken 'not-stored': the new access token is stored, the old refresh token stays; the response still carries the new one", async () => {
        await world.close()
        world = await World.start({ source: e2eSource(), platform: { rotatedRefreshToken: 'not-stored' } })
        world.configureOAuth()
        await world.getOAuthToken('accept')
        const before = world.sim.storedTokens(world.ids.credential, world.ids.profile)!
        const out =
            run(`var c = new sn_auth.GlideOAuthClient(); var q = new sn_auth.GlideOAuthClientRequest(); q.setGrantType('refresh_token');
            q.setRefreshToken(c.getToken('${world.ids.credential}', '${world.ids.profile}').getRefreshToken());
            q.setParameter('oauth_requestor_context', 'oauth_2_0_credentials'); q.setParameter('oauth_requestor', '${world.ids.credential}'); q.setParameter('oauth_provider_profile', '${world.ids.profile}');
            var r = c.requestTokenByRequest(null, q); return r.getToken().getRefreshToken() == c.getToken('${world.ids.credential}', '${world.ids.profile}').getRefreshToken();`)
        expect(out).toBe(false)
        const after = world.sim.storedTokens(world.ids.credential, world.ids.profile)!
        expect(after.refreshToken).toBe(before.refreshToken)
        expect(after.accessToken).not.toBe(before.accessToken)
    })

    test('refresh-token expiry on refresh follows extend_refresh_token_expiry (KB2132135); the clean-up job deletes expired rows', () => {
        const DAY = 86400000
        const expiry = () => world.sim.storedTokens(world.ids.credential, world.ids.profile)!.refreshExpiresMs!
        const first = expiry()
        world.sim.admin.setField('oauth_entity', world.ids.registry, 'extend_refresh_token_expiry', false)
        world.advance(DAY)
        run(refresh(world))
        expect(expiry()).toBe(first)
        world.sim.admin.setField('oauth_entity', world.ids.registry, 'extend_refresh_token_expiry', true)
        world.advance(DAY)
        run(refresh(world))
        expect(expiry() - world.sim.clock.nowMs()).toBeGreaterThan(89 * DAY)
        expect(world.sim.runScheduledJob('Clean Expired OAuth Credentials')).toBe(0)
        world.advance(91 * DAY)
        expect(world.sim.runScheduledJob('Clean Expired OAuth Credentials')).toBe(2)
        expect(world.sim.storedTokens(world.ids.credential, world.ids.profile)).toBeNull()
    })

    test('a refused refresh returns the provider error and keeps the stored tokens', () => {
        world.emu.revokeGrant(world.accountId, world.clientId)
        const before = world.sim.storedTokens(world.ids.credential, world.ids.profile)!
        const r = JSON.parse(run(refresh(world)) as string)
        expect(r.code).toBe(403)
        expect(r.err).toMatch(/^(invalid_grant|unauthorized_client)/)
        expect(r.has).toBe(false)
        expect(world.sim.storedTokens(world.ids.credential, world.ids.profile)).toEqual(before)
    })

    test('getToken for a requestor without tokens: an empty token', () => {
        expect(
            run(
                `var t = new sn_auth.GlideOAuthClient().getToken('0123456789abcdef0123456789abcdef', '${world.ids.profile}'); return t === null ? 'no token object' : 'token object, access token ' + t.getAccessToken() + ', expires in ' + t.getExpiresIn();`
            )
        ).toBe('token object, access token null, expires in 0')
    })
})
