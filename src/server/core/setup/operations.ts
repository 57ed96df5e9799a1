/**
 * The setup assistant's operations (the scripted REST API's resources call these). Each validates all its input
 * before its first write, so a refusal changes nothing; each returns data the page shows and never a secret.
 */
import { inboundSections, shownSection, type InboundShown } from '../inbound-view'
import { ATLASSIAN } from '../atlassian'
import { type ActingAs, actingAsOf } from './acting-as'
import type { HttpPort, HttpResult, TokenPort } from '../ports'
import type { CapabilityOfConnection, CheckResult, PersonOfConnection, StandingOfConnection } from '../report'
import { safeText } from '../sanitize'
import { isTokenAccessDenied, storedTokens } from '../stored-tokens'
import { parseUrl, UUID } from '../urls'
import * as inputs from './inputs'
import { done, type FieldError, type OpResult, refuse } from './result'
import { locked, type Values } from './writes'
import { type ConsoleScopes, consoleScopes } from './scopes'
import type { ConnectionRow, JiraRecords, SetupPort } from './setup-port'

export interface SetupDeps {
    records: SetupPort
    http: HttpPort
    tokens: TokenPort
}

export interface Site {
    cloudId: string
    name: string
    url: string
    scopes: string[]
}

export interface SetupState {
    instanceUrl: string
    callbackUrl: string
    scopes: ConsoleScopes
    oauth: {
        registrySysId: string
        clientIdSet: boolean
        clientSecretSet: boolean
        /** When the registry (client id / secret) was last saved; '' when neither is set. */
        savedOn: string
        credentialSysId: string | null
        /** The platform's "Get OAuth Token" popup URL (relative to the instance). */
        getTokenPath: string | null
        token: { hasAccessToken: boolean; hasRefreshToken: boolean; accessExpiresInSec: number | null } | null
        connection: { sysId: string; name: string; url: string; active: boolean; cloudId: string | null } | null
    }
    apiToken: {
        connection: { sysId: string; name: string; url: string; active: boolean; site: string } | null
        email: string
        tokenSet: boolean
        savedOn: string
    }
}

const TIMEOUT_PROPERTY = 'x_jira_connect.http_timeout_ms'
const GATEWAY_PROPERTY = 'x_jira_connect.api_gateway_url'

export function records<T>(deps: SetupDeps): OpResult<JiraRecords> {
    const r = deps.records.jiraRecords()
    return r
        ? done(r)
        : refuse<T & JiraRecords>(
              404,
              '',
              'app_records_missing',
              'The Jira alias x_jira_connect.Jira or the "Jira Cloud OAuth" registry is not installed. ' +
                  'Reinstall Jira Cloud Connect from the application repository.'
          )
}

export function timeoutMs(deps: SetupDeps): number {
    const n = Number(deps.records.property(TIMEOUT_PROPERTY, '10000'))
    return Number.isFinite(n) && n > 0 ? Math.min(n, 60000) : 10000
}

export function gateway(deps: SetupDeps): string {
    return deps.records.property(GATEWAY_PROPERTY, ATLASSIAN.apiGatewayUrl).replace(/\/+$/, '')
}

/** The platform's "Get OAuth Token" popup for a credential (relative to the instance), as its form's link opens it. */
export function getTokenPath(credentialSysId: string, profileSysId: string): string {
    return (
        'oauth_initiator.do?oauth_requestor_context=oauth_2_0_credentials' +
        `&oauth_requestor=${credentialSysId}&oauth_provider_profile=${profileSysId}&response_type=code`
    )
}

