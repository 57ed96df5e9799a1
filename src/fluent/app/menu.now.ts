import { ApplicationMenu, Record } from '@servicenow/sdk/core'
import { ACCESS } from './access'
import { jiraConnectAdmin } from './roles.now'

export const jiraConnectMenu = ApplicationMenu({
    $id: Now.ID['jira-connect-menu'],
    title: 'Jira Cloud Connect',
    hint: 'Connect ServiceNow to Jira Cloud and validate the connection',
    description: 'OAuth registry, connection alias, connections, credentials and validation runs for Jira Cloud.',
    roles: ['admin', jiraConnectAdmin],
    active: true,
    order: 100,
})

Record({
    $id: Now.ID['module-oauth-registry'],
    table: 'sys_app_module',
    data: {
        title: 'OAuth Application Registry',
        application: jiraConnectMenu,
        link_type: 'FILTER',
        name: 'oauth_entity',
        filter: 'name=Jira Cloud OAuth^ORname=Jira Cloud Service Account',
        hint: 'The Jira Cloud OAuth (3LO) and Jira Cloud Service Account registries: paste the Client ID and \
Client Secret here',
        roles: ACCESS.roles,
        active: true,
        order: 100,
    },
})

Record({
    $id: Now.ID['module-alias'],
    table: 'sys_app_module',
    data: {
        title: 'Connection & Credential Alias',
        application: jiraConnectMenu,
        link_type: 'FILTER',
        name: 'sys_alias',
        filter: 'id=x_jira_connect.Jira^ORparent.id=x_jira_connect.Jira',
        hint: 'The Jira alias and its child aliases',
        roles: ACCESS.roles,
        active: true,
        order: 200,
    },
})

Record({
    $id: Now.ID['module-connections'],
    table: 'sys_app_module',
    data: {
        title: 'Connections',
        application: jiraConnectMenu,
        link_type: 'FILTER',
        name: 'http_connection',
        filter: 'connection_alias.id=x_jira_connect.Jira^ORconnection_alias.parent.id=x_jira_connect.Jira',
        hint: 'HTTP(s) connections on the Jira alias',
        roles: ACCESS.roles,
        active: true,
        order: 300,
    },
})

Record({
    $id: Now.ID['module-oauth-credentials'],
    table: 'sys_app_module',
    data: {
        title: 'OAuth 2.0 Credentials',
        application: jiraConnectMenu,
        link_type: 'FILTER',
        name: 'oauth_2_0_credentials',
        filter: 'oauth_entity_profile.oauth_entity.name=Jira Cloud OAuth^ORoauth_entity_profile.oauth_entity.name=Jira \
Cloud Service Account',
        hint: 'OAuth 2.0 credentials of the Jira Cloud OAuth and Jira Cloud Service Account registries: Get OAuth \
Token is here',
        roles: ACCESS.roles,
        active: true,
        order: 400,
    },
})

Record({
    $id: Now.ID['module-basic-credentials'],
    table: 'sys_app_module',
    data: {
        title: 'Basic Auth Credentials',
        application: jiraConnectMenu,
        link_type: 'LIST',
        name: 'basic_auth_credentials',
        hint: 'Email and API token credentials created with Create New Connection & Credential',
        roles: ACCESS.roles,
        active: true,
        order: 500,
    },
})

Record({
    $id: Now.ID['module-properties'],
    table: 'sys_app_module',
    data: {
        title: 'Properties',
        application: jiraConnectMenu,
        link_type: 'FILTER',
        name: 'sys_properties',
        filter: 'nameSTARTSWITHx_jira_connect.',
        hint: 'Timeouts and the API gateway URL used by the validator',
        roles: ['admin'],
        active: true,
        order: 700,
    },
})

Record({
    $id: Now.ID['module-validation-runs'],
    table: 'sys_app_module',
    data: {
        title: 'Validation Runs',
        application: jiraConnectMenu,
        link_type: 'LIST',
        name: 'x_jira_connect_validation_run',
        filter: 'ORDERBYDESCsys_created_on',
        hint: 'Every "Validate Jira connection" run: verdict, each check, duration, who and when',
        roles: ACCESS.roles,
        active: true,
        order: 600,
    },
})
