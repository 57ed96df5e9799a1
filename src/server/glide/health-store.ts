/**
 * HealthStorePort over x_jira_connect_connection_health (one row per connection, or per OAuth credential no active
 * connection uses). Columns are documented in docs/health.md; the setup page reads them. No secret is stored.
 */
import type { HealthState, HealthStorePort, HealthVerdict } from '../core/health/model'
import { fromGlideDateTime, toGlideDateTime } from './health-clock'
import { newRecord, str, type Row } from './records'

export const HEALTH_TABLE = 'x_jira_connect_connection_health'

/** Sort key for "failing first": broken, warning, not checked, healthy, then not configured and history. */
export const VERDICT_RANK: Record<HealthVerdict, number> = {
    broken: 0,
    warning: 1,
    not_checked: 2,
    healthy: 3,
    not_configured: 4,
    no_longer_checked: 5,
}

const DATES: Array<[keyof HealthState, string]> = [
    ['verdictSinceMs', 'verdict_since'],
    ['lastCheckedMs', 'last_checked'],
    ['lastSuccessMs', 'last_success'],
    ['lastFailureMs', 'last_failure'],
    ['accessExpiresMs', 'access_expires'],
    ['refreshExpiresMs', 'refresh_expires'],
    ['consentSinceMs', 'consent_since'],
    ['nextExpiryMs', 'next_expiry'],
    ['apiTokenSetMs', 'api_token_set_on'],
    ['lastKeepAliveMs', 'last_keep_alive'],
    ['refreshAlertDeadlineMs', 'refresh_alert_deadline'],
    ['apiTokenAlertDeadlineMs', 'api_token_alert_deadline'],
    ['capabilityCheckedMs', 'capability_checked'],
    ['quotaSeenMs', 'quota_seen'],
]

const TEXTS: Array<[keyof HealthState, string]> = [
    ['subjectTable', 'subject_table'],
    ['subjectSysId', 'subject_sys_id'],
    ['subjectName', 'subject_name'],
    ['aliasName', 'alias_name'],
    ['credentialName', 'credential_name'],
    ['credentialKind', 'credential_kind'],
    ['verdict', 'verdict'],
    ['lastFindingCode', 'last_finding_code'],
    ['lastFinding', 'last_finding'],
    ['lastFix', 'last_fix'],
    ['nextExpiryWhat', 'next_expiry_what'],
    ['apiTokenSetBasis', 'api_token_set_basis'],
    ['apiTokenMarker', 'api_token_marker'],
    ['keepAliveResult', 'keep_alive_result'],
    ['lastRunSysId', 'last_run'],
    ['notCheckedReason', 'not_checked_reason'],
    ['accountId', 'jira_account_id'],
    ['accountType', 'jira_account_type'],
    ['capabilityJson', 'capability_json'],
    ['capabilityNote', 'capability_note'],
    ['inboundJson', 'inbound_json'],
    ['quotaReason', 'quota_reason'],
    ['authStanding', 'auth_standing'],
]

/** Integer columns that may be unknown (empty). */
const NUMBERS: Array<[keyof HealthState, string]> = [
    ['quotaLeft', 'quota_left'],
    ['quotaLimit', 'quota_limit'],
    ['quotaWindowSec', 'quota_window_s'],
]

export class GlideHealthStore implements HealthStorePort {
    read(subjectTable: string, subjectSysId: string): HealthState | null {
        const row = this.find(subjectTable, subjectSysId)
        return row ? toState(row) : null
    }

    /** The health row's GlideRecord (the event's record). */
    find(subjectTable: string, subjectSysId: string): Row | null {
        const row = newRecord(HEALTH_TABLE)
        row.addQuery('subject_sys_id', subjectSysId)
        row.addQuery('subject_table', subjectTable)
        row.setLimit(1)
        row.query()
        return row.next() ? row : null
    }

    write(state: HealthState): void {
        const existing = this.find(state.subjectTable, state.subjectSysId)
        const row = existing || newRecord(HEALTH_TABLE)
        for (const [key, column] of TEXTS) row.setValue(column, String(state[key] ?? ''))
        for (const [key, column] of DATES) row.setValue(column, toGlideDateTime((state[key] as number | null) ?? null))
        for (const [key, column] of NUMBERS) {
            const n = state[key]
            row.setValue(column, typeof n === 'number' && Number.isFinite(n) ? n : '')
        }
        row.setValue('quota_near_limit', state.quotaNearLimit === true)
        row.setValue('keep_alive_count', state.keepAliveCount)
        row.setValue('verdict_rank', VERDICT_RANK[state.verdict])
        const age =
            state.apiTokenSetMs !== null && state.lastCheckedMs !== null
                ? Math.floor((state.lastCheckedMs - state.apiTokenSetMs) / 86400000)
                : ''
        row.setValue('api_token_age_days', age)
        if (existing) row.update()
        else row.insert()
    }

    /** Every row with its sys_id (the setup page links to it). */
    rows(): Array<HealthState & { sysId: string }> {
        const out: Array<HealthState & { sysId: string }> = []
        const row = newRecord(HEALTH_TABLE)
        row.setLimit(1000)
        row.query()
        while (row.next()) out.push({ ...toState(row), sysId: row.getUniqueValue() })
        return out
    }

    all(): HealthState[] {
        const out: HealthState[] = []
        const row = newRecord(HEALTH_TABLE)
        row.setLimit(1000)
        row.query()
        while (row.next()) out.push(toState(row))
        return out
    }
}

function toState(row: Row): HealthState {
    const state: Record<string, unknown> = {}
    for (const [key, column] of TEXTS) state[key] = str(row, column)
    for (const [key, column] of DATES) state[key] = fromGlideDateTime(str(row, column))
    for (const [key, column] of NUMBERS) {
        const n = parseInt(str(row, column), 10)
        state[key] = Number.isFinite(n) ? n : null
    }
    state.quotaNearLimit = str(row, 'quota_near_limit') === 'true' || str(row, 'quota_near_limit') === '1'
    state.keepAliveCount = parseInt(str(row, 'keep_alive_count'), 10) || 0
    if (!state.verdict) state.verdict = 'not_checked'
    return state as unknown as HealthState
}