export function cloudIdOf(url: string): string | null {
    const m = /\/ex\/jira\/([^/?#\s]+)$/.exec(url.trim())
    return m && UUID.test(m[1]) ? m[1].toLowerCase() : null
}

function siteOfUrl(url: string): string {
    const p = parseUrl(url.trim())
    const m = p ? /^([a-z0-9-]+)\.atlassian\.net$/.exec(p.host) : null
    return m ? m[1] : ''
}

function apiTokenConnection(deps: SetupDeps, aliasSysId: string): ConnectionRow | null {
    const rows = deps.records
        .connections(aliasSysId)
        .filter((c) => c.credentialKind === 'basic' && c.aliasSysId === aliasSysId)
    return rows.find((c) => c.active) || rows[0] || null
}

export function state(deps: SetupDeps): OpResult<SetupState> {
    const found = records<SetupState>(deps)
    if (!found.ok) return found
    const r = found.value
    const instanceUrl = deps.records.instanceUrl()
    const token = r.credentialSysId ? storedTokens(deps.tokens, r.credentialSysId, r.profileSysId) : null
    const conn = r.oauthConnection
    const basicConn = apiTokenConnection(deps, r.aliasSysId)
    const basic = basicConn ? deps.records.basicCredential(basicConn.credentialSysId) : null
    const registry = r.registry
    return done({
        instanceUrl,
        callbackUrl: `${instanceUrl}oauth_redirect.do`,
        scopes: consoleScopes(),
        oauth: {
            registrySysId: registry.sysId,
            clientIdSet: registry.hasClientId,
            clientSecretSet: registry.hasClientSecret,
            savedOn: registry.hasClientId || registry.hasClientSecret ? registry.updatedOn : '',
            credentialSysId: r.credentialSysId,
            getTokenPath: r.credentialSysId ? getTokenPath(r.credentialSysId, r.profileSysId) : null,
            token: token
                ? {
                      hasAccessToken: token.hasAccessToken,
                      hasRefreshToken: token.hasRefreshToken,
                      accessExpiresInSec: token.accessExpiresInSec,
                  }
                : null,
            connection: conn
                ? {
                      sysId: conn.sysId,
                      name: conn.name,
                      url: conn.url,
                      active: conn.active,
                      cloudId: cloudIdOf(conn.url),
                  }
                : null,
        },
        apiToken: {
            connection: basicConn
                ? {
                      sysId: basicConn.sysId,
                      name: basicConn.name,
                      url: basicConn.url,
                      active: basicConn.active,
                      site: siteOfUrl(basicConn.url),
                  }
                : null,
            email: basic ? basic.email : '',
            tokenSet: basic ? basic.hasToken : false,
            savedOn: basic ? basic.updatedOn : '',
        },
    })
}

/**
 * Client ID and secret of the 3LO registry. A blank secret keeps the stored one (issue 17 §5). One record, one write:
 * a refusal changes nothing. Admin only (the REST resource checks), written through GlideRecordSecure, audited.
 */
export function saveOAuthClient(deps: SetupDeps, body: Record<string, unknown>): OpResult<{ savedOn: string }> {
    const found = records<{ savedOn: string }>(deps)
    if (!found.ok) return found
    const registry = found.value.registry
    const console = 'your Atlassian app in the developer console (developer.atlassian.com, Settings)'
    const { id, sec } = inputs.clientIdAndSecret(body, registry.hasClientSecret, inputs.APP_CLIENT_ID_PLACE, console)
    if (!id.ok || !sec.ok) return { ok: false, status: 400, errors: errorsOf([id, sec]) }
    return locked(deps.records, 'save 3LO client id and secret', 'Saving the client ID and secret', (tx) => {
        const values: Values = { client_id: id.value }
        if (sec.value !== null) values.client_secret = sec.value
        // An XML install leaves Redirect URL blank and only a registry form save fills it (docs/servicenow-platform.md,
        // issue 8 item 8): this setup step fills it the same way, so Atlassian gets a redirect_uri.
        const current = deps.records.readFields('oauth_entity', registry.sysId, ['redirect_url'])
        if (current && current.redirect_url.trim() === '') {
            values.redirect_url = `${deps.records.instanceUrl()}oauth_redirect.do`
        }
        tx.update('oauth_entity', registry.sysId, registry.name, values, ['client_secret'])
        const after = deps.records.jiraRecords()
        return done({ savedOn: after ? after.registry.updatedOn : '' })
    })
}

export function errorsOf(parsed: Array<inputs.Parsed<unknown>>): FieldError[] {
    const out: FieldError[] = []
    for (const p of parsed) if (!p.ok) out.push(p.error)
    return out
}

function upstreamFailure<T>(what: string, r: HttpResult): OpResult<T> {
    if (!r.ok) {
        return refuse(
            502,
            '',
            `atlassian_${r.failure}`,
            `${what} did not answer (${r.failure}: ${safeText(r.detail, 160)}). Try again.`
        )
    }
    return refuse(502, '', 'atlassian_error', `${what} answered HTTP ${r.status}: ${safeText(r.body, 160)}`)
}

/** The Jira sites the 3LO token reaches (GET <gateway>/oauth/token/accessible-resources). */
export function sites(deps: SetupDeps): OpResult<{ sites: Site[] }> {
    const found = records<{ sites: Site[] }>(deps)
    if (!found.ok) return found
    const r = found.value
    const read = r.credentialSysId ? deps.tokens.read(r.credentialSysId, r.profileSysId) : null
    if (isTokenAccessDenied(read)) {
        return refuse(
            403,
            '',
            'token_access_denied',
            `${read.userName} may not read OAuth tokens: the platform keeps them to the admin role (KB0859525). ` +
                'Ask an admin to pick the site, or to grant you the admin role.'
        )
    }
    const token = read
    if (!r.credentialSysId || !token || !token.hasAccessToken) {
        return refuse(
            409,
            '',
            'no_token',
            'There is no OAuth token yet: click "Get OAuth Token" and accept in Atlassian first.'
        )
    }
    const res = deps.http.send({
        method: 'GET',
        url: `${gateway(deps)}/oauth/token/accessible-resources`,
        headers: { Accept: 'application/json' },
        auth: { kind: 'oauth2', credentialSysId: r.credentialSysId, profileSysId: r.profileSysId },
        timeoutMs: timeoutMs(deps),
    })
    if (!res.ok || res.status !== 200) {
        if (res.ok && res.status === 401) {
            return refuse(
                409,
                '',
                'token_rejected',
                'Atlassian refused the stored token (HTTP 401). Click "Get OAuth Token" again; then run Validate.'
            )
        }
        return upstreamFailure('Atlassian (accessible-resources)', res)
    }
    let list: unknown
    try {
        list = JSON.parse(res.body)
    } catch (e) {
        return refuse(
            502,
            '',
            'atlassian_not_json',
            'Atlassian answered accessible-resources with something that is not JSON.'
        )
    }
    if (!Array.isArray(list))
        return refuse(502, '', 'atlassian_not_json', 'Atlassian answered accessible-resources with no list.')
    const out: Site[] = []
    for (const x of list as Array<Record<string, unknown>>) {
        const id = String((x && x.id) || '')
        if (!UUID.test(id)) continue
        const scopes = Array.isArray(x.scopes) ? (x.scopes as unknown[]).map(String) : []
        out.push({
            cloudId: id.toLowerCase(),
            name: safeText(String(x.name || ''), 100),
            url: safeText(String(x.url || ''), 200),
            scopes,
        })
    }
    return done({ sites: out })
}

/** Points the shipped OAuth connection at a site the token reaches: <gateway>/ex/jira/<cloud id>. */
/** The site with this cloud id among those the stored token reaches, or a 400 at cloudId naming the ones it does. */
export function reachableSite(deps: SetupDeps, cloudId: string): OpResult<Site> {
    const reachable = sites(deps)
    if (!reachable.ok) return reachable
    const site = reachable.value.sites.find((s) => s.cloudId === cloudId)
    if (site) return done(site)
    const names = reachable.value.sites.map((s) => `${s.name} (${s.cloudId})`).join(', ') || 'none'
    return refuse(
        400,
        'cloudId',
        'site_unknown',
        `Cloud id ${cloudId} is not a site this token reaches (it reaches: ${names}). ` +
            'Pick one of those, or get a token as a user of that site.'
    )
}

export function chooseSite(deps: SetupDeps, body: Record<string, unknown>): OpResult<{ url: string; site: Site }> {
    const id = inputs.cloudId(body.cloudId)
    if (!id.ok) return { ok: false, status: 400, errors: [id.error] }
    const found = records<{ url: string; site: Site }>(deps)
    if (!found.ok) return found
    const conn = found.value.oauthConnection
    if (!conn) {
        return refuse(
            404,
            '',
            'connection_missing',
            'The "Jira Cloud OAuth Connection" is not on this instance; reinstall the app.'
        )
    }
    const reached = reachableSite(deps, id.value)
    if (!reached.ok) return reached
    const site = reached.value
    const url = `${gateway(deps)}/ex/jira/${site.cloudId}`
    return locked(deps.records, 'choose the 3LO site', 'Choosing the site', (tx) => {
        tx.update('http_connection', conn.sysId, conn.name, { connection_url: url })
        return done({ url, site })
    })
}

/** The cloud id of https://<site>.atlassian.net from its unauthenticated /_edge/tenant_info. */
export function lookupSite(
    deps: SetupDeps,
    body: Record<string, unknown>
): OpResult<{ site: string; url: string; cloudId: string }> {
    const name = inputs.siteName(body.site)
    if (!name.ok) return { ok: false, status: 400, errors: [name.error] }
    return tenantInfo(deps, name.value)
}

export function tenantInfo(deps: SetupDeps, site: string): OpResult<{ site: string; url: string; cloudId: string }> {
    const url = `https://${site}.atlassian.net`
    const res = deps.http.send({
        method: 'GET',
        url: `${url}/_edge/tenant_info`,
        headers: { Accept: 'application/json' },
        auth: { kind: 'none' },
        timeoutMs: timeoutMs(deps),
    })
    const unknown = () =>
        refuse<{ site: string; url: string; cloudId: string }>(
            400,
            'site',
            'site_unknown',
            `No Jira Cloud site answers at ${url} (${res.ok ? `HTTP ${res.status}` : res.failure}). ` +
                "Check the name in your browser's address bar when you use Jira, e.g. acme for acme.atlassian.net."
        )
    if (!res.ok) return res.failure === 'unknown_host' ? unknown() : upstreamFailure(`${url}/_edge/tenant_info`, res)
    if (res.status === 404) return unknown()
    if (res.status !== 200) return upstreamFailure(`${url}/_edge/tenant_info`, res)
    let cloud = ''
    try {
        cloud = String((JSON.parse(res.body) as { cloudId?: unknown }).cloudId || '')
    } catch (e) {
        cloud = ''
    }
    if (!UUID.test(cloud))
        return refuse(502, 'site', 'tenant_info_unreadable', `${url}/_edge/tenant_info gave no cloud id.`)
    return done({ site, url, cloudId: cloud.toLowerCase() })
}

export interface SavedApiToken {
    connectionSysId: string
    url: string
    /** Whether the connection is the live one (then this save changed what the integration uses now). */
    active: boolean
}

/**
 * API token path: checks the site exists, then writes the basic-auth credential and the connection
 * https://<site>.atlassian.net on the Jira alias. A new connection is created inactive and nothing else is
 * deactivated (validate before switching, issue 17 §2): "Make this the live connection" (live.ts) switches once its
 * validation passed. Order: credential first, then the connection; a refusal puts back what was changed. A blank
 * API token keeps the stored one.
 */
export function saveApiToken(deps: SetupDeps, body: Record<string, unknown>): OpResult<SavedApiToken> {
    const found = records<SavedApiToken>(deps)
    if (!found.ok) return found
    const r = found.value
    const existing = apiTokenConnection(deps, r.aliasSysId)
    const stored = existing ? deps.records.basicCredential(existing.credentialSysId) : null
    const site = inputs.siteName(body.site)
    const mail = inputs.email(body.email)
    const tok = inputs.keptSecret(
        'apiToken',
        'API token',
        body.apiToken,
        inputs.MAX_API_TOKEN_LENGTH,
        !!(stored && stored.hasToken),
        'id.atlassian.com → Security → API tokens'
    )
    if (!site.ok || !mail.ok || !tok.ok) return { ok: false, status: 400, errors: errorsOf([site, mail, tok]) }
    const tenant = tenantInfo(deps, site.value)
    if (!tenant.ok) return tenant
    const siteUrl = tenant.value.url
    return locked(deps.records, 'save API token', 'Saving the API token', (tx) => {
        const credValues: Values = { user_name: mail.value, active: true }
        if (tok.value !== null) credValues.password = tok.value
        let credSysId: string | null
        if (stored) {
            credSysId = stored.sysId
            tx.update('basic_auth_credentials', stored.sysId, stored.name, credValues, ['password'])
        } else {
            credSysId = tx.insert(
                'basic_auth_credentials',
                `Jira Cloud API token (${site.value})`,
                { ...credValues, name: `Jira Cloud API token (${site.value})` },
                ['password']
            )
        }
        if (!credSysId) return done({ connectionSysId: '', url: siteUrl, active: false })
        let connSysId: string | null
        if (existing) {
            connSysId = existing.sysId
            tx.update('http_connection', existing.sysId, existing.name, {
                connection_url: siteUrl,
                credential: credSysId,
            })
        } else {
            const name = `Jira Cloud ${site.value} (API token)`
            connSysId = tx.insert('http_connection', name, {
                name,
                connection_url: siteUrl,
                credential: credSysId,
                connection_alias: r.aliasSysId,
                active: false,
            })
        }
        return done({ connectionSysId: connSysId || '', url: siteUrl, active: !!(existing && existing.active) })
    })
}

export interface ShownCheck extends CheckResult {
    /** Which step of the page fixes it (1 Atlassian app, 2 secrets, 3 token, 4 site), 0 when none. */
    step: number
    /** The record form to open for the fix, relative to the instance, or ''. */
    link: string
}

export interface ValidationShown {
    verdict: string
    summary: string
    checks: ShownCheck[]
    runSysId: string | null
    runLink: string
    /** What the connection can do (capability-table.ts) and who signed in: shown, the person never stored. */
    capabilities: CapabilityOfConnection[]
    people: PersonOfConnection[]
    /** Each connection's way in and its standing against Atlassian's and ServiceNow's rules (auth-standing.ts). */
    standings: StandingOfConnection[]
    /** When this answer was made (epoch ms): the page shows a cached capability table's age from it. */
    checkedNowMs: number
    /** Who ServiceNow acts as in Jira (account and site), when the validation got that far. */
    actingAs: ActingAs | null
    /** Jira → ServiceNow: each connection's webhooks and inbound findings (inbound-view.ts). */
    inbound: InboundShown[]
}

function stepOf(id: string): number {
    if (id === 'atlassian.scopes' || id === 'oauth.callback_url') return 1
    if (id === 'oauth.registry.client_credentials' || id === 'config.credential.basic') return 2
    if (id.indexOf('token.') === 0 || id === 'atlassian.accessible_resources') return 3
    if (id === 'atlassian.cloud_id' || id.indexOf('config.connection.url') === 0 || id === 'config.connection.cloud_id')
        return 4
    return 0
}

function linkOf(id: string, r: JiraRecords, target: { connection: string; credential: string }): string {
    if (id.indexOf('oauth.registry') === 0 || id === 'oauth.callback_url')
        return `oauth_entity.do?sys_id=${r.registry.sysId}`
    if (id.indexOf('oauth.profile') === 0) return `oauth_entity_profile.do?sys_id=${r.profileSysId}`
    if (id.indexOf('token.') === 0 || id === 'config.credential.basic') return target.credential
    if (id.indexOf('config.connection') === 0 || id.indexOf('config.attribute') === 0 || id === 'atlassian.cloud_id') {
        return target.connection
    }
    if (id === 'config.alias') return `sys_alias.do?sys_id=${r.aliasSysId}`
    return ''
}

/** jira.myself codes that mean Jira refused the basic-auth email and API token (checks/jira.ts basicLoginFinding). */
const BASIC_REFUSED = ['credentials_rejected', 'captcha_required', 'password_not_api_token']

/**
 * Steps of the page's API-token path: 1 the token in Atlassian, 2 site, email and API token, 3 validate. A token Jira
 * rejected is fixed in step 2 (paste a new one), on the credential that holds it; so are the site and the connection
 * URL. The 3LO steps (3 token, 4 site) do not exist on this path.
 */
export function tokenPlace(r: JiraRecords): FixPlace {
    return (c, target) => {
        const refused = c.id === 'jira.myself' && BASIC_REFUSED.indexOf(c.code) >= 0
        if (refused || c.id === 'config.credential.basic') return { step: 2, link: target.credential }
        const site =
            stepOf(c.id) === 4 ||
            c.id === 'atlassian.site_cloud_id' ||
            (c.id === 'jira.myself' && c.code === 'site_not_found')
        if (site) return { step: 2, link: target.connection }
        return { step: 0, link: linkOf(c.id, r, target) }
    }
}

/** Validates the Jira alias (whichever connection is active), stores the run, and maps each check to its fix. */
export function validateSetup(deps: SetupDeps): OpResult<ValidationShown> {
    const found = records<ValidationShown>(deps)
    if (!found.ok) return found
    const r = found.value
    return done(shown(deps, r, 'sys_alias', r.aliasSysId))
}

/**
 * Validates one path's own connection, live or not (issue 17 §1: the 3LO path validates the 3LO connection, not
 * whichever is active): 'oauth' = the shipped 3LO connection, 'api-token' = the basic-auth connection on the alias.
 */
export function validatePath(deps: SetupDeps, target: 'oauth' | 'api-token'): OpResult<ValidationShown> {
    const found = records<ValidationShown>(deps)
    if (!found.ok) return found
    const r = found.value
    const conn = target === 'oauth' ? r.oauthConnection : apiTokenConnection(deps, r.aliasSysId)
    if (!conn) {
        return refuse(
            409,
            '',
            'connection_missing',
            target === 'oauth'
                ? 'The "Jira Cloud OAuth Connection" is not on this instance; reinstall the app.'
                : 'There is no API-token connection yet: save the site, email and API token first.'
        )
    }
    return done(shown(deps, r, 'http_connection', conn.sysId, target === 'api-token' ? tokenPlace(r) : undefined))
}

/** Validates one connection (health view's per-row Validate). */
export function validateConnection(deps: SetupDeps, body: Record<string, unknown>): OpResult<ValidationShown> {
    const id = inputs.connectionSysId(body.connectionSysId)
    if (!id.ok) return { ok: false, status: 400, errors: [id.error] }
    const raw = id.value
    const found = records<ValidationShown>(deps)
    if (!found.ok) return found
    if (!deps.records.connections(found.value.aliasSysId).some((c) => c.sysId === raw)) {
        return refuse(
            400,
            'connectionSysId',
            'connection_unknown',
            `No connection ${raw} on the Jira alias or its child aliases.`
        )
    }
    return done(shown(deps, found.value, 'http_connection', raw))
}

function credentialTable(kind: string): string {
    return kind === 'basic' ? 'basic_auth_credentials' : 'oauth_2_0_credentials'
}

/** Where the page shows the fix of a failing check: the step of the path and the record to open. */
export type FixPlace = (
    check: CheckResult,
    target: { connection: string; credential: string }
) => { step: number; link: string }

export function shown(
    deps: SetupDeps,
    r: JiraRecords,
    table: string,
    sysId: string,
    place: FixPlace = (c, target) => ({ step: stepOf(c.id), link: linkOf(c.id, r, target) })
): ValidationShown {
    const { report, runSysId } = deps.records.validate(table, sysId)
    const active = deps.records.connections(r.aliasSysId).filter((c) => c.active)
    const conn =
        table === 'http_connection' ? deps.records.connections(r.aliasSysId).find((c) => c.sysId === sysId) : active[0]
    const target = {
        connection: conn ? `http_connection.do?sys_id=${conn.sysId}` : '',
        credential:
            conn && conn.credentialSysId
                ? `${credentialTable(conn.credentialKind)}.do?sys_id=${conn.credentialSysId}`
                : '',
    }
    return {
        verdict: report.verdict,
        summary: report.summary,
        checks: report.checks.map((c) => {
            const at = place(c, target)
            return { ...c, step: at.step, link: c.status === 'pass' ? '' : at.link }
        }),
        runSysId,
        runLink: runSysId ? `x_jira_connect_validation_run.do?sys_id=${runSysId}` : '',
        capabilities: report.capabilities || [],
        people: report.people || [],
        standings: report.standings || [],
        checkedNowMs: report.startedAtMs + report.durationMs,
        actingAs: actingAsOf(report.checks, report),
        inbound: inboundSections(report).map(shownSection),
    }
}
