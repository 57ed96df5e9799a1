/**
 * Plain-words findings for answers that are not what a check wanted: transport failures, budget, rate limits,
 * outages and unusable bodies. Each says what was found, what was expected, and the next step.
 */
import type { CallOutcome } from './calls'
import type { Finding, RemoteCheckId, TransportCode } from './catalogue'
import { humanDuration, type CheckLog } from './report'
import { originOf } from './urls'
import { rateLimitAdvice } from './rate-limit'
import { safeText } from './sanitize'

export type { Finding } from './catalogue'

type TransportFinding = Finding<TransportCode>

/** A finding for any outcome that is not a usable 2xx JSON answer; null for a usable one. */
export function genericFinding(
    outcome: CallOutcome,
    what: string,
    url: string,
    timeoutMs: number
): TransportFinding | null {
    const host = originOf(url) || url
    switch (outcome.kind) {
        case 'json':
            return null
        case 'budget':
            return {
                code: 'time_budget_exhausted',
                found:
                    `Not called: the validation had already used ${Math.round(outcome.elapsedMs / 1000)} s ` +
                    'of its time budget.',
                expected: `${what} answered within the validation's time budget (x_jira_connect.validation_budget_ms).`,
                fix: 'Earlier calls were slow or timed out: fix those findings first, then validate again.',
            }
        case 'transport':
            return transportFinding(outcome.failure, outcome.detail, what, host, timeoutMs)
        case 'http':
            return httpFinding(outcome, what, host)
    }
}

/**
 * The parsed JSON of a usable answer, or null after logging the outcome's finding as a failure of check `id`
 * (the shared tail of every check that calls Atlassian).
 */
export function jsonOrFail(
    log: CheckLog,
    check: { id: RemoteCheckId; what: string },
    outcome: CallOutcome,
    url: string,
    timeoutMs: number
): { json: unknown } | null {
    if (outcome.kind === 'json') return { json: outcome.json }
    const finding = genericFinding(outcome, check.what, url, timeoutMs)
    if (finding) log.fail(check.id, finding)
    return null
}

function transportFinding(
    failure: string,
    detail: string,
    what: string,
    host: string,
    timeoutMs: number
): TransportFinding {
    const seconds = Math.round(timeoutMs / 1000)
    const d = detail ? ` (${detail})` : ''
    switch (failure) {
        case 'timeout':
            return {
                code: 'http_timeout',
                found: `${what}: no answer from ${host} within ${seconds} s${d}.`,
                expected: `An answer within the timeout (x_jira_connect.http_timeout_ms = ${timeoutMs} ms).`,
                fix:
                    `Check that this instance can reach ${host} (firewall, proxy, or a MID server if the connection ` +
                    'uses one), then validate again. Raise x_jira_connect.http_timeout_ms only if Atlassian is known ' +
                    'to be slow.',
            }
        case 'connection_refused':
            return {
                code: 'connection_refused',
                found: `${what}: ${host} refused the connection${d}.`,
                expected: `${host} accepts HTTPS connections from this instance.`,
                fix:
                    "Check the connection URL's host and port, and any outbound proxy or firewall rule between this " +
                    `instance and ${host}.`,
            }
        case 'unknown_host':
            return {
                code: 'unknown_host',
                found: `${what}: this instance cannot resolve the host ${host}${d}.`,
                expected: 'A host name that resolves, e.g. api.atlassian.com or <site>.atlassian.net.',
                fix: 'Check the spelling of the URL; for a site URL check the site name at admin.atlassian.com.',
            }
        case 'tls':
            return {
                code: 'tls_failure',
                found: `${what}: the TLS handshake with ${host} failed${d}.`,
                expected: `A trusted TLS certificate from ${host}.`,
                fix:
                    'If an outbound proxy inspects TLS, import its CA certificate into the instance trust store; ' +
                    'otherwise check the URL uses https and the right host.',
            }
        case 'connection_reset':
            return {
                code: 'connection_reset',
                found: `${what}: the connection to ${host} was reset before an answer arrived${d}.`,
                expected: 'A complete HTTP answer.',
                fix:
                    'Usually a proxy or a network interruption: validate again; if it persists, check the proxy or ' +
                    'firewall logs.',
            }
        case 'auth_unavailable':
            return {
                code: 'auth_unavailable',
                found: `${what}: the instance could not attach the credential to the request${d}.`,
                expected: 'A readable credential (token or user name and API token).',
                fix:
                    'Open the credential, check it is active and complete (for OAuth: Get OAuth Token), then ' +
                    'validate again.',
            }
        default:
            return {
                code: 'http_error',
                found: `${what}: the call to ${host} failed${d}.`,
                expected: 'An HTTP answer.',
                fix:
                    'Validate again; if it persists, check the instance outbound HTTP log (System Logs > Outbound ' +
                    'HTTP Requests).',
            }
    }
}

