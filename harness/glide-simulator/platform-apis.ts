/**
 * sn_ws.RESTMessageV2, sn_auth.GlideOAuthClient (+ the platform's OAuth engine: authorization request, code
 * exchange, refresh, token storage in oauth_requestor_profile / oauth_credential) and sn_cc credential/connection
 * readers, over the simulator's store and a real synchronous HTTP transport (harness/net).
 */
import * as crypto from 'node:crypto'
import type { LogEntry } from './glide'
import type { Runtime } from './runtime'
import type { MidRelay, PendingMidCall } from './mid-relay'
import { glideDateTime, parseGlideDateTime, type Row, type Store } from './store'

export interface HttpRequestSpec {
    method: string
    url: string
    headers?: Record<string, string>
    body?: string
    timeoutMs: number
    /** Loopback source address (a simulated MID Server's own address); default 127.0.0.1. */
    localAddress?: string
}
export type HttpResultSpec =
    | { ok: true; status: number; headers: Record<string, string>; body: string }
    | { ok: false; code: string; message: string }
export type SyncHttp = (req: HttpRequestSpec) => HttpResultSpec

export interface OutboundLogEntry {
    via: 'RESTMessageV2' | 'oauth'
    method: string
    url: string
    /** Header names only: values (Authorization!) are not kept. */
    headerNames: string[]
    status: number | null
    failure: string | null
    timeoutMs: number
    /** The MID Server that sent it (RESTMessageV2.setMIDServer), absent for calls from the instance. */
    mid?: string
}

export interface PlatformOptions {
    /**
     * What RESTMessageV2.execute() does when the request times out. 'response' (default): returns a response with
     * status 0, haveError() true, getErrorCode() 1 and the Java message. 'throw': throws an Error carrying the Java
     * message (the platform documents that execute() "might throw exception if http connection timed out").
     */
    restTimeout: 'response' | 'throw'
    /** What GlideOAuthClient.getToken returns when nothing is stored: an empty token (default) or null. */
    getTokenWhenNone: 'empty' | 'null'
    /** Default RESTMessageV2 timeout when setHttpTimeout is not called (ms). */
    defaultHttpTimeoutMs: number
    /**
     * Release behaviour for the refresh token's expiry on a refresh_token grant. 'yokohama' (default, Yokohama and
     * later): the stored refresh token's expiry moves to now + refresh_token_lifespan only when the registry's
     * extend_refresh_token_expiry is true; otherwise it keeps the expiry set when the token was first obtained.
     * 'pre-yokohama': the expiry is always extended (the field does not exist). Source: ServiceNow KB2132135.
     */
    refreshTokenExpiry: 'yokohama' | 'pre-yokohama'
    /**
     * Whether a refresh through requestTokenByRequest with the three requestor parameters stores the rotated refresh
     * token the provider returned. 'stored' (default): KB2132135 "ServiceNow will always update the existing Access &
     * Refresh Tokens with the ones received in the response", KB1437067. 'not-stored': only the access token is
     * updated (assumption A5 failing); the app must detect it.
     */
    rotatedRefreshToken: 'stored' | 'not-stored'
    /**
     * requestTokenByRequest with a client (registry) name AND the requestor parameters: no public source shows that
     * combination (KB0823628 and OOB OAuthPasswordGrantType pass null with the requestor parameters; the docs' named
     * refresh example passes no requestor parameters). 'ignored' (default, the strict reading): the named registry
     * answers, nothing is stored for the requestor. 'honoured': stored as with null.
     */
    requestorParamsWithClientName: 'ignored' | 'honoured'
    /**
     * Reading or storing OAuth tokens as a user without the admin role. KB0859525 / KB1380167: the token refresh job
     * fails with "can't read table oauth_credential" unless it runs as admin ("The admin user would normally have
     * access to the oauth_credential table via the admin role"). 'empty' (default): getToken finds nothing and the
     * denial is logged; 'throw': the call throws that message; 'allowed': no restriction.
     */
    tokenReadWithoutAdmin: 'empty' | 'throw' | 'allowed'
    /**
     * Whether the platform's OAuth engine runs an OAuth API Script that lives in an application scope (assumption A11,
     * unknown). 'called' (default): its hooks run. 'not-called': the engine uses OOB OAuthUtil instead and logs it;
     * ServiceNow tells customers to clone such scripts into Global scope (docs: create-identity-provider-hco.md,
     * hco-copy-script-include-global.md, for OAuthUtilEpic).
     */
    scopedOAuthApiScript: 'called' | 'not-called'
    /**
     * When a blank registry Redirect URL gets its generated value. 'on-form-save' (default; the Jira spoke set-up:
     * "System generates the URL upon saving"): an XML install leaves it blank until the registry form is saved, and a
     * request made while it is blank carries no redirect_uri. 'on-use': <glide.servlet.uri>oauth_redirect.do is used
     * whenever it is blank.
     */
    redirectUrlFill: 'on-form-save' | 'on-use'
    /**
     * Whether RESTMessageV2.execute() follows HTTP redirects (assumption A21, unknown; A38). 'not-followed' (default):
     * a 3xx is the response. 'followed': 301/302/303/307/308 with a Location are followed (up to 10 hops), carrying
     * every request header, a hand-set Authorization included, to whatever host the Location names (Apache HttpClient
     * 4.x, which the platform's outbound HTTP is inferred to use, copies the original request's headers onto the
     * redirect [inference]); 303, and 301/302 after a POST, become a GET without body. Evidence that it may follow:
     * ServiceNow docs RESTMessageV2.setAllowedRedirectURIs ("Sets one or more URIs allowed to be redirected to ...
     * helps prevent URL redirect attacks"); SOAPMessageV2.setFollowRedirect ("By default, automatic redirects are
     * turned off") exists for SOAP only. With setAllowedRedirectURIs called, a Location that does not start with one
     * of the URIs is not followed: its 3xx is returned (what the platform does then is not documented).
     */
    restRedirects: 'not-followed' | 'followed'
    /**
     * The status RESTResponseV2.getStatusCode() and GlideOAuthClientResponse.getResponseCode() give when no HTTP answer
     * arrived (timeout, refused, unknown host, TLS, reset). KB3067060: outbound failures show "HTTP 0 or -1" with the
     * Java exception text in getErrorMessage(); which of the two a release gives is not documented, so both are worlds.
     */
    noAnswerStatus: 0 | -1
    /**
     * What GlideOAuthClient.requestTokenByRequest does when the token URL gives no answer. 'response' (default): a
     * response with noAnswerStatus and the Java text in getErrorMessage(). 'throw': it throws that text (as
     * RESTMessageV2.execute() is documented to do on a timeout; undocumented for the OAuth client).
     */
    oauthNoAnswer: 'response' | 'throw'
    /**
     * Whether a successful refresh stores the new access token. 'stored' (default, "the access token is saved in the
     * instance database" with the requestor parameters). 'not-stored': the old row stays (assumption A5 failing the
     * other way); the app must detect it rather than call Atlassian with the old token.
     */
    refreshedAccessToken: 'stored' | 'not-stored'
    /**
     * What waitForResponse(seconds) does when no MID answered in time (mid-relay.ts). 'throw' (default): KB0744311
     * "No response for ECC message request ... after waiting for <n> seconds in ECC Queue" and the docs' example
     * comment "Might throw exception timing out waiting for response in ECC queue". 'response': it returns, and the
     * response has status 0 with that text in getErrorMessage() (A45).
     */
    midWaitTimeout: 'throw' | 'response'
    /** Whether a MID Server without the REST (or ALL) capability runs a RESTProbe named to it (A45, inferred). */
    midWithoutRestCapability: 'no-answer' | 'processed'
}

