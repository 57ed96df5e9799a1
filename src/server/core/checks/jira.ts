/**
 * Check group 5, Jira: GET /rest/api/{v}/myself proves the credential (never serverInfo alone: it is anonymous and
 * answers 200 even with bad basic credentials, KB2942093), then GET /rest/api/{v}/serverInfo proves it is Jira Cloud
 * at the expected site. Basic-auth failures are detected by status 401/403 and by X-Seraph-LoginReason
 * (AUTHENTICATED_FAILED / AUTHENTICATION_DENIED), and are never retried: Atlassian locks accounts after a few bad
 * logins (atlassian-oauth.md §5).
 */
import type { CallEngine } from '../calls'
import { errorMessageOf, jsonOrFail } from '../findings'
import type { AuthRef } from '../ports'
import type { CheckLog } from '../report'
import { safeText } from '../sanitize'
import { joinUrl, originOf } from '../urls'

export interface JiraTarget {
    baseUrl: string
    apiVersion: string
    auth: AuthRef
    /** Where serverInfo.baseUrl should point: the accessible site's URL (OAuth) or the connection's site (basic). */
    expectedSiteUrl: string | null
    connectionName: string
    credentialName: string
    userName?: string
}

const LOGIN_REJECTED = /AUTHENTICATED_FAILED|AUTHENTICATION_DENIED/i

export function checkJira(log: CheckLog, engine: CallEngine, target: JiraTarget): void {
    // A failed /myself skips serverInfo (catalogue: jira.server_info requires jira.myself): with basic auth another
    // call would count as one more failed login.
    if (checkMyself(log, engine, target) && log.ready('jira.server_info')) checkServerInfo(log, engine, target)
}

/** Basic-auth refusals: CAPTCHA, password instead of API token, 401/403 or X-Seraph-LoginReason. */
function basicLoginFinding(t: JiraTarget, status: number, headers: Record<string, string>, body: string) {
    const loginReason = headers['x-seraph-loginreason'] || ''
    const user = `"${t.userName}"`
    const credential = `credential "${t.credentialName}"`
    if (/CAPTCHA/i.test(headers['x-authentication-denied-reason'] || '')) {
        return {
            code: 'captcha_required' as const,
            found: `Jira answered ${status} with a CAPTCHA challenge for ${user}: too many failed logins.`,
            expected: 'A login without CAPTCHA.',
            fix:
                `Log in once at ${originOf(t.baseUrl)} in a browser as ${t.userName} to clear the CAPTCHA, fix the ` +
                `API token on ${credential}, then validate again. Do not retry meanwhile: each failure extends the ` +
                'lock.',
        }
    }
    if (/passwords is deprecated/i.test(body)) {
        return {
            code: 'password_not_api_token' as const,
            found: `Jira refused basic authentication with a password for ${user}.`,
            expected: 'An Atlassian API token, not the account password.',
            fix:
                'Create an API token (id.atlassian.com > Security > Create and manage API tokens) and put it in the ' +
                `password field of ${credential}.`,
        }
    }
    if (status === 401 || status === 403 || LOGIN_REJECTED.test(loginReason)) {
        const reason = loginReason ? ` (X-Seraph-LoginReason: ${safeText(loginReason, 40)})` : ''
        return {
            code: 'credentials_rejected' as const,
            found:
                `Jira answered ${status}${reason}: the email ${user} and API token of ${credential} were not ` +
                'accepted.',
            expected: 'HTTP 200 with X-Seraph-LoginReason OK.',
            fix:
                `Check the email and create a new API token for that account, then update ${credential}. The ` +
                'validator did not retry: Atlassian locks an account after a few failed logins. A scoped API token ' +
                `works only with a ${'https://api.atlassian.com/ex/jira/<cloud-id>'} URL.`,
        }
    }
    return null
}

