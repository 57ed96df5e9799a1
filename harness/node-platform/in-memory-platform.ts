/**
 * A small in-memory stand-in for the instance side of the validator's ports (test code, never shipped), so the core
 * can be driven over REAL HTTP to the Atlassian emulator: configuration snapshots from plain objects, a token store
 * that refreshes over HTTP at the registry's token URL and keeps the rotated refresh token, and the AuthRef-to-header
 * mapping the Glide HTTP adapter performs.
 *
 * These stand-ins decide nothing the shipped adapters decide: a failed call keeps the platform's Java text and the
 * product's classifier (src/server/glide/platform-errors.ts) names it, and what a refresh failed to store is decided
 * by the product's lostInStorage from what this store actually kept. What they cannot model (GlideRecord reads, the
 * admin-role token denial, a credential the HTTP adapter cannot apply) is core-only here; the end-to-end counterparts
 * through the shipped adapters in the Glide simulator are named next to each.
 */
import type {
    AliasSnapshot,
    AuthRef,
    ClockPort,
    ConfigPort,
    ConnectionSnapshot,
    CredentialSnapshot,
    ProfileSnapshot,
    RefreshLoss,
    RefreshResult,
    RegistrySnapshot,
    TokenAccessDenied,
    TokenPort,
    TokenState,
} from '../../src/server/core/ports'
import { classifyPlatformError, lostInStorage } from '../../src/server/glide/platform-errors'
import type { LoopbackNetwork } from '../net'
import { looksLikeSecret } from '../../src/server/core/setup/inputs'

export interface StoredToken {
    accessToken: string | null
    accessExpiresAtMs: number | null
    refreshToken: string | null
    refreshExpiresAtMs: number | null
}

export interface BasicSecret {
    userName: string
    password: string
}

/** Mutable configuration of one simulated instance; tests edit it to create bad configurations. */
export interface InstanceState {
    aliases: AliasSnapshot[]
    connections: ConnectionSnapshot[]
    credentials: CredentialSnapshot[]
    profiles: ProfileSnapshot[]
    registries: Array<Omit<RegistrySnapshot, 'defaultProfiles'>>
    /** Secrets live apart from the snapshots, as password2 columns do. */
    registrySecrets: Record<string, { clientId: string; clientSecret: string }>
    basicSecrets: Record<string, BasicSecret>
    properties: Record<string, string>
    instanceUrl: string
}

/**
 * Core-only: configuration as plain snapshots (no GlideRecord). The reader that builds them on an instance
 * (src/server/glide/config-reader.ts) runs end to end in tests/e2e/adapter-failures.test.ts ("configuration as the
 * platform stores it") and tests/e2e/validation.test.ts, where World.validate also fails on any write.
 */
export class InMemoryConfig implements ConfigPort {
    constructor(private readonly s: InstanceState) {}

    alias(sysId: string): AliasSnapshot | null {
        return clone(this.s.aliases.find((a) => a.sysId === sysId))
    }
    connectionsOfAlias(aliasSysId: string): ConnectionSnapshot[] {
        return this.s.connections.filter((c) => c.aliasSysId === aliasSysId).map((c) => clone(c) as ConnectionSnapshot)
    }
    connection(sysId: string): ConnectionSnapshot | null {
        return clone(this.s.connections.find((c) => c.sysId === sysId))
    }
    connectionsUsingCredential(credentialSysId: string): ConnectionSnapshot[] {
        return this.s.connections
            .filter((c) => c.credentialSysId === credentialSysId)
            .map((c) => clone(c) as ConnectionSnapshot)
    }
    credential(sysId: string): CredentialSnapshot | null {
        const c = this.s.credentials.find((x) => x.sysId === sysId)
        if (!c) return null
        if (c.kind === 'basic') {
            const secret = this.s.basicSecrets[c.sysId]
            return { ...c, userName: secret ? secret.userName : '', hasPassword: !!secret?.password }
        }
        return clone(c)
    }
    profile(sysId: string): ProfileSnapshot | null {
        return clone(this.s.profiles.find((p) => p.sysId === sysId))
    }
    registry(sysId: string): RegistrySnapshot | null {
        const r = this.s.registries.find((x) => x.sysId === sysId)
        if (!r) return null
        const secret = this.s.registrySecrets[r.sysId]
        // Default profiles are derived from the profiles, as the Glide reader queries them.
        const defaultProfiles = this.s.profiles
            .filter((p) => p.registrySysId === r.sysId && p.isDefault)
            .map((p) => p.name)
        return {
            ...clone(r)!,
            hasClientId: !!secret?.clientId,
            hasClientSecret: !!secret?.clientSecret,
            clientIdLooksLikeSecret: !!secret?.clientId && looksLikeSecret(secret.clientId.trim()),
            defaultProfiles,
        }
    }
    property(name: string, fallback: string): string {
        const v = this.s.properties[name]
        return v === undefined || v === '' ? fallback : v
    }
    instanceCallbackUrl(): string {
        return `${this.s.instanceUrl}/oauth_redirect.do`
    }
}

