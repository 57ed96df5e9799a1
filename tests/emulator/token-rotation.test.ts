/** Rotating refresh tokens: rotation, reuse leeway, family revocation, inactivity and absolute expiry (docs/atlassian-contract.md §2.3-§2.5). */
import {
    APP,
    DAY,
    OTHER_APP,
    RESOURCES,
    SECOND,
    USER,
    bearer,
    connect,
    postToken,
    refreshGrant,
    SITE,
    startWorld,
    type World,
} from './world'

let w: World
beforeAll(async () => {
    w = await startWorld()
})
afterAll(() => w.close())
afterEach(() => w.emu.setOptions({ invalidRefreshError: 'invalid_grant' }))

const INVALID = { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }

function seed() {
    const t = w.emu.grantTokens({
        clientId: APP.clientId,
        accountId: USER.accountId,
        scopes: ['read:jira-user', 'offline_access'],
        cloudIds: [SITE.cloudId],
    })
    return { access: t.accessToken, refresh: t.refreshToken as string, family: t.familyId }
}

function rotate(refresh: string): { access_token: string; refresh_token: string } {
    const r = refreshGrant(w.net, refresh)
    if (r.status !== 200) throw new Error(`refresh answered ${r.status}: ${r.body}`)
    return JSON.parse(r.body)
}

test('refresh returns a new access token and a new refresh token in the same family', () => {
    const t = connect(w)
    const r = refreshGrant(w.net, t.refresh_token as string)
    expect(r.status).toBe(200)
    const n = JSON.parse(r.body)
    expect(n).toEqual({
        access_token: expect.any(String),
        refresh_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        scope: t.scope,
    })
    expect(n.access_token).not.toBe(t.access_token)
    expect(n.refresh_token).not.toBe(t.refresh_token)
    expect(w.emu.familyOf(n.refresh_token)).toBe(w.emu.familyOf(t.refresh_token as string))
    expect(bearer(w.net, RESOURCES, n.access_token).status).toBe(200)
})

test('refresh works with a form-encoded body', () => {
    const s = seed()
    expect(refreshGrant(w.net, s.refresh, { form: true }).status).toBe(200)
})

test('reusing a rotated refresh token inside the 10-minute leeway still works and revokes nothing', () => {
    const s = seed()
    const first = rotate(s.refresh)
    w.emu.advanceTime(9 * 60 * SECOND)
    const again = refreshGrant(w.net, s.refresh)
    expect(again.status).toBe(200)
    expect(w.emu.familyInfo(s.family)?.revoked).toBeNull()
    expect(w.emu.isRefreshTokenValid(first.refresh_token)).toBe(true)
})

test('reusing a rotated refresh token after the leeway fails and revokes the whole family', () => {
    const s = seed()
    const first = rotate(s.refresh)
    w.emu.advanceTime(10 * 60 * SECOND + SECOND)
    expect(w.emu.isRefreshTokenValid(first.refresh_token)).toBe(true) // the current token is fine until the reuse
    const reuse = refreshGrant(w.net, s.refresh)
    expect(reuse.status).toBe(403)
    expect(JSON.parse(reuse.body)).toEqual(INVALID)
    expect(w.emu.familyInfo(s.family)?.revoked).toBe('reuse-after-leeway')
    expect(w.emu.isRefreshTokenValid(first.refresh_token)).toBe(false)
    expect(refreshGrant(w.net, first.refresh_token).status).toBe(403)
})

test('a client that always stores the rotated token keeps working across many rotations', () => {
    const s = seed()
    let token = s.refresh
    for (let i = 0; i < 5; i++) {
        w.emu.advanceTime(30 * 60 * SECOND)
        token = rotate(token).refresh_token
    }
    expect(w.emu.isRefreshTokenValid(token)).toBe(true)
    expect(w.emu.familyInfo(s.family)?.refreshTokens).toBe(6)
})

test('a refresh token unused for more than 90 days is rejected', () => {
    const s = seed()
    w.emu.advanceTime(90 * DAY + SECOND)
    expect(w.emu.isRefreshTokenValid(s.refresh)).toBe(false)
    const r = refreshGrant(w.net, s.refresh)
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body)).toEqual(INVALID)
})

