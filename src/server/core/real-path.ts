/**
 * The path the spoke really takes: what the validator reads about the instance beyond the connection chain itself.
 * The MID Server settings of a connection and the MID Servers they select, the installed Jira spoke's version, and the
 * configuration templates on the aliases. A separate port so the checks stay plain TypeScript over snapshots, like
 * ports.ts; src/server/glide/real-path-reader.ts implements it over GlideRecord.
 */
import type { ScriptSource } from './deprecated-calls'

/** What an HTTP(s) connection says about MID routing (http_connection: Use MID Server and the fields it shows). */
export interface MidSettings {
    useMid: boolean
    /** auto_select | specific_mid_server | specific_mid_cluster (empty: auto-select). */
    selection: string
    /** Name of the specific MID Server, or '' (display value of mid_server). */
    midServer: string
    /** Name of the specific MID cluster, or ''. */
    midCluster: string
    /** Capability names required of the MID (e.g. REST), from the connection's Capabilities. */
    capabilities: string[]
}

/** One MID Server (ecc_agent) as the selection sees it. */
export interface MidServer {
    name: string
    /** Up, Down, Upgrading, ... */
    status: string
    validated: boolean
    /** Capability names (ecc_agent_capability_m2m), e.g. REST, ALL. */
    capabilities: string[]
    /** Names of the clusters it belongs to. */
    clusters: string[]
}

/** An installed application: its name, version and where the version was read. */
export interface InstalledApp {
    name: string
    version: string
    /** sys_store_app (a Store app) or sys_scope (the scope record, when no store record exists). */
    source: 'sys_store_app' | 'sys_scope'
}

/** The configuration template an alias names (sys_alias.configuration_template). */
export interface AliasTemplateInfo {
    aliasId: string
    aliasName: string
    /** null: the alias has no configuration template. */
    template: { name: string; scope: string; testAction: string } | null
}

/** Scripts and REST definitions that may call Jira, read for the deprecation scan (checks/real-path.ts). */
export interface ScriptScan {
    sources: ScriptSource[]
    /** The adapter stopped at its row limit: more records exist than were read. */
    truncated: boolean
    limit: number
    /** The adapter stopped reading because the run's time budget ran out (timeUp answered true). */
    outOfTime?: boolean
}

export interface RealPathPort {
    /** MID settings of a connection, or null when the connection has none to read. */
    midSettings(connectionSysId: string): MidSettings | null
    /** Every MID Server on the instance (bounded by the adapter). */
    midServers(): MidServer[]
    /** Whether the OAuth 2.0 credential has "Connect to Auth Server via MID Server" (its use_mid). */
    tokenViaMid(credentialSysId: string): boolean
    /** The installed application of a scope (sn_jira_spoke), or null when it is not installed. */
    installedApp(scope: string): InstalledApp | null
    /** The configuration template of the alias with this sys_alias.id, or null when no such alias exists. */
    aliasTemplate(aliasId: string): AliasTemplateInfo | null
    /**
     * Texts of REST messages and their functions, Flow Designer step inputs, script includes and business rules that
     * mention Jira or Atlassian (outside this app's scope), at most `limit` records in all; stops reading early
     * (outOfTime) once `timeUp()` answers true.
     */
    jiraScripts(limit: number, timeUp?: () => boolean): ScriptScan
}
