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
import { instanceInbound, jiraSideOf, PROPERTY, validate, type ValidatorPorts } from '../validator'
import { safeText } from '../sanitize'
import { assess, notChecked, retired } from './assess'
import type { AlertPort, HealthAlert, HealthInventoryPort, HealthState, HealthStorePort, HealthSubject } from './model'
import { storedTokens } from '../stored-tokens'
import { CredentialRunCache, type SubjectEvidence } from './run-cache'
import { healthSettings, MIN_CONNECTION_BUDGET_MS, type HealthSettings } from './settings'
import { releaseLock, takeLock, type RunLockPort } from './single-flight'
import type { InboundResult } from '../checks/inbound'
import type { JiraSide } from '../checks/inbound-instance'
import { instanceOnlyEntry, withInbound } from '../inbound-view'
import { capabilityIntervalHours, capabilitySchedule, settleRound, withCapability } from './capability-round'
import { standingsOf, withStanding } from './standing'
import { webhookRefreshDays } from '../inbound-settings'
import { projectsTag } from '../projects-setting'
import {
    keepInboundBroken,
    webhookExpiryAlerts,
    webhookNeedsToken,
    webhookRefreshAllowed,
    withWebhookDeadline,
} from './webhook-refresh'

/** Atlassian accepts a rotated-out refresh token for 10 minutes; never refresh the same credential twice in that. */
export const REFRESH_REUSE_WINDOW_MS = 600000

export interface HealthPorts extends ValidatorPorts {
    inventory: HealthInventoryPort
    health: HealthStorePort
    alerts: AlertPort
    /** One run at a time (single-flight.ts); absent = no lock (a single caller). */
    lock?: RunLockPort
}

export type HealthTrigger = 'scheduled' | 'on_demand'

export type RefusedCode = 'token_access_denied' | 'run_in_progress'

export interface SubjectOutcome {
    subject: HealthSubject
    state: HealthState
    /** The run examined the subject (false: budget spent before it). */
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
    /**
     * Why the run changed nothing (no run stored, no health row written, no alert), or null: this user may not read
     * the OAuth tokens (KB0859525), so every OAuth verdict would be a guess; or another run holds the lock.
     */
    refused: string | null
    /** The stable code of the refusal (the setup API answers 403 or 409 on it), or null. */
    refusedCode: RefusedCode | null
    /** Health rows of subjects the check no longer covers (inactive or deleted), marked "no longer checked" now. */
    retired: number
}

/** The run's row id is needed by the health rows; the adapter stores the run before the rows (see health-service). */
export interface RunSink {
    saveRun(report: ValidationReport, trigger: HealthTrigger, notCheckedText: string): string
}

/** What a subject-check step sees: the subject, the run's shared (cached, counted) ports and what was found so far. */
export interface SubjectContext {
    subject: HealthSubject
    ports: ValidatorPorts
    previous: HealthState | null
    /** The checks of this subject so far (the validator's, then earlier steps'). */
    checks: CheckResult[]
    nowMs: number
}

/**
 * One step of a subject's check. The validator's checks are the first; later work (capability checks, webhook
 * refresh) adds a step that returns its own checks for the subject. Calls go through ctx.ports so they are counted,
 * shared per credential and count as the subject's evidence. A step that throws is recorded against the subject.
 */
export interface SubjectStep {
    id: string
    run(ctx: SubjectContext): CheckResult[]
}

export interface HealthRunOptions {
    /** Only this subject (the setup page's per-row Validate): only its row changes, no row is retired. */
    onlySysId?: string | null
    /** Extra steps after the validator's checks, in order. */
    steps?: SubjectStep[]
    /** Who starts the run (user name, or "scheduled job"), named to a run that finds the lock held. */
    runBy?: string
}

interface Pending {
    subject: HealthSubject
    checks: CheckResult[]
    token: TokenState | null
    keepAlive: { result: string } | null
    evidence: SubjectEvidence
    /** Why no verdict could be formed (an exception), else ''. */
    stopped: string
    at: number
    /**
     * What the Jira → ServiceNow checks saw (webhook-refresh.ts) and the webhooks pointing here they listed (for the
     * run's instance side), when they read Jira's side.
     */
    inbound?: { result: InboundResult; jira: JiraSide }
    /** The validator's report and whether its capability round was cut (capability-round.ts). */
    /** `projects`: the tag of the project list the round ran for (projectsTag). */
    round?: { report: ValidationReport; cut: string; startedAtMs: number; projects: string }
}

