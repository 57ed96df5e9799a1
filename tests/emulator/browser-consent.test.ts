/**
 * A real headless Chromium clicks through the emulator's consent page. The browser resolves only auth.atlassian.com
 * (to 127.0.0.1); every other host fails to resolve, and the callback is answered by Playwright without any network.
 */
import { type Browser, chromium, type Page } from 'playwright-core'
import { resolveChromium } from '../../harness/support/browser.cjs'
import { APP, CALLBACK, authorizeUrl, postToken, startWorld, type World } from './world'

let w: World
let browser: Browser | undefined
beforeAll(async () => {
    w = await startWorld()
    // No browser is a broken set-up, never a skip: resolveChromium() throws one line naming the install command.
    const found = resolveChromium()
    browser = await chromium.launch({
        executablePath: found.executablePath,
        env: found.env,
        args: ['--host-resolver-rules=MAP auth.atlassian.com 127.0.0.1, MAP * ~NOTFOUND', '--no-proxy-server'],
    })
})
afterAll(async () => {
    await browser?.close()
    await w.close()
})

/** Opens /authorize over http://auth.atlassian.com:<port>, clicks `button`, returns the callback URL the browser was sent to. */
async function clickThrough(button: '#accept' | '#deny', state: string): Promise<URL> {
    const page: Page = await (browser as Browser).newPage()
    try {
        await page.route(
            (u) => u.hostname === new URL(CALLBACK).hostname,
            (r) => r.fulfill({ status: 200, contentType: 'text/plain', body: 'callback reached' })
        )
        const url = authorizeUrl({ state }).replace(
            'https://auth.atlassian.com/',
            `http://auth.atlassian.com:${w.emu.port}/`
        )
        await page.goto(url)
        const callback = page.waitForRequest((r) => r.url().startsWith(`${CALLBACK}?`))
        await page.click(button)
        return new URL((await callback).url())
    } finally {
        await page.close()
    }
}

test('a browser clicks Accept on the consent page and lands on the callback with a code that exchanges', async () => {
    const cb = await clickThrough('#accept', 'browser-1')
    expect(cb.searchParams.get('state')).toBe('browser-1')
    const code = cb.searchParams.get('code') as string
    const r = postToken(
        w.net,
        {
            grant_type: 'authorization_code',
            client_id: APP.clientId,
            client_secret: APP.clientSecret,
            code,
            redirect_uri: CALLBACK,
        },
        { form: true }
    )
    expect(r.status).toBe(200)
    expect(w.emu.requestsTo('authorize').map((e) => [e.method, e.path, e.status])).toEqual([
        ['GET', '/authorize', 200],
        ['POST', '/authorize/consent', 302],
    ])
})

test('a browser clicks Deny and lands on the callback with access_denied', async () => {
    const cb = await clickThrough('#deny', 'browser-2')
    expect(cb.searchParams.get('error')).toBe('access_denied')
    expect(cb.searchParams.get('error_description')).toBe('User did not authorize the request')
    expect(cb.searchParams.get('state')).toBe('browser-2')
})
