/** The standing of each subject's way in (auth-standing.ts) on its health row and in the health check's stored run. */
import type { StandingOfConnection, ValidationReport } from '../report'
import type { HealthState, HealthSubject } from './model'

/** The health row with the standing of its latest check (kept when the check did not get as far as the way in). */
export function withStanding(state: HealthState, report: ValidationReport): HealthState {
    const standing = (report.standings || [])[0]
    return standing ? { ...state, authStanding: standing.code } : state
}

/** Every checked subject's standing, tagged with its name, for the run that covers them all. */
export function standingsOf(
    pending: Array<{ subject: HealthSubject; round?: { report: ValidationReport } }>
): StandingOfConnection[] {
    const out: StandingOfConnection[] = []
    for (const p of pending) {
        for (const s of (p.round && p.round.report.standings) || []) out.push({ ...s, subject: p.subject.name })
    }
    return out
}
