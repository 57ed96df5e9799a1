/**
 * "Validate Jira connection": server-side UI action on the Jira alias, its connections, the Jira OAuth 2.0
 * credentials, and the app's validation runs ("Validate again"). Shows the verdict (an error message when the
 * connection does not work), each failure as an error message and each warning as an info message, stores the run,
 * and returns to the form.
 */
import { formMessages } from '../core/format'
import { RUN_TABLE } from '../glide/run-store'
import { GlideSetupRecords } from '../glide/setup-records'
import type { ValidationReport } from '../core/report'
import { showError, showInfo } from '../glide/session-messages'
import { findAliasSysId, JIRA_ALIAS_ID, targetOfRun, validateAndStore } from '../glide/validation-service'

interface CurrentRecord {
    getTableName(): string
    getRecordClassName(): string
    getUniqueValue(): string
}

/**
 * The UI action script's `action` object. The SDK wrapper calls the module with each declared parameter by its own
 * name (`validateJiraConnection(current, action)` in sys_ui_action.script), so it must be a parameter named exactly
 * `action`: a module cannot see the script's variables (assumption A8).
 */
export interface UiActionObject {
    setRedirectURL(target: unknown): void
}

export function validateJiraConnection(current: CurrentRecord, action?: UiActionObject): void {
    let table = current.getRecordClassName() || current.getTableName()
    let sysId = current.getUniqueValue()
    if (table === RUN_TABLE) {
        const target = targetOfRun(sysId)
        if (!target || !target.table || !target.sysId) {
            showError(
                'This validation run does not record what it validated; run "Validate Jira connection" from the Jira' +
                    ' alias, connection or credential instead.'
            )
            redirect(action, current)
            return
        }
        table = target.table
        sysId = target.sysId
    }
    const { report } = validateAndStore(table, sysId)
    showMessages(report)
    redirect(action, current)
}

/**
 * List banner button "Validate Jira connection" on Validation Runs: validates the shipped Jira alias from an app-owned
 * list, so a first validation is possible even where UI actions on the global alias/connection/credential tables are
 * not allowed (assumption A9). Opens the stored run.
 */
export function validateJiraAlias(current: CurrentRecord, action?: UiActionObject): void {
    const { report, runSysId } = validateAndStore('sys_alias', findAliasSysId(JIRA_ALIAS_ID) || JIRA_ALIAS_ID)
    showMessages(report)
    redirect(action, runSysId ? `${RUN_TABLE}.do?sys_id=${runSysId}` : current)
}

function showMessages(report: ValidationReport): void {
    // Whether the move to a service account is the reader's to make: only admin may change where the integration
    // points, checked server-side through the setup's user/role port (the page hides its Move button alike).
    const messages = formMessages(report, { canRepoint: new GlideSetupRecords().isAdmin() })
    for (const m of messages.info) showInfo(m)
    for (const m of messages.errors) showError(m)
}

/** Without an action object (a script calling the module directly) the platform's default return applies. */
function redirect(action: UiActionObject | undefined, target: unknown): void {
    if (action && typeof action.setRedirectURL === 'function') action.setRedirectURL(target)
}
