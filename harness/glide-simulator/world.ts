/**
 * A complete loopback world for end-to-end scenarios and `npm start`: the Atlassian emulator (one registered OAuth
 * app, one Jira site, one user with an API token), the loopback network that sends production Atlassian hosts to it,
 * and a Glide simulator with the built package installed. Secrets are random per world.
 */
import * as crypto from 'node:crypto'
import { type AtlassianEmulator, type EmulatorOptions, startAtlassianEmulator } from '../atlassian-emulator'
import { createLoopbackNetwork, type LoopbackNetwork, routeAtlassian } from '../net'
import { REQUIRED_JIRA_SCOPES, SERVICE_ACCOUNT_SCOPES } from '../../src/server/core/jira-scopes'
import { browseWithHttpClient, type BrowseResult } from './browser-client'
import type { InstallReport, PackageSource } from './install'
import type { PlatformOptions } from './platform-apis'
import { type ApiAnswer, SetupClient } from './setup-client'
import { ADMIN_USER, GlideSimulator, type OAuthFlowResult } from './simulator'

/**
 * The package e2e scenarios install: the zip this jest run built and packed (tests/support/global-setup.cjs).
 * JCC_E2E_DIST_APP=<dist/app dir> points at another build instead (local debugging only).
 */
export function e2eSource(): PackageSource {
    if (process.env.JCC_E2E_DIST_APP && !process.env.CI) return { distAppDir: process.env.JCC_E2E_DIST_APP }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { packageZipPath } = require('../support/artifacts') as typeof import('../support/artifacts')
    return { zipPath: packageZipPath() }
}

export interface WorldIds {
    alias: string
    registry: string
    profile: string
    credential: string
    connection: string
    /** The shipped service-account registry, profile, credential and (inactive) connection. */
    saRegistry: string
    saProfile: string
    saCredential: string
    saConnection: string
}

/** Names of the shipped configuration templates (the alias ships with the service-account one). */
export const TEMPLATE = {
    serviceAccount: 'Jira Cloud: service account (OAuth 2.0 client credentials)',
    scopedToken: 'Jira Cloud: scoped API token (api.atlassian.com)',
    oauth3lo: 'Jira Cloud: OAuth 2.0 (3LO) app',
    legacyToken: 'Jira Cloud: email and classic API token (legacy)',
} as const

/**
 * Every table that holds where the integration points and how it signs in: alias (and its templates), connections,
 * credentials, OAuth registries, profiles and scopes, connection attributes and their values, properties, the OAuth
 * API Script. A Validate, and a health run, must leave each row exactly as it found it (issue 21, part 3).
 */
export const CONFIGURATION_TABLES = [
    'sys_alias',
    'sys_alias_templates',
    'sys_connection',
    'http_connection',
    'discovery_credentials',
    'oauth_2_0_credentials',
    'basic_auth_credentials',
    'oauth_entity',
    'oauth_entity_profile',
    'oauth_entity_profile_scope',
    'oauth_entity_scope',
    'connection_attributes',
    'sys_variable_value',
    'sys_properties',
    'sys_script_include',
] as const

/** The platform's token tables: a Validate changes them only when it refreshed (a call to the token URL). */
export const TOKEN_TABLES = ['oauth_requestor_profile', 'oauth_credential'] as const

/** Thrown when a Validate or a health run changed a configuration record (or a token without a refresh). */
export class ConfigurationChanged extends Error {}

/** Whether a run may change the token tables: only with a call to the token URL, or freely (scheduled jobs). */
type TokenRule = 'unless-refreshed' | 'may-change'

export interface WorldOptions {
    source: PackageSource
    emulator?: EmulatorOptions
    platform?: Partial<PlatformOptions>
    /** false: install without the flow activation now-sdk install runs (the shipped action stays draft). */
    activateFlows?: boolean
}

