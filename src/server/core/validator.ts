/**
 * The Jira connection validator: checks every link from the record the admin is looking at (an alias, a connection
 * or an OAuth 2.0 credential) to Jira, in dependency order, and stops dependent checks when a prerequisite fails
 * (no token, no API calls). Plain TypeScript over the ports; never throws for bad configuration or bad answers.
 */
import { ATLASSIAN } from './atlassian'
import { CallEngine, type CallSettings } from './calls'
import { AUTH_METHOD_LABEL, authMethodOf, migrationPath, type AuthMethod } from './auth-method'
import { authStanding, standingLine, templateOf } from './auth-standing'
import { capabilityTable, type CapabilityRow } from './capability-table'
import { checkAccessibleResources } from './checks/atlassian'
import { checkCapability } from './checks/capability'
import { audienceAdvice, type Advice } from './checks/platform-findings'
import { checkAttributes, checkBasicCredential, checkConnectionUrl, checkCredentialLink } from './checks/configuration'
import { checkInbound, type InboundInstance, type InboundResult } from './checks/inbound'
import { checkInboundInstance, type JiraSide } from './checks/inbound-instance'
import type { SpokeInboundPort } from './spoke-inbound'
import { checkJira, type JiraIdentity } from './checks/jira'
import { checkOAuthRegistry } from './checks/oauth-registry'
import { checkDeprecatedCalls, checkInstanceStanding, checkMidPath, finishMidPath } from './checks/real-path'
import type { MidRoute } from './checks/real-path'
import { checkSiteCloudId, type KnownSite } from './checks/service-account'
import { checkTokens } from './checks/token'
import type { CredentialRunCache } from './health/run-cache'
import type {
    AliasSnapshot,
    AuthRef,
    ClockPort,
    ConfigPort,
    ConnectionSnapshot,
    CredentialSnapshot,
    HttpPort,
    TokenPort,
} from './ports'
import { parseProjectsSetting } from './projects-setting'
import { describeRateLimit, type RateLimitInfo } from './rate-limit'
import {
    CheckLog,
    humanDuration,
    summarize,
    verdictOf,
    type AccountOfConnection,
    type CapabilityOfConnection,
    type CheckResult,
    type PersonOfConnection,
    type StandingOfConnection,
    type ValidationReport,
    type ValidationTarget,
} from './report'
import type { RealPathPort } from './real-path'
import { originOf, type UrlForm } from './urls'
import { webhookRefreshDays, webhookRefreshOn } from './inbound-settings'
import { instanceOnlyEntry, sanitizeInbound } from './inbound-view'
import { guardInstanceRead, INSTANCE_PARTS, standingPart } from './instance-reads'

export interface ValidatorPorts {
    config: ConfigPort
    tokens: TokenPort
    http: HttpPort
    clock: ClockPort
    /** MID settings, the Jira spoke, alias templates (checks/real-path.ts); absent: those checks do not run. */
    realPath?: RealPathPort
    /** The Jira spoke's registry records and external triggers (checks/inbound-instance.ts); needs realPath too. */
    spokeInbound?: SpokeInboundPort
}

export const PROPERTY = {
    timeoutMs: 'x_jira_connect.http_timeout_ms',
    budgetMs: 'x_jira_connect.validation_budget_ms',
    maxRetryWaitSeconds: 'x_jira_connect.max_retry_wait_seconds',
    apiGatewayUrl: 'x_jira_connect.api_gateway_url',
    /** Jira projects the flows use: "KEY" or "KEY/Issue type", comma separated (projects-setting.ts). */
    capabilityProjects: 'x_jira_connect.capability.projects',
} as const

export const DEFAULTS = { timeoutMs: 10000, budgetMs: 45000, maxRetryWaitSeconds: 2 } as const

/** Tables the validator accepts as a target. Connections may be any sys_connection extension with a URL. */
export const CONNECTION_TABLES = ['http_connection', 'sys_connection']

export function settingsFrom(config: ConfigPort): CallSettings & { gatewayBase: string } {
    const int = (name: string, fallback: number, min: number, max: number) => {
        const n = parseInt(config.property(name, String(fallback)), 10)
        return Number.isFinite(n) && n >= min && n <= max ? n : fallback
    }
    const gateway = config.property(PROPERTY.apiGatewayUrl, ATLASSIAN.apiGatewayUrl) || ATLASSIAN.apiGatewayUrl
    return {
        timeoutMs: int(PROPERTY.timeoutMs, DEFAULTS.timeoutMs, 1000, 60000),
        budgetMs: int(PROPERTY.budgetMs, DEFAULTS.budgetMs, 5000, 300000),
        maxRetryWaitSeconds: int(PROPERTY.maxRetryWaitSeconds, DEFAULTS.maxRetryWaitSeconds, 0, 30),
        gatewayBase: gateway.trim().replace(/\/+$/, ''),
    }
}

