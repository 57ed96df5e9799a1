/** Plain-text renderings of a report: the form messages an admin sees and the stored run's report text. */
import { standingLine } from './auth-standing'
import { capabilityLines } from './capability-table'
import { describeRateLimit } from './rate-limit'
import { humanDuration, type CheckResult, type ValidationReport } from './report'

const MARK: Record<string, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' }

function subject(c: CheckResult): string {
    return c.subject ? `[${c.subject}] ` : ''
}

/** One message per problem, in check order: "<title>: <found> Expected: <expected> Fix: <fix> (<id>)". */
export function problemMessage(c: CheckResult): string {
    return `${subject(c)}${c.title}: ${c.found} Expected: ${c.expected} Fix: ${c.fix} (${c.id})`
}

export interface FormMessages {
    info: string[]
    errors: string[]
}

/**
 * The verdict first: an error message when the connection does not work, else an info message; each failure as an
 * error message; each warning as an info message marked Warning.
 */
export function formMessages(report: ValidationReport): FormMessages {
    const calls = `${report.calls} call${report.calls === 1 ? '' : 's'} to Atlassian`
    const headline = `${report.summary} (${calls}, ${(report.durationMs / 1000).toFixed(1)} s.)`
    const info = report.verdict === 'fail' ? [] : [headline]
    const errors: string[] = report.verdict === 'fail' ? [headline] : []
    for (const c of report.checks) {
        if (c.status === 'fail') errors.push(problemMessage(c))
        else if (c.status === 'warn') info.push(`Warning: ${problemMessage(c)}`)
    }
    // The person is shown here, at validation time, and never stored (report.people is not in reportText).
    for (const p of report.people || []) {
        const tag = p.subject ? `[${p.subject}] ` : ''
        const who = `${p.displayName}${p.email ? ` (${p.email})` : ' (email hidden)'}`
        info.push(`${tag}Signed in to Jira as ${who}${accountKind(report, p.subject)}.`)
    }
    info.push(...standingText(report))
    info.push(...capabilityText(report))
    if (report.rateLimit) info.push(`Atlassian rate limit: ${describeRateLimit(report.rateLimit)}.`)
    return { info, errors }
}

/**
 * The way in and where it stands against Atlassian's and ServiceNow's rules, one line per connection (form messages,
 * the stored run's report); with the move to a service account for every standing but the recommended one.
 */
export function standingText(report: ValidationReport): string[] {
    return (report.standings || []).map((s) => {
        const tag = s.subject ? ` [${s.subject}]` : ''
        const move = s.move ? ' Move to a service account: Jira Cloud Connect > Setup > Service account.' : ''
        return `Standing against Atlassian's and ServiceNow's rules${tag}: ${standingLine(s)}${move}`
    })
}

/**
 * The account type Jira's /myself gave (atlassian | app | customer; developer.atlassian.com, Jira REST "Get current
 * user"), said only when it is not a person's account: a service account is an app account.
 */
function accountKind(report: ValidationReport, subjectName?: string): string {
    const a = (report.accounts || []).find((x) => (x.subject || '') === (subjectName || ''))
    if (!a || !a.accountType || a.accountType === 'atlassian') return ''
    if (a.accountType === 'app') return ', an app account (a service account, not a person)'
    return `, a ${a.accountType} account`
}

/** "What this connection can do": one block per connection (stored with the run and shown as form messages). */
export function capabilityText(report: ValidationReport): string[] {
    const out: string[] = []
    for (const c of report.capabilities || []) {
        const tag = c.subject ? ` [${c.subject}]` : ''
        const age = report.startedAtMs - c.checkedAtMs
        const when = age > 60000 ? ` (checked ${humanDuration(age / 1000)} ago)` : ''
        out.push(`What this connection can do${tag}${when}: ${capabilityLines(c.rows).join('; ')}.`)
    }
    return out
}

export function reportText(report: ValidationReport): string {
    const lines = [report.summary, '']
    let previous = ''
    for (const c of report.checks) {
        // The Jira → ServiceNow checks (checks/inbound.ts) are a section of their own: how Jira reaches this instance.
        if (c.id.indexOf('inbound.') === 0 && previous.indexOf('inbound.') !== 0) {
            // The instance side (checks/inbound-instance.ts) runs once, after every connection.
            const what = c.id.indexOf('inbound.instance_') === 0 ? 'what this instance has for Jira to call' : ''
            lines.push('', `${subject(c)}Jira → ServiceNow (${what || 'webhooks that call this instance'}):`)
        }
        previous = c.id
        lines.push(`${MARK[c.status]}  ${subject(c)}${c.title} (${c.id})`)
        lines.push(`      ${c.found}`)
        if (c.status === 'fail' || c.status === 'warn') {
            lines.push(`      Expected: ${c.expected}`)
            lines.push(`      Fix: ${c.fix}`)
        }
    }
    for (const a of report.accounts || []) {
        lines.push('', `Jira account${a.subject ? ` [${a.subject}]` : ''}: ${a.accountId} (${a.accountType}).`)
    }
    const standings = standingText(report)
    if (standings.length) lines.push('', ...standings)
    const capabilities = capabilityText(report)
    if (capabilities.length) lines.push('', ...capabilities)
    if (report.rateLimit) lines.push('', `Atlassian rate limit: ${describeRateLimit(report.rateLimit)}.`)
    lines.push('', `${report.calls} call(s) to Atlassian in ${report.durationMs} ms.`)
    return lines.join('\n')
}
