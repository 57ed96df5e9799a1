/**
 * checkRecords on the real build, and on copies of it with one defect injected: each defect must produce exactly the
 * problem lines that name the record and the field.
 */
import { cloneRecords, loadAppRecords, type AppRecord } from '../support/app-records'
import { checkRecords } from './check-records'
import { EXPECTED } from './expected-records'

const DANGLING = '0123456789abcdef0123456789abcdef'
const PROFILE = 'oauth_entity_profile "Jira OAuth Profile"'

function copy() {
    const records = cloneRecords(loadAppRecords().records)
    const one = (table: string, where: Record<string, string>): AppRecord => {
        const found = records.filter(
            (r) => r.table === table && Object.entries(where).every(([f, v]) => r.fields[f] === v)
        )
        if (found.length !== 1)
            throw new Error(`test setup: ${found.length} ${table} records match ${JSON.stringify(where)}`)
        return found[0]
    }
    const scope = (s: string) => one('oauth_entity_scope', { oauth_entity_scope: s })
    const rowOf = (s: string) => one('oauth_entity_profile_scope', { oauth_entity_scope: scope(s).sysId })
    return { records, one, scope, rowOf }
}

/** Problems the injected defect adds to those of the real build (so one src defect does not fail every test here). */
function newProblems(records: readonly AppRecord[]): string[] {
    const baseline = checkRecords(loadAppRecords().records, EXPECTED)
    const problems = checkRecords(records, EXPECTED)
    return problems.filter((p) => {
        const i = baseline.indexOf(p)
        if (i < 0) return true
        baseline.splice(i, 1)
        return false
    })
}

test('the real build has no problems', () => {
    expect(checkRecords(loadAppRecords().records, EXPECTED)).toEqual([])
})

test('a typo in a scope record (name and OAuth scope) names the record and the field', () => {
    const { records, scope } = copy()
    const s = scope('read:jira-work')
    s.fields.name = 'read:jira-wrok'
    s.fields.oauth_entity_scope = 'read:jira-wrok'
    expect(newProblems(records)).toEqual([
        'oauth_entity_scope "read:jira-wrok" field oauth_entity_scope: expected one of the 14 documented scopes, found "read:jira-wrok"',
        'oauth_entity_scope "read:jira-work": documented scope "read:jira-work" is not shipped',
        `oauth_entity_profile_scope: documented scope "read:jira-work" is not on ${PROFILE}`,
    ])
})

test('a typo in a scope Name only names the record and the name field', () => {
    const { records, scope } = copy()
    scope('write:sprint:jira-software').fields.name = 'write:sprint:jira-sofware'
    expect(newProblems(records)).toEqual([
        'oauth_entity_scope "write:sprint:jira-sofware" field name: expected "write:sprint:jira-software" (the documented Name of OAuth scope "write:sprint:jira-software"), found "write:sprint:jira-sofware"',
    ])
})

test('a dangling reference in a profile scope row names the row, the field and the missing sys_id', () => {
    const { records, rowOf } = copy()
    const row = rowOf('offline_access')
    row.fields.oauth_entity_scope = DANGLING
    expect(newProblems(records)).toEqual([
        `oauth_entity_profile_scope ${row.sysId} field oauth_entity_scope: references ${DANGLING} which is not shipped`,
        `oauth_entity_profile_scope: documented scope "offline_access" is not on ${PROFILE}`,
    ])
})

test('a missing scope record is reported, and so is the profile row left pointing at it', () => {
    const { records, scope, rowOf } = copy()
    const s = scope('read:jql:jira')
    const row = rowOf('read:jql:jira')
    records.splice(records.indexOf(s), 1)
    expect(newProblems(records)).toEqual([
        'oauth_entity_scope "read:jql:jira": documented scope "read:jql:jira" is not shipped',
        `oauth_entity_profile_scope ${row.sysId} field oauth_entity_scope: references ${s.sysId} which is not shipped`,
        `oauth_entity_profile_scope: documented scope "read:jql:jira" is not on ${PROFILE}`,
    ])
})

test('a duplicated profile scope row is reported with the row count', () => {
    const { records, rowOf } = copy()
    const row = rowOf('read:jira-user')
    records.push({
        ...row,
        sysId: 'fedcba9876543210fedcba9876543210',
        fields: { ...row.fields, sys_id: 'fedcba9876543210fedcba9876543210' },
    })
    expect(newProblems(records)).toEqual([
        `oauth_entity_profile_scope: expected 14 rows on ${PROFILE}, found 15`,
        `oauth_entity_profile_scope: scope "read:jira-user" is on ${PROFILE} 2 times (rows ${row.sysId}, fedcba9876543210fedcba9876543210)`,
    ])
})

