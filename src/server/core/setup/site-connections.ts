/**
 * "Connect another site": one child alias per Jira site (ServiceNow's multi-site pattern for the Jira spoke: a second
 * site is a child alias of the Jira alias, docs "Set up the Jira spoke", Workflow Studio "Add Connection"), each with
 * its own HTTP connection https://api.atlassian.com/ex/jira/<cloud id> and its own OAuth 2.0 credential.
 *
 * Own credential, on a new non-default profile of the same registry (same scopes), never the shipped credential
 * again (README assumption A29): ServiceNow allows a credential on one active connection only ("Credential is unique
 * across active connections, if not empty", docs "Connection information"), and "Each credential must be linked to a
 * unique OAuth entity profile. The default profile can only be used for one credential" (docs, DevOps "Connect a Jira
 * tool using OAuth 2.0 with 3LO"). So the admin clicks "Get OAuth Token" once more, for the new credential.
 *
 * Idempotent: a site that already has a child-alias connection is returned as it is. Bad input (a cloud id that is not
 * a UUID, a site the token does not reach, the main connection's own site) is a 400 and creates nothing.
 */
import { storedTokens } from '../stored-tokens'
import * as inputs from './inputs'
import { cloudIdOf, gateway, getTokenPath, reachableSite, records, type SetupDeps, type Site } from './operations'
import { done, type OpResult, refuse } from './result'
import type { JiraRecords } from './setup-port'

/** A Jira site connected through its own child alias. */
export interface SiteConnection {
    cloudId: string
    aliasSysId: string
    aliasId: string
    connectionSysId: string
    connectionName: string
    url: string
    active: boolean
    credentialSysId: string
    profileSysId: string
    hasToken: boolean
    /** The platform's "Get OAuth Token" popup for this connection's credential (relative to the instance). */
    getTokenPath: string | null
}

export interface AddedSite {
    created: boolean
    site: Site
    connection: SiteConnection
}

/** sys_alias.name: letters, digits and underscore only (docs "Connection alias"). */
const ALIAS_NAME_MAX = 80

/** Connections on the Jira alias's child aliases that point at a Jira site through the gateway. */
export function siteConnections(deps: SetupDeps, r: JiraRecords): SiteConnection[] {
    const out: SiteConnection[] = []
    for (const c of deps.records.connections(r.aliasSysId)) {
        const cloudId = cloudIdOf(c.url)
        if (c.aliasSysId === r.aliasSysId || !cloudId) continue
        const profileSysId = c.credentialKind === 'oauth2' ? deps.records.credentialProfile(c.credentialSysId) : null
        const token = profileSysId ? storedTokens(deps.tokens, c.credentialSysId, profileSysId) : null
        out.push({
            cloudId,
            aliasSysId: c.aliasSysId,
            aliasId: c.aliasId,
            connectionSysId: c.sysId,
            connectionName: c.name,
            url: c.url,
            active: c.active,
            credentialSysId: c.credentialSysId,
            profileSysId: profileSysId || '',
            hasToken: !!(token && token.hasAccessToken),
            getTokenPath: profileSysId ? getTokenPath(c.credentialSysId, profileSysId) : null,
        })
    }
    return out
}

/** A state answer with the sites connected through child aliases added. */
export function withSites<T extends object>(
    deps: SetupDeps,
    s: OpResult<T>
): OpResult<T & { siteConnections: SiteConnection[] }> {
    if (!s.ok) return s
    const r = deps.records.jiraRecords()
    return done({ ...s.value, siteConnections: r ? siteConnections(deps, r) : [] })
}

/** Jira_<site>, letters, digits and underscore only; _2, _3… when the name is taken. */
function aliasNameFor(deps: SetupDeps, parentAliasSysId: string, site: Site): string {
    const label = site.name || (/^https:\/\/([a-z0-9-]+)\.atlassian\.net/.exec(site.url) || ['', ''])[1]
    const clean = label.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || site.cloudId.slice(0, 8)
    const base = `Jira_${clean}`.slice(0, ALIAS_NAME_MAX)
    let name = base
    for (let n = 2; deps.records.aliasNameTaken(name, parentAliasSysId); n++) name = `${base}_${n}`
    return name
}

/** Adds a Jira site as a separate connection: child alias, its connection and its own OAuth credential. */
export function addSite(deps: SetupDeps, body: Record<string, unknown>): OpResult<AddedSite> {
    const id = inputs.cloudId(body.cloudId)
    if (!id.ok) return { ok: false, status: 400, errors: [id.error] }
    const found = records<AddedSite>(deps)
    if (!found.ok) return found
    const r = found.value
    const main = r.oauthConnection
    if (main && cloudIdOf(main.url) === id.value) {
        return refuse(
            400,
            'cloudId',
            'site_is_main',
            `Cloud id ${id.value} is already the site of "${main.name}". Pick another site to add as a separate ` +
                'connection.'
        )
    }
    const reached = reachableSite(deps, id.value)
    if (!reached.ok) return reached
    const site = reached.value
    const existing = siteConnections(deps, r).find((c) => c.cloudId === site.cloudId)
    if (existing) return done({ created: false, site, connection: existing })
    if (!r.profileSysId) {
        return refuse(
            404,
            '',
            'profile_missing',
            'The "Jira OAuth Profile" is not on this instance; reinstall the app.'
        )
    }
    const base = gateway(deps)
    const aliasName = aliasNameFor(deps, r.aliasSysId, site)
    const label = site.name || site.cloudId
    const created = deps.records.createSiteConnection(r.aliasSysId, r.profileSysId, {
        aliasName,
        description: `Jira Cloud site ${label} (${site.url}), cloud id ${site.cloudId}: child alias of the Jira alias.`,
        profileName: `Jira OAuth Profile (${label})`,
        credentialName: `Jira Cloud OAuth Credential (${label})`,
        connectionName: `Jira Cloud OAuth Connection (${label})`,
        url: `${base}/ex/jira/${site.cloudId}`,
    })
    const after = siteConnections(deps, r).find((c) => c.connectionSysId === created.connectionSysId)
    if (!after) {
        return refuse(
            404,
            '',
            'site_connection_missing',
            `The connection for ${label} was not found after creating it.`
        )
    }
    return done({ created: true, site, connection: after })
}
