import {
    BooleanColumn,
    DateTimeColumn,
    IntegerColumn,
    ReferenceColumn,
    StringColumn,
    Table,
} from '@servicenow/sdk/core'

/**
 * Connection health: one row per Jira connection (or per OAuth 2.0 credential no active connection uses), kept by the
 * scheduled health check and "Validate all". Column meanings: docs/health.md (the setup page reads this table).
 * No token, password, secret or Authorization header is ever stored: texts come from the sanitised findings.
 */
export const x_jira_connect_connection_health = Table({
    name: 'x_jira_connect_connection_health',
    label: 'Jira Connection Health',
    display: 'subject_name',
    accessibleFrom: 'package_private',
    allowWebServiceAccess: false,
    createAccessControls: true,
    userRole: 'x_jira_connect.admin',
    schema: {
        subject_name: StringColumn({ label: 'Connection', maxLength: 255, readOnly: true }),
        subject_table: StringColumn({ label: 'Record table', maxLength: 80, readOnly: true }),
        subject_sys_id: StringColumn({ label: 'Record sys_id', maxLength: 32, readOnly: true }),
        alias_name: StringColumn({ label: 'Alias', maxLength: 255, readOnly: true }),
        credential_name: StringColumn({ label: 'Credential', maxLength: 255, readOnly: true }),
        credential_kind: StringColumn({
            label: 'Credential type',
            maxLength: 10,
            readOnly: true,
            choices: { oauth2: 'OAuth 2.0', basic: 'Basic auth (API token)', other: 'Other' },
        }),
        verdict: StringColumn({
            label: 'Health',
            maxLength: 20,
            readOnly: true,
            choices: {
                broken: 'Broken',
                warning: 'Works, with warnings',
                not_checked: 'Not checked',
                healthy: 'Healthy',
                not_configured: 'Not configured',
                no_longer_checked: 'No longer checked',
            },
        }),
        verdict_rank: IntegerColumn({ label: 'Health order', readOnly: true }),
        verdict_since: DateTimeColumn({ label: 'Since', readOnly: true }),
        last_checked: DateTimeColumn({ label: 'Last checked', readOnly: true }),
        last_success: DateTimeColumn({ label: 'Last success', readOnly: true }),
        last_failure: DateTimeColumn({ label: 'Last failure', readOnly: true }),
        last_finding_code: StringColumn({ label: 'Last finding (check/code)', maxLength: 120, readOnly: true }),
        last_finding: StringColumn({ label: 'Last finding', maxLength: 1000, readOnly: true }),
        last_fix: StringColumn({ label: 'Fix', maxLength: 1000, readOnly: true }),
        access_expires: DateTimeColumn({ label: 'Access token expires', readOnly: true }),
        refresh_expires: DateTimeColumn({ label: 'Refresh token expires', readOnly: true }),
        consent_since: DateTimeColumn({ label: 'Consent seen since', readOnly: true }),
        next_expiry: DateTimeColumn({ label: 'Next expiry', readOnly: true }),
        next_expiry_what: StringColumn({ label: 'What expires next', maxLength: 100, readOnly: true }),
        api_token_set_on: DateTimeColumn({ label: 'API token set on', readOnly: true }),
        api_token_set_basis: StringColumn({ label: 'API token date basis', maxLength: 100, readOnly: true }),
        api_token_age_days: IntegerColumn({ label: 'API token age (days)', readOnly: true }),
        api_token_marker: StringColumn({ label: 'API token change marker', maxLength: 16, readOnly: true }),
        last_keep_alive: DateTimeColumn({ label: 'Last keep-alive refresh', readOnly: true }),
        keep_alive_count: IntegerColumn({ label: 'Keep-alive refreshes', readOnly: true }),
        keep_alive_result: StringColumn({ label: 'Last keep-alive result', maxLength: 60, readOnly: true }),
        refresh_alert_deadline: DateTimeColumn({ label: 'Token expiry alerted for', readOnly: true }),
        api_token_alert_deadline: DateTimeColumn({ label: 'API token expiry alerted for', readOnly: true }),
        last_run: ReferenceColumn({
            label: 'Last run',
            referenceTable: 'x_jira_connect_validation_run',
            readOnly: true,
        }),
        not_checked_reason: StringColumn({ label: 'Not checked because', maxLength: 255, readOnly: true }),
        // The integration account: id and type only, never its name or email (docs/capability.md).
        jira_account_id: StringColumn({ label: 'Jira account id', maxLength: 128, readOnly: true }),
        jira_account_type: StringColumn({ label: 'Jira account type', maxLength: 40, readOnly: true }),
        // Where the way in stands against Atlassian's and ServiceNow's rules (docs/auth-standing.md).
        auth_standing: StringColumn({
            label: 'Standing of the way in',
            maxLength: 40,
            readOnly: true,
            choices: {
                standing_service_account: 'Recommended: service account',
                standing_spoke_3lo: "Compliant: the Jira spoke's 3LO template",
                standing_own_3lo_app: 'Allowed: own 3LO app (flagged for distributed apps)',
                standing_scoped_token: 'Not compliant: scoped API token',
                standing_classic_token: 'Not compliant: classic API token',
            },
        }),
        // Capability round, at most once per capability_interval_hours (docs/capability.md): its table and age.
        capability_checked: DateTimeColumn({ label: 'Capabilities checked', readOnly: true }),
        capability_json: StringColumn({ label: 'Capabilities (JSON)', maxLength: 4000, readOnly: true }),
        capability_note: StringColumn({ label: 'Capabilities note', maxLength: 255, readOnly: true }),
        // Jira → ServiceNow: webhooks, where they point, expiry, last failure, findings (docs/health.md); no token.
        inbound_json: StringColumn({ label: 'Jira → ServiceNow (JSON)', maxLength: 8000, readOnly: true }),
        // Atlassian's rate-limit headers as last seen (docs/capability.md "Rate limits and quota").
        quota_left: IntegerColumn({ label: 'Quota left', readOnly: true }),
        quota_limit: IntegerColumn({ label: 'Quota per window', readOnly: true }),
        quota_window_s: IntegerColumn({ label: 'Quota window (s)', readOnly: true }),
        quota_reason: StringColumn({ label: 'Quota kind', maxLength: 60, readOnly: true }),
        quota_near_limit: BooleanColumn({ label: 'Near the limit', readOnly: true }),
        quota_seen: DateTimeColumn({ label: 'Quota seen', readOnly: true }),
    },
})
