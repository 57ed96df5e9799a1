/**
 * Column lists for the platform tables the app ships records into or reads, which the pinned SDK does not describe
 * (sdk-tables.json covers the ones it does). Each table names its source ("research §N" = docs/servicenow-platform.md
 * §N); the tags follow docs/servicenow-platform.md: C = ServiceNow docs / OOB source, S = third-party code consistent with
 * the platform, I = inferred. A column that is not listed here (or inherited) is refused by the simulator, so a typo in
 * a Record() definition fails a test instead of installing a blank field. If the platform is found to have a column we
 * do not list, add it here with its source.
 *
 * Column type notation: "String", "Boolean", "Integer", "DateTime", "Password2" (encrypted; never readable in plain
 * text through getValue), "Reference><table>".
 */
export interface TableDef {
    extends: string | null
    source: string
    columns: Record<string, string>
}

export const PLATFORM_TABLES: Record<string, TableDef> = {
    sys_user_grmember: {
        extends: null,
        source: 'C SNDOCS "Create a user group" / "Add a user to a group" (Group members: sys_user_grmember, User, Group)',
        columns: {
            user: 'Reference>sys_user',
            group: 'Reference>sys_user_group',
        },
    },
    sys_user_has_role: {
        extends: null,
        source: 'C SNDOCS "User roles" (sys_user_has_role: User, Role, Inherited, State); names S (OOB scripts query role/user)',
        columns: {
            user: 'Reference>sys_user',
            role: 'Reference>sys_user_role',
            inherited: 'Boolean',
            state: 'String',
        },
    },
    sys_connection: {
        extends: 'sys_metadata',
        source: 'C SNDOCS connection-information.md (Name, Credential, Connection alias, Active, Domain); names S (RUNBOOK-3P, third-party Fluent records); research §2.2',
        columns: {
            name: 'String',
            active: 'Boolean',
            credential: 'Reference>discovery_credentials',
            connection_alias: 'Reference>sys_alias',
            order: 'Integer',
            is_internal: 'Boolean',
            app_scope: 'Reference>sys_scope',
            sys_domain: 'String',
            sys_domain_path: 'String',
        },
    },
    http_connection: {
        extends: 'sys_connection',
        source: 'C SNDOCS create-https-connection.md (form fields); column names S (RUNBOOK-3P); research §2.2',
        columns: {
            connection_url: 'String',
            url_builder: 'Boolean',
            host: 'String',
            port: 'Integer',
            protocol: 'String',
            base_path: 'String',
            mutual_auth: 'Boolean',
            protocol_profile: 'String',
            use_mid: 'Boolean',
            mid_selection: 'String',
            mid_server: 'String',
            mid_cluster: 'String',
            capabilities: 'String',
            application: 'String',
            mid_protocol_profile: 'String',
            connection_timeout: 'Integer',
            connection_retries: 'Integer',
            extended_attributes: 'String',
        },
    },
    discovery_credentials: {
        extends: 'sys_metadata',
        source: 'C SNDOCS oauth-2-credentials.md / r_BasicAuthCredentialsForm.md (form fields); names S (RUNBOOK-3P); research §1.7',
        columns: {
            name: 'String',
            active: 'Boolean',
            type: 'String',
            classification: 'String',
            applies_to: 'String',
            order: 'Integer',
            tag: 'String',
            application: 'Reference>sys_scope',
            credential_id: 'String',
            external_credential_store: 'Boolean',
            sys_domain: 'String',
        },
    },
    oauth_2_0_credentials: {
        extends: 'discovery_credentials',
        source: 'C OOB ConnectionAndCredentialHelper (oauth_entity_profile); integration_type S; research §1.7',
        columns: {
            oauth_entity_profile: 'Reference>oauth_entity_profile',
            integration_type: 'String',
            use_mid: 'Boolean',
        },
    },
    basic_auth_credentials: {
        extends: 'discovery_credentials',
        source: 'C StandardCredentialsProvider docs (user_name, password) and r_BasicAuthCredentialsForm.md (Password encrypted)',
        columns: {
            user_name: 'String',
            password: 'Password2',
        },
    },
    oauth_entity: {
        extends: 'sys_metadata',
        source: 'C TSNOW playground/tables/oauth_entity.d.ts (instance dictionary) + SNDOCS c_OAuthApplications.md (client_secret password2); research §1.1',
        columns: {
            name: 'String',
            client_id: 'String',
            client_secret: 'Password2',
            default_grant_type: 'String',
            auth_url: 'String',
            token_url: 'String',
            refresh_token_url: 'String',
            revoke_token_url: 'String',
            redirect_url: 'String',
            type: 'String',
            oauth_api_script: 'Reference>sys_script_include',
            logo_url: 'String',
            comments: 'String',
            active: 'Boolean',
            access: 'String',
            use_mutual_auth: 'Boolean',
            protocol_name: 'String',
            public_client: 'Boolean',
            code_challenge_method: 'String',
            send_client_credentials_as: 'String',
            access_token_lifespan: 'Integer',
            refresh_token_lifespan: 'Integer',
            // Yokohama and later (KB2132135); seen with default false in instance exports published in public Fluent apps.
            extend_refresh_token_expiry: 'Boolean',
            auth_code_lifespan: 'Integer',
            id_token_lifespan: 'Integer',
            message_signature_lifespan: 'Integer',
            client_type: 'String',
            user: 'Reference>sys_user',
            skip_authorize: 'Boolean',
            salt: 'String',
            certificate_url: 'String',
            client_uuid: 'String',
        },
    },
    oauth_entity_profile: {
        extends: 'sys_metadata',
        source: 'C TSNOW playground/tables/oauth_entity_profile.d.ts; research §1.2',
        columns: {
            name: 'String',
            oauth_entity: 'Reference>oauth_entity',
            grant_type: 'String',
            default: 'Boolean',
            jwt_provider: 'String',
        },
    },
    oauth_entity_scope: {
        extends: 'sys_metadata',
        source: 'C SNDOCS t_SpecifyAnOAuthScope.md + docusign-example.md template keys; research §1.3',
        columns: {
            oauth_entity: 'Reference>oauth_entity',
            name: 'String',
            oauth_entity_scope: 'String',
        },
    },
    oauth_entity_profile_scope: {
        extends: 'sys_metadata',
        source: 'labels C SNDOCS setup-sp-ovrvw.md; column names I (labels + template key); research §1.4',
        columns: {
            oauth_entity_profile: 'Reference>oauth_entity_profile',
            oauth_entity_scope: 'Reference>oauth_entity_scope',
        },
    },
    oauth_requestor_profile: {
        extends: null,
        source: 'C SNDOCS r_OAuthProfileParameters.md (parameters); column names S (third-party scoped code); research §1.5',
        columns: {
            requestor_context: 'String',
            requestor_id: 'String',
            oauth_entity_profile: 'Reference>oauth_entity_profile',
        },
    },
    oauth_credential: {
        extends: null,
        source: 'C SNDOCS t_ManageTokens.md + c_GlideRecordAPI.md example (type, expires, peer, oauth_requestor_profile), OOB OauthRevokeTokenAjax (user); token_received I (label "Token Received", encrypted); research §1.6',
        columns: {
            name: 'String',
            type: 'String',
            token: 'Password2',
            token_received: 'Password2',
            expires: 'DateTime',
            peer: 'Reference>oauth_entity',
            oauth_requestor_profile: 'Reference>oauth_requestor_profile',
            user: 'Reference>sys_user',
            scope: 'String',
        },
    },
    connection_attributes: {
        extends: 'sys_metadata',
        source: 'S-strong OOB HttpNLUService (model, element, default_value: mirrored in github jacebenson/sn); var_dictionary columns (name = var__m_<table>_<model sys_id>, model_id, model_table, label, column_label) as in real var_dictionary exports (ServiceNowDevProgram/ActionPack sys_hub_action_input); assumption A3',
        columns: {
            model: 'Reference>sys_alias',
            model_id: 'String',
            model_table: 'String',
            label: 'String',
            element: 'String',
            default_value: 'String',
            column_label: 'String',
            internal_type: 'String',
            max_length: 'Integer',
            active: 'Boolean',
            mandatory: 'Boolean',
            read_only: 'Boolean',
            order: 'Integer',
            comments: 'String',
            reference: 'String',
            attributes: 'String',
            choice: 'Integer',
            name: 'String',
        },
    },
    sys_module: {
        extends: 'sys_metadata',
        source: 'the SDK build output (sys_module XML: path, content, external_source); SDK module-guide',
        columns: {
            path: 'String',
            content: 'String',
            external_source: 'Boolean',
        },
    },
    sys_ui_action_role: {
        extends: 'sys_metadata',
        source: 'C SDK sdk-build-plugins/src/ui-action-plugin.ts (roles -> sys_ui_action_role); research §4',
        columns: { sys_ui_action: 'Reference>sys_ui_action', sys_user_role: 'Reference>sys_user_role' },
    },
    sys_ui_action_view: {
        extends: 'sys_metadata',
        source: 'C SDK sdk-build-plugins/src/ui-action-plugin.ts (includeInViews -> sys_ui_action_view); research §4',
        columns: { sys_ui_action: 'Reference>sys_ui_action', sys_ui_view: 'String', visibility: 'String' },
    },
    sys_documentation: {
        extends: 'sys_metadata',
        source: 'labels of a table/column as the SDK Table() API writes them (name, element, label, plural, hint, help, language); platform dictionary docs',
        columns: {
            name: 'String',
            element: 'String',
            label: 'String',
            plural: 'String',
            hint: 'String',
            help: 'String',
            language: 'String',
            url: 'String',
            url_target: 'String',
        },
    },
    sys_choice: {
        extends: null,
        source: 'choice list rows as the SDK writes them (name, element, value, label, sequence, inactive, language, dependent_value, hint)',
        columns: {
            name: 'String',
            element: 'String',
            value: 'String',
            label: 'String',
            sequence: 'Integer',
            inactive: 'Boolean',
            language: 'String',
            dependent_value: 'String',
            hint: 'String',
        },
    },
    sys_choice_set: {
        extends: 'sys_metadata',
        source: 'the SDK 4.9 build output (author_elective_update/sys_choice_*.xml: <sys_choice_v2> holding a sys_choice_set and its sys_choice rows)',
        columns: { name: 'String', element: 'String' },
    },
    sys_atf_test_suite: {
        extends: 'sys_metadata',
        source: 'S ServiceNow ATF docs (Test Suite form: Name, Description, Active, Parent, Filter, Fail on missing / run options) [I for column names beyond name/description/active]',
        columns: {
            name: 'String',
            description: 'String',
            active: 'Boolean',
            parent: 'Reference>sys_atf_test_suite',
            filter: 'String',
            json_definition: 'String',
        },
    },
    sys_atf_test_suite_test: {
        extends: 'sys_metadata',
        source: 'S ServiceNow ATF docs (Test Suite > Tests related list: Test, Order, Abort on failure)',
        columns: {
            test_suite: 'Reference>sys_atf_test_suite',
            test: 'Reference>sys_atf_test',
            order: 'Integer',
            abort_on_failure: 'Boolean',
        },
    },
    sys_retry_policy: {
        extends: 'sys_metadata',
        source: 'C the SDK 4.9.0 RetryPolicy() build output (now-sdk explain retrypolicy-api: condition, connection_type, count, interval, max_elapsed_time, restrict_to, retry_strategy); OOB default HTTP policy ef751ff07301330025d71afe2ff6a7f9 (SDK Alias() default)',
        columns: {
            name: 'String',
            condition: 'String',
            connection_type: 'String',
            count: 'Integer',
            interval: 'Integer',
            max_elapsed_time: 'Integer',
            restrict_to: 'String',
            retry_strategy: 'String',
        },
    },
}

/**
 * Columns the SDK's own build writes on tables whose SDK table definition does not list them (observed in dist/ of
 * @servicenow/sdk 4.9.0). They are platform columns the definition omits, not typos of ours.
 */
export const SDK_EMITTED_EXTRA_COLUMNS: Record<string, Record<string, string>> = {
    sys_app: {
        guided_setup_guid: 'String',
        package_resolver_version: 'String',
        subscription_entitlement: 'String',
    },
    sys_dictionary: { read_only_option: 'String' },
}

/** Columns every table has (sys_metadata's plus the few the platform puts on every record). */
export const SYSTEM_COLUMNS: Record<string, string> = {
    sys_id: 'String',
    sys_class_name: 'String',
    sys_created_on: 'DateTime',
    sys_created_by: 'String',
    sys_updated_on: 'DateTime',
    sys_updated_by: 'String',
    sys_mod_count: 'Integer',
    sys_scope: 'Reference>sys_scope',
    sys_update_name: 'String',
    sys_package: 'Reference>sys_package',
    sys_policy: 'String',
    sys_name: 'String',
}
