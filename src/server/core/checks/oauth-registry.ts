/**
 * Check group 2, the OAuth application registry behind an OAuth 2.0 credential: profile, client id/secret presence
 * (values never shown), Atlassian authorize/token/refresh URLs (seed doc "Create an application registry"), the OAuth
 * API script adding audience and prompt=consent (developer.atlassian.com 3LO authorization URL; KB0786459), the 14
 * scopes, and the callback URL this instance sends.
 */
import { ATLASSIAN } from '../atlassian'
import { isClientCredentials } from '../auth-method'
import { REQUIRED_JIRA_SCOPES } from '../jira-scopes'
import type { ConfigPort, CredentialSnapshot, ProfileSnapshot, RegistrySnapshot } from '../ports'
import type { CheckLog } from '../report'
import { apiScriptMissing, checkDefaultProfiles, redirectUrlMissing } from './platform-findings'
import { checkServiceAccountRegistry } from './service-account'

export interface OAuthSetup {
    profile: ProfileSnapshot | null
    registry: RegistrySnapshot | null
    /** Client id and secret are present: the platform can refresh tokens (or, for a service account, request them). */
    canRefresh: boolean
    /** The client-credentials grant of a service account (no refresh token, no authorization request). */
    serviceAccount: boolean
}

type OAuthCredential = Extract<CredentialSnapshot, { kind: 'oauth2' }>

export function checkOAuthRegistry(log: CheckLog, credential: OAuthCredential, config: ConfigPort): OAuthSetup {
    const setup: OAuthSetup = { profile: null, registry: null, canRefresh: false, serviceAccount: false }
    const profile = credential.profileSysId ? config.profile(credential.profileSysId) : null
    const setProfile = `Open credential "${credential.name}" and set OAuth Entity Profile to "Jira OAuth Profile".`
    if (!profile) {
        log.fail('oauth.profile', {
            code: credential.profileSysId ? 'profile_not_found' : 'profile_missing',
            found: credential.profileSysId
                ? `Credential "${credential.name}" points at an OAuth entity profile that does not exist.`
                : `Credential "${credential.name}" has no OAuth Entity Profile.`,
            expected: 'The "Jira OAuth Profile" of the "Jira Cloud OAuth" registry.',
            fix: setProfile,
        })
        return setup
    }
    setup.profile = profile
    const registry = profile.registrySysId ? config.registry(profile.registrySysId) : null
    if (!registry) {
        log.fail('oauth.profile', {
            code: 'registry_not_found',
            found: `Profile "${profile.name}" belongs to no OAuth application registry.`,
            expected: 'A profile of the "Jira Cloud OAuth" registry.',
            fix: setProfile,
        })
        return setup
    }
    setup.registry = registry
    const grant = profile.grantType || 'unset'
    log.pass('oauth.profile', `Profile "${profile.name}" of registry "${registry.name}" (grant ${grant}).`)

    if (isClientCredentials(profile, registry)) {
        setup.serviceAccount = true
        setup.canRefresh = checkClientCredentials(log, registry, true)
        checkServiceAccountRegistry(log, registry, profile)
        return setup
    }
    checkRegistryBasics(log, registry, profile)
    checkDefaultProfiles(log, registry, profile)
    setup.canRefresh = checkClientCredentials(log, registry, false)
    checkEndpoints(log, registry)
    checkApiScript(log, registry)
    checkScopes(log, profile, registry)
    checkCallback(log, registry, config.instanceCallbackUrl())
    return setup
}

function checkRegistryBasics(log: CheckLog, registry: RegistrySnapshot, profile: ProfileSnapshot): void {
    const problems: string[] = []
    if (!registry.active) problems.push('it is inactive')
    if (registry.type && registry.type !== 'oauth_provider') {
        problems.push(`its type is "${registry.type}", not "OAuth Provider"`)
    }
    if (registry.defaultGrantType !== 'authorization_code') {
        problems.push(`its Default Grant type is "${registry.defaultGrantType || 'empty'}"`)
    }
    if (profile.grantType && profile.grantType !== 'authorization_code') {
        problems.push(`profile "${profile.name}" uses grant "${profile.grantType}"`)
    }
    if (problems.length) {
        log.fail('oauth.registry.active', {
            code: 'registry_misconfigured',
            found: `Registry "${registry.name}": ${problems.join('; ')}.`,
            expected:
                'Active, type OAuth Provider, Default Grant type Authorization Code (Atlassian 3LO supports only ' +
                'the code grant).',
            fix:
                `Open the application registry "${registry.name}" and set Active, Default Grant type = ` +
                "Authorization Code; the profile's Grant type must be Authorization Code too." +
                (registry.defaultGrantType === 'client_credentials'
                    ? ` For a service account (Client Credentials), set the Grant type of profile "${profile.name}" ` +
                      'to Client Credentials instead.'
                    : ''),
        })
    } else {
        log.pass('oauth.registry.active', `Registry "${registry.name}" is active, Authorization Code.`)
    }
}

