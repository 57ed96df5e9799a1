/**
 * The "Jira → ServiceNow" section of a validation result (issue 19 §4): each webhook Jira has for this app, where it
 * points, its expiry and last failure, and the fix of each inbound.* finding. One model, made from the report, for the
 * form messages (format.ts), the stored run (run-store.ts), the health row (health/runner.ts) and the setup page.
 * Everything in it is sanitised here: URLs without query or fragment (a token-based callback URL carries its token in
 * the query, checks/inbound.ts shownUrl), texts through the secret redaction, only the fields it knows.
 */
import {
    shownUrl,
    type CallbackView,
    type InboundInstance,
    type InboundResult,
    type WebhookView,
} from './checks/inbound'
import type { CheckResult, CheckStatus, ValidationReport } from './report'
import { safeText } from './sanitize'

/** What the Jira → ServiceNow checks saw for one connection (report.inbound). */
export interface InboundOfConnection extends InboundResult {
    subject?: string
    /** Only the instance side: this connection's Jira side was not read (the health check's instance subject). */
    instanceOnly?: boolean
}

/**
 * One inbound.* finding as shown: no check id or code in the text (issue 17 §7), its title without the prefix. `code`
 * is for tests and data attributes only, never shown as text.
 */
export type InboundFinding = Pick<CheckResult, 'status' | 'title' | 'code' | 'found' | 'expected' | 'fix'>

export interface InboundSection {
    subject?: string
    /** false: the checks did not get to Jira (an earlier check failed); only their skips are known. */
    checked: boolean
    /** Only the instance side (several connections: its checks are the run's, not one connection's). */
    instanceOnly?: boolean
    /** When the checks behind it ran (epoch ms). */
    checkedAtMs: number
    webhooks: WebhookView[]
    failedDeliveries: number
    lastFailureMs: number | null
    refresh: InboundResult['refresh']
    /** The instance side (the Jira spoke's callbacks), when it was read; sanitised like the rest. */
    instance?: InboundInstance
    /** The health check read the instance side once and shows it on this subject's row, not here. */
    instanceOn?: string
    /** Failures, then warnings, then passes and skips, each in check order. */
    findings: InboundFinding[]
}

export const INBOUND_PREFIX = 'inbound.'
/** The section's heading, the same everywhere. */
export const INBOUND_HEADING = 'Jira → ServiceNow'
/** Bounds of what is kept (a health row column holds 8000 characters). */
const MAX_WEBHOOKS = 20
const MAX_TEXT = 600

const ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2, skip: 3 }

export function isInbound(c: { id: string }): boolean {
    return c.id.indexOf(INBOUND_PREFIX) === 0
}

