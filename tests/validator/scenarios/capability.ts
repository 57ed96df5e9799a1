/**
 * "Can it do the job?": the capability round after the sign-in (project search, one bulk permission check, createmeta
 * per listed issue type, the agile probe), the email-visibility warning, the rate-limit telemetry and the capability
 * table. One scenario per finding code, over real loopback HTTP to the emulator (jira-projects.ts, rate-limits.ts).
 */
import { formMessages, reportText } from '../../../src/server/core/format'
import { REQUIRED_JIRA_SCOPES, SERVICE_ACCOUNT_SCOPES } from '../../../src/server/core/jira-scopes'
import type { ValidationReport } from '../../../src/server/core/report'
import { APP, check, expectFail, IDS, SA, SITE, startWorld, USER, type World } from '../world'

const PROJECTS = 'x_jira_connect.capability.projects'
const JSON_TYPE = { 'content-type': 'application/json;charset=UTF-8' }

function row(report: ValidationReport, category: string) {
    const rows = report.capabilities?.[0]?.rows ?? []
    const r = rows.find((x) => x.category === category)
    if (!r) throw new Error(`no capability row ${category} in ${JSON.stringify(rows)}`)
    return r
}

const targets = (w: World) => w.emu.requests.map((r) => r.target)

/** A service-account credential with other scopes (Atlassian fixes them when the credential is created). */
function serviceAccountWithScopes(w: World, scopes: string[]) {
    w.useServiceAccount()
    w.emu.createServiceAccountCredential({
        clientId: SA.clientId,
        clientSecret: SA.clientSecret,
        accountId: SA.accountId,
        scopes,
    })
    w.getServiceAccountToken()
}

