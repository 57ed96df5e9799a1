/**
 * Connection URL inspection. Rhino has no URL class, so this is a small, strict parser for the two forms Jira Cloud
 * accepts (developer.atlassian.com "OAuth 2.0 (3LO) apps" and ServiceNow "Set up the Jira spoke for Jira Cloud"):
 *   OAuth 2.0 and scoped API tokens: https://api.atlassian.com/ex/jira/<cloud-id>
 *   Basic auth with a classic API token: https://<site>.atlassian.net
 * Problems (whitespace, trailing slash, extra path, query) are reported, never silently fixed.
 */

export interface ParsedUrl {
    scheme: string
    host: string
    /** Empty when absent or the scheme's default (RFC 3986 §6.2.3: https://h:443/ is https://h/). */
    port: string
    path: string
    query: string
    /** '#...' when present: never sent to the server, and it swallows every path appended after it (§3.5). */
    fragment: string
}

const DEFAULT_PORTS: Record<string, string> = { https: '443', http: '80' }

const URL_SHAPE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#:\s]+)(?::(\d+))?([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/

export function parseUrl(url: string): ParsedUrl | null {
    const m = URL_SHAPE.exec(url)
    if (!m) return null
    const [, scheme, host, port, path, query, fragment] = m
    const lowerScheme = scheme.toLowerCase()
    return {
        scheme: lowerScheme,
        host: host.toLowerCase(),
        port: port && port.replace(/^0+(?=\d)/, '') !== DEFAULT_PORTS[lowerScheme] ? port : '',
        path: path || '',
        query: query || '',
        fragment: fragment || '',
    }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** scheme://host[:port] of an absolute URL, without trailing slash; null when it is not one. */
export function originOf(url: string): string | null {
    const p = parseUrl(url.trim())
    return p ? `${p.scheme}://${p.host}${p.port ? `:${p.port}` : ''}` : null
}

export type UrlForm =
    /** <gateway>/ex/jira/<cloud id or placeholder> */
    | { kind: 'gateway'; cloudId: string }
    /** https://<site>.atlassian.net */
    | { kind: 'site'; site: string }
    | { kind: 'other' }

export interface UrlInspection {
    /** The URL as it would be used (trimmed); the issues say what the stored one has wrong. */
    url: string
    parsed: ParsedUrl | null
    form: UrlForm
    issues: UrlIssue[]
}

export type UrlIssue =
    | 'empty'
    | 'whitespace'
    | 'not_absolute'
    | 'not_https'
    | 'trailing_slash'
    | 'query'
    | 'extra_path'
    | 'explicit_port'
    | 'fragment'

const SITE_HOST = /^([a-z0-9][a-z0-9-]*)\.atlassian\.net$/

/**
 * Inspects a connection URL against the gateway base (x_jira_connect.api_gateway_url, normally
 * https://api.atlassian.com) and the Atlassian site form.
 */
export function inspectConnectionUrl(raw: string, gatewayBase: string): UrlInspection {
    const issues: UrlIssue[] = []
    const url = (raw || '').trim()
    if (!url) return { url, parsed: null, form: { kind: 'other' }, issues: ['empty'] }
    if (url !== raw || /\s/.test(url)) issues.push('whitespace')
    const parsed = parseUrl(url.replace(/\s+/g, ''))
    if (!parsed) return { url, parsed: null, form: { kind: 'other' }, issues: issues.concat('not_absolute') }
    if (parsed.scheme !== 'https') issues.push('not_https')
    if (parsed.port) issues.push('explicit_port')
    if (parsed.query) issues.push('query')
    if (parsed.fragment) issues.push('fragment')

    const gateway = parseUrl(gatewayBase.trim().replace(/\/+$/, ''))
    const path = parsed.path
    if (gateway && parsed.host === gateway.host) {
        // <gateway path>/ex/jira/<id>[/]
        const prefix = `${gateway.path}/ex/jira/`
        if (path.startsWith(prefix)) {
            const rest = path.slice(prefix.length)
            const [id, ...more] = rest.split('/')
            if (more.length === 1 && more[0] === '') issues.push('trailing_slash')
            else if (more.length > 0) issues.push('extra_path')
            return { url, parsed, form: { kind: 'gateway', cloudId: decodeURIComponentSafe(id) }, issues }
        }
        if (path !== '' && path !== '/') issues.push('extra_path')
        return { url, parsed, form: { kind: 'other' }, issues }
    }
    const site = SITE_HOST.exec(parsed.host)
    if (site) {
        if (path === '/') issues.push('trailing_slash')
        else if (path !== '') issues.push('extra_path')
        return { url, parsed, form: { kind: 'site', site: site[1] }, issues }
    }
    return { url, parsed, form: { kind: 'other' }, issues }
}

function decodeURIComponentSafe(s: string): string {
    try {
        return decodeURIComponent(s)
    } catch (e) {
        return s
    }
}

/** Joins a base URL and a path with exactly one slash. */
export function joinUrl(base: string, path: string): string {
    return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}

/** The URL an admin should put in the connection for a cloud id. */
export function gatewayConnectionUrl(gatewayBase: string, cloudId: string): string {
    return joinUrl(gatewayBase, `ex/jira/${cloudId}`)
}
