/** The validator's result model: one CheckResult per link of the chain, and a verdict over them. */
import type { AuthStanding } from './auth-standing'
import type { CapabilityRow } from './capability-table'
import type { InboundOfConnection } from './inbound-view'
import { CHECK_IDS, checkSpec, type CheckId, type CodeWith, type Finding } from './catalogue'
import type { RateLimitInfo } from './rate-limit'

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
    /** The integration account(s) Jira named (id and type only: stored with the run and the health row). */
    accounts?: AccountOfConnection[]
    /**
     * Display name and email of the account(s), shown at validation time only: never stored (Atlassian's
     * personal-data rules; run-store.ts and the health check drop it).
     */
    people?: PersonOfConnection[]
    /** What each connection can do for the Jira spoke (capability-table.ts). */
    capabilities?: CapabilityOfConnection[]
    /** The rate-limit state Atlassian's answers reported during the run (rate-limit.ts). */
    rateLimit?: RateLimitInfo | null
    /** What the Jira → ServiceNow checks saw per connection (sanitised: inbound-view.ts), when they ran. */
    inbound?: InboundOfConnection[]
    /**
     * The health check reads the Jira spoke's records once per run and reports them on one subject's row: its name,
     * so the other sections say where to look (health/runner.ts).
     */
    inboundInstanceOn?: string
    /** Each connection's way in and where it stands against Atlassian's and ServiceNow's rules (auth-standing.ts). */
    standings?: StandingOfConnection[]
}

export interface StandingOfConnection extends AuthStanding {
    subject?: string
    connectionSysId: string
    connectionName: string
    /** The site name of a https://<site>.atlassian.net connection URL, else '' (the move pre-fills it). */
    site: string
}

export interface AccountOfConnection {
    subject?: string
    accountId: string
    accountType: string
}

export interface PersonOfConnection {
    subject?: string
    displayName: string
    email: string | null
}

export interface CapabilityOfConnection {
    subject?: string
    rows: CapabilityRow[]
    /** When the capability checks behind the rows ran (epoch ms): now, or a cached health-check run. */
    checkedAtMs: number
}

export function verdictOf(checks: CheckResult[]): Verdict {
    if (checks.some((c) => c.status === 'fail')) return 'fail'
    if (checks.some((c) => c.status === 'warn')) return 'warn'
    return 'pass'
}

/** Collects check results for one subject; titles come from the catalogue, skips from its `requires`. */
export class CheckLog {
    constructor(
        private readonly subject?: string,
        readonly checks: CheckResult[] = [],
        /** Derived skip -> the failed check that caused it (shared by every subject's log). */
        private readonly causes: Map<CheckResult, CheckResult> = new Map()
    ) {}

    /** A log writing into the same list, tagging each result with the subject (e.g. the connection name). */
    withSubject(subject: string | undefined): CheckLog {
        return new CheckLog(subject, this.checks, this.causes)
    }

    pass<C extends CheckId>(id: C, found: string, code: 'ok' | CodeWith<C, 'pass'> = 'ok'): CheckResult {
        return this.add(id, 'pass', { code, found, expected: '', fix: '' })
    }

    warn<C extends CheckId>(id: C, finding: Finding<CodeWith<C, 'warn'>>): CheckResult {
        return this.add(id, 'warn', finding)
    }

    fail<C extends CheckId>(id: C, finding: Finding<CodeWith<C, 'fail'>>): CheckResult {
        return this.add(id, 'fail', finding)
    }

    /** A skip with its own reason (not a failed prerequisite: those are derived by ready() and skipBlocked()). */
    skip(id: CheckId, reason: string): CheckResult {
        return this.add(id, 'skip', { code: 'skipped', found: reason, expected: '', fix: '' })
    }

    /** The latest result of check `id` for this subject (results logged without a subject count for every subject). */
    result(id: CheckId): CheckResult | null {
        for (let i = this.checks.length - 1; i >= 0; i--) {
            const c = this.checks[i]
            if (c.id === id && (c.subject === this.subject || c.subject === undefined)) return c
        }
        return null
    }

    /**
     * The failed check that stops `id` from running: a required check that failed or was skipped, looked up through
     * required checks that did not run (yet); null when `id` may run.
     */
    blocker(id: CheckId): CheckResult | null {
        for (const required of checkSpec(id).requires as readonly CheckId[]) {
            const done = this.result(required)
            if (done && done.status === 'fail') return done
            if (done && done.status === 'skip') return this.causes.get(done) || done
            if (!done) {
                const deeper = this.blocker(required)
                if (deeper) return deeper
            }
        }
        return null
    }

    /**
     * True when check `id` may run; otherwise logs it as skipped, naming the failed check it needs by its title (no
     * check id or finding code in text an admin reads, issue 17 §7: the skip's cause stays in the data), and is false.
     */
    ready(id: CheckId): boolean {
        const blocker = this.blocker(id)
        if (!blocker) return true
        const reason = blocker.status === 'fail' ? `Skipped: needs "${blocker.title}", which failed.` : blocker.found
        this.causes.set(this.skip(id, reason), blocker)
        return false
    }

    /**
     * Logs as skipped every catalogue check that applies to the credential kind (null: unknown), has not run for this
     * subject, and is blocked by a failed prerequisite: the admin sees what was not checked and why.
     */
    skipBlocked(auth: 'oauth2' | 'basic' | null): void {
        for (const id of CHECK_IDS) {
            const only = checkSpec(id).auth
            if ((only && only !== auth) || this.result(id)) continue
            this.ready(id)
        }
    }

    private add(id: CheckId, status: CheckStatus, finding: Finding<string>): CheckResult {
        const { code, found, expected, fix } = finding
        const result: CheckResult = { id, status, title: checkSpec(id).title, code, found, expected, fix }
        if (this.subject) result.subject = this.subject
        this.checks.push(result)
        return result
    }
}

export function summarize(verdict: Verdict, checks: CheckResult[], targetName: string): string {
    const failed = checks.filter((c) => c.status === 'fail').length
    const warned = checks.filter((c) => c.status === 'warn').length
    const passed = checks.filter((c) => c.status === 'pass').length
    const warnings = `${warned} warning${warned === 1 ? '' : 's'}`
    if (verdict === 'pass') return `Jira connection "${targetName}" works: ${passed} checks passed.`
    if (verdict === 'warn') {
        return `Jira connection "${targetName}" works, with ${warnings} to look at (${passed} checks passed).`
    }
    return (
        `Jira connection "${targetName}" does not work: ${failed} check${failed === 1 ? '' : 's'} failed` +
        `${warned ? `, ${warnings}` : ''}. Fix the first failure first: later checks depend on it.`
    )
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
