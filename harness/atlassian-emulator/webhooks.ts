/**
 * Jira webhooks in the emulator (test code only): dynamic webhooks of OAuth 2.0 apps and admin webhooks, and the
 * deliveries Jira makes for them. Runs inside the emulator worker; EmulatorCore resolves who is calling and hands the
 * request here. Each behaviour cites its public source: [C] confirmed by Atlassian's docs, [R] reported, [I] inferred
 * (our default, switchable where it matters). docs/atlassian-contract.md §9 has the facts in prose.
 *
 * Sources:
 * - REST "Webhooks" group, v2/v3: https://developer.atlassian.com/cloud/jira/platform/rest/v2/api-group-webhooks/
 *   (register, list with expirationDate and url, refresh, failed, "Only Connect and OAuth 2.0 apps can use this
 *   operation", JQL subset: fields issueKey, project, issuetype, status, assignee, reporter, issue.property, cf[id];
 *   operators =, !=, IN, NOT IN; webhooks "expire after 30 days").
 * - Webhooks guide: https://developer.atlassian.com/cloud/jira/platform/webhooks/ (admin webhooks at
 *   /rest/webhooks/1.0/webhook need Administer Jira; dynamic webhooks of non-public OAuth apps are delivered only when
 *   the app's owner registered them; failed deliveries are retried, then listed).
 */
import type { EmuResponse } from './core'
import type { EmuRequest } from './types'

const DAY_MS = 86400000
/** [C] "Webhooks registered through the REST API expire after 30 days." */
export const DYNAMIC_WEBHOOK_LIFE_MS = 30 * DAY_MS

/** Who a webhook request acts as (resolved by EmulatorCore from the Bearer token or Basic credentials). */
export interface WebhookCaller {
    kind: 'authorization_code' | 'client_credentials' | 'scoped-token' | 'classic-token'
    accountId: string
    /** The OAuth app (3LO client id) for authorization_code; null otherwise. */
    clientId: string | null
    scopes: string[]
    cloudId: string
}

export interface DynamicWebhook {
    id: number
    clientId: string
    /** The user whose token registered it (the delivery rule for non-public apps compares it with the owner). */
    accountId: string
    cloudId: string
    url: string
    jqlFilter: string
    events: string[]
    expiresAt: number
}

export interface AdminWebhookRegistration {
    cloudId: string
    name: string
    url: string
    events: string[]
    jqlFilter?: string
    enabled?: boolean
}

interface AdminWebhook extends Required<AdminWebhookRegistration> {
    id: number
    lastUpdated: number
}

export interface FailedDelivery {
    id: string
    webhookId: number
    clientId: string
    cloudId: string
    url: string
    failureTime: number
}

export interface Delivery {
    time: number
    kind: 'dynamic' | 'admin'
    webhookId: number
    url: string
    event: string
    delivered: boolean
}

export interface WebhookOptions {
    /** [I] Whether an expired dynamic webhook still appears in GET /webhook (with its past expirationDate). */
    listExpired: boolean
    /** [I] Whether PUT /webhook/refresh revives an expired webhook (default: no, it stays expired). */
    refreshRevivesExpired: boolean
}

function json(status: number, value: unknown): EmuResponse {
    return { status, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: JSON.stringify(value) }
}
function jiraError(status: number, message: string): EmuResponse {
    return json(status, { errorMessages: [message], errors: {} })
}

/** [C] REST docs: the fields and operators a dynamic webhook's JQL filter may use. */
const JQL_FIELDS =
    /^(issuekey|project|issuetype|status|assignee|reporter|issue\.property\[[^\]]+\]\.[\w.]+|cf\[\d+\])$/i
const JQL_OPERATOR = /^(=|!=|IN|NOT IN)$/i

/**
 * The errors Jira gives for a dynamic webhook's JQL filter, [] when it is in the supported subset. Clauses joined by
 * AND/OR; the wording of the errors follows the one public sample ("The clause watchCount is unsupported") [R].
 */
