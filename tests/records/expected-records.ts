/**
 * What the built app must contain, field by field. Values are written out literally (never imported from src/) so a
 * typo in src/ makes a test fail.
 *
 * DOC = ServiceNow docs "Set up the Jira spoke for Jira Cloud" (Integration Hub > Jira spoke > Set up the Jira spoke for
 * Jira Cloud, https://www.servicenow.com/docs/, section "Create an application registry in ServiceNow instance").
 * Where the doc gives only an example ("For example, Jira cloud OAuth credential"), the shipped name is pinned and the
 * comment says so. Values the doc does not give are marked with their source.
 */
import type { Folder } from '../support/app-records'

/** A record identified by table + `identity` fields; `fields` must equal, `refs` must resolve to another expected record. */
export interface ExpectedRecord {
    /** Key other expectations use in `refs`. */
    key: string
    table: string
    identity: Record<string, string>
    folder: Folder
    fields: Record<string, string>
    /** field -> key of the expected record it must reference. */
    refs?: Record<string, string>
    /** Fields that must not be in the XML at all. */
    absent?: string[]
    /** Fields that may be present only with an empty value (secrets the admin pastes after install). */
    absentOrEmpty?: string[]
}

export interface ExpectedApp {
    records: ExpectedRecord[]
    /** The documented OAuth Entity Scopes (Name, OAuth scope), each an oauth_entity_scope referencing `registry`. */
    scopes: { table: string; registry: string; pairs: readonly { name: string; scope: string }[] }
    /** oauth_entity_profile_scope rows: one per documented scope, all on `profile`. */
    profileScopes: { table: string; profile: string }
    /** Further registries with their own scope records and profile (the service-account registry). */
    moreScopeSets?: { scopes: ExpectedApp['scopes']; profileScopes: ExpectedApp['profileScopes'] }[]
    /** The registry's OAuth API Script name must start with this (ServiceNow docs, OAuthUtil script include). */
    apiScript: { registry: string; field: string; namePrefix: string }
}

/**
 * DOC, "Create an application registry in ServiceNow instance", table "In the OAuth Entity Scopes tab, create these
 * entity scope records" (Name | OAuth scope), in the doc's order. Name equals OAuth scope on every row.
 */
export const DOC_SCOPES: readonly { name: string; scope: string }[] = [
    { name: 'delete:sprint:jira-software', scope: 'delete:sprint:jira-software' },
    { name: 'manage:jira-configuration', scope: 'manage:jira-configuration' },
    { name: 'manage:jira-project', scope: 'manage:jira-project' },
    { name: 'manage:jira-webhook', scope: 'manage:jira-webhook' },
    { name: 'offline_access', scope: 'offline_access' },
    { name: 'read:issue-details:jira', scope: 'read:issue-details:jira' },
    { name: 'read:jira-user', scope: 'read:jira-user' },
    { name: 'read:jira-work', scope: 'read:jira-work' },
    { name: 'read:jql:jira', scope: 'read:jql:jira' },
    { name: 'read:sprint:jira-software', scope: 'read:sprint:jira-software' },
    { name: 'write:jira-work', scope: 'write:jira-work' },
    { name: 'write:sprint:jira-software', scope: 'write:sprint:jira-software' },
    { name: 'read:board-scope:jira-software', scope: 'read:board-scope:jira-software' },
    { name: 'read:project:jira', scope: 'read:project:jira' },
]

/**
 * SA-DOC = ServiceNow "Option 2: Using OAuth authentication (Client Credentials grant type)", "Create an application
 * registry record" (https://www.servicenow.com/docs/r/integrate-applications/integration-hub/jira-setup-cc-app-reg.html),
 * table "In the OAuth Entity Scopes tab, create these entity scope records" (Name | OAuth scope), verbatim.
 */
export const SA_DOC_SCOPES: readonly { name: string; scope: string }[] = [
    {
        name: 'Classic scopes',
        scope: 'manage:jira-configuration manage:jira-project manage:jira-webhook read:jira-work read:jira-user write:jira-work',
    },
    {
        name: 'Granular Scopes',
        scope: 'delete:sprint:jira-software read:issue-details:jira read:jql:jira read:sprint:jira-software write:sprint:jira-software read:board-scope:jira-software read:project:jira',
    },
]

const MODULE_ROLES = 'admin,x_jira_connect.admin'

