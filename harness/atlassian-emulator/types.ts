/**
 * Public types of the Atlassian emulator (test code only; never shipped).
 * Section numbers (§) refer to docs/atlassian-contract.md.
 */

/** Endpoints a fault can be attached to; every logged request carries one of these (or null for an unmatched path). */
export type EmulatorTarget =
    | 'authorize' // GET /authorize and POST /authorize/consent on auth.atlassian.com
    | 'token' // POST /oauth/token on auth.atlassian.com
    | 'error-page' // GET /error on auth.atlassian.com or id.atlassian.com
    | 'accessible-resources' // GET api.atlassian.com/oauth/token/accessible-resources
    | 'me' // GET api.atlassian.com/me
    | 'myself' // GET api.atlassian.com/ex/jira/{cloudId}/rest/api/{2|3}/myself
    | 'serverInfo' // GET api.atlassian.com/ex/jira/{cloudId}/rest/api/{2|3}/serverInfo
    | 'site-myself' // GET <site>.atlassian.net/rest/api/{2|3}/myself
    | 'site-serverInfo' // GET <site>.atlassian.net/rest/api/{2|3}/serverInfo
    | 'tenant-info' // GET <site>.atlassian.net/_edge/tenant_info
    // jira-projects.ts, on the gateway and on the site URL alike:
    | 'project-search' // GET /rest/api/{2|3}/project/search
    | 'permissions-check' // POST /rest/api/{2|3}/permissions/check
    | 'createmeta' // GET /rest/api/{2|3}/issue/createmeta/{project}/issuetypes/{issueTypeId}
    | 'agile-board' // GET /rest/agile/1.0/board
    // Webhooks (webhooks.ts), on the gateway and on the site URL:
    | 'webhooks' // GET/POST/DELETE /rest/api/{2|3}/webhook (dynamic webhooks of the calling OAuth app)
    | 'webhook-refresh' // PUT /rest/api/{2|3}/webhook/refresh
    | 'webhooks-failed' // GET /rest/api/{2|3}/webhook/failed
    | 'admin-webhooks' // GET /rest/webhooks/1.0/webhook (Administer Jira)

export type Fault =
    /** Answer with this status (and optional body/headers) instead of the real handler. */
    | { status: number; body?: string; headers?: Record<string, string> }
    /** Read the request, never answer, keep the socket open (until the client gives up or the emulator closes). */
    | 'hang'
    /** Destroy the socket as soon as the request arrives (client sees a connection reset). */
    | 'reset'
    /** 200 text/html: an Atlassian login page, as a proxy/SSO interception would return. */
    | 'html'
    /** Run the real handler (side effects happen, e.g. a refresh token rotates), then send only the first half of its body. */
    | 'truncated-json'
    /** 200 application/json whose body is exactly `oversized` bytes of valid JSON. */
    | { oversized: number }
    /** 429 with Retry-After and the X-RateLimit-* headers of §4.5. */
    | { rateLimit: number }

export interface FaultOptions {
    /** Apply only to the next n matching requests, then clear. Default: until clearFaults(). */
    count?: number
}

export interface EmulatorOptions {
    /**
     * Fake clock: freeze the emulator's clock at this epoch-ms; it then moves only with advanceTime().
     * Without it the clock is Date.now() + the sum of advanceTime() calls.
     * (A `now()` callback cannot be passed: the emulator runs in a worker thread, see README.)
     */
    startTimeMs?: number
    /** What /authorize does once a consent user is set: show the consent page (null, default), or decide at once. */
    autoConsent?: 'accept' | 'deny' | null
    /**
     * §1.3 [I]: 'unusable-token' (default) issues a code/token the gateway rejects with 401; 'error-page' fails at
     * /authorize; 'accepted' issues a token the gateway accepts (Atlassian's newer 3LO page and ServiceNow's own Jira
     * set-up send no audience).
     */
    missingAudience?: 'unusable-token' | 'error-page' | 'accepted'
    /** §1.2: 'ignored' (default) accepts a missing prompt; 'required' redirects back with error=invalid_request. */
    prompt?: 'ignored' | 'required'
    /** §2.5: body of an invalid refresh: documented invalid_grant (default) or the observed unauthorized_client variant. */
    invalidRefreshError?: 'invalid_grant' | 'unauthorized_client'
    /** §4.4: status for an unknown cloudId on the gateway (default 404). */
    unknownCloudIdStatus?: 404 | 403 | 401
    /** Lifetimes in seconds (defaults from §2.1 / §2.4). absoluteSeconds null disables the 365-day rule (volatile). */
    accessTokenSeconds?: number
    reuseLeewaySeconds?: number
    inactivitySeconds?: number
    absoluteSeconds?: number | null
    /** Authorization-code lifetime (default 300 s; Atlassian does not document it, §1.4). */
    codeSeconds?: number
    /** Where the unregistered-redirect page lives (default https://id.atlassian.com, §1.4). */
    errorPageBase?: string
    /**
     * accessible-resources for a client-credentials (service account) token: undocumented, and reported to answer 401
     * for service-account scoped API tokens (simstudioai/sim#4432 review). 'unauthorized' (default, inferred) or 'list'.
     */
    serviceAccountAccessibleResources?: 'unauthorized' | 'list'
    /** rate-limits.ts: points per hour per app and tenant (default 65000 [I]). */
    quotaPointsPerHour?: number
    /** rate-limits.ts: points one bulk permission check costs (default 10 [I]). */
    permissionCheckPoints?: number
    /** rate-limits.ts: 'beta' (default, as seen in 2026) or 'final' header names. */
    rateLimitHeaderNames?: 'beta' | 'final'
    /** serverInfo.baseUrl on the gateway: the site URL (default) or the gateway form seen since 2026-07-14. */
    serverInfoBaseUrl?: 'site' | 'gateway'
}