export const DEFAULT_PLATFORM_OPTIONS: PlatformOptions = {
    restTimeout: 'response',
    getTokenWhenNone: 'empty',
    defaultHttpTimeoutMs: 60000,
    refreshTokenExpiry: 'yokohama',
    rotatedRefreshToken: 'stored',
    requestorParamsWithClientName: 'ignored',
    tokenReadWithoutAdmin: 'empty',
    scopedOAuthApiScript: 'called',
    redirectUrlFill: 'on-form-save',
    restRedirects: 'not-followed',
    noAnswerStatus: 0,
    oauthNoAnswer: 'response',
    refreshedAccessToken: 'stored',
    midWaitTimeout: 'throw',
    midWithoutRestCapability: 'no-answer',
}

interface Deps {
    store: Store
    runtime: () => Runtime
    http: SyncHttp
    logs: LogEntry[]
    outbound: OutboundLogEntry[]
    options: PlatformOptions
    userName: () => string
    userRoles: () => string[]
    /** RESTMessageV2 through a MID Server (mid-relay.ts). */
    mids?: MidRelay
}

// ------------------------------------------------------------------ helpers

/** java.util.Map-like object the OAuth API script hooks receive. */
export class ParamMap {
    private readonly m = new Map<string, string>()
    put(k: string, v: unknown): void {
        this.m.set(String(k), v === null || v === undefined ? '' : String(v))
    }
    get(k: string): string | null {
        return this.m.has(String(k)) ? (this.m.get(String(k)) as string) : null
    }
    containsKey(k: string): boolean {
        return this.m.has(String(k))
    }
    remove(k: string): void {
        this.m.delete(String(k))
    }
    keySet(): string[] {
        return [...this.m.keys()]
    }
    size(): number {
        return this.m.size
    }
    entries(): Array<[string, string]> {
        return [...this.m.entries()]
    }
}

function headerLookup(headers: Record<string, string>, name: string): string | null {
    const k = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase())
    return k === undefined ? null : headers[k]
}

function encodeForm(pairs: Array<[string, string]>): string {
    return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
}

// ------------------------------------------------------------------ sn_ws

