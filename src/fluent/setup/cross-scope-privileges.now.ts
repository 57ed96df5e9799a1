import { CrossScopePrivilege } from '@servicenow/sdk/core'

/**
 * Writes the setup assistant makes to global tables (src/server/glide/setup-records.ts): the registry's client id and
 * secret, the connection URL and active flag, and the API-token credential and connection it creates.
 */
CrossScopePrivilege({
    $id: Now.ID['csp-write-oauth-entity'],
    operation: 'write',
    status: 'allowed',
    targetName: 'oauth_entity',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-write-http-connection'],
    operation: 'write',
    status: 'allowed',
    targetName: 'http_connection',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-create-http-connection'],
    operation: 'create',
    status: 'allowed',
    targetName: 'http_connection',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-write-basic-auth-credentials'],
    operation: 'write',
    status: 'allowed',
    targetName: 'basic_auth_credentials',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-create-basic-auth-credentials'],
    operation: 'create',
    status: 'allowed',
    targetName: 'basic_auth_credentials',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

/**
 * "Connect another site" (src/server/core/setup/site-connections.ts): a child alias of the Jira alias, its connection
 * attribute definitions, a non-default OAuth profile with its scopes, an OAuth 2.0 credential and the connection
 * (http_connection create is above).
 */
CrossScopePrivilege({
    $id: Now.ID['csp-create-sys-alias'],
    operation: 'create',
    status: 'allowed',
    targetName: 'sys_alias',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-create-connection-attributes'],
    operation: 'create',
    status: 'allowed',
    targetName: 'connection_attributes',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-create-oauth-entity-profile'],
    operation: 'create',
    status: 'allowed',
    targetName: 'oauth_entity_profile',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-create-oauth-entity-profile-scope'],
    operation: 'create',
    status: 'allowed',
    targetName: 'oauth_entity_profile_scope',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-create-oauth-2-0-credentials'],
    operation: 'create',
    status: 'allowed',
    targetName: 'oauth_2_0_credentials',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

/**
 * Rollback (src/server/core/setup/writes.ts): a save the platform refuses half-way deletes the records it had created,
 * record by record, so the instance is left as it was (issue 16 §2).
 */
CrossScopePrivilege({
    $id: Now.ID['csp-delete-http-connection'],
    operation: 'delete',
    status: 'allowed',
    targetName: 'http_connection',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-delete-basic-auth-credentials'],
    operation: 'delete',
    status: 'allowed',
    targetName: 'basic_auth_credentials',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-delete-sys-alias'],
    operation: 'delete',
    status: 'allowed',
    targetName: 'sys_alias',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-delete-connection-attributes'],
    operation: 'delete',
    status: 'allowed',
    targetName: 'connection_attributes',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-delete-oauth-entity-profile'],
    operation: 'delete',
    status: 'allowed',
    targetName: 'oauth_entity_profile',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-delete-oauth-entity-profile-scope'],
    operation: 'delete',
    status: 'allowed',
    targetName: 'oauth_entity_profile_scope',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-delete-oauth-2-0-credentials'],
    operation: 'delete',
    status: 'allowed',
    targetName: 'oauth_2_0_credentials',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
