// A stand-in ServiceNow instance on 127.0.0.1 for the deploy tests (test harness only, never shipped).
//
// It answers exactly what `now-sdk install` (@servicenow/sdk 4.9.0) calls in CI mode, as read in
// node_modules/@servicenow/sdk-cli/dist/auth (index.js, basic-auth/UISession.js, OAuth/ClientCredentials.js) and
// node_modules/@servicenow/sdk-api/dist (connector.js, orchestrator.js, credentials.js, flow-activation.js):
//
//   basic (SN_SDK_USER / SN_SDK_USER_PWD), UISession.login:
//     POST /angular.do?sysparm_type=view_form.login     form user_name, user_password -> JSON {status}, session cookie
//     POST /angular.do?sysparm_type=get_user            with the session cookie -> 401 + X-UserToken-Response (CSRF token)
//   oauth (SN_SDK_AUTH_TYPE=oauth), getClientCredentialsToken + getCSRFToken:
//     POST /oauth_token.do                              form grant_type=client_credentials, client_id, client_secret
//     POST /angular.do?sysparm_type=get_user            no credentials -> 200 + a fresh (anonymous) session cookie
//     GET  /api/now/table/sys_scope?sysparm_fields=sys_id,sys_class_name&sysparm_limit=1
//                                                       Bearer token + cookie: binds the session to the OAuth user
//     POST /angular.do?sysparm_type=get_user            with the cookie -> 401 + X-UserToken-Response
//   then, for both (session cookie + X-UserToken header), Orchestrator.install:
//     GET  /api/now/table/sys_upgrade_history           to_version=<scope>^ORDERBYDESCupgrade_started (previous install)
//     GET  /api/now/table/sys_scope                     scope=<scope>^sys_id=<scopeId> (sys_app vs sys_store_app)
//     POST /sn_appclient_upload_processor.do            multipart upload_type, load_demo, sysparm_ck, attachFile
//                                                       -> JSON {executionTracker, rollbackContext}
//     GET  /api/sn_cicd/progress/<tracker id>           polled every second until status 2 (success) or 3 (error)
//   POST /api/now/wfa_fluent/activate_flows           JSON {flows, actions} of the package's sys_hub_flow and
//                                                       sys_hub_action_type_definition ids -> result {summary, results}
//                                                       (sdk-api orchestrator runPostInstallTasks: called after a
//                                                       successful install of a package with a Flow action)
//
// For scripts/run-atf.mjs (CI/CD REST API, Basic or Bearer auth):
//     POST /api/sn_cicd/testsuite/run?test_suite_name=<suite>   -> result.links.progress.id
//     GET  /api/sn_cicd/progress/<id>                            running, then status 2 with links.results.id
//     GET  /api/sn_cicd/testsuite/results/<id>                   test_suite_status + rolled-up counts
//
// Every request is recorded. Failure modes: 'wrong-password' (login answers status:error),
// 'upload-forbidden' (upload processor answers 401), 'install-error' (the tracker ends in status 3),
// 'progress-unavailable' (the progress API answers 500). "Instance unreachable" is a closed port: see closedPort().
//
// Cookies are set without the Secure attribute so the CLI's cookie jar (tough-cookie) sends them back over plain
// http on loopback; a real instance is https-only and marks them Secure.
import { randomBytes, randomUUID } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { boundaryOf, parseMultipart } from './multipart'

export type Mode = 'ok' | 'wrong-password' | 'upload-forbidden' | 'install-error' | 'progress-unavailable'

export type RecordedRequest = {
    method: string
    path: string
    query: Record<string, string>
    headers: { cookie?: string; userToken?: string; authorization?: string; contentType?: string }
    form?: Record<string, string>
    status: number
    known: boolean
}

export type Upload = {
    fields: Record<string, string>
    file: Buffer
    filename?: string
    query: Record<string, string>
}

