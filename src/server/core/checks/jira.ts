/**
 * Check group 5, Jira: GET /rest/api/{v}/myself proves the credential (never serverInfo alone: it is anonymous and
 * answers 200 even with bad basic credentials, KB2942093), then GET /rest/api/{v}/serverInfo proves it is Jira Cloud
 * at the expected site. Basic-auth failures are detected by status 401/403 and by X-Seraph-LoginReason
 * (AUTHENTICATED_FAILED / AUTHENTICATION_DENIED), and are never retried: Atlassian locks accounts after a few bad
 * logins (docs/atlassian-contract.md §5).
 */
import type { AuthMethod } from '../auth-method'
import type { CallEngine } from '../calls'
import { errorMessageOf, jsonOrFail } from '../findings'
import type { AuthRef } from '../ports'
import { ipAllowlistFinding } from './network'
import type { CheckLog } from '../report'
import { fieldText, safeText } from '../sanitize'
import { gatewayConnectionUrl, joinUrl, originOf } from '../urls'

export interface JiraTarget {
    baseUrl: string
    apiVersion: string
    auth: AuthRef
    /** Where serverInfo.baseUrl should point: the accessible site's URL (OAuth) or the connection's site (basic). */
    expectedSiteUrl: string | null
    connectionName: string
    credentialName: string
    userName?: string
    /** How the connection authenticates (tailors the fixes: service account, scoped or classic token, 3LO). */
    method?: AuthMethod
    /** x_jira_connect.api_gateway_url: where a scoped API token must be sent. */
    gatewayBase: string
    /** The connection's cloud id (gateway URLs): serverInfo may name the site in gateway form with it. */
    cloudId?: string | null
}

/** Who the integration account is: accountId and accountType are kept with runs; the name and email are not. */
export interface JiraIdentity {
    accountId: string
    accountType: string
    /** Shown at validation time only, never stored (Atlassian's personal-data rules). */
    displayName: string
    email: string | null
}

const LOGIN_REJECTED = /AUTHENTICATED_FAILED|AUTHENTICATION_DENIED/i

export function checkJira(log: CheckLog, engine: CallEngine, target: JiraTarget): JiraIdentity | null {
    // A failed /myself skips serverInfo (catalogue: jira.server_info requires jira.myself): with basic auth another
    // call would count as one more failed login.
    const identity = checkMyself(log, engine, target)
    if (identity && log.ready('jira.server_info')) checkServerInfo(log, engine, target)
    return identity
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
    if (status === 403 && t.method === 'scoped_token' && !LOGIN_REJECTED.test(loginReason)) {
        return {
            code: 'no_jira_access' as const,
            found: `Jira answered 403 to ${user} through the API gateway: the token was accepted, Jira refused access.`,
            expected: 'HTTP 200: an account with Jira access on the site.',
            fix:
                `Give ${user} Jira access (a Jira role) on the site, and a role in the projects the flows use ` +
                '(admin.atlassian.com > Directory > the account or service account > App access). Scopes never ' +
                'override Jira permissions.',
        }
    }
    if (status === 401 && t.method === 'scoped_token') {
        return {
            code: 'credentials_rejected' as const,
            found:
                `Jira answered 401 through the API gateway: the email ${user} and the token of ${credential} ` +
                'were not accepted.',
            expected: 'HTTP 200 for a scoped API token of that account.',
            fix:
                'The scoped API token expired, was revoked or belongs to another account; or it is a classic API ' +
                'token, which works only on https://<site>.atlassian.net. Create a new scoped API token (app Jira, ' +
                `the scopes the flows need) and update ${credential}. The validator did not retry.`,
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
                '(service accounts can only create scoped tokens) works only' +
                ` with a ${gatewayConnectionUrl(t.gatewayBase, '<cloud-id>')} URL.`,
        }
    }
    return null
}

