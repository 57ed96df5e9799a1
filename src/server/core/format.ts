/** Plain-text renderings of a report: the form messages an admin sees and the stored run's report text. */
import type { CheckResult, ValidationReport } from './report'

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
    const identity = report.checks.find((c) => c.id === 'jira.myself' && c.status === 'pass')
    if (identity) info.push(`${subject(identity)}${identity.found}`)
    return { info, errors }
}

export function reportText(report: ValidationReport): string {
    const lines = [report.summary, '']
    let previous = ''
    for (const c of report.checks) {
        // The Jira → ServiceNow checks (checks/inbound.ts) are a section of their own: how Jira reaches this instance.
        if (c.id.indexOf('inbound.') === 0 && previous.indexOf('inbound.') !== 0) {
            lines.push('', `${subject(c)}Jira → ServiceNow (webhooks that call this instance):`)
        }
        previous = c.id
        lines.push(`${MARK[c.status]}  ${subject(c)}${c.title} (${c.id})`)
        lines.push(`      ${c.found}`)
        if (c.status === 'fail' || c.status === 'warn') {
            lines.push(`      Expected: ${c.expected}`)
            lines.push(`      Fix: ${c.fix}`)
        }
    }
    lines.push('', `${report.calls} call(s) to Atlassian in ${report.durationMs} ms.`)
    return lines.join('\n')
}