export class World {
    readonly clientId = `jcc-${crypto.randomBytes(6).toString('hex')}`
    readonly clientSecret = `secret-${crypto.randomBytes(18).toString('base64url')}`
    readonly cloudId = crypto.randomUUID()
    readonly siteHost = 'acme-jcc.atlassian.net'
    readonly accountId = `5b10a2844c20165700ede21g${crypto.randomBytes(4).toString('hex')}`
    readonly email = 'jira.admin@acme.example'
    readonly apiToken = `ATATT3x${crypto.randomBytes(24).toString('base64url')}`
    /** The Atlassian service account (accountType app, Jira access on the site) and its OAuth 2.0 credential. */
    readonly saAccountId = `712020:${crypto.randomUUID()}`
    readonly saEmail = 'servicenow-jira@serviceaccount.atlassian.com'
    readonly saClientId = `sa-${crypto.randomBytes(8).toString('hex')}`
    readonly saClientSecret = `sa-secret-${crypto.randomBytes(18).toString('base64url')}`
    /** A scoped API token of the service account (works only through api.atlassian.com). */
    readonly scopedToken = `ATATT3x${crypto.randomBytes(24).toString('base64url')}`
    ids!: WorldIds
    installReport!: InstallReport

    private constructor(
        readonly emu: AtlassianEmulator,
        readonly network: LoopbackNetwork,
        readonly sim: GlideSimulator
    ) {}

    static async start(opts: WorldOptions): Promise<World> {
        const emu = await startAtlassianEmulator(opts.emulator ?? {})
        const network = routeAtlassian(createLoopbackNetwork(), emu.port)
        const sim = await GlideSimulator.start({ http: (r) => network.request(r), platform: opts.platform })
        const w = new World(emu, network, sim)
        w.installReport = sim.install(opts.source, { activateFlows: opts.activateFlows })
        emu.registerApp({
            clientId: w.clientId,
            clientSecret: w.clientSecret,
            callbackUrls: [sim.callbackUrl],
            scopes: [...REQUIRED_JIRA_SCOPES],
        })
        emu.addSite({ cloudId: w.cloudId, name: 'acme-jcc', host: w.siteHost })
        emu.addUser({
            accountId: w.accountId,
            email: w.email,
            displayName: 'Jira Admin',
            apiTokens: [w.apiToken],
            sites: [w.cloudId],
        })
        emu.setConsentUser(w.accountId)
        emu.addUser({
            accountId: w.saAccountId,
            email: w.saEmail,
            displayName: 'ServiceNow integration',
            accountType: 'app',
            sites: [w.cloudId],
            scopedApiTokens: [{ token: w.scopedToken, scopes: [...SERVICE_ACCOUNT_SCOPES] }],
        })
        emu.createServiceAccountCredential({
            clientId: w.saClientId,
            clientSecret: w.saClientSecret,
            accountId: w.saAccountId,
            scopes: [...SERVICE_ACCOUNT_SCOPES],
        })
        const alias = sim.one('sys_alias', { id: 'x_jira_connect.Jira' })
        const registry = sim.one('oauth_entity', { name: 'Jira Cloud OAuth' })
        const profile = sim.one('oauth_entity_profile', { oauth_entity: registry.sys_id })
        const credential = sim.one('oauth_2_0_credentials', { oauth_entity_profile: profile.sys_id })
        const connection = sim.one('http_connection', { credential: credential.sys_id })
        const saRegistry = sim.one('oauth_entity', { name: 'Jira Cloud Service Account' })
        const saProfile = sim.one('oauth_entity_profile', { oauth_entity: saRegistry.sys_id })
        const saCredential = sim.one('oauth_2_0_credentials', { oauth_entity_profile: saProfile.sys_id })
        const saConnection = sim.one('http_connection', { credential: saCredential.sys_id })
        w.ids = {
            alias: alias.sys_id,
            registry: registry.sys_id,
            profile: profile.sys_id,
            credential: credential.sys_id,
            connection: connection.sys_id,
            saRegistry: saRegistry.sys_id,
            saProfile: saProfile.sys_id,
            saCredential: saCredential.sys_id,
            saConnection: saConnection.sys_id,
        }
        return w
    }