function checkMyself(log: CheckLog, engine: CallEngine, t: JiraTarget): JiraIdentity | null {
    const id = 'jira.myself'
    const url = joinUrl(t.baseUrl, `rest/api/${t.apiVersion}/myself`)
    const outcome = engine.getJson(url, t.auth)
    const blocked = outcome.kind === 'http' ? ipAllowlistFinding(outcome.status, outcome.body, url) : null
    if (blocked) {
        log.fail(id, blocked)
        return null
    }
    if (t.auth.kind === 'basic' && (outcome.kind === 'json' || outcome.kind === 'http')) {
        const body = outcome.kind === 'http' ? outcome.body : ''
        const refused = basicLoginFinding(t, outcome.status, outcome.headers, body)
        if (refused) {
            log.fail(id, refused)
            return null
        }
    }
    if (outcome.kind === 'http' && outcome.status === 401) {
        const message = errorMessageOf(outcome.body)
        const serviceAccount = t.method === 'service_account'
        if (/scope does not match/i.test(message)) {
            log.fail(id, {
                code: 'scope_mismatch',
                found: `Jira answered 401 "${message}": the token lacks the scope for /myself.`,
                expected: 'The read:jira-user scope granted.',
                fix: serviceAccount
                    ? 'A service account credential keeps the scopes chosen when it was created: create a new OAuth ' +
                      '2.0 credential for the service account with read:jira-user and the other Jira scopes ' +
                      '(admin.atlassian.com > Directory > Service accounts > Create credentials), paste its ' +
                      `client id and secret into the registry of "${t.credentialName}", then Get OAuth Token again.`
                    : 'Add read:jira-user (and the other required scopes) to the Atlassian app and the profile, then ' +
                      'Get OAuth Token again.',
            })
        } else {
            log.fail(id, {
                code: 'token_rejected',
                found: `Jira answered 401${message ? ` "${message}"` : ''}: the access token was not accepted.`,
                expected: 'HTTP 200.',
                fix: serviceAccount
                    ? `Open credential "${t.credentialName}" and click Get OAuth Token: if Atlassian answers ` +
                      'invalid_client, the service account credential was revoked or its secret changed: create a ' +
                      'new OAuth 2.0 credential and paste its client id and secret.'
                    : `Get a new token: open credential "${t.credentialName}" and click Get OAuth Token.`,
            })
        }
        return null
    }
    if (outcome.kind === 'http' && outcome.status === 403 && t.method === 'service_account') {
        const message = errorMessageOf(outcome.body)
        log.fail(id, {
            code: 'no_jira_access',
            found:
                `Jira answered 403${message ? ` "${message}"` : ''} to a valid service-account token: the service ` +
                'account has no Jira access on this site, or no role in it.',
            expected: 'HTTP 200: the service account has Jira access (a Jira role) on the site of the cloud id.',
            fix:
                'In admin.atlassian.com > Directory > Service accounts > the service account, give it Jira access on ' +
                'the site (App access / product role) and a role in the projects the flows use; scopes never ' +
                `override Jira permissions. If the cloud id in "${t.connectionName}" is another site, fix it (see ` +
                '"Cloud id of the Jira site (tenant_info)").',
        })
        return null
    }
    if (outcome.kind === 'http' && (outcome.status === 404 || outcome.status === 403)) {
        const message = errorMessageOf(outcome.body)
        const found = `${url.replace(/\/rest\/.*/, '')} answered ${outcome.status}${message ? ` "${message}"` : ''}.`
        const expected = `HTTP 200 from /rest/api/${t.apiVersion}/myself.`
        if (outcome.status === 404) {
            const fix =
                `Check the site or cloud id in Connection URL on "${t.connectionName}": the cloud id of ` +
                'https://<site>.atlassian.net is at https://<site>.atlassian.net/_edge/tenant_info.'
            log.fail(id, { code: 'site_not_found', found, expected, fix })
        } else {
            const fix = 'The account has no access to this site: grant it Jira access, or use an account that has it.'
            log.fail(id, { code: 'forbidden', found, expected, fix })
        }
        return null
    }
    const answer = jsonOrFail(log, { id, what: 'Jira /myself' }, outcome, url, engine.settings.timeoutMs)
    if (!answer) return null
    const me = (answer.json || {}) as { [k: string]: unknown }
    if (typeof me.accountId !== 'string') {
        log.fail(id, {
            code: 'unexpected_shape',
            found: 'Jira /myself answered without an accountId.',
            expected: 'A Jira user with an accountId.',
            fix: `Check Connection URL on "${t.connectionName}" points at Jira Cloud.`,
        })
        return null
    }
    // Fields of Jira's user record: identifiers and names, not secrets (fieldText keeps long emails and names whole).
    // Only the account id and type go into the check text (stored with the run); the name and email are shown at
    // validation time only (report.person), per Atlassian's personal-data rules for apps.
    const identity: JiraIdentity = {
        accountId: fieldText(me.accountId, 128),
        accountType: typeof me.accountType === 'string' ? fieldText(me.accountType, 20) : 'atlassian',
        displayName: fieldText(typeof me.displayName === 'string' ? me.displayName : '(no display name)', 120),
        email: typeof me.emailAddress === 'string' && me.emailAddress ? fieldText(me.emailAddress, 200) : null,
    }
    const who = `account id ${identity.accountId}, ${identity.accountType} account`
    if (!identity.email) {
        log.warn(id, {
            code: 'email_hidden',
            found: `Authenticated (${who}), but Jira returns no email address: the account's profile hides it.`,
            expected: 'The email address visible to the integration (/myself emailAddress).',
            fix:
                'Bidirectional sync matches Jira comments and users to ServiceNow users by email: with it hidden, ' +
                'comments and assignees cannot be correlated. As the integration account, open id.atlassian.com > ' +
                'Profile and visibility > Contact, and set "Who can see this?" for Email address to Anyone (a ' +
                'managed account: the organization admin may set it in admin.atlassian.com).',
        })
        return identity
    }
    log.pass(id, `Authenticated (${who}, email visible to the integration).`)
    return identity
}

