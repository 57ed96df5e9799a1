/**
 * The setup page's service-account path: ServiceNow's Jira spoke "Option 2: Using OAuth authentication (Client
 * Credentials grant type)"
 * (https://www.servicenow.com/docs/r/integrate-applications/integration-hub/jira-setup-cc-grnt.html) with an
 * Atlassian service account's OAuth 2.0 credential
 * (https://support.atlassian.com/user-management/docs/create-oauth-2-0-credential-for-service-accounts/).
 * One save writes the credential's client id and secret into the shipped "Jira Cloud Service Account" registry,
 * and points the shipped service-account connection at <gateway>/ex/jira/<cloud id of the site>; it becomes the Jira
 * alias's active connection only through "Make this the live connection" once it validates (live.ts). All input is
 * checked and every record found before the first write; nothing returned or logged holds the secret.
 */
import { ATLASSIAN } from '../atlassian'
import { CLASSIC_JIRA_SCOPES, GRANULAR_JIRA_SCOPES } from '../jira-scopes'
import type { CheckResult } from '../report'
import { safeText } from '../sanitize'
import { isTokenAccessDenied } from '../stored-tokens'
import * as inputs from './inputs'
import {
    cloudIdOf,
    errorsOf,
    type FixPlace,
    gateway,
    records,
    type SetupDeps,
    type SetupState,
    shown,
    state,
    tenantInfo,
    timeoutMs,
    type ValidationShown,
} from './operations'
import { done, type FieldError, type OpResult } from './result'
import { locked, type Values } from './writes'
import type { ConnectionRow, JiraRecords, RegistryState } from './setup-port'

export const SERVICE_ACCOUNT_NAMES = {
    registry: 'Jira Cloud Service Account',
    profile: 'Jira Service Account Profile',
    credential: 'Jira Cloud Service Account Credential',
    connection: 'Jira Cloud Service Account Connection',
    template: 'Jira Cloud: service account (OAuth 2.0 client credentials)',
} as const

/** Where the admin finds the service account's client id (support.atlassian.com, link above). */
export const SA_CLIENT_ID_PLACE = `the service account's OAuth 2.0 credential (${ATLASSIAN.serviceAccountsAdmin})`

export interface ServiceAccountState {
    registrySysId: string | null
    clientIdSet: boolean
    clientSecretSet: boolean
    /** When the registry (client id / secret) was last saved; '' when neither is set. */
    savedOn: string
    credentialSysId: string | null
    connection: { sysId: string; name: string; url: string; active: boolean; cloudId: string | null } | null
    /** The other active connections on the Jira alias: "Make this the live connection" deactivates them. */
    otherActive: Array<{ sysId: string; name: string; url: string }>
    /** The scopes to select on the Atlassian credential (the shipped "Classic scopes" / "Granular Scopes" records). */
    scopes: { classic: string[]; granular: string[] }
    /** Shipped records that are missing (deleted), each with what was found, what is expected and the next step. */
    missing: FieldError[]
}

export interface SavedServiceAccount {
    connectionSysId: string
    connectionName: string
    url: string
    site: string
    siteUrl: string
    cloudId: string
    savedOn: string
    /** Whether the service-account connection is live (saving does not switch: "Make this the live connection"). */
    active: boolean
    /** What became of an access token stored before this save (see renewToken). */
    token: TokenRenewal
}

/**
 * not_needed: no live token was stored (validation requests one with the new values); renewed: the stored token was
 * replaced by one issued for the new values; refused: Atlassian refused the new values and the old token is still
 * stored, so a validation now would pass on it: the page shows this instead.
 */
export interface TokenRenewal {
    outcome: 'not_needed' | 'renewed' | 'refused'
    message: string
}

interface Found {
    r: JiraRecords
    registry: RegistryState
    profileSysId: string
    credentialSysId: string
    connection: ConnectionRow
}

