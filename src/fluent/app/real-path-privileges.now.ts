import { CrossScopePrivilege } from '@servicenow/sdk/core'

/**
 * Reads of the path the spoke really takes (src/server/glide/real-path-reader.ts): MID Servers with their capabilities
 * and clusters, the installed Jira spoke, the aliases' configuration templates with their Test Action, and the
 * business rules and REST messages the deprecation scan reads (script includes and step inputs are read already).
 */
CrossScopePrivilege({
    $id: Now.ID['csp-read-ecc-agent'],
    operation: 'read',
    status: 'allowed',
    targetName: 'ecc_agent',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-ecc-agent-capability'],
    operation: 'read',
    status: 'allowed',
    targetName: 'ecc_agent_capability',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-ecc-agent-capability-m2m'],
    operation: 'read',
    status: 'allowed',
    targetName: 'ecc_agent_capability_m2m',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-ecc-agent-cluster'],
    operation: 'read',
    status: 'allowed',
    targetName: 'ecc_agent_cluster',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-ecc-agent-cluster-member-m2m'],
    operation: 'read',
    status: 'allowed',
    targetName: 'ecc_agent_cluster_member_m2m',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-store-app'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_store_app',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-alias-templates'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_alias_templates',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-hub-action-type-definition'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_hub_action_type_definition',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-script'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_script',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-rest-message'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_rest_message',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp-read-sys-rest-message-fn'],
    operation: 'read',
    status: 'allowed',
    targetName: 'sys_rest_message_fn',
    targetScope: 'global',
    targetType: 'sys_db_object',
})

// The spoke's path through a MID Server (src/server/glide/rest-http.ts): "All REST messages sent through a MID Server
// are asynchronous" (ServiceNow docs "RESTMessageV2 MID server example"): setMIDServer, executeAsync, waitForResponse.
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-set-mid-server'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTMessageClient.setMIDServer',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-execute-async'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTMessageClient.executeAsync',
    targetScope: 'global',
    targetType: 'scriptable',
})
CrossScopePrivilege({
    $id: Now.ID['csp-exec-rest-wait-for-response'],
    operation: 'execute',
    status: 'allowed',
    targetName: 'ScriptableRESTResponse.waitForResponse',
    targetScope: 'global',
    targetType: 'scriptable',
})
