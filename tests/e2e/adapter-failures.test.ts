/**
 * Every transport and platform outcome the catalogue names, produced the way the platform produces it and classified
 * by the SHIPPED adapters (src/server/glide/rest-http.ts, oauth-tokens.ts, platform-errors.ts) in the Glide simulator:
 * the simulator gives status 0 or -1 with the Java exception text in getErrorMessage() (KB3067060), or throws where
 * the platform may throw, and stores or loses tokens as each platform world says; nothing reaches the app
 * pre-classified. Each test asserts the exact check and code of the stored validation run, and that the Validate
 * changed no configuration record (World.validate compares every configuration table before and after).
 *
 * The core scenarios (tests/validator) cover the same codes over in-memory ports; these are the end-to-end
 * counterparts that fail when an adapter's handling of an outcome is broken (scripts/mutation.ts proves it).
 */
import type { EmulatorTarget } from '../../harness/atlassian-emulator'
import type { PlatformOptions } from '../../harness/glide-simulator/platform-apis'
import type { UiActionResult } from '../../harness/glide-simulator/simulator'
import { World, e2eSource } from '../../harness/glide-simulator/world'
import { linesWithCheckIds } from '../support/check-ids'

const HOUR = 3600 * 1000
let world: World

afterEach(async () => {
    await world?.close()
})

async function healthy3lo(platform: Partial<PlatformOptions> = {}): Promise<World> {
    world = await World.start({ source: e2eSource(), platform })
    world.configureOAuth()
    const page = await world.getOAuthToken('accept')
    expect(page.text).toContain('Access token received')
    return world
}

interface StoredCheck {
    id: string
    status: string
    code?: string
    found: string
    fix: string
}

/** The stored run's result for one check id (what the admin opens from the Validation Runs list). */
function checkOf(id: string): StoredCheck {
    const runs = world.sim.query('x_jira_connect_validation_run')
    const checks = JSON.parse(runs[runs.length - 1].checks_json) as StoredCheck[]
    const c = checks.find((x) => x.id === id)
    if (!c) throw new Error(`no check ${id} in the run: ${checks.map((x) => `${x.id}=${x.status}`).join(', ')}`)
    return c
}

function validateConnection(): UiActionResult {
    const r = world.validate('http_connection', world.ids.connection)
    expect(r.exception).toBeNull()
    return r
}

function expectFinding(id: string, code: string): StoredCheck {
    const c = checkOf(id)
    expect({ id, status: c.status, code: c.code }).toEqual({ id, status: 'fail', code })
    return c
}

/** The Java texts the simulated network gives (harness/net/sync-http-worker.cjs), as KB3067060 shows them. */
const JAVA = {
    timeout: /^java\.net\.SocketTimeoutException: Read timed out$/,
    refused: /^java\.net\.ConnectException: Connection refused$/,
    unknown: /^java\.net\.UnknownHostException: api\.atlassian\.com$/,
    tls: /^javax\.net\.ssl\.SSLHandshakeException: PKIX path building failed/,
    reset: /^java\.net\.SocketException: Connection reset$/,
}
const NO_RESPONSE = 'org.apache.http.NoHttpResponseException: api.atlassian.com:443 failed to respond'

type Breakage = (w: World, target: EmulatorTarget, host: string) => void
const BREAK: Record<string, Breakage> = {
    timeout: (w, target) => w.emu.setFault(target, 'hang'),
    reset: (w, target) => w.emu.setFault(target, 'reset'),
    refused: (w, _t, host) => w.network.route(host, 'refused'),
    'unknown host': (w, _t, host) => w.network.unroute(host),
    'TLS failure': (w, _t, host) => w.network.route(host, 'tls-failure'),
    'an unrecognised Java error': (w, _t, host) => w.network.route(host, { javaError: NO_RESPONSE }),
}

/** How RESTMessageV2 and GlideOAuthClient give "no answer" (KB3067060): status 0 or -1, the Java text in getErrorMessage(). */
const NO_ANSWER: Array<[string, Partial<PlatformOptions>]> = [
    ['status 0', { noAnswerStatus: 0 }],
    ['status -1', { noAnswerStatus: -1 }],
]

