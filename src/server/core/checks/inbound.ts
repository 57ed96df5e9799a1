/**
 * Check group "Jira → ServiceNow": the webhooks Jira uses to call this instance. Three calls at most:
 * - `GET /rest/api/{v}/webhook`: the dynamic webhooks this OAuth app registered (each with `expirationDate` and `url`);
 *   they expire 30 days after registration or the last `PUT /rest/api/{v}/webhook/refresh`, and Jira then stops
 *   sending them with no notice (developer.atlassian.com/cloud/jira/platform/rest/v2/api-group-webhooks/). The health
 *   check refreshes the ones pointing here that expire within x_jira_connect.health.webhook_refresh_days.
 * - `GET /rest/api/{v}/webhook/failed`: deliveries Jira gave up on after its retries (url and failureTime; Jira gives
 *   no reason).
 * - `GET /rest/webhooks/1.0/webhook`: admin webhooks (Administer Jira only; they never expire, and can be disabled)
 *   (developer.atlassian.com/cloud/jira/platform/webhooks/).
 * Only Connect and OAuth 2.0 apps may use the dynamic-webhook endpoints; a scoped API token cannot manage webhooks
 * (ServiceNow's Jira spoke scope table: "Scoped API token is not supported for this action").
 * Facts and sources: docs/atlassian-contract.md §9.
 */
import type { AuthMethod } from '../auth-method'
import type { CallEngine, CallOutcome } from '../calls'
import { errorMessageOf, jsonOrFail } from '../findings'
import type { AuthRef } from '../ports'
import { checkSpec } from '../catalogue'
import type { CheckLog } from '../report'
import { fieldText } from '../sanitize'
import { joinUrl } from '../urls'
import { WEBHOOK_PROPERTY } from '../inbound-settings'

const DAY_MS = 86400000
/** Jira's life of a dynamic webhook (REST "Extend webhook life": "expire after 30 days"). */
export const DYNAMIC_WEBHOOK_LIFE_DAYS = 30
/** The ServiceNow hosts an instance URL can have (a clone target is another of them). */
const SERVICENOW_HOST = /(^|\.)(service-now\.com|servicenowservices\.com)$/i

export type Destination = 'here' | 'other_instance' | 'elsewhere'

/** One webhook as the validation result and the setup page show it. URLs carry no query (tokens live there). */
export interface WebhookView {
    kind: 'dynamic' | 'admin'
    id: string
    /** Scheme, host and path only: a token-based callback URL carries its token in the query. */
    url: string
    destination: Destination
    expiresAtMs: number | null
    enabled: boolean
    jql: string
    /** What is wrong with it, '' when nothing. */
    problem: string
    /** Deliveries to its URL Jira gave up on (GET /webhook/failed lists them by URL), and the last one (epoch ms). */
    failures?: number
    lastFailureMs?: number | null
}

/**
 * One callback on this instance that Jira can call: a Jira Webhook Registry record of the Jira spoke, or a Jira
 * External Trigger endpoint (ServiceNow docs setup-jira302-webhooks, jira-ext-trigger). Names and paths only: never a
 * token or an HMAC secret.
 */
export interface CallbackView {
    /** registry: a Jira Webhook Registry record; trigger: a Jira External Trigger endpoint. */
    kind: 'registry' | 'trigger'
    name: string
    /** Path on this instance (api/sn_jira_spoke/...), no query: a token-based callback URL carries its token there. */
    path: string
    /** How Jira's calls are authenticated: a token in the URL, an HMAC signature (spoke 5.4.0+), or not known. */
    auth: 'token' | 'hmac' | 'unknown'
    active: boolean
    /** Name of the token_verification or hash_message_verification record it uses, '' when none. Never its value. */
    verification: string
    /** Trigger: user name of its run-as user, '' when none. */
    runAs: string
    /** Ids of the Jira webhooks listed this run that point at this path; null when Jira's side was not read. */
    matchedBy: string[] | null
    /** What is wrong with it, '' when nothing. */
    problem: string
}