export function jqlSubsetErrors(jql: string): string[] {
    const text = jql.trim()
    if (!text) return []
    const errors: string[] = []
    const clauses = text.split(/\s+(?:AND|OR)\s+/i)
    for (const raw of clauses) {
        const clause = raw.trim().replace(/^\(+|\)+$/g, '')
        const m = /^([\w.[\]]+)\s*(!=|=|NOT\s+IN|IN|~|!~|>=|<=|>|<|IS\s+NOT|IS|WAS\s+NOT|WAS|CHANGED)\s*(.*)$/i.exec(
            clause
        )
        if (!m) {
            errors.push(`The clause ${clause} is unsupported`)
            continue
        }
        if (!JQL_FIELDS.test(m[1])) errors.push(`The clause ${m[1]} is unsupported`)
        else if (!JQL_OPERATOR.test(m[2].replace(/\s+/g, ' '))) errors.push(`The operator ${m[2]} is unsupported`)
    }
    return errors
}

export class WebhookStore {
    readonly options: WebhookOptions = { listExpired: true, refreshRevivesExpired: false }
    private nextId = 10000
    private dynamic = new Map<number, DynamicWebhook>()
    private admin = new Map<number, AdminWebhook>()
    private failed: FailedDelivery[] = []
    private log: Delivery[] = []
    /** App owner and distribution per OAuth client id (developer console > Distribution). */
    private apps = new Map<string, { ownerAccountId: string; distributed: boolean }>()
    private admins = new Set<string>()
    private unreachable = new Set<string>()

    constructor(private readonly now: () => number) {}

    // ---------------------------------------------------------------- control

    setAppOwner(clientId: string, ownerAccountId: string, distributed: boolean): void {
        this.apps.set(clientId, { ownerAccountId, distributed })
    }
    /** Global permission Administer Jira (needed for admin webhooks). */
    setJiraAdmin(accountId: string, on: boolean): void {
        if (on) this.admins.add(accountId)
        else this.admins.delete(accountId)
    }
    registerAdminWebhook(r: AdminWebhookRegistration): number {
        const id = ++this.nextId
        this.admin.set(id, {
            id,
            cloudId: r.cloudId,
            name: r.name,
            url: r.url,
            events: [...r.events],
            jqlFilter: r.jqlFilter ?? '',
            enabled: r.enabled ?? true,
            lastUpdated: this.now(),
        })
        return id
    }
    setAdminWebhookEnabled(id: number, enabled: boolean): void {
        const w = this.admin.get(id)
        if (!w) throw new Error(`no admin webhook ${id}`)
        w.enabled = enabled
    }
    /**
     * A dynamic webhook as an earlier registration left it, without the register endpoint's checks (e.g. a JQL
     * filter Jira accepted before it narrowed the subset, or one registered through Connect) [I].
     */
    seedDynamicWebhook(w: Omit<DynamicWebhook, 'id' | 'expiresAt'> & { expiresAt?: number }): number {
        const id = ++this.nextId
        this.dynamic.set(id, {
            ...w,
            id,
            events: [...w.events],
            expiresAt: w.expiresAt ?? this.now() + DYNAMIC_WEBHOOK_LIFE_MS,
        })
        return id
    }
    /** The receiver at this URL prefix answers errors (or not at all): Jira's deliveries there fail. */
    setReceiverDown(urlPrefix: string, down: boolean): void {
        if (down) this.unreachable.add(urlPrefix)
        else this.unreachable.delete(urlPrefix)
    }
    dynamicWebhooks(): DynamicWebhook[] {
        return [...this.dynamic.values()].map((w) => ({ ...w }))
    }
    deliveries(): Delivery[] {
        return this.log.map((d) => ({ ...d }))
    }

    /**
     * An issue event on a site: Jira sends it to every matching, enabled admin webhook and every live dynamic webhook
     * (of a distributed app, or registered by the app's owner) [C webhooks guide]. A delivery to a receiver that is
     * down fails after Jira's retries and is listed by GET /webhook/failed (dynamic webhooks only) [C].
     * JQL filters are not evaluated (every issue matches) [I: the emulator has no issues].
     */
    fireEvent(cloudId: string, event: string): Delivery[] {
        const now = this.now()
        const out: Delivery[] = []
        const send = (kind: Delivery['kind'], webhookId: number, url: string) => {
            const delivered = ![...this.unreachable].some((p) => url.startsWith(p))
            out.push({ time: now, kind, webhookId, url, event, delivered })
            return delivered
        }
        for (const w of this.admin.values()) {
            if (w.cloudId === cloudId && w.enabled && w.events.includes(event)) send('admin', w.id, w.url)
        }
        for (const w of this.dynamic.values()) {
            if (w.cloudId !== cloudId || !w.events.includes(event) || now >= w.expiresAt) continue
            const app = this.apps.get(w.clientId)
            if (app && !app.distributed && app.ownerAccountId !== w.accountId) continue
            if (!send('dynamic', w.id, w.url)) {
                this.failed.push({
                    id: `${w.id}-${now}-${this.failed.length}`,
                    webhookId: w.id,
                    clientId: w.clientId,
                    cloudId,
                    url: w.url,
                    failureTime: now,
                })
            }
        }
        this.log.push(...out)
        return out
    }