/** Each breakage of api.atlassian.com: the code rest-http.ts must give it, and the Java text the finding quotes. */
const TRANSPORT: Array<[keyof typeof BREAK, string, RegExp]> = [
    ['timeout', 'http_timeout', JAVA.timeout],
    ['reset', 'connection_reset', JAVA.reset],
    ['refused', 'connection_refused', JAVA.refused],
    ['unknown host', 'unknown_host', JAVA.unknown],
    ['TLS failure', 'tls_failure', JAVA.tls],
    ['an unrecognised Java error', 'http_error', /NoHttpResponseException/],
]

describe.each(NO_ANSWER)('RESTMessageV2 gives no answer as %s with the Java text', (_name, platform) => {
    test.each(TRANSPORT)(
        'api.atlassian.com %s: atlassian.accessible_resources fails with %s, the Java text shown',
        async (how, code, text) => {
            await healthy3lo(platform)
            world.setProperty('x_jira_connect.http_timeout_ms', 1000)
            BREAK[how](world, 'accessible-resources', 'api.atlassian.com')
            const r = validateConnection()
            const c = expectFinding('atlassian.accessible_resources', code)
            const shown = world.sim.outbound.filter((o) => o.via === 'RESTMessageV2').at(-1)!
            expect(shown.status).toBeNull()
            expect(text.test(platformMessageOf(c))).toBe(true)
            expect(r.errors.join('\n')).toContain('Atlassian accepts the token (accessible-resources): ')
            expect(linesWithCheckIds(...r.errors, ...r.info)).toEqual([])
        }
    )
})

/** The platform's error text as the finding quotes it (found is '... (<text>)' or names it after a colon). */
function platformMessageOf(c: StoredCheck): string {
    const m = /(java\.[\w.]+Exception[^)]*|javax\.[\w.]+Exception[^)]*|org\.[\w.]+Exception[^)]*)/.exec(c.found)
    return m ? m[1].trim() : c.found
}

test("restTimeout 'throw' (execute() throws on a timeout, as documented): http_timeout, not an exception", async () => {
    await healthy3lo({ restTimeout: 'throw' })
    world.setProperty('x_jira_connect.http_timeout_ms', 1000)
    world.emu.setFault('accessible-resources', 'hang')
    validateConnection()
    expectFinding('atlassian.accessible_resources', 'http_timeout')
})

test('the per-call timeout is enforced on every RESTMessageV2 call (setHttpTimeout = x_jira_connect.http_timeout_ms)', async () => {
    await healthy3lo()
    world.setProperty('x_jira_connect.http_timeout_ms', 1000)
    world.emu.setFault('accessible-resources', 'hang')
    const t0 = Date.now()
    validateConnection()
    // The product can enforce this one: the call gave up after 1 s, not the 10 s default or the platform's 60 s.
    expect(Date.now() - t0).toBeLessThan(5000)
    expectFinding('atlassian.accessible_resources', 'http_timeout')
    const rest = world.sim.outbound.filter((o) => o.via === 'RESTMessageV2')
    expect(rest.length).toBeGreaterThan(0)
    expect(rest.map((o) => o.timeoutMs)).toEqual(rest.map(() => 1000))
})

/** Each breakage of the token URL during a refresh: the code oauth-tokens.ts must give it, and what it names. */
const REFRESH_TRANSPORT: Array<[keyof typeof BREAK, string, string]> = [
    ['timeout', 'refresh_timeout', 'timeout'],
    ['reset', 'refresh_unreachable', 'connection reset'],
    ['refused', 'refresh_unreachable', 'connection refused'],
    ['unknown host', 'refresh_unreachable', 'unknown host'],
    ['TLS failure', 'refresh_unreachable', 'tls'],
]

/** GlideOAuthClient gives no answer as RESTMessageV2 does, or throws the Java error. */
const OAUTH_NO_ANSWER: Array<[string, Partial<PlatformOptions>]> = [
    ...NO_ANSWER,
    ['a thrown Java error', { oauthNoAnswer: 'throw' }],
]

/** The token URL times out fast: GlideOAuthClient has no per-call timeout (A6), the platform's own OAuth one applies. */
function shortOAuthTimeout(): void {
    world.sim.admin.insertRecord('sys_properties', { name: 'glide.oauth.http.timeout', value: '500' })
}

