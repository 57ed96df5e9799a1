/**
 * The body of a health alert email, built here and passed as the event's parm1: the notifications' HTML body is
 * `${event.parm1}` alone (src/fluent/health/notifications.now.ts). The platform inserts notification variables as they
 * are (ServiceNow docs "Notification variables": `${field-name}` "Display the value of the specified field"; A31), so
 * the text from Jira and Atlassian in a finding, a connection or site name is escaped here, once; a value that is not
 * known is said in words or left out, never printed empty ("Next expiry:  ().").
 */
import { htmlAttr, htmlText } from './html'

/** What the email shows; dates are epoch ms, null when not known. */
export interface AlertEmailInput {
    /** Plain text: the finding and the fix (HealthAlert.text). */
    text: string
    subjectName: string
    verdict: string
    verdictSinceMs: number | null
    lastSuccessMs: number | null
    nextExpiryMs: number | null
    nextExpiryWhat: string
    /** Links: <glide.servlet.uri> with a trailing slash, and the records' tables and sys_ids (empty = no link). */
    instanceUrl: string
    runTable: string
    runSysId: string
    healthTable: string
    healthSysId: string
}

/** sysevent.parm1 holds 4000 characters; the finding is bounded so the links always fit. */
const MAX_TEXT = 1500

const VERDICT_LABEL: Record<string, string> = {
    healthy: 'Healthy',
    warning: 'Warning',
    broken: 'Broken',
    not_checked: 'Not checked',
}

/** "2026-03-01 14:05 UTC"; the recipient's time zone is not known to an event. */
export function utcText(ms: number): string {
    return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

function known(ms: number | null): ms is number {
    return typeof ms === 'number' && isFinite(ms) && ms > 0
}

function bounded(text: string): string {
    const flat = String(text || '').trim()
    return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat
}

function link(base: string, table: string, sysId: string, label: string): string {
    const href = `${base}${table}.do?sys_id=${encodeURIComponent(sysId)}`
    return `<a href="${htmlAttr(href)}">${htmlText(label)}</a>`
}

export function alertEmailHtml(e: AlertEmailInput): string {
    const finding = bounded(e.text) || 'No finding was recorded.'
    const verdict = VERDICT_LABEL[e.verdict] || e.verdict || 'Not checked'
    const health = [`Health: ${verdict}${known(e.verdictSinceMs) ? ` since ${utcText(e.verdictSinceMs)}` : ''}.`]
    health.push(
        known(e.lastSuccessMs) ? `Last success: ${utcText(e.lastSuccessMs)}.` : 'No successful check recorded yet.'
    )
    if (known(e.nextExpiryMs)) {
        const what = String(e.nextExpiryWhat || '').trim()
        health.push(`Next expiry: ${utcText(e.nextExpiryMs)}${what ? ` (${what})` : ''}.`)
    }
    const name = String(e.subjectName || '').trim() || 'this connection'
    const lines = [`<p>${htmlText(finding)}</p>`, `<p>${htmlText(health.join(' '))}</p>`]
    if (e.runSysId) lines.push(`<p>Validation run: ${link(e.instanceUrl, e.runTable, e.runSysId, 'open the run')}</p>`)
    if (e.healthSysId)
        lines.push(`<p>Connection health: ${link(e.instanceUrl, e.healthTable, e.healthSysId, name)}</p>`)
    return lines.join('\n')
}