test('each rotation restarts the 90-day inactivity window', () => {
    const s = seed()
    w.emu.advanceTime(80 * DAY)
    const next = rotate(s.refresh).refresh_token
    w.emu.advanceTime(80 * DAY) // 160 days after the grant, 80 after the rotation
    expect(refreshGrant(w.net, next).status).toBe(200)
})

test('the family expires 365 days after consent even when rotated regularly', () => {
    const s = seed()
    let token = s.refresh
    for (let i = 0; i < 4; i++) {
        w.emu.advanceTime(80 * DAY)
        token = rotate(token).refresh_token
    }
    w.emu.advanceTime(46 * DAY) // 366 days since consent, 46 since the last rotation
    const r = refreshGrant(w.net, token)
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body)).toEqual(INVALID)
})

test('an unknown refresh token is 403 invalid_grant', () => {
    const r = refreshGrant(w.net, 'not-a-token')
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body)).toEqual(INVALID)
})

test('the unauthorized_client mode answers the observed alternate body', () => {
    w.emu.setOptions({ invalidRefreshError: 'unauthorized_client' })
    const r = refreshGrant(w.net, 'not-a-token')
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body)).toEqual({ error: 'unauthorized_client', error_description: 'refresh_token is invalid' })
})

test('a refresh token cannot be used by another app', () => {
    const s = seed()
    const r = postToken(w.net, {
        grant_type: 'refresh_token',
        client_id: OTHER_APP.clientId,
        client_secret: OTHER_APP.clientSecret,
        refresh_token: s.refresh,
    })
    expect(r.status).toBe(403)
    expect(w.emu.isRefreshTokenValid(s.refresh)).toBe(true) // and the attempt did not rotate it
})

test('refresh with a wrong client secret is 401 and does not rotate the token', () => {
    const s = seed()
    const r = postToken(w.net, {
        grant_type: 'refresh_token',
        client_id: APP.clientId,
        client_secret: 'wrong',
        refresh_token: s.refresh,
    })
    expect(r.status).toBe(401)
    w.emu.advanceTime(11 * 60 * SECOND)
    expect(refreshGrant(w.net, s.refresh).status).toBe(200)
})

test('access tokens expire after 3600 s and a refresh brings a working one', () => {
    const s = seed()
    w.emu.advanceTime(3599 * SECOND)
    expect(bearer(w.net, RESOURCES, s.access).status).toBe(200)
    w.emu.advanceTime(2 * SECOND)
    const expired = bearer(w.net, RESOURCES, s.access)
    expect(expired.status).toBe(401)
    expect(expired.headers['www-authenticate']).toContain('error="invalid_token"')
    expect(bearer(w.net, RESOURCES, rotate(s.refresh).access_token).status).toBe(200)
})

test('expireAccessTokens() makes current access tokens fail with 401', () => {
    const s = seed()
    expect(w.emu.isAccessTokenValid(s.access)).toBe(true)
    expect(w.emu.expireAccessTokens()).toBeGreaterThanOrEqual(1)
    expect(bearer(w.net, RESOURCES, s.access).status).toBe(401)
    expect(w.emu.isRefreshTokenValid(s.refresh)).toBe(true)
})

test('revokeGrant() stops both the refresh token and the access token', () => {
    const t = w.emu.grantTokens({
        clientId: OTHER_APP.clientId,
        accountId: USER.accountId,
        scopes: ['read:jira-user', 'offline_access'],
        cloudIds: [SITE.cloudId],
    })
    expect(w.emu.revokeGrant(USER.accountId, OTHER_APP.clientId)).toBe(1)
    expect(bearer(w.net, RESOURCES, t.accessToken).status).toBe(401)
    const r = postToken(w.net, {
        grant_type: 'refresh_token',
        client_id: OTHER_APP.clientId,
        client_secret: OTHER_APP.clientSecret,
        refresh_token: t.refreshToken as string,
    })
    expect(r.status).toBe(403)
    expect(w.emu.familyInfo(t.familyId)?.revoked).toBe('grant-revoked')
})

test('seeded and issued tokens are random opaque strings', () => {
    const a = seed()
    const b = seed()
    expect(a.refresh).not.toBe(b.refresh)
    expect(a.access).not.toBe(b.access)
    expect(a.refresh).toMatch(/^[A-Za-z0-9_-]{60,}$/)
    expect(w.emu.familyOf('never-issued')).toBeNull()
})