describe.each(OAUTH_NO_ANSWER)('refresh through GlideOAuthClient, no answer as %s', (_name, platform) => {
    test.each(REFRESH_TRANSPORT)(
        'token URL %s with an expired access token: token.access %s naming "%s"; tokens kept',
        async (how, code, named) => {
            await healthy3lo(platform)
            shortOAuthTimeout()
            world.advance(2 * HOUR)
            const before = world.sim.storedTokens(world.ids.credential, world.ids.profile)
            BREAK[how](world, 'token', 'auth.atlassian.com')
            validateConnection()
            const c = expectFinding('token.access', code)
            expect(c.found).toContain(`the refresh call to the token URL failed: ${named} (`)
            expect(world.sim.storedTokens(world.ids.credential, world.ids.profile)).toEqual(before)
        }
    )
})

/**
 * "Validate all" through the setup API (POST setup/health, what the setup page's health view sends): the health run
 * goes through the same shipped adapters, and World.validateAll fails it on any configuration change (tokens only
 * with a call to the token URL). The stored run is the health run; the connection's health row carries the code,
 * and its verdict follows the class: a passing problem (no answer in time, a reset) is "not checked", never broken.
 */
const HEALTH = 'x_jira_connect_connection_health'

async function validateAll(): Promise<StoredCheck[]> {
    const answer = await world.validateAll()
    expect(answer.status).toBe(200)
    const runs = world.sim.query('x_jira_connect_validation_run')
    const run = runs[runs.length - 1]
    expect({ trigger: run.trigger, sysId: run.sys_id }).toEqual({
        trigger: 'on_demand',
        sysId: (answer.json!.result as { runSysId: string }).runSysId,
    })
    return JSON.parse(run.checks_json) as StoredCheck[]
}

/** The health run's finding for the connection, and what its health row says. */
function expectHealthFinding(id: string, code: string, verdict: 'broken' | 'not_checked'): StoredCheck {
    const c = expectFinding(id, code)
    const row = world.sim.one(HEALTH, { subject_sys_id: world.ids.connection })
    expect({ verdict: row.verdict, finding: row.last_finding_code }).toEqual({ verdict, finding: `${id}/${code}` })
    return c
}

const PASSING = ['http_timeout', 'connection_reset', 'refresh_timeout', 'refresh_unreachable']
const verdictOf = (code: string) => (PASSING.includes(code) ? 'not_checked' : 'broken')

describe.each(NO_ANSWER)(
    'Validate all (setup API), RESTMessageV2 gives no answer as %s with the Java text',
    (_n, platform) => {
        test.each(TRANSPORT)(
            'api.atlassian.com %s: the health run stores atlassian.accessible_resources %s, the Java text shown',
            async (how, code, text) => {
                await healthy3lo(platform)
                world.setProperty('x_jira_connect.http_timeout_ms', 1000)
                BREAK[how](world, 'accessible-resources', 'api.atlassian.com')
                await validateAll()
                const c = expectHealthFinding('atlassian.accessible_resources', code, verdictOf(code))
                expect(text.test(platformMessageOf(c))).toBe(true)
            }
        )
    }
)

describe.each(OAUTH_NO_ANSWER)(
    'Validate all (setup API), refresh through GlideOAuthClient, no answer as %s',
    (_n, platform) => {
        test.each(REFRESH_TRANSPORT.filter(([how]) => how === 'timeout' || how === 'refused'))(
            'token URL %s with an expired access token: the health run stores token.access %s naming "%s"; tokens kept',
            async (how, code, named) => {
                await healthy3lo(platform)
                shortOAuthTimeout()
                world.advance(2 * HOUR)
                const before = world.sim.storedTokens(world.ids.credential, world.ids.profile)
                BREAK[how](world, 'token', 'auth.atlassian.com')
                await validateAll()
                const c = expectHealthFinding('token.access', code, verdictOf(code))
                expect(c.found).toContain(`the refresh call to the token URL failed: ${named} (`)
                expect(world.sim.storedTokens(world.ids.credential, world.ids.profile)).toEqual(before)
            }
        )
    }
)

describe('Validate all (setup API): what the platform stores after a refresh Atlassian answered (A5)', () => {
    test('the rotated refresh token is not stored: rotated_refresh_token_not_stored, broken, not healthy', async () => {
        await healthy3lo({ rotatedRefreshToken: 'not-stored' })
        world.advance(2 * HOUR)
        await validateAll()
        expectHealthFinding('token.access', 'rotated_refresh_token_not_stored', 'broken')
    })

    test('the new access token is not stored: access_token_not_stored, broken, and Atlassian is not called with the old one', async () => {
        await healthy3lo({ refreshedAccessToken: 'not-stored' })
        world.advance(2 * HOUR)
        world.emu.clearRequests()
        await validateAll()
        expectHealthFinding('token.access', 'access_token_not_stored', 'broken')
        expect(world.emu.requestsTo('accessible-resources')).toHaveLength(0)
    })
})

