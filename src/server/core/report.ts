/** The validator's result model: one CheckResult per link of the chain, and a verdict over them. */

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip'
export type Verdict = 'pass' | 'warn' | 'fail'

export interface CheckResult {
    /** Stable id, e.g. config.connection.url (README "What each check means"). */
    id: string
    status: CheckStatus
    title: string
    /** Stable code of the specific finding, e.g. cloud_id_placeholder, http_timeout. */
    code: string
    found: string
    expected: string
    /** The next step for the admin; empty only for passes. */
    fix: string
    /** The connection (or credential) the check is about, when the run covers several. */
    subject?: string
}

export interface ValidationTarget {
    table: string
    sysId: string
}

export interface ValidationReport {
    verdict: Verdict
    target: ValidationTarget
    /** Display name of what was validated (alias, connection or credential name). */
    targetName: string
    summary: string
    checks: CheckResult[]
    /** Outbound calls made (to Atlassian, token refresh included). */
    calls: number
    durationMs: number
    startedAtMs: number
}

export function verdictOf(checks: CheckResult[]): Verdict {
    if (checks.some((c) => c.status === 'fail')) return 'fail'
    if (checks.some((c) => c.status === 'warn')) return 'warn'
    return 'pass'
}

/** Collects check results for one subject; keeps the check code short at call sites. */
export class CheckLog {
    constructor(
        private readonly subject?: string,
        readonly checks: CheckResult[] = []
    ) {}

    /** A log writing into the same list, tagging each result with the subject (e.g. the connection name). */
    withSubject(subject: string | undefined): CheckLog {
        return new CheckLog(subject, this.checks)
    }

    pass(id: string, title: string, found: string, expected = '', code = 'ok'): CheckResult {
        return this.add({ id, status: 'pass', title, code, found, expected, fix: '' })
    }

    warn(id: string, title: string, code: string, found: string, expected: string, fix: string): CheckResult {
        return this.add({ id, status: 'warn', title, code, found, expected, fix })
    }

    fail(id: string, title: string, code: string, found: string, expected: string, fix: string): CheckResult {
        return this.add({ id, status: 'fail', title, code, found, expected, fix })
    }

    skip(id: string, title: string, reason: string): CheckResult {
        return this.add({ id, status: 'skip', title, code: 'skipped', found: reason, expected: '', fix: '' })
    }

    private add(result: CheckResult): CheckResult {
        if (this.subject) result.subject = this.subject
        this.checks.push(result)
        return result
    }
}

export function summarize(verdict: Verdict, checks: CheckResult[], targetName: string): string {
    const failed = checks.filter((c) => c.status === 'fail').length
    const warned = checks.filter((c) => c.status === 'warn').length
    const passed = checks.filter((c) => c.status === 'pass').length
    if (verdict === 'pass') return `Jira connection "${targetName}" works: ${passed} checks passed.`
    if (verdict === 'warn')
        return `Jira connection "${targetName}" works, with ${warned} warning${warned === 1 ? '' : 's'} to look at (${passed} checks passed).`
    return `Jira connection "${targetName}" does not work: ${failed} check${failed === 1 ? '' : 's'} failed${warned ? `, ${warned} warning${warned === 1 ? '' : 's'}` : ''}. Fix the first failure first: later checks depend on it.`
}

/** "59 min", "3 h 5 min", "89 days". */
export function humanDuration(seconds: number): string {
    const s = Math.max(0, Math.round(seconds))
    if (s < 60) return `${s} s`
    if (s < 3600) return `${Math.floor(s / 60)} min`
    if (s < 2 * 86400) {
        const h = Math.floor(s / 3600)
        const m = Math.floor((s % 3600) / 60)
        return m ? `${h} h ${m} min` : `${h} h`
    }
    return `${Math.floor(s / 86400)} days`
}