/** The platform's token table for the in-memory instance, refreshing over the loopback network. */
export class InMemoryTokenStore implements TokenPort {
    readonly tokens = new Map<string, StoredToken>()
    /** Every refresh attempt, for assertions (no values). */
    refreshes = 0
    /**
     * A user name the platform does not let read tokens (no admin role, KB0859525); null: reads allowed. Core-only:
     * the Glide adapter's own decision (getToken empty or throwing for a non-admin) runs end to end in
     * tests/e2e/adapter-failures.test.ts ("tokens the platform will not let this user read").
     */
    deniedUser: string | null = null
    /**
     * What the platform stores after a successful refresh (assumption A5): everything (default), everything but
     * the rotated refresh token, or nothing. The product's lostInStorage (platform-errors.ts) compares what came back
     * with what was kept, as the Glide adapter does; end to end: tests/e2e/adapter-failures.test.ts (A5 worlds).
     */
    refreshStorage: 'all' | 'drop-rotation' | 'drop-all' = 'all'

    constructor(
        private readonly state: InstanceState,
        private readonly network: LoopbackNetwork,
        private readonly clock: () => number,
        /** Platform-side refresh token lifespan (registry refresh_token_lifespan), seconds. */
        private readonly refreshLifespanSec = 7776000
    ) {}

    private key(credentialSysId: string, profileSysId: string): string {
        return `${credentialSysId}/${profileSysId}`
    }

    put(credentialSysId: string, profileSysId: string, token: StoredToken): void {
        this.tokens.set(this.key(credentialSysId, profileSysId), { ...token })
    }

    get(credentialSysId: string, profileSysId: string): StoredToken | undefined {
        return this.tokens.get(this.key(credentialSysId, profileSysId))
    }

    read(credentialSysId: string, profileSysId: string): TokenState | TokenAccessDenied | null {
        if (this.deniedUser) return { denied: true, userName: this.deniedUser, detail: '' }
        const t = this.get(credentialSysId, profileSysId)
        if (!t || (!t.accessToken && !t.refreshToken)) return null
        const now = this.clock()
        return {
            hasAccessToken: !!t.accessToken,
            accessExpiresInSec:
                t.accessToken && t.accessExpiresAtMs !== null ? Math.floor((t.accessExpiresAtMs - now) / 1000) : null,
            hasRefreshToken: !!t.refreshToken,
            refreshExpiresInSec:
                t.refreshToken && t.refreshExpiresAtMs !== null
                    ? Math.floor((t.refreshExpiresAtMs - now) / 1000)
                    : null,
        }
    }

    /** Client-credentials token requests, for assertions (no values). */
    tokenRequests = 0

