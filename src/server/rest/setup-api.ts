/**
 * Scripted REST resources of the setup assistant (/api/x_jira_connect/setup/...). Each resource checks the role,
 * reads a JSON body where it takes one, runs one core operation and answers JSON. The platform authenticates the
 * session and checks X-UserToken (CSRF) before the script runs; bad input gets 400 with field-level messages and
 * changes nothing; no answer carries a secret. Sources: ServiceNow docs "Scripted REST API" (RESTAPIRequest,
 * RESTAPIResponse: setStatus, setBody, setHeader).
 */
import { gs } from '@servicenow/glide'
import { safeText } from '../core/sanitize'
import { jsonBody } from '../core/setup/inputs'
import * as capabilityProjects from '../core/setup/capability-projects'
import * as healthView from '../core/setup/health-view'
import * as live from '../core/setup/live'
import * as ops from '../core/setup/operations'
import * as siteConnections from '../core/setup/site-connections'
import type { OpResult } from '../core/setup/result'
import * as serviceAccount from '../core/setup/service-account'
import { GlideTokenStore } from '../glide/oauth-tokens'
import { GlideRestHttp } from '../glide/rest-http'
import { GlideSetupRecords } from '../glide/setup-records'

interface RestRequest {
    getHeader(name: string): string | null
    body: { dataString: string } | null
}

interface RestResponse {
    setStatus(status: number): void
    setBody(body: unknown): void
    setHeader(name: string, value: string): void
}

export const SETUP_ROLES = ['admin', 'x_jira_connect.admin']
/** Every write of the setup API needs admin (issue 16): the REST ACL setupWriteAcl, and this check (assumption A32). */
export const WRITE_ROLE = 'admin'

function deps(): ops.SetupDeps {
    return { records: new GlideSetupRecords(), http: new GlideRestHttp(), tokens: new GlideTokenStore() }
}

function allowed(): boolean {
    return SETUP_ROLES.some((r) => gs.hasRole(r))
}

function answer<T>(response: RestResponse, r: OpResult<T>): void {
    response.setHeader('Cache-Control', 'no-store')
    if (r.ok) {
        response.setStatus(200)
        response.setBody(r.value)
        return
    }
    response.setStatus(r.status)
    response.setBody({ error: { status: r.status, errors: r.errors } })
}

function run<T>(response: RestResponse, name: string, op: () => OpResult<T>, write = false): void {
    if (write && !gs.hasRole(WRITE_ROLE)) {
        answer(response, {
            ok: false,
            status: 403,
            errors: [{ field: '', code: 'admin_required', message: live.WRITE_ROLE_MESSAGE }],
        })
        return
    }
    if (!allowed()) {
        answer(response, {
            ok: false,
            status: 403,
            errors: [
                {
                    field: '',
                    code: 'role_required',
                    message: 'The Jira Cloud Connect setup needs the admin or x_jira_connect.admin role.',
                },
            ],
        })
        return
    }
    try {
        answer(response, op())
    } catch (e) {
        gs.error(
            `Jira Cloud Connect setup: ${name} failed: ` + safeText(String((e as { stack?: string })?.stack || e), 2000)
        )
        response.setStatus(500)
        response.setBody({
            error: {
                status: 500,
                errors: [
                    {
                        field: '',
                        code: 'internal_error',
                        message:
                            `The ${name} step stopped on an unexpected platform error. ` +
                            'See the system log ("Jira Cloud Connect setup"), then open the page again to see ' +
                            'what is saved.',
                    },
                ],
            },
        })
    }
}

/** Runs a write operation on the request's JSON object body; a wrong content type or body is a 400. */
function withBody<T>(
    request: RestRequest,
    response: RestResponse,
    name: string,
    op: (body: Record<string, unknown>) => OpResult<T>,
    write = true
): void {
    run(
        response,
        name,
        () => {
            let data: unknown = null
            const text = request.body ? String(request.body.dataString || '') : ''
            try {
                data = text ? JSON.parse(text) : null
            } catch (e) {
                data = null
            }
            const parsed = jsonBody(String(request.getHeader('Content-Type') || ''), data)
            if (!parsed.ok) return { ok: false, status: 400, errors: [parsed.error] }
            return op(parsed.value)
        },
        write
    )
}