/** A string as the section keeps it: a URL without query or fragment, any other text redacted and bounded. */
function cleanText(value: string, max = MAX_TEXT): string {
    const t = value.trim()
    // A URL, or a path with a query: the query may carry a callback token.
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t) || (/^\S*\/\S*[?#]/.test(t) && !/\s/.test(t))) return shownUrl(t)
    return safeText(value, max)
}

function cleanWebhook(h: WebhookView): WebhookView {
    const out: WebhookView = {
        kind: h.kind === 'admin' ? 'admin' : 'dynamic',
        id: safeText(String(h.id), 40),
        url: shownUrl(h.url),
        destination: h.destination === 'here' || h.destination === 'other_instance' ? h.destination : 'elsewhere',
        expiresAtMs: typeof h.expiresAtMs === 'number' && Number.isFinite(h.expiresAtMs) ? h.expiresAtMs : null,
        enabled: h.enabled !== false,
        jql: safeText(h.jql, 200),
        problem: safeText(h.problem, 200),
    }
    if (typeof h.lastFailureMs === 'number' && Number.isFinite(h.lastFailureMs)) out.lastFailureMs = h.lastFailureMs
    if (typeof h.failures === 'number' && Number.isFinite(h.failures)) out.failures = h.failures
    return out
}

/** What report.inbound keeps of a check group's result: sanitised, bounded, the instance part when present. */
export function sanitizeInbound(r: InboundOfConnection, subject?: string): InboundOfConnection {
    const out: InboundOfConnection = {
        webhooks: (r.webhooks || []).slice(0, MAX_WEBHOOKS).map(cleanWebhook),
        failedDeliveries: Number(r.failedDeliveries) || 0,
        lastFailureMs: typeof r.lastFailureMs === 'number' ? r.lastFailureMs : null,
        refresh: r.refresh
            ? {
                  ok: !!r.refresh.ok,
                  expiresAtMs: typeof r.refresh.expiresAtMs === 'number' ? r.refresh.expiresAtMs : null,
              }
            : null,
    }
    if (r.instance && typeof r.instance === 'object') out.instance = cleanInstance(r.instance)
    if (subject) out.subject = subject
    if (r.instanceOnly === true) out.instanceOnly = true
    return out
}

/** The entry of a connection whose Jira side was not read: the instance side only, sanitised. */
export function instanceOnlyEntry(instance: InboundInstance): InboundOfConnection {
    const empty = { webhooks: [], failedDeliveries: 0, lastFailureMs: null, refresh: null }
    return sanitizeInbound({ ...empty, instance, instanceOnly: true })
}

/** The instance part, field by field (names and paths only: a field it does not know is not carried). */
function cleanInstance(i: InboundInstance): InboundInstance {
    const spoke =
        i.spoke && typeof i.spoke === 'object' ? { version: safeText(String(i.spoke.version || ''), 40) } : null
    const callbacks = (Array.isArray(i.callbacks) ? i.callbacks : []).slice(0, MAX_WEBHOOKS).map((c): CallbackView => ({
        kind: c.kind === 'trigger' ? 'trigger' : 'registry',
        name: safeText(c.name, 100),
        path: cleanText(String(c.path || ''), 200),
        auth: c.auth === 'token' || c.auth === 'hmac' ? c.auth : 'unknown',
        active: c.active !== false,
        verification: safeText(c.verification, 100),
        runAs: safeText(c.runAs, 100),
        matchedBy: Array.isArray(c.matchedBy) ? c.matchedBy.slice(0, 20).map((id) => safeText(String(id), 40)) : null,
        problem: safeText(c.problem, 200),
    }))
    return { spoke, callbacks }
}

function findingOf(c: CheckResult): InboundFinding {
    return {
        status: c.status,
        title: safeText(c.title.replace(/^Jira → ServiceNow:\s*/, ''), 120),
        code: c.code,
        // No internal ids on the page (issue 17 §7): skip reasons stored by earlier versions named the check by its id.
        found: safeText(c.status === 'skip' ? withoutIds(c.found) : c.found, MAX_TEXT),
        expected: safeText(c.expected, 300),
        fix: safeText(c.fix, MAX_TEXT),
    }
}

/** The inbound.* findings of one subject, failures first, then warnings, passes, skips (check order within). */
export function inboundFindings(checks: CheckResult[], subject?: string): InboundFinding[] {
    return checks
        .map((c, i) => ({ c, i }))
        .filter((x) => isInbound(x.c) && (x.c.subject || undefined) === (subject || undefined))
        .sort((a, b) => ORDER[a.c.status] - ORDER[b.c.status] || a.i - b.i)
        .map((x) => findingOf(x.c))
}

/** One section per connection whose inbound checks ran (or were logged as skipped). */
export function inboundSections(report: ValidationReport): InboundSection[] {
    const subjects: Array<string | undefined> = []
    const add = (s: string | undefined) => {
        if (subjects.indexOf(s || undefined) < 0) subjects.push(s || undefined)
    }
    for (const r of report.inbound || []) add(r.subject)
    for (const c of report.checks) if (isInbound(c)) add(c.subject)
    return subjects.map((subject) => {
        const seen = (report.inbound || []).find((r) => (r.subject || undefined) === subject)
        const findings = inboundFindings(report.checks, subject)
        const section: InboundSection = {
            // Checks that all were skipped (an earlier check failed) called Jira for nothing.
            checked: findings.some((f) => f.status !== 'skip'),
            checkedAtMs: report.startedAtMs,
            webhooks: seen ? seen.webhooks : [],
            failedDeliveries: seen ? seen.failedDeliveries : 0,
            lastFailureMs: seen ? seen.lastFailureMs : null,
            refresh: seen ? seen.refresh : null,
            findings,
        }
        // The instance side is one for the run (every connection's result carries it).
        const instance = seen ? seen.instance : (report.inbound || []).map((r) => r.instance).find((x) => !!x)
        if (instance) section.instance = instance
        if (!seen || seen.instanceOnly) section.instanceOnly = true
        const on = report.inboundInstanceOn
        if (!instance && on && on !== subject) section.instanceOn = safeText(on, 100)
        if (subject) section.subject = subject
        return section
    })
}

/** The section as a health row keeps it (JSON, bounded); '' when there is none. */
export function sectionJson(section: InboundSection | undefined, max = 8000): string {
    if (!section) return ''
    let s: InboundSection = section
    let text = JSON.stringify(s)
    // Too long: fewer webhooks first, then the passes' texts; the failures and their fixes are kept.
    while (text.length > max && s.webhooks.length > 0) {
        s = { ...s, webhooks: s.webhooks.slice(0, Math.floor(s.webhooks.length / 2)) }
        text = JSON.stringify(s)
    }
    if (text.length > max) {
        s = {
            ...s,
            instance: undefined,
            findings: s.findings.filter((f) => f.status === 'fail' || f.status === 'warn'),
        }
        text = JSON.stringify(s)
    }
    return text.length > max ? '' : text
}

/** Every section of a run, JSON within `max` characters (each section bounded alike); '' when none. */
export function sectionsJson(sections: InboundSection[], max = 16000): string {
    if (!sections.length) return ''
    const each = Math.floor((max - 2) / sections.length) - 1
    const parts = sections.map((s) => sectionJson(s, each)).filter(Boolean)
    return parts.length ? `[${parts.join(',')}]` : ''
}

/**
 * The health row after a check: the section when the checks reached Jira; a check that did not (an earlier check
 * failed) keeps the last one, whose checkedAtMs says how old it is; a subject without the checks (a credential) has
 * none.
 */
export function withInbound<T extends { inboundJson?: string }>(state: T, report: ValidationReport): T {
    const section = inboundSections(report)[0]
    if (!section) return { ...state, inboundJson: '' }
    if (!section.checked) return state
    return { ...state, inboundJson: sectionJson(section) }
}

/** A stored section read back (health row, run): sanitised again, null when absent or unreadable. */
export function readSection(json: string | null | undefined): InboundSection | null {
    if (!json) return null
    let raw: unknown
    try {
        raw = JSON.parse(json)
    } catch (e) {
        return null
    }
    if (!raw || typeof raw !== 'object' || !Array.isArray((raw as InboundSection).webhooks)) return null
    const r = raw as InboundSection
    const base = sanitizeInbound(r, r.subject)
    const findings = Array.isArray(r.findings) ? r.findings : []
    const marks: Partial<InboundSection> = {}
    if (typeof r.instanceOn === 'string' && r.instanceOn) marks.instanceOn = safeText(r.instanceOn, 100)
    return {
        ...base,
        ...marks,
        checked: r.checked !== false,
        checkedAtMs: Number(r.checkedAtMs) || 0,
        findings: findings
            .filter((f) => f && typeof f === 'object' && ORDER[f.status] !== undefined)
            .map((f) => ({
                status: f.status,
                title: safeText(f.title, 120),
                code: safeText(f.code, 60),
                found: safeText(f.found, MAX_TEXT),
                expected: safeText(f.expected, 300),
                fix: safeText(f.fix, MAX_TEXT),
            })),
    }
}

function day(ms: number): string {
    return new Date(ms).toISOString().slice(0, 10)
}

function stamp(ms: number): string {
    return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`
}

/** Where a webhook points, in words. */
export function whereText(h: WebhookView): string {
    if (h.destination === 'here') return 'this instance'
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:@]+)/i.exec(h.url)
    const at = host ? ` (${host[1].toLowerCase()})` : ''
    return h.destination === 'other_instance' ? `another instance${at}` : `elsewhere${at}`
}

/** "expires on 2027-01-02", "expired on …", "never expires" (admin webhooks), "expiry unknown". */
export function expiryText(h: WebhookView, nowMs: number): string {
    if (h.kind === 'admin') return 'never expires'
    if (h.expiresAtMs === null) return 'expiry unknown'
    return h.expiresAtMs <= nowMs ? `expired on ${day(h.expiresAtMs)}` : `expires on ${day(h.expiresAtMs)}`
}

export function lastFailureText(h: WebhookView): string {
    if (typeof h.lastFailureMs !== 'number') return 'no failed delivery'
    const n = typeof h.failures === 'number' && h.failures > 1 ? ` (${h.failures} failed deliveries)` : ''
    return `last failure ${stamp(h.lastFailureMs)}${n}`
}

/** One line per webhook: "Dynamic webhook 10042 → this instance, <url>: expires on <date>; no failed delivery." */
export function webhookLine(h: WebhookView, nowMs: number): string {
    const kind = h.kind === 'admin' ? 'Admin webhook' : 'Dynamic webhook'
    const off = h.enabled ? '' : ', disabled'
    const problem = h.problem ? ` Problem: ${h.problem}.` : ''
    return (
        `${kind} ${h.id} → ${whereText(h)}${off}, ${h.url || 'no URL'}: ${expiryText(h, nowMs)}; ` +
        `${lastFailureText(h)}.${problem}`
    )
}

export function findingLine(f: InboundFinding): string {
    if (f.status === 'fail' || f.status === 'warn') {
        const mark = f.status === 'fail' ? 'Failed' : 'Warning'
        return `${mark}: ${f.title}: ${f.found} Expected: ${f.expected} Fix: ${f.fix}`
    }
    // A skip's found text lost its check ids when the finding was made (findingOf).
    return `${f.status === 'skip' ? 'Not checked' : 'Checked'}: ${f.title}: ${f.found}`
}

/**
 * Skip reasons stored by earlier versions named the check and code that stopped it ("(jira.myself), which failed (x)"):
 * not shown. Current reasons name the check by its title only (report.ts ready()).
 */
export function withoutIds(text: string): string {
    return text.replace(/\s*\((?:[a-z_]+\.)+[a-z_]+\)/g, '').replace(/, which failed \([a-z_]+\)/g, ', which failed')
}

/** The section's opening line: what Jira has, and the deliveries it gave up on. */
export function sectionHeadline(s: InboundSection): string {
    const tag = s.subject ? ` [${s.subject}]` : ''
    if (!s.checked) return `${INBOUND_HEADING}${tag}: not checked (Jira was not reached).`
    if (s.instanceOnly) return `${INBOUND_HEADING}${tag}: what this instance has for Jira to call.`
    const here = s.webhooks.filter((h) => h.destination === 'here').length
    const n = s.webhooks.length
    const hooks = n
        ? `${n} webhook${n === 1 ? '' : 's'} (${here} pointing at this instance)`
        : 'no webhook listed pointing anywhere'
    const failed =
        s.failedDeliveries > 0
            ? `; ${s.failedDeliveries} failed deliver${s.failedDeliveries === 1 ? 'y' : 'ies'} to this instance` +
              (s.lastFailureMs !== null ? `, the last at ${stamp(s.lastFailureMs)}` : '')
            : ''
    return `${INBOUND_HEADING}${tag}: ${hooks}${failed}.`
}

/** The instance side (checks/inbound-instance.ts): the spoke, then each callback with what it needs and its problem. */
export function instanceLines(i: InboundInstance | undefined): string[] {
    if (!i) return []
    const out = [i.spoke ? `Jira spoke: version ${i.spoke.version || 'unknown'}.` : 'Jira spoke: not installed.']
    for (const c of i.callbacks) {
        const kind = c.kind === 'trigger' ? 'Jira external trigger' : 'Jira webhook registry'
        const how = c.auth === 'token' ? 'token in the URL' : c.auth === 'hmac' ? 'HMAC signature' : 'auth unknown'
        const parts = [how, c.active ? 'active' : 'inactive']
        if (c.verification) parts.push(`verified by "${c.verification}"`)
        if (c.runAs) parts.push(`runs as ${c.runAs}`)
        const matched =
            c.matchedBy === null
                ? ''
                : c.matchedBy.length
                  ? ` Jira webhooks pointing at it: ${c.matchedBy.join(', ')}.`
                  : ' No Jira webhook listed points at it.'
        const problem = c.problem ? ` Problem: ${c.problem}.` : ''
        out.push(`${kind} "${c.name}" at ${c.path || 'no path'} (${parts.join(', ')}).${matched}${problem}`)
    }
    return out
}

/** The instance lines of a section, or where the health check shows them instead. */
export function sectionInstanceLines(s: InboundSection): string[] {
    if (s.instance || !s.instanceOn) return instanceLines(s.instance)
    return [
        "The Jira spoke's records on this instance are one for every connection: the health check reads them once " +
            `per run and shows them, with their problems, on the row of "${s.instanceOn}".`,
    ]
}

/** The section as text lines: headline, webhooks, instance callbacks, then findings (failures first). */
export function sectionLines(s: InboundSection, nowMs: number, statuses: CheckStatus[]): string[] {
    return [
        sectionHeadline(s),
        ...s.webhooks.map((h) => webhookLine(h, nowMs)),
        ...sectionInstanceLines(s),
        ...s.findings.filter((f) => statuses.indexOf(f.status) >= 0).map(findingLine),
    ]
}

/** One webhook as the setup page's table shows it (texts made here, so the page and the messages say the same). */
export interface WebhookRowShown {
    label: string
    kind: WebhookView['kind']
    destination: WebhookView['destination']
    where: string
    url: string
    expiry: string
    expired: boolean
    lastFailure: string
    failing: boolean
    problem: string
}

/** A section as the setup page gets it: the section, its summary sentence, its table rows, its instance lines. */
export interface InboundShown extends InboundSection {
    summary: string
    /** When the checks behind the section ran (UTC, yyyy-MM-dd HH:mm:ss): a health row keeps the latest section that
     * reached Jira, which can be older than the row's Last checked. */
    checkedAt: string
    rows: WebhookRowShown[]
    instanceLines: string[]
}

export function shownSection(s: InboundSection): InboundShown {
    const at = s.checkedAtMs
    return {
        ...s,
        summary: sectionHeadline({ ...s, subject: undefined }).slice(INBOUND_HEADING.length + 2),
        checkedAt: at > 0 ? new Date(at).toISOString().replace('T', ' ').slice(0, 19) : '',
        rows: s.webhooks.map((h) => ({
            label: `${h.kind === 'admin' ? 'Admin' : 'Dynamic'} webhook ${h.id}`,
            kind: h.kind,
            destination: h.destination,
            where: whereText(h) + (h.enabled ? '' : ', disabled'),
            url: h.url,
            expiry: expiryText(h, at),
            expired: h.kind === 'dynamic' && h.expiresAtMs !== null && h.expiresAtMs <= at,
            lastFailure: lastFailureText(h),
            failing: typeof h.lastFailureMs === 'number',
            problem: h.problem,
        })),
        instanceLines: sectionInstanceLines(s),
    }
}
