// The shipped ATF post-install check (src/fluent/atf/post-install-check.now.ts) as the build emits it:
// sys_atf_test + sys_atf_step (+ sys_variable_value inputs) XML in this jest run's build snapshot.
// Record Query conditions are checked against the records the same build ships, and both server-side scripts are
// executed here in a VM with a small Jasmine stand-in and fakes of GlideRecord / require(), so a wrong query, a stale
// scope list or an assertion that cannot fail shows up before the test ever reaches an instance.
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as vm from 'node:vm'
import { parseRecordUpdate } from '../support/app-records'
import { distAppDir } from '../../harness/support/artifacts'
import { ATLASSIAN } from '../../src/server/core/atlassian'
import { REQUIRED_JIRA_SCOPES } from '../../src/server/core/jira-scopes'

const root = path.resolve(__dirname, '../..')
const nowConfig = JSON.parse(fs.readFileSync(path.join(root, 'now.config.json'), 'utf8')) as {
    scope: string
    scopeId: string
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string }

/**
 * Module require() was undefined in server scripts before Xanadu Patch 2 and Washington DC Patch 9 (ServiceNow's own
 * sys_module sample, github ServiceNow/sdk-examples sys_module-sample/src/fluent/script-include-x-require.now.ts).
 */
const MINIMUM_RELEASE = 'Washington DC Patch 9, Xanadu Patch 2 or later'

const RECORD_QUERY_CONFIG = '2d82e3c7531400109e02ddeeff7b12a7' // step config "Record Query"
const SERVER_SCRIPT_CONFIG = '41de4a935332120028bc29cac2dc349a' // step config "Run Server Side Script"
const VAR = {
    recordQueryTable: '78b8d86b531000109e02ddeeff7b12f3',
    recordQueryConditions: '915990ab531000109e02ddeeff7b12f8',
    recordQueryAssert: 'b86c0427531000109e02ddeeff7b1227',
    jasmineVersion: '42f2564b73031300440211d8faf6a777',
    script: '989d9e235324220002c6435723dc3484',
}

// ---- the shipped records, read with the harnesses' XML reader (tests/support/app-records.ts) ----
type Fields = Record<string, string>
type Shipped = { table: string; fields: Fields; children: Array<{ table: string; fields: Fields }> }
const STEP_INPUT_TABLES = ['sys_variable_value', 'sys_element_mapping']
function readShipped(): Shipped[] {
    const dir = path.join(distAppDir(), 'update')
    return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.xml'))
        .map((f) => {
            const xml = fs.readFileSync(path.join(dir, f), 'utf8')
            const [main, ...rest] = parseRecordUpdate(xml, 'update', `update/${f}`).records
            const children = rest
                .filter((r) => STEP_INPUT_TABLES.includes(r.table))
                .map((r) => ({ table: r.table, fields: r.fields }))
            return { table: main?.table ?? '', fields: main?.fields ?? {}, children }
        })
}

const shipped = readShipped()
const byId = new Map(shipped.map((r) => [r.fields.sys_id, r]))
const tests = shipped.filter(
    (r) => r.table === 'sys_atf_test' && r.fields.name === 'Jira Cloud Connect: post-install check'
)
const steps = shipped
    .filter((r) => r.table === 'sys_atf_step' && r.fields.test === tests[0]?.fields.sys_id)
    .sort((a, b) => Number(a.fields.order) - Number(b.fields.order))
const input = (step: Shipped, variable: string) =>
    step.children.find((c) => c.table === 'sys_variable_value' && c.fields.variable === variable)?.fields.value

/** Value of `field` (dot-walked through references to other shipped records) on a shipped record. */
function valueOf(record: Shipped, dotted: string, ids: Map<string, Shipped> = byId): string | undefined {
    const [head, ...rest] = dotted.split('.')
    const v = record.fields[head]
    if (rest.length === 0) return v
    const target = v ? ids.get(v) : undefined
    return target ? valueOf(target, rest.join('.'), ids) : undefined
}
function shippedMatching(table: string, encodedQuery: string): Shipped[] {
    const conditions = encodedQuery
        .replace(/\^EQ$/, '')
        .split('^')
        .map((c) => {
            const i = c.indexOf('=')
            return [c.slice(0, i), c.slice(i + 1)] as const
        })
    return shipped.filter((r) => r.table === table && conditions.every(([f, v]) => valueOf(r, f) === v))
}

