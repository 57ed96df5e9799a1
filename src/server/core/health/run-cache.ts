/**
 * Per-run cache keyed by credential: connections (and the credential sweep) that share a credential share one token
 * refresh and one answer per URL (accessible-resources, and myself/serverInfo of the same site), so a health run
 * makes calls per distinct credential + connection, not per connection x check. It also keeps a failing credential
 * from being tried twice in one run (Atlassian locks accounts after a few bad logins; a refresh token reused after
 * 10 minutes revokes the consent, atlassian-oauth §2.4). Counts the calls that really left the instance.
 * A transient answer (429, 5xx, no answer) is never kept: the validator's bounded retry and the next subject sharing
 * the credential send the request again instead of being served the failure. It also collects, per subject, the
 * evidence the health verdict needs: whether a call with the subject's credential succeeded in this run.
 */
import type {
    AuthRef,
    HttpPort,
    HttpRequest,
    HttpResult,
    RefreshResult,
    TokenAccessDenied,
    TokenPort,
    TokenState,
} from '../ports'
import { storedTokens } from '../stored-tokens'

function credentialOf(auth: AuthRef): string | null {
    return auth.kind === 'none' ? null : auth.credentialSysId
}

/** What one subject's check proved: calls made with its credential (shared answers count: made in this run). */
export interface SubjectEvidence {
    /** Answers (sent or shared) to requests that carried a credential, token requests included. */
    answers: number
    /** Of those, successful ones: a 2xx from Atlassian or a new access token. The proof a credential works now. */
    succeeded: number
    /** Transient outcomes seen (rate limited, unavailable, no answer), in words. */
    transient: string[]
}

/** 429 and 5xx: Atlassian may answer differently moments later (ATL-RL); never cached. */
export function transientStatus(status: number): boolean {
    return status === 429 || (status >= 500 && status < 600)
}

function transientHttp(result: HttpResult): string | null {
    if (!result.ok) return `no answer (${result.failure.replace(/_/g, ' ')})`
    const status = Number(result.status)
    if (!(status >= 100)) return 'no answer'
    return transientStatus(status) ? `HTTP ${status}${status === 429 ? ' (rate limited)' : ''}` : null
}

function transientRefresh(result: RefreshResult): string | null {
    if (result.ok || result.notStored) return null
    if (result.transport) return `token request: no answer (${result.transport.replace(/_/g, ' ')})`
    const status = result.httpStatus
    return status !== null && transientStatus(status) ? `token request: HTTP ${status}` : null
}

export class CredentialRunCache {
    /** Calls that left the instance (HTTP + token refreshes). */
    calls = 0
    /** Answers served from the cache instead of a call. */
    saved = 0
    private readonly answers = new Map<string, HttpResult>()
    private readonly refreshes = new Map<string, RefreshResult>()
    private current: SubjectEvidence = { answers: 0, succeeded: 0, transient: [] }

    /** @param mayRefresh whether this run may refresh the credential's token (keep-alive due, or a manual run). */
    constructor(private mayRefresh: (credentialSysId: string) => boolean = () => true) {}

    setRefreshPolicy(mayRefresh: (credentialSysId: string) => boolean): void {
        this.mayRefresh = mayRefresh
    }

    /** Starts collecting the evidence of the next subject. */
    beginSubject(): void {
        this.current = { answers: 0, succeeded: 0, transient: [] }
    }

    evidence(): SubjectEvidence {
        return { ...this.current, transient: [...this.current.transient] }
    }

    private seeHttp(credential: string | null, result: HttpResult): void {
        const transient = transientHttp(result)
        if (transient) this.current.transient.push(transient)
        if (!credential) return
        this.current.answers++
        if (result.ok && Number(result.status) >= 200 && Number(result.status) < 300) this.current.succeeded++
    }

    private seeToken(result: RefreshResult): void {
        this.current.answers++
        if (result.ok && result.state.hasAccessToken) this.current.succeeded++
        const transient = transientRefresh(result)
        if (transient) this.current.transient.push(transient)
    }

    refreshAllowed(credentialSysId: string): boolean {
        return this.mayRefresh(credentialSysId)
    }

    /** Whether this run refreshed the credential's token, and how that went. */
    refreshOf(credentialSysId: string): RefreshResult | null {
        return this.refreshes.get(credentialSysId) ?? null
    }

    http(inner: HttpPort): HttpPort {
        return {
            send: (request: HttpRequest): HttpResult => {
                const credential = credentialOf(request.auth)
                if (!credential || request.method !== 'GET') {
                    this.calls++
                    const direct = inner.send(request)
                    this.seeHttp(credential, direct)
                    return direct
                }
                const key = `${credential}\n${request.url}`
                const cached = this.answers.get(key)
                if (cached) {
                    this.saved++
                    this.seeHttp(credential, cached)
                    return cached
                }
                this.calls++
                const result = inner.send(request)
                this.seeHttp(credential, result)
                if (!transientHttp(result)) this.answers.set(key, result)
                return result
            },
        }
    }

    tokens(inner: TokenPort): TokenPort {
        return {
            read: (credentialSysId: string, profileSysId: string): TokenState | TokenAccessDenied | null =>
                inner.read(credentialSysId, profileSysId),
            refresh: (credentialSysId, profileSysId, registryName, timeoutMs): RefreshResult =>
                this.newTokenOnce(inner, credentialSysId, profileSysId, () =>
                    inner.refresh(credentialSysId, profileSysId, registryName, timeoutMs)
                ),
            // Service accounts: a new client-credentials token, once per credential and run like a refresh.
            requestClientCredentials: (credentialSysId, profileSysId, registryName, timeoutMs): RefreshResult =>
                this.newTokenOnce(inner, credentialSysId, profileSysId, () =>
                    inner.requestClientCredentials(credentialSysId, profileSysId, registryName, timeoutMs)
                ),
        }
    }

    /** One new access token per credential and run (refresh or client credentials); later asks get what it left. */
    private newTokenOnce(
        inner: TokenPort,
        credentialSysId: string,
        profileSysId: string,
        request: () => RefreshResult
    ): RefreshResult {
        const done = this.refreshes.get(credentialSysId)
        if (done && !transientRefresh(done)) {
            this.saved++
            this.seeToken(done)
            // The stored token is what the first request left.
            if (!done.ok) return done
            const state = storedTokens(inner, credentialSysId, profileSysId)
            return state ? { ok: true, state } : done
        }
        // First request, or the previous one failed transiently: ask again (a rotated-out refresh token stays valid
        // for 10 minutes, so a second try within the run is safe; atlassian-oauth §2.4).
        this.calls++
        const result = request()
        this.seeToken(result)
        this.refreshes.set(credentialSysId, result)
        // Answers fetched with the previous access token are stale now.
        for (const key of [...this.answers.keys()]) {
            if (key.startsWith(`${credentialSysId}\n`)) this.answers.delete(key)
        }
        return result
    }
}