/** The instance side of the inbound half (checks/inbound-instance.ts). */
export interface InboundInstance {
    /** The installed Jira spoke (sn_jira_spoke); null: not installed (callbacks is then empty). */
    spoke: { version: string } | null
    callbacks: CallbackView[]
}

export interface InboundResult {
    webhooks: WebhookView[]
    failedDeliveries: number
    lastFailureMs: number | null
    /** Health check: what the refresh did (null: not attempted). */
    refresh: { ok: boolean; expiresAtMs: number | null } | null
    /** What this instance has for Jira to call (absent: not read, e.g. the validator has no instance port). */
    instance?: InboundInstance
}

export interface InboundTarget {
    baseUrl: string
    apiVersion: string
    auth: AuthRef
    method: AuthMethod | null
    /** This instance's base URL (https://<instance>.service-now.com). */
    instanceUrl: string
    connectionName: string
    /** Webhooks expiring within this many days are reported (and refreshed by the health check). */
    refreshDays: number
    /** Health check only: whether this run may refresh this connection's expiring webhooks (once a day). */
    mayRefresh: boolean
    /** x_jira_connect.health.webhook_refresh: false when the admin switched the health check's refresh off. */
    refreshOn: boolean
    nowMs: number
}

/** The URL without query or fragment (the spoke's token-based callback puts its token in the query). */
export function shownUrl(raw: string): string {
    const text = String(raw || '').trim()
    const cut = text.search(/[?#]/)
    return fieldText(cut >= 0 ? text.slice(0, cut) : text, 200)
}

export function hostOf(url: string): string {
    const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:@]+)/i.exec(String(url || '').trim())
    return m ? m[1].toLowerCase() : ''
}

export function destinationOf(url: string, instanceUrl: string): Destination {
    const host = hostOf(url)
    if (host && host === hostOf(instanceUrl)) return 'here'
    return SERVICENOW_HOST.test(host) ? 'other_instance' : 'elsewhere'
}

/** Where a webhook's target URL points, as the validation result shows it (no query: tokens live there). */
export function pointing(target: unknown, instanceUrl: string): Pick<WebhookView, 'url' | 'destination'> {
    const raw = typeof target === 'string' ? target : ''
    return { url: shownUrl(raw), destination: raw ? destinationOf(raw, instanceUrl) : 'elsewhere' }
}

/**
 * "Points here / points at another instance", the same for dynamic and admin webhooks: the ones pointing at this
 * instance, and the ones pointing at another ServiceNow instance, each marked with that problem (a clone refreshed
 * from production keeps production's callback URLs). Webhooks pointing anywhere else are no concern of this app.
 */
export function byDestination(hooks: WebhookView[]): { here: WebhookView[]; otherInstance: WebhookView[] } {
    const here = hooks.filter((h) => h.destination === 'here')
    const otherInstance = hooks.filter((h) => h.destination === 'other_instance')
    for (const h of otherInstance) h.problem = `points at ${hostOf(h.url)}, not this instance`
    return { here, otherInstance }
}

/** epoch ms from Jira's expirationDate: int64 in the schema, an ISO date in the doc's sample. */
export function dateMs(value: unknown): number | null {
    if (typeof value === 'number' && Number.isFinite(value)) return value
    if (typeof value !== 'string' || !value) return null
    if (/^\d+$/.test(value)) return Number(value)
    const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
    const t = Date.parse(iso)
    return Number.isFinite(t) ? t : null
}

/** Operators and fields of the dynamic-webhook JQL subset (REST docs, WebhookDetails.jqlFilter). */
const JQL_FIELDS = /^(issuekey|project|issuetype|status|assignee|reporter|issue\.property\[[^\]]+\][\w.]*|cf\[\d+\])$/i

