/**
 * Emulator state and protocol logic, free of sockets: handle() maps one request to one response.
 * Runs inside the emulator worker (see worker.cjs). § numbers cite docs/atlassian-contract.md.
 */
import { randomBytes } from 'node:crypto'
import { JiraProjects, type Caller, type JsonAnswer } from './jira-projects'
import { RateLimits } from './rate-limits'
import type {
    AppRegistration,
    EmuRequest,
    EmulatorOptions,
    EmulatorTarget,
    FamilyInfo,
    GrantRequest,
    IssuedTokens,
    ServiceAccountCredential,
    SiteRegistration,
    UserRegistration,
} from './types'
import { WebhookStore, type WebhookCaller } from './webhooks'

export interface EmuResponse {
    status: number
    headers: Record<string, string>
    body: string
}

interface Site extends Required<SiteRegistration> {}
interface User {
    accountId: string
    email: string
    displayName: string
    apiTokens: string[]
    password: string | null
    sites: string[]
    emailVisible: boolean
    accountType: 'atlassian' | 'app'
    jiraAccess: boolean
    scopedApiTokens: { token: string; scopes: string[] }[]
}
interface Family {
    id: string
    clientId: string
    accountId: string
    scopes: string[]
    cloudIds: string[]
    audience: string | null
    createdAt: number
    revoked: FamilyInfo['revoked']
    grant: FamilyInfo['grant']
    refreshTokens: string[]
}
interface SaCredential extends ServiceAccountCredential {
    revoked: boolean
}
/** Who a gateway request acts as: an OAuth token's family, or a user presenting a scoped API token (Basic). */
interface Principal {
    kind: 'authorization_code' | 'client_credentials' | 'scoped-token'
    user: User
    scopes: string[]
    cloudIds: string[]
    family: Family | null
}
interface RefreshRecord {
    familyId: string
    issuedAt: number
    /** When it was first exchanged (rotated out); null while current. */
    rotatedAt: number | null
}
interface AccessRecord {
    familyId: string
    expiresAt: number
}
interface CodeRecord {
    clientId: string
    accountId: string
    scopes: string[]
    cloudIds: string[]
    redirectUri: string
    audience: string | null
    expiresAt: number
    used: boolean
}
interface PendingConsent {
    clientId: string
    accountId: string
    scopes: string[]
    cloudIds: string[]
    redirectUri: string
    state: string | undefined
    audience: string | null
}

const DAY = 86400
export const API_AUDIENCE = 'api.atlassian.com'

/** Opaque, unpredictable token text (§1.4: clients must treat tokens as opaque strings). */
export function randomToken(bytes = 32): string {
    return randomBytes(bytes).toString('base64url')
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): EmuResponse {
    return {
        status,
        headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
        body: JSON.stringify(value),
    }
}

function html(status: number, body: string, headers: Record<string, string> = {}): EmuResponse {
    return { status, headers: { 'content-type': 'text/html;charset=UTF-8', ...headers }, body }
}

function redirect(location: string): EmuResponse {
    return { status: 302, headers: { location, 'content-type': 'text/html;charset=UTF-8' }, body: '' }
}

export function escapeHtml(s: string): string {
    return s.replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string
    )
}

