/**
 * "Validate all": the health check on demand, from the Connection Health list (banner button) or the Jira alias form.
 * Shows what the scheduled job would record: how many connections were checked, which are broken and why, what was
 * not checked; opens the stored run.
 */
import { gs } from '@servicenow/glide'
import { RUN_TABLE } from '../glide/run-store'
import { runHealthCheckNow } from '../glide/health-service'

declare const action: { setRedirectURL(target: unknown): void } | undefined

export function validateAllFromList(current: unknown): void {
    validateAll(current)
}

export function validateAllFromAlias(current: unknown): void {
    validateAll(current)
}

function validateAll(current: unknown): void {
    const outcome = runHealthCheckNow('on_demand')
    if (!outcome.ok || !outcome.result) {
        gs.addErrorMessage(outcome.message)
    } else {
        gs.addInfoMessage(outcome.message)
        for (const o of outcome.result.outcomes) {
            if (o.checked && o.state.verdict === 'broken') {
                gs.addErrorMessage(`"${o.subject.name}" is broken: ${o.state.lastFinding} Fix: ${o.state.lastFix}`)
            }
        }
    }
    if (typeof action !== 'undefined' && action)
        action.setRedirectURL(outcome.runSysId ? `${RUN_TABLE}.do?sys_id=${outcome.runSysId}` : current)
}