    /** Every secret of this world (for "never shown, logged or stored in clear" assertions), tokens included. */
    secrets(): string[] {
        const out = [this.clientSecret, this.apiToken, this.saClientSecret, this.scopedToken]
        for (const rp of this.sim.query('oauth_requestor_profile')) {
            const t = this.sim.storedTokens(rp.requestor_id, rp.oauth_entity_profile)
            if (t?.accessToken) out.push(t.accessToken)
            if (t?.refreshToken) out.push(t.refreshToken)
        }
        return out
    }

    /** What the admin does after install: paste client ID/secret into the registry and the cloud id into the connection URL. */
    configureOAuth(cloudId = this.cloudId): void {
        this.sim.admin.setFields('oauth_entity', this.ids.registry, {
            client_id: this.clientId,
            client_secret: this.clientSecret,
        })
        this.sim.admin.setField(
            'http_connection',
            this.ids.connection,
            'connection_url',
            `https://api.atlassian.com/ex/jira/${cloudId}`
        )
    }

    /**
     * Option 2 after install: paste the service account credential's client id/secret into the shipped service-account
     * registry, the cloud id into its connection, and make that connection the alias's active one.
     */
    configureServiceAccount(cloudId = this.cloudId): void {
        this.sim.admin.setFields('oauth_entity', this.ids.saRegistry, {
            client_id: this.saClientId,
            client_secret: this.saClientSecret,
        })
        this.sim.admin.setField('http_connection', this.ids.connection, 'active', false)
        this.sim.admin.setFields('http_connection', this.ids.saConnection, {
            connection_url: `https://api.atlassian.com/ex/jira/${cloudId}`,
            active: true,
        })
    }

    /** "Get OAuth Token" on a client-credentials credential (the shipped service-account one by default): no browser. */
    getServiceAccountToken(credentialSysId = this.ids.saCredential): OAuthFlowResult {
        return this.sim.admin.getClientCredentialsToken(credentialSysId)
    }

    /** "Get OAuth Token" on the shipped credential (or another 3LO one), with a plain HTTP client as the browser. */
    async getOAuthToken(
        consent: 'accept' | 'deny' = 'accept',
        credentialSysId = this.ids.credential
    ): Promise<BrowseResult> {
        // After a long synchronous stretch (advanceWithJobs) the servers' idle keep-alive timers are overdue: let
        // them close their sockets first, or the browser may reuse one as it closes (ECONNRESET).
        await new Promise((resolve) => setTimeout(resolve, 50))
        return browseWithHttpClient(
            this.sim.admin.getOAuthTokenUrl(credentialSysId),
            (h, p) => this.network.resolve(h, p),
            consent
        )
    }

    /** The admin picks another shipped template as the alias's Configuration Template (alias form). */
    pickTemplate(name: (typeof TEMPLATE)[keyof typeof TEMPLATE]): void {
        const template = this.sim.one('sys_alias_templates', { name })
        this.sim.admin.setField('sys_alias', this.ids.alias, 'configuration_template', template.sys_id)
    }

    /** Every row of the tables, by table and sys_id, as JSON (for before/after comparisons). */
    snapshot(tables: readonly string[]): Map<string, string> {
        const out = new Map<string, string>()
        for (const table of tables)
            for (const row of this.sim.query(table)) out.set(`${table}/${row.sys_id}`, JSON.stringify(row))
        return out
    }

    /**
     * Runs fn and throws ConfigurationChanged, naming each changed row, when it inserted, changed or deleted a row of
     * a configuration table; with tokens 'unless-refreshed', also when it changed a token row without calling the
     * token URL (a refresh or a client-credentials request is the only reason a Validate may change tokens).
     */
    unchanged<T>(what: string, fn: () => T, tokens: TokenRule = 'unless-refreshed'): T {
        const verify = this.watchConfiguration(what, tokens)
        const result = fn()
        verify()
        return result
    }

    /** unchanged() for work that answers later (an HTTP call to the simulated instance's REST API). */
    async unchangedAsync<T>(what: string, fn: () => Promise<T>, tokens: TokenRule = 'unless-refreshed'): Promise<T> {
        const verify = this.watchConfiguration(what, tokens)
        const result = await fn()
        verify()
        return result
    }

