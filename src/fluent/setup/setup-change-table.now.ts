import { DateTimeColumn, StringColumn, Table } from '@servicenow/sdk/core'

/**
 * The setup page's audit trail (src/server/glide/setup-audit.ts): one row per field the setup API changed, with who
 * (sys_created_by) and when (sys_created_on), the record, the old and new value, or "replaced" for a secret (never its
 * value). Rows of kind "lock" are the short-lived save lock that keeps two admins' saves from interleaving; rows of
 * kind "run_lock" keep two health checks from running at once (src/server/glide/health-lock.ts).
 * The platform's own audit (sys_audit) covers these changes too only where the target table is audited, which is not
 * the default for system tables (ServiceNow docs "Viewing Sys Audit and Audit Relationship Change tables"; A34).
 */
export const x_jira_connect_setup_change = Table({
    name: 'x_jira_connect_setup_change',
    label: 'Jira Setup Change',
    display: 'record_name',
    accessibleFrom: 'package_private',
    allowWebServiceAccess: false,
    // Explicit ACLs (setup-change-acls.now.ts), as for the validation runs (assumption A16).
    createAccessControls: false,
    schema: {
        kind: StringColumn({
            label: 'Kind',
            maxLength: 10,
            readOnly: true,
            choices: { change: 'Change', lock: 'Save lock', run_lock: 'Health check lock' },
        }),
        operation: StringColumn({ label: 'Operation', maxLength: 60, readOnly: true }),
        batch: StringColumn({ label: 'Save', maxLength: 40, readOnly: true }),
        table_name: StringColumn({ label: 'Table', maxLength: 80, readOnly: true }),
        document_key: StringColumn({ label: 'Record sys_id', maxLength: 32, readOnly: true }),
        record_name: StringColumn({ label: 'Record', maxLength: 255, readOnly: true }),
        field_name: StringColumn({ label: 'Field', maxLength: 80, readOnly: true }),
        old_value: StringColumn({ label: 'Old value', maxLength: 1000, readOnly: true }),
        new_value: StringColumn({ label: 'New value', maxLength: 1000, readOnly: true }),
        expires: DateTimeColumn({ label: 'Lock expires', readOnly: true }),
    },
})