export interface ValidateOptions {
    /**
     * Per-run credential cache of the health check: connections sharing a credential share its token refresh and its
     * answers, and the cache says whether this run may refresh a credential's token at all (keep-alive).
     */
    cache?: CredentialRunCache
    /** Health check: whether this run may refresh the connection's expiring Jira webhooks (at most once a day). */
    webhookRefresh?: (connectionSysId: string) => boolean
    /**
     * Health check: what the Jira → ServiceNow checks saw for a connection (its webhooks and their expiry), and the
     * webhooks pointing here that the instance side is compared with.
     */
    onInbound?: (connectionSysId: string, result: InboundResult, jira: JiraSide) => void
    /**
     * false: the Jira spoke's records on this instance are not read (the health check reads them once per run, for
     * every connection, with instanceInbound() below). Default true.
     */
    instanceInbound?: boolean
    /** Health check: whether each connection's capability checks are due, and the last result when they are not. */
    capability?: CapabilitySchedule
    /** false: no instance.deprecated_calls scan (the health check; Validate runs it). Default true. */
    deprecationScan?: boolean
}

export interface CapabilitySchedule {
    due(connectionSysId: string): boolean
    cached(connectionSysId: string): { rows: CapabilityRow[]; checkedAtMs: number } | null
}

/** What a run learns besides its checks: the account, the person (shown, not stored), the capability table. */
interface RunExtras {
    accounts: AccountOfConnection[]
    people: PersonOfConnection[]
    capabilities: CapabilityOfConnection[]
    standings: StandingOfConnection[]
    schedule?: CapabilitySchedule
    nowMs: () => number
    config: ConfigPort
    /** The MID Server the current connection's calls go through (checks/real-path.ts), reported after them. */
    midRoute?: MidRoute | null
    /** What each connection's Jira → ServiceNow checks saw; the instance side is added once all have run. */
    inbound: Array<{ connectionSysId: string; subject?: string; result: InboundResult; jira: JiraSide }>
}

export function validate(
    target: ValidationTarget,
    basePorts: ValidatorPorts,
    options: ValidateOptions = {}
): ValidationReport {
    const cache = options.cache
    const ports = cache
        ? { ...basePorts, http: cache.http(basePorts.http), tokens: cache.tokens(basePorts.tokens) }
        : basePorts
    const startedAtMs = ports.clock.nowMs()
    const settings = settingsFrom(ports.config)
    const engine = new CallEngine(ports.http, ports.clock, settings)
    const log = new CheckLog()
    let targetName = target.sysId
    const extras: RunExtras = {
        accounts: [],
        people: [],
        capabilities: [],
        standings: [],
        schedule: options.capability,
        nowMs: () => ports.clock.nowMs(),
        config: ports.config,
        inbound: [],
    }

    let instanceOnly: InboundInstance | null = null
    const plan = resolveTarget(target, ports.config, log)
    if (plan) {
        targetName = plan.name
        const many = plan.connections.length > 1
        for (const connection of plan.connections) {
            const subjectLog = many ? log.withSubject(connection.name) : log
            const perConnection = {
                ...extras,
                subject: many ? connection.name : undefined,
                midRoute: null as MidRoute | null,
            }
            const kind = validateConnection(
                subjectLog,
                connection,
                plan.alias,
                ports,
                engine,
                settings.gatewayBase,
                perConnection,
                cache,
                options
            )
            engine.route = null
            if (perConnection.midRoute) finishMidPath(subjectLog, perConnection.midRoute, engine)
            subjectLog.skipBlocked(kind)
        }
        if (plan.connections.length === 0 && plan.credentialOnly) {
            validateCredentialOnly(log, plan.credentialOnly, ports, engine, settings.gatewayBase, cache)
            log.skipBlocked(plan.credentialOnly.kind === 'other' ? null : plan.credentialOnly.kind)
        }
        if (ports.realPath) {
            // Instance-side parts (instance-reads.ts): a platform error costs only the checks of the part that threw.
            const realPath = ports.realPath
            const aliasId = plan.alias ? plan.alias.id : null
            const standing = () => checkInstanceStanding(log, realPath, aliasId)
            guardInstanceRead(log, standingPart(!!aliasId), standing, undefined)
            if (ports.spokeInbound && options.instanceInbound !== false) {
                const jira = jiraSideOf(extras.inbound.map((x) => x.jira))
                const instance = readInstance(log, realPath, ports.spokeInbound, jira, ports.clock.nowMs())
                if (instance) for (const seen of extras.inbound) seen.result.instance = instance
                // No connection got to Jira's side: the instance side is still shown, on its own.
                if (instance && !extras.inbound.length) instanceOnly = instance
            }
            // Service-account and scoped-token connections reach Jira only through the gateway URL.
            const gatewayAuth = plan.connections.some((c) =>
                /^https:\/\/api\.atlassian\.com\/ex\/jira\//.test(c.url.trim())
            )
            // Daily health checks skip the scan (options.deprecationScan false): scripts change with deployments,
            // not by the hour, and Validate runs it (docs/health.md). Bounded by the run's remaining budget.
            if (options.deprecationScan !== false) {
                const remaining = () => settings.budgetMs - engine.elapsedMs()
                const scan = () => checkDeprecatedCalls(log, realPath, gatewayAuth, remaining, settings.budgetMs)
                guardInstanceRead(log, INSTANCE_PARTS.scan, scan, undefined)
            }
        }
    }
    if (options.onInbound)
        for (const seen of extras.inbound) options.onInbound(seen.connectionSysId, seen.result, seen.jira)
    if (engine.rateLimit) logRateLimit(log, engine.rateLimit)
    const verdict = verdictOf(log.checks)
    return {
        verdict,
        target,
        targetName,
        summary: summarize(verdict, log.checks, targetName),
        checks: log.checks,
        calls: engine.calls,
        durationMs: ports.clock.nowMs() - startedAtMs,
        startedAtMs,
        accounts: extras.accounts,
        people: extras.people,
        capabilities: extras.capabilities,
        standings: extras.standings,
        rateLimit: engine.rateLimit,
        // What the Jira → ServiceNow checks saw, sanitised (inbound-view.ts): the report shows and stores it.
        inbound: extras.inbound
            .map((x) => sanitizeInbound(x.result, x.subject))
            .concat(instanceOnly ? [instanceOnlyEntry(instanceOnly)] : []),
    }
}

