import { gatewayConnectionUrl, inspectConnectionUrl, joinUrl, originOf, parseUrl } from './urls'

const GATEWAY = 'https://api.atlassian.com'
const ID = '1324a887-45db-1bf4-1e99-ef0ff456d421'

describe('inspectConnectionUrl', () => {
    test.each([
        [`https://api.atlassian.com/ex/jira/${ID}`, 'gateway', []],
        [`https://api.atlassian.com/ex/jira/${ID}/`, 'gateway', ['trailing_slash']],
        [`https://api.atlassian.com/ex/jira/${ID}/rest/api/2`, 'gateway', ['extra_path']],
        [`https://API.atlassian.com/ex/jira/${ID}`, 'gateway', []],
        ['https://acme.atlassian.net', 'site', []],
        ['https://acme.atlassian.net/', 'site', ['trailing_slash']],
        ['https://acme.atlassian.net/jira', 'site', ['extra_path']],
        ['http://acme.atlassian.net', 'site', ['not_https']],
        ['https://acme.atlassian.net?x=1', 'site', ['query']],
        ['https://acme.atlassian.net:8443', 'site', ['explicit_port']],
        ['https://acme.atlassian.net:443', 'site', []],
        [`https://api.atlassian.com:443/ex/jira/${ID}`, 'gateway', []],
        ['https://acme.atlassian.net#top', 'site', ['fragment']],
        ['https://acme.atlassian.net/#', 'site', ['fragment', 'trailing_slash']],
        [' https://acme.atlassian.net', 'site', ['whitespace']],
        ['https://jira.example.com', 'other', []],
        ['https://api.atlassian.com/other', 'other', ['extra_path']],
        ['acme.atlassian.net', 'other', ['not_absolute']],
        ['', 'other', ['empty']],
    ])('%j -> %s %j', (url, form, issues) => {
        const r = inspectConnectionUrl(url, GATEWAY)
        expect({ form: r.form.kind, issues: r.issues }).toEqual({ form, issues })
    })

    test('the gateway form carries the cloud id, decoded', () => {
        expect(inspectConnectionUrl(`${GATEWAY}/ex/jira/%3Ccloud-id%3E`, GATEWAY).form).toEqual({
            kind: 'gateway',
            cloudId: '<cloud-id>',
        })
    })

    test('a gateway base with a path (x_jira_connect.api_gateway_url) is honoured', () => {
        const r = inspectConnectionUrl(`https://proxy.example.com/atl/ex/jira/${ID}`, 'https://proxy.example.com/atl/')
        expect(r.form).toEqual({ kind: 'gateway', cloudId: ID })
    })
})

test('parseUrl splits scheme, host, port, path and query; null for non-URLs', () => {
    expect(parseUrl('HTTPS://Host.Example:444/a/b?q=1')).toEqual({
        scheme: 'https',
        host: 'host.example',
        port: '444',
        path: '/a/b',
        query: '?q=1',
        fragment: '',
    })
    expect(parseUrl('not a url')).toBeNull()
})

test('originOf, joinUrl and gatewayConnectionUrl', () => {
    expect(originOf(' https://acme.atlassian.net/rest/api/2/myself ')).toBe('https://acme.atlassian.net')
    expect(originOf('nope')).toBeNull()
    expect(joinUrl('https://a/b//', '//c/d')).toBe('https://a/b/c/d')
    expect(gatewayConnectionUrl('https://api.atlassian.com/', ID)).toBe(`https://api.atlassian.com/ex/jira/${ID}`)
})