export type InstanceOptions = {
    mode?: Mode
    users?: Record<string, string>
    oauthClients?: Record<string, { secret: string; user: string }>
    scope: string
    scopeId: string
    /** Progress polls answered "running" before the tracker finishes (exercises the CLI's polling). */
    pendingPolls?: number
    installErrorMessage?: string
    /** ATF suites by name and how their run ends (scripts/run-atf.mjs). */
    atfSuites?: Record<string, 'success' | 'failure'>
    /**
     * How activate_flows answers: 'ok' publishes every id; 'refused' answers 422 with every id failed (the SDK's
     * reader: "422 = all flows failed, still returns a valid result body"; the failure text is [inference]).
     */
    activation?: 'ok' | 'refused'
}

type Session = { id: string; user?: string; userToken: string }
type Tracker = {
    id: string
    polls: number
    rollbackId: string
    suite?: { name: string; outcome: 'success' | 'failure'; resultsId: string }
}

export type Instance = {
    url: string
    port: number
    requests: RecordedRequest[]
    uploads: Upload[]
    /** Tracker states this instance reported to the CLI, in order ('0' pending, '1' running, '2' successful, '3' error). */
    reportedStatuses: string[]
    /** True once the instance told the CLI that an install finished successfully. */
    reportedInstalled: () => boolean
    close: () => Promise<void>
}

export const TRACKER = { PENDING: '0', RUNNING: '1', SUCCESSFUL: '2', ERROR: '3' } as const

function readBody(req: http.IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = []
        req.on('data', (c: Buffer) => chunks.push(c))
        req.on('end', () => resolve(Buffer.concat(chunks)))
        req.on('error', reject)
    })
}

