/**
 * Check group 4, Atlassian: GET /oauth/token/accessible-resources accepts the token, the connection's cloud id is one
 * the token reaches, and the site's granted scopes cover the required ones (developer.atlassian.com 3LO
 * "accessible-resources"; offline_access is never listed per site, docs/atlassian-contract.md §3).
 */
import { REQUIRED_JIRA_SCOPES } from '../jira-scopes'
import type { CallEngine } from '../calls'
import { errorMessageOf, jsonOrFail } from '../findings'
import type { AuthRef } from '../ports'
import type { CheckLog } from '../report'
import { fieldText } from '../sanitize'
import { gatewayConnectionUrl, joinUrl } from '../urls'

export interface AccessibleSite {
    id: string
    name: string
    url: string
    /** null when the entry has no `scopes` list: what was granted is unknown, not empty. */
    scopes: string[] | null
}

export interface AtlassianResult {
    /** The site the connection's cloud id names, when the token reaches it. */
    site: AccessibleSite | null
    /** The call itself worked (token accepted). */
    tokenAccepted: boolean
}

export interface AccessibleResourcesInput {
    gatewayBase: string
    auth: AuthRef
    /** null: the connection holds no usable cloud id; undefined: no connection (credential-only run). */
    cloudId: string | null | undefined
    connectionName: string
    /** This run refreshed the token, or it is minutes old: a 401 then points at a missing `audience`. */
    tokenJustIssued: boolean
    /** For a just-issued token: why it lacks audience, and the global OAuth API Script to create (platform-findings) */
    audience?: { found: string; fix: string }
}

export function checkAccessibleResources(
    log: CheckLog,
    engine: CallEngine,
    input: AccessibleResourcesInput
): AtlassianResult {
    const id = 'atlassian.accessible_resources'
    const { gatewayBase, cloudId, connectionName } = input
    const url = joinUrl(gatewayBase, 'oauth/token/accessible-resources')
    const outcome = engine.getJson(url, input.auth)
    const none: AtlassianResult = { site: null, tokenAccepted: false }
    if (outcome.kind === 'http' && (outcome.status === 401 || outcome.status === 403)) {
        const message = errorMessageOf(outcome.body)
        const said = `${outcome.status}${message ? `: ${message}` : ''}`
        if (outcome.status === 401) {
            const advice = input.tokenJustIssued ? input.audience : undefined
            const audience = advice
                ? advice.found
                : input.tokenJustIssued
                  ? ' The token was issued moments ago, so the authorization request most likely lacked ' +
                    'audience=api.atlassian.com: check "OAuth API Script adds audience and prompt=consent".'
                  : ''
            log.fail(id, {
                code: 'token_rejected',
                found: `Atlassian rejected the access token (${said}).${audience}`,
                expected: 'HTTP 200 with the sites the token can reach.',
                fix: advice
                    ? advice.fix
                    : 'Get a new token: open the credential and click Get OAuth Token. If it fails again right ' +
                      'after, the OAuth API Script is not adding audience=api.atlassian.com.',
            })
        } else {
            log.fail(id, {
                code: 'token_forbidden',
                found: `Atlassian refused the token (${said}).`,
                expected: 'HTTP 200.',
                fix:
                    'The app or the user lost access: check the app in developer.atlassian.com (distribution, ' +
                    'scopes) and get a new token.',
            })
        }
        return none
    }
    const answer = jsonOrFail(log, { id, what: 'accessible-resources' }, outcome, url, engine.settings.timeoutMs)
    if (!answer) return none
    const sites = parseSites(answer.json)
    if (sites === null) {
        log.fail(id, {
            code: 'unexpected_shape',
            found: 'accessible-resources answered JSON that is not a list of sites.',
            expected: 'A JSON array of {id, name, url, scopes}.',
            fix: 'Check x_jira_connect.api_gateway_url points at https://api.atlassian.com.',
        })
        return none
    }
    if (sites.length === 0) {
        log.fail(id, {
            code: 'no_sites',
            found: 'The token is valid but reaches no Atlassian site.',
            expected: 'At least one Jira site.',
            fix:
                'The consenting account has no access to a site where the app is allowed (or picked none on the ' +
                'consent screen): Get OAuth Token again with an account that can use the Jira site and select ' +
                'the site.',
        })
        return { site: null, tokenAccepted: true }
    }
    const reached = sites.map((s) => `${s.name} (${s.url})`).join(', ')
    log.pass(id, `The token reaches ${sites.length} site${sites.length === 1 ? '' : 's'}: ${reached}.`)
    const site = log.ready('atlassian.cloud_id')
        ? checkSiteCloudId(log, sites, gatewayBase, cloudId, connectionName)
        : null
    if (site && log.ready('atlassian.scopes')) checkSiteScopes(log, site)
    return { site, tokenAccepted: true }
}

