/**
 * Drives the setup page in headless Chromium like an admin: every click, paste and typed field inside ServiceNow goes
 * through an Admin method, which counts it (the "admin actions"). Actions in Atlassian's windows (Accept,
 * Deny) are not counted: they are not ServiceNow's. Also runs axe-core in the page and writes screenshots, and holds
 * what every setup-page Chromium test file shares: its lifecycle (pageTests, world) and the consent pop-up.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { launchChromium } from '../../harness/glide-simulator/chromium'
import type { SessionUser } from '../../harness/glide-simulator/glide'
import { World, e2eSource } from '../../harness/glide-simulator/world'
import { expectNoSecretAnywhere } from './no-secret'

/** Where the page tests write their screenshots (JCC_SCREENSHOTS overrides). */
/** playwright-core types; the browser itself is launched (and found) by chromium.ts. */
type BrowserContext = import('playwright-core').BrowserContext
export type Page = import('playwright-core').Page

/** The current test's World: a live binding, set before each test by pageTests() and closed after it. */
export let world: World
/** Every Admin (browser) opened in the current test; pageTests() closes them after it. */
const opened: Admin[] = []

/**
 * What every setup-page Chromium test file starts with (call once at its top): 180 s per test; before each test a
 * fresh World from the shipped package; after it, every browser Admin.open() opened in the test, then the World.
 */
export function pageTests(): void {
    jest.setTimeout(180000)
    beforeEach(async () => {
        world = await World.start({ source: e2eSource() })
    })
    afterEach(async () => {
        for (const a of opened.splice(0)) await a.close()
        await world.close()
    })
}

/**
 * Clicks "Get OAuth Token" (counted as `what`), then clicks a button on Atlassian's consent page in the popup. Listens
 * for the popup before the click: it may open before click() returns.
 */
export async function consent(
    a: Admin,
    button: '#accept' | '#deny',
    what?: string,
    selector = '[data-action="get-token"]'
): Promise<Page> {
    const popupOpened = a.context.waitForEvent('page', { timeout: 20000 })
    await a.click(selector, what)
    const popup = await popupOpened
    await popup.waitForURL(/auth\.atlassian\.com/, { timeout: 20000 })
    await popup.locator(button).click()
    return popup
}

export const SCREENSHOT_DIR = process.env.JCC_SCREENSHOTS || path.join(__dirname, '..', '..', '.screenshots')

export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeFinding {
    id: string
    impact: string
    nodes: string[]
}

export class Admin {
    readonly actions: string[] = []
    private shots = 0
    private closed = false

    private constructor(
        readonly world: World,
        readonly page: Page,
        readonly context: BrowserContext,
        private readonly closeBrowser: () => Promise<void>,
        readonly name: string
    ) {}