function page(title: string, inner: string): string {
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${inner}</body></html>`
}

/** §8 / §2.5: Auth0-style token-endpoint error body. */
function oauthError(status: number, error: string, description: string): EmuResponse {
    return json(status, { error, error_description: description }, { 'cache-control': 'no-store' })
}

// §4.4: gateway 401 for an expired/invalid/missing token; the WWW-Authenticate value follows the Atlassian edge trace [R].
const INVALID_TOKEN: EmuResponse = json(
    401,
    { code: 401, message: 'Unauthorized' },
    {
        'www-authenticate':
            'Bearer realm="OAuth", error="invalid_token", error_description="Missing or invalid access token"',
    }
)
// §4.4: scope missing → 401 "Unauthorized; scope does not match" [R].
const SCOPE_MISMATCH: EmuResponse = json(401, { code: 401, message: 'Unauthorized; scope does not match' })

/** Scopes that are not per-site product scopes and so never appear in accessible-resources `scopes` (§3). */
const NON_SITE_SCOPES = new Set(['offline_access', 'read:me', 'read:account'])
/** §6.4: /myself needs classic read:jira-user, or this granular set (all-of, §4.4). */
const MYSELF_GRANULAR = ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira']

export class EmulatorCore {
    private offsetMs = 0
    private readonly frozenAt: number | null
    readonly opts: Required<Omit<EmulatorOptions, 'startTimeMs'>>

    private apps = new Map<string, AppRegistration>()
    private sites = new Map<string, Site>() // by cloudId
    private users = new Map<string, User>() // by accountId
    private families = new Map<string, Family>()
    private refresh = new Map<string, RefreshRecord>()
    private access = new Map<string, AccessRecord>()
    private codes = new Map<string, CodeRecord>()
    private pending = new Map<string, PendingConsent>()
    private consent: { accountId: string; cloudIds: string[] | null } | null = null
    private failedBasic = new Map<string, number>() // by lower-case email/user name
    private captchaUsers = new Set<string>() // lower-case emails
    private saCredentials = new Map<string, SaCredential>() // by clientId
    /** Projects, permissions, createmeta and boards (jira-projects.ts). */
    readonly jira = new JiraProjects()
    readonly limits: RateLimits
    /** Dynamic and admin webhooks, their deliveries (webhooks.ts). */
    readonly webhooks = new WebhookStore(() => this.now())

    constructor(options: EmulatorOptions = {}) {
        this.frozenAt = options.startTimeMs ?? null
        this.opts = {
            autoConsent: options.autoConsent ?? null,
            missingAudience: options.missingAudience ?? 'unusable-token',
            prompt: options.prompt ?? 'ignored',
            invalidRefreshError: options.invalidRefreshError ?? 'invalid_grant',
            unknownCloudIdStatus: options.unknownCloudIdStatus ?? 404,
            accessTokenSeconds: options.accessTokenSeconds ?? 3600, // §2.1: access token lives 1 hour [C ATL-RRT-STAFF]
            reuseLeewaySeconds: options.reuseLeewaySeconds ?? 600, // §2.4: 10-minute reuse leeway [C]
            inactivitySeconds: options.inactivitySeconds ?? 90 * DAY, // §2.4: 90-day inactivity, reset by rotation [C]
            absoluteSeconds: options.absoluteSeconds === undefined ? 365 * DAY : options.absoluteSeconds, // §2.4: 365 d [C, volatile]
            codeSeconds: options.codeSeconds ?? 300, // §1.4: code lifetime undocumented [I]
            errorPageBase: options.errorPageBase ?? 'https://id.atlassian.com', // §1.4: error page on id.atlassian.com [R]
            serviceAccountAccessibleResources: options.serviceAccountAccessibleResources ?? 'unauthorized', // [I], see types.ts
            quotaPointsPerHour: options.quotaPointsPerHour ?? 65000, // rate-limits.ts [I]
            permissionCheckPoints: options.permissionCheckPoints ?? 10, // rate-limits.ts [R expensive, I number]
            rateLimitHeaderNames: options.rateLimitHeaderNames ?? 'beta', // rate-limits.ts [R]
            serverInfoBaseUrl: options.serverInfoBaseUrl ?? 'site',
        }
        this.limits = new RateLimits({
            quota: this.opts.quotaPointsPerHour,
            permissionCheckPoints: this.opts.permissionCheckPoints,
            headerNames: this.opts.rateLimitHeaderNames,
        })
    }

    // ------------------------------------------------------------------ clock

    now(): number {
        return (this.frozenAt ?? Date.now()) + this.offsetMs
    }

    advanceTime(ms: number): number {
        if (!(ms >= 0)) throw new Error('advanceTime needs a non-negative number of ms')
        this.offsetMs += ms
        return this.now()
    }

    // ------------------------------------------------------------------ setup

    setOptions(patch: Partial<EmulatorOptions>): void {
        for (const [k, v] of Object.entries(patch)) {
            if (k === 'startTimeMs') throw new Error('startTimeMs can only be set at start')
            ;(this.opts as Record<string, unknown>)[k] = v
        }
        this.limits.opts.quota = this.opts.quotaPointsPerHour
        this.limits.opts.permissionCheckPoints = this.opts.permissionCheckPoints
        this.limits.opts.headerNames = this.opts.rateLimitHeaderNames
    }

    registerApp(app: AppRegistration): void {
        if (!app.clientId || !app.clientSecret) throw new Error('registerApp needs clientId and clientSecret')
        this.apps.set(app.clientId, { ...app, callbackUrls: [...app.callbackUrls], scopes: [...app.scopes] })
    }

    addSite(site: SiteRegistration): void {
        const host = site.host.toLowerCase()
        if (!host.endsWith('.atlassian.net')) throw new Error(`site host must end with .atlassian.net: ${host}`)
        this.sites.set(site.cloudId, {
            ...site,
            host,
            avatarUrl:
                site.avatarUrl ?? 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png',
        })
        this.jira.addDefaultProject(site.cloudId)
    }

    addUser(user: UserRegistration): void {
        for (const id of user.sites ?? []) if (!this.sites.has(id)) throw new Error(`addUser: unknown site ${id}`)
        this.users.set(user.accountId, {
            accountId: user.accountId,
            email: user.email,
            displayName: user.displayName,
            apiTokens: [...(user.apiTokens ?? [])],
            password: user.password ?? null,
            sites: [...(user.sites ?? [])],
            emailVisible: user.emailVisible ?? true,
            accountType: user.accountType ?? 'atlassian',
            jiraAccess: user.jiraAccess ?? true,
            scopedApiTokens: (user.scopedApiTokens ?? []).map((t) => ({ token: t.token, scopes: [...t.scopes] })),
        })
    }

    /** Give (or take away) a user's Jira product access on its sites (a service account's app role). */
    setJiraAccess(accountId: string, on: boolean): void {
        const user = this.users.get(accountId)
        if (!user) throw new Error(`setJiraAccess: unknown user ${accountId}`)
        user.jiraAccess = on
    }

    /** An OAuth 2.0 credential of a service account; its scopes are fixed at creation (support.atlassian.com). */
    createServiceAccountCredential(c: ServiceAccountCredential): void {
        const user = this.users.get(c.accountId)
        if (!user) throw new Error(`createServiceAccountCredential: unknown user ${c.accountId}`)
        if (user.accountType !== 'app')
            throw new Error('createServiceAccountCredential: the user is not a service account (accountType app)')
        if (!c.clientId || !c.clientSecret)
            throw new Error('createServiceAccountCredential needs clientId and clientSecret')
        this.saCredentials.set(c.clientId, { ...c, scopes: [...c.scopes], revoked: false })
    }

    /**
     * The admin revokes (deletes) the credential: token requests with it fail, and access tokens issued from it stop
     * working [I: Atlassian does not say whether issued tokens outlive the credential; the stricter case]. Returns the
     * number of token families cut off.
     */
    revokeServiceAccountCredential(clientId: string): number {
        const cred = this.saCredentials.get(clientId)
        if (!cred) throw new Error(`revokeServiceAccountCredential: unknown credential ${clientId}`)
        cred.revoked = true
        let n = 0
        for (const f of this.families.values()) {
            if (f.clientId === clientId && f.revoked === null) {
                f.revoked = 'credential-revoked'
                n++
            }
        }
        return n
    }

    setConsentUser(accountId: string | null, cloudIds?: string[]): void {
        if (accountId === null) {
            this.consent = null
            return
        }
        if (!this.users.has(accountId)) throw new Error(`setConsentUser: unknown user ${accountId}`)
        this.consent = { accountId, cloudIds: cloudIds ? [...cloudIds] : null }
    }

    /** §5 [I]: Jira CAPTCHA lock for a user (Basic auth answers 403 CAPTCHA_CHALLENGE). */
    setCaptcha(email: string, on: boolean): void {
        if (on) this.captchaUsers.add(email.toLowerCase())
        else this.captchaUsers.delete(email.toLowerCase())
    }

    failedBasicAttempts(email: string): number {
        return this.failedBasic.get(email.toLowerCase()) ?? 0
    }

    // ------------------------------------------------------------------ token families

    grantTokens(g: GrantRequest): IssuedTokens {
        if (!this.apps.has(g.clientId)) throw new Error(`grantTokens: unknown app ${g.clientId}`)
        if (!this.users.has(g.accountId)) throw new Error(`grantTokens: unknown user ${g.accountId}`)
        return this.newFamily(
            g.clientId,
            g.accountId,
            g.scopes,
            g.cloudIds,
            g.audience === undefined ? API_AUDIENCE : g.audience
        )
    }

    private newFamily(
        clientId: string,
        accountId: string,
        scopes: string[],
        cloudIds: string[],
        audience: string | null,
        grant: Family['grant'] = 'authorization_code'
    ): IssuedTokens {
        const family: Family = {
            id: randomToken(12),
            clientId,
            accountId,
            scopes: [...scopes],
            cloudIds: [...cloudIds],
            audience,
            createdAt: this.now(), // §2.4: absolute countdown starts at first consent [C staff]
            revoked: null,
            grant,
            refreshTokens: [],
        }
        this.families.set(family.id, family)
        return this.issue(family)
    }

    private issue(family: Family): IssuedTokens {
        const accessToken = randomToken(48)
        this.access.set(accessToken, {
            familyId: family.id,
            expiresAt: this.now() + this.opts.accessTokenSeconds * 1000,
        })
        let refreshToken: string | null = null
        // §1.2 / §2.1: a refresh token is returned only when offline_access was granted [C].
        // Client credentials never returns a refresh token: the client asks for a new access token instead (RFC 6749
        // §4.4.3 "A refresh token SHOULD NOT be included"; Atlassian: "get the OAuth 2.0 access token valid for 60 minutes").
        if (family.scopes.includes('offline_access') && family.grant === 'authorization_code') {
            refreshToken = randomToken(48)
            this.refresh.set(refreshToken, { familyId: family.id, issuedAt: this.now(), rotatedAt: null })
            family.refreshTokens.push(refreshToken)
        }
        return {
            accessToken,
            refreshToken,
            expiresIn: this.opts.accessTokenSeconds,
            scope: family.scopes.join(' '),
            familyId: family.id,
        }
    }

    expireAccessTokens(): number {
        let n = 0
        for (const rec of this.access.values()) {
            if (rec.expiresAt > this.now()) n++
            rec.expiresAt = Math.min(rec.expiresAt, this.now())
        }
        return n
    }

    /** §2.6: the user revokes the app in Connected apps: nothing of the grant works any more [C]. */
    revokeGrant(accountId: string, clientId: string): number {
        let n = 0
        for (const f of this.families.values()) {
            if (f.accountId === accountId && f.clientId === clientId && f.revoked !== 'grant-revoked') {
                f.revoked = 'grant-revoked'
                n++
            }
        }
        return n
    }

    familyOf(refreshToken: string): string | null {
        return this.refresh.get(refreshToken)?.familyId ?? null
    }

    familyInfo(familyId: string): FamilyInfo | null {
        const f = this.families.get(familyId)
        if (!f) return null
        return {
            familyId: f.id,
            clientId: f.clientId,
            accountId: f.accountId,
            scopes: [...f.scopes],
            cloudIds: [...f.cloudIds],
            createdAt: f.createdAt,
            revoked: f.revoked,
            grant: f.grant,
            refreshTokens: f.refreshTokens.length,
        }
    }

    /** Would this refresh token be accepted right now? No side effects. */
    isRefreshTokenValid(token: string): boolean {
        return this.checkRefresh(token).ok
    }

    isAccessTokenValid(token: string): boolean {
        return this.accessFamily(token) !== null
    }

    private checkRefresh(
        token: string
    ): { ok: true; rec: RefreshRecord; family: Family } | { ok: false; revokeFamily?: Family } {
        const rec = this.refresh.get(token)
        if (!rec) return { ok: false }
        const family = this.families.get(rec.familyId) as Family
        const now = this.now()
        if (family.revoked) return { ok: false }
        // §2.4: absolute expiry of the whole family, not moved by rotation [C ATL-RRT, volatile].
        if (this.opts.absoluteSeconds !== null && now > family.createdAt + this.opts.absoluteSeconds * 1000)
            return { ok: false }
        // §2.4: 90 days of inactivity per token; each rotation issues a token with a fresh 90 days [C].
        if (now > rec.issuedAt + this.opts.inactivitySeconds * 1000) return { ok: false }
        if (rec.rotatedAt !== null && now > rec.rotatedAt + this.opts.reuseLeewaySeconds * 1000) {
            // §2.4: reuse outside the leeway invalidates all refresh tokens of the family [C ATL-RRT].
            return { ok: false, revokeFamily: family }
        }
        return { ok: true, rec, family }
    }

    private accessFamily(token: string): Family | null {
        const rec = this.access.get(token)
        if (!rec || this.now() >= rec.expiresAt) return null
        const family = this.families.get(rec.familyId) as Family
        // Reuse-detection revokes refresh tokens; access tokens already issued stay valid until expiry
        // (Auth0 access tokens are self-contained) [I]. A revoked grant stops everything (§2.6) [C].
        if (family.revoked === 'grant-revoked' || family.revoked === 'credential-revoked') return null
        return family
    }

    // ------------------------------------------------------------------ HTTP dispatch

    /** Which endpoint a request addresses (used for faults and the request log). */
    classify(req: EmuRequest): EmulatorTarget | null {
        const { host, path } = req
        if (host === 'auth.atlassian.com') {
            if (path === '/authorize' || path === '/authorize/consent') return 'authorize'
            if (path === '/oauth/token') return 'token'
            if (path === '/error') return 'error-page'
            return null
        }
        if (host === 'id.atlassian.com') return path === '/error' ? 'error-page' : null
        if (host === 'api.atlassian.com') {
            if (path === '/oauth/token/accessible-resources') return 'accessible-resources'
            if (path === '/me') return 'me'
            const m = /^\/ex\/jira\/[^/]+\/rest\/api\/[23]\/(myself|serverInfo)$/.exec(path)
            if (m) return m[1] as 'myself' | 'serverInfo'
            const j = /^\/ex\/jira\/[^/]+(\/rest\/.*)$/.exec(path)
            return j ? jiraRestTarget(j[1]) || webhookTarget(j[1]) : null
        }
        if (this.siteByHost(host)) {
            if (path === '/_edge/tenant_info') return 'tenant-info'
            const m = /^\/rest\/api\/[23]\/(myself|serverInfo)$/.exec(path)
            if (m) return m[1] === 'myself' ? 'site-myself' : 'site-serverInfo'
            return jiraRestTarget(path) || webhookTarget(path)
        }
        return null
    }

    handle(req: EmuRequest): EmuResponse {
        const target = this.classify(req)
        if (target && JIRA_REST_TARGETS.has(target)) return this.rateLimited(req, target)
        return this.route(req, target)
    }

    private route(req: EmuRequest, target: EmulatorTarget | null): EmuResponse {
        switch (target) {
            case 'authorize':
                return req.path === '/authorize/consent' ? this.consentDecision(req) : this.authorize(req)
            case 'token':
                return this.token(req)
            case 'error-page':
                return this.errorPage(req)
            case 'accessible-resources':
            case 'me':
            case 'myself':
            case 'serverInfo':
                return this.gateway(req, target)
            case 'tenant-info':
            case 'site-myself':
            case 'site-serverInfo':
                return this.site(req, target)
            case 'project-search':
            case 'permissions-check':
            case 'createmeta':
            case 'agile-board':
                return this.jiraApi(req, target)
            case 'webhooks':
            case 'webhook-refresh':
            case 'webhooks-failed':
            case 'admin-webhooks':
                return this.webhookRequest(req, target)
            default:
                return notFound(req)
        }
    }

    /** Every Jira REST answer carries the rate-limit headers; a spent quota answers 429 (rate-limits.ts). */
    private rateLimited(req: EmuRequest, target: EmulatorTarget): EmuResponse {
        const gateway = req.host === 'api.atlassian.com'
        const cloudId = gateway ? req.path.split('/')[3] : (this.siteByHost(req.host)?.cloudId ?? req.host)
        const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
        const family = bearer ? this.accessFamily(bearer[1]) : null
        // Quotas apply to OAuth apps (3LO and service accounts), not to API-token traffic [C rate-limiting page].
        const appKey = family ? family.clientId : null
        const points = target === 'permissions-check' ? this.opts.permissionCheckPoints : 1
        const charge = this.limits.charge(appKey, cloudId, points, this.now())
        if (charge.limited) {
            return json(429, { errorMessages: ['Rate limit exceeded.'], errors: {} }, charge.headers) // body [I]
        }
        const answer = this.route(req, target)
        return { ...answer, headers: { ...charge.headers, ...answer.headers } }
    }

    /** Test control: points used this hour by app `clientId` on `cloudId`. */
    setQuotaUsed(clientId: string, cloudId: string, used: number): void {
        this.limits.setUsed(RateLimits.key(clientId, cloudId), used, this.now())
    }

    /** The caller of a Jira REST call on the gateway or the site URL, or the answer refusing it. */
    private jiraCaller(req: EmuRequest): { caller: Caller; cloudId: string } | { refusal: EmuResponse } {
        if (req.host === 'api.atlassian.com') {
            const principal = this.gatewayPrincipal(req)
            if (!principal) return { refusal: INVALID_TOKEN }
            const cloudId = req.path.split('/')[3]
            if (!this.sites.has(cloudId)) {
                const s = this.opts.unknownCloudIdStatus
                return { refusal: json(s, { code: s, message: s === 404 ? 'Not Found' : 'Forbidden' }) }
            }
            if (!principal.cloudIds.includes(cloudId) || !principal.user.sites.includes(cloudId))
                return { refusal: json(403, { code: 403, message: 'Forbidden' }) }
            const u = principal.user
            return { caller: { accountId: u.accountId, jiraAccess: u.jiraAccess, scopes: principal.scopes }, cloudId }
        }
        const site = this.siteByHost(req.host) as Site
        const basic = parseBasic(req.headers.authorization)
        const user = basic
            ? [...this.users.values()].find((u) => u.email.toLowerCase() === basic.user.toLowerCase())
            : null
        if (!basic || !user || !user.apiTokens.includes(basic.secret)) {
            if (basic) this.failedBasic.set(basic.user.toLowerCase(), this.failedBasicAttempts(basic.user) + 1)
            return {
                refusal: json(
                    401,
                    { message: 'Client must be authenticated to access this resource.', 'status-code': 401 },
                    { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }
                ),
            }
        }
        // A classic API token acts with the account's own rights: no scopes [C].
        return {
            caller: { accountId: user.accountId, jiraAccess: user.jiraAccess, scopes: null },
            cloudId: site.cloudId,
        }
    }

    private jiraApi(
        req: EmuRequest,
        target: 'project-search' | 'permissions-check' | 'createmeta' | 'agile-board'
    ): EmuResponse {
        const wantPost = target === 'permissions-check'
        if (req.method !== (wantPost ? 'POST' : 'GET')) return json(405, { errorMessages: ['Method Not Allowed'] })
        const who = this.jiraCaller(req)
        if ('refusal' in who) return who.refusal
        const { caller, cloudId } = who
        const restPath = req.path.replace(/^\/ex\/jira\/[^/]+/, '')
        let answer: JsonAnswer
        if (target === 'project-search') {
            const keys = (req.queryAll?.keys ?? []).flatMap((k) => k.split(',')).filter(Boolean)
            answer = this.jira.projectSearch(cloudId, caller, keys, req.query)
        } else if (target === 'permissions-check') {
            answer = this.jira.permissionsCheck(cloudId, caller, req.body)
        } else if (target === 'createmeta') {
            const m = /\/issue\/createmeta\/([^/]+)\/issuetypes\/([^/]+)$/.exec(restPath) as RegExpExecArray
            answer = this.jira.createMeta(cloudId, caller, decodeURIComponent(m[1]), decodeURIComponent(m[2]))
        } else {
            answer = this.jira.boards(cloudId, caller, req.query)
        }
        return json(answer.status, answer.body)
    }

    private siteByHost(host: string): Site | null {
        for (const s of this.sites.values()) if (s.host === host) return s
        return null
    }

    // ------------------------------------------------------------------ auth.atlassian.com/authorize

    private errorPageUrl(error: string, description: string): string {
        const q = new URLSearchParams({ error, error_description: description }).toString().replace(/\+/g, '%20')
        return `${this.opts.errorPageBase}/error?${q}`
    }

    private redirectBack(redirectUri: string, params: Record<string, string | undefined>): EmuResponse {
        const url = new URL(redirectUri)
        for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.append(k, v)
        return redirect(url.toString().replace(/\+/g, '%20'))
    }

    private authorize(req: EmuRequest): EmuResponse {
        if (req.method !== 'GET') return notFound(req) // §1.1: "Use the authorization URL in a GET request" [C]
        const q = req.query
        const app = q.client_id ? this.apps.get(q.client_id) : undefined
        if (!app) return redirect(this.errorPageUrl('unauthorized_client', `Unknown client: ${q.client_id ?? ''}`)) // [I]
        const redirectUri = q.redirect_uri ?? ''
        // §1.4 / §8: an unregistered redirect_uri lands on an Atlassian error page, never on the client [R].
        if (!app.callbackUrls.includes(redirectUri)) {
            return redirect(
                this.errorPageUrl('unauthorized_client', `redirect_uri is not registered for client: ${redirectUri}`)
            )
        }
        const state = q.state
        // §1.2: response_type must be code; only the code grant is supported [C]. Error redirect shape [I].
        if (q.response_type !== 'code') {
            return this.redirectBack(redirectUri, {
                error: 'unsupported_response_type',
                error_description: 'Only response_type=code is supported',
                state,
            })
        }
        // §1.3: audience must be api.atlassian.com; failure mode configurable [I].
        const audience = q.audience ?? null
        if (audience !== API_AUDIENCE && this.opts.missingAudience === 'error-page') {
            return redirect(this.errorPageUrl('invalid_request', 'audience must be api.atlassian.com'))
        }
        // §1.2: prompt=consent is documented as required; enforcement is configurable [I].
        if (this.opts.prompt === 'required' && q.prompt !== 'consent') {
            return this.redirectBack(redirectUri, {
                error: 'invalid_request',
                error_description: 'prompt=consent is required',
                state,
            })
        }
        // §1.4: scope problems are shown as text on the consent screen [R].
        const scopes = (q.scope ?? '').split(/\s+/).filter(Boolean)
        if (scopes.length === 0) {
            return html(
                200,
                page(
                    'Something went wrong',
                    '<p id="scope-error">This app has not requested any supported Atlassian scopes. Check the authorization URL for your app and ensure that it includes valid scopes.</p>'
                )
            )
        }
        const missing = scopes.filter((s) => s !== 'offline_access' && !app.scopes.includes(s))
        if (missing.length > 0) {
            return html(
                200,
                page(
                    'Something went wrong',
                    `<p id="scope-error">This app has requested scopes that have not been added to the app. Configure the app at https://developer.atlassian.com/apps and add the following scopes: ${escapeHtml(missing.join(', '))}.</p>`
                )
            )
        }
        if (!this.consent) {
            return html(
                200,
                page('Log in to continue', '<p id="login-required">Log in to continue to your Atlassian account.</p>')
            )
        }
        const user = this.users.get(this.consent.accountId) as User
        const pending: PendingConsent = {
            clientId: app.clientId,
            accountId: user.accountId,
            scopes,
            // Account-level grant: every site of the user, unless the consent picks sites (§1.2) [C].
            cloudIds: this.consent.cloudIds ?? [...user.sites],
            redirectUri,
            state,
            audience,
        }
        if (this.opts.autoConsent) return this.decide(pending, this.opts.autoConsent)
        const txn = randomToken(18)
        this.pending.set(txn, pending)
        const list = scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')
        return html(
            200,
            page(
                'Authorize app',
                `<h1>${escapeHtml(app.clientId)} is requesting access to your Atlassian account</h1>` +
                    `<p>Logged in as ${escapeHtml(user.email)}</p><ul id="scopes">${list}</ul>` +
                    `<form id="consent" method="post" action="/authorize/consent">` +
                    `<input type="hidden" name="txn" value="${txn}">` +
                    `<button type="submit" id="accept" name="decision" value="accept">Accept</button>` +
                    `<button type="submit" id="deny" name="decision" value="deny">Deny</button>` +
                    `</form>`
            )
        )
    }

    private consentDecision(req: EmuRequest): EmuResponse {
        if (req.method !== 'POST') return notFound(req)
        const form = new URLSearchParams(req.body)
        const txn = form.get('txn') ?? ''
        const pending = this.pending.get(txn)
        if (!pending)
            return html(400, page('Something went wrong', '<p>This consent request has expired. Start again.</p>'))
        this.pending.delete(txn)
        const decision = form.get('decision')
        return this.decide(pending, decision === 'accept' ? 'accept' : 'deny')
    }

    private decide(p: PendingConsent, decision: 'accept' | 'deny'): EmuResponse {
        if (decision === 'deny') {
            // §1.4: Cancel/Deny → redirect with access_denied [R atlassian-mcp-server #21].
            return this.redirectBack(p.redirectUri, {
                error: 'access_denied',
                error_description: 'User did not authorize the request',
                state: p.state,
            })
        }
        const code = randomToken(32)
        this.codes.set(code, {
            clientId: p.clientId,
            accountId: p.accountId,
            scopes: p.scopes,
            cloudIds: p.cloudIds,
            redirectUri: p.redirectUri,
            audience: p.audience,
            expiresAt: this.now() + this.opts.codeSeconds * 1000,
            used: false,
        })
        // §1.2: success → redirect with code and the echoed state [C].
        return this.redirectBack(p.redirectUri, { code, state: p.state })
    }

    private errorPage(req: EmuRequest): EmuResponse {
        const error = req.query.error ?? 'unknown_error'
        const description = req.query.error_description ?? ''
        return html(
            200,
            page(
                'Something went wrong',
                `<h1>Something went wrong</h1><p id="error">${escapeHtml(error)}</p><p id="error-description">${escapeHtml(description)}</p>`
            )
        )
    }

    // ------------------------------------------------------------------ auth.atlassian.com/oauth/token

    private token(req: EmuRequest): EmuResponse {
        if (req.method !== 'POST') return notFound(req)
        // §2.2: accept JSON and form bodies [C JSON, R form].
        const ct = (req.headers['content-type'] ?? '').toLowerCase()
        let params: Record<string, string>
        if (ct.includes('application/json')) {
            let parsed: unknown
            try {
                parsed = JSON.parse(req.body)
            } catch {
                return oauthError(400, 'invalid_request', 'Invalid JSON body') // [I]
            }
            if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
                return oauthError(400, 'invalid_request', 'Invalid JSON body')
            params = {}
            for (const [k, v] of Object.entries(parsed as Record<string, unknown>))
                if (v !== null && v !== undefined) params[k] = String(v)
        } else if (ct.includes('application/x-www-form-urlencoded')) {
            params = Object.fromEntries(new URLSearchParams(req.body))
        } else {
            return oauthError(400, 'invalid_request', 'Unsupported content type') // [I]
        }
        // §2.2: client credentials in the body or HTTP Basic (client_secret_basic) [I].
        let clientId = params.client_id
        let clientSecret = params.client_secret
        const basic = parseBasic(req.headers.authorization)
        if (basic && clientId === undefined) {
            clientId = basic.user
            clientSecret = basic.secret
        }
        if (params.grant_type === 'client_credentials') return this.clientCredentials(clientId, clientSecret, params)
        const app = clientId ? this.apps.get(clientId) : undefined
        if (!app) return oauthError(401, 'unauthorized_client', 'Unknown client') // §2.5 [I]
        // §1.5: client_secret is always required; §2.5: wrong secret → 401 access_denied [I, Auth0 convention].
        if (!clientSecret || clientSecret !== app.clientSecret) return oauthError(401, 'access_denied', 'Unauthorized')
        // §1.4: RFC 8707 resource is not supported → invalid_target [R sooperset/mcp-atlassian #1137].
        if (params.resource !== undefined) return oauthError(403, 'invalid_target', 'Incorrect resource parameters')
        switch (params.grant_type) {
            case 'authorization_code':
                return this.exchangeCode(app, params)
            case 'refresh_token':
                return this.exchangeRefresh(app, params)
            case undefined:
                return oauthError(400, 'invalid_request', 'Missing required parameter: grant_type') // [I]
            default:
                return oauthError(403, 'unsupported_grant_type', `Unsupported grant type: ${params.grant_type}`) // §2.5 [I]
        }
    }

    private tokenResponse(t: IssuedTokens): EmuResponse {
        // §2.1 / §8: access_token, token_type Bearer, expires_in 3600, space-separated scope, refresh_token with offline_access.
        const body: Record<string, unknown> = {
            access_token: t.accessToken,
            token_type: 'Bearer',
            expires_in: t.expiresIn,
            scope: t.scope,
        }
        if (t.refreshToken) body.refresh_token = t.refreshToken
        return json(200, body, { 'cache-control': 'no-store' })
    }

    /**
     * Service account, OAuth 2.0 client credentials: "Make a POST request to https://auth.atlassian.com/oauth/token
     * with client_id and client_secret to get the OAuth 2.0 access token valid for 60 minutes"
     * (support.atlassian.com create-oauth-2-0-credential-for-service-accounts). The token carries the scopes fixed on
     * the credential; a `scope` parameter is ignored [I]. No audience parameter is documented for this grant; the token
     * works on api.atlassian.com [C, same page]. Unknown client, wrong secret or a revoked credential: 401
     * invalid_client (RFC 6749 §5.2 [I: Atlassian's body is not documented]). A 3LO app's client id cannot use this
     * grant: 3LO "supports the code grant flow only" [C ATL-3LO] → unsupported_grant_type [I].
     */
    private clientCredentials(
        clientId: string | undefined,
        clientSecret: string | undefined,
        params: Record<string, string>
    ): EmuResponse {
        if (clientId && this.apps.has(clientId) && !this.saCredentials.has(clientId)) {
            return oauthError(403, 'unsupported_grant_type', 'Unsupported grant type: client_credentials')
        }
        const cred = clientId ? this.saCredentials.get(clientId) : undefined
        if (!cred || cred.revoked || !clientSecret || clientSecret !== cred.clientSecret)
            return oauthError(401, 'invalid_client', 'Unauthorized')
        if (params.resource !== undefined) return oauthError(403, 'invalid_target', 'Incorrect resource parameters') // §1.4 [R]
        const user = this.users.get(cred.accountId) as User
        return this.tokenResponse(
            this.newFamily(cred.clientId, cred.accountId, cred.scopes, user.sites, API_AUDIENCE, 'client_credentials')
        )
    }

    private exchangeCode(app: AppRegistration, params: Record<string, string>): EmuResponse {
        const rec = params.code ? this.codes.get(params.code) : undefined
        // Codes are single use and short lived (§8) [I]; description per Auth0 convention (§2.5) [I].
        if (!rec || rec.used || rec.clientId !== app.clientId || this.now() >= rec.expiresAt) {
            return oauthError(403, 'invalid_grant', 'Invalid authorization code')
        }
        rec.used = true
        // §1.6: redirect_uri at the exchange must match the one of the authorization request [C]; 403 invalid_grant [I].
        if (params.redirect_uri !== rec.redirectUri) {
            return oauthError(403, 'invalid_grant', 'redirect_uri does not match the authorization request')
        }
        return this.tokenResponse(this.newFamily(rec.clientId, rec.accountId, rec.scopes, rec.cloudIds, rec.audience))
    }

    private exchangeRefresh(app: AppRegistration, params: Record<string, string>): EmuResponse {
        const invalid = () =>
            // §2.5: documented 403 invalid_grant; optional observed unauthorized_client variant [C / R raycast #11836].
            this.opts.invalidRefreshError === 'unauthorized_client'
                ? oauthError(403, 'unauthorized_client', 'refresh_token is invalid')
                : oauthError(403, 'invalid_grant', 'Unknown or invalid refresh token.')
        const token = params.refresh_token
        if (!token) return invalid()
        const check = this.checkRefresh(token)
        if (!check.ok) {
            if (check.revokeFamily) check.revokeFamily.revoked = 'reuse-after-leeway'
            return invalid()
        }
        if (check.family.clientId !== app.clientId) return invalid()
        // §2.3: a new access + refresh token; the used refresh token is disabled (after the §2.4 leeway) [C].
        if (check.rec.rotatedAt === null) check.rec.rotatedAt = this.now()
        return this.tokenResponse(this.issue(check.family))
    }

    // ------------------------------------------------------------------ api.atlassian.com

    /** The principal of a gateway request: a Bearer access token, or Basic email + scoped API token; null = 401. */
    private gatewayPrincipal(req: EmuRequest): Principal | null {
        const header = req.headers.authorization ?? ''
        const m = /^Bearer\s+(\S+)$/i.exec(header)
        if (m) {
            const family = this.accessFamily(m[1])
            // §1.3 [I]: a token minted without audience=api.atlassian.com is rejected by the gateway with 401.
            if (!family || (family.audience !== API_AUDIENCE && this.opts.missingAudience !== 'accepted')) return null
            return {
                kind: family.grant,
                user: this.users.get(family.accountId) as User,
                scopes: family.scopes,
                cloudIds: family.cloudIds,
                family,
            }
        }
        const basic = parseBasic(header)
        if (basic) {
            // Scoped API tokens work with Basic auth on api.atlassian.com/ex/jira/{cloudId} (support.atlassian.com
            // "Manage API tokens for your Atlassian account": scoped tokens use the api.atlassian.com URL) [C].
            // A classic token is not accepted here [I].
            const key = basic.user.toLowerCase()
            const user = [...this.users.values()].find((u) => u.email.toLowerCase() === key)
            const scoped = user?.scopedApiTokens.find((t) => t.token === basic.secret)
            if (user && scoped)
                return { kind: 'scoped-token', user, scopes: scoped.scopes, cloudIds: user.sites, family: null }
            this.failedBasic.set(key, (this.failedBasic.get(key) ?? 0) + 1)
        }
        return null
    }

    private gateway(req: EmuRequest, target: 'accessible-resources' | 'me' | 'myself' | 'serverInfo'): EmuResponse {
        if (req.method !== 'GET') return json(405, { code: 405, message: 'Method Not Allowed' })
        const principal = this.gatewayPrincipal(req)
        if (!principal) return INVALID_TOKEN
        const user = principal.user
        if (target === 'accessible-resources') {
            // Scoped API tokens: reported 401 (simstudioai/sim#4432 review) [R]; client credentials: undocumented,
            // default 401 (option serviceAccountAccessibleResources) [I].
            if (principal.kind === 'scoped-token') return INVALID_TOKEN
            if (
                principal.kind === 'client_credentials' &&
                this.opts.serviceAccountAccessibleResources === 'unauthorized'
            )
                return INVALID_TOKEN
            // §3: [{id,name,url,scopes,avatarUrl}] for the grant's sites; offline_access never appears in site scopes [C].
            const siteScopes = principal.scopes.filter((s) => !NON_SITE_SCOPES.has(s))
            const list = principal.cloudIds
                .map((id) => this.sites.get(id))
                .filter((s): s is Site => !!s && user.sites.includes(s.cloudId))
                .map((s) => ({
                    id: s.cloudId,
                    name: s.name,
                    url: `https://${s.host}`,
                    scopes: siteScopes,
                    avatarUrl: s.avatarUrl,
                }))
            return json(200, list)
        }
        if (target === 'me') {
            // §3: /me needs read:me [C]; response fields [C]. Only for 3LO user tokens here [I].
            if (principal.kind !== 'authorization_code') return INVALID_TOKEN
            if (!principal.scopes.includes('read:me')) return SCOPE_MISMATCH
            return json(200, {
                account_type: 'atlassian',
                account_id: user.accountId,
                email: user.email,
                name: user.displayName,
                picture: 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default.png',
                account_status: 'active',
                nickname: user.displayName.split(' ')[0],
                zoneinfo: 'Etc/UTC',
                locale: 'en-US',
                extended_profile: { job_title: null, organization: null, department: null, location: null },
            })
        }
        const [, , , cloudId, , , version] = req.path.split('/') // ['', 'ex', 'jira', id, 'rest', 'api', v, op]
        const site = this.sites.get(cloudId)
        if (!site) {
            // §4.4: unknown cloudId → 404 {"code":404,"message":"Not Found"} by default, configurable [I].
            const s = this.opts.unknownCloudIdStatus
            return json(s, { code: s, message: s === 404 ? 'Not Found' : s === 403 ? 'Forbidden' : 'Unauthorized' })
        }
        // §4.4: a site the grant does not cover answers 403 [R community note]; for a service account, a site where it
        // has no role ("The service account can only reach the sites and apps you give it a role on", support.atlassian.com
        // "Authenticate with a service account") [C wording, 403 I].
        if (!principal.cloudIds.includes(cloudId) || !user.sites.includes(cloudId))
            return json(403, { code: 403, message: 'Forbidden' })
        // No Jira product access on the site: Jira refuses the valid token [I: status and body].
        if (!user.jiraAccess) {
            return json(403, {
                errorMessages: ['You do not have access to Jira on this site. Ask your site admin for Jira access.'],
                errors: {},
            })
        }
        if (target === 'myself') {
            // §4.2 / §6.4: classic read:jira-user or the granular set, all-of [C / R].
            const ok =
                principal.scopes.includes('read:jira-user') ||
                MYSELF_GRANULAR.every((s) => principal.scopes.includes(s))
            if (!ok) return SCOPE_MISMATCH
            return json(200, myselfBody(user, site, version))
        }
        const body = serverInfoBody(site, this.now())
        // Since 2026-07-14 some REST bodies carry gateway-form URLs (Adaptavist deprecation notices) [R]; switchable.
        if (this.opts.serverInfoBaseUrl === 'gateway')
            body.baseUrl = `https://api.atlassian.com/ex/jira/${site.cloudId}`
        return json(200, body) // §4.3: any scope [C SN-JIRA]
    }

    // ------------------------------------------------------------------ webhooks (webhooks.ts)

    /** Resolves the caller (gateway token or scoped token; classic token on the site URL), then webhooks.ts answers. */
    private webhookRequest(
        req: EmuRequest,
        target: 'webhooks' | 'webhook-refresh' | 'webhooks-failed' | 'admin-webhooks'
    ): EmuResponse {
        let caller: WebhookCaller | null = null
        let site: Site | null = null
        if (req.host === 'api.atlassian.com') {
            const principal = this.gatewayPrincipal(req)
            if (!principal) return INVALID_TOKEN
            site = this.sites.get(req.path.split('/')[3]) ?? null
            if (!site) return json(404, { code: 404, message: 'Not Found' })
            if (!principal.cloudIds.includes(site.cloudId) || !principal.user.sites.includes(site.cloudId))
                return json(403, { code: 403, message: 'Forbidden' })
            caller = {
                kind: principal.kind,
                accountId: principal.user.accountId,
                clientId:
                    principal.kind === 'authorization_code' && principal.family ? principal.family.clientId : null,
                scopes: principal.scopes,
                cloudId: site.cloudId,
            }
        } else {
            site = this.siteByHost(req.host) as Site
            const basic = parseBasic(req.headers.authorization)
            const user = basic
                ? [...this.users.values()].find((u) => u.email.toLowerCase() === basic.user.toLowerCase())
                : undefined
            if (!basic || !user || !user.apiTokens.includes(basic.secret)) {
                return json(401, {
                    message: 'Client must be authenticated to access this resource.',
                    'status-code': 401,
                })
            }
            caller = {
                kind: 'classic-token',
                accountId: user.accountId,
                clientId: null,
                scopes: [],
                cloudId: site.cloudId,
            }
        }
        if (target === 'admin-webhooks') return this.webhooks.adminEndpoint(req, caller, `https://${site.host}`)
        const op = target === 'webhooks' ? 'webhook' : target === 'webhook-refresh' ? 'refresh' : 'failed'
        return this.webhooks.dynamicEndpoint(req, caller, op)
    }

    // ------------------------------------------------------------------ <site>.atlassian.net

    private site(req: EmuRequest, target: 'tenant-info' | 'site-myself' | 'site-serverInfo'): EmuResponse {
        const site = this.siteByHost(req.host) as Site
        if (req.method !== 'GET') return json(405, { errorMessages: ['Method Not Allowed'], errors: {} })
        // §5: tenant_info is unauthenticated and returns {"cloudId":...} [C].
        if (target === 'tenant-info') return json(200, { cloudId: site.cloudId })
        const version = req.path.split('/')[3]
        const basic = parseBasic(req.headers.authorization)
        let outcome: 'anonymous' | 'ok' | 'bad' | 'password' | 'captcha' = 'anonymous'
        let user: User | undefined
        if (basic) {
            const key = basic.user.toLowerCase()
            user = [...this.users.values()].find((u) => u.email.toLowerCase() === key)
            if (this.captchaUsers.has(key)) outcome = 'captcha'
            else if (user && user.apiTokens.includes(basic.secret)) outcome = 'ok'
            else if (user && user.password !== null && basic.secret === user.password) outcome = 'password'
            // A scoped API token on the site URL is a failed login: 401 (Atlassian KB "401 unauthorized error when a
            // service account accesses Jira or Confluence API"; scoped tokens need api.atlassian.com) [C].
            else outcome = 'bad'
            if (outcome !== 'ok') this.failedBasic.set(key, (this.failedBasic.get(key) ?? 0) + 1)
        }
        if (outcome === 'captcha') {
            // §5: CAPTCHA lock → 403 + X-Authentication-Denied-Reason [C for DC; I for Cloud].
            return json(
                403,
                { errorMessages: ['CAPTCHA_CHALLENGE'], errors: {} },
                {
                    'x-seraph-loginreason': 'AUTHENTICATION_DENIED',
                    'x-authentication-denied-reason': `CAPTCHA_CHALLENGE; login-url=https://${site.host}/login.jsp`,
                }
            )
        }
        if (outcome === 'password') {
            // §5: password instead of an API token → 401 deprecation text [R elastic/integrations #3684].
            return {
                status: 401,
                headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' },
                body: 'Basic authentication with passwords is deprecated. For more information, see: https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/',
            }
        }
        if (target === 'site-serverInfo') {
            // §4.3 / §5: serverInfo is anonymous: bad credentials still get 200, flagged only by the header [R KB2942093].
            const headers: Record<string, string> = {}
            if (outcome === 'ok') headers['x-seraph-loginreason'] = 'OK'
            if (outcome === 'bad') headers['x-seraph-loginreason'] = 'AUTHENTICATED_FAILED'
            return json(200, serverInfoBody(site, this.now()), headers)
        }
        if (outcome === 'ok')
            return json(200, myselfBody(user as User, site, version), { 'x-seraph-loginreason': 'OK' })
        if (outcome === 'bad') {
            // §5: bad token on /myself → 401 + AUTHENTICATED_FAILED [R node-jira-client #255, gajira-login #59].
            // gajira-login #59 shows a www-authenticate header on this 401; its value is not quoted anywhere [I].
            return json(
                401,
                { message: 'Client must be authenticated to access this resource.', 'status-code': 401 },
                {
                    'x-seraph-loginreason': 'AUTHENTICATED_FAILED',
                    'www-authenticate': 'OAuth realm="https%3A%2F%2F' + site.host + '"',
                }
            )
        }
        // §4.4: anonymous on a protected site endpoint → Jira envelope 401 [R tenable #165].
        return json(401, {
            errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
            errors: {},
        })
    }
}

