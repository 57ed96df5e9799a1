import { UiAction } from '@servicenow/sdk/core'
import { JIRA_ALIAS_ID } from '../../server/glide/validation-service'
import { validateJiraAlias, validateJiraConnection } from '../../server/ui-actions/validate-jira-connection'
import { ACCESS } from '../app/access'

/**
 * "Validate Jira connection" form buttons: the same server module on every table. Each condition limits the button to
 * records of this app's Jira alias / registry and to admins (roles are also enforced through sys_ui_action_role).
 * UI actions on the global tables sys_alias, http_connection and oauth_2_0_credentials depend on their design-time
 * configuration access (README assumption A9); the app-owned validation-run form always carries the action.
 * Fluent allows no spread, so each block names the shared values below (see ../app/access.ts for what Fluent reads).
 */

/** What the form buttons have in common. */
const FORM_BUTTON = {
    actionName: 'x_jira_connect_validate',
    hint: 'Checks every link from this record to Jira Cloud and says how to fix what does not work. \
Changes no configuration.',
    form: { showButton: true, showLink: false, showContextMenu: true, style: 'primary' },
    order: 200,
} as const

/** The Jira alias and its child aliases. */
UiAction({
    $id: Now.ID['validate-jira-alias'],
    table: 'sys_alias',
    name: 'Validate Jira connection',
    actionName: FORM_BUTTON.actionName,
    active: true,
    showInsert: false,
    showUpdate: true,
    hint: FORM_BUTTON.hint,
    condition: `${ACCESS.condition} && (current.id == '${JIRA_ALIAS_ID}' || current.parent.id == '${JIRA_ALIAS_ID}')`,
    form: FORM_BUTTON.form,
    roles: ACCESS.roles,
    order: FORM_BUTTON.order,
    script: validateJiraConnection,
})

/** HTTP(s) connections on the Jira alias or its child aliases. */
UiAction({
    $id: Now.ID['validate-jira-connection'],
    table: 'http_connection',
    name: 'Validate Jira connection',
    actionName: FORM_BUTTON.actionName,
    active: true,
    showInsert: false,
    showUpdate: true,
    hint: FORM_BUTTON.hint,
    condition: `${ACCESS.condition} && (current.connection_alias.id == '${JIRA_ALIAS_ID}' \
|| current.connection_alias.parent.id == '${JIRA_ALIAS_ID}')`,
    form: FORM_BUTTON.form,
    roles: ACCESS.roles,
    order: FORM_BUTTON.order,
    script: validateJiraConnection,
})

/** OAuth 2.0 credentials whose profile belongs to the Jira Cloud OAuth (3LO) or Jira Cloud Service Account registry. */
UiAction({
    $id: Now.ID['validate-jira-oauth-credential'],
    table: 'oauth_2_0_credentials',
    name: 'Validate Jira connection',
    actionName: FORM_BUTTON.actionName,
    active: true,
    showInsert: false,
    showUpdate: true,
    hint: FORM_BUTTON.hint,
    condition: `${ACCESS.condition} && ['Jira Cloud OAuth', 'Jira Cloud Service Account'].indexOf(\
String(current.oauth_entity_profile.oauth_entity.name)) >= 0`,
    form: FORM_BUTTON.form,
    roles: ACCESS.roles,
    order: FORM_BUTTON.order,
    script: validateJiraConnection,
})

/** A stored run: validates the same record again ("Validate again" from the app's own form). */
UiAction({
    $id: Now.ID['validate-jira-run'],
    table: 'x_jira_connect_validation_run',
    name: 'Validate again',
    actionName: FORM_BUTTON.actionName,
    active: true,
    showInsert: false,
    showUpdate: true,
    hint: FORM_BUTTON.hint,
    condition: ACCESS.condition,
    form: FORM_BUTTON.form,
    roles: ACCESS.roles,
    order: FORM_BUTTON.order,
    script: validateJiraConnection,
})

/** Validation Runs list: validates the shipped Jira alias from an app-owned list (works even if A9 does not hold). */
UiAction({
    $id: Now.ID['validate-jira-from-runs-list'],
    table: 'x_jira_connect_validation_run',
    name: 'Validate Jira connection',
    actionName: 'x_jira_connect_validate_alias',
    active: true,
    hint: `Validates the Jira alias (${JIRA_ALIAS_ID}) and opens the stored run. Changes no configuration.`,
    condition: ACCESS.condition,
    list: { showBannerButton: true, showButton: false, showLink: false, showContextMenu: false, style: 'primary' },
    roles: ACCESS.roles,
    order: 100,
    script: validateJiraAlias,
})
