/**
 * Connection health over time: the state kept per connection (table x_jira_connect_connection_health, columns in
 * docs/health.md), the alerts the health check raises and the ports it needs besides the validator's.
 * All times are epoch milliseconds (UTC); the Glide adapter converts to and from glide date-times.
 */
import type { CredentialSnapshot } from '../ports'

/**
 * The verdict values the health rows and the setup page's health view share (docs/health.md "Verdicts"):
 * healthy / warning = a call with the credential succeeded in the latest check (warning: something to look at, or
 * not checked for two intervals); broken = a check failed on evidence (an answer, or the platform's own record such as
 * an expired refresh token); not_checked = no call could prove anything (reason in notCheckedReason);
 * not_configured = never set up (no client ID, no token, inactive credential), no alert; no_longer_checked = the
 * connection is inactive or deleted, the row is history.
 */
export type HealthVerdict = 'healthy' | 'warning' | 'broken' | 'not_checked' | 'not_configured' | 'no_longer_checked'

/** What a health row is about: an active connection, or an OAuth 2.0 credential no active connection uses. */
export interface HealthSubject {
    kind: 'connection' | 'credential'
    /** Table of the subject record (http_connection, oauth_2_0_credentials, ...). */
    table: string
    sysId: string
    name: string
    aliasName: string
    credential: CredentialSnapshot | null
}

/** One health row. Never holds a token, password, secret or anything derived from one in clear. */
export interface HealthState {
    subjectTable: string
    subjectSysId: string
    subjectName: string
    aliasName: string
    credentialName: string
    credentialKind: 'oauth2' | 'basic' | 'other' | ''
    verdict: HealthVerdict
    verdictSinceMs: number | null
    lastCheckedMs: number | null
    lastSuccessMs: number | null
    lastFailureMs: number | null
    /** "<check id>/<code>" of the first failure (or warning) of the latest check that had one. */
    lastFindingCode: string
    lastFinding: string
    lastFix: string
    accessExpiresMs: number | null
    refreshExpiresMs: number | null
    /** First time this health check saw the current consent (a lower bound of its real start). */
    consentSinceMs: number | null
    /** The earliest known deadline (refresh token, consent, API token age) and what it is. */
    nextExpiryMs: number | null
    nextExpiryWhat: string
    /** Basic auth: when the API token (password field) was set, and how that date is known. */
    apiTokenSetMs: number | null
    apiTokenSetBasis: string
    /** Opaque marker of the stored (encrypted) password value: a change means a new API token was entered. */
    apiTokenMarker: string
    lastKeepAliveMs: number | null
    keepAliveCount: number
    keepAliveResult: string
    /** Alert bookkeeping: the deadline the last "expiring" alert was about, per kind. */
    refreshAlertDeadlineMs: number | null
    apiTokenAlertDeadlineMs: number | null
    lastRunSysId: string
    notCheckedReason: string
    // Capability round (capability-round.ts), optional so older rows and callers need not name them.
    /** The integration account Jira named: id and type only, never its display name or email. */
    accountId?: string
    accountType?: string
    /** When the capability round last ran to the end, and its table (JSON rows); why the latest one was cut. */
    capabilityCheckedMs?: number | null
    capabilityJson?: string
    capabilityNote?: string
    /** The Jira → ServiceNow section of the latest check that reached Jira (inbound-view.ts, JSON, sanitised). */
    inboundJson?: string
    /** What Atlassian's rate-limit headers said in the latest check that got them (rate-limit.ts), and when. */
    quotaLeft?: number | null
    quotaLimit?: number | null
    quotaWindowSec?: number | null
    quotaReason?: string
    quotaNearLimit?: boolean
    quotaSeenMs?: number | null
    /** Where the way in stands against Atlassian's and ServiceNow's rules (auth-standing.ts code), latest check. */
    authStanding?: string
}

export type AlertKind = 'broken' | 'recovered' | 'refresh_token_expiring' | 'api_token_expiring'

/** Registered event names (sysevent_register, src/fluent/health/events.now.ts); 40 characters at most. */
export const ALERT_EVENTS: Record<AlertKind, string> = {
    broken: 'x_jira_connect.connection.broken',
    recovered: 'x_jira_connect.connection.recovered',
    refresh_token_expiring: 'x_jira_connect.refresh_token.expiring',
    api_token_expiring: 'x_jira_connect.api_token.expiring',
}

export interface HealthAlert {
    kind: AlertKind
    event: string
    subjectName: string
    /** Plain text: what was found and the fix; sanitised, never a secret. Goes into the event and the email. */
    text: string
}

/** Basic credentials: what the instance knows about the API token's stored value, never the value itself. */
export interface ApiTokenInfo {
    /** Changes whenever the stored (encrypted) password changes; not derived from the clear value. */
    marker: string
    /** When the password was last set, when the platform records it (audit), else null. */
    setOnMs: number | null
    /** When the credential record was created (fallback basis, the earliest the token can have been entered). */
    createdOnMs: number | null
}

/** Where the health check finds what to check, beyond the validator's ConfigPort. */
export interface HealthInventoryPort {
    /** sys_ids of the Jira alias (x_jira_connect.Jira) and of its child aliases. */
    jiraAliasSysIds(): string[]
    /** OAuth 2.0 credentials whose profile belongs to one of the app's registries. */
    appOAuthCredentialSysIds(): string[]
    /** The registry's refresh_token_lifespan in seconds, or null when unknown. */
    refreshLifespanSec(credentialSysId: string): number | null
    apiTokenInfo(credentialSysId: string): ApiTokenInfo | null
    /**
     * Lists the run's reads cut at their row limit ("more than 200 sys_connection rows with ..."), so the run says
     * what it may have missed instead of stopping silently; absent = none.
     */
    truncated?(): string[]
}

export interface HealthStorePort {
    read(subjectTable: string, subjectSysId: string): HealthState | null
    write(state: HealthState): void
    /** Every stored health row (to mark subjects that disappeared). */
    all(): HealthState[]
}

export interface AlertPort {
    /** Queues the event for the subject's health row; the notification sends the email. */
    fire(alert: HealthAlert, state: HealthState): void
}