const JIRA_REST_TARGETS = new Set<EmulatorTarget>([
    'myself',
    'serverInfo',
    'site-myself',
    'site-serverInfo',
    'project-search',
    'permissions-check',
    'createmeta',
    'agile-board',
    // Webhook endpoints are Jira REST endpoints like the others: same headers, same quota [C rate-limiting page:
    // the headers are on every REST API answer].
    'webhooks',
    'webhook-refresh',
    'webhooks-failed',
    'admin-webhooks',
])

/** The jira-projects.ts endpoint a Jira REST path (after the gateway prefix or on the site) addresses. */
function jiraRestTarget(restPath: string): EmulatorTarget | null {
    if (/^\/rest\/api\/[23]\/project\/search$/.test(restPath)) return 'project-search'
    if (/^\/rest\/api\/[23]\/permissions\/check$/.test(restPath)) return 'permissions-check'
    if (/^\/rest\/api\/[23]\/issue\/createmeta\/[^/]+\/issuetypes\/[^/]+$/.test(restPath)) return 'createmeta'
    if (/^\/rest\/agile\/1\.0\/board$/.test(restPath)) return 'agile-board'
    return null
}

/** Webhook endpoints under a Jira base path (gateway prefix removed). */
function webhookTarget(path: string): EmulatorTarget | null {
    if (/^\/rest\/api\/[23]\/webhook$/.test(path)) return 'webhooks'
    if (/^\/rest\/api\/[23]\/webhook\/refresh$/.test(path)) return 'webhook-refresh'
    if (/^\/rest\/api\/[23]\/webhook\/failed$/.test(path)) return 'webhooks-failed'
    if (path === '/rest/webhooks/1.0/webhook') return 'admin-webhooks'
    return null
}

