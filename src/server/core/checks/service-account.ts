/**
 * Service accounts with OAuth 2.0 client credentials (ServiceNow Jira spoke "Option 2", support.atlassian.com "Create
 * OAuth 2.0 credential for service accounts"): the registry's grant and token URL, the 13 scopes (no offline_access),
 * and the token: no refresh token exists, the access token lives 60 minutes and an expired or missing one is simply
 * requested again through the platform. Also the site's cloud id from tenant_info, used for service accounts and API
 * tokens because accessible-resources is not documented for them.
 */
import { isTokenAccessDenied } from '../stored-tokens'
import { tokenAccessDenied } from './platform-findings'
import { ATLASSIAN } from '../atlassian'
import { cloudIdOfTenantInfo } from '../auth-method'
import type { CallEngine } from '../calls'
import { jsonOrFail } from '../findings'
import { SERVICE_ACCOUNT_SCOPES, SERVICE_ACCOUNT_SCOPE_RECORD } from '../jira-scopes'
import type { CredentialSnapshot, ProfileSnapshot, RegistrySnapshot, TokenPort } from '../ports'
import { humanDuration, type CheckLog } from '../report'
import { safeText } from '../sanitize'
import { gatewayConnectionUrl, joinUrl } from '../urls'
import type { OAuthSetup } from './oauth-registry'

type OAuthCredential = Extract<CredentialSnapshot, { kind: 'oauth2' }>

const CREATE_CREDENTIAL = `${ATLASSIAN.serviceAccountsAdmin} > the service account > Create credentials > OAuth 2.0`

/** oauth.registry.active and oauth.registry.urls for a client-credentials registry; the 3LO-only checks are skipped. */
export function checkServiceAccountRegistry(log: CheckLog, registry: RegistrySnapshot, profile: ProfileSnapshot): void {
    const problems: string[] = []
    if (!registry.active) problems.push('it is inactive')
    if (registry.type && registry.type !== 'oauth_provider')
        problems.push(`its type is "${registry.type}", not "OAuth Provider"`)
    if (registry.defaultGrantType !== 'client_credentials') {
        problems.push(`its Default Grant type is "${registry.defaultGrantType || 'empty'}"`)
    }
    if (profile.grantType !== 'client_credentials')
        problems.push(`profile "${profile.name}" uses grant "${profile.grantType || 'empty'}"`)
    if (problems.length) {
        log.fail('oauth.registry.active', {
            code: 'registry_misconfigured',
            found: `Registry "${registry.name}": ${problems.join('; ')}.`,
            expected:
                'Active, type OAuth Provider, Default Grant type Client Credentials, and ' +
                "the profile's Grant type Client Credentials.",
            fix:
                `Open the application registry "${registry.name}" and set Active and Default Grant type = Client ` +
                `Credentials; open profile "${profile.name}" and set Grant type = Client Credentials.`,
        })
    } else {
        log.pass(
            'oauth.registry.active',
            `Registry "${registry.name}" is active, Client Credentials (service account).`
        )
    }

    if (registry.tokenUrl.trim() !== ATLASSIAN.tokenUrl) {
        log.fail('oauth.registry.urls', {
            code: 'registry_url_wrong',
            found: `Token URL is ${JSON.stringify(registry.tokenUrl)}.`,
            expected: `Token URL (and Token Revocation URL) ${ATLASSIAN.tokenUrl}.`,
            fix: `Open the application registry "${registry.name}" and set Token URL to ${ATLASSIAN.tokenUrl}.`,
        })
    } else {
        log.pass(
            'oauth.registry.urls',
            `Token URL is Atlassian's (${ATLASSIAN.tokenUrl}); client credentials need no other URL.`
        )
    }
    log.skip(
        'oauth.registry.api_script',
        'Not used by the client-credentials grant: there is no authorization request.'
    )

    const have = scopeParts(profile.scopes)
    const missing = SERVICE_ACCOUNT_SCOPES.filter((s) => !have.includes(s))
    if (missing.length) {
        log.fail('oauth.profile.scopes', {
            code: 'profile_scopes_missing',
            found:
                `Profile "${profile.name}" lacks ${missing.length} scope${missing.length === 1 ? '' : 's'}: ` +
                `${missing.join(', ')}.`,
            expected:
                `"${SERVICE_ACCOUNT_SCOPE_RECORD.classic}" and "${SERVICE_ACCOUNT_SCOPE_RECORD.granular}": ` +
                `${SERVICE_ACCOUNT_SCOPES.join(', ')} (no offline_access: this grant has no refresh token).`,
            fix:
                `Add the missing scopes to the OAuth Entity Scopes of "${registry.name}" and to the OAuth Entity ` +
                `Profile Scopes of "${profile.name}". ` +
                `The Atlassian credential must have them too (${CREATE_CREDENTIAL}).`,
        })
    } else {
        log.pass(
            'oauth.profile.scopes',
            `Profile "${profile.name}" requests the ${SERVICE_ACCOUNT_SCOPES.length} service-account scopes.`
        )
    }
    log.skip('oauth.callback_url', 'Not used by the client-credentials grant: there is no redirect.')
}