export function createSnWs(deps: Deps) {
    class RESTResponseV2 {
        constructor(
            private readonly status: number,
            private readonly headers: Record<string, string>,
            private readonly body: string,
            private readonly errorCode: number,
            private readonly errorMessage: string | null
        ) {}
        getStatusCode(): number {
            return this.status
        }
        getBody(): string {
            return this.body
        }
        getHeader(name: string): string | null {
            return headerLookup(this.headers, name)
        }
        getHeaders(): Record<string, string> {
            return { ...this.headers }
        }
        getAllHeaders(): Array<{ name: string; value: string }> {
            return Object.entries(this.headers).map(([name, value]) => ({ name, value }))
        }
        haveError(): boolean {
            return this.errorMessage !== null
        }
        getErrorMessage(): string | null {
            return this.errorMessage
        }
        getErrorCode(): number {
            return this.errorCode
        }
    }

    /**
     * The response of executeAsync(). Without a MID Server the call has been made (the instance's own thread pool
     * [I]). Through a MID it is an ECC job: waitForResponse(seconds) waits for the MID's answer (mid-relay.ts); a
     * getter before any wait waits the platform's maximum first [I].
     */
    class AsyncRESTResponseV2 {
        private done: RESTResponseV2 | null
        private failure: string | null = null
        constructor(
            private readonly toResponse: (url: string, r: HttpResultSpec) => RESTResponseV2,
            ready: RESTResponseV2 | null,
            private readonly pending: PendingMidCall | null
        ) {
            this.done = ready
        }
        waitForResponse(seconds: number): void {
            if (this.done) return
            if (this.failure !== null) throw new Error(this.failure)
            const r = deps.mids!.wait(this.pending!, Number(seconds))
            if (r.kind === 'answer') {
                this.done = this.toResponse(r.url, r.result)
                return
            }
            if (deps.options.midWaitTimeout === 'throw') {
                this.failure = r.message
                throw new Error(r.message)
            }
            this.done = new RESTResponseV2(deps.options.noAnswerStatus, {}, '', -1, r.message)
        }
        private get(): RESTResponseV2 {
            if (!this.done && this.failure === null) {
                try {
                    this.waitForResponse(30)
                } catch {
                    /* the getters below answer as a response without an answer */
                }
            }
            return this.done || new RESTResponseV2(deps.options.noAnswerStatus, {}, '', -1, this.failure)
        }
        getStatusCode(): number {
            return this.get().getStatusCode()
        }
        getBody(): string {
            return this.get().getBody()
        }
        getHeader(name: string): string | null {
            return this.get().getHeader(name)
        }
        getHeaders(): Record<string, string> {
            return this.get().getHeaders()
        }
        getAllHeaders(): Array<{ name: string; value: string }> {
            return this.get().getAllHeaders()
        }
        haveError(): boolean {
            return this.get().haveError()
        }
        getErrorMessage(): string | null {
            return this.get().getErrorMessage()
        }
        getErrorCode(): number {
            return this.get().getErrorCode()
        }
    }

    class RESTMessageV2 {
        private midServer = ''
        private endpoint = ''
        private method = ''
        private readonly headers: Record<string, string> = {}
        private readonly query: Array<[string, string]> = []
        private body: string | undefined
        private timeoutMs = deps.options.defaultHttpTimeoutMs
        private allowedRedirects: string[] | null = null

        constructor(name?: string) {
            if (name !== undefined)
                throw new Error('RESTMessageV2(name, method): named REST messages are not modeled by the simulator')
        }
        setEndpoint(url: string): void {
            this.endpoint = String(url)
        }
        getEndpoint(): string {
            return this.endpoint
        }
        setHttpMethod(m: string): void {
            this.method = String(m).toUpperCase()
        }
        setRequestHeader(name: string, value: string): void {
            this.headers[String(name)] = String(value)
        }
        getRequestHeader(name: string): string | null {
            return headerLookup(this.headers, name)
        }
        setQueryParameter(name: string, value: string): void {
            this.query.push([String(name), String(value)])
        }
        setRequestBody(body: string): void {
            this.body = String(body)
        }
        getRequestBody(): string {
            return this.body ?? ''
        }
        setHttpTimeout(ms: number): void {
            this.timeoutMs = Number(ms)
        }
        setBasicAuth(user: string, password: string): void {
            this.headers.Authorization = 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64')
        }
        /** ServiceNow docs: "Sets one or more URIs allowed to be redirected to" (an Array of strings). */
        setAllowedRedirectURIs(uris: unknown): void {
            const list = Array.isArray(uris) ? uris : uris === null || uris === undefined ? [] : [uris]
            this.allowedRedirects = list.map((u) => String(u))
        }
        /** One request, then (restRedirects 'followed') each redirect hop: see PlatformOptions.restRedirects. */
        private send(url: string): { url: string; r: HttpResultSpec } {
            let method = this.method
            let body = this.body
            let at = url
            const headers = { 'User-Agent': 'ServiceNow/1.0', ...this.headers }
            for (let hop = 0; ; hop++) {
                const r = deps.http({ method, url: at, headers, body, timeoutMs: this.timeoutMs })
                deps.outbound.push({
                    via: 'RESTMessageV2',
                    method,
                    url: at,
                    headerNames: Object.keys(headers),
                    status: r.ok ? r.status : null,
                    failure: r.ok ? null : r.code,
                    timeoutMs: this.timeoutMs,
                })
                if (!r.ok || deps.options.restRedirects !== 'followed' || hop >= 10) return { url: at, r }
                const location = [301, 302, 303, 307, 308].includes(r.status)
                    ? headerLookup(r.headers, 'location')
                    : null
                if (!location) return { url: at, r }
                let next: string
                try {
                    next = new URL(location, at).href
                } catch {
                    return { url: at, r }
                }
                if (this.allowedRedirects && !this.allowedRedirects.some((p) => next.startsWith(p)))
                    return { url: at, r }
                if (r.status === 303 || ((r.status === 301 || r.status === 302) && method === 'POST')) {
                    method = 'GET'
                    body = undefined
                }
                at = next
            }
        }
        /** ServiceNow docs RESTMessageV2.setMIDServer(name): "The MID Server to use" (its name). */
        setMIDServer(name: string): void {
            this.midServer = String(name ?? '')
        }
        getMIDServer(): string {
            return this.midServer
        }
        /** Through a MID Server: an ECC job (mid-relay.ts); otherwise the call is made at once [I]. */
        executeAsync(): AsyncRESTResponseV2 {
            if (!this.method) throw new Error('RESTMessageV2.executeAsync(): no HTTP method set (setHttpMethod)')
            const toResponse = (at: string, r: HttpResultSpec) => this.toResponse(at, r)
            if (!this.midServer || !deps.mids) return new AsyncRESTResponseV2(toResponse, this.execute(), null)
            let url = this.endpoint
            if (this.query.length) url += (url.includes('?') ? '&' : '?') + encodeForm(this.query)
            const headers = { 'User-Agent': 'ServiceNow/1.0', ...this.headers }
            const pending = deps.mids.enqueue(this.midServer, {
                method: this.method,
                url,
                headers,
                body: this.body,
                timeoutMs: this.timeoutMs,
            })
            return new AsyncRESTResponseV2(toResponse, null, pending)
        }
        execute(): RESTResponseV2 {
            if (!this.method) throw new Error('RESTMessageV2.execute(): no HTTP method set (setHttpMethod)')
            if (this.midServer && deps.mids)
                throw new Error('RESTMessageV2.execute(): a message sent through a MID Server is asynchronous')
            let url = this.endpoint
            if (this.query.length) url += (url.includes('?') ? '&' : '?') + encodeForm(this.query)
            const sent = this.send(url)
            return this.toResponse(sent.url, sent.r)
        }
        private toResponse(at: string, r: HttpResultSpec): RESTResponseV2 {
            const url = at
            if (!r.ok) {
                if (r.code === 'timeout' && deps.options.restTimeout === 'throw') throw new Error(r.message)
                // KB3067060: no answer is status 0 or -1 with the Java exception text; nothing is classified here.
                const status = deps.options.noAnswerStatus
                return new RESTResponseV2(status, {}, '', r.code === 'timeout' ? 1 : -1, r.message)
            }
            let path = url
            try {
                path = new URL(url).pathname
            } catch {
                /* keep url */
            }
            const failed = r.status >= 400
            return new RESTResponseV2(
                r.status,
                r.headers,
                r.body,
                failed ? r.status : 0,
                failed ? `Method failed: (${path}) with code: ${r.status}` : null
            )
        }
    }
    return { RESTMessageV2, RESTResponseV2 }
}