function httpFinding(outcome: Extract<CallOutcome, { kind: 'http' }>, what: string, host: string): TransportFinding {
    const { status, headers, body, problem } = outcome
    if (status === 429) {
        // Retry-After is delta-seconds or an HTTP-date (RFC 9110 §10.2.3); RateLimit-Reason names the limit that was
        // hit (developer.atlassian.com "Rate limiting": e.g. jira-quota-global-based, jira-burst-based).
        const retry = outcome.retryAfterSec
        const rawRetry = headers['retry-after']
        // The beta header name is what production sends in 2026 (rate-limit.ts); the final one when present.
        const reason = safeText(headers['ratelimit-reason'] || headers['x-beta-ratelimit-reason'] || '', 60)
        const retryShown = rawRetry ? ` (Retry-After: ${safeText(rawRetry, 40)})` : ''
        const long = retry !== null && retry >= 120 ? ` (${humanDuration(retry)})` : ''
        const wait = retry === null ? 'a minute' : `${retry} seconds${long}`
        return {
            code: 'rate_limited',
            found:
                `${what}: Atlassian answered 429 Too Many Requests${retryShown}` +
                `${reason ? `; RateLimit-Reason: ${reason}` : ''}.`,
            expected: 'An answer within Atlassian rate limits.',
            fix: rateLimitAdvice(reason, wait),
        }
    }
    if (status >= 500) {
        return {
            code: 'atlassian_unavailable',
            found: `${what}: ${host} answered ${status}${problem === 'html' ? ' with an HTML error page' : ''}.`,
            expected: 'A 2xx answer.',
            fix:
                'Atlassian (or a proxy in between) has a problem: check https://status.atlassian.com and validate ' +
                'again later.',
        }
    }
    if (problem === 'oversized') {
        return {
            code: 'oversized_body',
            found: `${what}: ${host} answered ${status} with a body over 1 MB.`,
            expected: 'A small JSON answer.',
            fix: 'Something other than Atlassian answered (a proxy or a wrong URL): check the URL and proxy settings.',
        }
    }
    if (status >= 200 && status < 300) return bodyFinding(status, body, problem, what, host)
    if (status >= 300 && status < 400) return redirectFinding(status, headers.location || '', what, host)
    const message = errorMessageOf(body)
    return {
        code: 'unexpected_status',
        found:
            `${what}: ${host} answered ${status}${problem === 'html' ? ' with an HTML page' : ''}` +
            `${message ? `: "${message}"` : ''}.`,
        expected: 'A 2xx answer.',
        fix: 'Check the connection URL and credential, then validate again.',
    }
}

/**
 * A redirect that reached the app: never followed by it (A21, A38), and the Glide adapter allows the platform to
 * follow one only to the host asked, so the credential went to that host alone. Atlassian's REST APIs answer where
 * they are asked; a redirect comes from a proxy or from a URL that is not Atlassian's.
 */
function redirectFinding(status: number, location: string, what: string, host: string): TransportFinding {
    const to = originOf(location)
    const where = !location
        ? 'without a Location'
        : to === null
          ? 'to another path on the same host'
          : to.toLowerCase() === host.toLowerCase()
            ? `to another path on ${host}`
            : `to ${safeText(to, 100)}`
    return {
        code: 'redirect_not_followed',
        found: `${what}: ${host} answered ${status}, a redirect ${where}; not followed.`,
        expected: `A 2xx answer from ${host} itself.`,
        fix:
            `The credential was sent to ${host} only: the app never sends it to another host. Something between ` +
            "this instance and Atlassian (an outbound proxy, or a URL that is not Atlassian's) answers with a " +
            'redirect: check the connection URL and the proxy, then validate again.',
    }
}

/** A 2xx answer whose body is not usable JSON. */
function bodyFinding(
    status: number,
    body: string,
    problem: string | null,
    what: string,
    host: string
): TransportFinding {
    const answered = `${what}: ${host} answered ${status}`
    const title = safeText(titleOf(body), 80) || 'no title'
    switch (problem) {
        case 'html':
            return {
                code: 'html_instead_of_json',
                found: `${answered} with an HTML page instead of JSON (${title}).`,
                expected: 'A JSON answer from the Atlassian REST API.',
                fix: 'A login page, proxy page or wrong URL answered: check the connection URL and any outbound proxy.',
            }
        case 'truncated_json':
            return {
                code: 'truncated_json',
                found: `${answered} but the JSON body is cut off or malformed.`,
                expected: 'A complete JSON body.',
                fix:
                    'Usually a network interruption or a proxy limit: validate again; if it persists, check the ' +
                    'proxy.',
            }
        case 'empty':
            return {
                code: 'empty_body',
                found: `${answered} with an empty body.`,
                expected: 'A JSON answer.',
                fix: 'Check the connection URL and any proxy, then validate again.',
            }
        default:
            return {
                code: 'not_json',
                found: `${answered} with a body that is not JSON ("${safeText(body, 60)}").`,
                expected: 'A JSON answer.',
                fix: 'Check the connection URL points at Jira Cloud and not at another service.',
            }
    }
}

/** The human message of an Atlassian/Jira error body ({message}, {errorMessages[]}, {error_description}), sanitised. */
export function errorMessageOf(body: string): string {
    try {
        const j = JSON.parse(body)
        if (j && typeof j === 'object') {
            const parts: string[] = []
            if (typeof j.message === 'string') parts.push(j.message)
            if (Array.isArray(j.errorMessages)) {
                parts.push(...j.errorMessages.filter((m: unknown) => typeof m === 'string'))
            }
            if (typeof j.error_description === 'string') parts.push(j.error_description)
            else if (typeof j.error === 'string') parts.push(j.error)
            return safeText(parts.join(' '), 160)
        }
    } catch (e) {
        /* not JSON */
    }
    return ''
}

function titleOf(html: string): string {
    const m = /<title[^>]*>([^<]*)<\/title>/i.exec(html)
    return m ? m[1] : ''
}