/**
 * Runs the health check over every subject, or over one (`onlySysId`: the setup page's per-row Validate), which then
 * updates only that subject's health row and stores a run targeting it. Subjects checked longest ago go first, so a
 * run cut short by its budget starts next time with what it missed.
 */
export function runHealthCheck(
    ports: HealthPorts,
    trigger: HealthTrigger,
    sink: RunSink,
    onlySysIdOrOptions: string | null | HealthRunOptions = null
): HealthRunResult {
    const options: HealthRunOptions =
        onlySysIdOrOptions === null || typeof onlySysIdOrOptions === 'string'
            ? { onlySysId: onlySysIdOrOptions }
            : onlySysIdOrOptions
    const onlySysId = options.onlySysId ?? null
    const settings = healthSettings(ports.config)
    const startedAtMs = ports.clock.nowMs()
    const all = inventory(ports)
    const subjects = oldestFirst(
        all.filter((s) => onlySysId === null || s.sysId === onlySysId),
        ports.health
    )
    const refused = tokensUnreadable(ports, subjects)
    if (refused) return refusedRun(trigger, refused, startedAtMs, ports)
    const lock = ports.lock
    if (!lock) return checkAll(ports, trigger, sink, options, all, subjects, startedAtMs)
    const owner = `${options.runBy || trigger} #${Math.floor(Math.random() * 1e9)}`
    const staleAfterMs = Math.max(2 * settings.totalBudgetMs, 10 * 60000)
    const taken = takeLock(lock, owner, startedAtMs, staleAfterMs)
    if (!taken.ok) {
        const who = taken.held.owner.replace(/ #\d+$/, '')
        const since = new Date(taken.held.sinceMs).toISOString().replace('T', ' ').slice(0, 19)
        const why =
            `Nothing was checked or changed: a health check started by ${safeText(who, 60)} is already running ` +
            `since ${since} UTC, and two at once would double its refreshes and alerts; its results appear on the ` +
            'Connection Health list when it ends, so validate again after that.'
        return refusedRun(trigger, why, startedAtMs, ports, 'run_in_progress')
    }
    try {
        return checkAll(ports, trigger, sink, options, all, subjects, startedAtMs)
    } finally {
        releaseLock(lock, taken.id)
    }
}

/** The run itself, once it may go ahead. */
function checkAll(
    ports: HealthPorts,
    trigger: HealthTrigger,
    sink: RunSink,
    options: HealthRunOptions,
    all: HealthSubject[],
    subjects: HealthSubject[],
    startedAtMs: number
): HealthRunResult {
    const onlySysId = options.onlySysId ?? null
    const steps = options.steps ?? []
    const settings = healthSettings(ports.config)

    const cache = new CredentialRunCache()
    const checks: CheckResult[] = []
    const pending: Pending[] = []
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
        const budget = Math.min(settings.connectionBudgetMs, left)
        const p = checkSubject(subject, ports, cache, steps, budget, settings, onlySysId !== null)
        checks.push(...p.checks)
        pending.push(p)
    }

    // The Jira spoke's records are one per instance: read once, reported on one subject's row (instanceSide).
    const instance = instanceSide(ports, all, pending, onlySysId)
    checks.push(...instance.checks)

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
    for (const cut of ports.inventory.truncated ? ports.inventory.truncated() : []) {
        checks.push({
            id: 'health.inventory',
            status: 'warn',
            title: 'Every Jira connection listed',
            code: 'list_truncated',
            found: `There are ${cut}, so a connection beyond them may not have been checked.`,
            expected: 'Every matching record read.',
            fix:
                'Delete the records that are no longer needed (inactive connections, unused child aliases of the ' +
                'Jira alias), then run Validate all again.',
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
        // Each subject's Jira → ServiceNow section, tagged as its checks are (the run's text shows it).
        inbound: pending.flatMap((p) =>
            p.round ? (p.round.report.inbound || []).map((r) => ({ ...r, subject: r.subject || p.subject.name })) : []
        ),
        standings: standingsOf(pending),
    }
    if (instance.on) report.inboundInstanceOn = instance.on
    const runSysId = sink.saveRun(report, trigger, notCheckedList.map((n) => `${n.name}: ${n.reason}`).join('\n'))

    const outcomes: SubjectOutcome[] = []
    const alerts: HealthAlert[] = []
    for (const p of pending) {
        // One subject's bad data or a failed write must not stop the others.
        try {
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
                    evidence: p.evidence,
                    stopped: p.stopped,
                },
                settings
            )
            // Jira → ServiceNow (webhook-refresh.ts): the expiry alert, the verdict an idle run cannot clear, the
            // deadline.
            const a = keepInboundBroken(previous, p.checks, assessed)
            a.alerts.push(...webhookExpiryAlerts(previous, p.subject, p.checks, a.alerts.length > 0))
            a.state = withWebhookDeadline(a.state, p.inbound && p.inbound.result, previous, p.at)
            if (p.round) {
                const r = p.round
                a.state = withCapability(a.state, r.report, r.cut, r.startedAtMs, p.at, r.projects)
                a.state = withInbound(a.state, r.report)
                a.state = withStanding(a.state, r.report)
            }
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
        } catch (e) {
            notCheckedList.push({ name: p.subject.name, reason: `its health row could not be stored: ${errorText(e)}` })
        }
    }
    for (const s of skipped) {
        const state = notChecked(
            ports.health.read(s.subject.table, s.subject.sysId),
            s.subject,
            s.reason,
            runSysId,
            ports.clock.nowMs(),
            settings
        )
        ports.health.write(state)
        outcomes.push({ subject: s.subject, state, checked: false, keptAlive: false, alerts: [] })
    }
    const retired = onlySysId === null ? retireRows(ports, all, runSysId) : 0
    return {
        trigger,
        report,
        outcomes,
        notChecked: notCheckedList,
        alerts,
        calls: cache.calls,
        shared: cache.saved,
        keptAlive: outcomes.filter((o) => o.keptAlive).length,
        refused: null,
        refusedCode: null,
        retired,
    }
}

