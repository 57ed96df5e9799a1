/**
 * Calls to the app's setup API (/api/x_jira_connect/setup/...). Every call sends the session's CSRF token
 * (X-UserToken: window.g_ck), as the instance requires for session-authenticated REST calls. The platform wraps the
 * script's body as {"result": ...}.
 */

import type { FieldError } from '../../server/core/setup/result'

export type { FieldError }

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; errors: FieldError[] }

declare global {
    interface Window {
        g_ck?: string
    }
}

const BASE = '/api/x_jira_connect/setup/'

/** Resources that change the integration: admin only (the server's setupWriteAcl). */
const WRITES = [
    'oauth-client',
    'site',
    'site-connection',
    'api-token',
    'service-account',
    'activate',
    'switch-back',
    'capability-projects',
]

/** The server's one sentence for a 403 on a write (src/server/core/setup/live.ts WRITE_ROLE_MESSAGE). */
export const WRITE_ROLE_MESSAGE =
    'Changing the Jira connection needs the admin role; x_jira_connect.admin may read the setup, validate and check ' +
    'health.'

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
            : res.status === 403 && method !== 'GET' && WRITES.indexOf(resource) >= 0
              ? WRITE_ROLE_MESSAGE
              : res.status === 403
                ? 'You need the admin or x_jira_connect.admin role to use the Jira Cloud Connect setup.'
                : `The instance answered ${res.status} ${platform}.`
    return { ok: false, status: res.status, errors: [{ field: '', code: `http_${res.status}`, message }] }
}

/**
 * What the setup API answers: the server's own types (type-only, erased from the bundle), so the page cannot expect a
 * field the server does not send.
 */
export type { ConsoleScopes as Scopes } from '../../server/core/setup/scopes'
export type { ShownCheck, Site, ValidationShown as Validation } from '../../server/core/setup/operations'
export type { SiteConnection } from '../../server/core/setup/site-connections'
export type { SavedServiceAccount, ServiceAccountState } from '../../server/core/setup/service-account'
import type { SetupState as BaseState } from '../../server/core/setup/operations'
import type { ServiceAccountState } from '../../server/core/setup/service-account'
import type { SiteConnection } from '../../server/core/setup/site-connections'
import type { LiveState } from '../../server/core/setup/live'
export type { Activation, LiveState, SwitchBack } from '../../server/core/setup/live'
export type { SavedApiToken } from '../../server/core/setup/operations'
export type { ProjectsSaved, ProjectsShown } from '../../server/core/setup/capability-projects'

/**
 * GET state: the base state plus the service-account and other-site sections, the live connection, the switch-back
 * offer and the user's access (src/server/rest/setup-api.ts).
 */
export type SetupState = BaseState & {
    serviceAccount: ServiceAccountState
    siteConnections: SiteConnection[]
} & LiveState
export type { HealthCheckShown, HealthRow } from '../../server/core/setup/health-view'