function checkClientCredentials(log: CheckLog, registry: RegistrySnapshot, serviceAccount: boolean): boolean {
    const missing: string[] = []
    if (!registry.hasClientId) missing.push('Client ID')
    if (!registry.hasClientSecret) missing.push('Client Secret')
    if (missing.length) {
        log.fail('oauth.registry.client_credentials', {
            code: 'client_credentials_missing',
            found: `Registry "${registry.name}" has no ${missing.join(' and no ')}.`,
            expected: serviceAccount
                ? "The Client ID and Client Secret of the service account's OAuth 2.0 credential."
                : 'The Client ID and Client Secret of your Atlassian OAuth 2.0 (3LO) app.',
            fix: serviceAccount
                ? `In ${ATLASSIAN.serviceAccountsAdmin} > the service account > Create credentials > OAuth 2.0, copy ` +
                  `Client ID and Secret (shown once) into the application registry "${registry.name}", save, then ` +
                  'click Get OAuth Token on the credential.'
                : 'In developer.atlassian.com > your app > Settings, copy Client ID and Secret into the application ' +
                  `registry "${registry.name}", save, then click Get OAuth Token on the credential.`,
        })
        return false
    }
    if (registry.clientIdLooksLikeSecret) {
        // Client ID is a clear-text column: a secret there (saved on the form, bypassing the setup page) is exposed
        // to anyone who may read the registry, and Atlassian refuses it as a client id. Never echo the value.
        log.fail('oauth.registry.client_credentials', {
            code: 'client_id_is_secret',
            found:
                `Registry "${registry.name}" holds in Client ID a value shaped like a client secret or API token ` +
                '(value not shown); Client ID is stored in clear text.',
            expected: serviceAccount
                ? "Client ID: the client id of the service account's OAuth 2.0 credential; the secret in Client Secret."
                : 'Client ID: the client id of your Atlassian OAuth 2.0 (3LO) app; the secret in Client Secret.',
            fix:
                `Open the application registry "${registry.name}", paste the client id into Client ID and the ` +
                'secret into Client Secret, and save; then rotate that secret in ' +
                (serviceAccount ? ATLASSIAN.serviceAccountsAdmin : 'developer.atlassian.com > your app > Settings') +
                ', because it was readable in clear text, and save the new one in Client Secret.',
        })
        return false
    }
    log.pass('oauth.registry.client_credentials', 'Client ID and Client Secret are set (values not shown).')
    return true
}

function checkEndpoints(log: CheckLog, registry: RegistrySnapshot): void {
    const id = 'oauth.registry.urls'
    const wrong: string[] = []
    let code: 'registry_url_wrong' | 'auth_url_has_query' = 'registry_url_wrong'
    let fix =
        `Open the application registry "${registry.name}" and set Authorization URL ${ATLASSIAN.authorizeUrl}, ` +
        `Token URL and Refresh Token URL ${ATLASSIAN.tokenUrl} (Refresh Token URL is hidden: configure the form ` +
        'layout to show it).'
    const auth = registry.authUrl.trim()
    if (auth.indexOf('?') >= 0 && auth.split('?')[0] === ATLASSIAN.authorizeUrl) {
        code = 'auth_url_has_query'
        wrong.push(
            `Authorization URL ${JSON.stringify(registry.authUrl)} carries query parameters: the platform appends ` +
                'its own with a second "?" and Atlassian answers 404 (KB0786459)'
        )
        fix =
            `Set the Authorization URL of "${registry.name}" to exactly ${ATLASSIAN.authorizeUrl}: audience and ` +
            'prompt are added by the OAuth API Script OAuthJiraCloudUtil.'
    } else if (auth !== ATLASSIAN.authorizeUrl) {
        wrong.push(`Authorization URL is ${JSON.stringify(registry.authUrl)}`)
    }
    if (registry.tokenUrl.trim() !== ATLASSIAN.tokenUrl) wrong.push(`Token URL is ${JSON.stringify(registry.tokenUrl)}`)
    const refresh = registry.refreshTokenUrl.trim()
    if (refresh && refresh !== ATLASSIAN.tokenUrl) {
        wrong.push(`Refresh Token URL is ${JSON.stringify(registry.refreshTokenUrl)}`)
    }
    if (wrong.length) {
        log.fail(id, {
            code,
            found: `${wrong.join('; ')}.`,
            expected:
                `Authorization URL ${ATLASSIAN.authorizeUrl}; Token URL and Refresh Token URL ` +
                `${ATLASSIAN.tokenUrl}.`,
            fix,
        })
    } else if (!refresh) {
        log.warn(id, {
            code: 'refresh_url_empty',
            found: 'Refresh Token URL is empty.',
            expected: `Refresh Token URL ${ATLASSIAN.tokenUrl}.`,
            fix:
                'Show the hidden Refresh Token URL field on the registry form (Configure > Form Layout) and set it ' +
                `to ${ATLASSIAN.tokenUrl}.`,
        })
    } else {
        log.pass(id, "Authorization, Token and Refresh Token URLs are Atlassian's.")
    }
}

