/**
 * The health check: validates every Jira connection the app can see (active connections on the Jira alias and its
 * child aliases, template-created ones included, and the OAuth 2.0 credentials of the app's registries that no active
 * connection uses), keeps idle refresh tokens alive, updates one health row per subject and raises alerts on change.
 * Bounded: each subject gets at most the per-connection budget, the run stops starting subjects when the total budget
 * cannot fit another, and names what it did not check. Plain TypeScript over ports; never throws for bad data.
 */
import type { ConfigPort, ConnectionSnapshot, CredentialSnapshot, TokenState } from '../ports'
import type { CheckResult, ValidationReport, Verdict } from '../report'
import { humanDuration, summarize, verdictOf } from '../report'
import { PROPERTY, validate, type ValidatorPorts } from '../validator'
import { assess, notChecked } from './assess'
import type { AlertPort, HealthAlert, HealthInventoryPort, HealthState, HealthStorePort, HealthSubject } from './model'
import { storedTokens } from '../stored-tokens'
import { CredentialRunCache } from './run-cache'
import { healthSettings, MIN_CONNECTION_BUDGET_MS, type HealthSettings } from './settings'
import type { InboundResult } from '../checks/inbound'
import { webhookRefreshDays } from '../inbound-settings'
import {
    keepInboundBroken,
    webhookExpiryAlerts,
    webhookNeedsToken,
    webhookRefreshAllowed,
    withWebhookDeadline,
} from './webhook-refresh'

const DAY_MS = 86400000
/** Atlassian accepts a rotated-out refresh token for 10 minutes; never refresh the same credential twice in that. */
export const REFRESH_REUSE_WINDOW_MS = 600000

export interface HealthPorts extends ValidatorPorts {
    inventory: HealthInventoryPort
    health: HealthStorePort
    alerts: AlertPort
}

export type HealthTrigger = 'scheduled' | 'on_demand'

export interface SubjectOutcome {
    subject: HealthSubject
    state: HealthState
    checked: boolean
    keptAlive: boolean
    alerts: HealthAlert[]
}

export interface HealthRunResult {
    trigger: HealthTrigger
    /** One combined report (every subject's checks, tagged with its name), stored as a validation run. */
    report: ValidationReport
    outcomes: SubjectOutcome[]
    notChecked: Array<{ name: string; reason: string }>
    alerts: HealthAlert[]
    /** Calls that left the instance, and answers shared between subjects instead of repeated. */
    calls: number
    shared: number
    keptAlive: number
}

/** The run's row id is needed by the health rows; the adapter stores the run before the rows (see health-service). */
export interface RunSink {
    saveRun(report: ValidationReport, trigger: HealthTrigger, notCheckedText: string): string
}

/**
 * Runs the health check over every subject, or over one (`onlySysId`: the setup page's per-row Validate), which then
 * updates only that subject's health row and stores a run targeting it.
 */
