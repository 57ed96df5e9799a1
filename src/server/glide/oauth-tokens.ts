/**
 * TokenPort over sn_auth.GlideOAuthClient. Token values stay inside this file: the core sees presence and lifetimes.
 * Refresh goes through the platform (requestTokenByRequest with the requestor context oauth_2_0_credentials, the
 * credential and the profile) because only that path makes the platform store the new access token AND Atlassian's
 * rotated refresh token against the credential (ServiceNow docs r_OAuthProfileParameters: "When these three parameters
 * are set, the access token is saved in the instance database"). Assumption A5 in the README.
 */
import { GlideOAuthClient, GlideOAuthClientRequest } from '@servicenow/glide/sn_auth'
import { gs } from '@servicenow/glide'
import type { RefreshResult, TokenAccessDenied, TokenPort, TokenState } from '../core/ports'
import { safeText } from '../core/sanitize'
import { classifyPlatformError, lostInStorage, type TokenValues } from './platform-errors'

export const REQUESTOR_CONTEXT = 'oauth_2_0_credentials'

interface PlatformToken extends TokenValues {
    getExpiresIn(): number
    getRefreshTokenExpiresIn(): number
}

interface PlatformClient {
    getToken(requestor: string, profile: string): PlatformToken | null
    requestTokenByRequest(
        clientName: string | null,
        request: unknown
    ): {
        getResponseCode(): number
        getErrorMessage(): string
        getBody(): string
        getToken(): PlatformToken | null
    }
}

function client(): PlatformClient {
    return new (GlideOAuthClient as unknown as new () => PlatformClient)()
}

function num(v: unknown): number | null {
    const n = Number(v)
    return v === null || v === undefined || v === '' || !Number.isFinite(n) ? null : n
}

function stateOf(token: PlatformToken | null): TokenState | null {
    if (!token) return null
    const access = String(token.getAccessToken() || '')
    const refresh = String(token.getRefreshToken() || '')
    if (!access && !refresh) return null
    return {
        hasAccessToken: access !== '',
        accessExpiresInSec: access ? num(token.getExpiresIn()) : null,
        hasRefreshToken: refresh !== '',
        refreshExpiresInSec: refresh ? num(token.getRefreshTokenExpiresIn()) : null,
    }
}

function denied(detail: string): TokenAccessDenied {
    return { denied: true, userName: String(gs.getUserName() || 'this user'), detail }
}

/** The stored access token for an OAuth 2.0 credential; used only by the HTTP adapter to build the header. */
export function accessTokenFor(credentialSysId: string, profileSysId: string): string {
    const token = client().getToken(credentialSysId, profileSysId)
    return token ? String(token.getAccessToken() || '') : ''
}

export class GlideTokenStore implements TokenPort {
    /**
     * Without the admin role the platform does not let the session user read oauth_credential (KB0859525,
     * KB1380167): getToken then finds nothing or throws. Either way that user gets a denial, not "no token".
     */
    read(credentialSysId: string, profileSysId: string): TokenState | TokenAccessDenied | null {
        const isAdmin = gs.hasRole('admin')
        let token: PlatformToken | null
        try {
            token = client().getToken(credentialSysId, profileSysId)
        } catch (e) {
            if (isAdmin) throw e
            return denied(safeText(String((e as { message?: string })?.message || e), 120))
        }
        const state = stateOf(token)
        return state || isAdmin ? state : denied('')
    }

    refresh(credentialSysId: string, profileSysId: string, _registryName: string, _timeoutMs: number): RefreshResult {
        // GlideOAuthClient has no per-call timeout; the platform applies its outbound OAuth HTTP timeout
        // (assumption A6).
        const oauth = client()
        const current = oauth.getToken(credentialSysId, profileSysId)
        const refreshToken = current ? String(current.getRefreshToken() || '') : ''
        if (!refreshToken)
            return {
                ok: false,
                httpStatus: null,
                error: null,
                errorDescription: null,
                transport: null,
                detail: 'no refresh token stored',
            }
        return this.exchange(oauth, 'refresh_token', refreshToken, credentialSysId, profileSysId)
    }

    requestClientCredentials(
        credentialSysId: string,
        profileSysId: string,
        _registryName: string,
        _timeoutMs: number
    ): RefreshResult {
        // Same requestor parameters as a refresh, so the platform stores the new access token against the credential.
        return this.exchange(client(), 'client_credentials', '', credentialSysId, profileSysId)
    }

    private exchange(
        oauth: PlatformClient,
        grant: 'refresh_token' | 'client_credentials',
        refreshToken: string,
        credentialSysId: string,
        profileSysId: string
    ): RefreshResult {
        const request = new (
            GlideOAuthClientRequest as unknown as new () => {
                setGrantType(v: string): void
                setRefreshToken(v: string): void
                setParameter(k: string, v: string): void
            }
        )()
        request.setGrantType(grant)
        if (grant === 'refresh_token') request.setRefreshToken(refreshToken)
        request.setParameter('oauth_requestor_context', REQUESTOR_CONTEXT)
        request.setParameter('oauth_requestor', credentialSysId)
        request.setParameter('oauth_provider_profile', profileSysId)
        let response
        try {
            // Exactly ServiceNow's documented form (KB0823628; OOB OAuthPasswordGrantType): client name null, the
            // registry comes from oauth_provider_profile. No source shows a client name with the requestor parameters.
            response = oauth.requestTokenByRequest(null, request)
        } catch (e) {
            const detail = safeText(String((e as { message?: string })?.message || e), 160)
            return {
                ok: false,
                httpStatus: null,
                error: null,
                errorDescription: null,
                transport: classifyPlatformError(detail),
                detail,
            }
        }
        const status = num(response.getResponseCode())
        const returned = response.getToken()
        const fresh = stateOf(returned)
        if (fresh && fresh.hasAccessToken && (status === null || (status >= 200 && status < 300))) {
            // Re-read what the platform stored: that is what the integration will use next. Compare values here,
            // inside the adapter, so no token leaves it: a new access token or a rotated refresh token that the
            // platform did not store is a finding (assumption A5), not a pass.
            const storedToken = oauth.getToken(credentialSysId, profileSysId)
            const stored = stateOf(storedToken)
            const lost = lostInStorage(returned as PlatformToken, storedToken, refreshToken)
            if (lost)
                return {
                    ok: false,
                    httpStatus: status,
                    error: null,
                    errorDescription: null,
                    transport: null,
                    detail: lost,
                    notStored: lost,
                }
            return { ok: true, state: stored && stored.hasAccessToken ? stored : fresh }
        }
        const body = String(response.getBody() || '')
        let error: string | null = null
        let errorDescription: string | null = null
        try {
            const j = JSON.parse(body)
            if (j && typeof j.error === 'string') error = safeText(j.error, 60)
            if (j && typeof j.error_description === 'string') errorDescription = safeText(j.error_description, 160)
        } catch (e) {
            /* not JSON */
        }
        const message = safeText(String(response.getErrorMessage() || ''), 160)
        // No answer is status 0 or -1 with the Java text (KB3067060), as for RESTMessageV2: never an HTTP status.
        const answered = status !== null && status >= 100
        const noAnswer = !answered && !body
        return {
            ok: false,
            httpStatus: answered ? status : null,
            error,
            errorDescription,
            transport: noAnswer ? classifyPlatformError(message) : null,
            detail: message,
        }
    }
}