const AUDIENCE_PUT = /\.put\(\s*['"]audience['"]\s*,\s*['"]api\.atlassian\.com['"]\s*\)/
const PROMPT_PUT = /\.put\(\s*['"]prompt['"]\s*,\s*['"]consent['"]\s*\)/

function checkApiScript(log: CheckLog, registry: RegistrySnapshot): void {
    const id = 'oauth.registry.api_script'
    const script = registry.apiScript
    const fix =
        `Set OAuth API Script on "${registry.name}" to OAuthJiraCloudUtil (shipped with this app), then Get ` +
        'OAuth Token again.'
    if (!script) {
        apiScriptMissing(log, registry)
        return
    }
    if (!script.active) {
        log.fail(id, {
            code: 'api_script_inactive',
            found: `OAuth API Script "${script.name}" is inactive.`,
            expected: 'An active OAuthJiraCloudUtil.',
            fix: `Activate the script include "${script.name}", or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
        })
        return
    }
    const missing: string[] = []
    if (!AUDIENCE_PUT.test(script.script)) missing.push('audience=api.atlassian.com')
    if (!PROMPT_PUT.test(script.script)) missing.push('prompt=consent')
    if (!/preprocessAuthCode/.test(script.script)) missing.unshift('a preprocessAuthCode hook')
    if (missing.length) {
        log.fail(id, {
            code: 'api_script_incomplete',
            found: `OAuth API Script "${script.name}" does not add ${missing.join(', ')} to the authorization request.`,
            expected: 'preprocessAuthCode puts audience=api.atlassian.com and prompt=consent.',
            fix,
        })
        return
    }
    log.pass(id, `OAuth API Script "${script.name}" adds audience=api.atlassian.com and prompt=consent.`)
}

/** Splits scope strings the way the platform sends them (one scope record may hold several, space-separated). */
export function scopeSet(scopes: string[]): string[] {
    const out: string[] = []
    for (const s of scopes) for (const part of String(s).split(/\s+/)) if (part && !out.includes(part)) out.push(part)
    return out
}

function checkScopes(log: CheckLog, profile: ProfileSnapshot, registry: RegistrySnapshot): void {
    const id = 'oauth.profile.scopes'
    const have = scopeSet(profile.scopes)
    const missing = REQUIRED_JIRA_SCOPES.filter((s) => !have.includes(s))
    if (missing.length) {
        const noOffline = missing.includes('offline_access')
        const noRefresh = noOffline
            ? ' Without offline_access Atlassian issues no refresh token, so the connection stops after one hour.'
            : ''
        log.fail(id, {
            code: noOffline ? 'offline_access_missing' : 'profile_scopes_missing',
            found:
                `Profile "${profile.name}" lacks ${missing.length} scope${missing.length === 1 ? '' : 's'}: ` +
                `${missing.join(', ')}.${noRefresh}`,
            expected: `All of: ${REQUIRED_JIRA_SCOPES.join(', ')}.`,
            fix:
                `Add the missing scopes as OAuth Entity Scopes on "${registry.name}" and as OAuth Entity Profile ` +
                `Scopes on "${profile.name}", add them to the Atlassian app (Permissions), then Get OAuth Token again.`,
        })
        return
    }
    log.pass(id, `Profile "${profile.name}" requests all ${REQUIRED_JIRA_SCOPES.length} scopes.`)
}

function checkCallback(log: CheckLog, registry: RegistrySnapshot, instanceCallback: string): void {
    const id = 'oauth.callback_url'
    const configured = registry.redirectUrl.trim()
    const atlassianApp = 'developer.atlassian.com > your app > Authorization'
    if (!configured) {
        redirectUrlMissing(log, registry, instanceCallback)
        return
    }
    if (configured !== instanceCallback) {
        log.warn(id, {
            code: 'redirect_url_differs',
            found:
                `Registry "${registry.name}" sends redirect URL ${configured}, but this instance's callback is ` +
                `${instanceCallback}.`,
            expected: `Redirect URL ${instanceCallback}, registered as Callback URL in the Atlassian app.`,
            fix:
                `Clear the Redirect URL on "${registry.name}" (the instance fills in its own) or make sure ` +
                `${configured} is the Callback URL registered at ${atlassianApp}.`,
        })
        return
    }
    const sent = configured || instanceCallback
    log.pass(id, `This instance sends ${sent}: it must be the Callback URL at ${atlassianApp}.`)
}
