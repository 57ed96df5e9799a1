/**
 * What the setup operations need from the instance, beyond the validator's ports (HttpPort, TokenPort, ClockPort).
 * src/server/glide/setup-records.ts implements it with GlideRecord; tests run it over the Glide simulator. No method
 * returns a secret: client secret and API token are written, never read; presence and dates only.
 */
import type { AuthStanding } from '../auth-standing'
import type { HealthState } from '../health/model'
import type { ValidationReport } from '../report'

export interface RegistryState {
    sysId: string
    name: string
    hasClientId: boolean
    hasClientSecret: boolean
    /** sys_updated_on of the registry (GMT, yyyy-MM-dd HH:mm:ss): when the client id/secret were last saved. */
    updatedOn: string
}

export interface ConnectionRow {
    sysId: string
    name: string
    url: string
    active: boolean
    aliasSysId: string
    aliasId: string
    credentialSysId: string
    credentialKind: 'oauth2' | 'basic' | 'other' | 'none'
}

/** The records the app ships for the 3LO path, as installed. */
export interface JiraRecords {
    aliasSysId: string
    registry: RegistryState
    profileSysId: string
    /** The shipped "Jira Cloud OAuth Credential" and its connection (first-install records: may have been deleted). */
    credentialSysId: string | null
    oauthConnection: ConnectionRow | null
}

/**
 * The service-account records the app ships (registry "Jira Cloud Service Account", its default profile, and the
 * first-install credential and connection on the Jira alias). Any of them may have been deleted: null then.
 */
export interface ServiceAccountRecords {
    registry: RegistryState | null
    profileSysId: string | null
    credentialSysId: string | null
    connection: ConnectionRow | null
}

export interface BasicCredentialState {
    sysId: string
    name: string
    email: string
    hasToken: boolean
    updatedOn: string
}

export interface RunRow {
    sysId: string
    targetTable: string
    targetSysId: string
    targetName: string
    verdict: string
    summary: string
    createdOn: string
}

/** A subject the connection health check covers (an active connection, or an OAuth credential none uses). */
export interface HealthSubjectRow {
    table: string
    sysId: string
    name: string
    aliasName: string
    credentialKind: 'oauth2' | 'basic' | 'other' | ''
}

export interface HealthCheckOutcome {
    ok: boolean
    /** A refused run (nothing changed): the user may not read the OAuth tokens, or another run holds the lock. */
    refusedCode?: 'token_access_denied' | 'run_in_progress' | null
    runSysId: string | null
    /** What was checked, broken, not checked (plain text, sanitised). */
    message: string
}

/** What "Connect another site" creates (src/server/core/setup/site-connections.ts). */
export interface NewSiteConnection {
    /** sys_alias.name (letters, digits, underscore); the id is <scope of the Jira alias>.<name>. */
    aliasName: string
    description: string
    profileName: string
    credentialName: string
    connectionName: string
    url: string
}

/** One record write: the platform may refuse it (an ACL, a business rule's abort) without throwing. */
export type WriteResult = { ok: true; sysId: string } | { ok: false; reason: string }

/** One audited field change (x_jira_connect_setup_change); secrets are "replaced", never their value. */
export interface ChangeRow {
    operation: string
    batch: string
    table: string
    sysId: string
    recordName: string
    field: string
    oldValue: string
    newValue: string
}

/** The save lock: held by one setup write at a time, expiring on its own if a save dies half-way. */
export type LockResult = { ok: true; lockId: string } | { ok: false; heldBy: string; since: string; expires: string }

/** A "Make this the live connection" (or switch back) as recorded in the audit trail. */
export interface RecordedSwitch {
    batch: string
    /** sys_created_on of the change rows (GMT). */
    at: string
    by: string
    activated: string
    deactivated: string[]
}

export interface SetupPort {
    /** Whether the session user holds admin, which every write of the setup API needs (issue 16). */
    isAdmin(): boolean
    userName(): string
    /** Current values of non-secret fields of a record ('' when empty), or null when it is not there. */
    readFields(table: string, sysId: string, fields: string[]): Record<string, string> | null
    /** Update through GlideRecordSecure: the instance's ACLs apply; the result says whether the platform wrote it. */
    updateRecord(table: string, sysId: string, values: Record<string, string | boolean>): WriteResult
    insertRecord(table: string, values: Record<string, string | boolean>): WriteResult
    deleteRecord(table: string, sysId: string): WriteResult
    /** Non-secret fields (and sys_id) of the rows matching every field = value, at most 200. */
    rowsWhere(
        table: string,
        conditions: Array<[string, string]>,
        fields: string[]
    ): Array<Record<string, string> & { sys_id: string }>
    /** Appends audit rows; false when the platform refused them. */
    recordChanges(rows: ChangeRow[]): boolean
    acquireLock(operation: string, ttlSeconds: number): LockResult
    releaseLock(lockId: string): void
    /** Switches recorded since that GMT date-time, latest first. */
    recordedSwitches(sinceSeconds: number): RecordedSwitch[]
    /** <glide.servlet.uri> with a trailing slash. */
    instanceUrl(): string
    property(name: string, fallback: string): string
    jiraRecords(): JiraRecords | null
    /** Connections on the Jira alias and its child aliases. */
    connections(aliasSysId: string): ConnectionRow[]
    basicCredential(sysId: string): BasicCredentialState | null
    serviceAccountRecords(aliasSysId: string): ServiceAccountRecords
    /** Most recent first. */
    runs(limit: number): RunRow[]
    validate(table: string, sysId: string): { report: ValidationReport; runSysId: string | null }
    /** The OAuth entity profile of an OAuth 2.0 credential, or null. */
    credentialProfile(credentialSysId: string): string | null
    /**
     * Whether an alias with that name (or id <scope>.<name>) exists, other than a connection-less child of the parent
     * left by an interrupted "Connect another site" (createSiteConnection reuses it).
     */
    aliasNameTaken(name: string, parentAliasSysId: string): boolean
    /** Every row of x_jira_connect_connection_health, with its sys_id. */
    healthStates(): Array<HealthState & { sysId: string }>
    /** The subjects the health check covers now. */
    healthSubjects(): HealthSubjectRow[]
    /** The health check ("Validate all"), on every subject or only on the subject with that sys_id. */
    runHealthCheck(onlySysId: string | null): HealthCheckOutcome
    /** Where a connection's way in stands (auth-standing.ts), from its records alone; null when unknown. */
    standingOf?(connectionSysId: string): AuthStanding | null
}
