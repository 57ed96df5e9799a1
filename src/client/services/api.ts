/**
 * Calls to the app's setup API (/api/x_jira_connect/setup/...). Every call sends the session's CSRF token
 * (X-UserToken: window.g_ck), as the instance requires for session-authenticated REST calls. The platform wraps the
 * script's body as {"result": ...}.
 */

export interface FieldError {
    field: string
    code: string
    message: string
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; errors: FieldError[] }

declare global {
    interface Window {
        g_ck?: string
    }
}

const BASE = '/api/x_jira_connect/setup/'

export async function call<T>(method: 'GET' | 'PUT' | 'POST', resource: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', 'X-UserToken': window.g_ck || '' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    let res: Response
    try {
        res = await fetch(BASE + resource, {
            method,
            headers,
            credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body),
        })
    } catch (e) {
        const message = 'The instance did not answer. Check your connection and try again.'
        return { ok: false, status: 0, errors: [{ field: '', code: 'network', message }] }
    }
    let json: { result?: unknown; error?: { message?: string } } | null = null
    try {
        json = await res.json()
    } catch (e) {
        json = null
    }
    const result = json && json.result
    if (res.ok) return { ok: true, value: result as T }
    const errors = (result as { error?: { errors?: FieldError[] } } | undefined)?.error?.errors
    if (errors && errors.length) return { ok: false, status: res.status, errors }
    const platform = json?.error?.message || res.statusText
    const message =
        res.status === 401
            ? 'Your session has expired. Reload the page and log in again.'
            : res.status === 403
              ? 'You need the admin or x_jira_connect.admin role to use the Jira Cloud Connect setup.'
              : `The instance answered ${res.status} ${platform}.`
    return { ok: false, status: res.status, errors: [{ field: '', code: `http_${res.status}`, message }] }
}

export interface Scopes {
    classic: string[]
    granular: string[]
    requestedOnly: string[]
}

export interface SetupState {
    instanceUrl: string
    callbackUrl: string
    scopes: Scopes
    oauth: {
        registrySysId: string
        clientIdSet: boolean
        clientSecretSet: boolean
        savedOn: string
        credentialSysId: string | null
        getTokenPath: string | null
        token: { hasAccessToken: boolean; hasRefreshToken: boolean; accessExpiresInSec: number | null } | null
        connection: { sysId: string; url: string; active: boolean; cloudId: string | null } | null
    }
    apiToken: {
        connection: { sysId: string; url: string; active: boolean; site: string } | null
        email: string
        tokenSet: boolean
        savedOn: string
    }
    serviceAccount: ServiceAccountState
    /** Further Jira sites, each on its own child alias of Jira with its own OAuth credential. */
    siteConnections?: SiteConnection[]
}

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
    getTokenPath: string | null
}

export interface ServiceAccountState {
    registrySysId: string | null
    clientIdSet: boolean
    clientSecretSet: boolean
    savedOn: string
    credentialSysId: string | null
    connection: { sysId: string; name: string; url: string; active: boolean; cloudId: string | null } | null
    otherActive: Array<{ sysId: string; name: string; url: string }>
    scopes: { classic: string[]; granular: string[] }
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
    deactivated: Array<{ sysId: string; name: string }>
    token: { outcome: 'not_needed' | 'renewed' | 'refused'; message: string }
}

export interface Site {
    cloudId: string
    name: string
    url: string
    scopes: string[]
}

export interface ShownCheck {
    id: string
    status: 'pass' | 'warn' | 'fail' | 'skip'
    title: string
    code: string
    found: string
    expected: string
    fix: string
    subject?: string
    step: number
    link: string
}

export interface Validation {
    verdict: string
    summary: string
    checks: ShownCheck[]
    runSysId: string | null
    runLink: string
}

export interface HealthRow {
    subjectTable: string
    subjectSysId: string
    name: string
    url: string
    active: boolean
    alias: string
    auth: string
    /** health = from the connection health record; run = latest validation run only; none = nothing yet. */
    source: 'health' | 'run' | 'none'
    verdict: string
    summary: string
    verdictSince: string
    lastChecked: string
    lastSuccess: string
    accessExpires: string
    refreshExpires: string
    nextExpiry: string
    nextExpiryWhat: string
    notCheckedReason: string
    covered: boolean
    healthLink: string
    runLink: string
    recordLink: string
}

export interface HealthCheckShown {
    rows: HealthRow[]
    message: string
    runSysId: string | null
    runLink: string
}
