/**
 * What the setup operations need from the instance, beyond the validator's ports (HttpPort, TokenPort, ClockPort).
 * src/server/glide/setup-records.ts implements it with GlideRecord; tests run it over the Glide simulator. No method
 * returns a secret: client secret and API token are written, never read; presence and dates only.
 */
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

export interface ApiTokenInput {
    site: string
    siteUrl: string
    email: string
    apiToken: string
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

export interface CreatedSiteConnection {
    aliasSysId: string
    connectionSysId: string
    credentialSysId: string
    profileSysId: string
}

export interface SetupPort {
    /** <glide.servlet.uri> with a trailing slash. */
    instanceUrl(): string
    property(name: string, fallback: string): string
    jiraRecords(): JiraRecords | null
    /** Connections on the Jira alias and its child aliases. */
    connections(aliasSysId: string): ConnectionRow[]
    basicCredential(sysId: string): BasicCredentialState | null
    setRegistryClient(registrySysId: string, clientId: string, clientSecret: string): void
    serviceAccountRecords(aliasSysId: string): ServiceAccountRecords
    /** Client id and secret of a client-credentials registry (no redirect URL: that grant has none). */
    setClientCredentials(registrySysId: string, clientId: string, clientSecret: string): void
    setConnectionUrl(connectionSysId: string, url: string): void
    setConnectionActive(connectionSysId: string, active: boolean): void
    /** Creates or updates the basic credential and connection for a site; returns the connection's sys_id. */
    saveApiToken(aliasSysId: string, existingConnectionSysId: string | null, input: ApiTokenInput): string
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
    /**
     * Creates a child alias of the Jira alias (shared fields set explicitly), its connection attributes, a new
     * non-default profile with the template profile's scopes, an OAuth 2.0 credential on it, and the connection.
     */
    createSiteConnection(
        parentAliasSysId: string,
        templateProfileSysId: string,
        input: NewSiteConnection
    ): CreatedSiteConnection
    /** Every row of x_jira_connect_connection_health, with its sys_id. */
    healthStates(): Array<HealthState & { sysId: string }>
    /** The subjects the health check covers now. */
    healthSubjects(): HealthSubjectRow[]
    /** The health check ("Validate all"), on every subject or only on the subject with that sys_id. */
    runHealthCheck(onlySysId: string | null): HealthCheckOutcome
}
