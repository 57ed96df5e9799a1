/**
 * HttpPort over sn_ws.RESTMessageV2 (synchronous execute(); setHttpTimeout per call). Applies the AuthRef here so
 * tokens and passwords never reach the core: OAuth 2.0 sends the credential's stored access token as a Bearer header;
 * basic auth reads the credential's user name and password through sn_cc.StandardCredentialsProvider.
 * A request with `mid` goes the spoke's way through that MID Server: setMIDServer + executeAsync + waitForResponse
 * ("All REST messages sent through a MID Server are asynchronous", ServiceNow docs "RESTMessageV2 MID server
 * example"); the wait is the call's timeout, so the run's budget bounds it as it bounds a direct call.
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
    /** executeAsync()'s response: blocks up to `seconds` for the MID's answer; throws when none came (KB0744311). */
    waitForResponse?(seconds: number): void
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
    setMIDServer?(name: string): void
    executeAsync?(): PlatformResponse
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
        if (request.mid) return throughMid(message, request.mid, request.timeoutMs)
        let response: PlatformResponse
        try {
            response = message.execute()
        } catch (e) {
            const detail = safeText(String((e as { message?: string })?.message || e), 160)
            return { ok: false, failure: classifyPlatformError(detail), detail }
        }
        return answerOf(response, '')
    }
}

const messageOf = (e: unknown) => String((e as { message?: string })?.message || e)

/**
 * The call through MID Server `mid`: an ECC job the MID picks up; waitForResponse(seconds) bounds the wait (the
 * platform also caps it at glide.http.outbound.max_timeout, 30 s by default, KB0744311). No answer in time throws
 * "No response for ECC message request ... in ECC Queue" (KB0744311; A45): reported as a timeout through that MID.
 */
function throughMid(message: PlatformMessage, mid: string, timeoutMs: number): HttpResult {
    const via = `through MID Server "${safeText(mid, 80)}"`
    if (typeof message.setMIDServer !== 'function' || typeof message.executeAsync !== 'function')
        return { ok: false, failure: 'other', detail: `${via}: RESTMessageV2 has no setMIDServer on this instance` }
    const seconds = Math.max(1, Math.ceil(timeoutMs / 1000))
    let response: PlatformResponse
    try {
        message.setMIDServer(mid)
        response = message.executeAsync()
        if (typeof response.waitForResponse === 'function') response.waitForResponse(seconds)
    } catch (e) {
        const why = safeText(messageOf(e), 160)
        const noAnswer = ECC_NO_ANSWER.test(why) || classifyPlatformError(why) === 'timeout'
        const failure = noAnswer ? 'timeout' : classifyPlatformError(why)
        const detail = noAnswer ? `no answer ${via} within ${seconds} s: ${why}` : `${via}: ${why}`
        return { ok: false, failure, detail }
    }
    return answerOf(response, `${via}: `)
}

/** A MID's "no answer in time" text (KB0744311), thrown or, in some releases perhaps, in the response (A45). */
const ECC_NO_ANSWER = /No response for ECC message|ECCResponseTimeout/i

function answerOf(response: PlatformResponse, prefix: string): HttpResult {
    const status = Number(response.getStatusCode()) || 0
    // No answer is status 0 or -1 (KB3067060): below 100 is never an HTTP status.
    if (status < 100) {
        const text = safeText(String(response.getErrorMessage() || ''), 160)
        const failure = ECC_NO_ANSWER.test(text) ? 'timeout' : classifyPlatformError(text)
        return { ok: false, failure, detail: prefix + text }
    }
    const headers: Record<string, string> = {}
    const raw = response.getHeaders() || {}
    for (const name in raw) headers[String(name).toLowerCase()] = String(raw[name])
    return { ok: true, status, headers, body: String(response.getBody() || '') }
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