    refresh(credentialSysId: string, profileSysId: string, registryName: string, timeoutMs: number): RefreshResult {
        this.refreshes++
        const current = this.get(credentialSysId, profileSysId)
        const registry = this.state.registries.find((r) => r.name === registryName)
        const secret = registry ? this.state.registrySecrets[registry.sysId] : undefined
        if (!current?.refreshToken || !registry || !secret) {
            return {
                ok: false,
                httpStatus: null,
                error: null,
                errorDescription: null,
                transport: null,
                detail: 'nothing to refresh with',
            }
        }
        const form = new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: current.refreshToken,
            client_id: secret.clientId,
            client_secret: secret.clientSecret,
        })
        return this.exchange(
            credentialSysId,
            profileSysId,
            registry.refreshTokenUrl || registry.tokenUrl,
            form,
            timeoutMs,
            current
        )
    }

    /** Like the platform's client-credentials request: grant, client id/secret and the profile's scopes, form-encoded. */
    requestClientCredentials(
        credentialSysId: string,
        profileSysId: string,
        registryName: string,
        timeoutMs: number
    ): RefreshResult {
        this.tokenRequests++
        const registry = this.state.registries.find((r) => r.name === registryName)
        const secret = registry ? this.state.registrySecrets[registry.sysId] : undefined
        const profile = this.state.profiles.find((p) => p.sysId === profileSysId)
        if (!registry || !secret)
            return {
                ok: false,
                httpStatus: null,
                error: null,
                errorDescription: null,
                transport: null,
                detail: 'no client credentials',
            }
        const form = new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: secret.clientId,
            client_secret: secret.clientSecret,
        })
        if (profile?.scopes.length) form.set('scope', profile.scopes.join(' '))
        return this.exchange(
            credentialSysId,
            profileSysId,
            registry.tokenUrl,
            form,
            timeoutMs,
            this.get(credentialSysId, profileSysId)
        )
    }

    private exchange(
        credentialSysId: string,
        profileSysId: string,
        url: string,
        form: URLSearchParams,
        timeoutMs: number,
        current: StoredToken | undefined
    ): RefreshResult {
        const r = this.network.request({
            method: 'POST',
            url,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            body: form.toString(),
            timeoutMs,
        })
        if (!r.ok)
            return {
                ok: false,
                httpStatus: null,
                error: null,
                errorDescription: null,
                // The platform's Java text, classified by the product (never the harness's own code).
                transport: classifyPlatformError(r.message),
                detail: r.message,
            }
        let json: { [k: string]: unknown } = {}
        try {
            json = JSON.parse(r.body)
        } catch {
            return {
                ok: false,
                httpStatus: r.status,
                error: null,
                errorDescription: null,
                transport: null,
                detail: 'token response is not JSON',
            }
        }
        if (r.status !== 200 || typeof json.access_token !== 'string') {
            return {
                ok: false,
                httpStatus: r.status,
                error: typeof json.error === 'string' ? json.error : null,
                errorDescription: typeof json.error_description === 'string' ? json.error_description : null,
                transport: null,
                detail: `HTTP ${r.status}`,
            }
        }
        const now = this.clock()
        // Like the platform: store the new access token AND the rotated refresh token (keep the old one only if none came back).
        const next: StoredToken = {
            accessToken: json.access_token,
            accessExpiresAtMs: now + Number(json.expires_in || 3600) * 1000,
            refreshToken: typeof json.refresh_token === 'string' ? json.refresh_token : (current?.refreshToken ?? null),
            refreshExpiresAtMs:
                typeof json.refresh_token === 'string'
                    ? now + this.refreshLifespanSec * 1000
                    : (current?.refreshExpiresAtMs ?? null),
        }
        // What the platform keeps (refreshStorage), then the product's comparison of it with what came back.
        if (this.refreshStorage === 'drop-rotation')
            this.put(credentialSysId, profileSysId, {
                ...next,
                refreshToken: current?.refreshToken ?? null,
                refreshExpiresAtMs: current?.refreshExpiresAtMs ?? null,
            })
        else if (this.refreshStorage === 'all') this.put(credentialSysId, profileSysId, next)
        const kept = this.get(credentialSysId, profileSysId)
        const values = (t: { accessToken: string | null; refreshToken: string | null }) => ({
            getAccessToken: () => t.accessToken,
            getRefreshToken: () => t.refreshToken,
        })
        const returned = {
            accessToken: json.access_token,
            refreshToken: typeof json.refresh_token === 'string' ? json.refresh_token : null,
        }
        const notStored: RefreshLoss | null = lostInStorage(
            values(returned),
            kept ? values(kept) : null,
            current?.refreshToken ?? ''
        )
        if (notStored)
            return {
                ok: false,
                httpStatus: 200,
                error: null,
                errorDescription: null,
                transport: null,
                detail: notStored,
                notStored,
            }
        return { ok: true, state: this.read(credentialSysId, profileSysId) as TokenState }
    }

    /**
     * AuthRef -> Authorization header, as the Glide HTTP adapter does (tokens never pass through the core). Core-only:
     * the adapter's own header building (rest-http.ts applyAuth) runs in every end-to-end Validate.
     */
    authorize(auth: AuthRef): string | null {
        if (auth.kind === 'oauth2') {
            const t = this.get(auth.credentialSysId, auth.profileSysId)
            return t?.accessToken ? `Bearer ${t.accessToken}` : null
        }
        if (auth.kind === 'basic') {
            const s = this.state.basicSecrets[auth.credentialSysId]
            return s && s.userName && s.password
                ? `Basic ${Buffer.from(`${s.userName}:${s.password}`).toString('base64')}`
                : null
        }
        return null
    }
}

/** Real time for durations; sleep blocks the thread like the Rhino clock does. */
export class RealClock implements ClockPort {
    slept: number[] = []
    nowMs(): number {
        return Date.now()
    }
    sleep(ms: number): void {
        this.slept.push(ms)
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
    }
}

function clone<T>(v: T | undefined): T | null {
    return v === undefined ? null : (JSON.parse(JSON.stringify(v)) as T)
}