// ------------------------------------------------------------------ OAuth engine

export interface StoredToken {
    accessToken: string | null
    accessTokenSysId: string | null
    accessExpiresMs: number | null
    refreshToken: string | null
    refreshTokenSysId: string | null
    refreshExpiresMs: number | null
    scope: string | null
}

export interface TokenExchangeResult {
    /** HTTP status, 0 when no answer. */
    status: number
    body: string
    contentType: string
    params: ParamMap
    transportError: string | null
    errorMessage: string | null
    stored: StoredToken | null
}

export class OAuthEngine {
    constructor(private readonly deps: Deps) {}

    private get store(): Store {
        return this.deps.store
    }

    registryByName(name: string): Row | null {
        return this.store.rowsOf('oauth_entity').find((r) => r.name === name) ?? null
    }

    profileScopes(profileSysId: string): string[] {
        const scopes: string[] = []
        for (const ps of this.store
            .rowsOf('oauth_entity_profile_scope')
            .filter((r) => r.oauth_entity_profile === profileSysId)) {
            const s = this.store.find('oauth_entity_scope', ps.oauth_entity_scope)
            if (s?.oauth_entity_scope) scopes.push(...s.oauth_entity_scope.split(/\s+/).filter(Boolean))
        }
        return scopes
    }

    /** The redirect_uri the platform sends; '' (parameter omitted) when blank and not generated on use. */
    redirectUri(registry: Row): string {
        if (registry.redirect_url) return registry.redirect_url
        if (this.deps.options.redirectUrlFill === 'on-form-save') return ''
        const base = this.store.rowsOf('sys_properties').find((r) => r.name === 'glide.servlet.uri')?.value ?? ''
        return base.replace(/\/?$/, '/') + 'oauth_redirect.do'
    }

    /** An instance of the registry's OAuth API Script (OOB OAuthUtil when none is set). */
    apiScript(registry: Row, profileSysId: string | null): Record<string, (...a: unknown[]) => unknown> {
        const rt = this.deps.runtime()
        const si = registry.oauth_api_script ? this.store.find('sys_script_include', registry.oauth_api_script) : null
        const scoped = !!si && !!si.sys_scope && si.sys_scope !== 'global'
        let cls: unknown
        if (scoped && this.deps.options.scopedOAuthApiScript === 'not-called') {
            this.deps.logs.push({
                level: 'warn',
                message: `OAuth API Script ${si.api_name || si.name} is not in the global scope; using OAuthUtil`,
                source: 'oauth',
            })
            cls = rt.scriptInclude('global', 'OAuthUtil')
        } else
            cls = registry.oauth_api_script
                ? rt.scriptIncludeBySysId(registry.oauth_api_script)
                : rt.scriptInclude('global', 'OAuthUtil')
        const oauthContext = {
            getOAuthProfile: () => (profileSysId ? this.store.find('oauth_entity_profile', profileSysId) : null),
            getOAuthEntity: () => registry,
        }
        return new (cls as new (ctx: unknown) => Record<string, (...a: unknown[]) => unknown>)(oauthContext)
    }

