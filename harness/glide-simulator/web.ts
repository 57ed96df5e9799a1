/**
 * The instance's web front for what the app ships to browsers: UI pages (sys_ui_page), their bundled assets
 * (sys_ux_lib_asset at /uxasset/externals/<name>.jsdbx) and scripted REST APIs (sys_ws_definition /
 * sys_ws_operation at /api/<namespace>/<service>/<path>), with sessions, roles and the CSRF token as the platform
 * applies them:
 * - a session is a cookie (JSESSIONID) made by login(); its token is what the page gets as window.g_ck;
 * - a REST call on a session cookie must carry X-UserToken = that token, else 401 (ServiceNow docs "REST API
 *   security": "requests with a session cookie must include the X-UserToken header" [C]);
 * - requires_authentication: no session → 401; requires_acl_authorization: the operation's enforce_acl ACL's roles,
 *   admin passing when admin_overrides (docs "Access control list rules" [C]) → else 403;
 * - a ui_page ACL named after the endpoint without .do limits who sees the page [I]; no session → login page.
 * - setBody(object) answers {"result": object} (docs RESTAPIResponse.setBody [C]).
 * - <table>.do?sys_id=<id> (the links the setup page shows: validation run, health record, registry, connection) is a
 *   minimal read-only view of the record for `npm run demo`: its fields without password columns. It is not the
 *   instance's form (no form layout, UI actions or related lists), and the page says so.
 * The page's Jelly is not a Jelly engine: only the $[...] expressions the SDK's build writes are replaced; any other
 * Jelly expression fails the request so a new one is noticed. <g:requires> (platform scripts such as prototype.js)
 * are dropped: the simulator has none of the instance's own libraries.
 */
import * as crypto from 'node:crypto'
import type * as http from 'node:http'
import type { SessionUser } from './glide'
import type { Row } from './store'

export interface WebHost {
    store: {
        rowsOf(table: string): Row[]
        find(table: string, sysId: string): Row | null
    }
    session: { user: SessionUser }
    runtime: { runScript(script: string, bindings: Record<string, unknown>, filename: string): unknown }
    gs: unknown
    logs: Array<{ level: string; message: string; source: string }>
    /** Runs fn as a script of that application scope (Runtime Access Tracking applies to it). */
    inScope<T>(scope: string, fn: () => T): T
    /** Whether a column is a password (password2) column: never shown. */
    isPassword(table: string, column: string): boolean
}

const RECORD_ROLES = ['admin', 'x_jira_connect.admin']

