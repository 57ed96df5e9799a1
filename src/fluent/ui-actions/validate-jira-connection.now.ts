import { UiAction } from '@servicenow/sdk/core'
import { validateJiraAlias, validateJiraConnection } from '../../server/ui-actions/validate-jira-connection'

/**
 * "Validate Jira connection" form buttons: the same server module on every table. Each condition limits the button to
 * records of this app's Jira alias / registry and to admins (roles are also enforced through sys_ui_action_role).
 * UI actions on the global tables sys_alias, http_connection and oauth_2_0_credentials depend on their design-time
 * configuration access (README assumption A9); the app-owned validation-run form always carries the action.
 * (Fluent allows no spread or computed strings here, hence the repetition.)
 */

/** The Jira alias and its child aliases. */
UiAction({
    $id: Now.ID['validate-jira-alias'],
    table: 'sys_alias',
    name: 'Validate Jira connection',
    actionName: 'x_jira_connect_validate',
    active: true,
    showInsert: false,
    showUpdate: true,
    hint: 'Checks every link from this record to Jira Cloud and says how to fix what does not work. Changes no configuration.',
    condition: "(gs.hasRole('admin') || gs.hasRole('x_jira_connect.admin')) && (current.id == 'x_jira_connect.Jira' || current.parent.id == 'x_jira_connect.Jira')",
    form: { showButton: true, showLink: false, showContextMenu: true, style: 'primary' },
    roles: ['admin', 'x_jira_connect.admin'],
    order: 200,
    script: validateJiraConnection,
})

/** HTTP(s) connections on the Jira alias or its child aliases. */
UiAction({
    $id: Now.ID['validate-jira-connection'],
    table: 'http_connection',
    name: 'Validate Jira connection',
    actionName: 'x_jira_connect_validate',
    active: true,
    showInsert: false,
    showUpdate: true,
    hint: 'Checks every link from this record to Jira Cloud and says how to fix what does not work. Changes no configuration.',
    condition: "(gs.hasRole('admin') || gs.hasRole('x_jira_connect.admin')) && (current.connection_alias.id == 'x_jira_connect.Jira' || current.connection_alias.parent.id == 'x_jira_connect.Jira')",
    form: { showButton: true, showLink: false, showContextMenu: true, style: 'primary' },
    roles: ['admin', 'x_jira_connect.admin'],
    order: 200,
    script: validateJiraConnection,
})

/** OAuth 2.0 credentials whose profile belongs to the Jira Cloud OAuth (3LO) or Jira Cloud Service Account registry. */
UiAction({
    $id: Now.ID['validate-jira-oauth-credential'],
    table: 'oauth_2_0_credentials',
    name: 'Validate Jira connection',
    actionName: 'x_jira_connect_validate',
    active: true,
    showInsert: false,
    showUpdate: true,
    hint: 'Checks every link from this record to Jira Cloud and says how to fix what does not work. Changes no configuration.',
    condition: "(gs.hasRole('admin') || gs.hasRole('x_jira_connect.admin')) && ['Jira Cloud OAuth', 'Jira Cloud Service Account'].indexOf(String(current.oauth_entity_profile.oauth_entity.name)) >= 0",
    form: { showButton: true, showLink: false, showContextMenu: true, style: 'primary' },
    roles: ['admin', 'x_jira_connect.admin'],
    order: 200,
    script: validateJiraConnection,
})

/** A stored run: validates the same record again ("Validate again" from the app's own form). */
UiAction({
    $id: Now.ID['validate-jira-run'],
    table: 'x_jira_connect_validation_run',
    name: 'Validate again',
    actionName: 'x_jira_connect_validate',
    active: true,
    showInsert: false,
    showUpdate: true,
    hint: 'Checks every link from this record to Jira Cloud and says how to fix what does not work. Changes no configuration.',
    condition: "(gs.hasRole('admin') || gs.hasRole('x_jira_connect.admin'))",
    form: { showButton: true, showLink: false, showContextMenu: true, style: 'primary' },
    roles: ['admin', 'x_jira_connect.admin'],
    order: 200,
    script: validateJiraConnection,
})

/** Validation Runs list: validates the shipped Jira alias from an app-owned list (works even if A9 does not hold). */
UiAction({
    $id: Now.ID['validate-jira-from-runs-list'],
    table: 'x_jira_connect_validation_run',
    name: 'Validate Jira connection',
    actionName: 'x_jira_connect_validate_alias',
    active: true,
    hint: 'Validates the Jira alias (x_jira_connect.Jira) and opens the stored run. Changes no configuration.',
    condition: "(gs.hasRole('admin') || gs.hasRole('x_jira_connect.admin'))",
    list: { showBannerButton: true, showButton: false, showLink: false, showContextMenu: false, style: 'primary' },
    roles: ['admin', 'x_jira_connect.admin'],
    order: 100,
    script: validateJiraAlias,
})
