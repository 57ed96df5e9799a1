/**
 * Atlassian emulator (test code only; never shipped). See README.md in this folder.
 *
 *     const emu = await startAtlassianEmulator({ startTimeMs: Date.UTC(2026, 0, 1) })
 *     emu.registerApp({ clientId, clientSecret, callbackUrls, scopes })
 *     ...
 *     await emu.close()
 *
 * The HTTP server runs in a worker thread so that a test may block its own thread in a synchronous HTTP call
 * (harness/net) while the emulator answers. Every control method below is synchronous: it messages the worker
 * and blocks (Atomics.wait) until the worker replies.
 */
import * as path from 'node:path'
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads'
import type {
    AppRegistration,
    EmulatorOptions,
    EmulatorTarget,
    FamilyInfo,
    Fault,
    FaultOptions,
    GrantRequest,
    IssuedTokens,
    LoggedRequest,
    ProjectRegistration,
    ServiceAccountCredential,
    SiteRegistration,
    UserRegistration,
} from './types'
import type { AdminWebhookRegistration, Delivery, DynamicWebhook, WebhookOptions } from './webhooks'

export type * from './types'
export type { AdminWebhookRegistration, Delivery, DynamicWebhook, WebhookOptions } from './webhooks'

/** Every Atlassian host the emulator answers for (besides the registered *.atlassian.net sites). */
export const ATLASSIAN_HOSTS = ['auth.atlassian.com', 'api.atlassian.com', 'id.atlassian.com'] as const

const CONTROL_TIMEOUT_MS = 10000

export class AtlassianEmulator {
    private seq = 0
    private closed = false

    constructor(
        /** 127.0.0.1 port of the emulator's HTTP server. */
        readonly port: number,
        private readonly worker: Worker,
        private readonly control: MessagePort,
        private readonly signal: Int32Array
    ) {}

    private call<T>(method: string, ...args: unknown[]): T {
        if (this.closed) throw new Error(`emulator is closed (${method})`)
        const id = ++this.seq
        this.control.postMessage({ id, method, args })
        const deadline = Date.now() + CONTROL_TIMEOUT_MS
        for (;;) {
            const msg = receiveMessageOnPort(this.control)
            if (msg && msg.message.id === id) {
                const reply = msg.message as { ok: boolean; value?: T; error?: string }
                if (!reply.ok) throw new Error(reply.error)
                return reply.value as T
            }
            if (msg) continue // a stale reply; keep reading
            const left = deadline - Date.now()
            if (left <= 0) throw new Error(`emulator control call ${method} timed out`)
            const seen = Atomics.load(this.signal, 0)
            if (seen !== id) Atomics.wait(this.signal, 0, seen, Math.min(left, 50))
        }
    }

    // ---------------------------------------------------------------- clock

    /** The emulator clock (epoch ms). */
    now(): number {
        return this.call('now')
    }
    /** Move the emulator clock forward; returns the new now(). */
    advanceTime(ms: number): number {
        return this.call('advanceTime', ms)
    }

    // ---------------------------------------------------------------- setup

    /** Change behaviour switches after start (anything of EmulatorOptions except startTimeMs). */
    setOptions(patch: Partial<Omit<EmulatorOptions, 'startTimeMs'>>): void {
        this.call('setOptions', patch)
    }
    registerApp(app: AppRegistration): void {
        this.call('registerApp', app)
    }
    addSite(site: SiteRegistration): void {
        this.call('addSite', site)
    }
    addUser(user: UserRegistration): void {
        this.call('addUser', user)
    }
    /** Who is logged in at /authorize (null: nobody, the login page shows). cloudIds: sites picked on consent (default: all the user's sites). */
    setConsentUser(accountId: string | null, cloudIds?: string[]): void {
        this.call('setConsentUser', accountId, cloudIds)
    }
    /** Shorthand for setOptions({ autoConsent }). */
    setAutoConsent(mode: 'accept' | 'deny' | null): void {
        this.call('setOptions', { autoConsent: mode })
    }
    /** Lock (or unlock) a user's Basic auth behind the CAPTCHA challenge. */
    setCaptcha(email: string, on: boolean): void {
        this.call('setCaptcha', email, on)
    }

    /** Give (or take away) a user's Jira product access on its sites (a service account without an app role). */
    setJiraAccess(accountId: string, on: boolean): void {
        this.call('setJiraAccess', accountId, on)
    }
    /** A service account's OAuth 2.0 credential (client id/secret, scopes fixed at creation). The user must be accountType 'app'. */
    createServiceAccountCredential(credential: ServiceAccountCredential): void {
        this.call('createServiceAccountCredential', credential)
    }
    /** The admin revokes the credential: token requests answer invalid_client and its access tokens stop working. */
    revokeServiceAccountCredential(clientId: string): number {
        return this.call('revokeServiceAccountCredential', clientId)
    }

    // ---------------------------------------------------------------- projects, permissions, quota (jira-projects.ts)

    /** A Jira project on a site (its scheme, roles, issue types and fields). Every site starts with project SUP. */
    addProject(project: ProjectRegistration): void {
        this.call('addProject', project)
    }
    /** The site has no project any more (e.g. a fresh site, or the default SUP removed before adding others). */
    removeProjects(cloudId: string): void {
        this.call('removeProjects', cloudId)
    }
    /** Grant or revoke the global Administer Jira permission of an account on a site. */
    setGlobalPermission(cloudId: string, accountId: string, permission: 'ADMINISTER', on: boolean): void {
        this.call('setGlobalPermission', cloudId, accountId, permission, on)
    }
    /** Points app `clientId` has used this hour on `cloudId` (rate-limits.ts). */
    setQuotaUsed(clientId: string, cloudId: string, used: number): void {
        this.call('setQuotaUsed', clientId, cloudId, used)
    }