export interface AppRegistration {
    clientId: string
    clientSecret: string
    /** Registered callback URLs; redirect_uri must match one exactly (§1.6). */
    callbackUrls: string[]
    /** Scopes added to the app's APIs in the developer console (§1.2). offline_access is always allowed. */
    scopes: string[]
}

export interface SiteRegistration {
    cloudId: string
    name: string
    /** e.g. acme.atlassian.net */
    host: string
    avatarUrl?: string
}

export interface UserRegistration {
    accountId: string
    email: string
    displayName: string
    /** Classic API tokens valid for Basic auth on the site URL (§5). */
    apiTokens?: string[]
    /** The Atlassian account password: Basic auth with it is refused as deprecated (§5). */
    password?: string
    /** cloudIds of the sites this user belongs to. */
    sites?: string[]
    /** When false, /myself omits emailAddress (privacy setting, §4.2). Default true. */
    emailVisible?: boolean
    /**
     * 'app' for a service account (Jira /myself reports accountType "app" for app and service accounts; Jira REST
     * "Get current user" documents accountType atlassian | app | customer). Default 'atlassian'.
     */
    accountType?: 'atlassian' | 'app'
    /**
     * Jira product access on the user's sites. false: the account exists on the site but has no Jira role, so Jira
     * answers 403 even to a valid token ("scopes never override permissions", developer.atlassian.com scopes page;
     * the 403 body is inferred). Default true.
     */
    jiraAccess?: boolean
    /**
     * Scoped API tokens ("Create API token with scopes"): Basic auth with the email and the token works only through
     * api.atlassian.com/ex/jira/{cloudId}; the site URL answers 401 (Atlassian KB "401 unauthorized error when a
     * service account accesses Jira or Confluence API"; support.atlassian.com "Manage API tokens for your Atlassian
     * account"). Service accounts can only create scoped tokens.
     */
    scopedApiTokens?: { token: string; scopes: string[] }[]
}

/**
 * An OAuth 2.0 credential of a service account (admin.atlassian.com > Directory > Service accounts > Create
 * credentials > OAuth 2.0): a client id and secret, and the scopes picked when it was created (they cannot be changed
 * afterwards; a new credential is needed). https://support.atlassian.com/user-management/docs/create-oauth-2-0-credential-for-service-accounts
 */
export interface ServiceAccountCredential {
    clientId: string
    clientSecret: string
    /** The service account (a user registered with accountType 'app'). */
    accountId: string
    scopes: string[]
}

export interface GrantRequest {
    clientId: string
    accountId: string
    scopes: string[]
    cloudIds: string[]
    /** Default api.atlassian.com; anything else gives a token the gateway rejects (§1.3). */
    audience?: string | null
}

export interface IssuedTokens {
    accessToken: string
    /** null when offline_access was not granted (§1.2). */
    refreshToken: string | null
    expiresIn: number
    scope: string
    familyId: string
}

/** A request as the emulator's handlers see it. */
export interface EmuRequest {
    method: string
    /** Host header without the port. */
    host: string
    path: string
    query: Record<string, string>
    /** Every value of repeated query parameters (keys=A&keys=B). */
    queryAll?: Record<string, string[]>
    /** Lower-case names. */
    headers: Record<string, string>
    body: string
}

export interface LoggedRequest extends EmuRequest {
    seq: number
    /** The caller's address as the emulator's socket saw it (127.0.0.1, or another loopback address for a MID). */
    remoteAddress: string
    /** Emulator clock (epoch ms) when the request arrived. */
    time: number
    target: EmulatorTarget | null
    /** Status sent; null when no answer was sent (hang, reset). */
    status: number | null
    /** The fault applied, if any ('hang', 'reset', 'html', 'truncated-json', 'status', 'oversized', 'rateLimit'). */
    fault: string | null
}

export interface FamilyInfo {
    familyId: string
    clientId: string
    accountId: string
    scopes: string[]
    cloudIds: string[]
    createdAt: number
    /** null while usable; otherwise why the refresh tokens of the family stopped working. */
    revoked: null | 'reuse-after-leeway' | 'grant-revoked' | 'credential-revoked'
    /** How the family was obtained: 3LO (authorization code) or a service account's client credentials. */
    grant: 'authorization_code' | 'client_credentials'
    /** Refresh tokens issued in this family, oldest first. */
    refreshTokens: number
}

/** Who holds a project permission in a project's permission scheme (Jira "Permission schemes": grant holders). */
export type PermissionHolder =
    /** Anyone with Jira access on the site (application role). */
    | { type: 'applicationRole' }
    /** Members of a project role in that project. */
    | { type: 'projectRole'; role: string }
    /** The issue's reporter: granted on issues the account reported only (project-level checks still count it). */
    | { type: 'reporter' }
    | { type: 'user'; accountId: string }

/** A field of an issue type's create screen (FieldCreateMetadata of createmeta). */
export interface FieldRegistration {
    fieldId: string
    name: string
    required: boolean
    hasDefaultValue?: boolean
}

/** A Jira project of a site (jira-projects.ts). */
export interface ProjectRegistration {
    cloudId: string
    key: string
    name?: string
    id?: string
    /** Default: Task (10001) and Bug (10002) with the standard create-screen fields. */
    issueTypes?: { id: string; name: string; fields?: FieldRegistration[] }[]
    /** Project roles and their members (account ids). */
    roles?: Record<string, string[]>
    /** The permission scheme, by permission key; unnamed spoke permissions default to anyone with Jira access. */
    grants?: Record<string, PermissionHolder[]>
    /** false: the project has no agile board. */
    boards?: false
}
