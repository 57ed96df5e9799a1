/**
 * Check group 5, Jira: GET /rest/api/{v}/myself proves the credential (never serverInfo alone: it is anonymous and
 * answers 200 even with bad basic credentials, KB2942093), then GET /rest/api/{v}/serverInfo proves it is Jira Cloud
 * at the expected site. Basic-auth failures are detected by status 401/403 and by X-Seraph-LoginReason
 * (AUTHENTICATED_FAILED / AUTHENTICATION_DENIED), and are never retried: Atlassian locks accounts after a few bad
 * logins (docs/atlassian-contract.md §5).
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
    if (!checkMyself(log, engine, target)) {
        log.skip('jira.server_info', 'Jira Cloud site (serverInfo)', 'Skipped: the credential was not accepted (another call would count as a failed login).')
        return
    }
    checkServerInfo(log, engine, target)
}

function checkMyself(log: CheckLog, engine: CallEngine, t: JiraTarget): boolean {
    const id = 'jira.myself'
    const title = 'Jira accepts the credential (myself)'
    const url = joinUrl(t.baseUrl, `rest/api/${t.apiVersion}/myself`)
    const outcome = engine.getJson(url, t.auth)
    const basic = t.auth.kind === 'basic'
    const loginReason = outcome.kind === 'json' || outcome.kind === 'http' ? outcome.headers['x-seraph-loginreason'] || '' : ''
    const denied = outcome.kind === 'json' || outcome.kind === 'http' ? outcome.headers['x-authentication-denied-reason'] || '' : ''

    if (basic && (outcome.kind === 'json' || outcome.kind === 'http')) {
        const status = outcome.status
        const body = outcome.kind === 'http' ? outcome.body : ''
        if (/CAPTCHA/i.test(denied)) {
            log.fail(id, title, 'captcha_required', `Jira answered ${status} with a CAPTCHA challenge for "${t.userName}": too many failed logins.`, 'A login without CAPTCHA.', `Log in once at ${originOf(t.baseUrl)} in a browser as ${t.userName} to clear the CAPTCHA, fix the API token on credential "${t.credentialName}", then validate again. Do not retry meanwhile: each failure extends the lock.`)
            return false
        }
        if (/passwords is deprecated/i.test(body)) {
            log.fail(id, title, 'password_not_api_token', `Jira refused basic authentication with a password for "${t.userName}".`, 'An Atlassian API token, not the account password.', `Create an API token (id.atlassian.com > Security > Create and manage API tokens) and put it in the password field of credential "${t.credentialName}".`)
            return false
        }
        if (status === 401 || status === 403 || LOGIN_REJECTED.test(loginReason)) {
            const reason = loginReason ? ` (X-Seraph-LoginReason: ${safeText(loginReason, 40)})` : ''
            log.fail(id, title, 'credentials_rejected', `Jira answered ${status}${reason}: the email "${t.userName}" and API token of credential "${t.credentialName}" were not accepted.`, 'HTTP 200 with X-Seraph-LoginReason OK.', `Check the email and create a new API token for that account, then update credential "${t.credentialName}". The validator did not retry: Atlassian locks an account after a few failed logins. A scoped API token works only with a ${'https://api.atlassian.com/ex/jira/<cloud-id>'} URL.`)
            return false
        }
    }
    if (outcome.kind === 'http' && outcome.status === 401) {
        const message = errorMessageOf(outcome.body)
        if (/scope does not match/i.test(message)) {
            log.fail(id, title, 'scope_mismatch', `Jira answered 401 "${message}": the token lacks the scope for /myself.`, 'The read:jira-user scope granted.', 'Add read:jira-user (and the other required scopes) to the Atlassian app and the profile, then Get OAuth Token again.')
        } else {
            log.fail(id, title, 'token_rejected', `Jira answered 401${message ? ` "${message}"` : ''}: the access token was not accepted.`, 'HTTP 200.', `Get a new token: open credential "${t.credentialName}" and click Get OAuth Token.`)
        }
        return false
    }
    if (outcome.kind === 'http' && (outcome.status === 404 || outcome.status === 403)) {
        const message = errorMessageOf(outcome.body)
        log.fail(id, title, outcome.status === 404 ? 'site_not_found' : 'forbidden', `${url.replace(/\/rest\/.*/, '')} answered ${outcome.status}${message ? ` "${message}"` : ''}.`, 'HTTP 200 from /rest/api/' + t.apiVersion + '/myself.', outcome.status === 404 ? `Check the site or cloud id in Connection URL on "${t.connectionName}".` : `The account has no access to this site: grant it Jira access, or use an account that has it.`)
        return false
    }
    const answer = jsonOrFail(log, { id, title, what: 'Jira /myself' }, outcome, url, engine.settings.timeoutMs)
    if (!answer) return false
    const me = (answer.json || {}) as { [k: string]: unknown }
    if (typeof me.accountId !== 'string') {
        log.fail(id, title, 'unexpected_shape', 'Jira /myself answered without an accountId.', 'A Jira user with an accountId.', `Check Connection URL on "${t.connectionName}" points at Jira Cloud.`)
        return false
    }
    const name = safeText(typeof me.displayName === 'string' ? me.displayName : '(no display name)', 80)
    const email = typeof me.emailAddress === 'string' && me.emailAddress ? `, ${safeText(me.emailAddress, 80)}` : ', email hidden by the profile visibility settings'
    const type = typeof me.accountType === 'string' && me.accountType !== 'atlassian' ? `, ${safeText(me.accountType, 20)} account` : ''
    // Account ids are identifiers, not secrets: shown verbatim when they have the documented shape (opaque id or
    // "<number>:<uuid>"), so the long-string redaction of safeText() cannot hide them.
    const accountId = /^[A-Za-z0-9:_-]{1,128}$/.test(me.accountId) ? me.accountId : safeText(me.accountId, 64)
    log.pass(id, title, `Authenticated as ${name} (account id ${accountId}${email}${type}).`)
    return true
}

function checkServerInfo(log: CheckLog, engine: CallEngine, t: JiraTarget): void {
    const id = 'jira.server_info'
    const title = 'Jira Cloud site (serverInfo)'
    const url = joinUrl(t.baseUrl, `rest/api/${t.apiVersion}/serverInfo`)
    const answer = jsonOrFail(log, { id, title, what: 'Jira /serverInfo' }, engine.getJson(url, t.auth), url, engine.settings.timeoutMs)
    if (!answer) return
    const info = (answer.json || {}) as { [k: string]: unknown }
    const deployment = typeof info.deploymentType === 'string' ? info.deploymentType : ''
    const baseUrl = typeof info.baseUrl === 'string' ? safeText(info.baseUrl, 120) : ''
    const version = typeof info.version === 'string' ? ` ${safeText(info.version, 40)}` : ''
    if (deployment !== 'Cloud') {
        log.fail(id, title, 'not_jira_cloud', `serverInfo says deploymentType "${safeText(deployment, 40) || 'missing'}" at ${baseUrl || 'an unknown base URL'}.`, 'deploymentType "Cloud".', 'This app supports Jira Cloud only: point the connection at your Jira Cloud site.')
        return
    }
    const expected = t.expectedSiteUrl ? t.expectedSiteUrl.replace(/\/+$/, '').toLowerCase() : null
    if (expected && baseUrl.replace(/\/+$/, '').toLowerCase() !== expected) {
        log.warn(id, title, 'base_url_mismatch', `Jira Cloud${version} answers with base URL ${baseUrl}, not ${expected}.`, `Base URL ${expected}.`, `If the site was renamed or uses a custom domain this is expected; otherwise check Connection URL on "${t.connectionName}".`)
        return
    }
    log.pass(id, title, `Jira Cloud${version} at ${baseUrl}.`)
}