export function runHealthCheck(
    ports: HealthPorts,
    trigger: HealthTrigger,
    sink: RunSink,
    onlySysId: string | null = null
): HealthRunResult {
    const settings = healthSettings(ports.config)
    const startedAtMs = ports.clock.nowMs()
    const subjects = inventory(ports).filter((s) => onlySysId === null || s.sysId === onlySysId)
    const cache = new CredentialRunCache()
    const checks: CheckResult[] = []
    const pending: Array<{
        subject: HealthSubject
        checks: CheckResult[]
        token: TokenState | null
        keepAlive: { result: string } | null
        at: number
        inbound?: InboundResult
    }> = []
    const skipped: Array<{ subject: HealthSubject; reason: string }> = []
    const timeoutMs = httpTimeoutMs(ports.config)

    for (const subject of subjects) {
        const elapsed = ports.clock.nowMs() - startedAtMs
        const left = settings.totalBudgetMs - elapsed
        if (left < Math.max(MIN_CONNECTION_BUDGET_MS, timeoutMs)) {
            skipped.push({
                subject,
                reason:
                    `not checked: the run's total budget (${settings.totalBudgetMs} ms) ` +
                    `was spent after ${elapsed} ms`,
            })
            continue
        }
        const previous = ports.health.read(subject.table, subject.sysId)
        const oauth = subject.credential && subject.credential.kind === 'oauth2' ? subject.credential : null
        const before = oauth && oauth.profileSysId ? storedTokens(ports.tokens, oauth.sysId, oauth.profileSysId) : null
        const keepAliveDue = oauth
            ? keepAliveDueFor(oauth.sysId, before, previous, ports, settings, cache) ||
              (!cache.refreshOf(oauth.sysId) &&
                  webhookNeedsToken(previous, before, ports.clock.nowMs(), webhookRefreshDays(ports.config)))
            : false
        cache.setRefreshPolicy((credentialSysId) => credentialSysId === (oauth && oauth.sysId) && keepAliveDue)
        const budget = Math.min(settings.connectionBudgetMs, left)
        let inbound: InboundResult | undefined
        const report = validate(
            { table: subject.table, sysId: subject.sysId },
            { ...ports, config: withProperty(ports.config, PROPERTY.budgetMs, String(budget)) },
            {
                cache,
                webhookRefresh: () => webhookRefreshAllowed(previous, ports.clock.nowMs()),
                onInbound: (_sysId, result) => (inbound = result),
            }
        )
        const own = report.checks.map((c) => ({ ...c, subject: c.subject || subject.name }))
        checks.push(...own)
        const access = own.find((c) => c.id === 'token.access')
        const refreshed = !!(oauth && keepAliveDue && cache.refreshOf(oauth.sysId))
        const keepAlive = refreshed
            ? { result: access && access.code === 'refreshed' ? 'ok' : access ? access.code : 'failed' }
            : null
        if (refreshed && keepAlive && keepAlive.result === 'ok') {
            checks.push(keepAliveCheck(subject, before, previous, ports.clock.nowMs()))
        }
        const after = oauth && oauth.profileSysId ? storedTokens(ports.tokens, oauth.sysId, oauth.profileSysId) : null
        pending.push({ subject, checks: own, token: after, keepAlive, at: ports.clock.nowMs(), inbound })
    }

    const notCheckedList = skipped.map((s) => ({ name: s.subject.name, reason: s.reason }))
    for (const s of skipped) {
        checks.push({
            id: 'health.budget',
            status: 'skip',
            title: 'Checked in this run',
            code: 'skipped',
            found: `Not checked: ${s.reason.replace(/^not checked: /, '')}.`,
            expected: '',
            fix: '',
            subject: s.subject.name,
        })
    }
    const verdict: Verdict = verdictOf(checks)
    const one = onlySysId !== null && subjects.length === 1 ? subjects[0] : null
    const name = one
        ? `${one.name} (health check)`
        : trigger === 'scheduled'
          ? 'All Jira connections (scheduled health check)'
          : 'All Jira connections (Validate all)'
    const durationMs = ports.clock.nowMs() - startedAtMs
    const report: ValidationReport = {
        verdict,
        target: one
            ? { table: one.table, sysId: one.sysId }
            : { table: 'sys_alias', sysId: ports.inventory.jiraAliasSysIds()[0] || 'x_jira_connect.Jira' },
        targetName: name,
        summary: runSummary(verdict, checks, name, subjects.length, skipped.length),
        checks,
        calls: cache.calls,
        durationMs,
        startedAtMs,
    }
    const runSysId = sink.saveRun(report, trigger, notCheckedList.map((n) => `${n.name}: ${n.reason}`).join('\n'))

    const outcomes: SubjectOutcome[] = []
    const alerts: HealthAlert[] = []
    for (const p of pending) {
        const previous = ports.health.read(p.subject.table, p.subject.sysId)
        const apiToken =
            p.subject.credential && p.subject.credential.kind === 'basic'
                ? ports.inventory.apiTokenInfo(p.subject.credential.sysId)
                : null
        const assessed = assess(
            previous,
            {
                subject: p.subject,
                checks: p.checks,
                nowMs: p.at,
                token: p.token,
                apiToken,
                keepAlive: p.keepAlive,
                runSysId,
            },
            settings
        )
        // Jira → ServiceNow (webhook-refresh.ts): the expiry alert, the verdict an idle run cannot clear, the deadline.
        const a = keepInboundBroken(previous, p.checks, assessed)
        a.alerts.push(...webhookExpiryAlerts(previous, p.subject, p.checks, a.alerts.length > 0))
        a.state = withWebhookDeadline(a.state, p.inbound, previous, p.at)
        ports.health.write(a.state)
        for (const alert of a.alerts) ports.alerts.fire(alert, a.state)
        alerts.push(...a.alerts)
        outcomes.push({
            subject: p.subject,
            state: a.state,
            checked: true,
            keptAlive: !!(p.keepAlive && p.keepAlive.result === 'ok'),
            alerts: a.alerts,
        })
    }
    for (const s of skipped) {
        const state = notChecked(ports.health.read(s.subject.table, s.subject.sysId), s.subject, s.reason, runSysId)
        ports.health.write(state)
        outcomes.push({ subject: s.subject, state, checked: false, keptAlive: false, alerts: [] })
    }
    return {
        trigger,
        report,
        outcomes,
        notChecked: notCheckedList,
        alerts,
        calls: cache.calls,
        shared: cache.saved,
        keptAlive: outcomes.filter((o) => o.keptAlive).length,
    }
}

/** Every subject, connections first (alias order), then credentials no active connection uses. */
export function inventory(ports: Pick<HealthPorts, 'config' | 'inventory'>): HealthSubject[] {
    const subjects: HealthSubject[] = []
    const seenConnections = new Set<string>()
    const usedCredentials = new Set<string>()
    for (const aliasSysId of ports.inventory.jiraAliasSysIds()) {
        const alias = ports.config.alias(aliasSysId)
        if (!alias) continue
        for (const connection of ports.config.connectionsOfAlias(aliasSysId)) {
            if (!connection.active || seenConnections.has(connection.sysId)) continue
            seenConnections.add(connection.sysId)
            const credential = connection.credentialSysId ? ports.config.credential(connection.credentialSysId) : null
            if (credential) usedCredentials.add(credential.sysId)
            subjects.push(connectionSubject(connection, alias.name, credential))
        }
    }
    for (const credentialSysId of ports.inventory.appOAuthCredentialSysIds()) {
        if (usedCredentials.has(credentialSysId)) continue
        const credential = ports.config.credential(credentialSysId)
        if (!credential || !credential.active) continue
        subjects.push({
            kind: 'credential',
            table: credential.table,
            sysId: credential.sysId,
            name: credential.name,
            aliasName: '',
            credential,
        })
    }
    return subjects
}

