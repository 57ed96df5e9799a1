/** Plain-text renderings of a report: the form messages an admin sees and the stored run's report text. */
import { standingLine } from './auth-standing'
import { capabilityLines } from './capability-table'
import { inboundSections, instanceLines, isInbound, sectionLines, type InboundSection } from './inbound-view'
import { describeRateLimit } from './rate-limit'
import { humanDuration, type CheckResult, type ValidationReport } from './report'

const MARK: Record<string, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' }

function subject(c: CheckResult): string {
    return c.subject ? `[${c.subject}] ` : ''
}

/**
 * One message per problem, in check order: "<title>: <found> Expected: <expected> Fix: <fix>". No check id: text an
 * admin reads names checks by their titles (issue 17 §7); the ids stay in the data (checks_json, the page's data-*).
 */
export function problemMessage(c: CheckResult): string {
    return `${subject(c)}${c.title}: ${c.found} Expected: ${c.expected} Fix: ${c.fix}`
}

export interface FormMessages {
    info: string[]
    errors: string[]
}

/**
 * Who reads the form messages. `canRepoint`: the session user may change where the integration points (the admin
 * role, checked server-side through SetupPort.isAdmin; README "Who may do what"), so a move is theirs to make.
 */
export interface MessageReader {
    canRepoint: boolean
}

/**
 * The verdict first: an error message when the connection does not work, else an info message; each failure as an
 * error message; each warning as an info message marked Warning; each part not checked for a reason of its own as one
 * info message.
 */
export function formMessages(report: ValidationReport, reader: MessageReader = { canRepoint: false }): FormMessages {
    const calls = `${report.calls} call${report.calls === 1 ? '' : 's'} to Atlassian`
    const headline = `${report.summary} (${calls}, ${(report.durationMs / 1000).toFixed(1)} s.)`
    const info = report.verdict === 'fail' ? [] : [headline]
    const errors: string[] = report.verdict === 'fail' ? [headline] : []
    const notChecked = new Map<string, CheckResult[]>()
    for (const c of report.checks) {
        if (isInbound(c)) continue // the Jira → ServiceNow block below
        if (c.status === 'fail') errors.push(problemMessage(c))
        else if (c.status === 'warn') info.push(`Warning: ${problemMessage(c)}`)
        else if (c.status === 'skip' && /^Not checked: /.test(c.found)) {
            const key = `${subject(c)}${c.found}`
            notChecked.set(key, (notChecked.get(key) || []).concat(c))
        }
    }
    // Parts not checked for a reason of their own (instance-reads.ts: a platform error reading the instance), one
    // line per reason naming its checks; other skips only repeat the failure that caused them.
    notChecked.forEach((cs) => info.push(`${subject(cs[0])}${cs.map((c) => c.title).join(', ')}: ${cs[0].found}`))
    // The person is shown here, at validation time, and never stored (report.people is not in reportText).
    for (const p of report.people || []) {
        const tag = p.subject ? `[${p.subject}] ` : ''
        const who = `${p.displayName}${p.email ? ` (${p.email})` : ' (email hidden)'}`
        info.push(`${tag}Signed in to Jira as ${who}${accountKind(report, p.subject)}.`)
    }
    info.push(...standingText(report, reader.canRepoint ? 'do' : 'ask'))
    info.push(...capabilityText(report))
    if (report.rateLimit) info.push(`Atlassian rate limit: ${describeRateLimit(report.rateLimit)}.`)
    // After the outbound result, one block per connection; a block with a failure is shown at error level, whole,
    // so its failures come before its warnings (issue 17 §7) and it stays together.
    for (const s of inboundSections(report)) {
        const failing = s.findings.some((f) => f.status === 'fail')
        ;(failing ? errors : info).push(...inboundMessages(s, report.startedAtMs))
    }
    return { info, errors }
}

/**
 * The Jira → ServiceNow block of the form messages: what Jira has (one line per webhook: where it points, its expiry,
 * its last failure), then each problem with its fix, failures first. Passes that tell the admin something (what to
 * check by hand, nothing points here) are kept; no check id or code (issue 17 §7).
 */
export function inboundMessages(s: InboundSection, nowMs: number): string[] {
    // Not checked: the headline says so; each skip would only repeat the outbound failure that caused it.
    const said = s.checked ? s.findings.filter((f) => f.status !== 'pass' || f.code !== 'ok') : []
    return sectionLines({ ...s, findings: said }, nowMs, ['fail', 'warn', 'pass', 'skip'])
}

const MOVE_PATH = 'Jira Cloud Connect > Setup > Service account'

/**
 * The move to a service account, said to whoever reads it: a step for a user who may make it ('do'); for one who may
 * not, who can ('ask'); in the stored run, read later by either, who can ('stored'). Only admin may change where the
 * integration points (the setup API's writes are admin only).
 */
const MOVE: { [H in 'do' | 'ask' | 'stored']: string } = {
    do: ` Move to a service account: ${MOVE_PATH}.`,
    ask: ` Ask a user with the admin role to move it to a service account (${MOVE_PATH}); your role can validate it.`,
    stored: ` A user with the admin role can move it to a service account: ${MOVE_PATH}.`,
}

/**
 * The way in and where it stands against Atlassian's and ServiceNow's rules, one line per connection (form messages,
 * the stored run's report); with the move to a service account for every standing but the recommended one.
 */
export function standingText(report: ValidationReport, move: keyof typeof MOVE = 'stored'): string[] {
    return (report.standings || []).map((s) => {
        const tag = s.subject ? ` [${s.subject}]` : ''
        const hint = s.move ? MOVE[move] : ''
        return `Standing against Atlassian's and ServiceNow's rules${tag}: ${standingLine(s)}${hint}`
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
    const sections = inboundSections(report)
    const checkLines = (c: CheckResult) => {
        lines.push(`${MARK[c.status]}  ${subject(c)}${c.title}`)
        lines.push(`      ${c.found}`)
        if (c.status === 'fail' || c.status === 'warn') {
            lines.push(`      Expected: ${c.expected}`)
            lines.push(`      Fix: ${c.fix}`)
        }
    }
    const checks = report.checks
    for (let i = 0; i < checks.length; i++) {
        const c = checks[i]
        if (!isInbound(c)) {
            checkLines(c)
            continue
        }
        // The Jira → ServiceNow checks (checks/inbound.ts) are a section of their own: how Jira reaches this
        // instance, what Jira has (one line per webhook), then its checks, failures first.
        let end = i
        while (end + 1 < checks.length && isInbound(checks[end + 1]) && checks[end + 1].subject === c.subject) end++
        const run = checks.slice(i, end + 1)
        const section = sections.find((s) => (s.subject || undefined) === (c.subject || undefined))
        // The instance side (checks/inbound-instance.ts) runs once, after every connection.
        const instanceRun = run.every((x) => x.id.indexOf('inbound.instance_') === 0)
        const what = instanceRun ? 'what this instance has for Jira to call' : 'webhooks that call this instance'
        lines.push('', `${subject(c)}Jira → ServiceNow (${what}):`)
        const rank = (x: CheckResult) => ({ fail: 0, warn: 1, pass: 2, skip: 3 })[x.status]
        run.map((x, k) => ({ x, k }))
            .sort((a, b) => rank(a.x) - rank(b.x) || a.k - b.k)
            .forEach((y) => checkLines(y.x))
        if (section && section.checked) {
            const seen = instanceRun
                ? instanceLines(section.instance)
                : sectionLines({ ...section, instance: undefined }, report.startedAtMs, [])
            for (const l of seen) lines.push(`    ${l}`)
        }
        i = end
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