describe('capability: permissions in the projects the flows use (jira.projects)', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
        w.getOAuthToken()
    })
    afterEach(() => w.close())

    test('nothing listed: the browsable projects are reported, with the capability table in the messages and the run', () => {
        const r = w.run()
        expect(r.verdict).toBe('pass')
        const c = check(r, 'jira.projects')
        expect(c.code).toBe('no_site_admin')
        expect(c.found).toMatch(/can browse 1 project \(SUP\) and create issues in 1 of the 1 checked/)
        expect(c.found).toMatch(/not a Jira administrator/)
        expect(row(r, 'issues')).toMatchObject({ status: 'works' })
        expect(row(r, 'webhooks')).toMatchObject({ status: 'does_not_work', why: expect.stringMatching(/Administer/) })
        expect(row(r, 'users')).toMatchObject({ status: 'does_not_work', why: expect.stringMatching(/OAuth 2\.0/) })
        expect(row(r, 'sprints_boards')).toMatchObject({ status: 'works' })
        expect(formMessages(r).info.join('\n')).toMatch(/What this connection can do: Issues .*: Works/)
        expect(reportText(r)).toMatch(/Webhooks .*: Does not work \(not a Jira administrator/)
    })

    test('a Jira administrator: webhooks work over OAuth, user actions still do not (spoke scope table)', () => {
        w.emu.setGlobalPermission(SITE.cloudId, USER.accountId, 'ADMINISTER', true)
        const r = w.run()
        expect(check(r, 'jira.projects').code).toBe('ok')
        expect(row(r, 'webhooks').status).toBe('works')
        expect(row(r, 'users').status).toBe('does_not_work')
    })

    test('three projects listed: one project search and ONE bulk permission check for all of them', () => {
        for (const key of ['OPS', 'ENG']) w.emu.addProject({ cloudId: SITE.cloudId, key })
        w.state.properties[PROJECTS] = 'SUP, OPS\nENG'
        const r = w.run()
        expect(r.verdict).toBe('pass')
        expect(targets(w).filter((t) => t === 'permissions-check')).toHaveLength(1)
        expect(r.calls).toBe(8) // 3 sign-in + 2 capability round + 3 Jira → ServiceNow
        const body = JSON.parse(w.emu.requestsTo('permissions-check')[0].body)
        expect(body.globalPermissions).toEqual(['ADMINISTER'])
        expect(body.projectPermissions[0].projects).toHaveLength(3)
        expect(body.projectPermissions[0].permissions).toEqual([
            'BROWSE_PROJECTS',
            'CREATE_ISSUES',
            'EDIT_ISSUES',
            'TRANSITION_ISSUES',
            'ASSIGN_ISSUES',
            'ADD_COMMENTS',
            'CREATE_ATTACHMENTS',
            'LINK_ISSUES',
        ])
        expect(w.emu.requestsTo('project-search')[0].query.expand).toBe('issueTypes')
        expect(check(r, 'jira.projects').found).toMatch(/all 8 spoke permissions in SUP, OPS, ENG/)
    })

    test('a listed project the account lacks permissions in -> permission_missing per project, fix in Jira words', () => {
        w.emu.addProject({
            cloudId: SITE.cloudId,
            key: 'OPS',
            roles: { Administrators: [] },
            grants: {
                CREATE_ISSUES: [{ type: 'projectRole', role: 'Administrators' }],
                ASSIGN_ISSUES: [{ type: 'projectRole', role: 'Administrators' }],
            },
        })
        w.state.properties[PROJECTS] = 'SUP,OPS'
        const c = expectFail(w.run(), 'jira.projects', 'permission_missing', /OPS > Project settings > Permissions/)
        expect(c.found).toContain('OPS: no Create Issues, Assign Issues')
        expect(c.found).not.toContain('SUP:')
        expect(c.fix).toMatch(/Project settings > People/)
    })

    test('the same project once the account is in the role: passes', () => {
        w.emu.addProject({
            cloudId: SITE.cloudId,
            key: 'OPS',
            roles: { Administrators: [USER.accountId] },
            grants: { CREATE_ISSUES: [{ type: 'projectRole', role: 'Administrators' }] },
        })
        w.state.properties[PROJECTS] = 'OPS'
        expect(w.run().verdict).toBe('pass')
    })

    test('Edit Issues granted only to Reporter: counted at project level, and the caveat is said', () => {
        w.emu.addProject({ cloudId: SITE.cloudId, key: 'REP', grants: { EDIT_ISSUES: [{ type: 'reporter' }] } })
        w.state.properties[PROJECTS] = 'REP'
        const r = w.run()
        expect(check(r, 'jira.projects').found).toMatch(/only to Reporter, editing an issue the account did not create/)
    })

    test('a listed key the account cannot see -> project_not_found, no permission check spent on it', () => {
        w.state.properties[PROJECTS] = 'SUP, NOPE'
        const c = expectFail(w.run(), 'jira.projects', 'project_not_found', /Browse Projects/)
        expect(c.found).toContain('NOPE')
        expect(c.found).not.toMatch(/SUP/)
    })

    test('a malformed setting -> projects_setting_invalid naming each bad entry; nothing is called for it', () => {
        w.state.properties[PROJECTS] = 'sup, OPS/, 9X'
        const c = expectFail(w.run(), 'jira.projects', 'projects_setting_invalid', /Projects > View all projects/)
        expect(c.found).toMatch(/project keys are upper case: SUP/)
        expect(c.found).toMatch(/"OPS\/": the issue type after "\/" is empty/)
        expect(c.found).toMatch(/"9X" is not a Jira project key/)
        expect(targets(w)).not.toContain('project-search')
    })

    test('nothing listed and no project visible -> no_projects (warning): every issue action would fail', () => {
        w.emu.removeProjects(SITE.cloudId)
        const r = w.run()
        const c = check(r, 'jira.projects')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'no_projects' })
        expect(c.fix).toMatch(/Project settings > People/)
        expect(row(r, 'issues').status).toBe('does_not_work')
    })

    test('nothing listed, projects visible but none allows Create Issues -> cannot_create (warning)', () => {
        w.emu.removeProjects(SITE.cloudId)
        w.emu.addProject({
            cloudId: SITE.cloudId,
            key: 'RO',
            grants: { CREATE_ISSUES: [{ type: 'projectRole', role: 'Members' }] },
        })
        const r = w.run()
        const c = check(r, 'jira.projects')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'cannot_create' })
        expect(c.found).toMatch(/browse 1 project \(RO\) but create issues in none/)
    })

    test('health check with the capability round not due: no capability call, the cached table with its age', () => {
        const first = w.run()
        const cachedAt = Date.now() - 5 * 3600e3
        w.emu.clearRequests()
        const r = w.run('sys_alias', IDS.alias, {
            capability: {
                due: () => false,
                cached: () => ({ rows: first.capabilities![0].rows, checkedAtMs: cachedAt }),
            },
        })
        expect(check(r, 'jira.projects')).toMatchObject({ status: 'pass', code: 'not_due' })
        expect(check(r, 'jira.projects').found).toMatch(/ran 5 h ago/)
        expect(check(r, 'jira.agile').status).toBe('skip')
        expect(targets(w).filter((t) => !/webhook/.test(String(t)))).toEqual([
            'accessible-resources',
            'myself',
            'serverInfo',
        ])
        expect(r.capabilities![0].checkedAtMs).toBe(cachedAt)
        expect(formMessages(r).info.join('\n')).toMatch(/What this connection can do \(checked 5 h ago\)/)
    })
})