function scopeParts(scopes: string[]): string[] {
    const out: string[] = []
    for (const s of scopes) for (const part of String(s).split(/\s+/)) if (part && out.indexOf(part) < 0) out.push(part)
    return out
}

/**
 * token.refresh and token.access for a service account. A stored, live access token is used; otherwise one token
 * request with the client-credentials grant through the platform (what the platform itself does when the 60-minute
 * token has expired). Returns 'stored' or 'requested', or null when no usable token exists.
 */
export function checkServiceAccountToken(
    log: CheckLog,
    credential: OAuthCredential,
    setup: OAuthSetup,
    tokens: TokenPort,
    engine: CallEngine
): 'stored' | 'requested' | null {
    const profile = setup.profile
    if (!profile || !log.ready('token.access')) return null
    log.skip(
        'token.refresh',
        'Client credentials issue no refresh token: the instance requests a new 60-minute access token when needed.'
    )
    const read = tokens.read(credential.sysId, profile.sysId)
    if (isTokenAccessDenied(read)) {
        tokenAccessDenied(log, read, credential.name)
        return null
    }
    const state = read
    const left = state && state.hasAccessToken ? state.accessExpiresInSec : null
    if (left !== null && left > 0) {
        log.pass(
            'token.access',
            `Access token valid for ${humanDuration(left)} (a new one is requested when it expires).`
        )
        return 'stored'
    }
    const what = state && state.hasAccessToken ? 'The access token has expired' : 'No access token is stored yet'
    const registry = setup.registry
    if (!setup.canRefresh || !registry) {
        log.fail('token.access', {
            code: 'cannot_refresh',
            found: `${what}; no new one can be requested because the registry lacks its client ID or secret.`,
            expected: "Client ID and secret of the service account's OAuth 2.0 credential on the registry.",
            fix: 'Fix "Registry has the Atlassian client ID and secret", then validate again.',
        })
        return null
    }
    if (!engine.hasBudget()) {
        log.fail('token.access', {
            code: 'time_budget_exhausted',
            found: `${what}; no time was left in the validation budget to request one.`,
            expected: 'A token request within the budget.',
            fix: 'Validate again.',
        })
        return null
    }
    engine.countExternalCall()
    const result = tokens.requestClientCredentials(
        credential.sysId,
        profile.sysId,
        registry.name,
        engine.settings.timeoutMs
    )
    if (result.ok && result.state.hasAccessToken) {
        const life = result.state.accessExpiresInSec
        log.pass(
            'token.access',
            `${what}; requested one with the client-credentials grant through the platform: valid for ` +
                `${life ? humanDuration(life) : 'an unknown time'} (no refresh token: none is needed).`,
            'requested'
        )
        return 'requested'
    }
    const failure = result.ok ? null : result
    const status = failure ? failure.httpStatus : null
    const error = failure && failure.error ? failure.error : ''
    const detail = failure ? safeText(failure.detail || '', 120) : 'no access token in the answer'
    if (error === 'invalid_client' || error === 'access_denied' || error === 'unauthorized_client' || status === 401) {
        log.fail('token.access', {
            code: 'service_account_rejected',
            found:
                `${what}, and Atlassian refused the client id and secret of registry "${registry.name}" ` +
                `(${[status, error].filter(Boolean).join(' ')}).`,
            expected: 'The Client ID and Client Secret of an active OAuth 2.0 credential of the service account.',
            fix:
                `The Client Secret in registry "${registry.name}" is wrong, or the credential was revoked or ` +
                `deleted in admin.atlassian.com. Create a new OAuth 2.0 credential (${CREATE_CREDENTIAL}), ` +
                'paste its Client ID and Client Secret into the registry, then validate again.',
        })
        return null
    }
    if (status === 429) {
        log.fail('token.access', {
            code: 'token_rate_limited',
            found: `${what}, and the token URL answered 429 Too Many Requests.`,
            expected: "A token within Atlassian's rate limits.",
            fix: 'Wait a minute and validate again; if it persists, other integrations use up the same rate budget.',
        })
        return null
    }
    const transport = failure && failure.transport ? failure.transport.replace(/_/g, ' ') : 'no answer'
    log.fail('token.access', {
        code: 'token_request_failed',
        found:
            `${what}, and the client-credentials token request failed (` +
            `${status ? `HTTP ${status}` : transport}${error ? `, ${safeText(error, 40)}` : ''}: ${detail}).`,
        expected: `An access token from ${ATLASSIAN.tokenUrl}.`,
        fix:
            `Check that this instance can reach ${ATLASSIAN.tokenUrl} and https://status.atlassian.com, then ` +
            'validate again.',
    })
    return null
}