    // ---------------------------------------------------------------- HTTP

    /** /rest/api/{2|3}/webhook, /webhook/refresh, /webhook/failed. caller null: no valid credentials (401). */
    dynamicEndpoint(req: EmuRequest, caller: WebhookCaller, op: 'webhook' | 'refresh' | 'failed'): EmuResponse {
        // [C] "Only Connect and OAuth 2.0 apps can use this operation." A service account's client-credentials token
        // and API tokens are not apps: 403 [I status and body].
        if (caller.kind !== 'authorization_code' || !caller.clientId) {
            return jiraError(403, 'Only Connect and OAuth 2.0 apps can use this operation.')
        }
        const clientId = caller.clientId
        const manage = caller.scopes.includes('manage:jira-webhook')
        const read = manage || caller.scopes.includes('read:jira-work')
        if (op === 'webhook' && req.method === 'GET') {
            // [C] scopes read:jira-work or manage:jira-webhook.
            if (!read) return jiraError(401, 'Unauthorized; scope does not match')
            return this.list(req, clientId, caller.cloudId)
        }
        // [C] registering, refreshing and deleting need manage:jira-webhook; failed deliveries read:jira-work.
        if (op === 'failed') {
            if (req.method !== 'GET') return jiraError(405, 'Method Not Allowed')
            if (!read) return jiraError(401, 'Unauthorized; scope does not match')
            return this.listFailed(req, clientId, caller.cloudId)
        }
        if (!manage) return jiraError(401, 'Unauthorized; scope does not match')
        const body = parseBody(req.body)
        if (!body) return jiraError(400, 'The request body is not valid JSON.')
        if (op === 'refresh') {
            if (req.method !== 'PUT') return jiraError(405, 'Method Not Allowed')
            return this.refresh(body, clientId, caller.cloudId)
        }
        if (req.method === 'POST') return this.register(body, caller, clientId)
        if (req.method === 'DELETE') {
            const ids = Array.isArray(body.webhookIds) ? (body.webhookIds as unknown[]) : []
            // [C] "Only webhooks registered by the calling app are removed ... others are ignored." 202 [C].
            for (const id of ids) {
                const w = this.dynamic.get(Number(id))
                if (w && w.clientId === clientId && w.cloudId === caller.cloudId) this.dynamic.delete(w.id)
            }
            return { status: 202, headers: {}, body: '' }
        }
        return jiraError(405, 'Method Not Allowed')
    }

    private list(req: EmuRequest, clientId: string, cloudId: string): EmuResponse {
        const now = this.now()
        const mine = [...this.dynamic.values()].filter(
            (w) => w.clientId === clientId && w.cloudId === cloudId && (this.options.listExpired || w.expiresAt > now)
        )
        const startAt = Math.max(0, parseInt(req.query.startAt ?? '0', 10) || 0)
        const maxResults = Math.min(100, Math.max(1, parseInt(req.query.maxResults ?? '100', 10) || 100))
        const page = mine.slice(startAt, startAt + maxResults)
        // [C] PageBeanWebhook: isLast, maxResults, startAt, total, values[{id, jqlFilter, events, expirationDate
        // (int64 epoch ms in the schema), url}].
        return json(200, {
            isLast: startAt + page.length >= mine.length,
            maxResults,
            startAt,
            total: mine.length,
            values: page.map((w) => ({
                id: w.id,
                jqlFilter: w.jqlFilter,
                events: w.events,
                expirationDate: w.expiresAt,
                url: w.url,
            })),
        })
    }

