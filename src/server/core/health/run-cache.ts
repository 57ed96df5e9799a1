/**
 * Per-run cache keyed by credential: connections (and the credential sweep) that share a credential share one token
 * refresh and one answer per URL (accessible-resources, and myself/serverInfo of the same site), so a health run
 * makes calls per distinct credential + connection, not per connection x check. It also keeps a failing credential
 * from being tried twice in one run (Atlassian locks accounts after a few bad logins; a refresh token reused after
 * 10 minutes revokes the consent, atlassian-oauth §2.4). Counts the calls that really left the instance.
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

export class CredentialRunCache {
    /** Calls that left the instance (HTTP + token refreshes). */
    calls = 0
    /** Answers served from the cache instead of a call. */
    saved = 0
    private readonly answers = new Map<string, HttpResult>()
    private readonly refreshes = new Map<string, RefreshResult>()

    /** @param mayRefresh whether this run may refresh the credential's token (keep-alive due, or a manual run). */
    constructor(private mayRefresh: (credentialSysId: string) => boolean = () => true) {}

    setRefreshPolicy(mayRefresh: (credentialSysId: string) => boolean): void {
        this.mayRefresh = mayRefresh
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
                    return inner.send(request)
                }
                const key = `${credential}\n${request.url}`
                const cached = this.answers.get(key)
                if (cached) {
                    this.saved++
                    return cached
                }
                this.calls++
                const result = inner.send(request)
                this.answers.set(key, result)
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
        if (done) {
            this.saved++
            // The stored token is what the first request left.
            if (!done.ok) return done
            const state = storedTokens(inner, credentialSysId, profileSysId)
            return state ? { ok: true, state } : done
        }
        this.calls++
        const result = request()
        this.refreshes.set(credentialSysId, result)
        // Answers fetched with the previous access token are stale now.
        for (const key of [...this.answers.keys()]) {
            if (key.startsWith(`${credentialSysId}\n`)) this.answers.delete(key)
        }
        return result
    }
}
