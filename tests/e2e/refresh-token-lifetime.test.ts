/**
 * Day 91 and later: the refresh token's expiry as the platform keeps it.
 *
 * From Yokohama on, a refresh only extends the stored refresh token's expiry when the registry's "Extend Refresh Token
 * Expiry" (extend_refresh_token_expiry) is true, and the field defaults to false (ServiceNow KB2132135). Atlassian
 * restarts its 90-day inactivity window on every refresh, but with the default the platform treats the token as
 * expired 90 days (refresh_token_lifespan) after Get OAuth Token, and the "Clean Expired OAuth Credentials" job
 * deletes it (KB1380167). Each simulated day: the access token has expired, the connection is used once (Validate,
 * which refreshes through the platform), and the platform's nightly clean-up runs.
 */
import { World, e2eSource } from '../../harness/glide-simulator/world'
import type { PlatformOptions } from '../../harness/glide-simulator/platform-apis'

const DAY = 24 * 3600 * 1000

let world: World
afterEach(async () => {
    await world?.close()
})

async function consented(platform: Partial<PlatformOptions> = {}): Promise<World> {
    world = await World.start({ source: e2eSource(), platform })
    world.configureOAuth()
    const page = await world.getOAuthToken('accept')
    expect(page.text).toContain('Access token received')
    return world
}

/** Uses the connection once a day for `days` days; returns the first day it failed (null when it never did). */
function dailyUse(w: World, days: number): { firstFailedDay: number | null; lastErrors: string[] } {
    for (let day = 1; day <= days; day++) {
        w.advance(DAY)
        w.sim.runScheduledJob('Clean Expired OAuth Credentials')
        const r = w.validate('oauth_2_0_credentials', w.ids.credential)
        if (r.exception || !/works/.test(r.info[0] ?? '')) return { firstFailedDay: day, lastErrors: r.errors }
    }
    return { firstFailedDay: null, lastErrors: [] }
}

test('shipped registry: 120 days of daily use keep the connection alive (extend_refresh_token_expiry is set)', async () => {
    const w = await consented()
    expect(w.sim.one('oauth_entity', { sys_id: w.ids.registry }).extend_refresh_token_expiry).toBe('true')
    const result = dailyUse(w, 120)
    expect(result).toEqual({ firstFailedDay: null, lastErrors: [] })
    const refreshes = w.emu
        .requestsTo('token')
        .filter((q) => new URLSearchParams(q.body).get('grant_type') === 'refresh_token')
    expect(refreshes).toHaveLength(120)
    // The stored refresh token is the one Atlassian rotated in last, and it still has about 90 days.
    const stored = w.sim.storedTokens(w.ids.credential, w.ids.profile)!
    expect(w.emu.isRefreshTokenValid(stored.refreshToken!)).toBe(true)
    expect(stored.refreshExpiresMs! - w.sim.clock.nowMs()).toBeGreaterThan(89 * DAY)
})

test('extend_refresh_token_expiry false (the Yokohama default): the same daily use dies on day 90', async () => {
    const w = await consented()
    w.sim.admin.setField('oauth_entity', w.ids.registry, 'extend_refresh_token_expiry', false)
    const result = dailyUse(w, 120)
    expect(result.firstFailedDay).toBe(90)
    // Atlassian would still accept the last rotated token: it is the platform that dropped it.
    expect(result.lastErrors.join('\n')).toMatch(/No OAuth token is stored|refresh token expired/)
})

test('before Yokohama the field does not exist and every refresh extends the expiry: alive either way', async () => {
    const w = await consented({ refreshTokenExpiry: 'pre-yokohama' })
    w.sim.admin.setField('oauth_entity', w.ids.registry, 'extend_refresh_token_expiry', false)
    expect(dailyUse(w, 120).firstFailedDay).toBeNull()
})
