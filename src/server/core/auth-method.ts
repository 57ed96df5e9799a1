/**
 * The four ways into Jira Cloud this app supports, told apart from the credential, its registry/profile and the
 * connection URL form, and what Atlassian says about each today:
 * - service account, OAuth 2.0 client credentials: recommended for integrations (support.atlassian.com "Create OAuth
 *   2.0 credential for service accounts"; ServiceNow Jira spoke Option 2);
 * - OAuth 2.0 (3LO) app: a person's consent, rotating refresh tokens (developer.atlassian.com "OAuth 2.0 (3LO) apps");
 * - scoped API token, Basic auth through https://api.atlassian.com/ex/jira/<cloud-id> (ServiceNow Option 4; Atlassian
 *   "Manage API tokens for your Atlassian account"), at most one year;
 * - classic API token on https://<site>.atlassian.net: legacy. Atlassian expires API tokens after at most a year and
 *   tells integrations to stop collecting personal API tokens ("Building Secure and Scalable Integrations", Atlassian
 *   developer blog, June 2025); ServiceNow removed the API-token instructions from the Jira spoke docs (Australia).
 */
import { ATLASSIAN } from './atlassian'
import type { CredentialSnapshot, ProfileSnapshot, RegistrySnapshot } from './ports'
import type { UrlForm } from './urls'

export type AuthMethod = 'service_account' | 'oauth_3lo' | 'scoped_token' | 'classic_token'

export const AUTH_METHOD_LABEL: { [M in AuthMethod]: string } = {
    service_account: 'service account with OAuth 2.0 client credentials',
    oauth_3lo: 'OAuth 2.0 (3LO) app',
    scoped_token: 'scoped API token through api.atlassian.com',
    classic_token: 'classic API token on the site URL (legacy)',
}

/** The client-credentials grant, by the profile's grant (what the platform uses), else the registry's default. */
export function isClientCredentials(profile: ProfileSnapshot | null, registry: RegistrySnapshot | null): boolean {
    const grant = (profile && profile.grantType) || (registry && registry.defaultGrantType) || ''
    return grant === 'client_credentials'
}

export function authMethodOf(
    credential: CredentialSnapshot,
    form: UrlForm,
    profile: ProfileSnapshot | null,
    registry: RegistrySnapshot | null
): AuthMethod | null {
    if (credential.kind === 'oauth2') return isClientCredentials(profile, registry) ? 'service_account' : 'oauth_3lo'
    if (credential.kind === 'basic') return form.kind === 'gateway' ? 'scoped_token' : 'classic_token'
    return null
}

/** The steps from an API token (or a 3LO app) to a service account, keeping the old connection until the new works. */
export function migrationPath(): string {
    return (
        `Create a service account (${ATLASSIAN.serviceAccountsAdmin} > Create a service account; give it Jira access ` +
        'on the site), then Create credentials > OAuth 2.0 with the Jira scopes. Paste its Client ID and Secret into ' +
        'registry "Jira Cloud Service Account" and the cloud id into the inactive "Jira Cloud Service Account ' +
        'Connection", click Get OAuth Token on its credential and validate that connection while it is inactive. ' +
        'When it passes, activate it and deactivate this one (keep it inactive until the new one has run for a while).'
    )
}

/** The cloud id of a tenant_info answer ({"cloudId": "<uuid>"}), or null. */
export function cloudIdOfTenantInfo(json: unknown): string | null {
    if (!json || typeof json !== 'object') return null
    const id = (json as { cloudId?: unknown }).cloudId
    return typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
        ? id.toLowerCase()
        : null
}