function missingRecords(deps: SetupDeps, r: JiraRecords): { found: Found | null; missing: FieldError[] } {
    const sa = deps.records.serviceAccountRecords(r.aliasSysId)
    const n = SERVICE_ACCOUNT_NAMES
    const missing: FieldError[] = []
    const reinstall =
        'Reinstall or upgrade Jira Cloud Connect from the application repository (it brings back the registry and ' +
        'its profile), then save again.'
    const recreate =
        'It is installed on first install only, so an upgrade does not bring it back: on the Jira alias ' +
        `(x_jira_connect.Jira) use Create New Connection & Credential with the template "${n.template}", ` +
        'or choose another way in above.'
    if (!sa.registry) {
        missing.push({
            field: '',
            code: 'service_account_registry_missing',
            message:
                `Found no application registry "${n.registry}" on this instance; expected the client-credentials ` +
                `registry Jira Cloud Connect installs. ${reinstall}`,
        })
    } else if (!sa.profileSysId) {
        missing.push({
            field: '',
            code: 'service_account_profile_missing',
            message:
                `Registry "${n.registry}" has no OAuth Entity Profile; expected "${n.profile}" (Client Credentials). ` +
                reinstall,
        })
    } else if (!sa.credentialSysId) {
        missing.push({
            field: '',
            code: 'service_account_credential_missing',
            message:
                `Found no OAuth 2.0 credential on profile "${n.profile}"; expected "${n.credential}" ` +
                `(it was deleted). ${recreate}`,
        })
    } else if (!sa.connection) {
        missing.push({
            field: '',
            code: 'service_account_connection_missing',
            message:
                `Found no connection on the Jira alias that uses "${n.credential}"; expected "${n.connection}" ` +
                `(it was deleted or moved to another alias). ${recreate}`,
        })
    }
    if (missing.length || !sa.registry || !sa.profileSysId || !sa.credentialSysId || !sa.connection) {
        return { found: null, missing }
    }
    const found = {
        r,
        registry: sa.registry,
        profileSysId: sa.profileSysId,
        credentialSysId: sa.credentialSysId,
        connection: sa.connection,
    }
    return { found, missing }
}

function otherActive(deps: SetupDeps, r: JiraRecords, keep: string | null): ConnectionRow[] {
    return deps.records
        .connections(r.aliasSysId)
        .filter((c) => c.active && c.aliasSysId === r.aliasSysId && c.sysId !== keep)
}

function serviceAccountState(deps: SetupDeps, r: JiraRecords): ServiceAccountState {
    const sa = deps.records.serviceAccountRecords(r.aliasSysId)
    const { missing } = missingRecords(deps, r)
    const reg = sa.registry
    const conn = sa.connection
    return {
        registrySysId: reg ? reg.sysId : null,
        clientIdSet: !!reg && reg.hasClientId,
        clientSecretSet: !!reg && reg.hasClientSecret,
        savedOn: reg && (reg.hasClientId || reg.hasClientSecret) ? reg.updatedOn : '',
        credentialSysId: sa.credentialSysId,
        connection: conn
            ? { sysId: conn.sysId, name: conn.name, url: conn.url, active: conn.active, cloudId: cloudIdOf(conn.url) }
            : null,
        otherActive: otherActive(deps, r, conn ? conn.sysId : null).map((c) => ({
            sysId: c.sysId,
            name: c.name,
            url: c.url,
        })),
        scopes: { classic: [...CLASSIC_JIRA_SCOPES], granular: [...GRANULAR_JIRA_SCOPES] },
        missing,
    }
}

/** The setup state with its service-account section. */
export function stateWithServiceAccount(
    deps: SetupDeps
): OpResult<SetupState & { serviceAccount: ServiceAccountState }> {
    const base = state(deps)
    if (!base.ok) return base
    const found = records<SetupState>(deps)
    if (!found.ok) return found
    return done({ ...base.value, serviceAccount: serviceAccountState(deps, found.value) })
}

/**
 * Saves the service account into its own connection without switching to it (validate before switching, issue 17
 * §2): client id and secret into the registry, the site's cloud id into the connection URL
 * (<gateway>/ex/jira/<cloud id>, the cloud id from https://<site>.atlassian.net/_edge/tenant_info). The connection
 * keeps its active flag; "Make this the live connection" (live.ts) switches once its validation passed. A blank secret
 * keeps the stored one. An unknown site is a 400 at `site` and changes nothing; a refused write puts back the URL.
 */