    /** The authorization request oauth_initiator.do redirects the browser to. */
    authorizationUrl(registry: Row, profileSysId: string, state: string): string {
        const map = new ParamMap()
        map.put('response_type', 'code')
        map.put('client_id', registry.client_id)
        if (this.redirectUri(registry)) map.put('redirect_uri', this.redirectUri(registry))
        map.put('state', state)
        map.put('scope', this.profileScopes(profileSysId).join(' '))
        this.apiScript(registry, profileSysId).preprocessAuthCode(map)
        // KB0786459: the platform appends "?" + parameters to the Authorization URL as it is, even if it already has a query.
        return `${registry.auth_url}?${encodeForm(map.entries())}`
    }

    /** POSTs a token request (form-encoded) through the registry's hooks. */
    tokenRequest(
        registry: Row,
        profileSysId: string | null,
        grant: ParamMap,
        url: string,
        timeoutMs = 60000
    ): TokenExchangeResult {
        const secret = this.store.vault.decrypt(registry.client_secret ?? '')
        const headers: Record<string, string> = {
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
        }
        if (registry.send_client_credentials_as === 'basic_authorization_header') {
            headers.Authorization = 'Basic ' + Buffer.from(`${registry.client_id}:${secret}`, 'utf8').toString('base64')
        } else {
            grant.put('client_id', registry.client_id)
            grant.put('client_secret', secret)
        }
        const hooks = this.apiScript(registry, profileSysId)
        hooks.interceptRequestParameters(grant)
        const r = this.deps.http({ method: 'POST', url, headers, body: encodeForm(grant.entries()), timeoutMs })
        this.deps.outbound.push({
            via: 'oauth',
            method: 'POST',
            url,
            headerNames: Object.keys(headers),
            status: r.ok ? r.status : null,
            failure: r.ok ? null : r.code,
            timeoutMs,
        })
        const params = new ParamMap()
        if (!r.ok) {
            if (this.deps.options.oauthNoAnswer === 'throw') throw new Error(r.message)
            return {
                status: this.deps.options.noAnswerStatus,
                body: '',
                contentType: '',
                params,
                transportError: r.message,
                errorMessage: r.message,
                stored: null,
            }
        }
        const contentType = headerLookup(r.headers, 'content-type') ?? ''
        const accessTokenResponse = {
            getContentType: () => contentType,
            getBody: () => r.body,
            getResponseCode: () => r.status,
            getparameters: () => params,
            getParameters: () => params,
        }
        try {
            hooks.parseTokenResponse(accessTokenResponse)
        } catch (e) {
            // The OOB parser throws on a body that is not JSON: the platform logs it and the request fails.
            this.deps.logs.push({
                level: 'error',
                message: `OAuth token response could not be parsed: ${(e as Error).message}`,
                source: 'oauth',
            })
        }
        let errorMessage: string | null = null
        if (r.status !== 200 || !params.get('access_token')) {
            const err = params.get('error')
            const desc = params.get('error_description')
            errorMessage = err ? `${err}${desc ? `: ${desc}` : ''}` : `OAuth token request failed with HTTP ${r.status}`
        }
        return { status: r.status, body: r.body, contentType, params, transportError: null, errorMessage, stored: null }
    }

    private requestorProfile(context: string, requestorId: string, profileSysId: string, create: boolean): Row | null {
        const existing = this.store
            .rowsOf('oauth_requestor_profile')
            .find(
                (r) =>
                    r.requestor_context === context &&
                    r.requestor_id === requestorId &&
                    r.oauth_entity_profile === profileSysId
            )
        if (existing || !create) return existing ?? null
        return this.store.insert(
            'oauth_requestor_profile',
            { requestor_context: context, requestor_id: requestorId, oauth_entity_profile: profileSysId },
            { user: 'system' }
        )
    }

