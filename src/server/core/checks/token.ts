/**
 * Check group 3, tokens: access token present and alive, refresh token present and its remaining life against
 * Atlassian's rotating-refresh-token rules (90 days idle, ~365 days absolute; docs/atlassian-contract.md §2.4),
 * and, when the access token has expired, one refresh through the platform so the rotated refresh token is stored.
 */
import { ATLASSIAN } from '../atlassian'
import type { CallEngine } from '../calls'
import type { CredentialSnapshot, RefreshResult, TokenPort, TokenState } from '../ports'
import { humanDuration, type CheckLog } from '../report'
import { safeText } from '../sanitize'
import type { OAuthSetup } from './oauth-registry'
import { refreshNotStored, tokenAccessDenied } from './platform-findings'
import { checkServiceAccountToken } from './service-account'

/** Warn when the refresh token has less than this left (seconds): 14 days. */
export const REFRESH_WARN_SECONDS = 14 * 86400

type OAuthCredential = Extract<CredentialSnapshot, { kind: 'oauth2' }>

/**
 * How the run got a usable access token: stored and alive, stored and issued in the last FRESH_SECONDS ('fresh':
 * Get OAuth Token moments ago), refreshed by this run, or (service account) requested by this run with the
 * client-credentials grant; null when none.
 */
export type TokenOutcome = 'stored' | 'fresh' | 'refreshed' | 'requested' | null

/** A stored token at most this old (seconds) counts as just issued: a 401 then points at the request, not at age. */
export const FRESH_SECONDS = 15 * 60

/** Checks the stored tokens and refreshes an expired access token once; returns how a usable token was obtained. */
export function checkTokens(
    log: CheckLog,
    credential: OAuthCredential,
    setup: OAuthSetup,
    tokens: TokenPort,
    engine: CallEngine,
    /** false in a health check with keep-alive off: an expired access token is left alone (nothing proven). */
    mayRefresh = true
): TokenOutcome {
    if (setup.serviceAccount) return checkServiceAccountToken(log, credential, setup, tokens, engine)
    const profile = setup.profile
    // No profile: oauth.profile failed, and the catalogue's `requires` lists token.* as skipped.
    if (!profile || !log.ready('token.access')) return null
    const getToken =
        `Open credential "${credential.name}" and click Get OAuth Token, then Accept on Atlassian's consent ` +
        'screen.'
    const read = tokens.read(credential.sysId, profile.sysId)
    if (read && 'denied' in read) {
        tokenAccessDenied(log, read, credential.name)
        log.skip('token.refresh', 'The tokens are not readable by this user.')
        return null
    }
    const state = read
    if (!state || (!state.hasAccessToken && !state.hasRefreshToken)) {
        log.fail('token.access', {
            code: 'no_token',
            found: `No OAuth token is stored for credential "${credential.name}" and profile "${profile.name}".`,
            expected: 'An access token and a refresh token from Get OAuth Token.',
            fix: getToken,
        })
        log.skip('token.refresh', 'No token.')
        return null
    }
    checkRefreshLife(log, credential, state, getToken)
    const alive = state.hasAccessToken && state.accessExpiresInSec !== null && state.accessExpiresInSec > 0
    if (alive) {
        log.pass('token.access', `Access token valid for ${humanDuration(state.accessExpiresInSec as number)}.`)
        const age = ATLASSIAN.accessTokenLifespanSeconds - (state.accessExpiresInSec as number)
        return age <= FRESH_SECONDS ? 'fresh' : 'stored'
    }
    const what = state.hasAccessToken ? 'The access token has expired' : 'No access token is stored'
    if (!state.hasRefreshToken) {
        log.fail('token.access', {
            code: 'access_expired_no_refresh',
            found: `${what} and there is no refresh token to renew it.`,
            expected: 'A refresh token (scope offline_access).',
            fix: getToken,
        })
        return null
    }
    if (!mayRefresh) {
        // The platform refreshes on the next use (KB1437067); refreshing here would rotate the token for nothing.
        const idle =
            `${what}; the platform gets a new one on the next use. This health check may not refresh it ` +
            '(keep-alive is off: x_jira_connect.health.keepalive_days = 0), so Atlassian was not called.'
        log.pass('token.access', idle, 'access_idle')
        return null
    }
    if (!setup.canRefresh || !setup.registry) {
        log.fail('token.access', {
            code: 'cannot_refresh',
            found: `${what}; it cannot be refreshed because the registry lacks its client ID or secret.`,
            expected: 'Client ID and secret on the registry.',
            fix: 'Fix "Registry has the Atlassian client ID and secret", then validate again.',
        })
        return null
    }
    if (!engine.hasBudget()) {
        log.fail('token.access', {
            code: 'time_budget_exhausted',
            found: `${what}; no time was left in the validation budget to refresh it.`,
            expected: 'A refresh within the budget.',
            fix: 'Validate again.',
        })
        return null
    }
    engine.countExternalCall()
    const result = tokens.refresh(credential.sysId, profile.sysId, setup.registry.name, engine.settings.timeoutMs)
    if (result.ok && !result.state.hasAccessToken) {
        // The platform said the refresh worked but stored no access token: no Atlassian call could authenticate.
        log.fail('token.access', {
            code: 'refreshed_without_access_token',
            found: `${what}; the platform reported the refresh as successful but stored no access token.`,
            expected: 'A new access token stored against the credential after the refresh.',
            fix:
                `Validate again; if it repeats, ${getToken.charAt(0).toLowerCase()}${getToken.slice(1)} Check the ` +
                "registry's Token URL and Refresh Token URL and the outbound OAuth log.",
        })
        return null
    }
    if (result.ok) {
        const life = result.state.accessExpiresInSec
        log.pass(
            'token.access',
            `${what}; refreshed it through the platform: the new access token is valid for ` +
                `${life ? humanDuration(life) : 'an unknown time'} and Atlassian's rotated refresh token was stored.`,
            'refreshed'
        )
        return 'refreshed'
    }
    return refreshFailed(log, credential, setup.registry.name, what, getToken, result)
}

