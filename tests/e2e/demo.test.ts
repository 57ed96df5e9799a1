/**
 * `npm run demo` (scripts/demo.ts) as a person runs it: the real script in its own Node process, on the package this
 * jest run built (JCC_DEMO_ZIP skips its own build). It must print working URLs, keep serving until stopped, log a
 * browser in as admin on the setup page, serve the page's bundle and the setup API (the printed service-account
 * values validate green), and stop cleanly on SIGTERM with nothing left listening.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as net from 'node:net'
import * as path from 'node:path'
import { packageZipPath } from '../../harness/support/artifacts'

const root = path.resolve(__dirname, '../..')
/** The command `npm run demo` runs, from package.json (so the test follows the script, not a copy of it). */
const demoScript = (
    JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts.demo

interface Answer {
    status: number
    headers: http.IncomingHttpHeaders
    body: string
}

function get(url: string, cookie = ''): Promise<Answer> {
    return new Promise((resolve, reject) => {
        const req = http.get(url, { headers: cookie ? { cookie } : {}, timeout: 10000 }, (res) => {
            let body = ''
            res.setEncoding('utf8')
            res.on('data', (c: string) => (body += c))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        })
        req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 10 s`)))
        req.on('error', reject)
    })
}

function request(method: string, url: string, cookie: string, token: string, body?: unknown): Promise<Answer> {
    return new Promise((resolve, reject) => {
        const headers: Record<string, string> = { cookie, 'X-UserToken': token, Accept: 'application/json' }
        if (body !== undefined) headers['Content-Type'] = 'application/json'
        const req = http.request(url, { method, headers, timeout: 30000 }, (res) => {
            let text = ''
            res.setEncoding('utf8')
            res.on('data', (c: string) => (text += c))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
        })
        req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 30 s`)))
        req.on('error', reject)
        req.end(body === undefined ? undefined : JSON.stringify(body))
    })
}

function portOpen(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const s = net.connect({ host: '127.0.0.1', port }, () => (s.destroy(), resolve(true)))
        s.on('error', () => resolve(false))
    })
}

/** Starts the demo and resolves with its output once it says it is running (or rejects with what it printed). */
function startDemo(): Promise<{ child: ChildProcess; out: () => string }> {
    const [node, ...args] = demoScript.split(' ')
    expect(node).toBe('node')
    const child = spawn(process.execPath, args, {
        cwd: root,
        env: { ...process.env, JCC_DEMO_ZIP: packageZipPath() },
        stdio: ['ignore', 'pipe', 'pipe'],
    })
    let text = ''
    return new Promise((resolve, reject) => {
        const onData = (c: Buffer) => {
            text += c.toString('utf8')
            if (text.includes('Ctrl+C to stop.')) resolve({ child, out: () => text })
        }
        child.stdout!.on('data', onData)
        child.stderr!.on('data', onData)
        child.on('exit', (code) => reject(new Error(`demo exited (${code}) before it was running:\n${text}`)))
    })
}

function exited(child: ChildProcess): Promise<number | null> {
    return new Promise((resolve) => {
        if (child.exitCode !== null) resolve(child.exitCode)
        else child.on('exit', (code) => resolve(code))
    })
}