    private listFailed(req: EmuRequest, clientId: string, cloudId: string): EmuResponse {
        const maxResults = Math.min(100, Math.max(1, parseInt(req.query.maxResults ?? '100', 10) || 100))
        const after = parseInt(req.query.after ?? '0', 10) || 0
        const mine = this.failed
            .filter((f) => f.clientId === clientId && f.cloudId === cloudId && f.failureTime > after)
            .sort((a, b) => a.failureTime - b.failureTime)
        const page = mine.slice(0, maxResults)
        // [C] FailedWebhooks: values[{id, body, url, failureTime}], maxResults, next (URL of the next page).
        const out: Record<string, unknown> = {
            values: page.map((f) => ({
                id: f.id,
                body: '{"webhookEvent":"jira:issue_updated"}',
                url: f.url,
                failureTime: f.failureTime,
            })),
            maxResults,
        }
        if (mine.length > page.length)
            out.next = `/rest/api/2/webhook/failed?after=${page[page.length - 1].failureTime}`
        return json(200, out)
    }

    private refresh(body: Record<string, unknown>, clientId: string, cloudId: string): EmuResponse {
        const now = this.now()
        const expiresAt = now + DYNAMIC_WEBHOOK_LIFE_MS
        const ids = Array.isArray(body.webhookIds) ? (body.webhookIds as unknown[]) : null
        if (!ids || ids.length === 0) return jiraError(400, 'webhookIds must not be empty.')
        for (const id of ids) {
            const w = this.dynamic.get(Number(id))
            // [C] other apps' webhooks are ignored; [I] an expired one stays expired unless switched.
            if (!w || w.clientId !== clientId || w.cloudId !== cloudId) continue
            if (w.expiresAt <= now && !this.options.refreshRevivesExpired) continue
            w.expiresAt = expiresAt
        }
        // [C] WebhooksExpirationDate: {expirationDate}.
        return json(200, { expirationDate: expiresAt })
    }

    private register(body: Record<string, unknown>, caller: WebhookCaller, clientId: string): EmuResponse {
        const url = typeof body.url === 'string' ? body.url : ''
        const list = Array.isArray(body.webhooks) ? (body.webhooks as Record<string, unknown>[]) : null
        if (!url || !list || list.length === 0) return jiraError(400, 'url and webhooks are required.')
        // [C] Jira answers 200 even when a webhook is refused; each result has createdWebhookId or errors.
        const result = list.map((spec) => {
            const jql = typeof spec.jqlFilter === 'string' ? spec.jqlFilter : ''
            const events = Array.isArray(spec.events) ? spec.events.map(String) : []
            const errors = jqlSubsetErrors(jql)
            if (events.length === 0) errors.push('At least one event is required.')
            if (errors.length) return { errors }
            const id = ++this.nextId
            this.dynamic.set(id, {
                id,
                clientId,
                accountId: caller.accountId,
                cloudId: caller.cloudId,
                url,
                jqlFilter: jql,
                events,
                expiresAt: this.now() + DYNAMIC_WEBHOOK_LIFE_MS,
            })
            return { createdWebhookId: id }
        })
        return json(200, { webhookRegistrationResult: result })
    }

    /** GET /rest/webhooks/1.0/webhook: admin webhooks of the site; Administer Jira only [C]. */
    adminEndpoint(req: EmuRequest, caller: WebhookCaller, siteUrl: string): EmuResponse {
        if (req.method !== 'GET') return jiraError(405, 'Method Not Allowed')
        // Scoped API tokens cannot manage webhooks (ServiceNow Jira spoke scope table: "Scoped API token is not
        // supported for this action"; port-labs/port-docs#2390) [R]: 401 [I status].
        if (caller.kind === 'scoped-token') return jiraError(401, 'Unauthorized; scope does not match')
        if (caller.kind === 'authorization_code' && !caller.scopes.includes('manage:jira-webhook')) {
            return jiraError(401, 'Unauthorized; scope does not match')
        }
        if (!this.admins.has(caller.accountId)) {
            // [C] Administer Jira needed; the 403 body is Jira's envelope [I wording].
            return jiraError(403, 'You do not have the permission to manage webhooks.')
        }
        const list = [...this.admin.values()].filter((w) => w.cloudId === caller.cloudId)
        // Admin webhook fields as the webhooks guide's registration example names them [C]; lastUpdated etc. [R].
        return json(
            200,
            list.map((w) => ({
                self: `${siteUrl}/rest/webhooks/1.0/webhook/${w.id}`,
                name: w.name,
                url: w.url,
                events: w.events,
                filters: { 'issue-related-events-section': w.jqlFilter },
                excludeBody: false,
                enabled: w.enabled,
                lastUpdated: w.lastUpdated,
            }))
        )
    }
}

function parseBody(body: string): Record<string, unknown> | null {
    try {
        const v = JSON.parse(body || '{}')
        return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
    } catch {
        return null
    }
}
