/**
 * What this instance has for Jira to call: the Jira spoke's webhook registry records (ServiceNow docs
 * setup-jira302-webhooks: Name, Description, Token, Path, "Token-based" or "HMAC-based Callback URL"), the
 * token_verification record a registry uses (Name, Description, Token), and the Jira External Trigger endpoints with
 * their run-as user (docs jira-ext-trigger: "Select the user who can trigger the endpoint and click Activate").
 * A port so the checks (checks/inbound-instance.ts) stay plain TypeScript; src/server/glide/spoke-inbound-reader.ts
 * reads it over GlideRecord. Reads only, and never a token or HMAC secret value: only whether one is set.
 * An HMAC-based callback checks Jira's X-Hub-Signature (HMAC-SHA256 of the body, Atlassian "Managing webhooks") with a
 * secret: the Token field's token_verification record (the Jira page), or a hash_message_verification record where the
 * registry table references one (A53).
 * Whether the spoke is installed comes from RealPathPort.installedApp (read once per run).
 */

/** A token_verification record as the checks see it: its name and state, never its Token. */
export interface VerificationRecord {
    name: string
    /** null: the table has no active field on this instance (assumption, docs/assumptions.md "spoke inbound"). */
    active: boolean | null
    /** epoch ms, or null: no expiry field, or empty. */
    expiresAtMs: number | null
}

/** The hash_message_verification record an HMAC-based registry record names: name and state, never its Secret. */
export interface HashSecretRef {
    /** The registry column that names it (its sys_dictionary row references hash_message_verification). */
    field: string
    /** That column is filled. */
    set: boolean
    /** The record; null when none is named or the one named is gone. active null: the table has no active field. */
    record: { name: string; active: boolean | null } | null
}

/** One Jira Webhook Registry record. */
export interface RegistryRecord {
    name: string
    /** The Path field (default api/sn_jira_spoke/jira_webhook_callbacks/wh_entry). */
    path: string
    active: boolean
    /** The callback URL type chosen on the form; 'unknown' when the instance does not say (before spoke 5.4.0). */
    auth: 'token' | 'hmac' | 'unknown'
    /** The Token field is filled. */
    tokenSet: boolean
    /** The token_verification record the Token field names; null when empty or not found. */
    token: VerificationRecord | null
    /**
     * HMAC-based records where the registry table references hash_message_verification (not documented, A53): the
     * secret record. Absent or null otherwise: the Token field's record is the secret (docs setup-jira302-webhooks).
     */
    hashSecret?: HashSecretRef | null
}

/** The run-as user of an external trigger endpoint. */
export interface RunAsUser {
    userName: string
    active: boolean
    /** Role names the user has (sys_user_has_role). */
    roles: string[]
}

/** One Jira External Trigger endpoint. */
export interface TriggerRecord {
    name: string
    /** Path on this instance (api/sn_jira_spoke/...). */
    path: string
    active: boolean
    /** true: a run-as user is set; runAs is null when it is set but the user record is gone. */
    runAsSet: boolean
    runAs: RunAsUser | null
    /** Roles the endpoint requires of the user who calls it (empty: none listed). */
    requiredRoles: string[]
}

export interface SpokeInboundSnapshot {
    /** The registry table this instance has ('' when none was found: the table name is not documented). */
    registryTable: string
    registries: RegistryRecord[]
    /** The external trigger endpoint table ('' when this instance has none). */
    triggerTable: string
    triggers: TriggerRecord[]
}

export interface SpokeInboundPort {
    /** Everything above, bounded by the adapter; call only when the spoke is installed. */
    read(): SpokeInboundSnapshot
}
