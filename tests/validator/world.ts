/**
 * A healthy Jira Cloud setup on both sides, for validator scenarios: the Atlassian emulator (app, two sites, a user
 * with an API token) and an in-memory instance configured like the shipped records with the admin's steps done
 * (client id/secret pasted, cloud id set, Get OAuth Token done). Each scenario breaks one thing.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { startAtlassianEmulator, type AtlassianEmulator } from '../../harness/atlassian-emulator'
import { createLoopbackNetwork, routeAtlassian, type LoopbackNetwork } from '../../harness/net'
import {
    InMemoryConfig,
    InMemoryTokenStore,
    RealClock,
    type InstanceState,
} from '../../harness/node-platform/in-memory-platform'
import { InMemoryRealPath, type RealPathState } from '../../harness/node-platform/in-memory-real-path'
import type { RegistryRecord, TriggerRecord } from '../../src/server/core/spoke-inbound'
import { InMemorySpokeInbound, type SpokeInboundState } from '../../harness/node-platform/in-memory-spoke-inbound'
import { REQUIRED_JIRA_SCOPES, SERVICE_ACCOUNT_SCOPES } from '../../src/server/core/jira-scopes'
import { formMessages, reportText } from '../../src/server/core/format'
import type { ValidationReport } from '../../src/server/core/report'
import { validate, type ValidateOptions } from '../../src/server/core/validator'

export const INSTANCE_URL = 'https://dev12345.service-now.com'
export const APP = { clientId: 'jcc-test-client-id-7f3a', clientSecret: 'jcc-client-secret-S3cr3t-9b1e4d7a2c' }
export const SITE = { cloudId: '1324a887-45db-1bf4-1e99-ef0ff456d421', name: 'Acme', host: 'acme.atlassian.net' }
export const OTHER_SITE = {
    cloudId: '8594f221-9797-5f78-1fa4-485e198d7cd0',
    name: 'Globex',
    host: 'globex.atlassian.net',
}
export const USER = {
    accountId: '5b10a2844c20165700ede21g',
    email: 'jira.admin@acme.example',
    displayName: 'Ada Admin',
}
export const API_TOKEN = 'ATATT3xFfGF0T4kqWcJr7nY2pLmQ8vZsXbN1eHdKoU6iRt9aSg'
/** The Atlassian service account (accountType app), its OAuth 2.0 credential and a scoped API token it owns. */
export const SA = {
    accountId: '712020:5f6e7d8c-1111-4222-8333-944455556666',
    email: 'servicenow-jira@serviceaccount.atlassian.com',
    displayName: 'ServiceNow integration',
    clientId: 'sa-client-id-0c9d8e7f',
    clientSecret: 'sa-client-secret-Q2w3E4r5T6y7U8i9',
    scopedToken: 'ATATT3xScopedSrvAcctTok3nZ9y8X7w6V5u4T3s2R1q0P',
}

export const IDS = {
    alias: 'a11a5000000000000000000000000001',
    oauthConnection: 'c0aa0000000000000000000000000001',
    basicConnection: 'c0bb0000000000000000000000000002',
    oauthCredential: 'cced0000000000000000000000000001',
    basicCredential: 'cced0000000000000000000000000002',
    profile: 'd0f10000000000000000000000000001',
    registry: 'e0e10000000000000000000000000001',
    script: 'f5c10000000000000000000000000001',
    saConnection: 'c0cc0000000000000000000000000003',
    saCredential: 'cced0000000000000000000000000003',
    saProfile: 'd0f10000000000000000000000000002',
    saRegistry: 'e0e10000000000000000000000000002',
    scopedConnection: 'c0dd0000000000000000000000000004',
    scopedCredential: 'cced0000000000000000000000000004',
}

/** The OAuth API script exactly as shipped. */
const API_SCRIPT = fs.readFileSync(
    path.join(__dirname, '../../src/fluent/oauth/oauth-jira-cloud-util.server.js'),
    'utf8'
)