/** One subject: the validator's checks, then each step, through the run's cache; an exception stops only it. */
function checkSubject(
    subject: HealthSubject,
    ports: HealthPorts,
    cache: CredentialRunCache,
    steps: SubjectStep[],
    budgetMs: number,
    settings: HealthSettings,
    capabilityAlways = false
): Pending {
    cache.beginSubject()
    const oauth = subject.credential && subject.credential.kind === 'oauth2' ? subject.credential : null
    const readTokens = () =>
        oauth && oauth.profileSysId ? storedTokens(ports.tokens, oauth.sysId, oauth.profileSysId) : null
    const own: CheckResult[] = []
    let stopped = ''
    let before: TokenState | null = null
    let previous: HealthState | null = null
    const refreshedBefore = !!(oauth && cache.refreshOf(oauth.sysId))
    let inbound: Pending['inbound']
    let round: Pending['round']
    try {
        previous = ports.health.read(subject.table, subject.sysId)
        before = readTokens()
        const projects = projectsTag(ports.config.property(PROPERTY.capabilityProjects, ''))
        // An expired access token is refreshed through the platform, as the spoke would on its next use: a check
        // must call Atlassian to say anything good. keepalive_days = 0 turns that off (the subject is then not
        // checked), except when a Jira webhook pointing here needs refreshing soon (webhook-refresh.ts).
        const prev = previous
        const mayRefresh =
            settings.keepAliveDays > 0 ||
            (!!oauth && webhookNeedsToken(prev, before, now(ports), webhookRefreshDays(ports.config)))
        cache.setRefreshPolicy(() => mayRefresh)
        const report = validate(
            { table: subject.table, sysId: subject.sysId },
            { ...ports, config: withProperty(ports.config, PROPERTY.budgetMs, String(budgetMs)) },
            {
                cache,
                webhookRefresh: () => webhookRefreshAllowed(prev, now(ports)),
                onInbound: (_sysId, result, jira) => (inbound = { result, jira }),
                // Read once for the run, not per subject (instanceSide).
                instanceInbound: false,
                deprecationScan: false,
                capability: capabilitySchedule(
                    (sysId) => (sysId === subject.sysId ? prev : null),
                    () => now(ports),
                    capabilityIntervalHours(ports.config),
                    settings.totalBudgetMs,
                    projects,
                    capabilityAlways
                ),
            }
        )
        const settled = settleRound(report.checks)
        round = { report, cut: settled.cut, startedAtMs: report.startedAtMs, projects }
        own.push(...settled.checks.map((c) => ({ ...c, subject: c.subject || subject.name })))
        const refresh = oauth ? cache.refreshOf(oauth.sysId) : null
        if (refresh && refresh.ok && !refreshedBefore) own.push(keepAliveCheck(subject, before, previous, now(ports)))
        const shared: ValidatorPorts = { ...ports, http: cache.http(ports.http), tokens: cache.tokens(ports.tokens) }
        for (const step of steps) {
            const ctx: SubjectContext = { subject, ports: shared, previous, checks: [...own], nowMs: now(ports) }
            own.push(...step.run(ctx).map((c) => ({ ...c, subject: c.subject || subject.name })))
        }
    } catch (e) {
        stopped = `the check stopped on an unexpected error: ${errorText(e)}`
        own.push({
            id: 'health.subject',
            status: 'skip',
            title: 'Checked in this run',
            code: 'exception',
            found: `Not checked: ${stopped}. The other connections were checked.`,
            expected: '',
            fix: 'Validate this connection from its record to see the error; see the system log.',
            subject: subject.name,
        })
    }
    // Keep-alive bookkeeping goes on the row of the subject whose check made the refresh (one per credential).
    const refresh = oauth && !refreshedBefore ? cache.refreshOf(oauth.sysId) : null
    const access = own.find((c) => c.id === 'token.access')
    const keepAlive = refresh
        ? { result: refresh.ok ? 'ok' : access && access.status === 'fail' ? access.code : 'failed' }
        : null
    let after: TokenState | null = null
    try {
        after = readTokens()
    } catch (e) {
        after = before
    }
    const evidence = cache.evidence()
    return { subject, checks: own, token: after, keepAlive, evidence, stopped, at: now(ports), inbound, round }
}