export const EXPECTED: ExpectedApp = {
    records: [
        // DOC "Create an application registry in ServiceNow instance": Connect to a third party OAuth Provider
        // (type oauth_provider), Default Grant type Authorization Code, Authorization URL, Token URL, Refresh Token URL.
        // Redirect URL: "System generates the URL upon saving" -> not shipped. Client ID / Client Secret come from the
        // admin's Atlassian app -> not shipped. The name is the doc's example ("Jira cloud OAuth app registry") renamed:
        // pinned to the shipped one. Lifespans are not in DOC: Atlassian (developer.atlassian.com/cloud/jira/platform/
        // oauth-2-3lo-apps/, "Use a refresh token") access token 1 h = 3600 s, refresh token expires after 90 days
        // unused = 7776000 s. extend_refresh_token_expiry: KB2132135 (Yokohama+, default false: without it a refresh
        // does not extend the stored refresh token's expiry).
        {
            key: 'registry',
            table: 'oauth_entity',
            identity: { name: 'Jira Cloud OAuth' },
            folder: 'update',
            fields: {
                name: 'Jira Cloud OAuth',
                type: 'oauth_provider',
                default_grant_type: 'authorization_code',
                auth_url: 'https://auth.atlassian.com/authorize',
                token_url: 'https://auth.atlassian.com/oauth/token',
                refresh_token_url: 'https://auth.atlassian.com/oauth/token',
                active: 'true',
                access_token_lifespan: '3600',
                refresh_token_lifespan: '7776000',
                extend_refresh_token_expiry: 'true',
            },
            refs: { oauth_api_script: 'apiScript' },
            absent: ['redirect_url'],
            absentOrEmpty: ['client_id', 'client_secret'],
        },
        // OAuth API Script of the registry (KB0786459; Atlassian requires audience and prompt=consent on /authorize).
        {
            key: 'apiScript',
            table: 'sys_script_include',
            identity: { name: 'OAuthJiraCloudUtil' },
            folder: 'update',
            fields: { name: 'OAuthJiraCloudUtil', active: 'true', access: 'public' },
        },
        // DOC "Click the OAuth Entity Profiles tab and open the default record. For example, Jira OAuth Profile."
        {
            key: 'profile',
            table: 'oauth_entity_profile',
            identity: { name: 'Jira OAuth Profile' },
            folder: 'update',
            fields: { name: 'Jira OAuth Profile', default: 'true', grant_type: 'authorization_code' },
            refs: { oauth_entity: 'registry' },
        },
        // DOC "Open the alias record for Jira that shipped with the spoke" (the spoke's is sn_jira_spoke.Jira; ours is
        // the app's own alias x_jira_connect.Jira). "On the Connections tab ... a blank HTTP(s) Connection form".
        {
            key: 'alias',
            table: 'sys_alias',
            identity: { id: 'x_jira_connect.Jira' },
            folder: 'update',
            fields: { id: 'x_jira_connect.Jira', name: 'Jira', type: 'connection', connection_type: 'http_connection' },
            // Atlassian recommends service accounts for integrations: their template is the alias's default.
            refs: { configuration_template: 'serviceAccountTemplate' },
        },
        // DOC Option 1 "Configure a connection for Jira spoke" (basic authentication), kept as the legacy template.
        // The templates' JSON is checked in connection.test.ts and service-account.test.ts.
        {
            key: 'basicAuthTemplate',
            table: 'sys_alias_templates',
            identity: { name: 'Jira Cloud: email and classic API token (legacy)' },
            folder: 'update',
            fields: { name: 'Jira Cloud: email and classic API token (legacy)' },
            refs: { test_action: 'validateAction' },
        },
        // SNDOCS "Create a test action to test a connection alias from a configuration template": the templates' Test
        // Action (Save and Test in Workflow Studio). SDK custom-action-api.md: Action() ships a draft action.
        {
            key: 'validateAction',
            table: 'sys_hub_action_type_definition',
            identity: { name: 'Validate Jira connection' },
            folder: 'update',
            fields: { name: 'Validate Jira connection', access: 'public', active: 'true', state: 'draft' },
        },
        ...(
            [
                ['serviceAccountTemplate', 'Jira Cloud: service account (OAuth 2.0 client credentials)'],
                ['scopedTokenTemplate', 'Jira Cloud: scoped API token (api.atlassian.com)'],
                ['oauth3loTemplate', 'Jira Cloud: OAuth 2.0 (3LO) app'],
            ] as const
        ).map(([key, name]): ExpectedRecord => ({
            key,
            table: 'sys_alias_templates',
            identity: { name },
            folder: 'update',
            fields: { name },
            refs: { test_action: 'validateAction' },
        })),
        // SA-DOC "Create an application registry record" (Option 2, Client Credentials): Connect to a third party OAuth
        // Provider, Default Grant type Client Credentials, Token URL and Token Revocation URL
        // https://auth.atlassian.com/oauth/token, Active. No Authorization / Refresh Token / Redirect URL in the procedure.
        // Client ID and Secret come from the Atlassian service account. Name: the doc's example is "Jira Client
        // Credentials OAuth"; pinned to the shipped one. Access token 60 minutes: Atlassian "Create OAuth 2.0 credential
        // for service accounts" ("valid for 60 minutes").
        {
            key: 'saRegistry',
            table: 'oauth_entity',
            identity: { name: 'Jira Cloud Service Account' },
            folder: 'update',
            fields: {
                name: 'Jira Cloud Service Account',
                type: 'oauth_provider',
                default_grant_type: 'client_credentials',
                token_url: 'https://auth.atlassian.com/oauth/token',
                revoke_token_url: 'https://auth.atlassian.com/oauth/token',
                active: 'true',
                access_token_lifespan: '3600',
            },
            absent: ['auth_url', 'refresh_token_url', 'redirect_url', 'oauth_api_script'],
            absentOrEmpty: ['client_id', 'client_secret'],
        },
        // SA-DOC "open the default profile record. Verify ... Grant type is set to Client Credentials".
        {
            key: 'saProfile',
            table: 'oauth_entity_profile',
            identity: { name: 'Jira Service Account Profile' },
            folder: 'update',
            fields: { name: 'Jira Service Account Profile', default: 'true', grant_type: 'client_credentials' },
            refs: { oauth_entity: 'saRegistry' },
        },
        // SA-DOC "Create credential record for the Jira spoke" (OAuth 2.0 Credentials, OAuth Entity Profile = the
        // registry's profile) and "Create a connection record" (Connection URL https://api.atlassian.com/ex/jira/<Cloud-ID>).
        // First install only, like the 3LO pair; the connection inactive (one active connection per alias).
        {
            key: 'saCredential',
            table: 'oauth_2_0_credentials',
            identity: { name: 'Jira Cloud Service Account Credential' },
            folder: 'unload',
            fields: { name: 'Jira Cloud Service Account Credential', active: 'true' },
            refs: { oauth_entity_profile: 'saProfile' },
        },
        {
            key: 'saConnection',
            table: 'http_connection',
            identity: { name: 'Jira Cloud Service Account Connection' },
            folder: 'unload',
            fields: {
                name: 'Jira Cloud Service Account Connection',
                connection_url: 'https://api.atlassian.com/ex/jira/<cloud-id>',
                active: 'false',
                use_mid: 'false',
            },
            refs: { connection_alias: 'alias', credential: 'saCredential' },
        },
        // DOC "In the Attributes related list, provide these values. Enter the value 2 for api_version. Enter the value
        // cloud for server_type." Shipped as connection_attributes defaults on the alias.
        {
            key: 'attrApiVersion',
            table: 'connection_attributes',
            identity: { element: 'api_version' },
            folder: 'update',
            fields: { element: 'api_version', default_value: '2' },
            refs: { model: 'alias' },
        },
        {
            key: 'attrServerType',
            table: 'connection_attributes',
            identity: { element: 'server_type' },
            folder: 'update',
            fields: { element: 'server_type', default_value: 'cloud' },
            refs: { model: 'alias' },
        },
        // DOC "Create credential record for the Jira spoke": OAuth 2.0 Credentials, Name (example "Jira cloud OAuth
        // credential": shipped name pinned), OAuth Entity Profile = the default profile. First install only (unload/).
        {
            key: 'credential',
            table: 'oauth_2_0_credentials',
            identity: { name: 'Jira Cloud OAuth Credential' },
            folder: 'unload',
            fields: { name: 'Jira Cloud OAuth Credential', active: 'true' },
            refs: { oauth_entity_profile: 'profile' },
        },
        // DOC "Create a connection record for the Jira spoke": HTTP(s) Connection on the Jira alias, Name (example
        // "Jira cloud OAuth Connection"), Credential = the credential above, Connection URL
        // https://api.atlassian.com/ex/jira/<Cloud-ID> (shipped with a placeholder). First install only (unload/).
        {
            key: 'connection',
            table: 'http_connection',
            identity: { name: 'Jira Cloud OAuth Connection' },
            folder: 'unload',
            fields: {
                name: 'Jira Cloud OAuth Connection',
                connection_url: 'https://api.atlassian.com/ex/jira/<cloud-id>',
                active: 'true',
                use_mid: 'false',
            },
            refs: { connection_alias: 'alias', credential: 'credential' },
        },
        // App records (not in DOC): role, menu, modules, properties.
        {
            key: 'role',
            table: 'sys_user_role',
            identity: { name: 'x_jira_connect.admin' },
            folder: 'update',
            fields: { name: 'x_jira_connect.admin' },
        },
        {
            key: 'menu',
            table: 'sys_app_application',
            identity: { title: 'Jira Cloud Connect' },
            folder: 'update',
            fields: { title: 'Jira Cloud Connect', active: 'true', roles: MODULE_ROLES },
        },
        ...(
            [
                [
                    'moduleRegistry',
                    'OAuth Application Registry',
                    'oauth_entity',
                    'FILTER',
                    'name=Jira Cloud OAuth^ORname=Jira Cloud Service Account',
                    MODULE_ROLES,
                ],
                [
                    'moduleAlias',
                    'Connection & Credential Alias',
                    'sys_alias',
                    'FILTER',
                    'id=x_jira_connect.Jira^ORparent.id=x_jira_connect.Jira',
                    MODULE_ROLES,
                ],
                [
                    'moduleConnections',
                    'Connections',
                    'http_connection',
                    'FILTER',
                    'connection_alias.id=x_jira_connect.Jira^ORconnection_alias.parent.id=x_jira_connect.Jira',
                    MODULE_ROLES,
                ],
                [
                    'moduleOAuthCredentials',
                    'OAuth 2.0 Credentials',
                    'oauth_2_0_credentials',
                    'FILTER',
                    'oauth_entity_profile.oauth_entity.name=Jira Cloud OAuth^ORoauth_entity_profile.oauth_entity.name=Jira Cloud Service Account',
                    MODULE_ROLES,
                ],
                [
                    'moduleBasicCredentials',
                    'Basic Auth Credentials',
                    'basic_auth_credentials',
                    'LIST',
                    undefined,
                    MODULE_ROLES,
                ],
                [
                    'moduleProperties',
                    'Properties',
                    'sys_properties',
                    'FILTER',
                    'nameSTARTSWITHx_jira_connect.',
                    'admin',
                ],
            ] as const
        ).map(([key, title, name, linkType, filter, roles]): ExpectedRecord => ({
            key,
            table: 'sys_app_module',
            identity: { title },
            folder: 'update',
            fields: { title, name, link_type: linkType, active: 'true', roles, ...(filter ? { filter } : {}) },
            refs: { application: 'menu' },
        })),
        ...(
            [
                ['propHttpTimeout', 'x_jira_connect.http_timeout_ms', 'integer', '10000'],
                ['propValidationBudget', 'x_jira_connect.validation_budget_ms', 'integer', '45000'],
                ['propMaxRetryWait', 'x_jira_connect.max_retry_wait_seconds', 'integer', '2'],
                ['propApiGateway', 'x_jira_connect.api_gateway_url', 'string', 'https://api.atlassian.com'],
                ['propCapabilityProjects', 'x_jira_connect.capability.projects', 'string', ''],
                ['propWebhookRefreshDays', 'x_jira_connect.health.webhook_refresh_days', 'integer', '7'],
                ['propWebhookRefresh', 'x_jira_connect.health.webhook_refresh', 'boolean', 'true'],
            ] as const
        ).map(([key, name, type, value]): ExpectedRecord => ({
            key,
            table: 'sys_properties',
            identity: { name },
            folder: 'update',
            // Read by admin and the app role (the setup page shows the Jira projects to both), written by admin only.
            fields: { name, type, value, read_roles: 'admin,x_jira_connect.admin', write_roles: 'admin' },
        })),
    ],
    scopes: { table: 'oauth_entity_scope', registry: 'registry', pairs: DOC_SCOPES },
    // DOC "In OAuth Entity Profile Scopes, ensure that the same entity scopes are provided."
    profileScopes: { table: 'oauth_entity_profile_scope', profile: 'profile' },
    // SA-DOC: two OAuth Entity Scopes, and both "listed under the OAuth Entity Profile Scopes related list".
    moreScopeSets: [
        {
            scopes: { table: 'oauth_entity_scope', registry: 'saRegistry', pairs: SA_DOC_SCOPES },
            profileScopes: { table: 'oauth_entity_profile_scope', profile: 'saProfile' },
        },
    ],
    apiScript: { registry: 'registry', field: 'oauth_api_script', namePrefix: 'OAuth' },
}

/** DOC Option 1 basic-auth connection form: Connection Name, Connection URL https://<provider-domain-name>.atlassian.net, User name (email), API Key (token). */
export const EXPECTED_BASIC_AUTH_TEMPLATE = {
    connectionName: 'connection.name',
    connectionUrl: { name: 'connection.connection_url', defaultValue: 'https://<site>.atlassian.net' },
    userName: { name: 'credential.user_name', type: 'text' },
    apiToken: { name: 'credential.password', type: 'password' },
    defaultData: { credentialTable: 'basic_auth_credentials', connectionTable: 'http_connection' },
} as const

/** Where the doc's authorization request parameters come from: Atlassian 3LO (docs/atlassian-contract.md §1.2), KB0786459. */
export const EXPECTED_AUTH_PARAMS: readonly [string, string][] = [
    ['audience', 'api.atlassian.com'],
    ['prompt', 'consent'],
]
