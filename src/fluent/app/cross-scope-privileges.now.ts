import { CrossScopePrivilege } from '@servicenow/sdk/core'

/**
 * Runtime access the validator needs to global tables and platform APIs (README "Cross-scope privileges" says why).
 * Shipped as allowed so a published app runs without an admin approving requests, even with Runtime Access Tracking
 * set to Enforcing. Scriptable names are the Java class names real instances record: ScriptableRESTMessageClient,
 * ScriptableRESTResponse, GlideOAuthClient(Response), GlideOAuthToken (privileges harvested from an instance in the
 * public Fluent app github suraj0001/entrust-idv-servicenow), ScriptableStandardCredentialsProvider /
 * ScriptableStandardCredential (a public Dynatrace Fluent app). GlideOAuthClientRequest is inferred by analogy
 * (assumption A10: confirm with one Runtime Access Tracking run on a dev instance). tests/e2e/privileges.test.ts runs
 * every validation path with tracking enforcing.
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

CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-scope'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_scope',
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

// Platform APIs: tokens (src/server/glide/oauth-tokens.ts), HTTP and basic credentials (rest-http.ts).
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
    $id: Now.ID['csp-exec-oauth-req-grant-type'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthClientRequest.setGrantType',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-req-refresh-token'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthClientRequest.setRefreshToken',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-req-parameter'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthClientRequest.setParameter',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-resp-code'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthClientResponse.getResponseCode',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-resp-error'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthClientResponse.getErrorMessage',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-resp-body'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthClientResponse.getBody',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-resp-token'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthClientResponse.getToken',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-token-access'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthToken.getAccessToken',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-token-expires'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthToken.getExpiresIn',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-token-refresh'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthToken.getRefreshToken',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-oauth-token-refresh-expires'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'GlideOAuthToken.getRefreshTokenExpiresIn',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-endpoint'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTMessageClient.setEndpoint',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-method'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTMessageClient.setHttpMethod',
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
    $id: Now.ID['csp-exec-rest-header'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTMessageClient.setRequestHeader',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-body'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTMessageClient.setRequestBody',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-basic-auth'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTMessageClient.setBasicAuth',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-allowed-redirects'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTMessageClient.setAllowedRedirectURIs',
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
    $id: Now.ID['csp-exec-rest-resp-status'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTResponse.getStatusCode',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-resp-body'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTResponse.getBody',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-resp-headers'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTResponse.getHeaders',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-resp-error'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTResponse.getErrorMessage',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-credential-by-id'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableStandardCredentialsProvider.getCredentialByID',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-credential-attribute'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableStandardCredential.getAttribute',
    targetScope: 'global',
    targetType: 'scriptable',
})

// Health alerts: the group named by x_jira_connect.health.alert_group, else the users holding x_jira_connect.admin,
// else the users holding admin, receive them (src/server/glide/health-alerts.ts).
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
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-user-group'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_user_group',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-user-grmember'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_user_grmember',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