function checkServerInfo(log: CheckLog, engine: CallEngine, t: JiraTarget): void {
    const id = 'jira.server_info'
    const url = joinUrl(t.baseUrl, `rest/api/${t.apiVersion}/serverInfo`)
    const outcome = engine.getJson(url, t.auth)
    const answer = jsonOrFail(log, { id, what: 'Jira /serverInfo' }, outcome, url, engine.settings.timeoutMs)
    if (!answer) return
    const info = (answer.json || {}) as { [k: string]: unknown }
    const deployment = typeof info.deploymentType === 'string' ? info.deploymentType : ''
    const baseUrl = typeof info.baseUrl === 'string' ? fieldText(info.baseUrl, 200) : ''
    const version = typeof info.version === 'string' ? ` ${fieldText(info.version, 40)}` : ''
    if (deployment !== 'Cloud') {
        log.fail(id, {
            code: 'not_jira_cloud',
            found:
                `serverInfo says deploymentType "${fieldText(deployment, 40) || 'missing'}" at ` +
                `${baseUrl || 'an unknown base URL'}.`,
            expected: 'deploymentType "Cloud".',
            fix: 'This app supports Jira Cloud only: point the connection at your Jira Cloud site.',
        })
        return
    }
    const expected = t.expectedSiteUrl ? t.expectedSiteUrl.replace(/\/+$/, '').toLowerCase() : null
    const answered = baseUrl.replace(/\/+$/, '').toLowerCase()
    // Since 2026-07-14 Atlassian answers some REST bodies with gateway-form URLs (api.atlassian.com/ex/jira/<cloud
    // id>): the same site when the cloud id is the connection's (Adaptavist deprecation notices, 2026-07-14).
    const gatewayForm = t.cloudId ? gatewayConnectionUrl(t.gatewayBase, t.cloudId).toLowerCase() : null
    if (expected && answered !== expected && answered !== gatewayForm) {
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
