/** Stores each validation in x_jira_connect_validation_run. Only sanitised report text is stored, no token or secret */
import { gs } from '@servicenow/glide'
import { reportText } from '../core/format'
import { inboundSections, sectionsJson } from '../core/inbound-view'
import type { ValidationReport } from '../core/report'
import { newRecord } from './records'

export const RUN_TABLE = 'x_jira_connect_validation_run'

/**
 * How a run started: a person on a record, the scheduled health check, "Validate all", or the Flow Designer action
 * (Save and Test in Workflow Studio, or a flow).
 */
export type RunTrigger = 'manual' | 'scheduled' | 'on_demand' | 'flow'

export function saveRun(report: ValidationReport, trigger: RunTrigger = 'manual', notChecked = ''): string | null {
    const row = newRecord(RUN_TABLE)
    row.setValue('trigger', trigger)
    row.setValue('not_checked', notChecked.slice(0, 4000))
    row.setValue('target_name', report.targetName)
    row.setValue('target_table', report.target.table)
    row.setValue('target_sys_id', report.target.sysId)
    row.setValue('verdict', report.verdict)
    row.setValue('summary', report.summary)
    row.setValue('report', reportText(report).slice(0, 16000))
    row.setValue('checks_json', JSON.stringify(report.checks).slice(0, 65000))
    row.setValue('inbound_json', sectionsJson(inboundSections(report)))
    row.setValue('failed_count', report.checks.filter((c) => c.status === 'fail').length)
    row.setValue('warning_count', report.checks.filter((c) => c.status === 'warn').length)
    row.setValue('calls', report.calls)
    row.setValue('duration_ms', report.durationMs)
    // Account id and type only (several connections: comma separated); report.people is never stored.
    const accounts = report.accounts || []
    row.setValue(
        'jira_account_id',
        accounts
            .map((a) => a.accountId)
            .join(', ')
            .slice(0, 128)
    )
    row.setValue(
        'jira_account_type',
        accounts
            .map((a) => a.accountType)
            .join(', ')
            .slice(0, 40)
    )
    // Each connection's standing code (auth-standing.ts; several connections: comma separated, in check order).
    row.setValue(
        'auth_standing',
        (report.standings || [])
            .map((s) => s.code)
            .join(', ')
            .slice(0, 255)
    )
    // A scheduled job with an empty Run as runs as "system", which is no sys_user record: leave Run by empty then.
    const user = String(gs.getUserID() || '')
    if (/^[0-9a-f]{32}$/.test(user)) row.setValue('run_by', user)
    return row.insert()
}