function notFound(req: EmuRequest): EmuResponse {
    if (req.host === 'api.atlassian.com') return json(404, { code: 404, message: 'Not Found' })
    return json(404, { errorMessages: ['Not Found'], errors: {} })
}

export function parseBasic(header: string | undefined): { user: string; secret: string } | null {
    const m = /^Basic\s+(\S+)$/i.exec(header ?? '')
    if (!m) return null
    const decoded = Buffer.from(m[1], 'base64').toString('utf8')
    const i = decoded.indexOf(':')
    if (i < 0) return null
    return { user: decoded.slice(0, i), secret: decoded.slice(i + 1) }
}

/** §4.2: /myself shape (official sample via prismatic.io) [R]; emailAddress hidden by privacy settings [C]. */
function myselfBody(user: User, site: Site, version: string): Record<string, unknown> {
    const body: Record<string, unknown> = {
        self: `https://${site.host}/rest/api/${version}/user?accountId=${user.accountId}`,
        accountId: user.accountId,
        accountType: user.accountType, // 'app' for service accounts (Jira REST: accountType atlassian | app | customer)
        avatarUrls: {
            '48x48': 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default/48',
            '24x24': 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default/24',
            '16x16': 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default/16',
            '32x32': 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default/32',
        },
        displayName: user.displayName,
        active: true,
        timeZone: 'Etc/UTC',
        locale: 'en_US',
    }
    if (user.emailVisible) body.emailAddress = user.email
    return body
}

/** §4.3: serverInfo fields; deploymentType is always Cloud; baseUrl is the site URL [C]. */
function serverInfoBody(site: Site, now: number): Record<string, unknown> {
    const t = new Date(now).toISOString().replace('Z', '+0000')
    return {
        baseUrl: `https://${site.host}`,
        displayUrl: `https://${site.host}`,
        version: '1001.0.0-SNAPSHOT',
        versionNumbers: [1001, 0, 0],
        deploymentType: 'Cloud',
        buildNumber: 100282,
        buildDate: '2026-09-01T00:00:00.000+0000',
        serverTime: t,
        scmInfo: '1f51473f5c7b75c1a69a0090f4832cdc5053702a',
        serverTitle: site.name,
        defaultLocale: { locale: 'en_US' },
        serverTimeZone: 'Etc/UTC',
    }
}