/**
 * The Jira spoke's side of Jira → ServiceNow (checks/inbound-instance.ts) is one per instance: checked per subject, one
 * fault (an inactive run-as user) would break every row and send one alert per connection. The run reads it once,
 * compares it with the webhooks every subject listed, and reports it on one subject's row: the first of the inventory
 * (the Jira alias's first active connection) that this run checked; a single-subject run (a row's Validate) reads it
 * only when that row is the one. The other rows' sections say where it is. Returns the checks for the run's report.
 */
function instanceSide(
    ports: HealthPorts,
    all: HealthSubject[],
    pending: Pending[],
    onlySysId: string | null
): { checks: CheckResult[]; on: string } {
    if (!ports.realPath || !ports.spokeInbound) return { checks: [], on: '' }
    const withReport = pending.filter((p) => !!p.round)
    const first = all.length ? all[0] : null
    const host =
        onlySysId === null ? firstOf(all, withReport) : first && first.sysId === onlySysId ? withReport[0] : null
    const on = onlySysId === null ? (host ? host.subject.name : '') : first ? first.name : ''
    for (const p of withReport) if (p !== host && on && p.round) p.round.report.inboundInstanceOn = on
    if (!host || !host.round) return { checks: [], on }
    const seen = instanceInbound(ports, runJiraSide(all, pending))
    const report = host.round.report
    report.checks.push(...seen.checks)
    if (seen.instance) {
        const only = instanceOnlyEntry(seen.instance)
        const inbound = report.inbound || (report.inbound = [])
        for (const r of inbound) r.instance = only.instance
        // Its own Jira side was not read (an earlier check failed): the section carries the instance side only.
        if (!inbound.length) inbound.push(only)
    }
    const tagged = seen.checks.map((c) => ({ ...c, subject: host.subject.name }))
    host.checks.push(...tagged)
    return { checks: tagged, on }
}

/**
 * The webhooks pointing here that the run's subjects listed. A connection whose list this run did not read (not in
 * the run, or its checks stopped before Jira) may be the one calling a registry record: then which records Jira calls
 * is not known, and the check says why instead of calling a record unused.
 */
function runJiraSide(all: HealthSubject[], pending: Pending[]): JiraSide | null {
    const jira = jiraSideOf(pending.flatMap((p) => (p.inbound ? [p.inbound.jira] : [])))
    const listed = (s: HealthSubject) => pending.some((p) => p.subject.sysId === s.sysId && !!p.inbound)
    const unlisted = all.filter((s) => s.kind === 'connection' && !listed(s))
    if (!jira || !unlisted.length) return jira
    const names = unlisted.slice(0, 3).map((s) => `"${s.name}"`)
    return {
        ...jira,
        complete: false,
        unknownWhy:
            `this run did not list the Jira webhooks of ${unlisted.length} connection(s) (${names.join(', ')}` +
            `${unlisted.length > 3 ? ', …' : ''}), and one of them may be calling it`,
    }
}