interface TargetPlan {
    name: string
    alias: AliasSnapshot | null
    connections: ConnectionSnapshot[]
    credentialOnly: CredentialSnapshot | null
}

function resolveTarget(target: ValidationTarget, config: ConfigPort, log: CheckLog): TargetPlan | null {
    if (target.table === 'sys_alias') return resolveAlias(target.sysId, config, log)
    if (CONNECTION_TABLES.includes(target.table)) {
        const connection = config.connection(target.sysId)
        if (!connection) {
            log.fail('config.connection.present', {
                code: 'connection_not_found',
                found: `No connection with sys_id ${target.sysId}.`,
                expected: 'An HTTP(s) connection on the Jira alias.',
                fix: 'Open the connection from Jira Cloud Connect > Connections and validate from there.',
            })
            return null
        }
        const alias = connection.aliasSysId ? config.alias(connection.aliasSysId) : null
        if (!connection.active) {
            log.warn('config.connection.present', {
                code: 'connection_inactive',
                found: `Connection "${connection.name}" is inactive: integrations do not use it.`,
                expected: 'An active connection.',
                fix:
                    `Check Active on connection "${connection.name}" when it is ready ` +
                    '(one active connection per alias).',
            })
        } else {
            const on = alias ? ` on alias "${alias.name}"` : ''
            log.pass('config.connection.present', `Connection "${connection.name}" is active${on}.`)
        }
        return { name: connection.name, alias, connections: [connection], credentialOnly: null }
    }
    if (target.table === 'oauth_2_0_credentials' || target.table === 'basic_auth_credentials') {
        return resolveCredential(target.sysId, config, log)
    }
    log.fail('config.target', {
        code: 'unsupported_target',
        found: `Records of table ${target.table} cannot be validated.`,
        expected: 'A Jira alias, one of its connections, or an OAuth 2.0 credential.',
        fix: 'Run "Validate Jira connection" from the Jira alias, a Jira connection, or the Jira OAuth credential.',
    })
    return null
}

