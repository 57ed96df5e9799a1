/**
 * Ports: the only ways the validator core reaches the platform. The core is plain TypeScript over these interfaces;
 * src/server/glide/ implements them with GlideRecord, sn_ws.RESTMessageV2, sn_auth.GlideOAuthClient and gs, and
 * tests implement them over a Glide simulator or real loopback HTTP. Everything is synchronous: Rhino has no event
 * loop.
 *
 * Secrets never cross a port into the core: HTTP requests name the credential to authenticate with (AuthRef) and the
 * adapter applies it; token state reports presence and lifetimes, never token values.
 */

// ---------------------------------------------------------------- HTTP

/** How the adapter authenticates a request. The core never sees a token, password or client secret. */
export type AuthRef =
    | { kind: 'none' }
    /** Bearer access token of an OAuth 2.0 credential (requestor context oauth_2_0_credentials). */
    | { kind: 'oauth2'; credentialSysId: string; profileSysId: string }
    /** Basic auth with the user name and password of a basic_auth_credentials record. */
    | { kind: 'basic'; credentialSysId: string }

export interface HttpRequest {
    method: 'GET' | 'POST' | 'PUT'
    url: string
    /** Extra headers; the adapter adds Authorization from `auth`. */
    headers?: Record<string, string>
    body?: string
    auth: AuthRef
    timeoutMs: number
    /**
     * Send through this MID Server (the connection's "Use MID Server"), as the spoke's calls go: the adapter relays it
     * asynchronously and waits at most timeoutMs for the MID's answer. Absent: the instance calls directly.
     */
    mid?: string
}

/** Why no HTTP answer arrived. The adapter maps platform/Java error text onto these. */
export type TransportFailure =
    | 'timeout'
    | 'connection_refused'
    | 'unknown_host'
    | 'tls'
    | 'connection_reset'
    /** The adapter could not apply the AuthRef (e.g. no token, credential unreadable). */
    | 'auth_unavailable'
    | 'other'

export type HttpResult =
    /** Header names are lower-case. */
    | { ok: true; status: number; headers: Record<string, string>; body: string }
    /** `detail` is the platform's error text with any secret removed; shown to admins only after sanitising. */
    | { ok: false; failure: TransportFailure; detail: string }

export interface HttpPort {
    send(request: HttpRequest): HttpResult
}

// ---------------------------------------------------------------- tokens

/** What the instance holds for one credential + profile (GlideOAuthClient.getToken). Values never leave the adapter. */
export interface TokenState {
    hasAccessToken: boolean
    /** Seconds until the access token expires; <= 0 when expired; null when unknown. */
    accessExpiresInSec: number | null
    hasRefreshToken: boolean
    /** Seconds until the platform treats the refresh token as expired (registry refresh_token_lifespan), or null. */
    refreshExpiresInSec: number | null
}

export type RefreshResult =
    | { ok: true; state: TokenState }
    | {
          ok: false
          /** HTTP status of the token endpoint, null when no answer arrived. */
          httpStatus: number | null
          /** OAuth error code from the body (invalid_grant, unauthorized_client, ...), null when absent. */
          error: string | null
          errorDescription: string | null
          transport: TransportFailure | null
          detail: string
          /** The refresh succeeded at the provider but the platform did not store what it returned (assumption A5). */
          notStored?: RefreshLoss
      }

/** What a platform refresh failed to store: the new access token, or Atlassian's rotated refresh token. */
export type RefreshLoss = 'access_token_not_stored' | 'rotated_refresh_token_not_stored'

/**
 * The platform would not let this user read (or store) OAuth tokens: ServiceNow keeps oauth_credential to the admin
 * role (KB0859525, KB1380167). userName is shown in the finding.
 */
export interface TokenAccessDenied {
    denied: true
    userName: string
    detail: string
}