/** The first subject of the inventory that is among `checked`. */
function firstOf(all: HealthSubject[], checked: Pending[]): Pending | null {
    for (const s of all) {
        const p = checked.find((x) => x.subject.sysId === s.sysId)
        if (p) return p
    }
    return null
}

function now(ports: Pick<HealthPorts, 'clock'>): number {
    return ports.clock.nowMs()
}

function errorText(e: unknown): string {
    return safeText(String((e as { message?: string })?.message || e), 160)
}

/** Subjects whose health row was checked longest ago (or never) first; ties keep the inventory order. */
function oldestFirst(subjects: HealthSubject[], store: HealthStorePort): HealthSubject[] {
    const last = new Map<string, number>()
    for (const s of subjects) {
        const row = store.read(s.table, s.sysId)
        last.set(s.sysId, row && row.lastCheckedMs !== null ? row.lastCheckedMs : -1)
    }
    return subjects
        .map((s, i) => ({ s, i }))
        .sort((a, b) => (last.get(a.s.sysId) as number) - (last.get(b.s.sysId) as number) || a.i - b.i)
        .map((x) => x.s)
}

/**
 * The platform lets only `admin` read OAuth tokens (KB0859525). A run by anyone else would call every OAuth subject
 * broken and blank its token dates: refuse before touching anything, and say why.
 */
function tokensUnreadable(ports: HealthPorts, subjects: HealthSubject[]): string | null {
    for (const s of subjects) {
        const c = s.credential
        if (!c || c.kind !== 'oauth2' || !c.profileSysId) continue
        const read = ports.tokens.read(c.sysId, c.profileSysId)
        if (read && 'denied' in read) {
            return (
                `Nothing was checked or changed: user "${safeText(read.userName, 60)}" may not read the OAuth ` +
                `tokens of credential "${c.name}" (the platform keeps them to the admin role, KB0859525), so this ` +
                'run could not tell whether the connections work. The scheduled health check keeps the health rows ' +
                'current; to check now, ask a user with the admin role to click Validate all.'
            )
        }
    }
    return null
}

function refusedRun(
    trigger: HealthTrigger,
    why: string,
    startedAtMs: number,
    ports: HealthPorts,
    code: RefusedCode = 'token_access_denied'
): HealthRunResult {
    const checks: CheckResult[] = [
        {
            id: 'health.run',
            status: 'skip',
            title: 'This run may check',
            code,
            found: why,
            expected:
                code === 'run_in_progress'
                    ? 'No other health check running.'
                    : 'A run by the scheduled job (system) or by a user with the admin role.',
            fix:
                code === 'run_in_progress'
                    ? 'Wait for the running check to end.'
                    : 'Ask a user with the admin role to click Validate all, or wait for the scheduled check.',
        },
    ]
    return {
        trigger,
        report: {
            verdict: 'warn',
            target: { table: 'sys_alias', sysId: ports.inventory.jiraAliasSysIds()[0] || 'x_jira_connect.Jira' },
            targetName: 'All Jira connections',
            summary: why,
            checks,
            calls: 0,
            durationMs: ports.clock.nowMs() - startedAtMs,
            startedAtMs,
        },
        outcomes: [],
        notChecked: [],
        alerts: [],
        calls: 0,
        shared: 0,
        keptAlive: 0,
        refused: why,
        refusedCode: code,
        retired: 0,
    }
}

/** Rows whose subject the check no longer covers (connection inactive or deleted): "no longer checked", no alert. */
function retireRows(ports: HealthPorts, covered: HealthSubject[], runSysId: string): number {
    const keys = new Set(covered.map((s) => `${s.table}:${s.sysId}`))
    let n = 0
    for (const row of ports.health.all()) {
        if (keys.has(`${row.subjectTable}:${row.subjectSysId}`) || row.verdict === 'no_longer_checked') continue
        try {
            ports.health.write(retired(row, runSysId))
            n++
        } catch (e) {
            /* the next run tries again */
        }
    }
    return n
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