function resolveAlias(sysId: string, config: ConfigPort, log: CheckLog): TargetPlan | null {
    const alias = config.alias(sysId)
    if (!alias) {
        log.fail('config.alias', {
            code: 'alias_not_found',
            found: `No alias with sys_id ${sysId}.`,
            expected: 'The "Jira" alias (x_jira_connect.Jira).',
            fix: 'Open the alias from Jira Cloud Connect > Connection & Credential Alias and validate from there.',
        })
        return null
    }
    log.pass('config.alias', `Alias "${alias.name}" (${alias.id}).`)
    const all = config.connectionsOfAlias(alias.sysId)
    const active = all.filter((c) => c.active)
    const names = (list: ConnectionSnapshot[]) => list.map((c) => `"${c.name}"`).join(', ')
    if (active.length === 0) {
        const s = all.length === 1 ? '' : 's'
        log.fail('config.connection.present', {
            code: all.length ? 'no_active_connection' : 'no_connection',
            found: all.length
                ? `Alias "${alias.name}" has ${all.length} connection${s}, none active (${names(all)}).`
                : `Alias "${alias.name}" has no connection.`,
            expected: 'One active HTTP(s) connection on the alias.',
            fix: all.length
                ? `Open connection "${all[0].name}" and check Active.`
                : `Open alias "${alias.name}" and create a connection: use the shipped "Jira Cloud OAuth Connection" ` +
                  'for OAuth 2.0, or Create New Connection & Credential for email and API token.',
        })
        return { name: alias.name, alias, connections: [], credentialOnly: null }
    }
    if (active.length > 1 && !alias.multipleConnections) {
        log.warn('config.connection.present', {
            code: 'multiple_active_connections',
            found:
                `Alias "${alias.name}" has ${active.length} active connections (${names(active)}) but does not ` +
                'support multiple connections: which one the platform uses is undefined.',
            expected: 'Exactly one active connection, or Support Multiple Active Connections on the alias.',
            fix:
                'Deactivate all but one connection, or use a child alias per Jira site. Each active connection is ' +
                'validated below.',
        })
    } else {
        log.pass(
            'config.connection.present',
            active.length === 1
                ? `Connection "${active[0].name}" is active.`
                : `${active.length} active connections (multiple connections allowed); each is validated.`
        )
    }
    return { name: alias.name, alias, connections: active, credentialOnly: null }
}

function resolveCredential(sysId: string, config: ConfigPort, log: CheckLog): TargetPlan | null {
    const credential = config.credential(sysId)
    if (!credential) {
        log.fail('config.connection.credential', {
            code: 'credential_not_found',
            found: `No credential with sys_id ${sysId}.`,
            expected: 'An OAuth 2.0 credential of the Jira Cloud OAuth registry.',
            fix: 'Open the credential from Jira Cloud Connect > OAuth 2.0 Credentials and validate from there.',
        })
        return null
    }
    const connections = config.connectionsUsingCredential(credential.sysId).filter((c) => c.active)
    if (connections.length === 0) {
        log.warn('config.connection.present', {
            code: 'credential_unused',
            found:
                `No active connection uses credential "${credential.name}": the token is checked, Jira calls ` +
                'are not.',
            expected: 'An active connection on the Jira alias using this credential.',
            fix: `Set Credential = "${credential.name}" on the Jira connection (Jira Cloud Connect > Connections).`,
        })
        return { name: credential.name, alias: null, connections: [], credentialOnly: credential }
    }
    log.pass('config.connection.present', `Used by ${connections.map((c) => `"${c.name}"`).join(', ')}.`)
    const alias = connections[0].aliasSysId ? config.alias(connections[0].aliasSysId) : null
    return { name: credential.name, alias, connections, credentialOnly: null }
}