function connectionSubject(
    connection: ConnectionSnapshot,
    aliasName: string,
    credential: CredentialSnapshot | null
): HealthSubject {
    return {
        kind: 'connection',
        table: connection.table,
        sysId: connection.sysId,
        name: connection.name,
        aliasName,
        credential,
    }
}

/**
 * Keep-alive is due when the refresh token has been idle for the keep-alive days: idle = the registry's refresh
 * lifespan minus what is left (the platform restarts the lifespan on each refresh when extend_refresh_token_expiry is
 * true, KB2132135), or the time since this check last refreshed it, whichever is shorter. Never twice within
 * Atlassian's 10-minute reuse window, never on a dead token (that needs a new consent, not a refresh).
 */
function keepAliveDueFor(
    credentialSysId: string,
    token: TokenState | null,
    previous: HealthState | null,
    ports: HealthPorts,
    settings: HealthSettings,
    cache: CredentialRunCache
): boolean {
    if (settings.keepAliveDays <= 0 || !token || !token.hasRefreshToken) return false
    if (token.refreshExpiresInSec !== null && token.refreshExpiresInSec <= 0) return false
    if (token.hasAccessToken && token.accessExpiresInSec !== null && token.accessExpiresInSec > 0) return false
    if (cache.refreshOf(credentialSysId)) return false
    const now = ports.clock.nowMs()
    if (previous && previous.lastKeepAliveMs !== null && now - previous.lastKeepAliveMs < REFRESH_REUSE_WINDOW_MS)
        return false
    const idleMs = idleFor(credentialSysId, token, previous, ports, now)
    return idleMs !== null && idleMs >= settings.keepAliveDays * DAY_MS
}

function idleFor(
    credentialSysId: string,
    token: TokenState,
    previous: HealthState | null,
    ports: HealthPorts,
    now: number
): number | null {
    const candidates: number[] = []
    const lifespan = ports.inventory.refreshLifespanSec(credentialSysId)
    if (lifespan !== null && token.refreshExpiresInSec !== null)
        candidates.push((lifespan - token.refreshExpiresInSec) * 1000)
    if (previous && previous.lastKeepAliveMs !== null) candidates.push(now - previous.lastKeepAliveMs)
    if (previous && previous.consentSinceMs !== null) candidates.push(now - previous.consentSinceMs)
    return candidates.length ? Math.min(...candidates) : null
}

function keepAliveCheck(
    subject: HealthSubject,
    before: TokenState | null,
    previous: HealthState | null,
    now: number
): CheckResult {
    const idle =
        previous && previous.lastKeepAliveMs !== null
            ? ` (last keep-alive ${humanDuration((now - previous.lastKeepAliveMs) / 1000)} ago)`
            : ''
    const left =
        before && before.refreshExpiresInSec !== null
            ? `; it had ${humanDuration(Math.max(0, before.refreshExpiresInSec))} left`
            : ''
    return {
        id: 'health.keep_alive',
        status: 'pass',
        title: 'Keep-alive refresh',
        code: 'refreshed',
        found:
            `The refresh token was idle${idle}${left}: refreshed it once through the platform, which stored ` +
            "Atlassian's rotated refresh token and restarted the 90 days.",
        expected: '',
        fix: '',
        subject: subject.name,
    }
}

function runSummary(verdict: Verdict, checks: CheckResult[], name: string, subjects: number, skipped: number): string {
    const base = subjects === 0 ? `${name}: no Jira connection to check.` : summarize(verdict, checks, name)
    return skipped ? `${base} ${skipped} of ${subjects} not checked: the run's time budget was spent.` : base
}

function httpTimeoutMs(config: ConfigPort): number {
    const n = parseInt(config.property(PROPERTY.timeoutMs, '10000'), 10)
    return Number.isFinite(n) && n >= 1000 && n <= 60000 ? n : 10000
}

/** The same configuration with one property overridden (the per-subject budget). No Proxy: Rhino may lack it. */
function withProperty(config: ConfigPort, name: string, value: string): ConfigPort {
    return {
        alias: (sysId) => config.alias(sysId),
        connectionsOfAlias: (aliasSysId) => config.connectionsOfAlias(aliasSysId),
        connection: (sysId) => config.connection(sysId),
        connectionsUsingCredential: (credentialSysId) => config.connectionsUsingCredential(credentialSysId),
        credential: (sysId) => config.credential(sysId),
        profile: (sysId) => config.profile(sysId),
        registry: (sysId) => config.registry(sysId),
        property: (n, fallback) => (n === name ? value : config.property(n, fallback)),
        instanceCallbackUrl: () => config.instanceCallbackUrl(),
    }
}
