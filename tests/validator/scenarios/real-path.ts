/**
 * The path the spoke really takes: MID routing of the connection (path.mid), the Jira spoke's version
 * (instance.jira_spoke) and the configuration template Workflow Studio uses (instance.alias_template). One scenario per
 * finding, over real loopback HTTP to the Atlassian emulator; the instance side is the in-memory RealPathPort.
 */
import { IP_ALLOWLISTED_TARGETS, ipAllowlistRejection } from '../../../harness/atlassian-emulator/ip-allowlist'
import { CHECK_IDS } from '../../../src/server/core/catalogue'
import { formMessages, reportText } from '../../../src/server/core/format'
import type { MidServer, RealPathPort } from '../../../src/server/core/real-path'
import type { RealPathState } from '../../../harness/node-platform/in-memory-real-path'
import type { ScriptSource } from '../../../src/server/core/deprecated-calls'
import { check, expectFail, IDS, startWorld, type World } from '../world'

const REST_MID: MidServer = { name: 'mid-dc1', status: 'Up', validated: true, capabilities: ['REST'], clusters: ['dc'] }

function healthyRealPath(): RealPathState {
    return {
        mid: {},
        mids: [],
        tokenViaMid: [],
        apps: {},
        scripts: [],
        templates: {
            'x_jira_connect.Jira': {
                aliasId: 'x_jira_connect.Jira',
                aliasName: 'Jira',
                template: {
                    name: 'Jira Cloud: service account (OAuth 2.0 client credentials)',
                    scope: 'x_jira_connect',
                    testAction: 'Validate Jira connection',
                },
            },
        },
    }
}

function useMid(w: World, selection: string, extra: { midServer?: string; midCluster?: string; caps?: string[] } = {}) {
    w.realPath!.mid[IDS.oauthConnection] = {
        useMid: true,
        selection,
        midServer: extra.midServer ?? '',
        midCluster: extra.midCluster ?? '',
        capabilities: extra.caps ?? [],
    }
}

function expectWarn(w: World, id: string, code: string, fix: RegExp) {
    const report = w.run()
    expect(report.verdict).toBe('warn')
    const c = check(report, id)
    expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code })
    expect(c.fix).toMatch(fix)
    expect(report.checks.filter((x) => x.status === 'fail')).toEqual([])
    return { report, c }
}