    /** Snapshots now; the returned function throws ConfigurationChanged when the tables differ from the snapshot. */
    private watchConfiguration(what: string, tokens: TokenRule): () => void {
        const config = this.snapshot(CONFIGURATION_TABLES)
        const stored = this.snapshot(TOKEN_TABLES)
        const tokenCalls = this.emu.requestsTo('token').length
        return () => {
            const changed = diff(config, this.snapshot(CONFIGURATION_TABLES))
            const refreshed = this.emu.requestsTo('token').length !== tokenCalls
            if (tokens === 'unless-refreshed' && !refreshed) changed.push(...diff(stored, this.snapshot(TOKEN_TABLES)))
            if (changed.length) throw new ConfigurationChanged(`${what} changed configuration: ${changed.join('; ')}`)
        }
    }

    /** Moves both clocks (instance and Atlassian) forward. */
    advance(ms: number): void {
        this.sim.clock.advance(ms)
        this.emu.advanceTime(ms)
    }

    /**
     * Moves both clocks forward by ms, stopping at every scheduled-job slot to run the due jobs (the health check
     * wakes hourly), as an idle instance would over that time.
     */
    advanceWithJobs(ms: number): void {
        // The health check may refresh tokens (keep-alive) and the platform's clean-up job deletes expired ones: only
        // configuration must stay as it was.
        this.unchanged('the scheduled jobs', () => this.sim.scheduler.advance(ms, (d) => this.advance(d)), 'may-change')
    }

    /** An active user holding x_jira_connect.admin, with an email address: who receives the health alerts. */
    addAppAdmin(email = 'integration.owner@acme.example'): string {
        const role = this.sim.one('sys_user_role', { name: 'x_jira_connect.admin' })
        const user = this.sim.admin.insertRecord('sys_user', {
            user_name: 'integration.owner',
            name: 'Integration Owner',
            email,
            active: true,
        })
        this.sim.admin.insertRecord('sys_user_has_role', { user: user.sys_id, role: role.sys_id })
        return user.sys_id
    }

    /** Sets a system property (Jira Cloud Connect > Properties). */
    setProperty(name: string, value: string | number): void {
        const row = this.sim.one('sys_properties', { name })
        this.sim.admin.setField('sys_properties', row.sys_id, 'value', String(value))
    }

    /** Validate Jira connection on a record; throws ConfigurationChanged if the click changed configuration. */
    validate(table: string, sysId: string) {
        return this.unchanged(`Validate on ${table} ${sysId}`, () =>
            this.sim.admin.clickUiAction(table, sysId, 'Validate Jira connection')
        )
    }

    /**
     * "Validate all" (body {}) or one health row's Validate (body {sysId}) through the setup API, as the setup page's
     * health view posts it (POST setup/health); throws ConfigurationChanged if the health run changed configuration
     * (tokens only with a call to the token URL: a refresh or keep-alive). client: who clicks (the admin by default).
     */
    validateAll(client = new SetupClient(this.sim, ADMIN_USER), body: { sysId?: string } = {}): Promise<ApiAnswer> {
        const what = body.sysId ? `Validate of health row ${body.sysId}` : 'Validate all'
        return this.unchangedAsync(`${what} (setup API)`, () => client.api('POST', 'health', body))
    }

    async close(): Promise<void> {
        await this.sim.close()
        await this.emu.close()
        await this.network.close()
    }
}

/** Rows added, removed or changed between two snapshots, named by table/sys_id and the columns that differ. */
function diff(before: Map<string, string>, after: Map<string, string>): string[] {
    const out: string[] = []
    for (const [key, row] of before) {
        const now = after.get(key)
        if (now === undefined) out.push(`${key} deleted`)
        else if (now !== row) {
            const a = JSON.parse(row) as Record<string, string>
            const b = JSON.parse(now) as Record<string, string>
            const cols = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k])
            out.push(`${key} ${cols.join(', ')} changed`)
        }
    }
    for (const key of after.keys()) if (!before.has(key)) out.push(`${key} inserted`)
    return out
}
