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
