/**
 * The Jira connection validator: checks every link from the record the admin is looking at (an alias, a connection
 * or an OAuth 2.0 credential) to Jira, in dependency order, and stops dependent checks when a prerequisite fails
 * (no token, no API calls). Plain TypeScript over the ports; never throws for bad configuration or bad answers.
 */
import { ATLASSIAN } from './atlassian'
import { CallEngine, type CallSettings } from './calls'
import { checkAccessibleResources } from './checks/atlassian'
import { checkAttributes, checkConnectionUrl, checkCredentialLink } from './checks/configuration'
import { checkJira } from './checks/jira'
import { checkOAuthRegistry } from './checks/oauth-registry'
import { checkTokens } from './checks/token'
import type { CredentialRunCache } from './health/run-cache'
import type { AliasSnapshot, AuthRef, ClockPort, ConfigPort, ConnectionSnapshot, CredentialSnapshot, HttpPort, TokenPort } from './ports'
import { CheckLog, summarize, verdictOf, type ValidationReport, type ValidationTarget } from './report'
import { originOf } from './urls'

export interface ValidatorPorts {
    config: ConfigPort
    tokens: TokenPort
    http: HttpPort
    clock: ClockPort
}

export const PROPERTY = {
    timeoutMs: 'x_jira_connect.http_timeout_ms',
    budgetMs: 'x_jira_connect.validation_budget_ms',
    maxRetryWaitSeconds: 'x_jira_connect.max_retry_wait_seconds',
    apiGatewayUrl: 'x_jira_connect.api_gateway_url',
} as const

export const DEFAULTS = { timeoutMs: 10000, budgetMs: 45000, maxRetryWaitSeconds: 2 } as const

/** Tables the validator accepts as a target. Connections may be any sys_connection extension with a URL. */
export const CONNECTION_TABLES = ['http_connection', 'sys_connection']

export function settingsFrom(config: ConfigPort): CallSettings & { gatewayBase: string } {
    const int = (name: string, fallback: number, min: number, max: number) => {
        const n = parseInt(config.property(name, String(fallback)), 10)
        return Number.isFinite(n) && n >= min && n <= max ? n : fallback
    }
    return {
        timeoutMs: int(PROPERTY.timeoutMs, DEFAULTS.timeoutMs, 1000, 60000),
        budgetMs: int(PROPERTY.budgetMs, DEFAULTS.budgetMs, 5000, 300000),
        maxRetryWaitSeconds: int(PROPERTY.maxRetryWaitSeconds, DEFAULTS.maxRetryWaitSeconds, 0, 30),
        gatewayBase: (config.property(PROPERTY.apiGatewayUrl, ATLASSIAN.apiGatewayUrl) || ATLASSIAN.apiGatewayUrl).trim().replace(/\/+$/, ''),
    }
}

export interface ValidateOptions {
    /**
     * Per-run credential cache of the health check: connections sharing a credential share its token refresh and its
     * answers, and the cache says whether this run may refresh a credential's token at all (keep-alive).
     */
    cache?: CredentialRunCache
}

export function validate(target: ValidationTarget, basePorts: ValidatorPorts, options: ValidateOptions = {}): ValidationReport {
    const cache = options.cache
    const ports = cache ? { ...basePorts, http: cache.http(basePorts.http), tokens: cache.tokens(basePorts.tokens) } : basePorts
    const startedAtMs = ports.clock.nowMs()
    const settings = settingsFrom(ports.config)
    const engine = new CallEngine(ports.http, ports.clock, settings)
    const log = new CheckLog()
    let targetName = target.sysId

    const plan = resolveTarget(target, ports.config, log)
    if (plan) {
        targetName = plan.name
        const many = plan.connections.length > 1
        for (const connection of plan.connections) {
            validateConnection(many ? log.withSubject(connection.name) : log, connection, plan.alias, ports, engine, settings.gatewayBase, cache)
        }
        if (plan.connections.length === 0 && plan.credentialOnly) {
            validateCredentialOnly(log, plan.credentialOnly, ports, engine, settings.gatewayBase, cache)
        }
    }
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
    }
}

interface TargetPlan {
    name: string
    alias: AliasSnapshot | null
    connections: ConnectionSnapshot[]
    credentialOnly: CredentialSnapshot | null
}

