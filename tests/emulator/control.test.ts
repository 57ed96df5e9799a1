/** The emulator's in-process control API: synchronous calls into the worker, errors, clock, lifecycle. */
import { startAtlassianEmulator } from '../../harness/atlassian-emulator'
import { createLoopbackNetwork, routeAtlassian } from '../../harness/net'
import { APP, SITE, START, USER, get, ok, startWorld } from './world'

test('control errors thrown in the worker surface as exceptions on the caller', async () => {
    const w = await startWorld()
    try {
        expect(() =>
            w.emu.grantTokens({ clientId: 'nope', accountId: USER.accountId, scopes: [], cloudIds: [] })
        ).toThrow('unknown app nope')
        expect(() => w.emu.addSite({ cloudId: 'x', name: 'x', host: 'example.com' })).toThrow('.atlassian.net')
        expect(() => w.emu.setFault('token', { status: 500 }, { count: 0 })).toThrow('count')
        expect(() => w.emu.advanceTime(-1)).toThrow()
        expect(
            w.emu.grantTokens({
                clientId: APP.clientId,
                accountId: USER.accountId,
                scopes: ['read:jira-user'],
                cloudIds: [SITE.cloudId],
            }).refreshToken
        ).toBeNull()
    } finally {
        await w.close()
    }
})

test('the fake clock starts at startTimeMs and moves only with advanceTime', async () => {
    const w = await startWorld()
    try {
        expect(w.emu.now()).toBe(START)
        expect(w.emu.advanceTime(1500)).toBe(START + 1500)
        expect(w.emu.now()).toBe(START + 1500)
        w.emu.clearRequests()
        ok(get(w.net, 'https://acme.atlassian.net/_edge/tenant_info'))
        expect(w.emu.requests[0].time).toBe(START + 1500)
    } finally {
        await w.close()
    }
})

test('without startTimeMs the clock is the real clock plus advanceTime', async () => {
    const emu = await startAtlassianEmulator()
    try {
        expect(Math.abs(emu.now() - Date.now())).toBeLessThan(1000)
        expect(emu.advanceTime(86400000) - Date.now()).toBeGreaterThan(86400000 - 1000)
    } finally {
        await emu.close()
    }
})

test('two emulators are independent and close() stops the server', async () => {
    const a = await startAtlassianEmulator()
    const b = await startAtlassianEmulator()
    const net = createLoopbackNetwork()
    try {
        expect(a.port).not.toBe(b.port)
        a.addSite({ cloudId: 'only-in-a', name: 'A', host: 'a.atlassian.net' })
        routeAtlassian(net, b.port)
        expect(ok(get(net, 'https://a.atlassian.net/_edge/tenant_info')).status).toBe(404) // b does not know the site
        routeAtlassian(net, a.port)
        expect(ok(get(net, 'https://a.atlassian.net/_edge/tenant_info')).status).toBe(200)
        await a.close()
        expect(() => a.now()).toThrow('closed')
        expect(get(net, 'https://a.atlassian.net/_edge/tenant_info')).toMatchObject({
            ok: false,
            code: 'connection_refused',
        })
    } finally {
        await net.close()
        await a.close()
        await b.close()
    }
})
