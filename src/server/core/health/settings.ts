/** Health check settings: system properties (src/fluent/health/properties.now.ts) with bounds and defaults. */
import type { ConfigPort } from '../ports'

export const HEALTH_PROPERTY = {
    intervalHours: 'x_jira_connect.health.interval_hours',
    connectionBudgetMs: 'x_jira_connect.health.connection_budget_ms',
    totalBudgetMs: 'x_jira_connect.health.total_budget_ms',
    keepAliveDays: 'x_jira_connect.health.keepalive_days',
    refreshWarnDays: 'x_jira_connect.health.refresh_warn_days',
    apiTokenWarnDays: 'x_jira_connect.health.api_token_warn_days',
    consentMaxDays: 'x_jira_connect.health.consent_max_days',
    apiTokenMaxDays: 'x_jira_connect.health.api_token_max_days',
} as const

export const HEALTH_DEFAULTS = {
    intervalHours: 24,
    connectionBudgetMs: 30000,
    totalBudgetMs: 240000,
    /** Atlassian expires a refresh token after 90 idle days; refreshing after 30 leaves two more tries. */
    keepAliveDays: 30,
    refreshWarnDays: 14,
    apiTokenWarnDays: 30,
    /** Atlassian's absolute consent limit (volatile, atlassian-oauth §2.4); 0 turns the warning off. */
    consentMaxDays: 365,
    /** Atlassian API tokens expire after at most one year (support.atlassian.com "Manage API tokens"). */
    apiTokenMaxDays: 365,
} as const

export interface HealthSettings {
    intervalHours: number
    connectionBudgetMs: number
    totalBudgetMs: number
    /** 0 = keep-alive off. */
    keepAliveDays: number
    refreshWarnDays: number
    apiTokenWarnDays: number
    consentMaxDays: number
    apiTokenMaxDays: number
}

/** The validator's own budget property is bounded to 5000..300000 ms (validator.ts settingsFrom). */
export const MIN_CONNECTION_BUDGET_MS = 5000

export function healthSettings(config: ConfigPort): HealthSettings {
    const int = (name: string, fallback: number, min: number, max: number) => {
        const n = parseInt(config.property(name, String(fallback)), 10)
        return Number.isFinite(n) && n >= min && n <= max ? n : fallback
    }
    const d = HEALTH_DEFAULTS
    const p = HEALTH_PROPERTY
    return {
        intervalHours: int(p.intervalHours, d.intervalHours, 1, 24 * 31),
        connectionBudgetMs: int(p.connectionBudgetMs, d.connectionBudgetMs, MIN_CONNECTION_BUDGET_MS, 300000),
        totalBudgetMs: int(p.totalBudgetMs, d.totalBudgetMs, MIN_CONNECTION_BUDGET_MS, 3600000),
        keepAliveDays: int(p.keepAliveDays, d.keepAliveDays, 0, 89),
        refreshWarnDays: int(p.refreshWarnDays, d.refreshWarnDays, 0, 89),
        apiTokenWarnDays: int(p.apiTokenWarnDays, d.apiTokenWarnDays, 0, 364),
        consentMaxDays: int(p.consentMaxDays, d.consentMaxDays, 0, 3650),
        apiTokenMaxDays: int(p.apiTokenMaxDays, d.apiTokenMaxDays, 1, 3650),
    }
}