/** Runs every check of one connection; returns its credential kind (which decides the checks that apply). */
function validateConnection(
    log: CheckLog,
    connection: ConnectionSnapshot,
    targetAlias: AliasSnapshot | null,
    ports: ValidatorPorts,
    engine: CallEngine,
    gatewayBase: string,
    extras: RunExtras & { subject?: string },
    cache?: CredentialRunCache,
    options: ValidateOptions = {}
): 'oauth2' | 'basic' | null {
    const otherAlias = connection.aliasSysId && (!targetAlias || targetAlias.sysId !== connection.aliasSysId)
    const alias = otherAlias && connection.aliasSysId ? ports.config.alias(connection.aliasSysId) : targetAlias
    const credential = connection.credentialSysId ? ports.config.credential(connection.credentialSysId) : null
    checkCredentialLink(log, connection, credential)
    const urlPlan = checkConnectionUrl(log, connection, credential, gatewayBase)
    if (ports.realPath) {
        const realPath = ports.realPath
        const host = originOf(connection.url.trim()) || 'Atlassian'
        const mid = () => checkMidPath(log, realPath, connection, credential, host)
        extras.midRoute = guardInstanceRead(log, INSTANCE_PARTS.mid, mid, null)
        // The spoke's path: this connection's Atlassian calls go through the chosen MID Server.
        engine.route = extras.midRoute ? extras.midRoute.mid : null
    }
    const apiVersion = checkAttributes(log, connection, alias)
    if (!credential || credential.kind === 'other') return null
    const method = checkAuthMethod(log, connection, credential, urlPlan.inspection.form, ports.config)
    if (method && log.ready('config.auth_standing')) {
        // Information beside the verdict (docs/auth-standing.md): the template tells the spoke's 3LO app apart.
        const template = () => templateOf(ports.realPath, alias ? alias.id : null)
        const standing = guardInstanceRead(log, INSTANCE_PARTS.template, () => authStanding(method, template()), null)
        if (standing) {
            log.pass('config.auth_standing', standingLine(standing), standing.code)
            const site = urlPlan.inspection.form.kind === 'site' ? urlPlan.inspection.form.site : ''
            const names = { connectionSysId: connection.sysId, connectionName: connection.name, site }
            extras.standings.push({ ...standing, ...names, subject: extras.subject })
        }
    }
    const form = urlPlan.inspection.form
    const siteOfConnection: KnownSite | null =
        form.kind === 'site'
            ? { origin: `https://${form.site}.atlassian.net`, from: `Connection URL of "${connection.name}"` }
            : null
    /** atlassian.site_cloud_id after a Jira refusal that a wrong cloud id could explain (403/404 on the gateway). */
    const confirmCloudId = () => {
        const failed = log.result('jira.myself')
        if (!failed || failed.status !== 'fail' || form.kind !== 'gateway') return
        if (['site_not_found', 'no_jira_access', 'forbidden'].indexOf(failed.code) < 0) return
        const site = siblingSite(connection, alias, ports.config)
        if (site)
            checkSiteCloudId(log, engine, {
                site,
                cloudId: urlPlan.cloudId,
                gatewayBase,
                connectionName: connection.name,
            })
    }

    /** Jira → ServiceNow (checks/inbound.ts), after /myself proved the credential: at most 3 calls. */
    const inbound = (auth: AuthRef) => {
        if (!urlPlan.jiraBaseUrl || !apiVersion) return
        const seen = checkInbound(log, engine, {
            baseUrl: urlPlan.jiraBaseUrl,
            apiVersion,
            auth,
            method,
            instanceUrl: originOf(ports.config.instanceCallbackUrl()) || '',
            connectionName: connection.name,
            refreshDays: webhookRefreshDays(ports.config),
            mayRefresh: !!options.webhookRefresh && options.webhookRefresh(connection.sysId),
            refreshOn: webhookRefreshOn(ports.config),
            nowMs: ports.clock.nowMs(),
        })
        // Skipped (an earlier check failed): Jira's side was not read, so there is nothing to report or compare with.
        const listed = log.result('inbound.dynamic_webhooks')
        if (!listed || listed.status === 'skip') return
        const admin = log.result('inbound.admin_webhooks')
        const complete =
            !!admin &&
            admin.status !== 'fail' &&
            admin.status !== 'skip' &&
            !/^(needs_jira_admin|scoped_token)$/.test(admin.code)
        const here = seen.webhooks.filter((h) => h.destination === 'here')
        const subject = extras.subject
        extras.inbound.push({
            connectionSysId: connection.sysId,
            subject,
            result: seen,
            jira: { webhooks: here, complete },
        })
    }

    if (credential.kind === 'basic') {
        if (!log.ready('config.credential.basic') || !checkBasicCredential(log, credential)) return 'basic'
        if (!log.ready('jira.myself') || !urlPlan.jiraBaseUrl || !apiVersion) return 'basic'
        const siteForm = urlPlan.inspection.form.kind === 'site'
        const identity = checkJira(log, engine, {
            baseUrl: urlPlan.jiraBaseUrl,
            apiVersion,
            auth: { kind: 'basic', credentialSysId: credential.sysId },
            expectedSiteUrl: siteForm ? originOf(urlPlan.jiraBaseUrl) : null,
            connectionName: connection.name,
            credentialName: credential.name,
            userName: credential.userName,
            method: method || undefined,
            gatewayBase,
            cloudId: urlPlan.cloudId,
        })
        afterMyself(log, engine, extras, identity, {
            connection,
            baseUrl: urlPlan.jiraBaseUrl,
            apiVersion,
            method,
            auth: { kind: 'basic', credentialSysId: credential.sysId },
        })
        const refused = log.result('jira.myself')
        if (siteOfConnection && refused && refused.status === 'fail' && refused.code === 'credentials_rejected') {
            // A scoped token on the site URL answers 401 (Atlassian KB): name the gateway URL.
            // tenant_info is not a login.
            const opts = { site: siteOfConnection, cloudId: null, gatewayBase, connectionName: connection.name }
            checkSiteCloudId(log, engine, { ...opts, afterBasicRefusal: true })
        }
        confirmCloudId()
        inbound({ kind: 'basic', credentialSysId: credential.sysId })
        return 'basic'
    }

    // OAuth 2.0 with a site URL: the gateway URL with the site's cloud id is what the fix needs.
    if (siteOfConnection) {
        checkSiteCloudId(log, engine, {
            site: siteOfConnection,
            cloudId: null,
            gatewayBase,
            connectionName: connection.name,
        })
    }
    const token = log.ready('oauth.profile')
        ? oauthToken(log, credential, ports, engine, mayRefresh(cache, credential))
        : null
    if (!token) skipIdle(log)
    if (token && method === 'service_account') {
        // accessible-resources is not documented for client-credentials tokens (and answers 401 for service-account
        // API tokens): the gateway itself confirms the cloud id (/myself on /ex/jira/<cloud id>), tenant_info finds it.
        if (!log.ready('jira.myself') || !urlPlan.jiraBaseUrl || !apiVersion) return 'oauth2'
        const identity = checkJira(log, engine, {
            baseUrl: urlPlan.jiraBaseUrl,
            apiVersion,
            auth: token.auth,
            expectedSiteUrl: null,
            connectionName: connection.name,
            credentialName: credential.name,
            method,
            gatewayBase,
            cloudId: urlPlan.cloudId,
        })
        afterMyself(log, engine, extras, identity, {
            connection,
            baseUrl: urlPlan.jiraBaseUrl,
            apiVersion,
            method,
            auth: token.auth,
        })
        confirmCloudId()
        inbound(token.auth)
        return 'oauth2'
    }
    // OAuth 2.0 (3LO). accessible-resources runs even with a placeholder cloud id: it tells the admin which id to use.
    if (!token || !log.ready('atlassian.accessible_resources')) return 'oauth2'
    const atlassian = checkAccessibleResources(log, engine, {
        gatewayBase,
        auth: token.auth,
        cloudId: urlPlan.cloudId,
        connectionName: connection.name,
        tokenJustIssued: token.tokenJustIssued,
        audience: token.audience,
    })
    if (!log.ready('jira.myself') || !atlassian.site || !urlPlan.jiraBaseUrl || !apiVersion) return 'oauth2'
    const identity = checkJira(log, engine, {
        baseUrl: urlPlan.jiraBaseUrl,
        apiVersion,
        auth: token.auth,
        expectedSiteUrl: atlassian.site.url || null,
        connectionName: connection.name,
        credentialName: credential.name,
        gatewayBase,
        cloudId: urlPlan.cloudId,
    })
    afterMyself(log, engine, extras, identity, {
        connection,
        baseUrl: urlPlan.jiraBaseUrl,
        apiVersion,
        method,
        auth: token.auth,
        grantedScopes: atlassian.site.scopes,
    })
    inbound(token.auth)
    return 'oauth2'
}

