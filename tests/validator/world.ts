/**
 * A healthy Jira Cloud setup on both sides, for validator scenarios: the Atlassian emulator (app, two sites, a user
 * with an API token) and an in-memory instance configured like the shipped records with the admin's steps done
 * (client id/secret pasted, cloud id set, Get OAuth Token done). Each scenario breaks one thing.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { startAtlassianEmulator, type AtlassianEmulator } from '../harness/atlassian-emulator'
import { createLoopbackNetwork, routeAtlassian, type LoopbackNetwork } from '../harness/net'
import { InMemoryConfig, InMemoryTokenStore, RealClock, type InstanceState } from '../harness/node-platform/in-memory-platform'
import { REQUIRED_JIRA_SCOPES } from '../../src/server/core/jira-scopes'
import { formMessages, reportText } from '../../src/server/core/format'
import type { ValidationReport } from '../../src/server/core/report'
import { validate } from '../../src/server/core/validator'

export const INSTANCE_URL = 'https://dev12345.service-now.com'
export const APP = { clientId: 'jcc-test-client-id-7f3a', clientSecret: 'jcc-client-secret-S3cr3t-9b1e4d7a2c' }
export const SITE = { cloudId: '1324a887-45db-1bf4-1e99-ef0ff456d421', name: 'Acme', host: 'acme.atlassian.net' }
export const OTHER_SITE = { cloudId: '8594f221-9797-5f78-1fa4-485e198d7cd0', name: 'Globex', host: 'globex.atlassian.net' }
export const USER = { accountId: '5b10a2844c20165700ede21g', email: 'jira.admin@acme.example', displayName: 'Ada Admin' }
export const API_TOKEN = 'ATATT3xFfGF0T4kqWcJr7nY2pLmQ8vZsXbN1eHdKoU6iRt9aSg'

export const IDS = {
    alias: 'a11a5000000000000000000000000001',
    oauthConnection: 'c0aa0000000000000000000000000001',
    basicConnection: 'c0bb0000000000000000000000000002',
    oauthCredential: 'cced0000000000000000000000000001',
    basicCredential: 'cced0000000000000000000000000002',
    profile: 'd0f10000000000000000000000000001',
    registry: 'e0e10000000000000000000000000001',
    script: 'f5c10000000000000000000000000001',
}

/** The OAuth API script exactly as shipped. */
const API_SCRIPT = fs.readFileSync(path.join(__dirname, '../../src/fluent/oauth/oauth-jira-cloud-util.server.js'), 'utf8')

export function healthyState(): InstanceState {
    return {
        instanceUrl: INSTANCE_URL,
        properties: {},
        aliases: [
            { sysId: IDS.alias, id: 'x_jira_connect.Jira', name: 'Jira', parentSysId: null, multipleConnections: false, attributeDefaults: { api_version: '2', server_type: 'cloud' } },
        ],
        connections: [
            { sysId: IDS.oauthConnection, name: 'Jira Cloud OAuth Connection', table: 'http_connection', active: true, url: `https://api.atlassian.com/ex/jira/${SITE.cloudId}`, aliasSysId: IDS.alias, credentialSysId: IDS.oauthCredential, attributes: {} },
            { sysId: IDS.basicConnection, name: 'Jira Cloud Basic Connection', table: 'http_connection', active: false, url: `https://${SITE.host}`, aliasSysId: IDS.alias, credentialSysId: IDS.basicCredential, attributes: {} },
        ],
        credentials: [
            { kind: 'oauth2', sysId: IDS.oauthCredential, name: 'Jira Cloud OAuth Credential', table: 'oauth_2_0_credentials', active: true, profileSysId: IDS.profile },
            { kind: 'basic', sysId: IDS.basicCredential, name: 'Jira Cloud Basic Credential', table: 'basic_auth_credentials', active: true, userName: '', hasPassword: false },
        ],
        profiles: [{ sysId: IDS.profile, name: 'Jira OAuth Profile', registrySysId: IDS.registry, grantType: 'authorization_code', isDefault: true, scopes: [...REQUIRED_JIRA_SCOPES] }],
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
                apiScript: { sysId: IDS.script, name: 'OAuthJiraCloudUtil', active: true, script: API_SCRIPT, scope: 'x_jira_connect' },
            },
        ],
        registrySecrets: { [IDS.registry]: { ...APP } },
        basicSecrets: { [IDS.basicCredential]: { userName: USER.email, password: API_TOKEN } },
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
    /** Seeds a fresh grant and stores it against the OAuth credential, as Get OAuth Token does. */
    getOAuthToken(scopes?: string[], cloudIds?: string[]): { accessToken: string; refreshToken: string | null }
    run(table?: string, sysId?: string): ValidationReport
    /** Makes the basic connection the active one (and deactivates OAuth). */
    useBasic(): void
    /**
     * The instance cannot apply credentials to requests (on an instance: StandardCredentialsProvider or the OAuth
     * token read fails in the HTTP adapter, e.g. without the cross-scope privilege); every request then fails with
     * auth_unavailable before anything is sent.
     */
    credentialsUnreadable: boolean
    close(): Promise<void>
}

export async function startWorld(): Promise<World> {
    const emu = await startAtlassianEmulator()
    emu.registerApp({ ...APP, callbackUrls: [`${INSTANCE_URL}/oauth_redirect.do`], scopes: REQUIRED_JIRA_SCOPES.filter((s) => s !== 'offline_access') })
    emu.addSite(SITE)
    emu.addSite(OTHER_SITE)
    emu.addUser({ ...USER, apiTokens: [API_TOKEN], password: 'correct horse battery staple', sites: [SITE.cloudId, OTHER_SITE.cloudId] })
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
        getOAuthToken(scopes = [...REQUIRED_JIRA_SCOPES], cloudIds = [SITE.cloudId]) {
            const t = emu.grantTokens({ clientId: APP.clientId, accountId: USER.accountId, scopes, cloudIds })
            const now = platformNow()
            tokens.put(IDS.oauthCredential, IDS.profile, {
                accessToken: t.accessToken,
                accessExpiresAtMs: now + t.expiresIn * 1000,
                refreshToken: t.refreshToken,
                refreshExpiresAtMs: t.refreshToken ? now + 7776000 * 1000 : null,
            })
            return { accessToken: t.accessToken, refreshToken: t.refreshToken }
        },
        run(table = 'sys_alias', sysId = IDS.alias) {
            const http = net.httpPort((a) => (world.credentialsUnreadable ? null : tokens.authorize(a)))
            const report = validate({ table, sysId }, { config: new InMemoryConfig(state), tokens, http, clock })
            observe(report)
            return report
        },
        credentialsUnreadable: false,
        useBasic() {
            for (const c of state.connections) c.active = c.sysId === IDS.basicConnection
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
}

export const observed: Observed[] = []

export function observe(report: ValidationReport): void {
    observed.push({ checks: report.checks.map(({ id, status, code }) => ({ id, status, code })), calls: report.calls })
}

/** Everything the admin sees or we store for a report. */
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