function resolveTarget(target: ValidationTarget, config: ConfigPort, log: CheckLog): TargetPlan | null {
    if (target.table === 'sys_alias') {
        const alias = config.alias(target.sysId)
        if (!alias) {
            log.fail('config.alias', 'Connection & Credential alias exists', 'alias_not_found', `No alias with sys_id ${target.sysId}.`, 'The "Jira" alias (x_jira_connect.Jira).', 'Open the alias from Jira Cloud Connect > Connection & Credential Alias and validate from there.')
            return null
        }
        log.pass('config.alias', 'Connection & Credential alias exists', `Alias "${alias.name}" (${alias.id}).`)
        const all = config.connectionsOfAlias(alias.sysId)
        const active = all.filter((c) => c.active)
        const id = 'config.connection.present'
        const title = 'Alias has an active connection'
        if (active.length === 0) {
            const found = all.length ? `Alias "${alias.name}" has ${all.length} connection${all.length === 1 ? '' : 's'}, none active (${all.map((c) => `"${c.name}"`).join(', ')}).` : `Alias "${alias.name}" has no connection.`
            const fix = all.length ? `Open connection "${all[0].name}" and check Active.` : `Open alias "${alias.name}" and create a connection: use the shipped "Jira Cloud OAuth Connection" for OAuth 2.0, or Create New Connection & Credential for email and API token.`
            log.fail(id, title, all.length ? 'no_active_connection' : 'no_connection', found, 'One active HTTP(s) connection on the alias.', fix)
            return { name: alias.name, alias, connections: [], credentialOnly: null }
        }
        if (active.length > 1 && !alias.multipleConnections) {
            log.warn(id, title, 'multiple_active_connections', `Alias "${alias.name}" has ${active.length} active connections (${active.map((c) => `"${c.name}"`).join(', ')}) but does not support multiple connections: which one the platform uses is undefined.`, 'Exactly one active connection, or Support Multiple Active Connections on the alias.', 'Deactivate all but one connection, or use a child alias per Jira site. Each active connection is validated below.')
        } else {
            log.pass(id, title, active.length === 1 ? `Connection "${active[0].name}" is active.` : `${active.length} active connections (multiple connections allowed); each is validated.`)
        }
        return { name: alias.name, alias, connections: active, credentialOnly: null }
    }
    if (CONNECTION_TABLES.includes(target.table)) {
        const connection = config.connection(target.sysId)
        if (!connection) {
            log.fail('config.connection.present', 'Connection exists', 'connection_not_found', `No connection with sys_id ${target.sysId}.`, 'An HTTP(s) connection on the Jira alias.', 'Open the connection from Jira Cloud Connect > Connections and validate from there.')
            return null
        }
        const alias = connection.aliasSysId ? config.alias(connection.aliasSysId) : null
        if (!connection.active) {
            log.warn('config.connection.present', 'Connection is active', 'connection_inactive', `Connection "${connection.name}" is inactive: integrations do not use it.`, 'An active connection.', `Check Active on connection "${connection.name}" when it is ready (one active connection per alias).`)
        } else {
            log.pass('config.connection.present', 'Connection is active', `Connection "${connection.name}" is active${alias ? ` on alias "${alias.name}"` : ''}.`)
        }
        return { name: connection.name, alias, connections: [connection], credentialOnly: null }
    }
    if (target.table === 'oauth_2_0_credentials' || target.table === 'basic_auth_credentials') {
        const credential = config.credential(target.sysId)
        if (!credential) {
            log.fail('config.connection.credential', 'Credential exists', 'credential_not_found', `No credential with sys_id ${target.sysId}.`, 'An OAuth 2.0 credential of the Jira Cloud OAuth registry.', 'Open the credential from Jira Cloud Connect > OAuth 2.0 Credentials and validate from there.')
            return null
        }
        const connections = config.connectionsUsingCredential(credential.sysId).filter((c) => c.active)
        if (connections.length === 0) {
            log.warn('config.connection.present', 'A connection uses this credential', 'credential_unused', `No active connection uses credential "${credential.name}": the token is checked, Jira calls are not.`, 'An active connection on the Jira alias using this credential.', `Set Credential = "${credential.name}" on the Jira connection (Jira Cloud Connect > Connections).`)
            return { name: credential.name, alias: null, connections: [], credentialOnly: credential }
        }
        log.pass('config.connection.present', 'A connection uses this credential', `Used by ${connections.map((c) => `"${c.name}"`).join(', ')}.`)
        const alias = connections[0].aliasSysId ? config.alias(connections[0].aliasSysId) : null
        return { name: credential.name, alias, connections, credentialOnly: null }
    }
    log.fail('config.target', 'Validation target', 'unsupported_target', `Records of table ${target.table} cannot be validated.`, 'A Jira alias, one of its connections, or an OAuth 2.0 credential.', 'Run "Validate Jira connection" from the Jira alias, a Jira connection, or the Jira OAuth credential.')
    return null
}

