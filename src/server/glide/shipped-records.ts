/**
 * The sys_ids of records the app ships and the server code looks up (src/fluent/generated/keys.ts holds the same
 * values; tests/records/shipped-ids.test.ts fails when they differ). By sys_id, a lookup finds the shipped record
 * even when an admin made another record with the same name (a copy of the registry, a template's registry).
 */
export const SHIPPED = {
    /** src/fluent/connection/alias.now.ts, key jira-alias */
    jiraAlias: '0b1daa39187e4f15860a64e8e90b9d09',
    /** src/fluent/oauth/registry.now.ts, key jira-cloud-oauth-registry */
    oauthRegistry: 'f5ecd9283c7a4d53b1e9ce6eb699c256',
    /** src/fluent/oauth/service-account-registry.now.ts, key jira-service-account-registry */
    serviceAccountRegistry: 'e4102b28bf854766b09edf77855d7802',
} as const