describe('the path the spoke really takes', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
        w.getOAuthToken()
        w.realPath = healthyRealPath()
    })
    afterEach(() => w.close())

    test('healthy, direct, no spoke, this app template: passes, says the path it tested, makes no extra call', () => {
        const realPath = w.realPath
        w.realPath = null
        const without = w.run().calls
        w.realPath = realPath
        const report = w.run()
        expect(report.verdict).toBe('pass')
        expect(check(report, 'path.mid').found).toMatch(/Direct: the instance calls https:\/\/api\.atlassian\.com/)
        expect(check(report, 'instance.jira_spoke').code).toBe('spoke_not_installed')
        expect(check(report, 'instance.alias_template').found).toMatch(/Save and Test runs "Validate Jira connection"/)
        expect(report.calls).toBe(without)
    })

    test('MID Server usable (auto-select): the Jira calls go through it, from its address; the report names it', () => {
        w.realPath!.mids = [REST_MID, { ...REST_MID, name: 'mid-dc2' }]
        w.net.mids.set('mid-dc1', { address: '127.0.0.3' })
        useMid(w, 'auto_select')
        w.emu.clearRequests()
        const report = w.run()
        expect(report.verdict).toBe('pass')
        const c = check(report, 'path.mid')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'pass', code: 'through_mid' })
        expect(c.found).toMatch(/tested the spoke's path: \d+ call\(s\) to https:\/\/api\.atlassian\.com went through/)
        expect(c.found).toMatch(/may also pick "mid-dc2"/)
        const jira = w.emu.requests.filter((q) => q.host === 'api.atlassian.com')
        expect(jira.length).toBeGreaterThanOrEqual(3)
        expect([...new Set(jira.map((q) => q.remoteAddress))]).toEqual(['127.0.0.3'])
    })

    test('a usable MID that never answers: one call waits, the rest are not sent, path.mid fails with the fix', () => {
        w.realPath!.mids = [REST_MID]
        useMid(w, 'specific_mid_server', { midServer: 'mid-dc1' })
        w.emu.clearRequests()
        const report = w.run()
        const c = expectFail(report, 'path.mid', 'mid_no_answer', /mid\.server\.mid-dc1 left in state Ready/)
        expect(c.found).toMatch(/1 of 1 got no answer/)
        expect(report.calls).toBe(1)
        expect(w.emu.requests).toEqual([])
    })

    test('a usable MID, but the credential is inactive: no call went through it, the MID path is not tested', () => {
        w.realPath!.mids = [REST_MID]
        w.net.mids.set('mid-dc1', { address: '127.0.0.3' })
        useMid(w, 'specific_mid_server', { midServer: 'mid-dc1' })
        for (const c of w.state.credentials) if (c.sysId === IDS.oauthCredential) c.active = false
        const report = w.run()
        const c = check(report, 'path.mid')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'mid_path_not_tested' })
        expect(c.fix).toMatch(/Fix the failing checks above/)
    })

    test("the MID picks the calls up but its own call fails (refused): the MID's network is named", () => {
        w.realPath!.mids = [REST_MID]
        w.net.mids.set('mid-dc1', { address: '127.0.0.3' })
        useMid(w, 'specific_mid_server', { midServer: 'mid-dc1' })
        w.net.route('api.atlassian.com', 'refused')
        const c = expectFail(w.run(), 'path.mid', 'mid_call_failed', /On the MID host of "mid-dc1"/)
        expect(c.found).toMatch(/its own call to https:\/\/api\.atlassian\.com failed \(through MID|Connection refused/)
    })

    test('the site allowlists only the MID: through the MID the credential is proven; direct it is refused', () => {
        w.emu.setIpAllowlist(['127.0.0.3'])
        expectFail(w.run(), 'jira.myself', 'ip_allowlist_blocked', /MID Server/)
        w.realPath!.mids = [REST_MID]
        w.net.mids.set('mid-dc1', { address: '127.0.0.3' })
        useMid(w, 'specific_mid_server', { midServer: 'mid-dc1' })
        const report = w.run()
        expect(report.verdict).toBe('pass')
        expect(check(report, 'jira.myself').status).toBe('pass')
    })

    test('credential fetches its token through a MID: what the validator cannot prove (KB1645211)', () => {
        w.realPath!.tokenViaMid = [IDS.oauthCredential]
        const { c } = expectWarn(w, 'path.mid', 'token_via_mid_unproven', /KB1645211/)
        expect(c.found).toMatch(/Connect to Auth Server via MID Server/)
    })

    test('the specific MID Server is down', () => {
        w.realPath!.mids = [{ ...REST_MID, status: 'Down' }]
        useMid(w, 'specific_mid_server', { midServer: 'mid-dc1' })
        const c = expectFail(w.run(), 'path.mid', 'mid_down', /Start the MID Server/)
        expect(c.found).toMatch(/"mid-dc1" \(Down\)/)
        expect(c.found).toMatch(/went directly from the instance instead/)
    })

    test('the MID Server is up but not validated', () => {
        w.realPath!.mids = [{ ...REST_MID, validated: false }]
        useMid(w, 'specific_mid_server', { midServer: 'mid-dc1' })
        expectFail(w.run(), 'path.mid', 'mid_not_validated', /Validate/)
    })

    test('no MID Server in the cluster has the REST capability', () => {
        w.realPath!.mids = [{ ...REST_MID, capabilities: ['SSH', 'PowerShell'] }]
        useMid(w, 'specific_mid_cluster', { midCluster: 'dc' })
        expectFail(w.run(), 'path.mid', 'mid_no_rest_capability', /Capabilities: add REST/)
    })

    test('no MID Server matches the selection', () => {
        w.realPath!.mids = [REST_MID]
        useMid(w, 'specific_mid_server', { midServer: 'mid-retired' })
        const c = expectFail(w.run(), 'path.mid', 'mid_none_matches', /pick an existing MID Server/)
        expect(c.found).toMatch(/"mid-dc1"/)
    })

    test('Jira spoke below 5.1.1: its search actions call the removed API (410)', () => {
        w.realPath!.apps.sn_jira_spoke = { name: 'Jira Spoke', version: '5.0.0', source: 'sys_store_app' }
        const { c } = expectWarn(w, 'instance.jira_spoke', 'spoke_search_removed', /Update the Jira spoke .*6\.1\.3/)
        expect(c.found).toMatch(/410 Gone/)
    })

    test('Jira spoke 5.4.0: fixed, an update is available; 6.1.3 is current', () => {
        w.realPath!.apps.sn_jira_spoke = { name: 'Jira Spoke', version: '5.4.0', source: 'sys_store_app' }
        const older = check(w.run(), 'instance.jira_spoke')
        expect({ status: older.status, code: older.code }).toEqual({ status: 'pass', code: 'spoke_update_available' })
        expect(older.found).toMatch(/6\.0\.1 adds its own Authentication Template/)
        w.realPath!.apps.sn_jira_spoke = { name: 'Jira Spoke', version: '6.1.3', source: 'sys_scope' }
        expect(check(w.run(), 'instance.jira_spoke')).toMatchObject({ status: 'pass', code: 'ok' })
    })

    test("the alias's template is the spoke's Authentication Template for Jira Cloud", () => {
        w.realPath!.apps.sn_jira_spoke = { name: 'Jira Spoke', version: '6.1.3', source: 'sys_store_app' }
        w.realPath!.templates['x_jira_connect.Jira'].template = {
            name: 'Authentication Template for Jira Cloud',
            scope: 'sn_jira_spoke',
            testAction: '',
        }
        w.realPath!.templates['sn_jira_spoke.Jira'] = {
            aliasId: 'sn_jira_spoke.Jira',
            aliasName: 'Jira',
            template: null,
        }
        const { c } = expectWarn(w, 'instance.alias_template', 'spoke_template_on_alias', /set its Configuration/)
        expect(c.found).toMatch(/sn_jira_spoke\.Jira uses no template/)
    })

    test('the alias has no configuration template, another one, or one without a Test Action', () => {
        const t = w.realPath!.templates['x_jira_connect.Jira']
        t.template = null
        expectWarn(w, 'instance.alias_template', 'no_configuration_template', /set Configuration Template/)
        t.template = { name: 'HTTP Connection with OAuth Client Credentials', scope: 'global', testAction: '' }
        expectWarn(w, 'instance.alias_template', 'foreign_template', /set Configuration Template/)
        t.template = { name: 'Jira Cloud: OAuth 2.0 (3LO) app', scope: 'x_jira_connect', testAction: '' }
        expectWarn(w, 'instance.alias_template', 'no_test_action', /Test Action to "Validate Jira connection"/)
    })

    test('the site has an IP allowlist without this instance: ip_allowlist_blocked, not a wrong credential', () => {
        for (const t of IP_ALLOWLISTED_TARGETS) w.emu.setFault(t, ipAllowlistRejection())
        const c = expectFail(w.run(), 'jira.myself', 'ip_allowlist_blocked', /egress IP addresses.*MID Server/)
        expect(c.found).toMatch(/answered 403: "The IP address has been rejected/)
        // basic auth gets the same answer: still the allowlist, and no failed-login count at Atlassian
        w.useBasic()
        w.emu.clearRequests()
        expectFail(w.run(), 'jira.myself', 'ip_allowlist_blocked', /IP allowlists/)
    })

    const script = (name: string, text: string, table = 'sys_script_include'): ScriptSource => ({
        table,
        sysId: `${name.length.toString(16).padStart(2, '0')}${'a'.repeat(30)}`,
        name,
        field: table === 'sys_rest_message_fn' ? 'rest_endpoint' : 'script',
        text,
    })

    test('a script include still calls the removed /rest/api/2/search: each record named with its line and fix', () => {
        w.realPath!.scripts = [
            script(
                'JiraSync',
                "var r = new sn_ws.RESTMessageV2();\nr.setEndpoint(base + '/rest/api/2/search?jql=' + q)"
            ),
            script('JiraFixed', "r.setEndpoint(base + '/rest/api/3/search/jql?jql=project%3DOPS&fields=summary')"),
            script('Unrelated', "var gr = new GlideRecord('incident'); // search the knowledge base"),
        ]
        const { c } = expectWarn(w, 'instance.deprecated_calls', 'removed_jira_api', /search\/jql.*nextPageToken/)
        expect(c.found).toMatch(/^1 finding\(s\) in 3 scanned record\(s\): sys_script_include "JiraSync" .* line 2/)
        expect(c.found).not.toMatch(/JiraFixed|Unrelated/)
        expect(c.fix).toMatch(/this app changes none/)
    })

    test('startAt paging, createmeta?expand, Epic Link and unbounded JQL are deprecated usages, listed together', () => {
        w.realPath!.scripts = [
            script('Paging', "get('/rest/api/3/search/jql', { jql: 'project = OPS', startAt: 50 })"),
            script(
                'Meta',
                "r.setEndpoint('https://api.atlassian.com/ex/jira/x/rest/api/2/issue/createmeta?expand=projects.issuetypes.fields')"
            ),
            script('Epic', "fields.customfield_10014 = 'OPS-1' // jira epic"),
            script('All', "var body = { jql: '', maxResults: 100 } // /rest/api/3/search/jql"),
        ]
        const { c } = expectWarn(w, 'instance.deprecated_calls', 'deprecated_jira_usage', /parent/)
        expect(c.found).toMatch(/^4 finding/)
        expect(c.found).toMatch(/"Paging".*startAt.*"Meta".*createmeta.*"Epic".*Epic Link.*"All".*unbounded/)
    })

    test('hard-coded site URLs are reported when the alias authenticates through the gateway', () => {
        w.realPath!.scripts = [
            script('SiteCaller', "r.setEndpoint('https://acme.atlassian.net/rest/api/2/issue/OPS-1')"),
        ]
        // 3LO on the gateway URL (the world's default connection): the site URL cannot take its token either
        const { c } = expectWarn(w, 'instance.deprecated_calls', 'hard_coded_site_url', /connection alias/)
        expect(c.found).toMatch(/"SiteCaller"/)
        // a classic token on the site URL: the same script is fine
        w.useBasic()
        expect(check(w.run(), 'instance.deprecated_calls').status).toBe('pass')
    })

    test('more records than the scan reads: the first 10,000 are scanned and the run says so', () => {
        w.realPath!.scripts = Array.from({ length: 10001 }, (_, i) =>
            script(`Caller${i}`, "r.setEndpoint(base + '/rest/api/3/search/jql?jql=project%3DOPS')")
        )
        const { c } = expectWarn(w, 'instance.deprecated_calls', 'scan_incomplete', /by hand/)
        expect(c.found).toMatch(/More than 10000 records/)
    })

    test('a slow instance: the scan stops at the time budget, says how far it got, and the run stays within it', () => {
        w.state.properties['x_jira_connect.validation_budget_ms'] = '5000'
        w.realPath!.readDelayMs = 1
        w.realPath!.scripts = Array.from({ length: 9000 }, (_, i) =>
            script(`Caller${i}`, "r.setEndpoint(base + '/rest/api/2/search?jql=' + q)")
        )
        const report = w.run()
        const incomplete = report.checks.find(
            (c) => c.id === 'instance.deprecated_calls' && c.code === 'scan_incomplete'
        )!
        expect(incomplete.found).toMatch(/time budget \(5000 ms, x_jira_connect\.validation_budget_ms\) ran out/)
        const read = Number(/reading stopped after (\d+) record/.exec(incomplete.found)![1])
        expect(read).toBeGreaterThan(0)
        expect(read).toBeLessThan(9000)
        const removed = report.checks.find((c) => c.code === 'removed_jira_api')!
        expect(removed.found).toMatch(new RegExp(`in ${read} scanned record`))
        expect(report.durationMs).toBeLessThan(5000 + 500)
    })

    /**
     * A platform error on the instance side (a table this scope may not read, a GlideRecord exception): only the
     * checks of the part that threw say "Not checked", the verdict the Jira calls proved stands, the calls are the same.
     */
    describe('a platform error reading the instance side costs only the checks of the part that threw', () => {
        beforeEach(() => {
            w.realPath!.apps = { sn_jira_spoke: { name: 'Jira Spoke', version: '6.1.3', source: 'sys_store_app' } }
        })

        const line = (c: { id: string; status: string; code: string }) => `${c.id}=${c.status}:${c.code}`

        /** Runs healthy, then with `read` throwing `error`: `ids` are skipped with the reason, everything else is as it was. */
        function withFault(read: keyof RealPathPort, error: string, ids: string[]) {
            const healthy = w.run()
            w.realPath!.readErrors = { [read]: error }
            const report = w.run()
            expect(report.verdict).toBe(healthy.verdict)
            expect(check(report, 'jira.myself').status).toBe('pass')
            expect(report.checks.some((c) => c.id === 'validator.internal')).toBe(false)
            expect(report.calls).toBe(healthy.calls)
            const others = (r: typeof report) => r.checks.filter((c) => !ids.includes(c.id)).map(line)
            expect(others(report)).toEqual(others(healthy))
            const skipped = ids.map((id) => check(report, id))
            for (const c of skipped) {
                expect({ id: c.id, status: c.status, code: c.code }).toEqual({
                    id: c.id,
                    status: 'skip',
                    code: 'skipped',
                })
                expect(c.found).toMatch(
                    /^Not checked: .* on this instance failed \(.*\)\. The rest of this validation stands; /
                )
                for (const id of CHECK_IDS) expect(c.found).not.toContain(id)
                // The form shows it: a "Works" with a part not checked says which part.
                expect(formMessages(report).info.join('\n')).toContain(c.found)
            }
            return { report, skipped }
        }

        test('reading the installed Jira spoke fails: the spoke and template checks are not checked', () => {
            const denied = "Access to table 'sys_store_app' (read) from scope 'x_jira_connect' has been refused"
            const { report, skipped } = withFault('installedApp', denied, [
                'instance.jira_spoke',
                'instance.alias_template',
            ])
            // One reason, one line on the form, naming both checks.
            expect(formMessages(report).info.filter((m) => m.includes(skipped[0].found))).toEqual([
                `Jira spoke version, Configuration template Workflow Studio uses: ${skipped[0].found}`,
            ])
            expect(skipped[1].found).toBe(skipped[0].found)
            expect(skipped[0].found).toBe(
                "Not checked: reading the Jira spoke's version and the alias's configuration template on this instance " +
                    `failed (${denied}). The rest of this validation stands; check that this application may read ` +
                    'sys_store_app, sys_scope, sys_alias and sys_alias_templates (System Applications > Application ' +
                    'Cross-Scope Access, source scope x_jira_connect: no Requested rows), then validate again.'
            )
        })

        test("reading the alias's configuration template fails: the standing and the template are not checked", () => {
            const { report } = withFault('aliasTemplate', 'GlideRecord.query: table sys_alias_templates not readable', [
                'config.auth_standing',
                'instance.alias_template',
            ])
            // Read before the template: the spoke's version stands.
            expect(line(check(report, 'instance.jira_spoke'))).toBe('instance.jira_spoke=pass:ok')
            expect(check(report, 'config.auth_standing').found).toMatch(
                /^Not checked: reading the alias's configuration/
            )
            expect(report.standings).toEqual([])
        })

        test('the scan of scripts for Jira calls fails: the deprecation check is not checked', () => {
            withFault('jiraScripts', "Access to table 'sys_script' (read) has been refused", [
                'instance.deprecated_calls',
            ])
        })

        test('reading the MID Servers fails: the path is not checked, and the Jira calls go directly instead', () => {
            w.realPath!.mids = [REST_MID]
            w.net.mids.set('mid-dc1', { address: '127.0.0.3' })
            useMid(w, 'specific_mid_server', { midServer: 'mid-dc1' })
            w.emu.clearRequests()
            const { skipped } = withFault('midServers', "Access to table 'ecc_agent' (read) has been refused", [
                'path.mid',
            ])
            expect(skipped[0].found).toMatch(
                /its Jira calls went directly from the instance, not through the MID Server: check/
            )
            const jira = w.emu.requests.filter((q) => q.host === 'api.atlassian.com')
            // The healthy run went through the MID; the run with the fault went direct.
            expect([...new Set(jira.map((q) => q.remoteAddress))].sort()).toEqual(['127.0.0.1', '127.0.0.3'])
        })

        test('a platform error with a stack and a token in its text: the reason keeps one line, without either', () => {
            const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMxMjMifQ.c2lnbmF0dXJlMTIz'
            const error =
                `com.glide.script.RhinoEcmaError: read refused, Authorization: Bearer ${jwt}\n` +
                '\tat com.glide.script.GlideRecord.query(GlideRecord.java:512)\n\tat sys_script_include.x_jira.js:12'
            const { report, skipped } = withFault('jiraScripts', error, ['instance.deprecated_calls'])
            expect(skipped[0].found).toContain(
                '(com.glide.script.RhinoEcmaError: read refused, Authorization: Bearer [redacted])'
            )
            const shown = [reportText(report), ...formMessages(report).info, ...formMessages(report).errors].join('\n')
            expect(shown).not.toContain(jwt)
            expect(shown).not.toMatch(/GlideRecord\.java|\.js:\d+|\tat /)
        })
    })
})