export function healthyState(): InstanceState {
    return {
        instanceUrl: INSTANCE_URL,
        properties: {},
        aliases: [
            {
                sysId: IDS.alias,
                id: 'x_jira_connect.Jira',
                name: 'Jira',
                parentSysId: null,
                multipleConnections: false,
                attributeDefaults: { api_version: '2', server_type: 'cloud' },
            },
        ],
        connections: [
            {
                sysId: IDS.oauthConnection,
                name: 'Jira Cloud OAuth Connection',
                table: 'http_connection',
                active: true,
                url: `https://api.atlassian.com/ex/jira/${SITE.cloudId}`,
                aliasSysId: IDS.alias,
                credentialSysId: IDS.oauthCredential,
                attributes: {},
            },
            {
                sysId: IDS.basicConnection,
                name: 'Jira Cloud Basic Connection',
                table: 'http_connection',
                active: false,
                url: `https://${SITE.host}`,
                aliasSysId: IDS.alias,
                credentialSysId: IDS.basicCredential,
                attributes: {},
            },
            {
                sysId: IDS.saConnection,
                name: 'Jira Cloud Service Account Connection',
                table: 'http_connection',
                active: false,
                url: `https://api.atlassian.com/ex/jira/${SITE.cloudId}`,
                aliasSysId: IDS.alias,
                credentialSysId: IDS.saCredential,
                attributes: {},
            },
            {
                sysId: IDS.scopedConnection,
                name: 'Jira Cloud Scoped Token Connection',
                table: 'http_connection',
                active: false,
                url: `https://api.atlassian.com/ex/jira/${SITE.cloudId}`,
                aliasSysId: IDS.alias,
                credentialSysId: IDS.scopedCredential,
                attributes: {},
            },
        ],
        credentials: [
            {
                kind: 'oauth2',
                sysId: IDS.oauthCredential,
                name: 'Jira Cloud OAuth Credential',
                table: 'oauth_2_0_credentials',
                active: true,
                profileSysId: IDS.profile,
            },
            {
                kind: 'basic',
                sysId: IDS.basicCredential,
                name: 'Jira Cloud Basic Credential',
                table: 'basic_auth_credentials',
                active: true,
                userName: '',
                hasPassword: false,
            },
            // Inactive until a scenario uses them (useServiceAccount / useScopedToken), so runs over every credential
            // (the health check) see the 3LO and basic ones only.
            {
                kind: 'oauth2',
                sysId: IDS.saCredential,
                name: 'Jira Cloud Service Account Credential',
                table: 'oauth_2_0_credentials',
                active: false,
                profileSysId: IDS.saProfile,
            },
            {
                kind: 'basic',
                sysId: IDS.scopedCredential,
                name: 'Jira Cloud Scoped Token Credential',
                table: 'basic_auth_credentials',
                active: false,
                userName: SA.email,
                hasPassword: true,
            },
        ],
        profiles: [
            {
                sysId: IDS.profile,
                name: 'Jira OAuth Profile',
                registrySysId: IDS.registry,
                grantType: 'authorization_code',
                isDefault: true,
                scopes: [...REQUIRED_JIRA_SCOPES],
            },
            // The shipped service-account profile: two scope records, each a space-separated list.
            {
                sysId: IDS.saProfile,
                name: 'Jira Service Account Profile',
                registrySysId: IDS.saRegistry,
                grantType: 'client_credentials',
                isDefault: true,
                scopes: [SERVICE_ACCOUNT_SCOPES.slice(0, 6).join(' '), SERVICE_ACCOUNT_SCOPES.slice(6).join(' ')],
            },
        ],
        registries: [
            {
                sysId: IDS.registry,
                name: 'Jira Cloud OAuth',
                active: true,
                type: 'oauth_provider',
                defaultGrantType: 'authorization_code',
                hasClientId: true,
                hasClientSecret: true,
                authUrl: 'https://auth.atlassian.com/authorize',
                tokenUrl: 'https://auth.atlassian.com/oauth/token',
                refreshTokenUrl: 'https://auth.atlassian.com/oauth/token',
                redirectUrl: `${INSTANCE_URL}/oauth_redirect.do`,
                apiScript: {
                    sysId: IDS.script,
                    name: 'OAuthJiraCloudUtil',
                    active: true,
                    script: API_SCRIPT,
                    scope: 'x_jira_connect',
                },
            },
            {
                sysId: IDS.saRegistry,
                name: 'Jira Cloud Service Account',
                active: true,
                type: 'oauth_provider',
                defaultGrantType: 'client_credentials',
                hasClientId: true,
                hasClientSecret: true,
                authUrl: '',
                tokenUrl: 'https://auth.atlassian.com/oauth/token',
                refreshTokenUrl: '',
                redirectUrl: '',
                apiScript: null,
            },
        ],
        registrySecrets: {
            [IDS.registry]: { ...APP },
            [IDS.saRegistry]: { clientId: SA.clientId, clientSecret: SA.clientSecret },
        },
        basicSecrets: {
            [IDS.basicCredential]: { userName: USER.email, password: API_TOKEN },
            [IDS.scopedCredential]: { userName: SA.email, password: SA.scopedToken },
        },
    }
}