// ---- a small Jasmine 3.1 stand-in, enough for the two scripts ----
type Spec = { name: string; fn: () => void }
function runJasmineScript(
    script: string,
    globals: Record<string, unknown>
): { passed: string[]; failed: Array<{ spec: string; error: string }>; executed: boolean } {
    const specs: Spec[] = []
    const beforeAlls: Array<() => void> = []
    let prefix = ''
    let executed = false
    const matchers = (actual: unknown, negate: boolean) => {
        const check = (ok: boolean, what: string) => {
            if (ok === negate) throw new Error(`expected ${JSON.stringify(actual)} ${negate ? 'not ' : ''}${what}`)
        }
        return {
            toBe: (e: unknown) => check(Object.is(actual, e), `to be ${JSON.stringify(e)}`),
            toEqual: (e: unknown) =>
                check(JSON.stringify(actual) === JSON.stringify(e), `to equal ${JSON.stringify(e)}`),
            toBeDefined: () => check(actual !== undefined, 'to be defined'),
            toBeGreaterThan: (n: number) => check((actual as number) > n, `to be greater than ${n}`),
        }
    }
    const sandbox = vm.createContext({
        ...globals,
        outputs: {},
        steps: () => ({}),
        params: {},
        stepResult: { setOutputMessage: (m: string) => (globals.__message = m) },
        assertEqual: () => undefined,
        describe: (name: string, body: () => void) => {
            const saved = prefix
            prefix = `${prefix}${name} `
            body()
            prefix = saved
        },
        it: (name: string, fn: () => void) => specs.push({ name: `${prefix}${name}`, fn }),
        beforeAll: (fn: () => void) => beforeAlls.push(fn),
        expect: (actual: unknown) => ({ ...matchers(actual, false), not: matchers(actual, true) }),
        jasmine: { getEnv: () => ({ execute: () => (executed = true) }) },
    })
    new vm.Script(script, { filename: 'atf-step.js' }).runInContext(sandbox)
    beforeAlls.forEach((fn) => fn())
    const passed: string[] = []
    const failed: Array<{ spec: string; error: string }> = []
    for (const s of specs) {
        try {
            s.fn()
            passed.push(s.name)
        } catch (e) {
            failed.push({ spec: s.name, error: (e as Error).message })
        }
    }
    return { passed, failed, executed }
}