export function saveServiceAccount(deps: SetupDeps, body: Record<string, unknown>): OpResult<SavedServiceAccount> {
    const base = records<SavedServiceAccount>(deps)
    if (!base.ok) return base
    const { found, missing } = missingRecords(deps, base.value)
    const stored = !!(found && found.registry.hasClientSecret)
    const { id, sec } = inputs.clientIdAndSecret(body, stored, SA_CLIENT_ID_PLACE, SA_CLIENT_ID_PLACE)
    const site = inputs.siteName(body.site)
    if (!id.ok || !sec.ok || !site.ok) return { ok: false, status: 400, errors: errorsOf([id, sec, site]) }
    if (!found) return { ok: false, status: 404, errors: missing }
    const tenant = tenantInfo(deps, site.value)
    if (!tenant.ok) return tenant
    const conn = found.connection
    const url = `${gateway(deps)}/ex/jira/${tenant.value.cloudId}`
    return locked(deps.records, 'save service account', 'Saving the service account', (tx) => {
        // The connection's URL first (restorable), the secret last: a refused registry write puts the URL back.
        if (!tx.update('http_connection', conn.sysId, conn.name, { connection_url: url })) return done(null as never)
        const values: Values = { client_id: id.value }
        if (sec.value !== null) values.client_secret = sec.value
        if (!tx.update('oauth_entity', found.registry.sysId, found.registry.name, values, ['client_secret'])) {
            return done(null as never)
        }
        const token = renewToken(deps, found)
        const after = deps.records.serviceAccountRecords(found.r.aliasSysId)
        return done({
            connectionSysId: conn.sysId,
            connectionName: conn.name,
            url,
            site: tenant.value.site,
            siteUrl: tenant.value.url,
            cloudId: tenant.value.cloudId,
            savedOn: after.registry ? after.registry.updatedOn : '',
            active: conn.active,
            token,
        })
    })
}

/**
 * A live access token stored before this save was issued for the previous client id and secret: the validator would
 * use it for up to an hour whatever was just saved. So it is replaced now, with the client-credentials grant through
 * the platform (the new values), and a refusal is reported rather than hidden behind the old token.
 */
function renewToken(deps: SetupDeps, found: Found): TokenRenewal {
    const read = deps.tokens.read(found.credentialSysId, found.profileSysId)
    const left = read && !isTokenAccessDenied(read) && read.hasAccessToken ? read.accessExpiresInSec : null
    if (left === null || left <= 0) return { outcome: 'not_needed', message: '' }
    const r = deps.tokens.requestClientCredentials(
        found.credentialSysId,
        found.profileSysId,
        found.registry.name,
        timeoutMs(deps)
    )
    if (r.ok && r.state.hasAccessToken) {
        return { outcome: 'renewed', message: 'The access token stored before was replaced by one for these values.' }
    }
    const why = r.ok
        ? 'no access token in the answer'
        : [r.httpStatus ? `HTTP ${r.httpStatus}` : r.transport || '', r.error || '', safeText(r.detail || '', 80)]
              .filter(Boolean)
              .join(', ')
    return {
        outcome: 'refused',
        message:
            `Saved, but Atlassian refused these client ID and secret (${why}). The access token stored before keeps ` +
            `working for up to ${Math.ceil(left / 60)} minutes, then the connection stops. Copy the Client ID and ` +
            `secret again from ${SA_CLIENT_ID_PLACE} and save again.`,
    }
}

/** Steps of the page's service-account path: 1 in Atlassian, 2 client id, secret and site. */
function servicePlace(found: Found): FixPlace {
    const inAtlassian = ['scope_mismatch', 'no_jira_access', 'forbidden']
    return (c: CheckResult, target) => {
        const id = c.id
        let step = 0
        if (c.code === 'token_access_denied') step = 0
        else if (id === 'atlassian.scopes' || (id === 'jira.myself' && inAtlassian.indexOf(c.code) >= 0)) step = 1
        else if (
            id === 'oauth.registry.client_credentials' ||
            id.indexOf('token.') === 0 ||
            id.indexOf('config.connection.url') === 0 ||
            id === 'config.connection.cloud_id' ||
            id === 'atlassian.site_cloud_id' ||
            id.indexOf('jira.') === 0
        )
            step = 2
        let link = ''
        if (id.indexOf('oauth.registry') === 0) link = `oauth_entity.do?sys_id=${found.registry.sysId}`
        else if (id.indexOf('oauth.profile') === 0) link = `oauth_entity_profile.do?sys_id=${found.profileSysId}`
        else if (c.code === 'service_account_rejected') link = `oauth_entity.do?sys_id=${found.registry.sysId}`
        else if (id.indexOf('token.') === 0) link = target.credential
        else if (id.indexOf('config.connection') === 0 || id.indexOf('config.attribute') === 0) link = target.connection
        else if (id === 'atlassian.site_cloud_id') link = target.connection
        else if (id === 'config.alias') link = `sys_alias.do?sys_id=${found.r.aliasSysId}`
        return { step, link }
    }
}

/** Validates the service-account connection (active or not), stores the run, and maps each check to its fix. */
export function validateServiceAccount(deps: SetupDeps): OpResult<ValidationShown> {
    const base = records<ValidationShown>(deps)
    if (!base.ok) return base
    const { found, missing } = missingRecords(deps, base.value)
    if (!found) return { ok: false, status: 404, errors: missing }
    return done(shown(deps, found.r, 'http_connection', found.connection.sysId, servicePlace(found)))
}