    /**
     * Stores the tokens of a successful response against the requestor profile (what the platform does). For a
     * refresh_token grant the existing refresh token row is updated in place (KB2132135): its value is replaced by the
     * rotated one (unless rotatedRefreshToken is 'not-stored'), its expiry is extended only as refreshTokenExpiry says.
     */
    storeTokens(
        context: string,
        requestorId: string,
        profileSysId: string,
        registry: Row,
        params: ParamMap,
        grantType = 'authorization_code'
    ): StoredToken {
        const rp = this.requestorProfile(context, requestorId, profileSysId, true) as Row
        const now = this.store.clock.nowMs()
        const rows = this.store.rowsOf('oauth_credential').filter((r) => r.oauth_requestor_profile === rp.sys_id)
        const keepAccess = grantType === 'refresh_token' && this.deps.options.refreshedAccessToken === 'not-stored'
        if (!keepAccess)
            for (const r of rows.filter((x) => x.type === 'access_token'))
                this.store.delete('oauth_credential', r.sys_id)
        const existingRefresh = rows.find((x) => x.type === 'refresh_token')
        if (grantType === 'refresh_token' && existingRefresh) {
            const extend =
                this.deps.options.refreshTokenExpiry === 'pre-yokohama' ||
                registry.extend_refresh_token_expiry === 'true'
            const values: Row = {}
            const rotated = params.get('refresh_token')
            if (rotated && this.deps.options.rotatedRefreshToken === 'stored') values.token_received = rotated
            if (extend) values.expires = glideDateTime(now + Number(registry.refresh_token_lifespan || 8640000) * 1000)
            if (Object.keys(values).length)
                this.store.update('oauth_credential', existingRefresh.sys_id, values, { user: this.deps.userName() })
            if (keepAccess) return this.readToken(rp.requestor_id, rp.oauth_entity_profile) as StoredToken
            return this.storeAccessOnly(rp, registry, params, now)
        }
        const expiresIn = Number(params.get('expires_in') ?? '')
        const accessLife =
            Number.isFinite(expiresIn) && params.get('expires_in')
                ? expiresIn
                : Number(registry.access_token_lifespan || 1800)
        const scope = params.get('scope') ?? ''
        this.store.insert(
            'oauth_credential',
            {
                name: registry.name,
                type: 'access_token',
                token_received: params.get('access_token') ?? '',
                expires: glideDateTime(now + accessLife * 1000),
                peer: registry.sys_id,
                oauth_requestor_profile: rp.sys_id,
                scope,
            },
            { user: this.deps.userName() }
        )
        const rt = params.get('refresh_token')
        if (rt) {
            for (const r of rows.filter((x) => x.type === 'refresh_token'))
                this.store.delete('oauth_credential', r.sys_id)
            this.store.insert(
                'oauth_credential',
                {
                    name: registry.name,
                    type: 'refresh_token',
                    token_received: rt,
                    expires: glideDateTime(now + Number(registry.refresh_token_lifespan || 8640000) * 1000),
                    peer: registry.sys_id,
                    oauth_requestor_profile: rp.sys_id,
                    scope,
                },
                { user: this.deps.userName() }
            )
        }
        return this.readToken(requestorId, profileSysId) as StoredToken
    }

    private storeAccessOnly(rp: Row, registry: Row, params: ParamMap, now: number): StoredToken {
        const expiresIn = Number(params.get('expires_in') ?? '')
        const accessLife =
            Number.isFinite(expiresIn) && params.get('expires_in')
                ? expiresIn
                : Number(registry.access_token_lifespan || 1800)
        this.store.insert(
            'oauth_credential',
            {
                name: registry.name,
                type: 'access_token',
                token_received: params.get('access_token') ?? '',
                expires: glideDateTime(now + accessLife * 1000),
                peer: registry.sys_id,
                oauth_requestor_profile: rp.sys_id,
                scope: params.get('scope') ?? '',
            },
            { user: this.deps.userName() }
        )
        return this.readToken(rp.requestor_id, rp.oauth_entity_profile) as StoredToken
    }

    /**
     * The scheduled job "Clean Expired OAuth Credentials" (ServiceNow docs t_ManageTokens.md; KB1380167): deletes
     * oauth_credential rows whose expiry has passed. Returns how many it deleted.
     */
    cleanExpiredOAuthCredentials(): number {
        const now = this.store.clock.nowMs()
        const expired = this.store
            .rowsOf('oauth_credential')
            .filter((r) => r.expires && parseGlideDateTime(r.expires) <= now)
        for (const r of expired) this.store.delete('oauth_credential', r.sys_id)
        return expired.length
    }

    readToken(requestorId: string, profileSysId: string): StoredToken | null {
        const rps = this.store
            .rowsOf('oauth_requestor_profile')
            .filter((r) => r.requestor_id === requestorId && r.oauth_entity_profile === profileSysId)
        if (!rps.length) return null
        const rows = this.store
            .rowsOf('oauth_credential')
            .filter((r) => rps.some((rp) => rp.sys_id === r.oauth_requestor_profile))
        const at = rows.find((r) => r.type === 'access_token')
        const rt = rows.find((r) => r.type === 'refresh_token')
        if (!at && !rt) return null
        return {
            accessToken: at ? this.store.vault.decrypt(at.token_received) : null,
            accessTokenSysId: at?.sys_id ?? null,
            accessExpiresMs: at?.expires ? parseGlideDateTime(at.expires) : null,
            refreshToken: rt ? this.store.vault.decrypt(rt.token_received) : null,
            refreshTokenSysId: rt?.sys_id ?? null,
            refreshExpiresMs: rt?.expires ? parseGlideDateTime(rt.expires) : null,
            scope: at?.scope || rt?.scope || null,
        }
    }
}

// ------------------------------------------------------------------ sn_auth