describe('capability: token scopes (jira.projects scope_mismatch, jira.agile)', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
    })
    afterEach(() => w.close())

    test('service account whose credential lacks read:jira-work -> scope_mismatch on the project list', () => {
        serviceAccountWithScopes(
            w,
            SERVICE_ACCOUNT_SCOPES.filter((s) => s !== 'read:jira-work' && s !== 'read:project:jira')
        )
        const c = expectFail(w.run(), 'jira.projects', 'scope_mismatch', /create a new OAuth 2\.0 credential/)
        expect(c.found).toMatch(/scope does not match/)
    })

    test('service account without the granular agile scopes -> the board probe answers 401: agile_scopes_missing', () => {
        serviceAccountWithScopes(
            w,
            SERVICE_ACCOUNT_SCOPES.filter((s) => !/jira-software/.test(s))
        )
        const r = w.run()
        expect(r.verdict).toBe('warn')
        const c = check(r, 'jira.agile')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'agile_scopes_missing' })
        expect(c.found).toMatch(/scope does not match/)
        expect(c.fix).toMatch(/read:board-scope:jira-software/)
        expect(row(r, 'sprints_boards').status).toBe('does_not_work')
        expect(targets(w)).toContain('agile-board')
    })

    test('3LO without the sprint scopes: the listed scopes are the evidence, no probe call', () => {
        w.getOAuthToken(REQUIRED_JIRA_SCOPES.filter((s) => !/sprint/.test(s)))
        const r = w.run()
        const c = check(r, 'jira.agile')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'agile_scopes_missing' })
        expect(c.found).toMatch(/delete:sprint:jira-software/)
        expect(targets(w)).not.toContain('agile-board')
    })

    test('scoped API token: webhooks and user actions do not work whatever the permissions (spoke scope table)', () => {
        w.useScopedToken()
        const r = w.run()
        expect(row(r, 'webhooks')).toMatchObject({ status: 'does_not_work', why: expect.stringMatching(/scoped API/) })
        expect(row(r, 'users').status).toBe('does_not_work')
    })
})

describe('capability: fields Create Issue requires (jira.create_fields)', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
        w.getOAuthToken()
    })
    afterEach(() => w.close())

    test('KEY/Issue type with a required field without default -> required_fields names it; one createmeta call', () => {
        w.emu.addProject({
            cloudId: SITE.cloudId,
            key: 'OPS',
            issueTypes: [
                {
                    id: '10100',
                    name: 'Incident',
                    fields: [
                        { fieldId: 'project', name: 'Project', required: true },
                        { fieldId: 'issuetype', name: 'Issue Type', required: true },
                        { fieldId: 'summary', name: 'Summary', required: true },
                        { fieldId: 'reporter', name: 'Reporter', required: true, hasDefaultValue: true },
                        { fieldId: 'customfield_10050', name: 'Customer', required: true },
                        { fieldId: 'priority', name: 'Priority', required: true, hasDefaultValue: true },
                    ],
                },
            ],
        })
        w.state.properties[PROJECTS] = 'OPS/Incident'
        const r = w.run()
        const c = check(r, 'jira.create_fields')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'required_fields' })
        expect(c.found).toContain('OPS/Incident: Customer (customfield_10050)')
        expect(c.found).not.toMatch(/Priority|Reporter/)
        expect(w.emu.requestsTo('createmeta').map((q) => q.path)).toEqual([
            `/ex/jira/${SITE.cloudId}/rest/api/2/issue/createmeta/OPS/issuetypes/10100`,
        ])
        expect(r.calls).toBe(9) // 8 + one createmeta
    })

    test('SUP/Task with only the always-sent fields required: passes', () => {
        w.state.properties[PROJECTS] = 'SUP/Task'
        const r = w.run()
        expect(check(r, 'jira.create_fields')).toMatchObject({ status: 'pass' })
        expect(r.verdict).toBe('pass')
    })

    test('an issue type the project does not have -> issue_type_not_found, listing the ones it has', () => {
        w.state.properties[PROJECTS] = 'SUP/Epic'
        const c = expectFail(w.run(), 'jira.create_fields', 'issue_type_not_found', /Project settings > Issue types/)
        expect(c.found).toContain('it has: Task, Bug')
        expect(targets(w)).not.toContain('createmeta')
    })

    test('createmeta refused (403) -> createmeta_refused with the Create Issues fix', () => {
        w.emu.setFault('createmeta', {
            status: 403,
            body: JSON.stringify({ errorMessages: ['You do not have permission to create issues.'] }),
            headers: JSON_TYPE,
        })
        w.state.properties[PROJECTS] = 'SUP/Task'
        expectFail(w.run(), 'jira.create_fields', 'createmeta_refused', /Create Issues in SUP/)
    })
})