function checkSiteCloudId(
    log: CheckLog,
    sites: AccessibleSite[],
    gatewayBase: string,
    cloudId: string | null | undefined,
    connectionName: string
): AccessibleSite | null {
    const id = 'atlassian.cloud_id'
    const listing = sites
        .map(
            (s) => `"${s.name}" (${s.url}): cloud id ${s.id}, Connection URL ${gatewayConnectionUrl(gatewayBase, s.id)}`
        )
        .join('; ')
    if (cloudId === undefined) {
        log.skip(id, `No connection uses this credential; sites reachable: ${listing}.`)
        log.skip('atlassian.scopes', 'No connection names a site.')
        return null
    }
    if (!cloudId) {
        log.fail(id, {
            code: 'cloud_id_unset',
            found: 'The connection URL does not hold a cloud id yet.',
            expected: `One of: ${listing}.`,
            fix: `Put the cloud id of your Jira site into Connection URL on "${connectionName}": ${listing}.`,
        })
        return null
    }
    // Ids are not unique across products; prefer the entry that carries Jira scopes (docs/atlassian-contract.md §3).
    const matches = sites.filter((s) => s.id.toLowerCase() === cloudId)
    const site = matches.find((s) => (s.scopes || []).some((x) => /jira/.test(x))) || matches[0] || null
    if (!site) {
        log.fail(id, {
            code: 'cloud_id_not_accessible',
            found: `Cloud id ${cloudId} is not among the sites this token reaches.`,
            expected: `One of: ${listing}.`,
            fix:
                `Set Connection URL on "${connectionName}" to the URL of your site: ${listing}. If your site is ` +
                'missing, get the token again with an account that has access to it.',
        })
        return null
    }
    log.pass(id, `Cloud id ${cloudId} is "${site.name}" (${site.url}).`)
    return site
}

function checkSiteScopes(log: CheckLog, site: AccessibleSite): void {
    const required = REQUIRED_JIRA_SCOPES.filter((s) => s !== 'offline_access')
    const granted = site.scopes
    if (granted === null) {
        log.warn('atlassian.scopes', {
            code: 'scopes_not_listed',
            found: `accessible-resources lists "${site.name}" without a scopes list: the granted scopes are unknown.`,
            expected: `A scopes list covering: ${required.join(', ')}.`,
            fix:
                'Nothing to re-consent for yet: the Jira checks below show whether the token works. If they ' +
                "fail with a scope error, compare the app's Permissions at developer.atlassian.com with the " +
                "profile's scopes.",
        })
        return
    }
    const missing = required.filter((s) => !granted.includes(s))
    if (missing.length) {
        const n = granted.length
        log.fail('atlassian.scopes', {
            code: 'scopes_not_granted',
            found:
                `Atlassian granted ${n} scope${n === 1 ? '' : 's'} for "${site.name}"; ` +
                `missing: ${missing.join(', ')}.`,
            expected: `All of: ${required.join(', ')} (offline_access is not listed per site).`,
            fix:
                'Add the missing scopes to the Atlassian app (developer.atlassian.com > your app > Permissions) and ' +
                'to the registry and profile, then Get OAuth Token again: consent must be renewed to grant new scopes.',
        })
    } else {
        const granted = `All ${required.length} site scopes granted for "${site.name}"`
        log.pass('atlassian.scopes', `${granted} (offline_access checked on the profile).`)
    }
}

function parseSites(json: unknown): AccessibleSite[] | null {
    if (!Array.isArray(json)) return null
    const sites: AccessibleSite[] = []
    for (const raw of json) {
        if (!raw || typeof raw !== 'object') return null
        const r = raw as { [k: string]: unknown }
        if (typeof r.id !== 'string') return null
        sites.push({
            id: fieldText(r.id, 64),
            name: fieldText(typeof r.name === 'string' ? r.name : '', 120),
            url: fieldText(typeof r.url === 'string' ? r.url : '', 200),
            scopes: Array.isArray(r.scopes) ? r.scopes.filter((s): s is string => typeof s === 'string') : null,
        })
    }
    return sites
}
