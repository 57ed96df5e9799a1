/**
 * Wires the validator core to the Glide adapters. Entry points for the UI actions, the ATF post-install test and
 * scripts. Never throws: an unexpected platform error becomes a failing check, and the stack trace goes to the system
 * log only.
 */
import { gs } from '@servicenow/glide'
import type { ValidationReport } from '../core/report'
import { safeText } from '../core/sanitize'
import { validate } from '../core/validator'
import { RhinoClock } from './clock'
import { GlideConfigReader } from './config-reader'
import { GlideTokenStore } from './oauth-tokens'
import { GlideRealPathReader } from './real-path-reader'
import { GlideSpokeInboundReader } from './spoke-inbound-reader'
import { GlideRestHttp } from './rest-http'
import { byId, shippedRecord, str } from './records'
import { SHIPPED } from './shipped-records'
import { RUN_TABLE, saveRun, type RunTrigger } from './run-store'

/** An exception's stack or message, sanitised and bounded, for the system log and the report. */
function errorText(e: unknown, field: 'stack' | 'message', max: number): string {
    return safeText(String((e as { stack?: string; message?: string } | null)?.[field] || e), max)
}

/** sys_alias.id of the alias this app ships (Alias() computes <scope>.<name>). */
export const JIRA_ALIAS_ID = 'x_jira_connect.Jira'

export function validateRecord(table: string, sysId: string): ValidationReport {
    const clock = new RhinoClock()
    const startedAtMs = clock.nowMs()
    try {
        return validate(
            { table, sysId },
            {
                config: new GlideConfigReader(),
                tokens: new GlideTokenStore(),
                http: new GlideRestHttp(),
                clock,
                realPath: new GlideRealPathReader(),
                spokeInbound: new GlideSpokeInboundReader(),
            }
        )
    } catch (e) {
        gs.error(`Jira Cloud Connect: validator error for ${table} ${sysId}: ${errorText(e, 'stack', 2000)}`)
        const found = `The validator stopped on an unexpected platform error: ${errorText(e, 'message', 160)}.`
        return {
            verdict: 'fail',
            target: { table, sysId },
            targetName: sysId,
            summary: 'The validation could not finish.',
            checks: [
                {
                    id: 'validator.internal',
                    status: 'fail',
                    title: 'Validator ran to completion',
                    code: 'internal_error',
                    found,
                    expected: 'A completed validation.',
                    fix:
                        'Check the system log for "Jira Cloud Connect: validator error" and report it; ' +
                        'the admin configuration was not changed.',
                },
            ],
            calls: 0,
            durationMs: clock.nowMs() - startedAtMs,
            startedAtMs,
        }
    }
}

/** Validates the shipped "Jira" alias (used by the post-install ATF test). */
export function validateDefaultAlias(): ValidationReport {
    const alias = findAliasSysId(JIRA_ALIAS_ID)
    // Not installed: the report says so (alias_not_found) instead of throwing.
    return validateRecord('sys_alias', alias || JIRA_ALIAS_ID)
}

/** The Jira alias: the shipped record by sys_id, else the oldest alias with that id (records.ts shippedRecord). */
export function findAliasSysId(aliasId: string): string | null {
    const sysId = aliasId === JIRA_ALIAS_ID ? SHIPPED.jiraAlias : ''
    const { row } = shippedRecord('sys_alias', sysId, 'id', aliasId)
    return row ? row.getUniqueValue() : null
}

/** Validates and stores the run; returns the report and the run's sys_id. */
export function validateAndStore(
    table: string,
    sysId: string,
    trigger: RunTrigger = 'manual'
): { report: ValidationReport; runSysId: string | null } {
    const report = validateRecord(table, sysId)
    let runSysId: string | null = null
    try {
        runSysId = saveRun(report, trigger)
    } catch (e) {
        gs.error(`Jira Cloud Connect: could not store the validation run: ${errorText(e, 'message', 300)}`)
    }
    return { report, runSysId }
}

/** The target a stored run validated (for "Validate again" on the run form). */
export function targetOfRun(runSysId: string): { table: string; sysId: string } | null {
    const row = byId(RUN_TABLE, runSysId)
    return row ? { table: str(row, 'target_table'), sysId: str(row, 'target_sys_id') } : null
}
