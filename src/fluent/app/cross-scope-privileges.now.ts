import { CrossScopePrivilege } from '@servicenow/sdk/core'

/**
 * Runtime access the validator needs to global tables and platform APIs (README "Cross-scope privileges" explains
 * each). Shipped as allowed so a published app runs without an admin approving requests. The list follows what the
 * server modules call; confirm it on a dev instance with Runtime Access Tracking (assumption A10).
 */

// Reads: the configuration the validator inspects (src/server/glide/config-reader.ts).
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-alias'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_alias',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-connection'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_connection',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-http-connection'],
    operation: 'read',
    status: 'allowed',
    targetName: 'http_connection',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-connection-attributes'],
    operation: 'read',
    status: 'allowed',
    targetName: 'connection_attributes',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-variable-value'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_variable_value',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-discovery-credentials'],
    operation: 'read',
    status: 'allowed',
    targetName: 'discovery_credentials',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-oauth-2-0-credentials'],
    operation: 'read',
    status: 'allowed',
    targetName: 'oauth_2_0_credentials',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-basic-auth-credentials'],
    operation: 'read',
    status: 'allowed',
    targetName: 'basic_auth_credentials',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-oauth-entity'],
    operation: 'read',
    status: 'allowed',
    targetName: 'oauth_entity',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-oauth-entity-profile'],
    operation: 'read',
    status: 'allowed',
    targetName: 'oauth_entity_profile',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-oauth-entity-profile-scope'],
    operation: 'read',
    status: 'allowed',
    targetName: 'oauth_entity_profile_scope',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-oauth-entity-scope'],
    operation: 'read',
    status: 'allowed',
    targetName: 'oauth_entity_scope',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-script-include'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_script_include',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

// The registry's OAuth API script extends the platform's OAuthUtil.
CrossScopePrivilege({
    $id: Now.ID['csp-execute-oauthutil'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'OAuthUtil',
    targetScope: 'global',
    targetType: 'sys_script_include',
})

// Platform APIs: tokens (src/server/glide/oauth-tokens.ts), HTTP (rest-http.ts), basic credentials (rest-http.ts).
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-get-token'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthClient.getToken',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-request-token'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthClient.requestTokenByRequest',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-execute'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTMessageClient.execute',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-timeout'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTMessageClient.setHttpTimeout',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-credential-by-id'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'StandardCredentialsProvider.getCredentialByID',
    targetScope: 'global',
    targetType: 'scriptable',
})

// Health alerts: the users holding x_jira_connect.admin receive them (src/server/glide/health-alerts.ts).
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-user-has-role'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_user_has_role',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-user'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_user',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
