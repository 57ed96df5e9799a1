/**
 * Who ServiceNow acts as in Jira, read from a validation's passing checks: jira.myself ("Authenticated as <name>
 * (account id …[, <type> account]).", src/server/core/checks/jira.ts) and jira.server_info ("Jira Cloud … at
 * <base URL>."). Jira's /myself gives accountType atlassian | app | customer (developer.atlassian.com, Jira REST
 * "Get current user"); the check names the type only when it is not atlassian.
 */
import type { CheckResult, ValidationReport } from '../report'

export interface ActingAs {
    /** Jira's display name of the account. */
    name: string
    /** atlassian (a person's account), app (service or app account), customer. */
    accountType: string
    /** The Jira site's base URL, '' when serverInfo did not pass. */
    site: string
}

const MYSELF = /^Authenticated as (.+) \(account id [^,)]+(?:, .*?)??(?:, ([a-z]+) account)?\)\.$/
const SERVER_INFO = / at (https:\/\/\S+?)\.?$/

export function actingAsOf(
    checks: CheckResult[],
    report?: Pick<ValidationReport, 'people' | 'accounts'>
): ActingAs | null {
    const info = checks.find((c) => c.id === 'jira.server_info' && c.status === 'pass')
    const site = info ? SERVER_INFO.exec(info.found) : null
    // The name is no longer in the stored check text (docs/capability.md): it comes with the report, shown only.
    const person = report && report.people && report.people[0]
    const account = report && report.accounts && report.accounts[0]
    if (person && account)
        return { name: person.displayName, accountType: account.accountType, site: site ? site[1] : '' }
    const me = checks.find((c) => c.id === 'jira.myself' && c.status === 'pass')
    const m = me ? MYSELF.exec(me.found) : null
    if (!m) return null
    return { name: m[1], accountType: m[2] || 'atlassian', site: site ? site[1] : '' }
}