function refreshFailed(
    log: CheckLog,
    credential: OAuthCredential,
    registryName: string,
    what: string,
    getToken: string,
    result: Extract<RefreshResult, { ok: false }>
): null {
    const id = 'token.access'
    const description = result.errorDescription ? `: ${safeText(result.errorDescription, 100)}` : ''
    if (result.notStored) {
        refreshNotStored(log, result.notStored, credential.name, getToken)
        return null
    }
    if (result.error === 'invalid_grant' || result.error === 'unauthorized_client') {
        log.fail(id, {
            code: 'consent_expired',
            found: `${what}, and Atlassian refused the refresh token (${result.error}${description}).`,
            expected: 'A refresh token Atlassian still accepts.',
            fix:
                "Consent expired or was revoked (refresh token unused for 90 days, older than Atlassian's consent " +
                'limit, password change, app access revoked, or a rotated token that was not stored): get a new ' +
                `token. ${getToken}`,
        })
        return null
    }
    if (result.httpStatus === 401 || result.error === 'access_denied' || result.error === 'invalid_client') {
        log.fail(id, {
            code: 'client_rejected',
            found:
                `${what}, and Atlassian rejected the registry's client credentials ` +
                `(${result.httpStatus ?? ''} ${result.error || ''}).`,
            expected: 'The Client ID and Secret of the Atlassian app.',
            fix:
                'Copy Client ID and Secret again from developer.atlassian.com > your app > Settings into registry ' +
                `"${registryName}" (a rotated secret must be updated here).`,
        })
        return null
    }
    if (result.transport) {
        log.fail(id, {
            code: result.transport === 'timeout' ? 'refresh_timeout' : 'refresh_unreachable',
            found:
                `${what}, and the refresh call to the token URL failed: ${result.transport.replace(/_/g, ' ')} ` +
                `(${safeText(result.detail, 120)}).`,
            expected: 'An answer from the token URL.',
            fix: `Check that this instance can reach ${ATLASSIAN.tokenUrl}, then validate again.`,
        })
        return null
    }
    if (result.httpStatus !== null && result.httpStatus >= 200 && result.httpStatus < 300) {
        // Atlassian may have rotated the refresh token although its answer could not be read: the previous refresh
        // token stays usable for 10 minutes; reusing it later revokes consent (docs/atlassian-contract.md §2.4).
        log.fail(id, {
            code: 'refresh_answer_unreadable',
            found:
                `${what}; the token URL answered ${result.httpStatus} but the platform could not read a token from ` +
                `it (${safeText(result.detail, 100)}).`,
            expected: 'A JSON token response.',
            fix:
                `Validate again now, within ${ATLASSIAN.refreshReuseLeewaySeconds / 60} minutes: Atlassian accepts ` +
                'the previous refresh token for that long, and the next refresh stores the new one. After that, use ' +
                `Get OAuth Token on "${credential.name}".`,
        })
        return null
    }
    log.fail(id, {
        code: 'refresh_failed',
        found:
            `${what}, and the refresh failed (HTTP ${result.httpStatus ?? 'none'}` +
            `${result.error ? `, ${result.error}` : ''}${description}).`,
        expected: 'A successful refresh.',
        fix: `Validate again; if it persists: ${getToken}`,
    })
    return null
}

function checkRefreshLife(log: CheckLog, credential: OAuthCredential, state: TokenState, getToken: string): void {
    const id = 'token.refresh'
    const days = ATLASSIAN.refreshInactivitySeconds / 86400
    const limits =
        `Atlassian expires a refresh token unused for ${days} days (every refresh restarts the 90 days) and ends ` +
        `consent about ${ATLASSIAN.consentAbsoluteSeconds / 86400} days after it was first given.`
    const lowerGetToken = `${getToken.charAt(0).toLowerCase()}${getToken.slice(1)}`
    if (!state.hasRefreshToken) {
        log.fail(id, {
            code: 'no_refresh_token',
            found:
                `No refresh token is stored for credential "${credential.name}": the connection stops when the ` +
                'access token expires (1 hour).',
            expected: `A refresh token (requires the offline_access scope). ${limits}`,
            fix: `Make sure offline_access is among the profile's scopes, then ${lowerGetToken}`,
        })
        return
    }
    const left = state.refreshExpiresInSec
    if (left === null) {
        log.pass(id, `A refresh token is stored (remaining life unknown). ${limits}`)
    } else if (left <= 0) {
        log.fail(id, {
            code: 'refresh_expired',
            found: `The refresh token expired ${humanDuration(-left)} ago: it was not used for ${days} days.`,
            expected: `A refresh token used at least every ${days} days. ${limits}`,
            fix: `Re-consent: ${getToken}`,
        })
    } else if (left < REFRESH_WARN_SECONDS) {
        log.warn(id, {
            code: 'refresh_expiring',
            found: `The refresh token expires in ${humanDuration(left)} unless it is used.`,
            expected: limits,
            fix:
                'Use the connection before then (any refresh rotates it and restarts the 90 days), or ' + lowerGetToken,
        })
    } else {
        log.pass(id, `Refresh token stored, ${humanDuration(left)} left. ${limits}`)
    }
}
