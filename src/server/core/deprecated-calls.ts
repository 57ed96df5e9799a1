/**
 * Removed and deprecated Jira Cloud calls in the instance's own scripts (REST messages and their functions, Flow
 * Designer REST step inputs, script includes, business rules): pure text rules over what the adapter reads. Reports,
 * never changes. Sources:
 * - /rest/api/{2,3}/search, POST /rest/api/3/search/id and /rest/api/3/expression/eval removed (CHANGE-2046; all
 *   traffic blocked 2025-10-31, answered 410 Gone); replacements /search/jql (nextPageToken paging, no startAt/total,
 *   fields not returned by default, unbounded JQL refused with 400) and /expression/evaluate. developer.atlassian.com
 *   changelog CHANGE-2046; community.atlassian.com "When are JQL search endpoints ... removed".
 * - createmeta with expand (CHANGE-1304): /issue/createmeta/{projectIdOrKey}/issuetypes[/{issueTypeId}].
 * - Epic Link (customfield_10014) deprecated in REST and webhooks in favour of `parent`.
 * - Scoped API tokens and service-account OAuth tokens work only through https://api.atlassian.com/ex/jira/<cloud id>
 *   (Atlassian support "401 Unauthorized error when service account accesses Jira").
 */

export interface ScriptSource {
    /** sys_script_include, sys_script, sys_rest_message, sys_rest_message_fn, sys_hub_step_instance ... */
    table: string
    sysId: string
    name: string
    /** The field the text came from (script, rest_endpoint, content, value). */
    field: string
    text: string
}

export type DeprecationRule =
    | 'search_removed'
    | 'search_id_removed'
    | 'expression_eval_removed'
    | 'start_at_paging'
    | 'createmeta_expand'
    | 'epic_link_field'
    | 'unbounded_jql'
    | 'site_url_with_gateway_auth'

export type DeprecationCode = 'removed_jira_api' | 'deprecated_jira_usage' | 'hard_coded_site_url'

interface Rule {
    id: DeprecationRule
    code: DeprecationCode
    re: RegExp
    /** What was found, in words. */
    what: string
    fix: string
}

const RULES: Rule[] = [
    {
        id: 'search_id_removed',
        code: 'removed_jira_api',
        re: /\/rest\/api\/(?:3|latest)\/search\/id\b/,
        what: 'POST /rest/api/3/search/id (removed, 410 Gone)',
        fix: 'call /rest/api/3/search/jql and read the issue ids from its answer',
    },
    {
        id: 'search_removed',
        code: 'removed_jira_api',
        re: /\/rest\/api\/(?:2|3|latest)\/search(?!\/jql|\/id|\/approximate-count)(?![\w/-])/,
        what: '/rest/api/{2,3}/search (removed, 410 Gone)',
        fix:
            'call /rest/api/{2,3}/search/jql: pass fields= (only ids come back by default), page with nextPageToken ' +
            'and isLast, bound the JQL',
    },
    {
        id: 'expression_eval_removed',
        code: 'removed_jira_api',
        re: /\/rest\/api\/(?:3|latest)\/expression\/eval(?!uate)\b/,
        what: 'POST /rest/api/3/expression/eval (removed)',
        fix: 'call /rest/api/3/expression/evaluate',
    },
    {
        id: 'start_at_paging',
        code: 'deprecated_jira_usage',
        re: /search\/jql[\s\S]{0,400}\bstartAt\b|\bstartAt\b[\s\S]{0,400}search\/jql/,
        what: 'startAt paging on /search/jql (ignored: it pages with nextPageToken)',
        fix: 'page with nextPageToken until isLast is true; there is no total',
    },
    {
        id: 'createmeta_expand',
        code: 'deprecated_jira_usage',
        re: /issue\/createmeta(?:\?|["'`]\s*\+?\s*["'`]?\?)[^\n]{0,200}\bexpand\b|issue\/createmeta\?[^\s"'`]*expand/,
        what: 'GET /rest/api/{2,3}/issue/createmeta?expand=... (CHANGE-1304)',
        fix: 'call /rest/api/{2,3}/issue/createmeta/{project}/issuetypes and .../issuetypes/{issueTypeId}',
    },
    {
        id: 'epic_link_field',
        code: 'deprecated_jira_usage',
        re: /\bcustomfield_10014\b|["']Epic Link["']/,
        what: 'the Epic Link field (customfield_10014)',
        fix: 'set and read the epic through the parent field ({"parent":{"key":"EPIC-1"}})',
    },
    {
        id: 'unbounded_jql',
        code: 'deprecated_jira_usage',
        re: /\bjql["']?\s*[:=]\s*(?:["'`]\s*(?:order\s+by\b[^"'`\n]*)?["'`])/i,
        what: 'an empty or ORDER BY-only JQL (unbounded: /search/jql answers 400)',
        fix: 'restrict the JQL, e.g. project = KEY (and updated >= -30d) before ORDER BY',
    },
]

const SITE_URL: Rule = {
    id: 'site_url_with_gateway_auth',
    code: 'hard_coded_site_url',
    re: /https:\/\/[a-z0-9][a-z0-9-]*\.atlassian\.net\b/i,
    what: 'a hard-coded https://<site>.atlassian.net URL',
    fix:
        'use the connection alias (its URL is https://api.atlassian.com/ex/jira/<cloud id>): service-account and ' +
        'scoped-token calls to the site URL answer 401',
}

/** Text that talks to Jira at all (other scripts are not Jira callers, whatever they contain). */
const JIRA = /atlassian\.net|api\.atlassian\.com\/ex\/jira|\/rest\/api\/(?:2|3|latest)\/|\bjira\b/i

export interface ScanHit {
    source: ScriptSource
    rule: DeprecationRule
    code: DeprecationCode
    line: number
    what: string
    fix: string
}

export interface ScanResult {
    hits: ScanHit[]
    scanned: number
    /** Stopped before the end of `sources` because the time budget ran out. */
    outOfTime: boolean
}

/** 1-based line of a character offset. */
function lineOf(text: string, index: number): number {
    let n = 1
    for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) n++
    return n
}

/**
 * Applies every rule to every Jira-calling source (one hit per rule and source). `gatewayAuth`: a connection of the
 * alias authenticates with a service account or a scoped token, so hard-coded site URLs cannot work.
 * Texts are cut at `maxChars` each: the bound that keeps 10,000 scripts inside the validation budget.
 */
export function scanScripts(
    sources: ScriptSource[],
    gatewayAuth: boolean,
    maxChars = 100000,
    timeUp: () => boolean = () => false
): ScanResult {
    const rules = gatewayAuth ? RULES.concat([SITE_URL]) : RULES
    const hits: ScanHit[] = []
    let scanned = 0
    for (const source of sources) {
        // The clock is read every 100 records: the run's time budget bounds the scan as it bounds the calls.
        if (scanned % 100 === 0 && timeUp()) return { hits, scanned, outOfTime: true }
        scanned++
        const text = source.text.length > maxChars ? source.text.slice(0, maxChars) : source.text
        if (!JIRA.test(text)) continue
        for (const rule of rules) {
            const m = rule.re.exec(text)
            if (!m) continue
            hits.push({
                source,
                rule: rule.id,
                code: rule.code,
                line: lineOf(text, m.index),
                what: rule.what,
                fix: rule.fix,
            })
        }
    }
    return { hits, scanned, outOfTime: false }
}
