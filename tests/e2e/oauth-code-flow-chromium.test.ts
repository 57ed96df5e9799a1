/**
 * "Get OAuth Token" in a real browser: headless Chromium (harness/support/browser.cjs finds it) opens the simulated
 * instance's oauth_initiator.do, follows the redirect to https://auth.atlassian.com/authorize (the shipped registry's
 * URL, reached through a loopback TLS proxy: see harness/glide-simulator/chromium.ts), clicks Accept on the
 * emulator's consent page and lands on oauth_redirect.do, which stores the tokens.
 */
import { REQUIRED_JIRA_SCOPES } from '../../src/server/core/jira-scopes'
import { launchChromium } from '../../harness/glide-simulator/chromium'
import { World } from '../../harness/glide-simulator/world'
import { packageZipPath } from '../../harness/support/artifacts'

jest.setTimeout(120000)

test('headless Chromium: Accept on the consent page stores the tokens against the shipped credential', async () => {
    // A missing browser is a broken set-up, not a reason to skip: launchChromium() throws a one-line error naming the fix.
    const world = await World.start({ source: { zipPath: packageZipPath() } })
    let browser: Awaited<ReturnType<typeof launchChromium>> | null = null
    try {
        browser = await launchChromium((h, p) => world.network.resolve(h, p))
        world.configureOAuth()
        const page = await browser.newPage()
        await page.goto(world.sim.admin.getOAuthTokenUrl(world.ids.credential))
        expect(new URL(page.url()).origin).toBe('https://auth.atlassian.com')
        expect(await page.locator('#scopes li').allTextContents()).toEqual(
            expect.arrayContaining([...REQUIRED_JIRA_SCOPES])
        )
        await Promise.all([page.waitForURL(/oauth_redirect\.do/), page.click('#accept')])
        expect(await page.locator('#message').textContent()).toContain(
            'Access token received from Jira Cloud OAuth and stored with a refresh token'
        )

        const authorize = world.emu.requestsTo('authorize').find((r) => r.method === 'GET')!
        expect(authorize.headers['user-agent']).toMatch(/Chrome/)
        expect(authorize.query).toMatchObject({
            audience: 'api.atlassian.com',
            prompt: 'consent',
            redirect_uri: world.sim.callbackUrl,
        })
        const stored = world.sim.storedTokens(world.ids.credential, world.ids.profile)
        expect(stored?.accessToken && world.emu.isAccessTokenValid(stored.accessToken)).toBe(true)
        expect(world.sim.one('oauth_requestor_profile', { requestor_id: world.ids.credential }).requestor_context).toBe(
            'oauth_2_0_credentials'
        )
    } finally {
        await browser?.close()
        await world.close()
    }
})