/** What a dynamic webhook's JQL filter uses beyond the subset Jira accepts; '' when it is inside it. */
export function jqlBeyondSubset(jql: string): string {
    const text = String(jql || '').trim()
    if (!text) return ''
    for (const raw of text.split(/\s+(?:AND|OR)\s+/i)) {
        const clause = raw.trim().replace(/^\(+|\)+$/g, '')
        const m = /^([\w.[\]]+)\s*(!=|=|NOT\s+IN\b|IN\b|!~|~|>=|<=|>|<|IS\s+NOT\b|IS\b|WAS\b|CHANGED\b)/i.exec(clause)
        if (!m) return `"${fieldText(clause, 60)}"`
        if (!JQL_FIELDS.test(m[1])) return `the field ${fieldText(m[1], 40)}`
        if (!/^(=|!=|NOT\s+IN|IN)$/i.test(m[2])) return `the operator ${m[2].toUpperCase()}`
    }
    return ''
}

function day(ms: number | null): string {
    return ms === null ? 'unknown' : new Date(ms).toISOString().slice(0, 10)
}

function daysLeft(atMs: number, nowMs: number): string {
    const d = Math.floor((atMs - nowMs) / DAY_MS)
    return d <= 0 ? 'less than a day' : d === 1 ? '1 day' : `${d} days`
}

/** 401 scope / 403 refusals of the webhook endpoints; true when logged. */
function refused(log: CheckLog, outcome: CallOutcome, t: InboundTarget, what: string): boolean {
    if (outcome.kind !== 'http' || (outcome.status !== 401 && outcome.status !== 403)) return false
    const message = errorMessageOf(outcome.body)
    const said = message ? ` "${message}"` : ''
    if (outcome.status === 401) {
        log.fail('inbound.dynamic_webhooks', {
            code: 'webhook_scope_missing',
            found: `Jira answered 401${said} to ${what}.`,
            expected: 'The manage:jira-webhook and read:jira-work scopes granted to the app and the profile.',
            fix:
                'Add manage:jira-webhook to the Atlassian app (developer console > Permissions > Jira API) and ' +
                `to the profile of the credential of "${t.connectionName}", then Get OAuth Token again.`,
        })
        return true
    }
    log.fail('inbound.dynamic_webhooks', {
        code: 'webhooks_forbidden',
        found: `Jira answered 403${said} to ${what}.`,
        expected: 'HTTP 200: Jira lets OAuth 2.0 and Connect apps list and refresh their webhooks.',
        fix:
            'Check that the connection uses the OAuth 2.0 (3LO) app that registered the webhooks, and that the ' +
            'consenting account can still use Jira on the site.',
    })
    return true
}

/** Runs the three checks of the group; returns what it saw (for the health row and the setup page). */
export function checkInbound(log: CheckLog, engine: CallEngine, t: InboundTarget): InboundResult {
    const result: InboundResult = { webhooks: [], failedDeliveries: 0, lastFailureMs: null, refresh: null }
    if (t.auth.kind === 'oauth2' && log.ready('inbound.dynamic_webhooks')) {
        if (t.method === 'service_account') {
            // A36: a client-credentials token is taken not to be an "OAuth 2.0 app" for these endpoints.
            log.pass(
                'inbound.dynamic_webhooks',
                'A service account is not an app: Jira lets only OAuth 2.0 (3LO) and Connect apps register dynamic ' +
                    'webhooks, so inbound events need admin webhooks (below). Not called.',
                'not_an_app'
            )
            log.skip('inbound.webhook_failures', 'Skipped: a service account has no dynamic webhooks.')
        } else if (checkDynamic(log, engine, t, result) && log.ready('inbound.webhook_failures')) {
            checkFailures(log, engine, t, result)
        }
    }
    if (log.ready('inbound.admin_webhooks')) checkAdmin(log, engine, t, result)
    return result
}