function escapeHtml(s: string): string {
    return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

interface WebSession {
    user: SessionUser
    token: string
}

export interface WebLogEntry {
    method: string
    path: string
    status: number
    user: string | null
    /** The response body as sent (for "no secret in a response" assertions). */
    body: string
}

const JELLY_SESSION_TOKEN = '$[gs.getSession().getSessionToken() || gs.getSessionToken()]'
const JELLY_FLUSH = '$[UxFrameworkScriptables.getFlushTimestamp()]'
const JELLY_THEME_KEY = '$[sn_ui.PolarisUI.getThemeVariableCssCacheKey()]'

export class WebFront {
    private readonly sessions = new Map<string, WebSession>()
    readonly requests: WebLogEntry[] = []

    constructor(private readonly host: WebHost) {}

    /** Logs a user in (what login.do does): returns the session cookie value and its CSRF token. */
    login(user: SessionUser): { cookie: string; token: string } {
        const cookie = crypto.randomBytes(16).toString('hex')
        const token = crypto.randomBytes(20).toString('hex')
        this.sessions.set(cookie, { user, token })
        return { cookie, token }
    }

    /**
     * Users /login.do accepts (demo only: `npm run demo` registers the admin so a person's browser gets a session).
     * Tests log in through login() and never through this page.
     */
    readonly loginUsers = new Map<string, SessionUser>()

    owns(pathname: string): boolean {
        return (
            pathname === '/login.do' ||
            pathname.startsWith('/api/') ||
            pathname.startsWith('/uxasset/') ||
            pathname.startsWith('/$uxappimmutables.do') ||
            this.page(pathname) !== null ||
            this.recordTable(pathname) !== null
        )
    }

    /** The table of a record link (/x_jira_connect_validation_run.do), when the store has that table. */
    private recordTable(pathname: string): string | null {
        const m = /^\/([a-z][a-z0-9_]*)\.do$/.exec(pathname)
        if (!m || this.page(pathname) !== null) return null
        try {
            return this.host.store.rowsOf(m[1]).length ? m[1] : null
        } catch (e) {
            return null
        }
    }

    /** The demo's read-only record view: readable fields only, for a session with the app's roles. */
    private recordView(
        table: string,
        url: URL,
        session: WebSession | null,
        send: (s: number, t: string, b: string) => void
    ) {
        const html = (title: string, body: string) =>
            `<!doctype html><html lang="en"><head><title>${escapeHtml(title)}</title></head><body><main>` +
            `<h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
        if (!session) return send(401, 'text/html', html('Log in', ''))
        if (!session.user.roles.some((r) => RECORD_ROLES.includes(r)))
            return send(403, 'text/html', html('Security constraints prevent access to requested page', ''))
        const sysId = url.searchParams.get('sys_id') ?? ''
        const row = this.host.store.find(table, sysId)
        if (!row) return send(404, 'text/html', html(`No ${table} record ${sysId}`, ''))
        const fields = Object.entries(row)
            .filter(([k, v]) => v !== '' && !this.host.isPassword(table, k))
            .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
            .join('')
        const note =
            '<p>Read-only view of the record on the simulated instance (npm run demo): on an instance this link ' +
            'opens the record form. Password fields are not shown.</p>'
        send(
            200,
            'text/html; charset=utf-8',
            html(`${table}: ${row.name || row.sys_id}`, `${note}<table><tbody>${fields}</tbody></table>`)
        )
    }

    serve(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Buffer[] = []
        req.on('data', (c: Buffer) => chunks.push(c))
        req.on('end', () => {
            const url = new URL(req.url ?? '/', 'http://instance.invalid')
            const session = this.sessionOf(req)
            const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
                this.requests.push({
                    method: req.method ?? 'GET',
                    path: url.pathname,
                    status,
                    user: session?.user.userName ?? null,
                    body,
                })
                res.writeHead(status, { 'content-type': type, ...headers })
                res.end(body)
            }
            try {
                if (url.pathname === '/login.do') return this.loginPage(url, send)
                if (url.pathname.startsWith('/api/'))
                    return this.api(req, url, session, Buffer.concat(chunks).toString('utf8'), send)
                if (url.pathname.startsWith('/uxasset/')) return this.asset(url.pathname, send)
                if (url.pathname.startsWith('/$uxappimmutables.do'))
                    return send(200, 'text/css', '/* instance theme variables: not simulated */')
                const table = this.recordTable(url.pathname)
                if (table) return this.recordView(table, url, session, send)
                return this.uiPage(url.pathname, session, send)
            } catch (e) {
                this.host.logs.push({ level: 'error', message: `web: ${(e as Error).message}`, source: 'web' })
                send(500, 'text/plain', `simulator error: ${(e as Error).message}`)
            }
        })
    }

    private loginPage(url: URL, send: (s: number, t: string, b: string, h?: Record<string, string>) => void): void {
        const user = this.loginUsers.get(url.searchParams.get('user_name') ?? '')
        if (!user)
            return send(
                403,
                'text/html',
                '<!doctype html><html lang="en"><head><title>Log in</title></head><body><h1>Unknown user</h1></body></html>'
            )
        const { cookie } = this.login(user)
        const goto = (url.searchParams.get('sysparm_goto') ?? 'x_jira_connect_setup.do').replace(/^\/+/, '')
        send(302, 'text/plain', '', {
            location: `/${goto}`,
            'set-cookie': `JSESSIONID=${cookie}; Path=/; HttpOnly; SameSite=Lax`,
        })
    }

    private sessionOf(req: http.IncomingMessage): WebSession | null {
        const m = /(?:^|;\s*)JSESSIONID=([0-9a-f]+)/.exec(String(req.headers.cookie ?? ''))
        return m ? (this.sessions.get(m[1]) ?? null) : null
    }

    private page(pathname: string): Row | null {
        const endpoint = pathname.replace(/^\//, '')
        return this.host.store.rowsOf('sys_ui_page').find((p) => p.endpoint === endpoint) ?? null
    }

    /** Roles of an ACL (sys_security_acl_role → sys_user_role names); null when the ACL does not exist or is inactive. */
    private aclRoles(acl: Row | null): string[] | null {
        if (!acl || acl.active === 'false') return null
        return this.host.store
            .rowsOf('sys_security_acl_role')
            .filter((r) => r.sys_security_acl === acl.sys_id)
            .map((r) => this.host.store.find('sys_user_role', r.sys_user_role)?.name ?? r.sys_user_role)
    }

    private passes(acl: Row | null, user: SessionUser): boolean {
        const roles = this.aclRoles(acl)
        if (roles === null || roles.length === 0) return true
        if (acl?.admin_overrides !== 'false' && user.roles.includes('admin')) return true
        return roles.some((r) => user.roles.includes(r))
    }

    private uiPage(
        pathname: string,
        session: WebSession | null,
        send: (s: number, t: string, b: string) => void
    ): void {
        const page = this.page(pathname) as Row
        if (!session)
            return send(
                401,
                'text/html',
                '<!doctype html><html lang="en"><head><title>Log in</title></head><body><h1>Log in</h1></body></html>'
            )
        const name = page.endpoint.replace(/\.do$/, '')
        const acl =
            this.host.store
                .rowsOf('sys_security_acl')
                .find((a) => a.type.toLowerCase() === 'ui_page' && a.name === name) ?? null
        if (!this.passes(acl, session.user)) {
            return send(
                403,
                'text/html',
                '<!doctype html><html lang="en"><head><title>Security constraints</title></head><body><h1>Security constraints prevent access to requested page</h1></body></html>'
            )
        }
        let html = String(page.html ?? '')
        html = html.replace(/<!--[\s\S]*?-->/g, '')
        html = html.split(JELLY_SESSION_TOKEN).join(session.token)
        html = html.split(JELLY_FLUSH).join('1').split(JELLY_THEME_KEY).join('1').split('$[AMP]').join('&amp;')
        html = html
            .replace(/<g:requires[^>]*>\s*<\/g:requires>/g, '')
            .replace(/<g2:client_script[^>]*>\s*<\/g2:client_script>/g, '')
        const unknown = /\$\[[^\]]*\]|\$\{[^}]*\}|<g2?:[a-z_]+/.exec(html)
        if (unknown)
            throw new Error(`the page ${page.endpoint} uses Jelly the simulator does not render: ${unknown[0]}`)
        send(200, 'text/html; charset=utf-8', `<!doctype html>\n${html.trim().replace(/^<html>/, '<html lang="en">')}`)
    }

    private asset(pathname: string, send: (s: number, t: string, b: string) => void): void {
        const m = /^\/uxasset\/externals\/(.+)\.jsdbx$/.exec(pathname)
        if (m && m[1] === '@devsnc/library-uxf/index')
            return send(200, 'application/javascript', '/* platform UX library: not simulated */ export {}')
        if (pathname.startsWith('/uxasset/set-cache-buster/')) return send(200, 'application/javascript', '')
        const asset = m ? this.host.store.rowsOf('sys_ux_lib_asset').find((a) => a.name === m[1]) : undefined
        if (!asset) return send(404, 'text/plain', `no sys_ux_lib_asset for ${pathname}`)
        send(200, asset.mime_type || 'application/javascript', asset.content ?? '')
    }

    private api(
        req: http.IncomingMessage,
        url: URL,
        session: WebSession | null,
        body: string,
        send: (s: number, t: string, b: string, h?: Record<string, string>) => void
    ): void {
        const json = (status: number, value: unknown) => send(status, 'application/json', JSON.stringify(value))
        const apiError = (status: number, message: string, detail: string) =>
            json(status, { error: { message, detail }, status: 'failure' })
        const def = this.host.store
            .rowsOf('sys_ws_definition')
            .find((d) => d.active !== 'false' && url.pathname.startsWith(`${d.base_uri}/`))
        const method = (req.method ?? 'GET').toUpperCase()
        const op = def
            ? this.host.store
                  .rowsOf('sys_ws_operation')
                  .find(
                      (o) =>
                          o.web_service_definition === def.sys_id &&
                          o.active !== 'false' &&
                          o.http_method === method &&
                          `${def.base_uri}${o.relative_path}` === url.pathname
                  )
            : undefined
        if (!def || !op) return apiError(400, 'Requested URI does not represent any resource', url.pathname)
        if (op.requires_authentication !== 'false' && !session)
            return apiError(401, 'User Not Authenticated', 'Required to provide Auth information')
        if (session && req.headers['x-usertoken'] !== session.token) {
            return apiError(
                401,
                'User Not Authenticated',
                "Required to provide Auth information (X-UserToken missing or not this session's)"
            )
        }
        const user = session?.user
        if (op.requires_acl_authorization !== 'false' && user) {
            const acl = op.enforce_acl ? this.host.store.find('sys_security_acl', op.enforce_acl) : null
            if (op.enforce_acl && !acl)
                return apiError(403, 'User Not Authorized', `ACL ${op.enforce_acl} is not on this instance`)
            if (!this.passes(acl, user))
                return apiError(403, 'User Not Authorized', 'Not authorized to execute this resource')
        }
        let status = 200
        let payload: unknown = undefined
        const headers: Record<string, string> = {}
        const request = {
            body: body ? { dataString: body } : null,
            getHeader: (name: string) => {
                const v = req.headers[name.toLowerCase()]
                return v === undefined ? null : String(v)
            },
            queryParams: Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k)])),
            pathParams: {},
        }
        const response = {
            setStatus: (s: number) => {
                status = Number(s)
            },
            setBody: (b: unknown) => {
                payload = b
            },
            setHeader: (k: string, v: string) => {
                headers[k.toLowerCase()] = String(v)
            },
        }
        const previous = this.host.session.user
        this.host.session.user = user ?? previous
        // A scripted REST resource runs in its API's application scope (sys_ws_definition.sys_scope).
        const scope = (def.sys_scope && this.host.store.find('sys_app', def.sys_scope)?.scope) || 'global'
        try {
            this.host.inScope(scope, () =>
                this.host.runtime.runScript(
                    op.operation_script,
                    { request, response, gs: this.host.gs },
                    `sys_ws_operation/${op.sys_id}/operation_script.js`
                )
            )
        } catch (e) {
            this.host.logs.push({
                level: 'error',
                message: `Scripted REST ${op.name} failed: ${(e as Error)?.message ?? e}`,
                source: 'sys_ws_operation',
            })
            return apiError(500, 'Script Evaluation Exception', 'The script threw; see the system log')
        } finally {
            this.host.session.user = previous
        }
        send(status, 'application/json', payload === undefined ? '' : JSON.stringify({ result: payload }), headers)
    }
}