export interface World {
    emu: AtlassianEmulator
    net: LoopbackNetwork
    state: InstanceState
    tokens: InMemoryTokenStore
    clock: RealClock
    /** Platform clock offset (ms) added by advance(). */
    advance(ms: number): void
    /**
     * Seeds a fresh grant and stores it against the OAuth credential, as Get OAuth Token does. grant.audience null:
     * the authorization request lacked audience=api.atlassian.com (the gateway then refuses the token).
     */
    getOAuthToken(
        scopes?: string[],
        cloudIds?: string[],
        grant?: { audience?: null }
    ): { accessToken: string; refreshToken: string | null }
    run(table?: string, sysId?: string, options?: ValidateOptions): ValidationReport
    /** Makes the basic connection the active one (and deactivates OAuth). */
    useBasic(): void
    /** Makes the service-account connection the only active one. */
    useServiceAccount(): void
    /** Makes the scoped-API-token connection (Basic auth on the gateway URL) the only active one. */
    useScopedToken(): void
    /** Get OAuth Token on the service-account credential: a client-credentials request to the emulator, stored. */
    getServiceAccountToken(): void
    /**
     * The instance cannot apply credentials to requests (on an instance: StandardCredentialsProvider or the OAuth
     * token read fails in the HTTP adapter, e.g. without the cross-scope privilege); every request then fails with
     * auth_unavailable before anything is sent.
     */
    credentialsUnreadable: boolean
    /** MID settings, MID Servers, the Jira spoke, alias templates (checks/real-path.ts); null: not read (default). */
    realPath: RealPathState | null
    /** The Jira spoke's inbound records (checks/inbound-instance.ts); used only with realPath. */
    spokeInbound: SpokeInboundState | null
    close(): Promise<void>
}