describe('ATF post-install check (sys_atf_test / sys_atf_step XML)', () => {
    test('one active test in the app scope with seven ordered steps', () => {
        expect(tests).toHaveLength(1)
        expect(tests[0].fields).toMatchObject({
            active: 'true',
            fail_on_server_error: 'true',
            sys_scope: nowConfig.scopeId,
        })
        expect(tests[0].fields.description).toMatch(/not configured yet/)
        expect(steps.map((s) => [s.fields.order, s.fields.step_config, s.fields.active])).toEqual([
            ['1', RECORD_QUERY_CONFIG, 'true'],
            ['2', RECORD_QUERY_CONFIG, 'true'],
            ['3', RECORD_QUERY_CONFIG, 'true'],
            ['4', RECORD_QUERY_CONFIG, 'true'],
            ['5', RECORD_QUERY_CONFIG, 'true'],
            ['6', SERVER_SCRIPT_CONFIG, 'true'],
            ['7', SERVER_SCRIPT_CONFIG, 'true'],
        ])
    })

    test('record queries target the registry, profile, alias and both attributes with the shipped values', () => {
        const queries = steps.slice(0, 5).map((s) => ({
            table: input(s, VAR.recordQueryTable),
            query: input(s, VAR.recordQueryConditions) ?? '',
            assert: input(s, VAR.recordQueryAssert),
        }))
        expect(queries.map((q) => [q.table, q.assert])).toEqual([
            ['oauth_entity', 'records_match_query'],
            ['oauth_entity_profile', 'records_match_query'],
            ['sys_alias', 'records_match_query'],
            ['connection_attributes', 'records_match_query'],
            ['connection_attributes', 'records_match_query'],
        ])
        expect(queries[0].query).toContain('name=Jira Cloud OAuth')
        expect(queries[0].query).toContain(`auth_url=${ATLASSIAN.authorizeUrl}`)
        expect(queries[0].query).toContain(`token_url=${ATLASSIAN.tokenUrl}`)
        expect(queries[1].query).toContain('oauth_entity.name=Jira Cloud OAuth')
        expect(queries[2].query).toContain(`id=${nowConfig.scope}.Jira`)
        expect(queries[3].query).toContain('element=api_version^default_value=2')
        expect(queries[4].query).toContain('element=server_type^default_value=cloud')
        // Every condition holds on exactly one record this build ships (references dot-walked), so on a fresh
        // install each step finds its record, and a drifted value fails here first.
        for (const q of queries)
            expect({ ...q, matches: shippedMatching(q.table!, q.query).length }).toEqual({ ...q, matches: 1 })
    })

    test('the scopes step lists the 14 required scopes and passes against the shipped records (fails if one is missing)', () => {
        const step = steps[5]
        expect(input(step, VAR.jasmineVersion)).toBe('3.1')
        const script = input(step, VAR.script) ?? ''
        expect(script.trimEnd().endsWith('jasmine.getEnv().execute();')).toBe(true)
        const listed = JSON.parse(
            (/var EXPECTED_SCOPES = (\[[^\]]*\]);/.exec(script)?.[1] ?? '[]').replace(/'/g, '"')
        ) as string[]
        expect(listed).toEqual([...REQUIRED_JIRA_SCOPES])

        // Fake GlideRecord over the shipped records (addQuery with dot-walks, next/getValue/getUniqueValue, reference fields).
        const fakeGlide = (records: Shipped[]) =>
            function GlideRecord(this: Record<string, unknown>, table: string) {
                const ids = new Map(records.map((r) => [r.fields.sys_id, r]))
                const conditions: Array<[string, string]> = []
                let rows: Shipped[] = []
                let current: Shipped | undefined
                const ref = (rec: Shipped, field: string): unknown => {
                    const target = ids.get(rec.fields[field])
                    if (!target) return rec.fields[field]
                    const primitive = () => rec.fields[field]
                    return new Proxy(
                        {},
                        {
                            get: (_, k: string | symbol) =>
                                typeof k === 'symbol' || k === 'toString' || k === 'valueOf'
                                    ? primitive
                                    : ref(target, k),
                        }
                    )
                }
                return new Proxy(
                    {
                        addQuery: (f: string, v: string) => conditions.push([f, v]),
                        query: () =>
                            (rows = records.filter(
                                (r) => r.table === table && conditions.every(([f, v]) => valueOf(r, f, ids) === v)
                            )),
                        next: () => ((current = rows.shift()), current !== undefined),
                        getValue: (f: string) => current?.fields[f],
                        getUniqueValue: () => current?.fields.sys_id,
                    },
                    {
                        get: (t: Record<string, unknown>, k: string) =>
                            k in t ? t[k] : current ? ref(current, k) : undefined,
                    }
                )
            }
        const ok = runJasmineScript(script, { GlideRecord: fakeGlide(shipped) })
        expect(ok.executed).toBe(true)
        expect(ok.failed).toEqual([])
        expect(ok.passed).toHaveLength(2)

        const missing = shipped.filter(
            (r) => !(r.table === 'oauth_entity_scope' && r.fields.name === REQUIRED_JIRA_SCOPES[3])
        )
        const broken = runJasmineScript(script, { GlideRecord: fakeGlide(missing) })
        expect(broken.failed.map((f) => f.spec)).toEqual([
            'Jira Cloud Connect OAuth scopes the registry has exactly the 14 Jira scopes (name = OAuth scope)',
            'Jira Cloud Connect OAuth scopes the default "Jira OAuth Profile" carries the same 14 scopes',
        ])
    })

    test('the suite the pipeline runs by name contains exactly this test', () => {
        const suites = shipped.filter(
            (r) => r.table === 'sys_atf_test_suite' && r.fields.name === 'Jira Cloud Connect: post-install'
        )
        expect(suites).toHaveLength(1)
        expect(suites[0].fields.active).toBe('true')
        const members = shipped.filter(
            (r) => r.table === 'sys_atf_test_suite_test' && r.fields.test_suite === suites[0].fields.sys_id
        )
        expect(members.map((m) => m.fields.test)).toEqual([tests[0].fields.sys_id])
        // scripts/run-atf.mjs runs it under this name by default.
        expect(fs.readFileSync(path.join(root, 'scripts/run-atf.mjs'), 'utf8')).toContain(
            `const DEFAULT_SUITE = '${suites[0].fields.name}'`
        )
    })

    describe('the validator step', () => {
        const step = () => steps[6]
        const script = () => input(step(), VAR.script) ?? ''
        const modulePath = `${nowConfig.scope}/${pkg.name}/${pkg.version}/src/server/glide/validation-service.ts`
        const run = (exportsOrError: unknown) =>
            runJasmineScript(script(), {
                require: (p: string) => {
                    if (p !== modulePath) throw new Error(`Module not found: ${p}`)
                    if (exportsOrError instanceof Error) throw exportsOrError
                    return exportsOrError
                },
            })
        const check = (id: string, status: string, fix: string) => ({
            id,
            status,
            title: `${id} title`,
            found: 'x',
            expected: 'y',
            fix,
        })
        const service = (report: () => unknown) => ({ validateDefaultAlias: report, validateRecord: () => undefined })
        const freshReport = {
            verdict: 'fail',
            checks: [
                check('alias.present', 'pass', ''),
                check('oauth.client_id', 'fail', 'Paste the Client ID of your Atlassian OAuth 2.0 (3LO) app.'),
                check('connection.cloud_id', 'fail', 'Replace <cloud-id> in the connection URL.'),
                check('token.access', 'skip', ''),
            ],
        }

        test('requires the validator module by its sys_module path (scope/package/version) and is a Jasmine 3.1 step', () => {
            expect(input(step(), VAR.jasmineVersion)).toBe('3.1')
            expect(script()).toContain(`var MODULE = '${modulePath}';`)
            expect(script()).toContain('validateDefaultAlias()')
            // When the Glide entry point is in the tree, the build ships it as a sys_module at exactly that path.
            if (fs.existsSync(path.join(root, 'src/server/glide/validation-service.ts'))) {
                expect(shipped.filter((r) => r.table === 'sys_module' && r.fields.path === modulePath)).toHaveLength(1)
            }
        })

        test('passes for the fresh-install report: verdict fail, every failing check carries a fix', () => {
            const r = run(service(() => freshReport))
            expect(r).toMatchObject({ executed: true, failed: [] })
            expect(r.passed).toHaveLength(3)
        })

        test('on a release whose server scripts have no require() (before Xanadu Patch 2 / Washington DC Patch 9) it fails with the minimum release, not a bare ReferenceError', () => {
            const noRequire = runJasmineScript(script(), {})
            const errors = noRequire.failed.map((f) => f.error).join('\n')
            expect(noRequire.failed.length).toBeGreaterThan(0)
            expect(errors).toContain(MINIMUM_RELEASE)
            expect(errors).not.toMatch(/ReferenceError|require is not defined/)
            // The app states the same floor where an admin looks before installing.
            expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(MINIMUM_RELEASE)
            expect(JSON.parse(fs.readFileSync(path.join(root, 'now.config.json'), 'utf8')).description).toContain(
                MINIMUM_RELEASE
            )
            const scopeDir = path.join(distAppDir(), 'scope')
            const sysApp = fs
                .readdirSync(scopeDir)
                .filter((f) => f.startsWith('sys_app_'))
                .map((f) => fs.readFileSync(path.join(scopeDir, f), 'utf8'))
            expect(sysApp).toHaveLength(1)
            const scopeRecord = parseRecordUpdate(sysApp[0], 'scope', 'scope/sys_app.xml').records[0]
            expect(scopeRecord?.fields.short_description ?? '').toContain(MINIMUM_RELEASE)
        })

        test('fails when the report is not "not configured yet", a failing check has no fix, or the module throws', () => {
            expect(run(service(() => ({ ...freshReport, verdict: 'pass' }))).failed.length).toBeGreaterThan(0)
            const noFix = {
                ...freshReport,
                checks: [...freshReport.checks, check('oauth.client_secret', 'fail', '  ')],
            }
            expect(
                run(service(() => noFix))
                    .failed.map((f) => f.error)
                    .join('\n')
            ).toContain('oauth.client_secret')
            expect(
                run(
                    service(() => {
                        throw new Error('GlideRecord exploded')
                    })
                )
                    .failed.map((f) => f.error)
                    .join('\n')
            ).toContain('GlideRecord exploded')
            expect(run(new Error('Module not found')).failed.length).toBe(3)
            expect(
                run(service(() => ({ verdict: 'fail', checks: [check('a', 'bogus', 'fix')] }))).failed.length
            ).toBeGreaterThan(0)
        })
    })
})