function checkDynamic(log: CheckLog, engine: CallEngine, t: InboundTarget, result: InboundResult): boolean {
    const id = 'inbound.dynamic_webhooks'
    const url = joinUrl(t.baseUrl, `rest/api/${t.apiVersion}/webhook?maxResults=100`)
    const outcome = engine.getJson(url, t.auth)
    if (refused(log, outcome, t, 'GET /webhook')) return false
    const answer = jsonOrFail(log, { id, what: 'Jira dynamic webhooks' }, outcome, url, engine.settings.timeoutMs)
    if (!answer) return false
    const page = (answer.json || {}) as { values?: unknown }
    if (!Array.isArray(page.values)) {
        log.fail(id, {
            code: 'unexpected_shape',
            found: 'Jira answered GET /webhook without a list of values.',
            expected: 'A page of webhooks ({values: [...]}).',
            fix: `Check that Connection URL on "${t.connectionName}" points at Jira Cloud, then validate again.`,
        })
        return false
    }
    const hooks: WebhookView[] = []
    for (const raw of page.values as { [k: string]: unknown }[]) {
        if (!raw || typeof raw !== 'object') continue
        hooks.push({
            kind: 'dynamic',
            id: fieldText(String(raw.id), 20),
            ...pointing(raw.url, t.instanceUrl),
            expiresAtMs: dateMs(raw.expirationDate),
            enabled: true,
            jql: fieldText(typeof raw.jqlFilter === 'string' ? raw.jqlFilter : '', 200),
            problem: '',
        })
    }
    result.webhooks.push(...hooks)
    const { here, otherInstance: elsewhere } = byDestination(hooks)
    const soon = t.nowMs + t.refreshDays * DAY_MS
    const due = here.filter((h) => h.expiresAtMs !== null && h.expiresAtMs > t.nowMs && h.expiresAtMs <= soon)
    if (t.refreshOn && t.mayRefresh && due.length > 0) refreshDue(log, engine, t, due, result)
    const expired = here.filter((h) => h.expiresAtMs !== null && h.expiresAtMs <= t.nowMs)
    for (const h of expired) h.problem = `expired on ${day(h.expiresAtMs)}`
    const expiring = here.filter((h) => h.expiresAtMs !== null && h.expiresAtMs > t.nowMs && h.expiresAtMs <= soon)
    for (const h of expiring) h.problem = `expires in ${daysLeft(h.expiresAtMs as number, t.nowMs)}`
    const badJql = here.map((h) => ({ h, beyond: jqlBeyondSubset(h.jql) })).filter((x) => x.beyond)
    for (const x of badJql) x.h.problem = `JQL filter uses ${x.beyond}`
    const list = (hs: WebhookView[]) => hs.map((h) => `#${h.id} ${h.url} (${h.problem})`).join('; ')
    const reRegister =
        'Register them again from this instance (the Jira spoke\'s "Subscribe Webhook" action, or the flow ' +
        'that registered them); Jira does not revive an expired webhook.'

    if (result.refresh && !result.refresh.ok) return true // refresh_failed already logged
    if (expired.length > 0) {
        log.fail(id, {
            code: 'expired',
            found:
                `${expired.length} dynamic webhook(s) of this app pointing at this instance expired: ` +
                `${list(expired)}. ` +
                'Jira stopped sending their events on that date.',
            expected:
                'Every webhook refreshed before its 30-day expiry (the health check does it ' +
                `${t.refreshDays} days ahead).`,
            fix: reRegister,
        })
        return true
    }
    if (badJql.length > 0) {
        log.fail(id, {
            code: 'jql_unsupported',
            found:
                `${badJql.length} webhook(s) pointing here have a JQL filter Jira refuses for dynamic webhooks: ` +
                `${list(badJql.map((x) => x.h))}. Registering them again returns 200 with the error in the body and ` +
                'creates nothing.',
            expected:
                'Filters with only =, !=, IN and NOT IN on issueKey, project, issuetype, status, assignee, reporter.',
            fix:
                'Rewrite the filter within that subset (filter the rest in the routing subflow), then register it ' +
                'again.',
        })
        return true
    }
    if (expiring.length > 0 && !t.refreshOn) {
        const first = Math.min(...expiring.map((h) => h.expiresAtMs as number))
        log.fail(id, {
            code: 'refresh_off',
            found:
                `${expiring.length} dynamic webhook(s) pointing here expire soon: ${list(expiring)}, and the health ` +
                `check's refresh is switched off (${WEBHOOK_PROPERTY.refresh} = false). Jira stops sending their ` +
                `events on ${day(first)}.`,
            expected:
                `${WEBHOOK_PROPERTY.refresh} = true (the daily health check extends them), or another job that ` +
                'extends them.',
            fix:
                `Set ${WEBHOOK_PROPERTY.refresh} to true (Jira Cloud Connect > Properties), then Validate all on ` +
                `Connection Health; or call PUT /rest/api/${t.apiVersion}/webhook/refresh with their ids before ` +
                `${day(first)}.`,
        })
        return true
    }
    if (expiring.length > 0) {
        log.warn(id, {
            code: 'expiring',
            found: `${expiring.length} dynamic webhook(s) pointing here expire soon: ${list(expiring)}.`,
            expected: `No webhook within ${t.refreshDays} days of expiry (the daily health check refreshes them).`,
            fix:
                'Let the health check run (Jira Cloud Connect > Connection Health > Validate all refreshes them), ' +
                `or call PUT /rest/api/${t.apiVersion}/webhook/refresh with their ids.`,
        })
        return true
    }
    if (elsewhere.length > 0) {
        log.warn(id, {
            code: 'other_instance',
            found:
                `${elsewhere.length} dynamic webhook(s) of this app point at another ServiceNow instance: ` +
                `${list(elsewhere)}. A clone copied from production keeps production's callback URLs.`,
            expected: here.length ? 'Webhooks pointing at this instance only.' : 'Webhooks pointing at this instance.',
            fix:
                'If this instance should receive Jira events, register its own webhook (callback URL from its Jira ' +
                "Webhook Registry); leave production's alone. Delete a copied webhook only from the instance it " +
                'points at.',
        })
        return true
    }
    if (here.length === 0) {
        const other = hooks.length ? ` (${hooks.length} point elsewhere)` : ''
        log.pass(
            id,
            `No dynamic webhook of this app points at this instance${other}: Jira sends it nothing through this app. ` +
                'Fine if you only call Jira from ServiceNow.',
            'none_here'
        )
        return true
    }
    if (result.refresh && result.refresh.ok) {
        log.pass(
            id,
            `Refreshed ${here.length} dynamic webhook(s) pointing here: ` +
                `${here.map((h) => `#${h.id}`).join(', ')} now ` +
                `expire on ${day(result.refresh.expiresAtMs)}.`,
            'refreshed'
        )
        return true
    }
    const next = Math.min(...here.map((h) => (h.expiresAtMs === null ? Infinity : h.expiresAtMs)))
    log.pass(
        id,
        `${here.length} dynamic webhook(s) point at this instance: ` +
            `${here.map((h) => `#${h.id} ${h.url}`).join('; ')} ` +
            `(next expiry ${day(isFinite(next) ? next : null)}). ` +
            'Jira delivers them only if the Atlassian app is shared (developer console > Distribution) or its owner ' +
            'is the account that registered them (the one shown under ' +
            `"${checkSpec('jira.myself').title}"): check that by hand once.`,
        'owner_rule'
    )
    return true
}

