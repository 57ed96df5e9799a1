/**
 * Check group 4, Atlassian: GET /oauth/token/accessible-resources accepts the token, the connection's cloud id is one
 * the token reaches, and the site's granted scopes cover the required ones (developer.atlassian.com 3LO
 * "accessible-resources"; offline_access is never listed per site, atlassian-oauth.md §3).
 */
import { REQUIRED_JIRA_SCOPES } from '../jira-scopes'
import type { CallEngine } from '../calls'
import { errorMessageOf, jsonOrFail } from '../findings'
import type { AuthRef } from '../ports'
import type { CheckLog } from '../report'
import { safeText } from '../sanitize'
import { gatewayConnectionUrl, joinUrl } from '../urls'

export interface AccessibleSite {
    id: string
    name: string
    url: string
    scopes: string[]
}

export interface AtlassianResult {
    /** The site the connection's cloud id names, when the token reaches it. */
    site: AccessibleSite | null
    /** The call itself worked (token accepted). */
    tokenAccepted: boolean
}

export function checkAccessibleResources(
    log: CheckLog,
    engine: CallEngine,
    gatewayBase: string,
    auth: AuthRef,
    /** null: the connection holds no usable cloud id; undefined: no connection (credential-only run). */
    cloudId: string | null | undefined,
    connectionName: string,
    tokenJustIssued: boolean,
    /** Why a token rejected right after issuance lacks audience, and the fix (platform-findings audienceAdvice). */
    audience?: { found: string; fix: string }
): AtlassianResult {
    const id = 'atlassian.accessible_resources'
    const title = 'Atlassian accepts the token (accessible-resources)'
    const url = joinUrl(gatewayBase, 'oauth/token/accessible-resources')
    const outcome = engine.getJson(url, auth)
    const none: AtlassianResult = { site: null, tokenAccepted: false }
    if (outcome.kind === 'http' && outcome.status === 401) {
        const fresh = tokenJustIssued && audience
        const why = fresh
            ? audience.found
            : tokenJustIssued
              ? ' The token was issued moments ago, so the authorization request most likely lacked audience=api.atlassian.com: check oauth.registry.api_script.'
              : ''
        const fix = fresh
            ? audience.fix
            : 'Get a new token: open the credential and click Get OAuth Token. If it fails again right after, the OAuth API Script is not adding audience=api.atlassian.com.'
        log.fail(id, title, 'token_rejected', `Atlassian rejected the access token (401${errorMessageOf(outcome.body) ? `: ${errorMessageOf(outcome.body)}` : ''}).${why}`, 'HTTP 200 with the sites the token can reach.', fix)
        return none
    }
    if (outcome.kind === 'http' && outcome.status === 403) {
        log.fail(id, title, 'token_forbidden', `Atlassian refused the token (403${errorMessageOf(outcome.body) ? `: ${errorMessageOf(outcome.body)}` : ''}).`, 'HTTP 200.', 'The app or the user lost access: check the app in developer.atlassian.com (distribution, scopes) and get a new token.')
        return none
    }
    const answer = jsonOrFail(log, { id, title, what: 'accessible-resources' }, outcome, url, engine.settings.timeoutMs)
    if (!answer) return none
    const sites = parseSites(answer.json)
    if (sites === null) {
        log.fail(id, title, 'unexpected_shape', 'accessible-resources answered JSON that is not a list of sites.', 'A JSON array of {id, name, url, scopes}.', 'Check x_jira_connect.api_gateway_url points at https://api.atlassian.com.')
        return none
    }
    if (sites.length === 0) {
        log.fail(id, title, 'no_sites', 'The token is valid but reaches no Atlassian site.', 'At least one Jira site.', 'The consenting account has no access to a site where the app is allowed (or picked none on the consent screen): Get OAuth Token again with an account that can use the Jira site and select the site.')
        return { site: null, tokenAccepted: true }
    }
    log.pass(id, title, `The token reaches ${sites.length} site${sites.length === 1 ? '' : 's'}: ${sites.map((s) => `${s.name} (${s.url})`).join(', ')}.`)

    const cid = 'atlassian.cloud_id'
    const ctitle = "Connection's cloud id is a site the token reaches"
    const listing = sites.map((s) => `"${s.name}" (${s.url}): cloud id ${s.id}, Connection URL ${gatewayConnectionUrl(gatewayBase, s.id)}`).join('; ')
    if (cloudId === undefined) {
        log.skip(cid, ctitle, `No connection uses this credential; sites reachable: ${listing}.`)
        log.skip('atlassian.scopes', 'Scopes granted for the site cover the required ones', 'No connection names a site.')
        return { site: null, tokenAccepted: true }
    }
    if (!cloudId) {
        log.fail(cid, ctitle, 'cloud_id_unset', 'The connection URL does not hold a cloud id yet.', `One of: ${listing}.`, `Put the cloud id of your Jira site into Connection URL on "${connectionName}": ${listing}.`)
        return { site: null, tokenAccepted: true }
    }
    // Ids are not unique across products; prefer the entry that carries Jira scopes (atlassian-oauth.md §3).
    const matches = sites.filter((s) => s.id.toLowerCase() === cloudId)
    const site = matches.find((s) => s.scopes.some((x) => /jira/.test(x))) || matches[0] || null
    if (!site) {
        log.fail(cid, ctitle, 'cloud_id_not_accessible', `Cloud id ${cloudId} is not among the sites this token reaches.`, `One of: ${listing}.`, `Set Connection URL on "${connectionName}" to the URL of your site: ${listing}. If your site is missing, get the token again with an account that has access to it.`)
        return { site: null, tokenAccepted: true }
    }
    log.pass(cid, ctitle, `Cloud id ${cloudId} is "${site.name}" (${site.url}).`)

    const sid = 'atlassian.scopes'
    const stitle = 'Scopes granted for the site cover the required ones'
    const required = REQUIRED_JIRA_SCOPES.filter((s) => s !== 'offline_access')
    const missing = required.filter((s) => !site.scopes.includes(s))
    if (missing.length) {
        log.fail(sid, stitle, 'scopes_not_granted', `Atlassian granted ${site.scopes.length} scope${site.scopes.length === 1 ? '' : 's'} for "${site.name}"; missing: ${missing.join(', ')}.`, `All of: ${required.join(', ')} (offline_access is not listed per site).`, 'Add the missing scopes to the Atlassian app (developer.atlassian.com > your app > Permissions) and to the registry and profile, then Get OAuth Token again: consent must be renewed to grant new scopes.')
    } else {
        log.pass(sid, stitle, `All ${required.length} site scopes granted for "${site.name}" (offline_access checked on the profile).`)
    }
    return { site, tokenAccepted: true }
}

function parseSites(json: unknown): AccessibleSite[] | null {
    if (!Array.isArray(json)) return null
    const sites: AccessibleSite[] = []
    for (const raw of json) {
        if (!raw || typeof raw !== 'object') return null
        const r = raw as { [k: string]: unknown }
        if (typeof r.id !== 'string') return null
        sites.push({
            id: safeText(r.id, 64),
            name: safeText(typeof r.name === 'string' ? r.name : '', 80),
            url: safeText(typeof r.url === 'string' ? r.url : '', 120),
            scopes: Array.isArray(r.scopes) ? r.scopes.filter((s): s is string => typeof s === 'string') : [],
        })
    }
    return sites
}