/** A site the validator can ask for its cloud id, and where it learnt about it. */
export interface KnownSite {
    origin: string
    from: string
}

/**
 * atlassian.site_cloud_id: GET https://<site>.atlassian.net/_edge/tenant_info (unauthenticated; not a login) and
 * compare its cloud id with the connection's. Passes when they match (so a 403 is about access, not the site); fails
 * with the exact Connection URL when they differ or the connection holds a site URL.
 */
export function checkSiteCloudId(
    log: CheckLog,
    engine: CallEngine,
    opts: {
        site: KnownSite
        cloudId: string | null
        gatewayBase: string
        connectionName: string
        afterBasicRefusal?: boolean
    }
): void {
    const id = 'atlassian.site_cloud_id'
    const url = joinUrl(opts.site.origin, ATLASSIAN.tenantInfoPath)
    const answer = jsonOrFail(
        log,
        { id, what: 'tenant_info' },
        engine.getJson(url, { kind: 'none' }),
        url,
        engine.settings.timeoutMs
    )
    if (!answer) return
    const siteCloudId = cloudIdOfTenantInfo(answer.json)
    if (!siteCloudId) {
        log.fail(id, {
            code: 'tenant_info_unreadable',
            found: `${url} answered without a cloud id.`,
            expected: '{"cloudId": "<uuid>"}.',
            fix:
                `Check that ${opts.site.origin} is your Jira Cloud site, or take the cloud id from ` +
                'admin.atlassian.com/s/<cloud-id>/apps.',
        })
        return
    }
    const right = gatewayConnectionUrl(opts.gatewayBase, siteCloudId)
    if (opts.cloudId && opts.cloudId.toLowerCase() === siteCloudId) {
        log.pass(id, `Cloud id ${siteCloudId} is ${opts.site.origin} (${url}, ${opts.site.from}).`)
        return
    }
    if (opts.afterBasicRefusal) {
        log.warn(id, {
            code: 'scoped_token_url',
            found:
                `Jira refused the email and token on ${opts.site.origin}. If the token is a scoped API token ` +
                '(service accounts can only create those), it works only through the API gateway: Atlassian answers ' +
                `401 on the site URL. ${opts.site.origin} has cloud id ${siteCloudId}.`,
            expected: `For a scoped API token: Connection URL ${right}. For a classic API token: the site URL.`,
            fix:
                `If it is a scoped API token, set Connection URL on "${opts.connectionName}" to ${right}; ` +
                'otherwise see "Jira accepts the credential (myself)".',
        })
        return
    }
    log.fail(id, {
        code: 'cloud_id_wrong',
        found: opts.cloudId
            ? `${opts.site.origin} (${opts.site.from}) has cloud id ${siteCloudId}, not ${opts.cloudId}.`
            : `${opts.site.origin} (${opts.site.from}) has cloud id ${siteCloudId}; ` +
              'the connection does not use the gateway URL.',
        expected: `Connection URL ${right}.`,
        fix: `Set Connection URL on "${opts.connectionName}" to ${right}.`,
    })
}