export function createSnAuth(deps: Deps, engine: OAuthEngine) {
    const now = () => deps.store.clock.nowMs()

    class GlideOAuthToken {
        constructor(private readonly t: StoredToken | null) {}
        getAccessToken(): string | null {
            return this.t?.accessToken ?? null
        }
        getAccessTokenSysID(): string | null {
            return this.t?.accessTokenSysId ?? null
        }
        getExpiresIn(): number {
            return this.t?.accessExpiresMs != null ? Math.floor((this.t.accessExpiresMs - now()) / 1000) : 0
        }
        getRefreshToken(): string | null {
            return this.t?.refreshToken ?? null
        }
        getRefreshTokenSysID(): string | null {
            return this.t?.refreshTokenSysId ?? null
        }
        getRefreshTokenExpiresIn(): number {
            return this.t?.refreshExpiresMs != null ? Math.floor((this.t.refreshExpiresMs - now()) / 1000) : 0
        }
        getScope(): string | null {
            return this.t?.scope ?? null
        }
    }

    class GlideOAuthClientRequest {
        private grantType = ''
        private refreshToken = ''
        private scope = ''
        private readonly params = new Map<string, string>()
        private readonly headers = new Map<string, string>()
        setGrantType(g: string): void {
            this.grantType = String(g)
        }
        getGrantType(): string {
            return this.grantType
        }
        setRefreshToken(t: string): void {
            this.refreshToken = String(t ?? '')
        }
        getRefreshToken(): string {
            return this.refreshToken
        }
        setScope(s: string): void {
            this.scope = String(s)
        }
        getScope(): string {
            return this.scope
        }
        setParameter(k: string, v: string): void {
            this.params.set(String(k), String(v))
        }
        getParameter(k: string): string | null {
            return this.params.get(String(k)) ?? null
        }
        setHeader(k: string, v: string): void {
            this.headers.set(String(k), String(v))
        }
        getHeader(k: string): string | null {
            return this.headers.get(String(k)) ?? null
        }
    }

    class GlideOAuthClientResponse {
        constructor(
            private readonly code: number,
            private readonly body: string,
            private readonly contentType: string,
            private readonly error: string | null,
            private readonly token: StoredToken | null,
            private readonly params: ParamMap
        ) {}
        getResponseCode(): number {
            return this.code
        }
        getBody(): string {
            return this.body
        }
        getContentType(): string {
            return this.contentType
        }
        getErrorMessage(): string | null {
            return this.error
        }
        getToken(): GlideOAuthToken | null {
            return this.token ? new GlideOAuthToken(this.token) : null
        }
        getResponseParameters(): Record<string, string> {
            return Object.fromEntries(this.params.entries())
        }
        getparameters(): ParamMap {
            return this.params
        }
    }

    /** KB0859525: without admin the platform cannot read oauth_credential for this user (tokenReadWithoutAdmin). */
    const tokensDenied = (): boolean => {
        if (deps.options.tokenReadWithoutAdmin === 'allowed' || deps.userRoles().includes('admin')) return false
        const message = "Security restricted: can't read table oauth_credential"
        deps.logs.push({ level: 'error', message, source: 'oauth' })
        if (deps.options.tokenReadWithoutAdmin === 'throw') throw new Error(message)
        return true
    }

    class GlideOAuthClient {
        getToken(requestorId: string, profileSysId: string): GlideOAuthToken | null {
            const t = tokensDenied() ? null : engine.readToken(String(requestorId), String(profileSysId))
            if (!t && deps.options.getTokenWhenNone === 'null') return null
            return new GlideOAuthToken(t)
        }

        requestTokenByRequest(registryName: string | null, request: GlideOAuthClientRequest): GlideOAuthClientResponse {
            const profileSysId = request.getParameter('oauth_provider_profile')
            let registry = registryName ? engine.registryByName(String(registryName)) : null
            if (!registry && profileSysId) {
                const p = deps.store.find('oauth_entity_profile', profileSysId)
                registry = p ? deps.store.find('oauth_entity', p.oauth_entity) : null
            }
            if (!registry)
                return new GlideOAuthClientResponse(
                    0,
                    '',
                    '',
                    `OAuth provider not found: ${registryName ?? profileSysId}`,
                    null,
                    new ParamMap()
                )
            if (registry.active === 'false')
                return new GlideOAuthClientResponse(
                    0,
                    '',
                    '',
                    `OAuth provider ${registry.name} is inactive`,
                    null,
                    new ParamMap()
                )
            const grant = new ParamMap()
            const grantType = request.getGrantType() || registry.default_grant_type
            grant.put('grant_type', grantType)
            if (grantType === 'refresh_token') grant.put('refresh_token', request.getRefreshToken())
            if (request.getScope()) grant.put('scope', request.getScope())
            // Client credentials: the platform sends the profile's scopes (the OAuth Entity Profile Scopes that SNDOCS
            // Option 2 has the admin verify) [I: not documented on the wire].
            else if (grantType === 'client_credentials' && profileSysId) {
                const scope = engine.profileScopes(profileSysId).join(' ')
                if (scope) grant.put('scope', scope)
            }
            const url =
                grantType === 'refresh_token' ? registry.refresh_token_url || registry.token_url : registry.token_url
            const timeout =
                Number(
                    deps.store.rowsOf('sys_properties').find((r) => r.name === 'glide.oauth.http.timeout')?.value ?? ''
                ) || 60000
            const r = engine.tokenRequest(registry, profileSysId, grant, url, timeout)
            let stored: StoredToken | null = null
            const ctx = request.getParameter('oauth_requestor_context')
            const requestor = request.getParameter('oauth_requestor')
            // A client name with the requestor parameters: see PlatformOptions.requestorParamsWithClientName.
            const storeForRequestor =
                !!(ctx && requestor && profileSysId) &&
                (!registryName || deps.options.requestorParamsWithClientName === 'honoured') &&
                !tokensDenied()
            if (!r.errorMessage) {
                // "When these three parameters are set, the access token is saved in the instance database."
                const kept = storeForRequestor
                    ? engine.storeTokens(
                          ctx as string,
                          requestor as string,
                          profileSysId as string,
                          registry,
                          r.params,
                          grantType
                      )
                    : null
                // The response's token is what the provider returned (the rotated refresh token included), whether or
                // not the platform stored it; the stored row ids and the refresh expiry come from what was stored.
                stored = {
                    accessToken: r.params.get('access_token'),
                    accessTokenSysId: kept?.accessTokenSysId ?? null,
                    accessExpiresMs:
                        now() + Number(r.params.get('expires_in') || registry.access_token_lifespan || 1800) * 1000,
                    refreshToken: r.params.get('refresh_token'),
                    refreshTokenSysId: kept?.refreshTokenSysId ?? null,
                    refreshExpiresMs: kept?.refreshExpiresMs ?? null,
                    scope: r.params.get('scope'),
                }
            } else {
                deps.logs.push({
                    level: 'error',
                    message: `OAuth token request to ${url} failed: ${r.errorMessage}`,
                    source: 'oauth',
                })
            }
            return new GlideOAuthClientResponse(r.status, r.body, r.contentType, r.errorMessage, stored, r.params)
        }

        requestToken(registryName: string, jsonString: string): GlideOAuthClientResponse {
            const req = new GlideOAuthClientRequest()
            const o = JSON.parse(jsonString || '{}') as Record<string, string>
            for (const [k, v] of Object.entries(o)) {
                if (k === 'grant_type') req.setGrantType(v)
                else if (k === 'refresh_token') req.setRefreshToken(v)
                else req.setParameter(k, v)
            }
            return this.requestTokenByRequest(registryName, req)
        }
    }

    return { GlideOAuthClient, GlideOAuthClientRequest, GlideOAuthClientResponse, GlideOAuthToken }
}

