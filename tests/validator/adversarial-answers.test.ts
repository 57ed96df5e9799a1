/**
 * Property test: nothing an HTTP peer sends may make the validator core throw. Random and adversarial statuses
 * (including the platform's 0 and -1), headers and bodies (BOM-prefixed JSON, HTML, truncated JSON, huge numbers,
 * odd Unicode) are fed to every check that calls out (accessible-resources, /myself, /serverInfo, for OAuth and basic
 * auth) and to the platform's token refresh; every run must end in a report whose checks and codes are in the
 * catalogue. In-memory ports: the property is about the core's parsing, not the wire.
 */
import fc from 'fast-check'
import { CHECK_IDS, codesOf, type CheckId } from '../../src/server/core/catalogue'
import type { HttpPort, HttpResult, RefreshResult } from '../../src/server/core/ports'
import { validate } from '../../src/server/core/validator'
import { InMemoryConfig, InMemoryTokenStore } from '../../harness/node-platform/in-memory-platform'
import { healthyState, IDS, SITE, USER } from './world'

const HEADER_NAMES = [
    'content-type',
    'Content-Type',
    'retry-after',
    'Retry-After',
    'RateLimit-Reason',
    'x-seraph-loginreason',
    'X-Authentication-Denied-Reason',
    'x-anything',
]

const jsonText = fc.jsonValue().map((v) => JSON.stringify(v))
const site = fc.record(
    {
        id: fc.oneof(fc.constant(SITE.cloudId), fc.string()),
        name: fc.string(),
        url: fc.string(),
        scopes: fc.oneof(fc.array(fc.string()), fc.constant(undefined), fc.string()),
    },
    { requiredKeys: ['id'] }
)
const body = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    jsonText,
    jsonText.map((j) => `\uFEFF${j}`),
    fc.array(site).map((s) => JSON.stringify(s)),
    fc.array(site).map((s) => `\uFEFF${JSON.stringify(s)}`),
    fc.constantFrom(
        `{"accountId":"${USER.accountId}","displayName":"x"}`,
        '\uFEFF{"accountId":"a","emailAddress":null}',
        '{"deploymentType":"Cloud","baseUrl":null,"version":7}',
        '{"deploymentType":"Cloud","baseUrl":{"x":1}}',
        '<html><title>Log in</title>',
        '{"errorMessages":[1,null,"x"],"message":{"a":1}}',
        '{"error":null,"error_description":7}',
        '[null,1,"x",{"id":7}]',
        '1e999999',
        '\uFEFF',
        '\u0000\u0000'
    )
)
const headers = fc.dictionary(
    fc.constantFrom(...HEADER_NAMES),
    fc.oneof(
        fc.string(),
        fc.constantFrom(
            'text/html',
            'application/json',
            '0',
            '1',
            '2',
            '-1',
            'NaN',
            '1e309',
            'Wed, 21 Oct 2015 07:28:00 GMT',
            'AUTHENTICATED_FAILED',
            'CAPTCHA_CHALLENGE',
            'Bearer abc.def.ghi'
        )
    )
)
const status = fc.oneof(fc.integer({ min: -1, max: 999 }), fc.constantFrom(0, -1, 200, 401, 403, 404, 429, 503))
const answer: fc.Arbitrary<HttpResult> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ ok: fc.constant(true as const), status, headers, body }) },
    fc.record({
        ok: fc.constant(false as const),
        failure: fc.constantFrom(
            'timeout',
            'connection_refused',
            'unknown_host',
            'tls',
            'connection_reset',
            'auth_unavailable',
            'other'
        ),
        detail: fc.string(),
    }) as fc.Arbitrary<HttpResult>
)
const refresh: fc.Arbitrary<RefreshResult> = fc.oneof(
    fc.record({
        ok: fc.constant(true as const),
        state: fc.record({
            hasAccessToken: fc.boolean(),
            accessExpiresInSec: fc.oneof(fc.integer(), fc.constant(null)),
            hasRefreshToken: fc.boolean(),
            refreshExpiresInSec: fc.oneof(fc.integer(), fc.constant(null)),
        }),
    }),
    fc.record({
        ok: fc.constant(false as const),
        httpStatus: fc.oneof(status, fc.constant(null)),
        error: fc.oneof(fc.string(), fc.constantFrom('invalid_grant', 'invalid_client'), fc.constant(null)),
        errorDescription: fc.oneof(fc.string(), fc.constant(null)),
        transport: fc.constantFrom(null, 'timeout', 'tls', 'other'),
        detail: fc.string(),
    }) as fc.Arbitrary<RefreshResult>
)