/** Health check: PUT /webhook/refresh for the webhooks pointing here that expire soon (1 call). */
function refreshDue(
    log: CheckLog,
    engine: CallEngine,
    t: InboundTarget,
    due: WebhookView[],
    result: InboundResult
): void {
    const url = joinUrl(t.baseUrl, `rest/api/${t.apiVersion}/webhook/refresh`)
    const outcome = engine.putJson(url, t.auth, { webhookIds: due.map((h) => Number(h.id)) })
    const answer = outcome.kind === 'json' ? ((outcome.json || {}) as { expirationDate?: unknown }) : null
    const expiresAtMs = answer ? dateMs(answer.expirationDate) : null
    if (expiresAtMs !== null && expiresAtMs > t.nowMs) {
        for (const h of due) h.expiresAtMs = expiresAtMs
        result.refresh = { ok: true, expiresAtMs }
        return
    }
    result.refresh = { ok: false, expiresAtMs: null }
    const said = outcome.kind === 'http' ? errorMessageOf(outcome.body) : ''
    const status =
        outcome.kind === 'http' || outcome.kind === 'json'
            ? `HTTP ${outcome.status}${said ? ` "${said}"` : ''}`
            : outcome.kind === 'transport'
              ? `no answer (${outcome.failure})`
              : 'not called: no time left in the run'
    const last = Math.min(...due.map((h) => h.expiresAtMs as number))
    for (const h of due) h.problem = `refresh failed; expires in ${daysLeft(h.expiresAtMs as number, t.nowMs)}`
    log.fail('inbound.dynamic_webhooks', {
        code: 'refresh_failed',
        found:
            `The health check asked Jira to extend ${due.length} webhook(s) pointing here ` +
            `(${due.map((h) => `#${h.id}`).join(', ')}) and got ${status}. They stop on ${day(last)}.`,
        expected: 'HTTP 200 with a new expirationDate 30 days out.',
        fix:
            'Validate the connection to see whether the token or the scopes are the cause (manage:jira-webhook), fix ' +
            'it, then Validate all on Connection Health: the refresh runs again.',
    })
}