function validateCredentialOnly(
    log: CheckLog,
    credential: CredentialSnapshot,
    ports: ValidatorPorts,
    engine: CallEngine,
    gatewayBase: string,
    cache?: CredentialRunCache
): void {
    if (credential.kind !== 'oauth2') {
        log.skip('token.access', 'Basic credentials are checked through a connection that uses them.')
        return
    }
    if (!credential.active) {
        log.fail('config.connection.credential', {
            code: 'credential_inactive',
            found: `Credential "${credential.name}" is inactive.`,
            expected: 'An active credential.',
            fix: `Open credential "${credential.name}" and check Active.`,
        })
        return
    }
    const token = oauthToken(log, credential, ports, engine, mayRefresh(cache, credential))
    if (!token) skipIdle(log)
    if (!token || token.serviceAccount || !log.ready('atlassian.accessible_resources')) return
    checkAccessibleResources(log, engine, {
        gatewayBase,
        auth: token.auth,
        cloudId: undefined,
        connectionName: '(no connection)',
        tokenJustIssued: token.tokenJustIssued,
        audience: token.audience,
    })
}

/**
 * Registry and token checks of an OAuth 2.0 credential; the AuthRef for Atlassian calls, or null.
 * tokenJustIssued: this run refreshed the token or it was issued minutes ago, so a 401 points at `audience`.
 */
