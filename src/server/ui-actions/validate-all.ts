/**
 * "Validate all": the health check on demand, from the Connection Health list (banner button) or the Jira alias form.
 * Shows what the scheduled job would record: how many connections were checked, which are broken and why, what was
 * not checked; opens the stored run.
 */
import { RUN_TABLE } from '../glide/run-store'
import { runHealthCheckNow } from '../glide/health-service'
import { showError, showInfo } from '../glide/session-messages'
import type { UiActionObject } from './validate-jira-connection'

/** `action` is a parameter, so the generated script passes it (`validateAllFromList(current, action)`; A8). */
export function validateAllFromList(current: unknown, action?: UiActionObject): void {
    validateAll(current, action)
}

export function validateAllFromAlias(current: unknown, action?: UiActionObject): void {
    validateAll(current, action)
}

function validateAll(current: unknown, action: UiActionObject | undefined): void {
    const outcome = runHealthCheckNow('on_demand')
    if (!outcome.ok || !outcome.result) {
        showError(outcome.message)
    } else {
        showInfo(outcome.message)
        for (const o of outcome.result.outcomes) {
            if (o.checked && o.state.verdict === 'broken') {
                showError(`"${o.subject.name}" is broken: ${o.state.lastFinding} Fix: ${o.state.lastFix}`)
            }
        }
    }
    if (action && typeof action.setRedirectURL === 'function')
        action.setRedirectURL(outcome.runSysId ? `${RUN_TABLE}.do?sys_id=${outcome.runSysId}` : current)
}
