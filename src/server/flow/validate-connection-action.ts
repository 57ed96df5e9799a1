/**
 * The "Validate Jira connection" Flow Designer action's script step
 * (src/fluent/flow/validate-connection-action.now.ts): the configuration templates' Test Action ("Save and Test" in
 * Workflow Studio's Edit Connection window and the test in an action's properties, ServiceNow docs "Create a test
 * action to test a connection alias from a configuration template") and a step any flow or subflow can use before a
 * batch. It runs the same validator as the UI action, stores the run and hands back what the admin needs: verdict,
 * summary, each failing or warning check with its fix, and a link to the stored run. Never throws: validateAndStore
 * turns a platform error into a failing check.
 */
import { gs } from '@servicenow/glide'
import { problemMessage } from '../core/format'
import type { ValidationReport } from '../core/report'
import { RUN_TABLE } from '../glide/run-store'
import { findAliasSysId, JIRA_ALIAS_ID, validateAndStore } from '../glide/validation-service'

/** What the script step writes into its output variables (strings: Flow Designer output columns). */
export interface ValidateActionOutputs {
    verdict: string
    summary: string
    /** One line per failing or warning check: "<title>: <found> Expected: ... Fix: ...". */
    failing_checks: string
    failed_count: number
    warning_count: number
    run: string
    run_url: string
}

/** A script-step input: a sys_id string, an alias id such as x_jira_connect.Jira, or a record (reference input). */
type RecordInput = string | { getUniqueValue?: () => string } | null | undefined

function idOf(value: RecordInput): string {
    if (!value) return ''
    if (typeof value === 'object' && typeof value.getUniqueValue === 'function') return value.getUniqueValue() || ''
    return String(value).trim()
}

/**
 * What to validate: the connection when one is given (the connection under test), else the alias (sys_id or
 * sys_alias.id), else the shipped Jira alias. An input naming nothing that exists is reported by the validator
 * (connection_not_found, alias_not_found), never guessed.
 */
export function targetOf(aliasInput: RecordInput, connectionInput: RecordInput): { table: string; sysId: string } {
    const connection = idOf(connectionInput)
    if (connection) return { table: 'http_connection', sysId: connection }
    const alias = idOf(aliasInput)
    if (!alias) return { table: 'sys_alias', sysId: findAliasSysId(JIRA_ALIAS_ID) || JIRA_ALIAS_ID }
    if (/^[0-9a-f]{32}$/.test(alias)) return { table: 'sys_alias', sysId: alias }
    return { table: 'sys_alias', sysId: findAliasSysId(alias) || alias }
}

export function outputsOf(report: ValidationReport, runSysId: string | null): ValidateActionOutputs {
    const problems = report.checks.filter((c) => c.status === 'fail' || c.status === 'warn')
    const base = gs.getProperty('glide.servlet.uri', '') || ''
    return {
        verdict: report.verdict,
        summary: report.summary,
        failing_checks: problems.map((c) => `${c.status === 'fail' ? 'FAIL' : 'WARN'} ${problemMessage(c)}`).join('\n'),
        failed_count: problems.filter((c) => c.status === 'fail').length,
        warning_count: problems.filter((c) => c.status === 'warn').length,
        run: runSysId || '',
        run_url: runSysId ? `${base}${RUN_TABLE}.do?sys_id=${runSysId}` : '',
    }
}

/** Entry point of the action's script step. */
export function runValidateAction(aliasInput: RecordInput, connectionInput: RecordInput): ValidateActionOutputs {
    const target = targetOf(aliasInput, connectionInput)
    const { report, runSysId } = validateAndStore(target.table, target.sysId, 'flow')
    return outputsOf(report, runSysId)
}