test('npm run demo serves the setup page to a logged-in admin until SIGTERM, then stops listening', async () => {
    const { child, out } = await startDemo()
    try {
        const text = out()
        const setupUrl = /Setup page \(logs you in as admin\):\s+(\S+)/.exec(text)?.[1] ?? ''
        const healthUrl = /Connection health:\s+(\S+)/.exec(text)?.[1] ?? ''
        const proxyPort = Number(/--proxy-server=http:\/\/127\.0\.0\.1:(\d+)/.exec(text)?.[1])
        expect(setupUrl).toMatch(
            /^http:\/\/127\.0\.0\.1:\d+\/login\.do\?user_name=admin&sysparm_goto=x_jira_connect_setup\.do$/
        )
        expect(healthUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/x_jira_connect_setup\.do\?view=health$/)
        expect(text).toMatch(/OAuth client ID\s+\S+/)
        expect(text).toMatch(/Service account client ID\s+sa-\S+/)
        expect(text).toMatch(/Jira site\s+\S+\s+\(cloud id [0-9a-f-]{36}\)/)
        // The printed browser command needs a desktop browser: the demo says so, and what works without a display
        // (both ports forwarded, the instance's and the proxy's).
        expect(text).toContain('On a desktop with Chromium or Chrome installed')
        const instancePort = new URL(setupUrl).port
        expect(text).toContain(
            `ssh -L ${instancePort}:127.0.0.1:${instancePort} -L ${proxyPort}:127.0.0.1:${proxyPort}`
        )

        // Without a session the page is not served.
        expect((await get(healthUrl)).status).toBe(401)

        // The printed URL logs the browser in and sends it to the setup page.
        const login = await get(setupUrl)
        expect(login.status).toBe(302)
        expect(login.headers.location).toMatch(/x_jira_connect_setup\.do$/)
        const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]
        expect(cookie).toMatch(/^JSESSIONID=\S+$/)
        const origin = new URL(setupUrl).origin
        const page = await get(`${origin}/x_jira_connect_setup.do`, cookie)
        expect(page.status).toBe(200)
        // The app's bundle (the SDK ships src/client as x_jira_connect/main.jsdbx), not the platform's UX library.
        const bundle = /<script[^>]+src="([^"]*\/x_jira_connect\/main\.jsdbx[^"]*)"/.exec(page.body)?.[1] ?? ''
        expect(bundle).not.toBe('')
        const js = await get(new URL(bundle, `${origin}/`).toString(), cookie)
        expect(js.status).toBe(200)
        expect(js.body.length).toBeGreaterThan(10000)

        // The setup API answers the logged-in admin (the page's first call), and the printed service-account values
        // work: Save and validate on them ends green, as a person following the printout would see.
        const gck = /g_ck\s*=\s*['"]([^'"]+)['"]/.exec(page.body)?.[1] ?? ''
        const api = (method: string, resource: string, body?: unknown) =>
            request(method, `${origin}/api/x_jira_connect/setup/${resource}`, cookie, gck, body)
        const state = await api('GET', 'state')
        expect(state.status).toBe(200)
        expect(JSON.parse(state.body).result.callbackUrl).toBe(`${origin}/oauth_redirect.do`)
        const printed = (label: string) => new RegExp(`${label}\\s+(\\S+)`).exec(text)?.[1] ?? ''
        const saved = await api('PUT', 'service-account', {
            clientId: printed('Service account client ID'),
            clientSecret: printed('Service account client secret'),
            site: printed('Jira site'),
        })
        expect(saved.status).toBe(200)
        const validated = await api('POST', 'validate', { target: 'service-account' })
        expect(validated.status).toBe(200)
        // Saved into the inactive service-account connection: it validates, then goes live (validate before switching).
        expect(JSON.parse(validated.body).result.verdict).not.toBe('fail')
        const live = await api('POST', 'activate', { connectionSysId: JSON.parse(saved.body).result.connectionSysId })
        expect(JSON.parse(live.body).result.outcome).toBe('activated')

        // The page's record links answer: a read-only view of the record (readable fields, no password field).
        const runLink = JSON.parse(validated.body).result.runLink as string
        const run = await get(`${origin}/${runLink}`, cookie)
        expect(run.status).toBe(200)
        expect(run.body).toContain('Read-only view of the record')
        const verdict = JSON.parse(validated.body).result.verdict as string
        expect(run.body).toContain(`<th scope="row">verdict</th><td>${verdict}</td>`)
        expect((await get(`${origin}/${runLink}`)).status).toBe(401)
        const registry = JSON.parse(state.body).result.serviceAccount.registrySysId as string
        const form = await get(`${origin}/oauth_entity.do?sys_id=${registry}`, cookie)
        expect(form.status).toBe(200)
        expect(form.body).toContain(printed('Service account client ID'))
        expect(form.body).not.toContain(printed('Service account client secret'))
        expect(text).toContain('open a read-only view of')

        expect(await portOpen(proxyPort)).toBe(true)
        child.kill('SIGTERM')
        expect(await exited(child)).toBe(0)
        expect(await portOpen(Number(new URL(origin).port))).toBe(false)
        expect(await portOpen(proxyPort)).toBe(false)
    } finally {
        if (child.exitCode === null) child.kill('SIGKILL')
    }
})

test('a signal to the npm process of `npm run demo` stops the demo: nothing is left listening', async () => {
    const npm = spawn('npm', ['run', 'demo'], {
        cwd: root,
        env: { ...process.env, JCC_DEMO_ZIP: packageZipPath() },
        stdio: ['ignore', 'pipe', 'pipe'],
    })
    let text = ''
    try {
        await new Promise<void>((resolve, reject) => {
            const onData = (c: Buffer) => {
                text += c.toString('utf8')
                if (text.includes('Ctrl+C to stop.')) resolve()
            }
            npm.stdout!.on('data', onData)
            npm.stderr!.on('data', onData)
            npm.on('exit', (code) => reject(new Error(`npm run demo exited (${code}) before it was running:\n${text}`)))
        })
        const instance = Number(/Connection health:\s+http:\/\/127\.0\.0\.1:(\d+)\//.exec(text)?.[1])
        const proxyPort = Number(/--proxy-server=http:\/\/127\.0\.0\.1:(\d+)/.exec(text)?.[1])
        expect(await portOpen(instance)).toBe(true)
        npm.kill('SIGTERM')
        await exited(npm)
        const deadline = Date.now() + 10000
        while (Date.now() < deadline && ((await portOpen(instance)) || (await portOpen(proxyPort))))
            await new Promise((r) => setTimeout(r, 200))
        expect({ instance: await portOpen(instance), proxy: await portOpen(proxyPort) }).toEqual({
            instance: false,
            proxy: false,
        })
    } finally {
        if (npm.exitCode === null) npm.kill('SIGKILL')
        // Whatever happened, the demo's own process does not outlive the test.
        const pid = Number(/Running \(process (\d+)\)/.exec(text)?.[1])
        if (pid) {
            try {
                process.kill(pid, 'SIGKILL')
            } catch (e) {
                // already gone
            }
        }
    }
})