export async function startWorld(): Promise<World> {
    const emu = await startAtlassianEmulator()
    emu.registerApp({
        ...APP,
        callbackUrls: [`${INSTANCE_URL}/oauth_redirect.do`],
        scopes: REQUIRED_JIRA_SCOPES.filter((s) => s !== 'offline_access'),
    })
    emu.addSite(SITE)
    emu.addSite(OTHER_SITE)
    emu.addUser({
        ...USER,
        apiTokens: [API_TOKEN],
        password: 'correct horse battery staple',
        sites: [SITE.cloudId, OTHER_SITE.cloudId],
    })
    emu.addUser({
        accountId: SA.accountId,
        email: SA.email,
        displayName: SA.displayName,
        accountType: 'app',
        sites: [SITE.cloudId],
        scopedApiTokens: [{ token: SA.scopedToken, scopes: [...SERVICE_ACCOUNT_SCOPES] }],
    })
    emu.createServiceAccountCredential({
        clientId: SA.clientId,
        clientSecret: SA.clientSecret,
        accountId: SA.accountId,
        scopes: [...SERVICE_ACCOUNT_SCOPES],
    })
    const net = routeAtlassian(createLoopbackNetwork(), emu.port)
    const state = healthyState()
    let offset = 0
    const platformNow = () => Date.now() + offset
    const tokens = new InMemoryTokenStore(state, net, platformNow)
    const clock = new RealClock()
    const world: World = {
        emu,
        net,
        state,
        tokens,
        clock,
        advance(ms: number) {
            offset += ms
            emu.advanceTime(ms)
        },
        getOAuthToken(scopes = [...REQUIRED_JIRA_SCOPES], cloudIds = [SITE.cloudId], grant = {}) {
            const t = emu.grantTokens({ clientId: APP.clientId, accountId: USER.accountId, scopes, cloudIds, ...grant })
            const now = platformNow()
            tokens.put(IDS.oauthCredential, IDS.profile, {
                accessToken: t.accessToken,
                accessExpiresAtMs: now + t.expiresIn * 1000,
                refreshToken: t.refreshToken,
                refreshExpiresAtMs: t.refreshToken ? now + 7776000 * 1000 : null,
            })
            return { accessToken: t.accessToken, refreshToken: t.refreshToken }
        },
        run(table = 'sys_alias', sysId = IDS.alias, options = {}) {
            const http = net.httpPort((a) => (world.credentialsUnreadable ? null : tokens.authorize(a)))
            const realPath = world.realPath ? new InMemoryRealPath(world.realPath) : undefined
            const spokeInbound = world.spokeInbound ? new InMemorySpokeInbound(world.spokeInbound) : undefined
            const ports = { config: new InMemoryConfig(state), tokens, http, clock, realPath, spokeInbound }
            const report = validate({ table, sysId }, ports, options)
            observe(report)
            return report
        },
        credentialsUnreadable: false,
        realPath: null,
        spokeInbound: null,
        useBasic() {
            for (const c of state.connections) c.active = c.sysId === IDS.basicConnection
        },
        useServiceAccount() {
            for (const c of state.connections) c.active = c.sysId === IDS.saConnection
            for (const c of state.credentials) if (c.sysId === IDS.saCredential) c.active = true
        },
        useScopedToken() {
            for (const c of state.connections) c.active = c.sysId === IDS.scopedConnection
            for (const c of state.credentials) if (c.sysId === IDS.scopedCredential) c.active = true
        },
        getServiceAccountToken() {
            const r = tokens.requestClientCredentials(
                IDS.saCredential,
                IDS.saProfile,
                'Jira Cloud Service Account',
                5000
            )
            if (!r.ok) throw new Error(`test setup: client-credentials token request failed: ${JSON.stringify(r)}`)
            tokens.tokenRequests = 0
            emu.clearRequests()
        },
        async close() {
            await net.close()
            await emu.close()
        },
    }
    return world
}

/** What the catalogue completeness test needs of every report a scenario produced (tests/validator/scenarios.test.ts). */
export interface Observed {
    checks: { id: string; status: string; code: string }[]
    calls: number
    /**
     * The text an admin reads of it: the form messages, the stored run's summary and report text, and each check's
     * title, finding, expectation and fix (the setup page, the Flow action's output and the alert emails use those).
     */
    shown: string[]
}

export const observed: Observed[] = []

export function observe(report: ValidationReport): void {
    const m = formMessages(report)
    const fields = report.checks.map((c) => [c.title, c.found, c.expected, c.fix].join('\n'))
    observed.push({
        checks: report.checks.map(({ id, status, code }) => ({ id, status, code })),
        calls: report.calls,
        shown: [...m.info, ...m.errors, report.summary, reportText(report), ...fields],
    })
}