describe('what the platform stores after a refresh Atlassian answered (A5)', () => {
    test('the rotated refresh token is not stored: rotated_refresh_token_not_stored, not a pass', async () => {
        await healthy3lo({ rotatedRefreshToken: 'not-stored' })
        world.advance(2 * HOUR)
        validateConnection()
        expectFinding('token.access', 'rotated_refresh_token_not_stored')
    })

    test('the new access token is not stored: access_token_not_stored, and Atlassian is not called with the old one', async () => {
        await healthy3lo({ refreshedAccessToken: 'not-stored' })
        world.advance(2 * HOUR)
        world.emu.clearRequests()
        validateConnection()
        expectFinding('token.access', 'access_token_not_stored')
        expect(world.emu.requestsTo('accessible-resources')).toHaveLength(0)
    })

    test('both stored (the documented behaviour): token.access passes with code refreshed', async () => {
        await healthy3lo()
        world.advance(2 * HOUR)
        validateConnection()
        expect(checkOf('token.access')).toMatchObject({ status: 'pass', code: 'refreshed' })
    })
})

describe('what Atlassian answers to the refresh, read through GlideOAuthClientResponse', () => {
    const expired = async () => {
        await healthy3lo()
        world.advance(2 * HOUR)
    }

    test('grant revoked: 403 invalid_grant or unauthorized_client -> consent_expired', async () => {
        await expired()
        world.emu.revokeGrant(world.accountId, world.clientId)
        validateConnection()
        expectFinding('token.access', 'consent_expired')
    })

    test("the registry's client secret is wrong: 401 -> client_rejected", async () => {
        await expired()
        world.sim.admin.setField('oauth_entity', world.ids.registry, 'client_secret', 'not-the-secret')
        validateConnection()
        expectFinding('token.access', 'client_rejected')
    })

    test('200 with a body cut in half -> refresh_answer_unreadable', async () => {
        await expired()
        world.emu.setFault('token', 'truncated-json', { count: 1 })
        validateConnection()
        expectFinding('token.access', 'refresh_answer_unreadable')
    })

    test('400 invalid_request -> refresh_failed', async () => {
        await expired()
        world.emu.setFault('token', {
            status: 400,
            body: '{"error":"invalid_request","error_description":"bad"}',
            headers: { 'content-type': 'application/json' },
        })
        validateConnection()
        expectFinding('token.access', 'refresh_failed')
    })
})

describe('tokens the platform will not let this user read (KB0859525)', () => {
    test.each(['empty', 'throw'] as const)(
        'getToken %s for x_jira_connect.admin without admin: token_access_denied, no call to Atlassian',
        async (mode) => {
            await healthy3lo({ tokenReadWithoutAdmin: mode })
            world.sim.session.user = {
                ...world.sim.session.user,
                userName: 'jira.owner',
                roles: ['x_jira_connect.admin'],
            }
            world.emu.clearRequests()
            validateConnection()
            const c = expectFinding('token.access', 'token_access_denied')
            expect(c.found).toContain('jira.owner')
            expect(world.emu.requests).toHaveLength(0)
        }
    )

    test('an admin with nothing stored (consent denied): no_token, not token_access_denied', async () => {
        world = await World.start({ source: e2eSource() })
        world.configureOAuth()
        await world.getOAuthToken('deny')
        validateConnection()
        expectFinding('token.access', 'no_token')
    })
})

