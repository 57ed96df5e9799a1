import { IntegerColumn, ReferenceColumn, StringColumn, Table } from '@servicenow/sdk/core'

/**
 * One row per "Validate Jira connection" run: what was validated, the verdict, every check's result, duration, calls,
 * who and when (sys_created_by / sys_created_on). Rows hold no token, secret or Authorization header: every text
 * comes from the validator's sanitised findings.
 */
export const x_jira_connect_validation_run = Table({
    name: 'x_jira_connect_validation_run',
    label: 'Jira Validation Run',
    display: 'target_name',
    accessibleFrom: 'package_private',
    allowWebServiceAccess: false,
    // Access controls are shipped explicitly (validation-run-acls.now.ts): whether an install creates ACLs from
    // create_access_controls is not documented (assumption A16).
    createAccessControls: false,
    schema: {
        target_name: StringColumn({ label: 'Validated', maxLength: 255, readOnly: true }),
        target_table: StringColumn({ label: 'Target table', maxLength: 80, readOnly: true }),
        target_sys_id: StringColumn({ label: 'Target sys_id', maxLength: 32, readOnly: true }),
        verdict: StringColumn({
            label: 'Verdict',
            maxLength: 10,
            readOnly: true,
            choices: { pass: 'Pass', warn: 'Pass with warnings', fail: 'Fail' },
        }),
        summary: StringColumn({ label: 'Summary', maxLength: 1000, readOnly: true }),
        report: StringColumn({ label: 'Report', maxLength: 16000, readOnly: true }),
        checks_json: StringColumn({ label: 'Checks (JSON)', maxLength: 65000, readOnly: true }),
        // Jira → ServiceNow sections (inbound-view.ts): webhooks, where they point, expiry, last failure, findings.
        inbound_json: StringColumn({ label: 'Jira → ServiceNow (JSON)', maxLength: 16000, readOnly: true }),
        failed_count: IntegerColumn({ label: 'Failed checks', readOnly: true }),
        warning_count: IntegerColumn({ label: 'Warnings', readOnly: true }),
        calls: IntegerColumn({ label: 'Calls to Atlassian', readOnly: true }),
        duration_ms: IntegerColumn({ label: 'Duration (ms)', readOnly: true }),
        // The integration account Jira named: id and type only, never its name or email (docs/capability.md).
        jira_account_id: StringColumn({ label: 'Jira account id', maxLength: 128, readOnly: true }),
        jira_account_type: StringColumn({ label: 'Jira account type', maxLength: 40, readOnly: true }),
        // Where each connection's way in stands (auth-standing.ts codes, comma separated; docs/auth-standing.md).
        auth_standing: StringColumn({ label: 'Standing of the way in', maxLength: 255, readOnly: true }),
        run_by: ReferenceColumn({ label: 'Run by', referenceTable: 'sys_user', readOnly: true }),
        trigger: StringColumn({
            label: 'Started by',
            maxLength: 20,
            readOnly: true,
            choices: {
                manual: 'Validate button',
                scheduled: 'Scheduled health check',
                on_demand: 'Validate all',
                flow: 'Flow action (Save and Test)',
            },
        }),
        not_checked: StringColumn({ label: 'Not checked', maxLength: 4000, readOnly: true }),
    },
})