function validateConnection(
    log: CheckLog,
    connection: ConnectionSnapshot,
    targetAlias: AliasSnapshot | null,
    ports: ValidatorPorts,
    engine: CallEngine,
    gatewayBase: string,
    cache?: CredentialRunCache
): void {
    const alias = connection.aliasSysId && (!targetAlias || targetAlias.sysId !== connection.aliasSysId) ? ports.config.alias(connection.aliasSysId) : targetAlias
    const credential = connection.credentialSysId ? ports.config.credential(connection.credentialSysId) : null
    const credentialOk = checkCredentialLink(log, connection, credential)
    const urlPlan = checkConnectionUrl(log, connection, credential, gatewayBase)
    const apiVersion = checkAttributes(log, connection, alias)
    const skipReason = (what: string) => `Skipped: ${what}.`

    if (!credentialOk || !credential || credential.kind === 'other') {
        skipRemote(log, skipReason('the connection has no usable credential'))
        return
    }
    if (credential.kind === 'basic') {
        const hasUser = !!credential.userName.trim()
        if (!hasUser || !credential.hasPassword) {
            const missing = [!hasUser ? 'user name (email)' : '', !credential.hasPassword ? 'API token' : ''].filter(Boolean).join(' and ')
            log.fail('config.credential.basic', 'Basic credential has an email and API token', 'basic_credential_incomplete', `Credential "${credential.name}" has no ${missing}.`, 'User name = Atlassian account email; Password = an Atlassian API token.', `Open credential "${credential.name}" and fill in the ${missing}.`)
            skipRemote(log, skipReason('the basic credential is incomplete'))
            return
        }
        log.pass('config.credential.basic', 'Basic credential has an email and API token', `User name "${credential.userName}", API token set (not shown).`)
        if (!urlPlan.jiraBaseUrl || !apiVersion) {
            skipRemote(log, skipReason(!urlPlan.jiraBaseUrl ? 'the connection URL is not usable' : 'api_version is not usable'))
            return
        }
        checkJira(log, engine, {
            baseUrl: urlPlan.jiraBaseUrl,
            apiVersion,
            auth: { kind: 'basic', credentialSysId: credential.sysId },
            expectedSiteUrl: urlPlan.inspection.form.kind === 'site' ? originOf(urlPlan.jiraBaseUrl) : null,
            connectionName: connection.name,
            credentialName: credential.name,
            userName: credential.userName,
        })
        return
    }

    // OAuth 2.0
    const token = oauthToken(log, credential, ports, engine, mayRefresh(cache, credential.sysId))
    if (!token) return
    const { auth, tokenJustIssued } = token
    // accessible-resources runs even with a placeholder cloud id: it tells the admin which id to use.
    if (!urlPlan.jiraBaseUrl && !urlPlan.cloudIdUnset) {
        skipRemote(log, skipReason('the connection URL is not usable'))
        return
    }
    const atlassian = checkAccessibleResources(log, engine, gatewayBase, auth, urlPlan.cloudId, connection.name, tokenJustIssued)
    if (!atlassian.site || !urlPlan.jiraBaseUrl || !apiVersion) {
        const why = !atlassian.tokenAccepted ? 'Atlassian did not accept the token' : !atlassian.site ? 'the connection does not name a site the token reaches' : 'api_version is not usable'
        log.skip('jira.myself', 'Jira accepts the credential (myself)', skipReason(why))
        log.skip('jira.server_info', 'Jira Cloud site (serverInfo)', skipReason(why))
        return
    }
    checkJira(log, engine, {
        baseUrl: urlPlan.jiraBaseUrl,
        apiVersion,
        auth,
        expectedSiteUrl: atlassian.site.url || null,
        connectionName: connection.name,
        credentialName: credential.name,
    })
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
        log.skip('token.access', 'Access token', 'Basic credentials are checked through a connection that uses them.')
        return
    }
    if (!credential.active) {
        log.fail('config.connection.credential', 'Credential is active', 'credential_inactive', `Credential "${credential.name}" is inactive.`, 'An active credential.', `Open credential "${credential.name}" and check Active.`)
        return
    }
    const token = oauthToken(log, credential, ports, engine, mayRefresh(cache, credential.sysId))
    if (token) checkAccessibleResources(log, engine, gatewayBase, token.auth, undefined, '(no connection)', token.tokenJustIssued)
}

/**
 * Registry and token checks of an OAuth 2.0 credential; the AuthRef for Atlassian calls, or null (remote checks are
 * then logged as skipped). tokenJustIssued: this run refreshed the token, so a 401 right after points at `audience`.
 */
function oauthToken(
    log: CheckLog,
    credential: Extract<CredentialSnapshot, { kind: 'oauth2' }>,
    ports: ValidatorPorts,
    engine: CallEngine,
    mayRefresh: boolean
): { auth: AuthRef; tokenJustIssued: boolean } | null {
    const setup = checkOAuthRegistry(log, credential, ports.config)
    const outcome = checkTokens(log, credential, setup, ports.tokens, engine, mayRefresh)
    if (!outcome || !setup.profile) {
        const idle = log.checks.some((c) => c.id === 'token.access' && c.code === 'access_idle')
        skipRemote(log, idle ? 'Skipped: the access token has expired and this health check did not refresh it.' : 'Skipped: no usable access token.')
        return null
    }
    return { auth: { kind: 'oauth2', credentialSysId: credential.sysId, profileSysId: setup.profile.sysId }, tokenJustIssued: outcome === 'refreshed' }
}

function mayRefresh(cache: CredentialRunCache | undefined, credentialSysId: string): boolean {
    return cache ? cache.refreshAllowed(credentialSysId) : true
}

function skipRemote(log: CheckLog, reason: string): void {
    log.skip('atlassian.accessible_resources', 'Atlassian accepts the token (accessible-resources)', reason)
    log.skip('jira.myself', 'Jira accepts the credential (myself)', reason)
    log.skip('jira.server_info', 'Jira Cloud site (serverInfo)', reason)
}