function checkMyself(log: CheckLog, engine: CallEngine, t: JiraTarget): boolean {
    const id = 'jira.myself'
    const url = joinUrl(t.baseUrl, `rest/api/${t.apiVersion}/myself`)
    const outcome = engine.getJson(url, t.auth)
    if (t.auth.kind === 'basic' && (outcome.kind === 'json' || outcome.kind === 'http')) {
        const body = outcome.kind === 'http' ? outcome.body : ''
        const refused = basicLoginFinding(t, outcome.status, outcome.headers, body)
        if (refused) {
            log.fail(id, refused)
            return false
        }
    }
    if (outcome.kind === 'http' && outcome.status === 401) {
        const message = errorMessageOf(outcome.body)
        if (/scope does not match/i.test(message)) {
            log.fail(id, {
                code: 'scope_mismatch',
                found: `Jira answered 401 "${message}": the token lacks the scope for /myself.`,
                expected: 'The read:jira-user scope granted.',
                fix:
                    'Add read:jira-user (and the other required scopes) to the Atlassian app and the profile, then ' +
                    'Get OAuth Token again.',
            })
        } else {
            log.fail(id, {
                code: 'token_rejected',
                found: `Jira answered 401${message ? ` "${message}"` : ''}: the access token was not accepted.`,
                expected: 'HTTP 200.',
                fix: `Get a new token: open credential "${t.credentialName}" and click Get OAuth Token.`,
            })
        }
        return false
    }
    if (outcome.kind === 'http' && (outcome.status === 404 || outcome.status === 403)) {
        const message = errorMessageOf(outcome.body)
        const found = `${url.replace(/\/rest\/.*/, '')} answered ${outcome.status}${message ? ` "${message}"` : ''}.`
        const expected = `HTTP 200 from /rest/api/${t.apiVersion}/myself.`
        if (outcome.status === 404) {
            const fix = `Check the site or cloud id in Connection URL on "${t.connectionName}".`
            log.fail(id, { code: 'site_not_found', found, expected, fix })
        } else {
            const fix = 'The account has no access to this site: grant it Jira access, or use an account that has it.'
            log.fail(id, { code: 'forbidden', found, expected, fix })
        }
        return false
    }
    const answer = jsonOrFail(log, { id, what: 'Jira /myself' }, outcome, url, engine.settings.timeoutMs)
    if (!answer) return false
    const me = (answer.json || {}) as { [k: string]: unknown }
    if (typeof me.accountId !== 'string') {
        log.fail(id, {
            code: 'unexpected_shape',
            found: 'Jira /myself answered without an accountId.',
            expected: 'A Jira user with an accountId.',
            fix: `Check Connection URL on "${t.connectionName}" points at Jira Cloud.`,
        })
        return false
    }
    const name = safeText(typeof me.displayName === 'string' ? me.displayName : '(no display name)', 80)
    const email =
        typeof me.emailAddress === 'string' && me.emailAddress
            ? `, ${safeText(me.emailAddress, 80)}`
            : ', email hidden by the profile visibility settings'
    const otherType = typeof me.accountType === 'string' && me.accountType !== 'atlassian'
    const type = otherType ? `, ${safeText(String(me.accountType), 20)} account` : ''
    // Account ids are identifiers, not secrets: shown verbatim when they have the documented shape (opaque id or
    // "<number>:<uuid>"), so the long-string redaction of safeText() cannot hide them.
    const accountId = /^[A-Za-z0-9:_-]{1,128}$/.test(me.accountId) ? me.accountId : safeText(me.accountId, 64)
    log.pass(id, `Authenticated as ${name} (account id ${accountId}${email}${type}).`)
    return true
}

function checkServerInfo(log: CheckLog, engine: CallEngine, t: JiraTarget): void {
    const id = 'jira.server_info'
    const url = joinUrl(t.baseUrl, `rest/api/${t.apiVersion}/serverInfo`)
    const outcome = engine.getJson(url, t.auth)
    const answer = jsonOrFail(log, { id, what: 'Jira /serverInfo' }, outcome, url, engine.settings.timeoutMs)
    if (!answer) return
    const info = (answer.json || {}) as { [k: string]: unknown }
    const deployment = typeof info.deploymentType === 'string' ? info.deploymentType : ''
    const baseUrl = typeof info.baseUrl === 'string' ? safeText(info.baseUrl, 120) : ''
    const version = typeof info.version === 'string' ? ` ${safeText(info.version, 40)}` : ''
    if (deployment !== 'Cloud') {
        log.fail(id, {
            code: 'not_jira_cloud',
            found:
                `serverInfo says deploymentType "${safeText(deployment, 40) || 'missing'}" at ` +
                `${baseUrl || 'an unknown base URL'}.`,
            expected: 'deploymentType "Cloud".',
            fix: 'This app supports Jira Cloud only: point the connection at your Jira Cloud site.',
        })
        return
    }
    const expected = t.expectedSiteUrl ? t.expectedSiteUrl.replace(/\/+$/, '').toLowerCase() : null
    if (expected && baseUrl.replace(/\/+$/, '').toLowerCase() !== expected) {
        log.warn(id, {
            code: 'base_url_mismatch',
            found: `Jira Cloud${version} answers with base URL ${baseUrl}, not ${expected}.`,
            expected: `Base URL ${expected}.`,
            fix:
                'If the site was renamed or uses a custom domain this is expected; otherwise check Connection URL ' +
                `on "${t.connectionName}".`,
        })
        return
    }
    log.pass(id, `Jira Cloud${version} at ${baseUrl}.`)
}
