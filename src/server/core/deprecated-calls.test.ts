import { scanScripts, type ScriptSource } from './deprecated-calls'

const src = (text: string): ScriptSource => ({
    table: 'sys_script_include',
    sysId: 'x',
    name: 'n',
    field: 'script',
    text,
})
const rules = (text: string, gateway = false) => scanScripts([src(text)], gateway).hits.map((h) => h.rule)

describe('deprecated Jira calls', () => {
    test.each([
        ["'/rest/api/2/search?jql=' + q", 'search_removed'],
        ['"https://acme.atlassian.net/rest/api/3/search"', 'search_removed'],
        ["post('/rest/api/3/search/id', body)", 'search_id_removed'],
        ["post('/rest/api/3/expression/eval', body)", 'expression_eval_removed'],
        ["get('/rest/api/3/search/jql?jql=x', { startAt: 50 })", 'start_at_paging'],
        ["'/rest/api/2/issue/createmeta?projectKeys=OPS&expand=projects.issuetypes.fields'", 'createmeta_expand'],
        ["fields['customfield_10014'] = key // jira", 'epic_link_field'],
        ["var q = { jql: 'ORDER BY created DESC' } // jira", 'unbounded_jql'],
    ])('%s -> %s', (text, rule) => {
        expect(rules(text)).toEqual([rule])
    })

    test.each([
        "'/rest/api/3/search/jql?jql=project%3DOPS&fields=summary'",
        "'/rest/api/3/search/approximate-count'",
        "post('/rest/api/3/expression/evaluate', body)",
        "'/rest/api/2/issue/createmeta/OPS/issuetypes'",
        "var q = { jql: 'project = OPS ORDER BY created' } // jira",
        "gs.info('search the knowledge base') // no Jira here: /search",
    ])('not flagged: %s', (text) => {
        expect(rules(text)).toEqual([])
    })

    test('site URLs only when the alias authenticates through the gateway', () => {
        expect(rules("'https://acme.atlassian.net/rest/api/2/issue/X-1'")).toEqual([])
        expect(rules("'https://acme.atlassian.net/rest/api/2/issue/X-1'", true)).toEqual(['site_url_with_gateway_auth'])
    })

    test('reports the line of the first match', () => {
        const [hit] = scanScripts([src("// jira\nvar a = 1\nvar u = '/rest/api/2/search'")], false).hits
        expect(hit.line).toBe(3)
    })
})
