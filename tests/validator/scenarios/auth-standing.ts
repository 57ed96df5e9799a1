/**
 * Where each way in stands against Atlassian's and ServiceNow's rules (config.auth_standing, docs/auth-standing.md):
 * one scenario per standing, over real loopback HTTP to the emulator. The standing is information: it never changes
 * the verdict (the classic token's warning is config.auth_method's, and stays).
 */
import { formMessages, reportText } from '../../../src/server/core/format'
import type { RealPathState } from '../../../harness/node-platform/in-memory-real-path'
import { check, IDS, startWorld, type World } from '../world'

const STANDING_LINE = "Standing against Atlassian's and ServiceNow's rules"

function withTemplate(name: string, scope: string, testAction = ''): RealPathState {
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
                template: { name, scope, testAction },
            },
        },
    }
}

/** The run's standing: the check (a pass with the standing's code), the report field and the form-message line. */
function standingOf(w: World) {
    const report = w.run()
    const c = check(report, 'config.auth_standing')
    expect(c.status).toBe('pass')
    expect(report.standings).toHaveLength(1)
    const s = report.standings![0]
    expect(s.code).toBe(c.code)
    // Read by admin, who may make the move; the stored run says the same standing, and who can make the move.
    const line = formMessages(report, { canRepoint: true }).info.filter((m) => m.indexOf(STANDING_LINE) === 0)
    expect(line).toHaveLength(1)
    expect(reportText(report)).toContain(line[0].split(' Move to a service account:')[0])
    return { report, c, s, line: line[0] }
}

describe("standing of the way in against Atlassian's and ServiceNow's rules", () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
    })
    afterEach(() => w.close())

    test('service account: recommended, no move offered, the verdict untouched (pass)', () => {
        w.useServiceAccount()
        w.getServiceAccountToken()
        const { report, c, s, line } = standingOf(w)
        expect(c.code).toBe('standing_service_account')
        expect(s).toMatchObject({ level: 'recommended', move: false, connectionName: expect.any(String) })
        expect(report.verdict).toBe('pass')
        expect(line).toMatch(/: Recommended: service account with OAuth 2\.0 client credentials\./)
        expect(line).not.toMatch(/Move to a service account/)
    })

    test("3LO on an alias whose template is the Jira spoke's Authentication Template: compliant (ServiceNow's app)", () => {
        w.realPath = withTemplate('Authentication Template for Jira Cloud', 'sn_jira_spoke')
        w.getOAuthToken()
        const { c, s, line } = standingOf(w)
        expect(c.code).toBe('standing_spoke_3lo')
        expect(s).toMatchObject({ level: 'compliant', move: true })
        expect(line).toMatch(/Compliant: OAuth 2\.0 \(3LO\) with the Jira spoke's template/)
    })

    test("3LO with this app's template (the customer's own developer-console app): allowed, flagged, verdict pass", () => {
        w.realPath = withTemplate('Jira Cloud: OAuth 2.0 (3LO) app', 'x_jira_connect', 'Validate Jira connection')
        w.getOAuthToken()
        const { report, c, s, line } = standingOf(w)
        expect(c.code).toBe('standing_own_3lo_app')
        expect(s.level).toBe('allowed')
        // Information only: the healthy 3LO run keeps its verdict (only the template check may warn, and it does not).
        expect(report.checks.filter((x) => x.status === 'warn' || x.status === 'fail')).toEqual([])
        expect(line).toMatch(/\[inference/)
        expect(line).toMatch(/Move to a service account: Jira Cloud Connect > Setup > Service account\./)
    })

    test('the move is a step for admin only; x_jira_connect.admin is told who can make it, the stored run says who can', () => {
        w.useBasic()
        const report = w.run()
        const shown = (canRepoint: boolean) =>
            formMessages(report, { canRepoint }).info.filter((m) => m.indexOf(STANDING_LINE) === 0)
        expect(shown(true)).toEqual([
            expect.stringMatching(/ Move to a service account: Jira Cloud Connect > Setup > Service account\.$/),
        ])
        const [asked] = shown(false)
        expect(asked).not.toMatch(/Move to a service account/)
        expect(asked).toMatch(/ Ask a user with the admin role to move it to a service account \(Jira Cloud Connect/)
        expect(formMessages(report).info).toContain(asked) // no reader given: told who can, never a step it cannot do
        const stored = reportText(report)
        expect(stored).not.toMatch(/Move to a service account|Ask a user/)
        expect(stored).toContain('A user with the admin role can move it to a service account: Jira Cloud Connect >')
    })

    test('scoped API token through the gateway: works, but not compliant (ServiceNow Option 4)', () => {
        w.useScopedToken()
        const { report, c, s } = standingOf(w)
        expect(c.code).toBe('standing_scoped_token')
        expect(s).toMatchObject({ level: 'not_compliant', label: 'Not compliant', site: '' })
        expect(check(report, 'jira.myself').status).toBe('pass')
        expect(check(report, 'config.auth_method').status).toBe('pass')
    })

    test('classic API token: not compliant; the existing classic_api_token warning stays and is the only one', () => {
        w.useBasic()
        const { report, c, s, line } = standingOf(w)
        expect(c.code).toBe('standing_classic_token')
        expect(s).toMatchObject({ level: 'not_compliant', move: true, site: 'acme' })
        expect(report.verdict).toBe('warn')
        expect(report.checks.filter((x) => x.status === 'warn').map((x) => `${x.id}=${x.code}`)).toEqual([
            'config.auth_method=classic_api_token',
        ])
        expect(line).toMatch(/Not compliant: classic API token on the site URL \(legacy\)/)
    })

    test('two active connections on one alias (3LO and a classic token): one standing per connection, tagged', () => {
        w.getOAuthToken()
        w.state.aliases[0].multipleConnections = true
        const basic = w.state.connections.find((x) => x.sysId === IDS.basicConnection)!
        basic.active = true
        const report = w.run()
        const oauth = w.state.connections.find((x) => x.sysId === IDS.oauthConnection)!
        expect(report.standings!.map((s) => [s.subject, s.connectionSysId, s.code])).toEqual([
            [oauth.name, IDS.oauthConnection, 'standing_own_3lo_app'],
            [basic.name, IDS.basicConnection, 'standing_classic_token'],
        ])
        const lines = formMessages(report).info.filter((m) => m.indexOf(STANDING_LINE) === 0)
        expect(lines).toEqual([
            expect.stringContaining(`${STANDING_LINE} [${oauth.name}]: Allowed for your own site`),
            expect.stringContaining(`${STANDING_LINE} [${basic.name}]: Not compliant: classic API token`),
        ])
    })

    test('no credential on the connection: no standing (nothing to judge), the check skipped with the reason', () => {
        const conn = w.state.connections.find((x) => x.active)!
        conn.credentialSysId = null
        const report = w.run()
        expect(report.standings).toEqual([])
        expect(check(report, 'config.auth_standing')).toMatchObject({ status: 'skip' })
        expect(check(report, 'config.auth_standing').found).toBe(
            'Skipped: needs "Connection has an active credential", which failed.'
        )
        expect(formMessages(report).info.join('\n')).not.toContain(STANDING_LINE)
    })
})