    // ---------------------------------------------------------------- tokens

    /** Seed a grant (new token family) without the browser flow. refreshToken is null without offline_access. */
    grantTokens(grant: GrantRequest): IssuedTokens {
        return this.call('grantTokens', grant)
    }
    /** Expire every access token issued so far; returns how many were still valid. */
    expireAccessTokens(): number {
        return this.call('expireAccessTokens')
    }
    /** The user revokes the app: every token of every family of (accountId, clientId) stops working. Returns families revoked. */
    revokeGrant(accountId: string, clientId: string): number {
        return this.call('revokeGrant', accountId, clientId)
    }
    /** Family id of a refresh token, or null if the emulator never issued it. */
    familyOf(refreshToken: string): string | null {
        return this.call('familyOf', refreshToken)
    }
    familyInfo(familyId: string): FamilyInfo | null {
        return this.call('familyInfo', familyId)
    }
    /** Would POST /oauth/token accept this refresh token now? No side effects. */
    isRefreshTokenValid(refreshToken: string): boolean {
        return this.call('isRefreshTokenValid', refreshToken)
    }
    isAccessTokenValid(accessToken: string): boolean {
        return this.call('isAccessTokenValid', accessToken)
    }
    /** Failed Basic-auth attempts (bad token, password, CAPTCHA) against any site, by email. */
    failedBasicAttempts(email: string): number {
        return this.call('failedBasicAttempts', email)
    }

    // ---------------------------------------------------------------- webhooks (webhooks.ts)

    /** Jira's webhooks on the emulated sites: app owner, admins, admin webhooks, events and deliveries. */
    get webhooks() {
        const call = <T>(method: string, ...args: unknown[]) => this.call<T>('webhookCall', method, args)
        return {
            /** The OAuth app's owner and whether it is distributed (developer console > Distribution: Sharing). */
            setAppOwner: (clientId: string, ownerAccountId: string, distributed: boolean) =>
                call<void>('setAppOwner', clientId, ownerAccountId, distributed),
            /** Global permission Administer Jira for a user (admin webhooks need it). */
            setJiraAdmin: (accountId: string, on: boolean) => call<void>('setJiraAdmin', accountId, on),
            registerAdminWebhook: (r: AdminWebhookRegistration) => call<number>('registerAdminWebhook', r),
            setAdminWebhookEnabled: (id: number, on: boolean) => call<void>('setAdminWebhookEnabled', id, on),
            seedDynamicWebhook: (w: Omit<DynamicWebhook, 'id' | 'expiresAt'> & { expiresAt?: number }) =>
                call<number>('seedDynamicWebhook', w),
            setReceiverDown: (urlPrefix: string, down: boolean) => call<void>('setReceiverDown', urlPrefix, down),
            setOptions: (patch: Partial<WebhookOptions>) => call<void>('setOptions', patch),
            dynamicWebhooks: () => call<DynamicWebhook[]>('dynamicWebhooks'),
            /** An issue event on a site: Jira's deliveries for it (and the failed-delivery list grows). */
            fireEvent: (cloudId: string, event: string) => call<Delivery[]>('fireEvent', cloudId, event),
            deliveries: () => call<Delivery[]>('deliveries'),
        }
    }

    // ---------------------------------------------------------------- faults and log

    setFault(target: EmulatorTarget, fault: Fault, options?: FaultOptions): void {
        this.call('setFault', target, fault, options ?? {})
    }
    clearFaults(): void {
        this.call('clearFaults')
    }
    /**
     * The Jira site's IP allowlist by caller address (ip-allowlist.ts): Jira REST calls from any other address get
     * Atlassian's rejection; null turns it off. The instance calls from 127.0.0.1; a simulated MID from its own.
     */
    setIpAllowlist(addresses: string[] | null): void {
        this.call('setIpAllowlist', addresses)
    }
    /** Snapshot of every request received so far, oldest first. */
    get requests(): LoggedRequest[] {
        return this.call('requests')
    }
    /** Requests to one endpoint. */
    requestsTo(target: EmulatorTarget): LoggedRequest[] {
        return this.requests.filter((r) => r.target === target)
    }
    clearRequests(): void {
        this.call('clearRequests')
    }

    /** Stop the server (hung sockets are destroyed) and the worker. */
    async close(): Promise<void> {
        if (this.closed) return
        this.closed = true
        this.control.close()
        await this.worker.terminate()
    }
}

export async function startAtlassianEmulator(options: EmulatorOptions = {}): Promise<AtlassianEmulator> {
    const signal = new Int32Array(new SharedArrayBuffer(4))
    const { port1, port2 } = new MessageChannel()
    const worker = new Worker(path.join(__dirname, 'worker.cjs'), {
        workerData: { options, signal: signal.buffer, port: port2 },
        transferList: [port2],
    })
    const ready = await new Promise<{ ready: boolean; port?: number; error?: string }>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
        worker.once('exit', (code) => reject(new Error(`emulator worker exited with code ${code}`)))
    })
    if (!ready.ready || !ready.port) {
        await worker.terminate()
        throw new Error(`emulator failed to start: ${ready.error}`)
    }
    worker.removeAllListeners('exit')
    worker.removeAllListeners('error')
    worker.on('error', () => undefined) // control calls report a dead worker by timing out
    worker.unref() // a forgotten close() must not keep jest alive
    return new AtlassianEmulator(ready.port, worker, port1, signal)
}