function checkFailures(log: CheckLog, engine: CallEngine, t: InboundTarget, result: InboundResult): void {
    const id = 'inbound.webhook_failures'
    const url = joinUrl(t.baseUrl, `rest/api/${t.apiVersion}/webhook/failed?maxResults=100`)
    const outcome = engine.getJson(url, t.auth)
    const answer = jsonOrFail(log, { id, what: 'Jira failed webhooks' }, outcome, url, engine.settings.timeoutMs)
    if (!answer) return
    const values = ((answer.json || {}) as { values?: unknown }).values
    if (!Array.isArray(values)) {
        log.fail(id, {
            code: 'unexpected_shape',
            found: 'Jira answered GET /webhook/failed without a list of values.',
            expected: 'A list of failed webhooks ({values: [...]}).',
            fix: `Check that Connection URL on "${t.connectionName}" points at Jira Cloud, then validate again.`,
        })
        return
    }
    const here = (values as { [k: string]: unknown }[]).filter(
        (f) => f && typeof f.url === 'string' && destinationOf(f.url, t.instanceUrl) === 'here'
    )
    if (here.length === 0) {
        log.pass(id, 'Jira lists no failed delivery to this instance.')
        return
    }
    let last = -Infinity
    let lastUrl = ''
    for (const f of here) {
        const at = dateMs(f.failureTime)
        if (at !== null && at > last) {
            last = at
            lastUrl = shownUrl(String(f.url))
        }
    }
    result.failedDeliveries = here.length
    // Jira lists failures by URL, not by webhook: each webhook with that URL (query cut) shows them.
    for (const h of result.webhooks) {
        const mine = here.filter((f) => shownUrl(String(f.url)) === h.url)
        const times = mine.map((f) => dateMs(f.failureTime)).filter((t): t is number => t !== null)
        if (!mine.length) continue
        h.failures = mine.length
        h.lastFailureMs = times.length ? Math.max(...times) : null
    }
    result.lastFailureMs = isFinite(last) ? last : null
    const more = values.length >= 100 ? ' (or more: Jira lists 100 per page)' : ''
    log.warn(id, {
        code: 'deliveries_failing',
        found:
            `Jira gave up delivering ${here.length}${more} event(s) to this instance after its retries; the last on ` +
            `${result.lastFailureMs === null ? 'an unknown date' : new Date(result.lastFailureMs).toISOString()} to ` +
            `${lastUrl}. Jira does not say why.`,
        expected: 'No failed deliveries: every event answered 2xx by the callback.',
        fix:
            'Check the callback on this instance: the Jira Webhook Registry record and its token ' +
            '(token_verification: active), or the Jira External Trigger endpoint (active, its run-as user ' +
            'active); and the system logs for errors from the Process Jira Webhooks subflow at that time.',
    })
}