function parseCookies(header: string | undefined): Record<string, string> {
    const out: Record<string, string> = {}
    for (const pair of (header ?? '').split(';')) {
        const i = pair.indexOf('=')
        if (i > 0) out[pair.slice(0, i).trim()] = pair.slice(i + 1).trim()
    }
    return out
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
    const mode = options.mode ?? 'ok'
    const users = options.users ?? {}
    const clients = options.oauthClients ?? {}
    const pendingPolls = options.pendingPolls ?? 1
    const sessions = new Map<string, Session>()
    const accessTokens = new Map<string, string>() // token -> user
    const trackers = new Map<string, Tracker>()
    const requests: RecordedRequest[] = []
    const uploads: Upload[] = []
    const reportedStatuses: string[] = []
    const upgradeHistory: Array<{ sys_id: string; upgrade_finished: string }> = []
    let installedApp: { sys_id: string; sys_class_name: string; scope: string; name: string } | undefined

    const newSession = (user?: string): Session => {
        const s: Session = {
            id: randomBytes(16).toString('hex').toUpperCase(),
            user,
            userToken: randomBytes(24).toString('hex'),
        }
        sessions.set(s.id, s)
        return s
    }

    const server = http.createServer(async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1')
        const query = Object.fromEntries(url.searchParams)
        const body = await readBody(req)
        const contentType = req.headers['content-type']
        const record: RecordedRequest = {
            method: req.method ?? 'GET',
            path: url.pathname,
            query,
            headers: {
                cookie: req.headers.cookie,
                userToken: req.headers['x-usertoken'] as string | undefined,
                authorization: req.headers.authorization,
                contentType,
            },
            status: 0,
            known: true,
        }
        requests.push(record)
        const form = (contentType ?? '').startsWith('application/x-www-form-urlencoded')
            ? Object.fromEntries(new URLSearchParams(body.toString('utf8')))
            : undefined
        if (form)
            record.form = {
                ...form,
                ...(form.user_password ? { user_password: '<redacted>' } : {}),
                ...(form.client_secret ? { client_secret: '<redacted>' } : {}),
            }

        const cookieSession = sessions.get(parseCookies(req.headers.cookie).JSESSIONID ?? '')
        const send = (status: number, payload: unknown, headers: Record<string, string | string[]> = {}) => {
            record.status = status
            const isText = typeof payload === 'string'
            res.writeHead(status, {
                'Content-Type': isText ? 'text/html;charset=UTF-8' : 'application/json;charset=UTF-8',
                ...headers,
            })
            res.end(isText ? payload : JSON.stringify(payload))
        }
        const sessionCookies = (s: Session) => [
            `JSESSIONID=${s.id}; Path=/; HttpOnly`,
            `glide_user_route=glide.${s.id.slice(0, 8)}; Path=/; HttpOnly`,
        ]
        const notAuthenticated = () =>
            send(401, {
                error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
                status: 'failure',
            })

        /** The user a REST/processor request acts as: Bearer token, or session cookie + matching X-UserToken (CSRF). */
        const caller = (): string | undefined => {
            const auth = req.headers.authorization ?? ''
            if (auth.startsWith('Bearer ')) return accessTokens.get(auth.slice(7))
            if (auth.startsWith('Basic ')) {
                const [user, ...rest] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')
                return users[user] !== undefined && users[user] === rest.join(':') ? user : undefined
            }
            if (cookieSession?.user && record.headers.userToken === cookieSession.userToken) return cookieSession.user
            return undefined
        }

        const route = `${record.method} ${url.pathname}`
        try {
            if (route === 'POST /angular.do' && query.sysparm_type === 'view_form.login') {
                const ok =
                    mode !== 'wrong-password' &&
                    form &&
                    users[form.user_name] !== undefined &&
                    users[form.user_name] === form.user_password
                if (!ok) return send(200, { status: 'error', message: 'User name or password invalid' })
                const s = newSession(form!.user_name)
                return send(
                    200,
                    { status: 'success', redirect_url: '/navpage.do' },
                    { 'Set-Cookie': sessionCookies(s) }
                )
            }
            if (route === 'POST /angular.do' && query.sysparm_type === 'get_user') {
                if (cookieSession?.user) {
                    // The CSRF token comes back on the 401 of a request that lacks it (UISession.refreshUserToken).
                    return send(401, { status: 'failure' }, { 'X-UserToken-Response': cookieSession.userToken })
                }
                const s = cookieSession ?? newSession()
                return send(200, { result: { user: 'guest' } }, { 'Set-Cookie': sessionCookies(s) })
            }
            if (route === 'POST /oauth_token.do') {
                const client = form ? clients[form.client_id] : undefined
                if (!form || form.grant_type !== 'client_credentials')
                    return send(400, { error: 'unsupported_grant_type' })
                if (!client || client.secret !== form.client_secret)
                    return send(401, { error_description: 'access_denied', error: 'server_error' })
                const token = randomBytes(32).toString('base64url')
                accessTokens.set(token, client.user)
                return send(200, { access_token: token, scope: 'useraccount', token_type: 'Bearer', expires_in: 1799 })
            }
            if (route === 'GET /api/now/table/sys_upgrade_history') {
                const who = caller()
                if (!who) return notAuthenticated()
                const latest = upgradeHistory[upgradeHistory.length - 1]
                return send(200, { result: latest ? [latest] : [] })
            }
            if (route === 'GET /api/now/table/sys_scope') {
                const auth = req.headers.authorization ?? ''
                const who = caller()
                if (!who) return notAuthenticated()
                if (auth.startsWith('Bearer ') && cookieSession) {
                    // OAuth handshake, request 2: the bearer call attaches the user to the cookie's session.
                    cookieSession.user = who
                    return send(
                        200,
                        { result: [{ sys_id: 'global', sys_class_name: 'sys_scope' }] },
                        { 'Set-Cookie': sessionCookies(cookieSession) }
                    )
                }
                const wanted = query.sysparm_query ?? ''
                const matches =
                    installedApp && wanted.includes(`scope=${options.scope}`)
                        ? [{ ...installedApp, active: 'true', short_description: '' }]
                        : []
                return send(200, { result: matches })
            }
            if (route === 'POST /api/now/wfa_fluent/activate_flows') {
                // flow-activation.js: publishes the installed flows and actions; it reads result.summary and
                // result.results[].status. Each id is answered as activated.
                const parsed = JSON.parse(body.toString('utf8') || '{}') as {
                    flows?: Array<{ sys_id: string }>
                    actions?: Array<{ sys_id: string }>
                }
                const ids = [...(parsed.flows ?? []), ...(parsed.actions ?? [])].map((x) => x.sys_id)
                if (options.activation === 'refused') {
                    const failed = ids.map((sys_id) => ({
                        sys_id,
                        status: 'error',
                        message: 'Could not publish',
                        errorMessage: 'the action failed validation',
                    }))
                    return send(422, {
                        result: { summary: { total: ids.length, succeeded: 0, failed: ids.length }, results: failed },
                    })
                }
                const results = ids.map((sys_id) => ({ sys_id, status: 'success' }))
                return send(200, {
                    result: { summary: { total: ids.length, succeeded: ids.length, failed: 0 }, results },
                })
            }
            if (route === 'POST /sn_appclient_upload_processor.do') {
                const who = caller()
                if (!who) return notAuthenticated()
                const boundary = boundaryOf(contentType)
                if (!boundary) return send(400, { error: 'expected multipart/form-data' })
                const parts = parseMultipart(body, boundary)
                const fields = Object.fromEntries(
                    parts.filter((p) => p.filename === undefined).map((p) => [p.name, p.data.toString('utf8')])
                )
                const filePart = parts.find((p) => p.name === 'attachFile')
                if (fields.sysparm_ck !== cookieSession?.userToken)
                    return send(401, { error: 'Invalid CSRF token (sysparm_ck)' })
                if (!filePart) return send(400, { error: 'attachFile missing' })
                uploads.push({ fields, file: filePart.data, filename: filePart.filename, query })
                if (mode === 'upload-forbidden') {
                    return send(401, {
                        error: `User ${who} lacks the roles to install applications (admin or sn_cicd.sys_ci_automation)`,
                    })
                }
                const tracker: Tracker = {
                    id: randomUUID().replace(/-/g, ''),
                    polls: 0,
                    rollbackId: randomUUID().replace(/-/g, ''),
                }
                trackers.set(tracker.id, tracker)
                return send(200, { executionTracker: tracker.id, rollbackContext: tracker.rollbackId })
            }
            if (route === 'POST /api/sn_cicd/testsuite/run') {
                if (!caller()) return notAuthenticated()
                const name = query.test_suite_name ?? ''
                const outcome = options.atfSuites?.[name]
                if (!outcome)
                    return send(400, {
                        error: { message: `Test suite not found: ${name}`, detail: '' },
                        status: 'failure',
                    })
                const tracker: Tracker = {
                    id: randomUUID().replace(/-/g, ''),
                    polls: 0,
                    rollbackId: '',
                    suite: { name, outcome, resultsId: randomUUID().replace(/-/g, '') },
                }
                trackers.set(tracker.id, tracker)
                return send(200, {
                    result: {
                        links: {
                            progress: { id: tracker.id, url: `http://127.0.0.1/api/sn_cicd/progress/${tracker.id}` },
                        },
                        status: TRACKER.PENDING,
                        status_label: 'Pending',
                        status_message: '',
                        percent_complete: 0,
                    },
                })
            }
            if (record.method === 'GET' && url.pathname.startsWith('/api/sn_cicd/testsuite/results/')) {
                if (!caller()) return notAuthenticated()
                const id = url.pathname.split('/').pop()
                const tracker = [...trackers.values()].find((t) => t.suite?.resultsId === id)
                if (!tracker?.suite || tracker.polls <= pendingPolls)
                    return send(404, { error: { message: 'No record found' }, status: 'failure' })
                const ok = tracker.suite.outcome === 'success'
                return send(200, {
                    result: {
                        test_suite_name: tracker.suite.name,
                        test_suite_status: ok ? 'success' : 'failure',
                        test_suite_duration: '6 Seconds',
                        rolledup_test_success_count: ok ? 1 : 0,
                        rolledup_test_failure_count: ok ? 0 : 1,
                        rolledup_test_error_count: 0,
                        rolledup_test_skip_count: 0,
                    },
                })
            }
            if (record.method === 'GET' && url.pathname.startsWith('/api/sn_cicd/progress/')) {
                if (!caller()) return notAuthenticated()
                const tracker = trackers.get(url.pathname.split('/').pop() ?? '')
                if (!tracker) return send(404, { error: { message: 'No execution tracker found' }, status: 'failure' })
                if (tracker.suite) {
                    // A suite run completes (status 2) whether or not its tests passed; the results say which.
                    tracker.polls += 1
                    const done = tracker.polls > pendingPolls
                    return send(200, {
                        result: {
                            links: {
                                progress: { id: tracker.id },
                                ...(done ? { results: { id: tracker.suite.resultsId } } : {}),
                            },
                            status: done ? TRACKER.SUCCESSFUL : TRACKER.RUNNING,
                            status_label: done ? 'Successful' : 'Running',
                            status_message: done ? 'Test suite run complete' : 'Running tests',
                            percent_complete: done ? 100 : 50,
                        },
                    })
                }
                if (mode === 'progress-unavailable')
                    return send(500, { error: { message: 'Progress worker unavailable' }, status: 'failure' })
                tracker.polls += 1
                let result: { status: string; status_label: string; status_message: string; percent_complete: number }
                if (tracker.polls <= pendingPolls) {
                    result = {
                        status: TRACKER.RUNNING,
                        status_label: 'Running',
                        status_message: 'Installing application',
                        percent_complete: 50,
                    }
                } else if (mode === 'install-error') {
                    result = {
                        status: TRACKER.ERROR,
                        status_label: 'Failed',
                        status_message: options.installErrorMessage ?? 'Application install failed',
                        percent_complete: 100,
                    }
                } else {
                    result = {
                        status: TRACKER.SUCCESSFUL,
                        status_label: 'Successful',
                        status_message: 'Application installed',
                        percent_complete: 100,
                    }
                    installedApp = {
                        sys_id: options.scopeId,
                        sys_class_name: 'sys_app',
                        scope: options.scope,
                        name: options.scope,
                    }
                    upgradeHistory.push({
                        sys_id: randomUUID().replace(/-/g, ''),
                        upgrade_finished: new Date().toISOString(),
                    })
                }
                reportedStatuses.push(result.status)
                return send(200, { result })
            }
            record.known = false
            return send(404, {
                error: { message: `The harness instance does not implement ${route}` },
                status: 'failure',
            })
        } catch (e) {
            record.known = false
            return send(500, { error: { message: `harness error: ${(e as Error).message}` }, status: 'failure' })
        }
    })

    // Node's default keep-alive of 5 s is a harness artefact, not an instance's (its front end keeps idle connections
    // far longer [inference]). With 5 s, now-sdk install's post-install call (activate_flows, made after the SDK parses
    // keys.ts: 3 to 4.5 s measured on this machine under load) sometimes reused a socket the server was closing; the
    // SDK swallows that "fetch failed" at debug level, so the call silently never came and the deploy test failed.
    server.keepAliveTimeout = 120000
    server.headersTimeout = 121000
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    return {
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        uploads,
        reportedStatuses,
        reportedInstalled: () => reportedStatuses.includes(TRACKER.SUCCESSFUL),
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections()
                server.close(() => resolve())
            }),
    }
}

/** A loopback port with nothing listening on it ("instance unreachable"). */
export async function closedPort(): Promise<number> {
    const s = http.createServer()
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
    const port = (s.address() as AddressInfo).port
    await new Promise<void>((resolve) => s.close(() => resolve()))
    return port
}