describe('service account: the client-credentials request through GlideOAuthClient', () => {
    const expiredServiceAccount = async (platform: Partial<PlatformOptions> = {}) => {
        world = await World.start({ source: e2eSource(), platform })
        world.configureServiceAccount()
        expect(world.getServiceAccountToken().outcome).toBe('token stored')
        world.advance(HOUR + 1000)
    }
    const validateSa = () => {
        const r = world.validate('http_connection', world.ids.saConnection)
        expect(r.exception).toBeNull()
        return r
    }

    test('expired token, new one requested and stored: token.access passes with code requested', async () => {
        await expiredServiceAccount()
        validateSa()
        expect(checkOf('token.access')).toMatchObject({ status: 'pass', code: 'requested' })
    })

    test('wrong client secret: service_account_rejected', async () => {
        await expiredServiceAccount()
        world.sim.admin.setField('oauth_entity', world.ids.saRegistry, 'client_secret', 'not-the-secret')
        validateSa()
        expectFinding('token.access', 'service_account_rejected')
    })

    test('429 from the token URL: token_rate_limited', async () => {
        await expiredServiceAccount()
        world.emu.setFault('token', { rateLimit: 30 })
        validateSa()
        expectFinding('token.access', 'token_rate_limited')
    })

    test.each(NO_ANSWER)(
        'token URL refused, no answer as %s: token_request_failed naming the refusal',
        async (_n, platform) => {
            await expiredServiceAccount(platform)
            world.network.route('auth.atlassian.com', 'refused')
            validateSa()
            const c = expectFinding('token.access', 'token_request_failed')
            expect(c.found).toContain('client-credentials token request failed (connection refused: ')
        }
    )
})

/** The shipped OAuth connection made inactive and an API-token connection (basic credential) on the alias instead. */
function apiTokenConnection(userName: string): string {
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const credential = world.sim.admin.insertRecord('basic_auth_credentials', {
        name: 'Jira API token',
        user_name: userName,
        password: world.apiToken,
        active: true,
    })
    return world.sim.admin.insertRecord('http_connection', {
        name: 'Jira Cloud (API token)',
        connection_alias: world.ids.alias,
        credential: credential.sys_id,
        connection_url: `https://${world.siteHost}`,
        active: true,
    }).sys_id
}

describe('a credential the HTTP adapter cannot apply (rest-http.ts applyAuth)', () => {
    test('the platform refuses the API-token read (credential privilege denied, tracking enforcing): auth_unavailable, not an internal error', async () => {
        world = await World.start({ source: e2eSource() })
        const connection = apiTokenConnection(world.email)
        const app = world.sim.one('sys_app', { scope: 'x_jira_connect' })
        world.sim.admin.setField('sys_app', app.sys_id, 'runtime_access_tracking', 'enforcing')
        const privilege = world.sim.one('sys_scope_privilege', {
            target_name: 'ScriptableStandardCredentialsProvider.getCredentialByID',
        })
        world.sim.admin.setField('sys_scope_privilege', privilege.sys_id, 'status', 'denied')
        const r = world.validate('http_connection', connection)
        expect(r.exception).toBeNull()
        const c = expectFinding('jira.myself', 'auth_unavailable')
        expect(c.found).toContain('could not attach the credential')
        expect(world.emu.requests).toHaveLength(0)
    })
})

describe('configuration as the platform stores it, read through GlideRecord (config-reader.ts)', () => {
    test('a connection URL with a trailing space: url_whitespace, and the stored URL is left exactly as it was', async () => {
        await healthy3lo()
        const url = `https://api.atlassian.com/ex/jira/${world.cloudId} `
        world.sim.admin.setField('http_connection', world.ids.connection, 'connection_url', url)
        validateConnection()
        expectFinding('config.connection.url', 'url_whitespace')
        // World.validate already fails on any write; this names the one a "helpful" trim would make.
        expect(world.sim.read('http_connection', world.ids.connection)!.connection_url).toBe(url)
    })

    test('api_version 4 set on the connection (sys_variable_value over the alias default): api_version_invalid', async () => {
        await healthy3lo()
        const definition = world.sim.one('connection_attributes', { model: world.ids.alias, element: 'api_version' })
        world.sim.admin.insertRecord('sys_variable_value', {
            document: 'http_connection',
            document_key: world.ids.connection,
            variable: definition.sys_id,
            value: '4',
        })
        validateConnection()
        expectFinding('config.attribute.api_version', 'api_version_invalid')
    })

    test('a basic credential whose user name has a trailing space: basic_user_name_whitespace, no login attempted', async () => {
        world = await World.start({ source: e2eSource() })
        const connection = apiTokenConnection(`${world.email} `)
        const r = world.validate('http_connection', connection)
        expect(r.exception).toBeNull()
        expectFinding('config.credential.basic', 'basic_user_name_whitespace')
        expect(world.emu.failedBasicAttempts(world.email)).toBe(0)
    })
})