test('a missing registry field names the record and the field with the documented value', () => {
    const { records, one } = copy()
    delete one('oauth_entity', { name: 'Jira Cloud OAuth' }).fields.token_url
    expect(newProblems(records)).toEqual([
        'oauth_entity "Jira Cloud OAuth" field token_url: missing, expected "https://auth.atlassian.com/oauth/token"',
    ])
})

test('a wrong value names the record, the field, the expected and the found value', () => {
    const { records, one } = copy()
    one('http_connection', { name: 'Jira Cloud OAuth Connection' }).fields.use_mid = 'true'
    expect(newProblems(records)).toEqual([
        'http_connection "Jira Cloud OAuth Connection" field use_mid: expected "false", found "true"',
    ])
})

test('a client secret in the registry is reported without printing it', () => {
    const { records, one } = copy()
    const secret = ['not', 'a', 'real', 'secret'].join('-')
    one('oauth_entity', { name: 'Jira Cloud OAuth' }).fields.client_secret = secret
    const problems = newProblems(records)
    expect(problems).toEqual([
        'oauth_entity "Jira Cloud OAuth" field client_secret: must be absent or empty, found a value (not printed)',
    ])
    expect(problems.join('\n')).not.toContain(secret)
})

test('a shipped Redirect URL is reported', () => {
    const { records, one } = copy()
    one('oauth_entity', { name: 'Jira Cloud OAuth' }).fields.redirect_url =
        'https://example.service-now.com/oauth_redirect.do'
    expect(newProblems(records)).toEqual([
        'oauth_entity "Jira Cloud OAuth" field redirect_url: must not be shipped, found a value',
    ])
})

test('a credential shipped in update/ instead of unload/ is reported with its file', () => {
    const { records, one } = copy()
    const cred = one('oauth_2_0_credentials', { name: 'Jira Cloud OAuth Credential' })
    cred.folder = 'update'
    expect(newProblems(records)).toEqual([
        `oauth_2_0_credentials "Jira Cloud OAuth Credential": shipped in update/, expected unload/ (first install only) (${cred.file})`,
    ])
})

test('a reference to the wrong record names both records', () => {
    const { records, one } = copy()
    const registry = one('oauth_entity', { name: 'Jira Cloud OAuth' })
    one('connection_attributes', { element: 'api_version' }).fields.model = registry.sysId
    expect(newProblems(records)).toEqual([
        `connection_attributes "api_version" field model: references oauth_entity "Jira Cloud OAuth" (${registry.sysId}), expected sys_alias "x_jira_connect.Jira"`,
    ])
})

test('an OAuth API Script whose name does not start with "OAuth" is reported', () => {
    const { records, one } = copy()
    const script = one('sys_script_include', { name: 'OAuthJiraCloudUtil' })
    script.fields.name = 'JiraCloudUtil'
    expect(newProblems(records)).toEqual([
        'sys_script_include "OAuthJiraCloudUtil": not shipped (no sys_script_include record with name="OAuthJiraCloudUtil")',
        `oauth_entity "Jira Cloud OAuth" field oauth_api_script: references sys_script_include "JiraCloudUtil" (${script.sysId}), expected sys_script_include "OAuthJiraCloudUtil"`,
        'sys_script_include "JiraCloudUtil" field name: the OAuth API Script name must start with "OAuth", found "JiraCloudUtil"',
    ])
})

test('records of tables the checks do not know (added by other features) change nothing', () => {
    const { records } = copy()
    records.push({
        table: 'sys_ui_action',
        sysId: '00000000000000000000000000000abc',
        fields: {
            sys_id: '00000000000000000000000000000abc',
            name: 'Validate Jira connection',
            table: 'http_connection',
        },
        fieldAttributes: {},
        attributes: { action: 'INSERT_OR_UPDATE' },
        folder: 'update',
        file: 'update/sys_ui_action_00000000000000000000000000000abc.xml',
    })
    expect(newProblems(records)).toEqual([])
})

test('a duplicated sys_id is reported with both files', () => {
    const { records, one } = copy()
    const role = one('sys_user_role', { name: 'x_jira_connect.admin' })
    const menu = one('sys_app_application', { title: 'Jira Cloud Connect' })
    const problems = newProblems([...records, { ...role, sysId: menu.sysId, file: 'update/copy.xml' }])
    expect(problems).toContain(`sys_id ${menu.sysId}: carried by 2 records (${menu.file}, update/copy.xml)`)
})