// ------------------------------------------------------------------ sn_cc

export function createSnCc(deps: Deps) {
    const { store } = deps

    class StandardCredential {
        constructor(private readonly row: Row) {}
        getAttribute(name: string): string | null {
            const col = store.schema.column(this.row.sys_class_name, name)
            if (!col) return null
            const v = this.row[name] ?? ''
            if (store.schema.isPassword(this.row.sys_class_name, name)) return v ? store.vault.decrypt(v) : null
            return v === '' ? null : v
        }
        getID(): string {
            return this.row.sys_id
        }
        getName(): string {
            return this.row.name
        }
        getType(): string {
            return this.row.type || this.row.sys_class_name
        }
        getUsername(): string | null {
            return this.getAttribute('user_name')
        }
        getPassword(): string | null {
            return this.getAttribute('password')
        }
    }

    class StandardCredentialsProvider {
        getCredentialByID(sysId: string): StandardCredential | null {
            const row = store.find('discovery_credentials', String(sysId))
            return row ? new StandardCredential(row) : null
        }
    }

    class ConnectionInfo {
        constructor(
            private readonly conn: Row,
            private readonly aliasSysId: string
        ) {}
        getAttribute(name: string): string | null {
            const v = this.conn[name]
            return v === undefined || v === '' ? null : v
        }
        getCredentialAttribute(name: string): string | null {
            if (!this.conn.credential) return null
            return new StandardCredentialsProvider().getCredentialByID(this.conn.credential)?.getAttribute(name) ?? null
        }
        getDataMap(): Record<string, string> {
            const out: Record<string, string> = {}
            for (const [k, v] of Object.entries(this.conn)) if (!k.startsWith('sys_')) out[k] = v
            return out
        }
        getExtendedAttributes(): Record<string, string> {
            const out: Record<string, string> = {}
            // Only definitions the variable machinery sees (simulator.ts attributeDefinitions; assumption A3).
            const visible = (r: Row) =>
                r.model === this.aliasSysId &&
                r.name === `var__m_connection_attributes_${this.aliasSysId}` &&
                r.model_table === 'sys_alias' &&
                r.model_id === this.aliasSysId
            for (const a of store.rowsOf('connection_attributes').filter(visible)) {
                const set = store
                    .rowsOf('sys_variable_value')
                    .find((v) => v.document_key === this.conn.sys_id && v.variable === a.sys_id)
                out[a.element] = set ? set.value : a.default_value
            }
            return out
        }
    }

    class ConnectionInfoProvider {
        getConnectionInfo(aliasSysId: string): ConnectionInfo | null {
            const conn = store
                .rowsOf('sys_connection')
                .find((r) => r.connection_alias === String(aliasSysId) && r.active === 'true')
            return conn ? new ConnectionInfo(conn, String(aliasSysId)) : null
        }
    }

    return { StandardCredentialsProvider, StandardCredential, ConnectionInfoProvider, ConnectionInfo }
}

export function randomState(): string {
    return crypto.randomBytes(24).toString('base64url')
}