function checkAdmin(log: CheckLog, engine: CallEngine, t: InboundTarget, result: InboundResult): void {
    const id = 'inbound.admin_webhooks'
    if (t.method === 'scoped_token') {
        log.warn(id, {
            code: 'scoped_token',
            found:
                `"${t.connectionName}" uses a scoped API token: Jira does not let it manage webhooks, so the Jira ` +
                "spoke's Look up, Subscribe and Unsubscribe Webhook actions fail with it. Not called.",
            expected: 'An OAuth 2.0 connection (dynamic webhooks) or an admin creating webhooks in Jira by hand.',
            fix:
                'Create the webhooks in Jira (Settings > System > WebHooks) with the callback URL of the Jira ' +
                'Webhook Registry, or move the connection to OAuth 2.0.',
        })
        return
    }
    const url = joinUrl(t.baseUrl, 'rest/webhooks/1.0/webhook')
    const outcome = engine.getJson(url, t.auth)
    if (outcome.kind === 'http' && (outcome.status === 403 || outcome.status === 401)) {
        log.pass(
            id,
            `Jira answered ${outcome.status}: listing admin webhooks needs the Administer Jira global permission, ` +
                'which this account does not have. Check by hand as a Jira admin (Settings > System > WebHooks): ' +
                `each webhook whose URL starts with ${shownUrl(t.instanceUrl)} is Enabled, its events and JQL are ` +
                'the ones the flows need, and no webhook points at another ServiceNow instance.',
            'needs_jira_admin'
        )
        return
    }
    const answer = jsonOrFail(log, { id, what: 'Jira admin webhooks' }, outcome, url, engine.settings.timeoutMs)
    if (!answer) return
    if (!Array.isArray(answer.json)) {
        log.fail(id, {
            code: 'unexpected_shape',
            found: 'Jira answered GET /rest/webhooks/1.0/webhook without a list.',
            expected: 'A list of admin webhooks.',
            fix: `Check that Connection URL on "${t.connectionName}" points at Jira Cloud, then validate again.`,
        })
        return
    }
    const hooks: WebhookView[] = []
    for (const raw of answer.json as { [k: string]: unknown }[]) {
        if (!raw || typeof raw !== 'object') continue
        const self = typeof raw.self === 'string' ? raw.self : ''
        const filters = (raw.filters || {}) as { [k: string]: unknown }
        const jql = filters['issue-related-events-section']
        const enabled = raw.enabled !== false && raw.active !== false
        hooks.push({
            kind: 'admin',
            id: fieldText(self ? self.replace(/.*\//, '') : String(raw.name || ''), 40),
            ...pointing(raw.url, t.instanceUrl),
            expiresAtMs: null,
            enabled,
            jql: fieldText(typeof jql === 'string' ? jql : '', 200),
            problem: '',
        })
    }
    result.webhooks.push(...hooks)
    const { here, otherInstance: elsewhere } = byDestination(hooks)
    const disabled = here.filter((h) => !h.enabled)
    for (const h of disabled) h.problem = 'disabled'
    const list = (hs: WebhookView[]) => hs.map((h) => `#${h.id} ${h.url}`).join('; ')
    if (disabled.length > 0) {
        log.warn(id, {
            code: 'disabled',
            found: `${disabled.length} admin webhook(s) pointing at this instance are disabled: ${list(disabled)}.`,
            expected: 'Admin webhooks pointing here enabled.',
            fix: 'In Jira, Settings > System > WebHooks: open each one and set it Enabled (or delete it if unused).',
        })
        return
    }
    if (elsewhere.length > 0) {
        log.warn(id, {
            code: 'other_instance',
            found:
                `${elsewhere.length} admin webhook(s) point at another ServiceNow instance: ${list(elsewhere)}` +
                (here.length ? '.' : ', none at this one. A clone copied from production keeps its callback URLs.'),
            expected: 'Admin webhooks for this instance pointing at it.',
            fix:
                'Create a webhook for this instance with the callback URL of its own Jira Webhook Registry (or Jira ' +
                "External Trigger); leave production's webhook alone.",
        })
        return
    }
    if (here.length === 0) {
        log.pass(
            id,
            `No admin webhook points at this instance (${hooks.length} on the site). Fine if Jira events reach it ` +
                'another way, or not at all.',
            'none_here'
        )
        return
    }
    log.pass(id, `${here.length} enabled admin webhook(s) point at this instance: ${list(here)}. They never expire.`)
}