export function getState(_request: RestRequest, response: RestResponse): void {
    run(response, 'state', () =>
        live.withLive(deps(), siteConnections.withSites(deps(), serviceAccount.stateWithServiceAccount(deps())))
    )
}

export function putOAuthClient(request: RestRequest, response: RestResponse): void {
    withBody(request, response, 'save client id and secret', (b) => ops.saveOAuthClient(deps(), b))
}

export function getSites(_request: RestRequest, response: RestResponse): void {
    run(response, 'list sites', () => ops.sites(deps()))
}

export function putSite(request: RestRequest, response: RestResponse): void {
    withBody(request, response, 'choose site', (b) => ops.chooseSite(deps(), b))
}

/** "Add as a separate connection": a child alias, its connection and its own OAuth credential for one site. */
export function postSiteConnection(request: RestRequest, response: RestResponse): void {
    withBody(request, response, 'add site connection', (b) => siteConnections.addSite(deps(), b))
}

/** A read: the cloud id of a site name (x_jira_connect.admin may use it too). */
export function postSiteLookup(request: RestRequest, response: RestResponse): void {
    withBody(request, response, 'find site', (b) => ops.lookupSite(deps(), b), false)
}

export function putApiToken(request: RestRequest, response: RestResponse): void {
    withBody(request, response, 'save API token', (b) => ops.saveApiToken(deps(), b))
}

/**
 * Validates one path's own connection, active or not ({target: 'oauth' | 'service-account' | 'api-token'}), one
 * connection ({connectionSysId}), or the Jira alias ({}). Changes no configuration: x_jira_connect.admin may use it.
 */
export function postValidate(request: RestRequest, response: RestResponse): void {
    withBody(
        request,
        response,
        'validate',
        (b) =>
            b.target === 'service-account'
                ? serviceAccount.validateServiceAccount(deps())
                : b.target === 'oauth' || b.target === 'api-token'
                  ? ops.validatePath(deps(), b.target)
                  : b.connectionSysId
                    ? ops.validateConnection(deps(), b)
                    : ops.validateSetup(deps()),
        false
    )
}

/** "Make this the live connection" ({connectionSysId, force?}): validates it now, switches only if it passes. */
export function postActivate(request: RestRequest, response: RestResponse): void {
    withBody(request, response, 'make live', (b) => live.activate(deps(), b))
}

/** "Switch back" ({force?}) to the connection the last switch deactivated, validated the same way. */
export function postSwitchBack(request: RestRequest, response: RestResponse): void {
    withBody(request, response, 'switch back', (b) => live.switchBack(deps(), b))
}

export function putServiceAccount(request: RestRequest, response: RestResponse): void {
    withBody(request, response, 'save service account', (b) => serviceAccount.saveServiceAccount(deps(), b))
}

export function getHealth(_request: RestRequest, response: RestResponse): void {
    run(response, 'health', () => healthView.health(deps()))
}

/** Validate all ({}) or one health row ({sysId}): the connection health check, then the rows again. */
export function postHealth(request: RestRequest, response: RestResponse): void {
    withBody(request, response, 'health check', (b) => healthView.healthCheck(deps(), b), false)
}

/** The Jira projects the flows use (x_jira_connect.capability.projects): x_jira_connect.admin may read them. */
export function getCapabilityProjects(_request: RestRequest, response: RestResponse): void {
    run(response, 'read Jira projects', () => capabilityProjects.readProjects(deps()))
}

/** Saves the Jira projects ({projects: "SUP/Task, OPS"}): admin only, audited, written only when the list changes. */
export function putCapabilityProjects(request: RestRequest, response: RestResponse): void {
    withBody(request, response, 'save Jira projects', (b) => capabilityProjects.saveProjects(deps(), b))
}