export interface TokenPort {
    /** Stored tokens for the credential and profile, null when none exist, or a denial for this user. */
    read(credentialSysId: string, profileSysId: string): TokenState | TokenAccessDenied | null
    /**
     * Refresh through the platform (grant refresh_token with the requestor parameters) so the platform stores the
     * new access token AND the rotated refresh token against the credential.
     */
    refresh(credentialSysId: string, profileSysId: string, registryName: string, timeoutMs: number): RefreshResult
    /**
     * A new access token with the client-credentials grant (service accounts: no refresh token exists; the platform
     * simply requests another 60-minute token), stored against the credential like Get OAuth Token does.
     */
    requestClientCredentials(
        credentialSysId: string,
        profileSysId: string,
        registryName: string,
        timeoutMs: number
    ): RefreshResult
}

// ---------------------------------------------------------------- configuration

export interface AliasSnapshot {
    sysId: string
    /** sys_alias.id, e.g. x_jira_connect.Jira */
    id: string
    name: string
    parentSysId: string | null
    multipleConnections: boolean
    /** connection_attributes defaults of this alias (and its parent), by element name. */
    attributeDefaults: Record<string, string>
}

export interface ConnectionSnapshot {
    sysId: string
    name: string
    /** sys_class_name, e.g. http_connection */
    table: string
    active: boolean
    /** connection_url exactly as stored (not trimmed). */
    url: string
    aliasSysId: string | null
    credentialSysId: string | null
    /** Attribute values set on this connection (sys_variable_value), by element name. */
    attributes: Record<string, string>
}

export type CredentialSnapshot =
    | { kind: 'oauth2'; sysId: string; name: string; table: string; active: boolean; profileSysId: string | null }
    | {
          kind: 'basic'
          sysId: string
          name: string
          table: string
          active: boolean
          userName: string
          hasPassword: boolean
      }
    | { kind: 'other'; sysId: string; name: string; table: string; active: boolean }

export interface ProfileSnapshot {
    sysId: string
    name: string
    registrySysId: string | null
    grantType: string
    isDefault: boolean
    /** The OAuth scopes of the profile's oauth_entity_profile_scope rows (one row may hold several, space-separated) */
    scopes: string[]
}

export interface RegistrySnapshot {
    sysId: string
    name: string
    active: boolean
    type: string
    defaultGrantType: string
    /** Presence only: the values are secrets (client_secret) or not ours to print. */
    hasClientId: boolean
    hasClientSecret: boolean
    /**
     * Client ID holds a value shaped like a client secret (setup/inputs.ts looksLikeSecret): set by the adapter, which
     * reads the value; the value itself never leaves it. Absent = no.
     */
    clientIdLooksLikeSecret?: boolean
    authUrl: string
    tokenUrl: string
    refreshTokenUrl: string
    redirectUrl: string
    /** scope: the script include's application scope ('global' or e.g. 'x_jira_connect'). */
    apiScript: { sysId: string; name: string; active: boolean; script: string; scope: string } | null
    /** Names of the registry's profiles marked default (the UI creates "<registry> default_profile" on save). */
    defaultProfiles: string[]
}

export interface ConfigPort {
    alias(sysId: string): AliasSnapshot | null
    /** All connections (active or not) whose connection_alias is the alias. */
    connectionsOfAlias(aliasSysId: string): ConnectionSnapshot[]
    connection(sysId: string): ConnectionSnapshot | null
    /** Connections whose credential is the given credential. */
    connectionsUsingCredential(credentialSysId: string): ConnectionSnapshot[]
    credential(sysId: string): CredentialSnapshot | null
    profile(sysId: string): ProfileSnapshot | null
    registry(sysId: string): RegistrySnapshot | null
    /** System property value, or the fallback when unset/empty. */
    property(name: string, fallback: string): string
    /** The callback this instance sends as redirect_uri: <glide.servlet.uri>oauth_redirect.do */
    instanceCallbackUrl(): string
}

// ---------------------------------------------------------------- time

export interface ClockPort {
    nowMs(): number
    /** Blocks; used only for a short Retry-After (bounded by x_jira_connect.max_retry_wait_seconds). */
    sleep(ms: number): void
}
