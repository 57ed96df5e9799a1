/**
 * HttpPort over sn_ws.RESTMessageV2 (synchronous execute(); setHttpTimeout per call). Applies the AuthRef here so
 * tokens and passwords never reach the core: OAuth 2.0 sends the credential's stored access token as a Bearer header;
 * basic auth reads the credential's user name and password through sn_cc.StandardCredentialsProvider.
 */
import { RESTMessageV2 } from '@servicenow/glide/sn_ws'
import { StandardCredentialsProvider } from '@servicenow/glide/sn_cc'
import type { AuthRef, HttpPort, HttpRequest, HttpResult } from '../core/ports'
import { safeText } from '../core/sanitize'
import { originOf } from '../core/urls'
import { accessTokenFor } from './oauth-tokens'
import { classifyPlatformError } from './platform-errors'

interface PlatformResponse {
    getStatusCode(): number
    getBody(): string
    getHeaders(): { [name: string]: unknown }
    haveError(): boolean
    getErrorMessage(): string
}

interface PlatformMessage {
    setEndpoint(url: string): void
    setHttpMethod(method: string): void
    setRequestHeader(name: string, value: string): void
    setRequestBody(body: string): void
    setHttpTimeout(ms: number): void
    setBasicAuth(user: string, password: string): void
    /** ServiceNow docs RESTMessageV2.setAllowedRedirectURIs(Array): "URIs allowed to be redirected to". */
    setAllowedRedirectURIs?(uris: string[]): void
    execute(): PlatformResponse
}

export class GlideRestHttp implements HttpPort {
    send(request: HttpRequest): HttpResult {
        const message = new (RESTMessageV2 as unknown as new () => PlatformMessage)()
        message.setEndpoint(request.url)
        message.setHttpMethod(request.method)
        message.setHttpTimeout(request.timeoutMs)
        for (const name of Object.keys(request.headers || {}))
            message.setRequestHeader(name, (request.headers as Record<string, string>)[name])
        if (request.body !== undefined) message.setRequestBody(request.body)
        // Authorization is a hand-set header, and a redirect the platform follows would carry it along (A21, A38):
        // allow redirects to the host asked only; any other 3xx comes back as it is and is reported, never followed.
        const origin = originOf(request.url)
        if (origin && typeof message.setAllowedRedirectURIs === 'function')
            message.setAllowedRedirectURIs([`${origin}/`])
        let authProblem: string | null
        try {
            authProblem = applyAuth(message, request.auth)
        } catch (e) {
            // The platform may refuse or fail the credential read (a denied cross-scope privilege, a password that
            // cannot be decrypted): that is this call's finding, not the end of the whole validation.
            const why = safeText(String((e as { message?: string })?.message || e), 120)
            authProblem = `the credential could not be read: ${why}`
        }
        if (authProblem) return { ok: false, failure: 'auth_unavailable', detail: authProblem }
        let response: PlatformResponse
        try {
            response = message.execute()
        } catch (e) {
            const detail = safeText(String((e as { message?: string })?.message || e), 160)
            return { ok: false, failure: classifyPlatformError(detail), detail }
        }
        const status = Number(response.getStatusCode()) || 0
        // No answer is status 0 or -1 (KB3067060): below 100 is never an HTTP status.
        if (status < 100) {
            const detail = safeText(String(response.getErrorMessage() || ''), 160)
            return { ok: false, failure: classifyPlatformError(detail), detail }
        }
        const headers: Record<string, string> = {}
        const raw = response.getHeaders() || {}
        for (const name in raw) headers[String(name).toLowerCase()] = String(raw[name])
        return { ok: true, status, headers, body: String(response.getBody() || '') }
    }
}

function applyAuth(message: PlatformMessage, auth: AuthRef): string | null {
    if (auth.kind === 'oauth2') {
        const token = accessTokenFor(auth.credentialSysId, auth.profileSysId)
        if (!token) return 'no access token stored for the credential'
        message.setRequestHeader('Authorization', `Bearer ${token}`)
        return null
    }
    if (auth.kind === 'basic') {
        const provider = new (
            StandardCredentialsProvider as unknown as new () => {
                getCredentialByID(id: string): { getAttribute(name: string): string } | null
            }
        )()
        const credential = provider.getCredentialByID(auth.credentialSysId)
        const user = credential ? String(credential.getAttribute('user_name') || '') : ''
        const password = credential ? String(credential.getAttribute('password') || '') : ''
        if (!user || !password) return 'the basic credential could not be read'
        message.setBasicAuth(user, password)
        return null
    }
    return null
}
