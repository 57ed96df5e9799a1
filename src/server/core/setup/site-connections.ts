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
import type { JiraRecords, NewSiteConnection } from './setup-port'
import { locked, type Tx, type Values } from './writes'

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
    return locked(deps.records, 'connect another site', `Connecting ${label}`, (tx) => {
        const made = createSiteRecords(deps, tx, r.aliasSysId, r.profileSysId, {
            aliasName,
            description:
                `Jira Cloud site ${label} (${site.url}), cloud id ${site.cloudId}: ` + 'child alias of the Jira alias.',
            profileName: `Jira OAuth Profile (${label})`,
            credentialName: `Jira Cloud OAuth Credential (${label})`,
            connectionName: `Jira Cloud OAuth Connection (${label})`,
            url: `${base}/ex/jira/${site.cloudId}`,
        })
        if (!made) return done(null as never)
        // Two admins adding the same site at once: re-check after the write; the connection with the lowest sys_id
        // stays (both saves agree on it), the other save deletes what it created and answers with the kept one.
        const same = siteConnections(deps, r)
            .filter((c) => c.cloudId === site.cloudId)
            .sort((x, y) => (x.connectionSysId < y.connectionSysId ? -1 : 1))
        if (same.length > 1 && same[0].connectionSysId !== made) {
            tx.revert()
            return done({ created: false, site, connection: same[0] })
        }
        const after = same.find((c) => c.connectionSysId === made)
        if (!after) {
            return refuse(
                404,
                '',
                'site_connection_missing',
                `The connection for ${label} was not found after creating it.`
            )
        }
        return done({ created: true, site, connection: after })
    })
}

/** Connection attribute definition fields copied from the Jira alias to a child alias. */
const ATTRIBUTE_FIELDS = ['element', 'label', 'column_label', 'internal_type', 'max_length', 'default_value', 'order']
/** Booleans (read back as '1'/'0'): copied as booleans. */
const ATTRIBUTE_FLAGS = ['active', 'mandatory', 'read_only']

/**
 * The records of a new site, in dependency order, each write checked (a refusal deletes what was created, record by
 * record, and the answer lists them): a non-default profile of the 3LO registry with the default profile's scopes,
 * its OAuth 2.0 credential, the child alias with the parent's shared fields set explicitly (type, connection type,
 * retry policy, configuration template: the alias form's inheritance business rule is not something a script can
 * count on, SDK alias guide) and its own copies of the parent's connection attribute definitions, and the connection,
 * created inactive: it goes live with "Make this the live connection" once it validates. The alias id is set as the
 * platform computes it, <scope>.<name> (SDK alias plugin: without it Flow Designer hides the alias).
 */
function createSiteRecords(
    deps: SetupDeps,
    tx: Tx,
    parentSysId: string,
    templateProfileSysId: string,
    input: NewSiteConnection
): string | null {
    const p = deps.records
    const parent = p.readFields('sys_alias', parentSysId, [
        'id',
        'type',
        'connection_type',
        'retry_policy',
        'configuration_template',
    ])
    const template = p.readFields('oauth_entity_profile', templateProfileSysId, ['oauth_entity', 'grant_type'])
    if (!parent || !template) {
        tx.stop('creation of the site: the Jira alias or its default OAuth profile is missing')
        return null
    }
    const profile = tx.insert('oauth_entity_profile', input.profileName, {
        name: input.profileName,
        oauth_entity: template.oauth_entity,
        grant_type: template.grant_type,
        default: false,
    })
    if (!profile) return null
    for (const ps of p.rowsWhere(
        'oauth_entity_profile_scope',
        [['oauth_entity_profile', templateProfileSysId]],
        ['oauth_entity_scope']
    )) {
        const ok = tx.insert('oauth_entity_profile_scope', `${input.profileName}: scope ${ps.oauth_entity_scope}`, {
            oauth_entity_profile: profile,
            oauth_entity_scope: ps.oauth_entity_scope,
        })
        if (!ok) return null
    }
    const credential = tx.insert('oauth_2_0_credentials', input.credentialName, {
        name: input.credentialName,
        oauth_entity_profile: profile,
        active: true,
    })
    if (!credential) return null
    const scopePrefix = parent.id.split('.')[0] || 'x_jira_connect'
    const alias = tx.insert('sys_alias', input.aliasName, {
        name: input.aliasName,
        parent: parentSysId,
        id: `${scopePrefix}.${input.aliasName}`,
        type: parent.type || 'connection',
        connection_type: parent.connection_type || 'http_connection',
        retry_policy: parent.retry_policy,
        configuration_template: parent.configuration_template,
        multiple_connections: false,
        description: input.description,
    })
    if (!alias) return null
    for (const a of p.rowsWhere(
        'connection_attributes',
        [['model', parentSysId]],
        [...ATTRIBUTE_FIELDS, ...ATTRIBUTE_FLAGS, 'comments']
    )) {
        const values: Values = {
            model: alias,
            model_table: 'sys_alias',
            model_id: alias,
            name: `var__m_connection_attributes_${alias}`,
            comments: a.comments,
        }
        for (const f of ATTRIBUTE_FIELDS) values[f] = a[f]
        for (const f of ATTRIBUTE_FLAGS) values[f] = a[f] === '1' || a[f] === 'true'
        if (!tx.insert('connection_attributes', `${input.aliasName}: attribute ${a.element}`, values)) return null
    }
    return tx.insert('http_connection', input.connectionName, {
        name: input.connectionName,
        connection_alias: alias,
        credential,
        connection_url: input.url,
        active: false,
    })
}
