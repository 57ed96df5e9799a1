/**
 * Findings about what the ServiceNow platform does with the OAuth set-up, where public evidence is missing or points
 * against the first design (issue 8; docs/oauth-api-script.md). Kept apart so the check catalogue can adopt them.
 * - whether the platform runs an OAuth API Script that lives in an application scope (assumption A11);
 * - a second default profile on the registry, which a UI save creates (assumption A1);
 * - a blank Redirect URL after an XML install, which the instance may fill only on a form save;
 * - who may read tokens (KB0859525) and whether a refresh stored what Atlassian returned (assumption A5).
 */
import { API_SCRIPT_GLOBAL_NAME, apiScriptGlobalSteps } from '../api-script-snippet'
import { checkSpec } from '../catalogue'
import type { ProfileSnapshot, RefreshLoss, RegistrySnapshot, TokenAccessDenied } from '../ports'
import type { CheckLog } from '../report'

export interface Advice {
    found: string
    fix: string
}

/**
 * Why a token Atlassian rejects right after it was issued most likely lacks audience=api.atlassian.com, for the
 * registry's OAuth API Script as configured, and the global script include that fixes it.
 */
export function audienceAdvice(registry: RegistrySnapshot): Advice {
    const script = registry.apiScript
    let found: string
    if (!script) {
        found =
            ` The token was issued moments ago and registry "${registry.name}" has no OAuth API Script, so the ` +
            'authorization request carried no audience=api.atlassian.com.'
    } else if (script.scope !== 'global') {
        found =
            ` The token was issued moments ago: the platform most likely did not run the OAuth API Script ` +
            `"${script.name}" because it lives in the application scope ${script.scope}, so the authorization ` +
            'request carried no audience=api.atlassian.com.'
    } else {
        found =
            ` The token was issued moments ago: the OAuth API Script "${script.name}" did not add ` +
            'audience=api.atlassian.com to the authorization request.'
    }
    return { found, fix: apiScriptGlobalSteps(registry.name) }
}

/** oauth.registry.api_script when the registry has none: a warning (tokens may work without audience). */
export function apiScriptMissing(log: CheckLog, registry: RegistrySnapshot): void {
    log.warn('oauth.registry.api_script', {
        code: 'api_script_missing',
        found:
            `Registry "${registry.name}" has no OAuth API Script: the authorization request carries no ` +
            'audience=api.atlassian.com and no prompt=consent. If Atlassian accepts the token (see ' +
            `"${checkSpec('atlassian.accessible_resources').title}") the connection works without it.`,
        expected: `OAuth API Script = OAuthJiraCloudUtil (shipped) or ${API_SCRIPT_GLOBAL_NAME} (global).`,
        fix: `If Atlassian rejects the token right after Get OAuth Token: ${apiScriptGlobalSteps(registry.name)}`,
    })
}

/** A1: more than one default profile on the registry (the UI creates "<registry> default_profile" on save). */
export function checkDefaultProfiles(log: CheckLog, registry: RegistrySnapshot, profile: ProfileSnapshot): void {
    const id = 'oauth.profile.default'
    const names = registry.defaultProfiles
    if (names.length <= 1) {
        const one = names.length ? `one default profile, "${names[0]}"` : 'no default profile'
        log.pass(id, `Registry "${registry.name}" has ${one}.`)
        return
    }
    const others = names.filter((n) => n !== profile.name)
    log.warn(id, {
        code: 'multiple_default_profiles',
        found:
            `Registry "${registry.name}" has ${names.length} default profiles: ` +
            `${names.map((n) => `"${n}"`).join(', ')}. ServiceNow allows one; a save of the registry form creates ` +
            '"<registry> default_profile".',
        expected: `One default profile: "${profile.name}", the one the credential uses.`,
        fix:
            `Open registry "${registry.name}" > OAuth Entity Profiles and delete ` +
            `${others.map((n) => `"${n}"`).join(', ')} (or clear its Is default), keeping "${profile.name}".`,
    })
}

/**
 * Blank Redirect URL: the docs say the instance generates it, the Jira spoke set-up says "upon saving". An XML install
 * saves no form, so until someone saves the registry form the request may reach Atlassian without redirect_uri.
 */
export function redirectUrlMissing(log: CheckLog, registry: RegistrySnapshot, instanceCallback: string): void {
    log.warn('oauth.callback_url', {
        code: 'redirect_url_missing',
        found:
            `Registry "${registry.name}" has a blank Redirect URL. The instance fills it when the registry form is ` +
            'saved; an application install saves no form, so Get OAuth Token may reach Atlassian without ' +
            'redirect_uri and fail.',
        expected: `Redirect URL ${instanceCallback}, registered as Callback URL in the Atlassian app.`,
        fix:
            `Open registry "${registry.name}" and save it (the instance fills the Redirect URL), or set Redirect URL ` +
            `to ${instanceCallback}; register the same URL at developer.atlassian.com > your app > Authorization.`,
    })
}

/** KB0859525: the platform keeps stored tokens to the admin role. */
export function tokenAccessDenied(log: CheckLog, denied: TokenAccessDenied, credentialName: string): void {
    log.fail('token.access', {
        code: 'token_access_denied',
        found:
            `No token of credential "${credentialName}" is readable by ${denied.userName}, who does not have ` +
            'the admin role: ServiceNow lets only admin read stored OAuth tokens (KB0859525)' +
            `${denied.detail ? ` (${denied.detail})` : ''}.`,
        expected: 'A user with the admin role runs the validation.',
        fix:
            'Ask a user with the admin role to click Validate Jira connection (x_jira_connect.admin alone lets you ' +
            'start it but not read tokens). Nothing was changed.',
    })
}

/** A refresh Atlassian answered but the platform did not store (assumption A5). */
export function refreshNotStored(log: CheckLog, loss: RefreshLoss, credentialName: string, getToken: string): void {
    const what =
        loss === 'rotated_refresh_token_not_stored'
            ? 'Atlassian returned a rotated refresh token, but the platform kept the previous one: Atlassian revokes ' +
              'the previous one about 10 minutes after a rotation, so the connection will stop working.'
            : 'Atlassian returned a new access token, but the platform did not store it for the credential.'
    log.fail('token.access', {
        code: loss,
        found: `The access token had expired and was refreshed. ${what}`,
        expected: `The platform stores what the refresh returned against credential "${credentialName}" (KB2132135).`,
        fix:
            `${getToken} Then validate again; if this finding returns, the instance does not store refreshed tokens ` +
            'for OAuth 2.0 credentials: raise it with ServiceNow support quoting KB2132135.',
    })
}