describe('capability: identity and site (jira.myself email_hidden, jira.server_info gateway form)', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
    })
    afterEach(() => w.close())

    test('email hidden by the profile -> email_hidden (warning) saying what breaks and where to change it', () => {
        const token = 'ATATT3xHiddenEmailUserTok3nAbCdEf0123456789'
        w.emu.addUser({
            accountId: '5b10hidden0000000000001',
            email: 'quiet@acme.example',
            displayName: 'Quiet Integration',
            apiTokens: [token],
            sites: [SITE.cloudId],
            emailVisible: false,
        })
        w.useBasic()
        w.state.basicSecrets[IDS.basicCredential] = { userName: 'quiet@acme.example', password: token }
        const r = w.run()
        const c = check(r, 'jira.myself')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'email_hidden' })
        expect(c.fix).toMatch(/id\.atlassian\.com > Profile and visibility/)
        expect(c.fix).toMatch(/comments and assignees cannot be correlated/)
        expect(r.people).toEqual([{ subject: undefined, displayName: 'Quiet Integration', email: null }])
        expect(check(r, 'jira.server_info').status).toBe('pass') // a warning does not stop later checks
    })

    test('serverInfo answering the gateway form for the same cloud id: no base_url_mismatch (since 2026-07-14)', () => {
        w.getOAuthToken()
        w.emu.setOptions({ serverInfoBaseUrl: 'gateway' })
        const r = w.run()
        expect(check(r, 'jira.server_info')).toMatchObject({ status: 'pass' })
        expect(check(r, 'jira.server_info').found).toContain(`/ex/jira/${SITE.cloudId}`)
    })

    test('serverInfo answering the gateway form of ANOTHER cloud id still warns base_url_mismatch', () => {
        w.getOAuthToken()
        const other = 'https://api.atlassian.com/ex/jira/00000000-1111-2222-3333-444444444444'
        w.emu.setFault('serverInfo', {
            status: 200,
            body: JSON.stringify({ baseUrl: other, deploymentType: 'Cloud', version: '1001.0.0' }),
            headers: JSON_TYPE,
        })
        expect(check(w.run(), 'jira.server_info')).toMatchObject({ status: 'warn', code: 'base_url_mismatch' })
    })
})

describe('capability: rate-limit telemetry (atlassian.rate_limit, 429 by reason)', () => {
    let w: World
    beforeEach(async () => {
        w = await startWorld()
        w.getOAuthToken()
    })
    afterEach(() => w.close())

    test('every healthy run reports the quota Atlassian sent (beta header names)', () => {
        const r = w.run()
        const c = check(r, 'atlassian.rate_limit')
        expect(c.status).toBe('pass')
        expect(r.rateLimit).toMatchObject({
            quota: 65000,
            windowSec: 3600,
            reason: 'jira-quota-tenant-based',
            names: 'beta',
        })
        // myself, serverInfo, project search: 1 point each; the permission check 10 (accessible-resources is not Jira);
        // then the Jira -> ServiceNow checks: webhook list, failed deliveries, admin webhooks, 1 point each.
        expect(r.rateLimit!.remaining).toBe(65000 - 3 - 10 - 3)
    })

    test('less than 20 % of the hourly quota left -> near_limit (warning), read from the final header names too', () => {
        w.emu.setOptions({ rateLimitHeaderNames: 'final' })
        w.emu.setQuotaUsed(APP.clientId, SITE.cloudId, 60000)
        const r = w.run()
        const c = check(r, 'atlassian.rate_limit')
        expect({ status: c.status, code: c.code }).toEqual({ status: 'warn', code: 'near_limit' })
        expect(c.found).toMatch(/of 65000 points left per hour/)
        expect(c.fix).toMatch(/hourly points quota/)
        expect(r.rateLimit!.names).toBe('final')
    })

    test('the quota spent: 429 whose fix says wait for the reset and do not retry (tenant quota)', () => {
        w.emu.setQuotaUsed(APP.clientId, SITE.cloudId, 65000)
        const c = expectFail(w.run(), 'jira.myself', 'rate_limited', /Do not retry before then/)
        expect(c.found).toMatch(/RateLimit-Reason: jira-quota-tenant-based/)
        expect(w.emu.requestsTo('myself')).toHaveLength(1) // Retry-After up to an hour: never retried
    })
})