    static async open(world: World, user: SessionUser, name: string): Promise<Admin> {
        const browser = await launchChromium((h, p) => world.network.resolve(h, p))
        const { cookie } = world.sim.web.login(user)
        await browser.context.addCookies([{ name: 'JSESSIONID', value: cookie, url: world.sim.instanceUrl }])
        await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
            origin: world.sim.instanceUrl.replace(/\/$/, ''),
        })
        const page = await browser.newPage()
        await page.setViewportSize({ width: 1100, height: 900 })
        const admin = new Admin(world, page, browser.context, () => browser.close(), name)
        opened.push(admin)
        return admin
    }

    /** Closes the browser (once: a test may close it early, pageTests() closes it again after the test). */
    async close(): Promise<void> {
        if (this.closed) return
        this.closed = true
        await this.closeBrowser()
    }

    /** Opens the page from the app menu: the "Setup" module's link (one click in the navigator). */
    async openFromMenu(module = 'Setup'): Promise<void> {
        const row = this.world.sim.one('sys_app_module', { title: module })
        expect(row.link_type).toBe('DIRECT')
        this.actions.push(`menu: ${module}`)
        await this.page.goto(`${this.world.sim.instanceUrl}${row.query}`)
    }

    async click(selector: string, what = selector): Promise<void> {
        this.actions.push(`click: ${what}`)
        await this.page.locator(selector).click()
    }

    /** A paste or a typed field: one action. */
    async fill(selector: string, value: string, what = selector): Promise<void> {
        this.actions.push(`fill: ${what}`)
        await this.page.locator(selector).fill(value)
    }

    /**
     * Keyboard only: Tab (at most 80 times) until the element is focused, then the key (Enter for buttons, Space for
     * radios). A radio group takes one Tab stop: arrow keys move within it, as in every browser.
     */
    async keyFocus(selector: string): Promise<void> {
        const target = this.page.locator(selector)
        const name = await target.evaluate((el) =>
            el instanceof HTMLInputElement && el.type === 'radio' ? el.name : ''
        )
        for (let i = 0; i < 80; i++) {
            const where = await this.page.evaluate(
                ([sel, group]) => {
                    const a = document.activeElement as HTMLInputElement | null
                    if (!a) return 'none'
                    if (a.matches(sel)) return 'target'
                    return group && a.type === 'radio' && a.name === group ? 'group' : 'other'
                },
                [selector, name] as const
            )
            if (where === 'target') return
            if (where === 'group') {
                await this.page.keyboard.press('ArrowDown')
                continue
            }
            await this.page.keyboard.press('Tab')
        }
        throw new Error(`keyboard: ${selector} never received focus`)
    }

    async keyPress(selector: string, what: string, key = 'Enter'): Promise<void> {
        this.actions.push(`key: ${what}`)
        await this.keyFocus(selector)
        await this.page.keyboard.press(key)
    }

    async keyType(selector: string, value: string, what: string): Promise<void> {
        this.actions.push(`type: ${what}`)
        await this.keyFocus(selector)
        await this.page.keyboard.insertText(value)
    }

    /** Runs axe-core in the page; returns every violation, whatever its impact (minor, moderate, serious, critical). */
    async axe(): Promise<AxeFinding[]> {
        const has = await this.page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined')
        if (!has) await this.page.addScriptTag({ content: AXE_SOURCE })
        const violations = (await this.page.evaluate(async () => {
            const axe = (
                window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }
            ).axe
            const r = await axe.run(document, { resultTypes: ['violations'] })
            return r.violations
        })) as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>
        return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }))
    }

    /** Screenshot into .screenshots/<name>-NN-<step>.png (git-ignored; the README's come from here); returns the path. */
    async shot(step: string): Promise<string> {
        const dir = SCREENSHOT_DIR
        fs.mkdirSync(dir, { recursive: true })
        this.shots += 1
        const file = path.join(dir, `${this.name}-${String(this.shots).padStart(2, '0')}-${step}.png`)
        await this.page.screenshot({ path: file, fullPage: true })
        return file
    }

    /** Screenshot of one element (a step) into .screenshots/<name>-NN-<step>.png; returns the path. */
    async shotOf(selector: string, step: string): Promise<string> {
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
        this.shots += 1
        const file = path.join(SCREENSHOT_DIR, `${this.name}-${String(this.shots).padStart(2, '0')}-${step}.png`)
        await this.page.locator(selector).screenshot({ path: file })
        return file
    }

    /** Every text of the page a person or script could read: the HTML and the live values of every input. */
    async domText(): Promise<string> {
        return this.page.evaluate(() => {
            const values = Array.from(document.querySelectorAll('input')).map((i) => (i as HTMLInputElement).value)
            return `${document.documentElement.outerHTML}\n${values.join('\n')}`
        })
    }
}

/** axe-core on the current view: no violation of any impact (the view's name shows in a failure). */
export async function expectAccessible(a: Admin, view: string): Promise<void> {
    expect({ view, violations: await a.axe() }).toEqual({ view, violations: [] })
}

/**
 * "Make this the live connection" by keyboard (one counted action), then the switch as the page shows it: the outcome
 * names the connection it deactivated (kept, with its credential), and the banner names the new live connection.
 */
export async function makeLiveByKeyboard(a: Admin, deactivated: string, liveSysId: string): Promise<void> {
    await a.keyPress('[data-action="make-live"]', 'Make this the live connection')
    const switched = a.page.locator('[data-activation="activated"]')
    await switched.waitFor({ timeout: 30000 })
    expect(await switched.textContent()).toContain(`Deactivated (kept, with its credential): "${deactivated}"`)
    await a.page.locator(`[data-live="${liveSysId}"]`).waitFor()
}

/** The step badges of the path shown, in order: ["Done", "To do", …]. */
export async function badges(a: Admin): Promise<string[]> {
    return a.page.locator('.steps > li.step h2 [data-badge]').allTextContents()
}

/** What has the keyboard focus: its id, else its data-outcome/role/data-verdict marker, and its text (first 200). */
export async function focused(a: Admin): Promise<{ id: string; role: string; verdict: string; text: string }> {
    return a.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        return {
            id: el ? el.id : '',
            role: el ? el.getAttribute('role') || '' : '',
            verdict: el ? el.getAttribute('data-verdict') || '' : '',
            text: el ? (el.innerText || '').replace(/\s+/g, ' ').trim().slice(0, 200) : '',
        }
    })
}

/** No secret of the world (and none of `extra`) in the DOM, any request body the instance saw, or readable columns. */
export async function expectNoSecret(a: Admin, extra: string[] = []): Promise<void> {
    expectNoSecretAnywhere(a.world, extra, await a.domText())
}