/** Everything the admin sees or we store for a report. */
/**
 * Registers a dynamic webhook through Jira's REST API with the connection's 3LO token, as the Jira spoke does; returns
 * the id Jira gave it.
 */
export function registerWebhook(w: World, token: string, url: string, jqlFilter = 'project = ACME'): number {
    const r = w.net.request({
        method: 'POST',
        url: `https://api.atlassian.com/ex/jira/${SITE.cloudId}/rest/api/2/webhook`,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ url, webhooks: [{ events: ['jira:issue_updated'], jqlFilter }] }),
        timeoutMs: 3000,
    })
    if (!r.ok || r.status !== 200) throw new Error(`register failed: ${JSON.stringify(r)}`)
    return JSON.parse(r.body).webhookRegistrationResult[0].createdWebhookId
}

export function everythingShown(report: ValidationReport): string {
    const m = formMessages(report)
    return [...m.info, ...m.errors, reportText(report), JSON.stringify(report)].join('\n')
}

export function check(report: ValidationReport, id: string) {
    const c = report.checks.find((x) => x.id === id)
    if (!c) throw new Error(`no check ${id} in: ${report.checks.map((x) => `${x.id}=${x.status}`).join(', ')}`)
    return c
}

/** The first failing check: the one the admin must fix first. */
export function firstFailure(report: ValidationReport) {
    return report.checks.find((c) => c.status === 'fail')
}

/** Asserts the run failed on check `id` with finding `code`, and that its remediation matches `fix`. */
export function expectFail(report: ValidationReport, id: string, code: string, fix: RegExp) {
    expect(report.verdict).toBe('fail')
    const c = check(report, id)
    expect({ id: c.id, status: c.status, code: c.code }).toEqual({ id, status: 'fail', code })
    expect(c.fix).toMatch(fix)
    expect(c.found.length).toBeGreaterThan(10)
    expect(c.expected.length).toBeGreaterThan(3)
    return c
}

/** The Jira spoke's callback path (a registry record's default Path, setup-jira302-webhooks). */
export const SPOKE_CALLBACK_PATH = 'api/sn_jira_spoke/jira_webhook_callbacks/wh_entry'
/** The path of the Jira External Trigger endpoint the scenarios use. */
export const SPOKE_TRIGGER_PATH = 'api/sn_jira_spoke/jira_external_trigger'

/** The instance's real-path state with the Jira spoke installed (6.1.3) or not, nothing else configured. */
export function spokeRealPath(installed: boolean): RealPathState {
    return {
        mid: {},
        mids: [],
        tokenViaMid: [],
        apps: installed ? { sn_jira_spoke: { name: 'Jira Spoke', version: '6.1.3', source: 'sys_store_app' } } : {},
        scripts: [],
        templates: {},
    }
}

/** An active token-based Jira Webhook Registry record with an active token, changed by `extra`. */
export function spokeRegistry(extra: Partial<RegistryRecord> = {}): RegistryRecord {
    return {
        name: 'Jira webhook',
        path: SPOKE_CALLBACK_PATH,
        active: true,
        auth: 'token',
        tokenSet: true,
        token: { name: 'Jira token', active: true, expiresAtMs: null },
        ...extra,
    }
}

/** An active Jira External Trigger endpoint whose run-as user is active and has its role, changed by `extra`. */
export function spokeTrigger(extra: Partial<TriggerRecord> = {}): TriggerRecord {
    return {
        name: 'Jira External Trigger',
        path: SPOKE_TRIGGER_PATH,
        active: true,
        runAsSet: true,
        runAs: { userName: 'jira.webhook', active: true, roles: ['sn_jira_spoke.jira_webhook_user'] },
        requiredRoles: ['sn_jira_spoke.jira_webhook_user'],
        ...extra,
    }
}
