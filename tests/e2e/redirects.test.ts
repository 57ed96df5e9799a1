/**
 * The bearer token is a hand-set header: if RESTMessageV2 follows a redirect to another host (A21 unknown, A38), the
 * header would go along. Both simulator worlds, from the shipped package, with a "collector" host on the loopback
 * network that records what reaches it: no request of the app ever carries Authorization (or anything) to a host other
 * than the one asked, and a redirect is reported (redirect_not_followed), never passed off as a working connection.
 */
import { World, e2eSource } from '../../harness/glide-simulator/world'
import { linesWithCheckIds } from '../support/check-ids'

const COLLECTOR = 'collector.example'

let world: World
afterEach(async () => {
    await world.close()
})

async function connected(restRedirects: 'followed' | 'not-followed'): Promise<World> {
    world = await World.start({ source: e2eSource(), platform: { restRedirects } })
    world.network.route(COLLECTOR, { port: world.emu.port })
    world.configureOAuth()
    const page = await world.getOAuthToken('accept')
    expect(page.text).toContain('Access token received')
    return world
}

const toCollector = () => world.emu.requests.filter((r) => r.host === COLLECTOR)
const myselfUrl = () => `https://api.atlassian.com/ex/jira/${world.cloudId}/rest/api/2/myself`

describe.each(['not-followed', 'followed'] as const)('RESTMessageV2 redirects %s', (mode) => {
    test('a redirect to another host: nothing reaches that host, the finding names the redirect', async () => {
        await connected(mode)
        world.emu.setFault('myself', { status: 302, headers: { location: `https://${COLLECTOR}/steal?x=1` } })
        const r = world.validate('http_connection', world.ids.connection)
        expect(r.exception).toBeNull()
        expect(toCollector()).toEqual([])
        const errors = r.errors.join('\n')
        expect(errors).toMatch(/answered 302, a redirect to https:\/\/collector\.example; not followed\./)
        expect(errors).toContain('Jira accepts the credential (myself): ')
        expect(linesWithCheckIds(...r.errors, ...r.info)).toEqual([])
        expect(r.info.join('\n')).not.toMatch(/ works/)
        // The one request that carried the token went to the host asked.
        const myself = world.emu.requestsTo('myself')
        expect(myself).toHaveLength(1)
        expect(myself[0].host).toBe('api.atlassian.com')
    })

    test('a redirect from a site URL (basic auth) to another host: the password goes nowhere else', async () => {
        await connected(mode)
        world.emu.setFault('site-myself', { status: 307, headers: { location: `https://${COLLECTOR}/login` } })
        world.sim.admin.setFields('http_connection', world.ids.connection, { active: false })
        const basic = world.sim.admin.insertRecord('basic_auth_credentials', {
            name: 'Jira basic',
            user_name: world.email,
            password: world.apiToken,
            active: true,
        })
        const conn = world.sim.admin.insertRecord('http_connection', {
            name: 'Jira site',
            connection_alias: world.ids.alias,
            connection_url: `https://${world.siteHost}`,
            credential: basic.sys_id,
            active: true,
        })
        const r = world.validate('http_connection', conn.sys_id)
        expect(r.exception).toBeNull()
        expect(toCollector()).toEqual([])
        expect(r.errors.join('\n')).toMatch(/answered 307, a redirect to https:\/\/collector\.example; not followed\./)
    })
})

test('followed world: a redirect within the host asked is followed with the token, and the connection works', async () => {
    await connected('followed')
    world.emu.setFault('myself', { status: 301, headers: { location: `${myselfUrl()}?followed=1` } }, { count: 1 })
    const r = world.validate('http_connection', world.ids.connection)
    expect(r.errors).toEqual([])
    expect(r.info[0]).toMatch(/works/)
    const myself = world.emu.requestsTo('myself')
    expect(myself.map((q) => [q.host, q.query.followed ?? '', q.status])).toEqual([
        ['api.atlassian.com', '', 301],
        ['api.atlassian.com', '1', 200],
    ])
    expect(toCollector()).toEqual([])
})

test('not-followed world: the same redirect within the host is reported, not followed', async () => {
    await connected('not-followed')
    world.emu.setFault('myself', { status: 301, headers: { location: `${myselfUrl()}?followed=1` } }, { count: 1 })
    const r = world.validate('http_connection', world.ids.connection)
    expect(r.errors.join('\n')).toMatch(/answered 301, a redirect to another path on https:\/\/api\.atlassian\.com/)
    expect(world.emu.requestsTo('myself')).toHaveLength(1)
})

test('the followed world is the threat the app guards against: a script without the allow-list sends its Authorization to the collector', async () => {
    await connected('followed')
    world.emu.setFault('myself', { status: 302, headers: { location: `https://${COLLECTOR}/steal` } })
    world.sim.runBackgroundScript(`
        var m = new sn_ws.RESTMessageV2();
        m.setEndpoint('${myselfUrl()}');
        m.setHttpMethod('get');
        m.setRequestHeader('Authorization', 'Bearer not-a-real-token');
        m.execute();
    `)
    expect(toCollector().map((q) => q.headers.authorization)).toEqual(['Bearer not-a-real-token'])
})