function oauthToken(
    log: CheckLog,
    credential: Extract<CredentialSnapshot, { kind: 'oauth2' }>,
    ports: ValidatorPorts,
    engine: CallEngine,
    refreshAllowed = true
): { auth: AuthRef; tokenJustIssued: boolean; serviceAccount: boolean; audience?: Advice } | null {
    const setup = checkOAuthRegistry(log, credential, ports.config)
    const outcome = checkTokens(log, credential, setup, ports.tokens, engine, refreshAllowed)
    if (!outcome || !setup.profile) return null
    // Refreshed by this run, or issued minutes ago (Get OAuth Token): a 401 then points at the authorization request.
    const justIssued = outcome === 'refreshed' || outcome === 'fresh' || outcome === 'requested'
    return {
        auth: { kind: 'oauth2', credentialSysId: credential.sysId, profileSysId: setup.profile.sysId },
        tokenJustIssued: justIssued,
        serviceAccount: setup.serviceAccount,
        // The audience advice is about the authorization-code request; a client-credentials token has none.
        audience: justIssued && setup.registry && !setup.serviceAccount ? audienceAdvice(setup.registry) : undefined,
    }
}

/**
 * After jira.myself: keep the account (id and type) and the person (shown only), then the capability checks
 * (checks/capability.ts) and the capability table; in a health check they run only when due, else the cached table.
 */
function afterMyself(
    log: CheckLog,
    engine: CallEngine,
    extras: RunExtras & { subject?: string },
    identity: JiraIdentity | null,
    c: {
        connection: ConnectionSnapshot
        baseUrl: string
        apiVersion: string
        method: AuthMethod | null
        auth: AuthRef
        grantedScopes?: string[] | null
    }
): void {
    if (!identity) return
    const subject = extras.subject
    extras.accounts.push({ subject, accountId: identity.accountId, accountType: identity.accountType })
    extras.people.push({ subject, displayName: identity.displayName, email: identity.email })
    const schedule = extras.schedule
    if (schedule && !schedule.due(c.connection.sysId)) {
        const cached = schedule.cached(c.connection.sysId)
        const age = cached ? humanDuration((extras.nowMs() - cached.checkedAtMs) / 1000) : ''
        const reason = cached
            ? `Not due: the capability checks ran ${age} ago; the health check repeats them once their interval ` +
              'has passed (they cost Atlassian rate-limit points). The capability table shows that result.'
            : 'Not due in this health check.'
        log.pass('jira.projects', reason, 'not_due')
        log.skip('jira.agile', reason)
        if (cached) extras.capabilities.push({ subject, rows: cached.rows, checkedAtMs: cached.checkedAtMs })
        return
    }
    const grantedScopes = c.grantedScopes || null
    const facts = checkCapability(log, engine, {
        baseUrl: c.baseUrl,
        apiVersion: c.apiVersion,
        auth: c.auth,
        method: c.method,
        connectionName: c.connection.name,
        setting: parseProjectsSetting(extras.config.property(PROPERTY.capabilityProjects, '')),
        grantedScopes,
    })
    const rows = capabilityTable({ method: c.method, grantedScopes, facts })
    extras.capabilities.push({ subject, rows, checkedAtMs: extras.nowMs() })
}

/** config.auth_method: which way in this is, and a warning with the migration path for a classic API token. */
function checkAuthMethod(
    log: CheckLog,
    connection: ConnectionSnapshot,
    credential: CredentialSnapshot,
    form: UrlForm,
    config: ConfigPort
): AuthMethod | null {
    const profile =
        credential.kind === 'oauth2' && credential.profileSysId ? config.profile(credential.profileSysId) : null
    const registry = profile && profile.registrySysId ? config.registry(profile.registrySysId) : null
    const method = authMethodOf(credential, form, profile, registry)
    if (!method || !log.ready('config.auth_method')) return method
    if (method === 'classic_token') {
        log.warn('config.auth_method', {
            code: 'classic_api_token',
            found:
                `Connection "${connection.name}" uses a classic API token on the site URL. Atlassian expires API ` +
                `tokens after at most ${ATLASSIAN.apiTokenMaxDays} days, rate-limits them separately and tells ` +
                'integrations to stop collecting personal API tokens; ServiceNow no longer documents them for Jira.',
            expected: `A ${AUTH_METHOD_LABEL.service_account} (what Atlassian recommends for integrations).`,
            fix: migrationPath(),
        })
        return method
    }
    const note: { [M in AuthMethod]: string } = {
        service_account:
            'what Atlassian recommends for integrations; the 60-minute token is requested again when needed.',
        oauth_3lo: "a person's consent; the refresh token rotates and expires after 90 days unused.",
        scoped_token: `an API token expires after at most ${ATLASSIAN.apiTokenMaxDays} days: note its expiry date.`,
        classic_token: '',
    }
    log.pass('config.auth_method', `${AUTH_METHOD_LABEL[method]}: ${note[method]}`)
    return method
}