function run(answers: HttpResult[], basic: boolean, refreshWith: RefreshResult | null) {
    const state = healthyState()
    if (basic) {
        for (const c of state.connections) c.active = c.sysId === IDS.basicConnection
    }
    const now = Date.now()
    const tokens = new InMemoryTokenStore(state, null as never, () => now)
    tokens.put(IDS.oauthCredential, IDS.profile, {
        accessToken: 'a',
        accessExpiresAtMs: refreshWith ? now - 1000 : now + 3600e3,
        refreshToken: 'r',
        refreshExpiresAtMs: now + 80 * 86400e3,
    })
    if (refreshWith) tokens.refresh = () => refreshWith
    let i = 0
    const http: HttpPort = { send: () => answers[i++ % answers.length] }
    let clock = now
    const report = validate(
        { table: 'sys_alias', sysId: IDS.alias },
        { config: new InMemoryConfig(state), tokens, http, clock: { nowMs: () => clock, sleep: (ms) => (clock += ms) } }
    )
    for (const c of report.checks) {
        expect(CHECK_IDS).toContain(c.id)
        if (c.code === 'ok' || c.code === 'skipped') continue
        expect(codesOf(c.id as CheckId).map((x) => x.code)).toContain(c.code)
    }
    return report
}

test('a 2xx JSON body that starts with a UTF-8 byte-order mark is read, not thrown on', () => {
    const bom = (json: string): HttpResult => ({
        ok: true,
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: `\uFEFF${json}`,
    })
    const sites = JSON.stringify([
        {
            id: SITE.cloudId,
            name: SITE.name,
            url: `https://${SITE.host}`,
            scopes: [
                'read:jira-user',
                'read:jira-work',
                'write:jira-work',
                'manage:jira-project',
                'manage:jira-configuration',
                'manage:jira-webhook',
                'delete:sprint:jira-software',
                'read:issue-details:jira',
                'read:jql:jira',
                'read:sprint:jira-software',
                'write:sprint:jira-software',
                'read:board-scope:jira-software',
                'read:project:jira',
            ],
        },
    ])
    const answers = [
        bom(sites),
        bom(`{"accountId":"${USER.accountId}","displayName":"${USER.displayName}","emailAddress":"${USER.email}"}`),
        bom(`{"deploymentType":"Cloud","baseUrl":"https://${SITE.host}"}`),
        bom('{"total":1,"values":[{"id":"10000","key":"SUP","name":"Support"}]}'),
        bom(
            `{"globalPermissions":[],"projectPermissions":[${['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES']
                .concat(['TRANSITION_ISSUES', 'ASSIGN_ISSUES', 'ADD_COMMENTS', 'CREATE_ATTACHMENTS', 'LINK_ISSUES'])
                .map((p) => `{"permission":"${p}","projects":[10000],"issues":[]}`)
                .join(',')}]}`
        ),
        bom('{"isLast":true,"startAt":0,"total":0,"values":[]}'),
        bom('{"values":[],"maxResults":100}'),
        bom('[]'),
    ]
    const report = run(answers, false, null)
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([])
    expect(report.verdict).toBe('pass')
})

test('no status, header or body makes the core throw (OAuth, basic auth, token refresh)', () => {
    fc.assert(
        fc.property(fc.array(answer, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.option(refresh), (a, b, r) => {
            const report = run(a, b, r)
            expect(['pass', 'warn', 'fail']).toContain(report.verdict)
        }),
        { numRuns: 400 }
    )
})
