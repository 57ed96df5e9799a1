/**
 * Settings of the Jira → ServiceNow checks (checks/inbound.ts): how many days before a dynamic webhook's expiry the
 * validator warns and the health check refreshes it, and the switch that turns the refresh off. Jira expires dynamic
 * webhooks 30 days after registration or the last refresh (developer.atlassian.com REST "Extend webhook life"), so the
 * window stays below 30 days.
 */
import type { ConfigPort } from './ports'

export const WEBHOOK_PROPERTY = {
    refreshDays: 'x_jira_connect.health.webhook_refresh_days',
    refresh: 'x_jira_connect.health.webhook_refresh',
} as const

export const WEBHOOK_DEFAULTS = { refreshDays: 7, refresh: true } as const

/** Whether the health check refreshes expiring dynamic webhooks: off only for "false" (any other value keeps it on). */
export function webhookRefreshOn(config: ConfigPort): boolean {
    return config.property(WEBHOOK_PROPERTY.refresh, String(WEBHOOK_DEFAULTS.refresh)).trim().toLowerCase() !== 'false'
}

export function webhookRefreshDays(config: ConfigPort): number {
    const n = parseInt(config.property(WEBHOOK_PROPERTY.refreshDays, String(WEBHOOK_DEFAULTS.refreshDays)), 10)
    return Number.isFinite(n) && n >= 1 && n <= 29 ? n : WEBHOOK_DEFAULTS.refreshDays
}