/** A site URL among the alias's other connections (e.g. the API-token connection a service account replaces). */
function siblingSite(
    connection: ConnectionSnapshot,
    alias: AliasSnapshot | null,
    config: ConfigPort
): KnownSite | null {
    if (!alias) return null
    for (const other of config.connectionsOfAlias(alias.sysId)) {
        if (other.sysId === connection.sysId) continue
        const m = /^https:\/\/([a-z0-9][a-z0-9-]*)\.atlassian\.net\/?$/i.exec(other.url.trim())
        if (m)
            return { origin: `https://${m[1].toLowerCase()}.atlassian.net`, from: `Connection URL of "${other.name}"` }
    }
    return null
}

/** Whether this run may refresh the credential's token: always, except in a health check with keep-alive off. */
function mayRefresh(cache: CredentialRunCache | undefined, credential: CredentialSnapshot): boolean {
    return cache ? cache.refreshAllowed(credential.sysId) : true
}

/** A health check that did not refresh an expired access token calls nobody: it says so on the Atlassian checks. */
function skipIdle(log: CheckLog): void {
    const access = log.result('token.access')
    if (!access || access.code !== 'access_idle') return
    const reason = 'Skipped: the access token has expired and this health check may not refresh it (keep-alive is off).'
    log.skip('atlassian.accessible_resources', reason)
    log.skip('jira.myself', reason)
    log.skip('jira.server_info', reason)
}

/** atlassian.rate_limit: what Atlassian's answers said about the quota; a warning when near the limit. */
function logRateLimit(log: CheckLog, r: RateLimitInfo): void {
    const text = describeRateLimit(r)
    if (!r.nearLimit) {
        log.pass('atlassian.rate_limit', `Atlassian reports ${text}.`)
        return
    }
    const quota = r.names !== 'burst'
    log.warn('atlassian.rate_limit', {
        code: 'near_limit',
        found: `Atlassian reports ${text}.`,
        expected: 'More than 20 % of the limit left.',
        fix: quota
            ? 'Every Jira flow of this app on this site shares the hourly points quota: when it is spent they all ' +
              'get 429 until the reset. Find the flows that call Jira most (System Logs > Outbound HTTP Requests) ' +
              'and spread or batch them; permission checks are expensive, so this app runs its own at most daily.'
            : 'Calls come in bursts: spread the flows that call the same Jira endpoint.',
    })
}

/**
 * What Jira sends to this instance, from the webhooks each connection listed: null when none listed them (Jira's side
 * not read); complete when at least one could list the admin webhooks too.
 */
export function jiraSideOf(sides: JiraSide[]): JiraSide | null {
    if (!sides.length) return null
    return {
        webhooks: ([] as JiraSide['webhooks']).concat(...sides.map((x) => x.webhooks)),
        complete: sides.some((x) => x.complete),
    }
}

/**
 * The instance side of Jira → ServiceNow, once per run after every connection: compared with the webhooks all of them
 * listed. Returns what it saw (every connection's result carries it), or null when the read failed.
 */
function readInstance(
    log: CheckLog,
    realPath: RealPathPort,
    port: SpokeInboundPort,
    jira: JiraSide | null,
    nowMs: number
): InboundInstance | null {
    // The spoke's tables are partly undocumented (A48 to A50) and in another scope: on a platform error reading them
    // nothing about the instance is said (instance-reads.ts).
    const read = () => checkInboundInstance(log, realPath, port, jira, nowMs)
    return guardInstanceRead(log, INSTANCE_PARTS.spokeInbound, read, null)
}

/**
 * The health check's instance side (issue 19): the Jira spoke's records are one per instance, so a run reads them
 * once and reports them on one connection's row, not on every row (one fault, one broken row, one alert). `jira`: the
 * webhooks pointing here that the run's connections listed (jiraSideOf), null when none did.
 */
export function instanceInbound(
    ports: ValidatorPorts,
    jira: JiraSide | null
): { checks: CheckResult[]; instance: InboundInstance | null } {
    const log = new CheckLog()
    if (!ports.realPath || !ports.spokeInbound) return { checks: [], instance: null }
    const instance = readInstance(log, ports.realPath, ports.spokeInbound, jira, ports.clock.nowMs())
    return { checks: log.checks, instance }
}
