import '@servicenow/sdk/global'

declare global {
    namespace Now {
        namespace Internal {
            interface Keys extends KeysRegistry {
                explicit: {
                    'acl-setup-change-create': {
                        table: 'sys_security_acl'
                        id: '2b2e182b58fa400f8414b611a7a2e8e0'
                    }
                    'acl-setup-change-delete': {
                        table: 'sys_security_acl'
                        id: '43204a4b41c948debae5b0a4f0f40e15'
                    }
                    'acl-setup-change-read': {
                        table: 'sys_security_acl'
                        id: '37735bb18be141bba904af50763ede3b'
                    }
                    'acl-validation-run-create': {
                        table: 'sys_security_acl'
                        id: '1e4e7be970bc4d589c8a4a8ac11a4588'
                    }
                    'acl-validation-run-delete': {
                        table: 'sys_security_acl'
                        id: '40a44749f2d347d597b7178ae503e60d'
                    }
                    'acl-validation-run-read': {
                        table: 'sys_security_acl'
                        id: '568343934a3341d3932a0240a85767d3'
                    }
                    'action-validate-jira-connection': {
                        table: 'sys_hub_action_type_definition'
                        id: 'babda7cf1cb74e1081b84e0ed49734a3'
                    }
                    'action-validate-jira-connection-step': {
                        table: 'sys_hub_step_instance'
                        id: '1eb267e30b0646dc897976f138fd1fbf'
                    }
                    'atf-post-install-check': {
                        table: 'sys_atf_test'
                        id: '3c0f875c8784486ea8a7c3d81a3d6528'
                    }
                    'atf-post-install-check-alias': {
                        table: 'sys_atf_step'
                        id: 'ec6d95aea736402ea977a7a188855429'
                    }
                    'atf-post-install-check-attr-api-version': {
                        table: 'sys_atf_step'
                        id: 'a398b97fe18c4c66979af34d606dac72'
                    }
                    'atf-post-install-check-attr-server-type': {
                        table: 'sys_atf_step'
                        id: '081bd43ba36e4b32b8ec02ae7a0f856a'
                    }
                    'atf-post-install-check-profile': {
                        table: 'sys_atf_step'
                        id: '964dcbaec17a493990c1baf1eedd86d9'
                    }
                    'atf-post-install-check-registry': {
                        table: 'sys_atf_step'
                        id: '80d63f3685334a8cb314c87e2a552d1d'
                    }
                    'atf-post-install-check-scopes': {
                        table: 'sys_atf_step'
                        id: '43579eaacc424ab2bea5e6c507536330'
                    }
                    'atf-post-install-check-validator': {
                        table: 'sys_atf_step'
                        id: 'a5e557b7257a46c99ea1b856ff9f5334'
                    }
                    'atf-post-install-suite': {
                        table: 'sys_atf_test_suite'
                        id: 'c94aaf71030d42098f63105e23fc551a'
                    }
                    'atf-post-install-suite-member': {
                        table: 'sys_atf_test_suite_test'
                        id: 'e0ff758ff2ca4722bcdae3e8f634e8ef'
                    }
                    bom_json: {
                        table: 'sys_module'
                        id: '7e42d9ca52f44281a2accd229093b817'
                    }
                    'csp-create-basic-auth-credentials': {
                        table: 'sys_scope_privilege'
                        id: '416c7e666aa8489f92a0bc45f235fc94'
                    }
                    'csp-create-connection-attributes': {
                        table: 'sys_scope_privilege'
                        id: 'eaf65629c92e4115bed4a006c0daffa1'
                    }
                    'csp-create-http-connection': {
                        table: 'sys_scope_privilege'
                        id: '2767cf6624b04891abdcb93f3ca477b2'
                    }
                    'csp-create-oauth-2-0-credentials': {
                        table: 'sys_scope_privilege'
                        id: 'e54318e8e9334327aebaef9d12942156'
                    }
                    'csp-create-oauth-entity-profile': {
                        table: 'sys_scope_privilege'
                        id: 'b27397fbf8424ffbad783959c06a3ac8'
                    }
                    'csp-create-oauth-entity-profile-scope': {
                        table: 'sys_scope_privilege'
                        id: 'db515ba9a8a343329a2450d682b1a6e0'
                    }
                    'csp-create-sys-alias': {
                        table: 'sys_scope_privilege'
                        id: 'a48393875584404ea6eb6c702cccfab6'
                    }
                    'csp-delete-basic-auth-credentials': {
                        table: 'sys_scope_privilege'
                        id: 'd89dfd85f6d0430895498b656c1b82ec'
                    }
                    'csp-delete-connection-attributes': {
                        table: 'sys_scope_privilege'
                        id: '93eab659ee074bf1b4079719ccd9c1cd'
                    }
                    'csp-delete-http-connection': {
                        table: 'sys_scope_privilege'
                        id: '7890956942d343eeb7ff5f2df1a4dd21'
                    }
                    'csp-delete-oauth-2-0-credentials': {
                        table: 'sys_scope_privilege'
                        id: '21abe96e35e649ed8db159884fab9605'
                    }
                    'csp-delete-oauth-entity-profile': {
                        table: 'sys_scope_privilege'
                        id: 'f923c5009b19422fae60635736129592'
                    }
                    'csp-delete-oauth-entity-profile-scope': {
                        table: 'sys_scope_privilege'
                        id: 'efbb81ca7bf140639051641c29937027'
                    }
                    'csp-delete-sys-alias': {
                        table: 'sys_scope_privilege'
                        id: '60ce2c94839f4bd9a95fa75d9b92f37c'
                    }
                    'csp-exec-credential-attribute': {
                        table: 'sys_scope_privilege'
                        id: 'ee567464368f414eaec5e9d3e157fb90'
                    }
                    'csp-exec-credential-by-id': {
                        table: 'sys_scope_privilege'
                        id: '41fcc488ac3c4930ab82dcc278e32ed6'
                    }
                    'csp-exec-oauth-get-token': {
                        table: 'sys_scope_privilege'
                        id: '122b09a3b8ea477f9bf8ee4351d15994'
                    }
                    'csp-exec-oauth-req-grant-type': {
                        table: 'sys_scope_privilege'
                        id: 'c7e4078b17be40d1a9332972352b65cb'
                    }
                    'csp-exec-oauth-req-parameter': {
                        table: 'sys_scope_privilege'
                        id: '19e4cf999ca44c83bef04379b66294a2'
                    }
                    'csp-exec-oauth-req-refresh-token': {
                        table: 'sys_scope_privilege'
                        id: 'c336ec0b927f499e8dbd90da2717b16c'
                    }
                    'csp-exec-oauth-request-token': {
                        table: 'sys_scope_privilege'
                        id: '484667089ea3408ca170c557b364faf3'
                    }
                    'csp-exec-oauth-resp-body': {
                        table: 'sys_scope_privilege'
                        id: 'ddf17c681fbf428b97457ac86877f05b'
                    }
                    'csp-exec-oauth-resp-code': {
                        table: 'sys_scope_privilege'
                        id: '2f39118fdf244a659de0e5ce71547905'
                    }
                    'csp-exec-oauth-resp-error': {
                        table: 'sys_scope_privilege'
                        id: '32b7d786840e485abab6d0456ae48094'
                    }
                    'csp-exec-oauth-resp-token': {
                        table: 'sys_scope_privilege'
                        id: '2d4a48ebf0ce436fbf909c6ffb2660e3'
                    }
                    'csp-exec-oauth-token-access': {
                        table: 'sys_scope_privilege'
                        id: 'fd223ce6fcb34eaea8f6a6ded51731cd'
                    }
                    'csp-exec-oauth-token-expires': {
                        table: 'sys_scope_privilege'
                        id: '0e8af0593c3d43608b38adf4e2431a20'
                    }
                    'csp-exec-oauth-token-refresh': {
                        table: 'sys_scope_privilege'
                        id: '2aac1859932646faa44b05adb2e697a1'
                    }
                    'csp-exec-oauth-token-refresh-expires': {
                        table: 'sys_scope_privilege'
                        id: '97fe0f8b30af436d910cf0ff34f2d852'
                    }
                    'csp-exec-rest-allowed-redirects': {
                        table: 'sys_scope_privilege'
                        id: '1f5a760a21ec4e67872e75b2d9262788'
                    }
                    'csp-exec-rest-basic-auth': {
                        table: 'sys_scope_privilege'
                        id: '90def8b6322b461096330a5e07c08e89'
                    }
                    'csp-exec-rest-body': {
                        table: 'sys_scope_privilege'
                        id: '3b10514364f54328811215ce9c21010f'
                    }
                    'csp-exec-rest-endpoint': {
                        table: 'sys_scope_privilege'
                        id: '6862cc98440b4f85b2cf6872ff7a4eaf'
                    }
                    'csp-exec-rest-execute': {
                        table: 'sys_scope_privilege'
                        id: '65ea6dc39ba84323aa5b1b5056aebe17'
                    }
                    'csp-exec-rest-execute-async': {
                        table: 'sys_scope_privilege'
                        id: '61584bccc5a344d0925230cb4cf5d06b'
                    }
                    'csp-exec-rest-header': {
                        table: 'sys_scope_privilege'
                        id: '0cd538f9ec7848e582ff4adbc9fb28c1'
                    }
                    'csp-exec-rest-method': {
                        table: 'sys_scope_privilege'
                        id: '1b8b365fe7314535bd96bc8633ae613d'
                    }
                    'csp-exec-rest-resp-body': {
                        table: 'sys_scope_privilege'
                        id: 'b80a78e44db34fbe991f310cefc0d7fb'
                    }
                    'csp-exec-rest-resp-error': {
                        table: 'sys_scope_privilege'
                        id: '333d30bb24d3408ab048972b5521c376'
                    }
                    'csp-exec-rest-resp-headers': {
                        table: 'sys_scope_privilege'
                        id: 'ad09f879cd95420a8e8fe8c05b8de431'
                    }
                    'csp-exec-rest-resp-status': {
                        table: 'sys_scope_privilege'
                        id: '9c28b4668d4649cea1a5407c1b014927'
                    }
                    'csp-exec-rest-set-mid-server': {
                        table: 'sys_scope_privilege'
                        id: '741df237c31e415fbab75a59e302e049'
                    }
                    'csp-exec-rest-timeout': {
                        table: 'sys_scope_privilege'
                        id: '9f8a2b2bb0524f3da0fc332edc2afdc9'
                    }
                    'csp-exec-rest-wait-for-response': {
                        table: 'sys_scope_privilege'
                        id: '2683dabde3654a4e80df10e804bdbd9e'
                    }
                    'csp-execute-oauthutil': {
                        table: 'sys_scope_privilege'
                        id: '6339bce0371343858a9a8432c60416f8'
                    }
                    'csp-read-basic-auth-credentials': {
                        table: 'sys_scope_privilege'
                        id: 'ef9e5dd0eab1479e8a60ab23b87276ac'
                    }
                    'csp-read-connection-attributes': {
                        table: 'sys_scope_privilege'
                        id: 'e0477e79790649a48134ea2ced88710b'
                    }
                    'csp-read-discovery-credentials': {
                        table: 'sys_scope_privilege'
                        id: '9690a60517534445954a25e32ed11e82'
                    }
                    'csp-read-ecc-agent': {
                        table: 'sys_scope_privilege'
                        id: 'c349a1fd4b07409f96f423b522f7267b'
                    }
                    'csp-read-ecc-agent-capability': {
                        table: 'sys_scope_privilege'
                        id: '33595867bb8546a79a8d27c196198d46'
                    }
                    'csp-read-ecc-agent-capability-m2m': {
                        table: 'sys_scope_privilege'
                        id: 'ed32b653a778402aae6104848e40c1cf'
                    }
                    'csp-read-ecc-agent-cluster': {
                        table: 'sys_scope_privilege'
                        id: '6832477af97447a9a0b87c808e7ba1f6'
                    }
                    'csp-read-ecc-agent-cluster-member-m2m': {
                        table: 'sys_scope_privilege'
                        id: '44aefd49e16b4f808578d098f9ae9f82'
                    }
                    'csp-read-http-connection': {
                        table: 'sys_scope_privilege'
                        id: 'e8d72589acd14f6e9f679fba017e71e1'
                    }
                    'csp-read-oauth-2-0-credentials': {
                        table: 'sys_scope_privilege'
                        id: 'eaab162aeb634a2c8615ec5fe5d116ac'
                    }
                    'csp-read-oauth-entity': {
                        table: 'sys_scope_privilege'
                        id: 'e40d6f58cfee4dbd9807ae2b5fa46463'
                    }
                    'csp-read-oauth-entity-profile': {
                        table: 'sys_scope_privilege'
                        id: '2e05f7cdae9e4e1c934869fd19f75860'
                    }
                    'csp-read-oauth-entity-profile-scope': {
                        table: 'sys_scope_privilege'
                        id: '4b3822bdeadf4fad814d107c79387680'
                    }
                    'csp-read-oauth-entity-scope': {
                        table: 'sys_scope_privilege'
                        id: '84e3d6edd0e04babb5b41d1a05d54840'
                    }
                    'csp-read-sys-alias': {
                        table: 'sys_scope_privilege'
                        id: '800ebd176f8d4ab9a86363885c5b818c'
                    }
                    'csp-read-sys-alias-templates': {
                        table: 'sys_scope_privilege'
                        id: '40064740b89e4f84b4fe37c1723e0753'
                    }
                    'csp-read-sys-connection': {
                        table: 'sys_scope_privilege'
                        id: '952f4170ddd0489b9f0ff71bab7f08b7'
                    }
                    'csp-read-sys-hub-action-type-definition': {
                        table: 'sys_scope_privilege'
                        id: 'e1c485f77c4a4884bc7aab5a8e57371f'
                    }
                    'csp-read-sys-rest-message': {
                        table: 'sys_scope_privilege'
                        id: 'a23b25e2813b4cbf9a450af02fdbccf6'
                    }
                    'csp-read-sys-rest-message-fn': {
                        table: 'sys_scope_privilege'
                        id: 'bd983f1d56e34aae972d762f73b67a5b'
                    }
                    'csp-read-sys-scope': {
                        table: 'sys_scope_privilege'
                        id: '49790e78c8e74effa39790340113a573'
                    }
                    'csp-read-sys-script': {
                        table: 'sys_scope_privilege'
                        id: 'b52273e0155e4e19a399e36cbfb7993d'
                    }
                    'csp-read-sys-script-include': {
                        table: 'sys_scope_privilege'
                        id: 'abdfa7bde03249f786332e7a5b4975ff'
                    }
                    'csp-read-sys-store-app': {
                        table: 'sys_scope_privilege'
                        id: '2fcc849921de469788df689dbf495d2d'
                    }
                    'csp-read-sys-user': {
                        table: 'sys_scope_privilege'
                        id: '8d0acce738e94224a4a00d54908faa9e'
                    }
                    'csp-read-sys-user-grmember': {
                        table: 'sys_scope_privilege'
                        id: 'c3feeb3a1bda4e318e91654f8b95e1dc'
                    }
                    'csp-read-sys-user-group': {
                        table: 'sys_scope_privilege'
                        id: '2ad6c0c914414d419e9ec23270637716'
                    }
                    'csp-read-sys-user-has-role': {
                        table: 'sys_scope_privilege'
                        id: '99323c7da486493abc6a8a3fe2d7242f'
                    }
                    'csp-read-sys-variable-value': {
                        table: 'sys_scope_privilege'
                        id: 'b9e5f2f8e79f41f58ea4a1eb3b127679'
                    }
                    'csp-write-basic-auth-credentials': {
                        table: 'sys_scope_privilege'
                        id: 'ab0ec05e983c4b98ae81793849565cf2'
                    }
                    'csp-write-http-connection': {
                        table: 'sys_scope_privilege'
                        id: '54bc3b4af5c34b81995d064485ea3164'
                    }
                    'csp-write-oauth-entity': {
                        table: 'sys_scope_privilege'
                        id: '0a82673a676b4dc889cde7c8e97a7dc4'
                    }
                    'event-api-token-expiring': {
                        table: 'sysevent_register'
                        id: '421b2a8bad904e82835079cee71d1748'
                    }
                    'event-connection-broken': {
                        table: 'sysevent_register'
                        id: 'f3b6166185aa47e4bab4cc42e82327d9'
                    }
                    'event-connection-recovered': {
                        table: 'sysevent_register'
                        id: '3b122236519c430f8dc2e21a606b3012'
                    }
                    'event-refresh-token-expiring': {
                        table: 'sysevent_register'
                        id: 'a005515dc2b04e9db895165ce3e7104c'
                    }
                    'jira-alias': {
                        table: 'sys_alias'
                        id: '0b1daa39187e4f15860a64e8e90b9d09'
                    }
                    'jira-attribute-api-version': {
                        table: 'connection_attributes'
                        id: 'b2d847d17cfe4f28a1dcf4a30a85158b'
                    }
                    'jira-attribute-server-type': {
                        table: 'connection_attributes'
                        id: '2af1588edb48472e9cd1ebec47f5fb05'
                    }
                    'jira-basic-auth-template': {
                        table: 'sys_alias_templates'
                        id: 'd42e23507b504d1eb2315c0118b9cf3b'
                    }
                    'jira-cloud-oauth-registry': {
                        table: 'oauth_entity'
                        id: 'f5ecd9283c7a4d53b1e9ce6eb699c256'
                    }
                    'jira-connect-menu': {
                        table: 'sys_app_application'
                        id: 'f4ebb9ecf8614fc5aabd2d603b0c3a2e'
                    }
                    'jira-oauth-3lo-template': {
                        table: 'sys_alias_templates'
                        id: '8c02840b80c7459697875d6dec11e271'
                    }
                    'jira-oauth-connection': {
                        table: 'http_connection'
                        id: '708787044bc94e3a995664aad042373e'
                    }
                    'jira-oauth-credential': {
                        table: 'oauth_2_0_credentials'
                        id: '9696f4c8008c47b59e4b0e3834aa25d4'
                    }
                    'jira-oauth-profile': {
                        table: 'oauth_entity_profile'
                        id: '5450d3cf1f25459687d56bb35d653498'
                    }
                    'jira-retry-policy': {
                        table: 'sys_retry_policy'
                        id: 'bc2a7042727043bda7138a95deaf4bfc'
                    }
                    'jira-scoped-token-template': {
                        table: 'sys_alias_templates'
                        id: '2920276e76fd478f884b1b3ec56095ab'
                    }
                    'jira-service-account-connection': {
                        table: 'http_connection'
                        id: 'ffbd7ae22e004d1fb7dfd4acf854b472'
                    }
                    'jira-service-account-credential': {
                        table: 'oauth_2_0_credentials'
                        id: '3f7f7a7fd0844b178dd5351e399a233f'
                    }
                    'jira-service-account-profile': {
                        table: 'oauth_entity_profile'
                        id: '61a9b1daeb74474093d50cf3132ee387'
                    }
                    'jira-service-account-registry': {
                        table: 'oauth_entity'
                        id: 'e4102b28bf854766b09edf77855d7802'
                    }
                    'jira-service-account-template': {
                        table: 'sys_alias_templates'
                        id: '27d656c0ae8e4586988a54b5d6beba3c'
                    }
                    'job-health-check': {
                        table: 'sysauto_script'
                        id: 'f90c5fc1a60f4813aafe69eb3e6d8b9e'
                    }
                    'module-alias': {
                        table: 'sys_app_module'
                        id: '27236080e3b14984916538167956f6c8'
                    }
                    'module-basic-credentials': {
                        table: 'sys_app_module'
                        id: '0c8985b5e0ee44f79ef8c7a8fad8ba80'
                    }
                    'module-connection-health': {
                        table: 'sys_app_module'
                        id: 'dcd72d32984e488a9266c53280db4fb8'
                    }
                    'module-connections': {
                        table: 'sys_app_module'
                        id: '99109d6b507f43e9a9f2cbfe13b0b1ca'
                    }
                    'module-health': {
                        table: 'sys_app_module'
                        id: 'b658d85c82514da3a42780e8c1e486e3'
                    }
                    'module-oauth-credentials': {
                        table: 'sys_app_module'
                        id: '4bcd118ac69242f0a53b0a28a2d4a1e8'
                    }
                    'module-oauth-registry': {
                        table: 'sys_app_module'
                        id: 'a2f1e87472d448c8969d7e2eb892a9a8'
                    }
                    'module-properties': {
                        table: 'sys_app_module'
                        id: '9ae436a0ccb9446f875dcabf0b4a26b7'
                    }
                    'module-setup': {
                        table: 'sys_app_module'
                        id: '7463b9d614d848cfad577625ea374b05'
                    }
                    'module-setup-changes': {
                        table: 'sys_app_module'
                        id: '828c8c679ff4487393ba8c8f3a82d25e'
                    }
                    'module-validation-runs': {
                        table: 'sys_app_module'
                        id: '4595e4b4e970465e9675a0f61fdf5cfe'
                    }
                    'notification-api-token-expiring': {
                        table: 'sysevent_email_action'
                        id: 'edb974abf3134a76ab6305b3232d622c'
                    }
                    'notification-connection-broken': {
                        table: 'sysevent_email_action'
                        id: '6408b99e11a04e1f908e3c8a4a72b1f5'
                    }
                    'notification-connection-recovered': {
                        table: 'sysevent_email_action'
                        id: '47212781bda4472e92f9011ff62fde19'
                    }
                    'notification-refresh-token-expiring': {
                        table: 'sysevent_email_action'
                        id: '8a97e9eef52f4049b554e03b84e5c5da'
                    }
                    'oauth-jira-cloud-util': {
                        table: 'sys_script_include'
                        id: '3a29f0a46f974720a7e79e8e86b0c49c'
                    }
                    package_json: {
                        table: 'sys_module'
                        id: '5a08f61215b04d3c83913cf580d125ca'
                    }
                    'profile-scope-delete-sprint': {
                        table: 'oauth_entity_profile_scope'
                        id: 'eb0f2ced66f84ca4bcc8d3206b10577f'
                    }
                    'profile-scope-manage-configuration': {
                        table: 'oauth_entity_profile_scope'
                        id: '58031420cc3e493aab9c3506739c554b'
                    }
                    'profile-scope-manage-project': {
                        table: 'oauth_entity_profile_scope'
                        id: '0f33312f07d44487be971e9ffb1534c4'
                    }
                    'profile-scope-manage-webhook': {
                        table: 'oauth_entity_profile_scope'
                        id: '752ba3b37e574084885361cefa01c200'
                    }
                    'profile-scope-offline-access': {
                        table: 'oauth_entity_profile_scope'
                        id: 'eae9d70b27474f37940cf1557d82b00e'
                    }
                    'profile-scope-read-board-scope': {
                        table: 'oauth_entity_profile_scope'
                        id: '73d0a286b11b42ffbc9ef1dfaebe0eea'
                    }
                    'profile-scope-read-issue-details': {
                        table: 'oauth_entity_profile_scope'
                        id: '03f75793579846c7bb400c2a88a8bfe3'
                    }
                    'profile-scope-read-jira-user': {
                        table: 'oauth_entity_profile_scope'
                        id: '9b0cd640c3014da388488df375d2df04'
                    }
                    'profile-scope-read-jira-work': {
                        table: 'oauth_entity_profile_scope'
                        id: '29c53268b5b146c58ecb0955152c9dd0'
                    }
                    'profile-scope-read-jql': {
                        table: 'oauth_entity_profile_scope'
                        id: '449698d872fd4618a287c4d94f30b8f6'
                    }
                    'profile-scope-read-project': {
                        table: 'oauth_entity_profile_scope'
                        id: 'e6b1db0ad6c749de959638ad929a16c9'
                    }
                    'profile-scope-read-sprint': {
                        table: 'oauth_entity_profile_scope'
                        id: '08271e3b092e40ce800b0c5ab520605b'
                    }
                    'profile-scope-write-jira-work': {
                        table: 'oauth_entity_profile_scope'
                        id: '6fcedb592e6b495d8dc84b5e8a23cc17'
                    }
                    'profile-scope-write-sprint': {
                        table: 'oauth_entity_profile_scope'
                        id: '04cf990cc0cf477b8319edbac35f1bd3'
                    }
                    'property-api-gateway-url': {
                        table: 'sys_properties'
                        id: 'b5a1ec677f9949a3a005727ad7cfd2b3'
                    }
                    'property-capability-projects': {
                        table: 'sys_properties'
                        id: 'c9429dfb598847b58d75f8964b45f3ed'
                    }
                    'property-health-alert-group': {
                        table: 'sys_properties'
                        id: 'bb24e14fcb3b48ccb79b6f61f8596971'
                    }
                    'property-health-api-token-max-days': {
                        table: 'sys_properties'
                        id: '92c20508faf94c2d81ed74d053762d61'
                    }
                    'property-health-api-token-warn-days': {
                        table: 'sys_properties'
                        id: '50b3787e2f8940b2866c9d8dcfd19273'
                    }
                    'property-health-capability-interval-hours': {
                        table: 'sys_properties'
                        id: 'f95c0eb572344f10b966210065677741'
                    }
                    'property-health-connection-budget-ms': {
                        table: 'sys_properties'
                        id: '2d2777fa070f4ef1a8e8510c97a39887'
                    }
                    'property-health-consent-max-days': {
                        table: 'sys_properties'
                        id: 'cc9fc03503d14b3dbdd613962510de7d'
                    }
                    'property-health-interval-hours': {
                        table: 'sys_properties'
                        id: '8e10b3255e264da8833b74cad3867918'
                    }
                    'property-health-keepalive-days': {
                        table: 'sys_properties'
                        id: '628fcf2f1c85499f9debe573d38de562'
                    }
                    'property-health-refresh-warn-days': {
                        table: 'sys_properties'
                        id: '8dbb66826e6c4f4387b292f398795a42'
                    }
                    'property-health-run-lock': {
                        table: 'sys_properties'
                        id: 'b7003cb607064f0bbcfb40466930292c'
                        deleted: true
                    }
                    'property-health-total-budget-ms': {
                        table: 'sys_properties'
                        id: 'c99debd62d9d4bdabe710be57c795f37'
                    }
                    'property-health-webhook-refresh': {
                        table: 'sys_properties'
                        id: '359dad5e97144541a501ed6a03fd6cfa'
                    }
                    'property-health-webhook-refresh-days': {
                        table: 'sys_properties'
                        id: '470787ac02ba4c41b39f8abc746ec315'
                    }
                    'property-http-timeout-ms': {
                        table: 'sys_properties'
                        id: '03335a22804b4b42966165538632b9e7'
                    }
                    'property-max-retry-wait-s': {
                        table: 'sys_properties'
                        id: '8a55c6315c004b6986d74e3d31ee49db'
                    }
                    'property-validation-budget-ms': {
                        table: 'sys_properties'
                        id: 'b4b45e46346b46768ae7e648df69f1ab'
                    }
                    'scope-delete-sprint': {
                        table: 'oauth_entity_scope'
                        id: '4f65312ae81542b6ba3aa9a3ac0b737a'
                    }
                    'scope-manage-configuration': {
                        table: 'oauth_entity_scope'
                        id: '905672e09b254db6baacbda47966c3a1'
                    }
                    'scope-manage-project': {
                        table: 'oauth_entity_scope'
                        id: '52dcd4de242e400b81c1660ae0586343'
                    }
                    'scope-manage-webhook': {
                        table: 'oauth_entity_scope'
                        id: 'eee6f5f4072c45a6b1713380992396a2'
                    }
                    'scope-offline-access': {
                        table: 'oauth_entity_scope'
                        id: '56b9a30a120b40f0ae7c74e2c2c5f06f'
                    }
                    'scope-read-board-scope': {
                        table: 'oauth_entity_scope'
                        id: '88e0f9038832431195db7f1d1e8519fd'
                    }
                    'scope-read-issue-details': {
                        table: 'oauth_entity_scope'
                        id: '9417f33ccfb24f5db002f71920d1ef54'
                    }
                    'scope-read-jira-user': {
                        table: 'oauth_entity_scope'
                        id: '8f7af954877440458020b16b3cc83c84'
                    }
                    'scope-read-jira-work': {
                        table: 'oauth_entity_scope'
                        id: '3500923ea38c47b6a69acf4f00f1ff34'
                    }
                    'scope-read-jql': {
                        table: 'oauth_entity_scope'
                        id: '15eba9f2232c42a7b492d1d9388f2bb4'
                    }
                    'scope-read-project': {
                        table: 'oauth_entity_scope'
                        id: '8fc8af965a7b4ee0acb74a903c4c0a35'
                    }
                    'scope-read-sprint': {
                        table: 'oauth_entity_scope'
                        id: '1553f4a83d714f18baf5cf1a92f44b96'
                    }
                    'scope-write-jira-work': {
                        table: 'oauth_entity_scope'
                        id: 'f833bb3b4b394daaadea355fe40374cc'
                    }
                    'scope-write-sprint': {
                        table: 'oauth_entity_scope'
                        id: '4bdf3b5cea94429e84add9150185d60e'
                    }
                    'service-account-profile-scope-classic': {
                        table: 'oauth_entity_profile_scope'
                        id: 'e46f8f36c7e34dee808381dcc8d2fc07'
                    }
                    'service-account-profile-scope-granular': {
                        table: 'oauth_entity_profile_scope'
                        id: '4df58422ffc444a3aefd7911864e895e'
                    }
                    'service-account-scope-classic': {
                        table: 'oauth_entity_scope'
                        id: 'fb7fb0179738419984960db7bf419e4e'
                    }
                    'service-account-scope-granular': {
                        table: 'oauth_entity_scope'
                        id: 'c81d232df245429aad6895df9bdf0310'
                    }
                    'setup-api': {
                        table: 'sys_ws_definition'
                        id: '2540ec43907f4aaaac14b038b64d5ed9'
                    }
                    'setup-api-acl': {
                        table: 'sys_security_acl'
                        id: '4bf36689c4a844869c66a576b3e9c8c7'
                    }
                    'setup-api-activate': {
                        table: 'sys_ws_operation'
                        id: '1962cd74a2894785bbd2de944a60232c'
                    }
                    'setup-api-api-token': {
                        table: 'sys_ws_operation'
                        id: '4c2bf083b71a4c118d946cfecdaec920'
                    }
                    'setup-api-capability-projects': {
                        table: 'sys_ws_operation'
                        id: '977779d4ad504212b9aee55f9726012c'
                    }
                    'setup-api-capability-projects-read': {
                        table: 'sys_ws_operation'
                        id: '73de6d671f86497494e2ec2495de10f9'
                    }
                    'setup-api-health': {
                        table: 'sys_ws_operation'
                        id: '19be2ff1eb71494ebd87f2faf587bc13'
                    }
                    'setup-api-health-check': {
                        table: 'sys_ws_operation'
                        id: '81eec1fa8b324a609d59d6483a791f64'
                    }
                    'setup-api-oauth-client': {
                        table: 'sys_ws_operation'
                        id: '5c197a0d84db4690a161e99a0cd6a062'
                    }
                    'setup-api-service-account': {
                        table: 'sys_ws_operation'
                        id: 'fa516a50c87248a892eae6a4afb14c62'
                    }
                    'setup-api-site': {
                        table: 'sys_ws_operation'
                        id: '285e8dc995594088ad4b39fffd190f9d'
                    }
                    'setup-api-site-connection': {
                        table: 'sys_ws_operation'
                        id: '788566c2bffc43a4996fe02b0156d777'
                    }
                    'setup-api-site-lookup': {
                        table: 'sys_ws_operation'
                        id: 'f6413614c53d4c12b273e3a1b3d868b9'
                    }
                    'setup-api-sites': {
                        table: 'sys_ws_operation'
                        id: '0e4a38ba12cd4410973f000efd326511'
                    }
                    'setup-api-state': {
                        table: 'sys_ws_operation'
                        id: '06b9affadffc4ce1acb9b9560074ba7d'
                    }
                    'setup-api-switch-back': {
                        table: 'sys_ws_operation'
                        id: '02a9e99eb1de40a3b5558df43ffe1088'
                    }
                    'setup-api-validate': {
                        table: 'sys_ws_operation'
                        id: '7d335c4aac8b4816839885afb16ae0d9'
                    }
                    'setup-api-write-acl': {
                        table: 'sys_security_acl'
                        id: 'b875aaf2ba32418db2b383d93c906c09'
                    }
                    'setup-page-acl': {
                        table: 'sys_security_acl'
                        id: '102c52eb0dcf41e893f67cc027fbcc0c'
                    }
                    'src_server_core_alert-email_ts': {
                        table: 'sys_module'
                        id: '958f84e67ddc48a8bc418b47ad2c1eb6'
                    }
                    'src_server_core_api-script-snippet_ts': {
                        table: 'sys_module'
                        id: '2e5d1eedb9524a2c81cf0d274035e65b'
                    }
                    src_server_core_atlassian_ts: {
                        table: 'sys_module'
                        id: '14191ca2ff3447b9ad8be440ec017983'
                    }
                    'src_server_core_auth-method_ts': {
                        table: 'sys_module'
                        id: '9968e85ebb484a519fdffc58098bf137'
                    }
                    'src_server_core_auth-standing_ts': {
                        table: 'sys_module'
                        id: 'e4bb20af40644d97a717545d89a665d1'
                    }
                    src_server_core_calls_ts: {
                        table: 'sys_module'
                        id: 'c260d182b5184a4389e7c6af7108bfad'
                    }
                    'src_server_core_capability-table_ts': {
                        table: 'sys_module'
                        id: '2426a10808054caf91c0146eead6a036'
                    }
                    src_server_core_catalogue_ts: {
                        table: 'sys_module'
                        id: '0c4c4432373043da8633c658c7660941'
                    }
                    src_server_core_checks_atlassian_ts: {
                        table: 'sys_module'
                        id: '32caaa889fc0472dbe881c8de80f4b79'
                    }
                    src_server_core_checks_capability_ts: {
                        table: 'sys_module'
                        id: '0d41b888ec4346a59447686710a8edd2'
                    }
                    src_server_core_checks_configuration_ts: {
                        table: 'sys_module'
                        id: 'b0eedc54f5fb4cb8a5a0fd34c5fde32f'
                    }
                    src_server_core_checks_inbound_ts: {
                        table: 'sys_module'
                        id: 'fe5098d21aa74f80bb239f64dabef4f5'
                    }
                    'src_server_core_checks_inbound-instance_ts': {
                        table: 'sys_module'
                        id: '713e3afb3c23427aafac9198193e9ba3'
                    }
                    src_server_core_checks_jira_ts: {
                        table: 'sys_module'
                        id: '1e8d551e793f487ab73285d05b019edf'
                    }
                    src_server_core_checks_network_ts: {
                        table: 'sys_module'
                        id: 'ee396051d50a4682bbabc5c85a130fba'
                    }
                    'src_server_core_checks_oauth-registry_ts': {
                        table: 'sys_module'
                        id: '0d6d5e74f114490390988a13b21d1f0b'
                    }
                    'src_server_core_checks_platform-findings_ts': {
                        table: 'sys_module'
                        id: '1add91f5e6da42c8bb979f6c628c76f5'
                    }
                    'src_server_core_checks_real-path_ts': {
                        table: 'sys_module'
                        id: '932561981d32415495ad6953ab3e801a'
                    }
                    'src_server_core_checks_service-account_ts': {
                        table: 'sys_module'
                        id: '3146ffc0ec274638bd2bd531e40cd3cf'
                    }
                    src_server_core_checks_token_ts: {
                        table: 'sys_module'
                        id: 'd3607e3f41e8414e993397362853b391'
                    }
                    'src_server_core_deprecated-calls_ts': {
                        table: 'sys_module'
                        id: '77e67fc5f60b4f329c429c83dbf16687'
                    }
                    src_server_core_findings_ts: {
                        table: 'sys_module'
                        id: '4198e19f3af64be783879f4a1c29eb55'
                    }
                    src_server_core_format_ts: {
                        table: 'sys_module'
                        id: 'd3bc158310fc4d7da7099fb7e952ce8c'
                    }
                    src_server_core_health_assess_ts: {
                        table: 'sys_module'
                        id: 'caa7c5b779144471bbcfb9a58718a5a5'
                    }
                    'src_server_core_health_capability-round_ts': {
                        table: 'sys_module'
                        id: 'c4503185dbbe4dcf95d72aa9b4944762'
                    }
                    src_server_core_health_model_ts: {
                        table: 'sys_module'
                        id: '29caf39d239e467ba0e1fdac5a2201a6'
                    }
                    'src_server_core_health_run-cache_ts': {
                        table: 'sys_module'
                        id: '01695e6b718a4460b21cd89c5bd0ecb3'
                    }
                    src_server_core_health_runner_ts: {
                        table: 'sys_module'
                        id: '07dc5ce7025543d88e1ead706872eae7'
                    }
                    src_server_core_health_settings_ts: {
                        table: 'sys_module'
                        id: '5a746e82d15f4c65b761417d05dbc47f'
                    }
                    'src_server_core_health_single-flight_ts': {
                        table: 'sys_module'
                        id: '34bf859ae19e48ea83e22a357f2e4236'
                    }
                    src_server_core_health_standing_ts: {
                        table: 'sys_module'
                        id: '83c1c25cd5914c618ebe1121dcf030df'
                    }
                    'src_server_core_health_webhook-refresh_ts': {
                        table: 'sys_module'
                        id: '7e16cfae0df7418cbfaaa9ca226dc8a5'
                    }
                    src_server_core_html_ts: {
                        table: 'sys_module'
                        id: '0a8bd5cbbb4246e8a2813609a8f5f2dd'
                    }
                    'src_server_core_inbound-settings_ts': {
                        table: 'sys_module'
                        id: '96376023213b4cafa3ca6ea85f92f555'
                    }
                    'src_server_core_inbound-view_ts': {
                        table: 'sys_module'
                        id: 'ecd5f13f8e924118962305902ad81fdd'
                    }
                    'src_server_core_instance-reads_ts': {
                        table: 'sys_module'
                        id: 'ca345770dee640a7b6e35f4cad57f709'
                    }
                    'src_server_core_jira-scopes_ts': {
                        table: 'sys_module'
                        id: 'e4827a396d814bb3a65ccef047089890'
                    }
                    src_server_core_ports_ts: {
                        table: 'sys_module'
                        id: '0e859ab70e8c4cc6a9ab8add20bdfb5a'
                    }
                    'src_server_core_projects-setting_ts': {
                        table: 'sys_module'
                        id: '436b3384742f48e6bf5448ed41fdf164'
                    }
                    'src_server_core_rate-limit_ts': {
                        table: 'sys_module'
                        id: 'fc08028cad584d36828be8f5023740bb'
                    }
                    'src_server_core_real-path_ts': {
                        table: 'sys_module'
                        id: '59fa550b5dd14845bc7b8c65ca0e286f'
                    }
                    src_server_core_report_ts: {
                        table: 'sys_module'
                        id: 'd1679dd50ba64d6288c235590ae1ee14'
                    }
                    src_server_core_sanitize_ts: {
                        table: 'sys_module'
                        id: 'e496089f875543638697ed88022b7e75'
                    }
                    'src_server_core_setup_acting-as_ts': {
                        table: 'sys_module'
                        id: '5879f76844704f1db6983b7cb44f2e7a'
                    }
                    'src_server_core_setup_capability-projects_ts': {
                        table: 'sys_module'
                        id: '13c5baa5019a42698cee101c6acb0599'
                    }
                    'src_server_core_setup_health-view_ts': {
                        table: 'sys_module'
                        id: '656fac3ab2904af38f0670942ae0660b'
                    }
                    src_server_core_setup_inputs_ts: {
                        table: 'sys_module'
                        id: 'b86bdf5729e54679975f495ba35315f4'
                    }
                    src_server_core_setup_live_ts: {
                        table: 'sys_module'
                        id: 'bd10e150ff6845ae9c0a7a48c432482a'
                    }
                    src_server_core_setup_operations_ts: {
                        table: 'sys_module'
                        id: '837afd26644646c8ba385db7f5c52960'
                    }
                    src_server_core_setup_result_ts: {
                        table: 'sys_module'
                        id: 'df3c9193cdb04d2a951e9dfc033e2077'
                    }
                    src_server_core_setup_scopes_ts: {
                        table: 'sys_module'
                        id: 'de04eea535314da1b8df15812314e236'
                    }
                    'src_server_core_setup_service-account_ts': {
                        table: 'sys_module'
                        id: 'bbce38367427442daea4f6c8670a3db9'
                    }
                    'src_server_core_setup_setup-port_ts': {
                        table: 'sys_module'
                        id: '411b876560974290b2fa7576e0d8aff0'
                    }
                    'src_server_core_setup_site-connections_ts': {
                        table: 'sys_module'
                        id: '2d548c9a3cac40f3b25ef618ec2b5bdc'
                    }
                    src_server_core_setup_writes_ts: {
                        table: 'sys_module'
                        id: '9391951d17f34174823b48c8aaacc56e'
                    }
                    'src_server_core_spoke-inbound_ts': {
                        table: 'sys_module'
                        id: 'f8f8367ddb7c4461959160dffc40057d'
                    }
                    'src_server_core_stored-tokens_ts': {
                        table: 'sys_module'
                        id: 'ac6fc0a8f83f42c8bfddd045a272a7db'
                    }
                    src_server_core_urls_ts: {
                        table: 'sys_module'
                        id: 'c828d0cd573e4d319e02c17ed6fb106c'
                    }
                    src_server_core_validator_ts: {
                        table: 'sys_module'
                        id: 'de16d8e7e85f43979e1f120cb64d227b'
                    }
                    'src_server_flow_validate-connection-action_ts': {
                        table: 'sys_module'
                        id: '29e7b5f74028498ca5a630b2318f84e6'
                    }
                    src_server_glide_clock_ts: {
                        table: 'sys_module'
                        id: '365a4d8db7c24cb1bbe17cffa0982e9c'
                    }
                    'src_server_glide_config-reader_ts': {
                        table: 'sys_module'
                        id: 'b227bdbd999542c3a58dd27f82047092'
                    }
                    'src_server_glide_health-alerts_ts': {
                        table: 'sys_module'
                        id: '1c0c9256b806435e90d9e96db378af4a'
                    }
                    'src_server_glide_health-clock_ts': {
                        table: 'sys_module'
                        id: '063f586349524bc38a1eee64827357a8'
                    }
                    'src_server_glide_health-inventory_ts': {
                        table: 'sys_module'
                        id: 'e07b846599014ac484293ca2555da1fb'
                    }
                    'src_server_glide_health-lock_ts': {
                        table: 'sys_module'
                        id: '61676e90f84442c89426e7cd94689861'
                    }
                    'src_server_glide_health-service_ts': {
                        table: 'sys_module'
                        id: 'f148aad00ace4f9fb81b1af2548ead9b'
                    }
                    'src_server_glide_health-store_ts': {
                        table: 'sys_module'
                        id: 'c7180e71a1b44c7295cd1c681fe0c242'
                    }
                    'src_server_glide_oauth-tokens_ts': {
                        table: 'sys_module'
                        id: '580b3b764c5a4484bd055d185fa5e661'
                    }
                    'src_server_glide_platform-errors_ts': {
                        table: 'sys_module'
                        id: '94ddefe26e5d4d59a90eeb3ad69eb674'
                    }
                    'src_server_glide_real-path-reader_ts': {
                        table: 'sys_module'
                        id: '364aa9a47cd64bbf8eda2d2681742d25'
                    }
                    src_server_glide_records_ts: {
                        table: 'sys_module'
                        id: '29c8952cd2c94c6dbdd8c816d6d8086e'
                    }
                    'src_server_glide_rest-http_ts': {
                        table: 'sys_module'
                        id: '840e7323d4e64e4b89d3c839446cac80'
                    }
                    'src_server_glide_run-store_ts': {
                        table: 'sys_module'
                        id: 'a1db0eca82264738a003572d6c09d1f2'
                    }
                    'src_server_glide_session-messages_ts': {
                        table: 'sys_module'
                        id: '443d55f960a84a24a686d3519f1886e4'
                    }
                    'src_server_glide_setup-audit_ts': {
                        table: 'sys_module'
                        id: '2daa3110b4fe44f282827b7c18af9b37'
                    }
                    'src_server_glide_setup-records_ts': {
                        table: 'sys_module'
                        id: 'e2e30045428944dc80578ecfd807729d'
                    }
                    'src_server_glide_shipped-records_ts': {
                        table: 'sys_module'
                        id: '407b632c458c433eb9595f32aa971847'
                    }
                    'src_server_glide_spoke-inbound-reader_ts': {
                        table: 'sys_module'
                        id: '384f35cd4d8e416599e40fe51c1b6262'
                    }
                    'src_server_glide_validation-service_ts': {
                        table: 'sys_module'
                        id: 'ca39a09f683845f58d9c6aeb40ee1df4'
                    }
                    'src_server_rest_setup-api_ts': {
                        table: 'sys_module'
                        id: '72a9b81f24f84eb487ea547c428ce1fa'
                    }
                    'src_server_ui-actions_validate-all_ts': {
                        table: 'sys_module'
                        id: 'b6d73bea695f42b088d86d3e3b9f8cef'
                    }
                    'src_server_ui-actions_validate-jira-connection_ts': {
                        table: 'sys_module'
                        id: '72d535c50b2b4460bedb7923564effb2'
                    }
                    'validate-all-health-list': {
                        table: 'sys_ui_action'
                        id: '940709547023409cb06801c5352113d2'
                    }
                    'validate-all-jira-alias': {
                        table: 'sys_ui_action'
                        id: '500b12c55ec9498bab02089f085b9b3d'
                    }
                    'validate-jira-alias': {
                        table: 'sys_ui_action'
                        id: 'a2e576a122c2462e8481a5b886c573c6'
                    }
                    'validate-jira-connection': {
                        table: 'sys_ui_action'
                        id: 'a01c5b7a7ffd48ef81626fdc48e47a59'
                    }
                    'validate-jira-from-runs-list': {
                        table: 'sys_ui_action'
                        id: 'dff2067c4381404886e8012f40331d20'
                    }
                    'validate-jira-oauth-credential': {
                        table: 'sys_ui_action'
                        id: '0e243b5f1e2b4cb58681b53cc08fc1d1'
                    }
                    'validate-jira-run': {
                        table: 'sys_ui_action'
                        id: 'bbb2df17a66d4543a19dea5460207cb8'
                    }
                }
                composite: [
                    {
                        table: 'sys_dictionary'
                        id: '004ceadddff34925bd7bce9a90aebacc'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '00edadb6e2c544299b0cf105fd7bac1b'
                        key: {
                            document_key: '1eb267e30b0646dc897976f138fd1fbf'
                            variable: '71aa7f6647032200b4fad7527c9a719b'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '0138a5a9dc1143bfb33cb61aeeb9238f'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '017533dade1544b69296e612ec9caad2'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'access_expires'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '01c76138b9ae497482b9598dd93e74d3'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'verdict'
                            value: 'warn'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_hub_action_status_metadata'
                        id: '02194d135a9b4efd92ff41b4766c6ff6'
                        key: {
                            action_type_id: 'babda7cf1cb74e1081b84e0ed49734a3'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '03c8c1a7e21c41ee862eac857b3c67f6'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'subject_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '05e1c60b77fd460b817c019ae801845b'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_fix'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '06d484ded7914213b8baf24c3f717e54'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'new_value'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '07339d61d7ba490b948f1cae7c3ba035'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'kind'
                            value: 'change'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '07936dbd99904b179aa5b56819ff8466'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'summary'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '0897c926ac144586bee4722a12bbc3b0'
                        key: {
                            sys_ui_action: 'a2e576a122c2462e8481a5b886c573c6'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '094e1fe0d90f468da1e0af2238c797f5'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'credential_kind'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0b1d5f6c33524c1cba186ca16941f18d'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'subject_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '0b8a7bf3d1294414b9b41c97f1fd8cb4'
                        key: {
                            name: 'x_jira_connect_validation_run'
                        }
                    },
                    {
                        table: 'sn_glider_source_artifact_m2m'
                        id: '0cd4778b9c8e4ac0aface2ea1634b71f'
                        key: {
                            application_file: '41bade295b7b4cf495476127e3ce3476'
                            source_artifact: '8460102964d84d1abcd75319afec5171'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '0dfcbbc59bf845b795c3ae43b8fc2490'
                        key: {
                            document_key: '081bd43ba36e4b32b8ec02ae7a0f856a'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sn_glider_source_artifact_m2m'
                        id: '0eb6c266c4034d228321bad355dd9839'
                        key: {
                            application_file: 'e8cc9de2a5334694af5bf5ed3417fbc3'
                            source_artifact: '8460102964d84d1abcd75319afec5171'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '0f6eb06e555643d09419b6905b00e767'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'field_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '10519b23c06a4d408b36137daf7e3933'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'jira_account_type'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '11a4ab2e82ce42ccba4ad45b40eaf9f2'
                        key: {
                            model: 'babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'warning_count'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '128c5d212c9041489f68605c597f7004'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'api_token_marker'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '131246afedde419aae38297543c51454'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'inbound_json'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1417354e24904412a775aadabbc59a89'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'credential_kind'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '14999c52143e4b28a7be6da1a4391eeb'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'auth_standing'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '15df99de4a9b4905b3c9b285ca36c1c8'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'subject_sys_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '168cacdaa18e4f7289165f4087351c7d'
                        key: {
                            sys_ui_action: 'bbb2df17a66d4543a19dea5460207cb8'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '17dbfa569f744bae967f1524334c1840'
                        key: {
                            name: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'failing_checks'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '19eda0741fb64ec4865bd781640358d4'
                        key: {
                            document_key: '964dcbaec17a493990c1baf1eedd86d9'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1a8d0672c1f2490f89e36670f3a0a48f'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_keep_alive'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1ae96b12bb214267a4f9d9d150642149'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_window_s'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '1b597d0678914d01b21ba76a30069e6d'
                        key: {
                            field: 'failing_checks'
                            table: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            id: 'babda7cf1cb74e1081b84e0ed49734a3'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '1b5b3bbfacbb40cbb56f63ff669ff66c'
                        key: {
                            model: '1eb267e30b0646dc897976f138fd1fbf'
                            element: 'summary'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '1b6fc8206394477aa46bc07c2e3ebddd'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict'
                            value: 'healthy'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1d676c6f578549a1bec16946fbca53dd'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_reason'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '1dcb65183f014cdda7715741eb3e065a'
                        key: {
                            document_key: '80d63f3685334a8cb314c87e2a552d1d'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1e23b6a60950444d8561b87bad93eb0d'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'calls'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1e2e8b12938c4672ab236f978c6b5bc3'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'api_token_age_days'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '1e8767fbcad5498b9cb3f3013ad7916c'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'kind'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '1ec5f4c0f1e949e69380c05862f0664c'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'batch'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '1f48fe03c5114c6087484798519b5a51'
                        key: {
                            sys_ui_action: '940709547023409cb06801c5352113d2'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '200fe2eb316e4e178df38aedcf6889bd'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'capability_note'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '209d72761a814808b8eb734368349363'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'target_table'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2114b95c01d1431bbc4c4ecc53c37f37'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'run_by'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '21cc7616f57042d7b64cbaecc88502df'
                        key: {
                            field: 'connection'
                            table: 'var__m_sys_hub_step_ext_input_1eb267e30b0646dc897976f138fd1fbf'
                            id: '1eb267e30b0646dc897976f138fd1fbf'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '222e8a8f5b2d401f812b37aa847a839f'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'capability_note'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '22a436a71fd54605ad632cb33d649d05'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'expires'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2413a81e02d0465aa4941720936bf417'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'alias_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '249d84cebc5b4342917a4bef2a380628'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'trigger'
                            value: 'flow'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '24e6336798494aa1acde5a0584597c99'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict'
                            value: 'warning'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '25fd1eab0b6c46a4a38a51705140e356'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'operation'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '27e83d46b727449c84834795f3ce1e3e'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_seen'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '29ea95d8fc8b4a23ac2fe3bb3b886b65'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict'
                            value: 'broken'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '2b06bddd70914379a0bb4ad2cfd156ac'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'subject_sys_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '2f6bbc2dbaeb4e3e82f4757e904ecec5'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'api_token_set_on'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '2fdf878f727c4c91933ce0fc6aa29d66'
                        key: {
                            sys_ui_action: 'a01c5b7a7ffd48ef81626fdc48e47a59'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '31c4a287e492420f90d5c6aba5e2aa37'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'run_by'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '31c965be43e648fcae1f0792dacb76bf'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'verdict'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '32901ca6f06d45daab8777a4664a094b'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'document_key'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '32e70b85422b414abb3ad0355171e4e3'
                        key: {
                            document_key: 'a398b97fe18c4c66979af34d606dac72'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '33390f1e642f47d7a13ada384331fba7'
                        key: {
                            field: '__action_status__'
                            table: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            id: 'babda7cf1cb74e1081b84e0ed49734a3'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '3359d572336247d7b90ba7798de01dff'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'verdict'
                            value: 'fail'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '354bcfd35ecb40719b97e3e078c5da6a'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict_rank'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '3565a090fb2646d2ac1a9901884df40c'
                        key: {
                            sys_ui_action: 'a2e576a122c2462e8481a5b886c573c6'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '38e48dbe6f0a4f728683a4d581390cf3'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'auth_standing'
                            value: 'standing_scoped_token'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '39665bf419a74e948246256f918ac3aa'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_run'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '39dd3ca2f731463d99044829b06f9a6a'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_success'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '3b18e7b256de4aa9a5803a75b1d3dce1'
                        key: {
                            sys_ui_action: 'bbb2df17a66d4543a19dea5460207cb8'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '3b414ba0d0444c4c9b0ca87297bc92b4'
                        key: {
                            model: '1eb267e30b0646dc897976f138fd1fbf'
                            element: 'failing_checks'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3bf22b6090fb4ccf8a0d2077411a0cca'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict_rank'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3c2ad75c5ab247d7a6c6593db2abbd81'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'jira_account_id'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: '3e0b26cb42344fbdb24e66f320e91438'
                        key: {
                            model: 'babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'connection'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '3e1bec23741f42738596f3d5de584487'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '3fab1686f8ce42d0a516301958ab4d16'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'not_checked_reason'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '40394b7e75d54011b30af69d501658a9'
                        key: {
                            sys_security_acl: '102c52eb0dcf41e893f67cc027fbcc0c'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '4151a6f51f764068b37015229f1508f7'
                        key: {
                            model: 'babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'run'
                        }
                    },
                    {
                        table: 'sys_ux_lib_asset'
                        id: '41bade295b7b4cf495476127e3ce3476'
                        key: {
                            name: 'x_jira_connect/main'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '41da139bb1b047828f65ae20e39148cd'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '43d5558c86a1433baa08d570158ecde2'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'field_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '44a91409e01844d5860517823fc94cb5'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'table_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '44b78a5b0f974e27b21b3f18b0f3b27e'
                        key: {
                            document_key: '80d63f3685334a8cb314c87e2a552d1d'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '463edddb36164b25b326f24e7357a746'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'trigger'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '472891b711a6437bb0aa4f4fd2d04df5'
                        key: {
                            sys_ui_action: '500b12c55ec9498bab02089f085b9b3d'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '47ec309669d646b3b069605400064ec4'
                        key: {
                            sys_ui_action: '0e243b5f1e2b4cb58681b53cc08fc1d1'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '4a4f58509bcb4abbb409c5e1044ebd08'
                        key: {
                            model: '1eb267e30b0646dc897976f138fd1fbf'
                            element: 'run_url'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '4a67f551ce6044488589e87480c05447'
                        key: {
                            sys_ui_action: 'a01c5b7a7ffd48ef81626fdc48e47a59'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4ac23117ab1b4411804d66f9bb14ea32'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'kind'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '4c5c0aed9869408a9a6cc1958cb78b25'
                        key: {
                            sys_security_acl: '4bf36689c4a844869c66a576b3e9c8c7'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4d35729b23264a1d80e1f6c04f3627f3'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'credential_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '4deadd8e0bb8446c8d1cb252f14784e7'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_checked'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '4ee8d06d159d4a399e6b00d7e99b55e3'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_success'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '513f3f856ee14b24b6a9427cf165a0c3'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_failure'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '51ab466a2e434e269d7001bf2461c273'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'trigger'
                            value: 'on_demand'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '52aa2c906626496581cd12af75a7e4d4'
                        key: {
                            document_key: 'a398b97fe18c4c66979af34d606dac72'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '531c90f01d20476a9dee665d2507325d'
                        key: {
                            name: 'x_jira_connect_validation_run'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '533968edf29c4301b8f20390f4cee8b8'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'not_checked_reason'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '55b9127d97424caf9da4f2ab65746fba'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'new_value'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '561b1482f2d842f0aebcaa7c31854c7c'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'inbound_json'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '567080f2aad04acaab4594be6be35225'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'jira_account_type'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '569e919402d449b89ab3d29758bb45ae'
                        key: {
                            document_key: '081bd43ba36e4b32b8ec02ae7a0f856a'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '5771e0deee2b4d81944f161f1a9c284e'
                        key: {
                            field: 'run'
                            table: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            id: 'babda7cf1cb74e1081b84e0ed49734a3'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '582743ae74844ee383d3d789ee83ea29'
                        key: {
                            sys_ui_action: '500b12c55ec9498bab02089f085b9b3d'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '59fb1094502a440dac0429a221a11443'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'failed_count'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '59fe77076b1243f59ccb5648b0372aba'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_finding_code'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5a11b7edf2d148ed8383a5700799833f'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'auth_standing'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5a9ca43767864840a1772a88f4d9215b'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5acd88356649472c8ee1a25f4626897e'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'auth_standing'
                            value: 'standing_spoke_3lo'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '5aeacaf9349c4451ae7ba70f2e89d35b'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_keep_alive'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '5be9c102f050404da39c17e3401f6763'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'trigger'
                            value: 'scheduled'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5cf68751dc89432d89deb88e175a2d0b'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'next_expiry_what'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5db66c6261ea4ef4b710e277c048645a'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'api_token_alert_deadline'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '5e3acc448f4140878f9b671dde5b6a8c'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_near_limit'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: '5ec05380bca849128ad2b376e11b0316'
                        key: {
                            model: '1eb267e30b0646dc897976f138fd1fbf'
                            element: 'verdict'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '600de43bf0a04beca5248e7c973766fd'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'capability_json'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '6012f5f3132a40888ea0e6293275d23b'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'jira_account_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '6023296e91c846079e35691bd796e0f3'
                        key: {
                            document_key: '80d63f3685334a8cb314c87e2a552d1d'
                            variable: '02fb0027531000109e02ddeeff7b120b'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '602e0bd459b944cf81b042aca5d8d291'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'old_value'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '6072122468cf476db0b21ce6e6b06e21'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'verdict'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '60acffb7b2a44b92a3a829a9bc4ad499'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'report'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '62a30e328b074a0cb34f94a4719119e2'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '62fb2d1d435c41e9847d19759d56d983'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'refresh_alert_deadline'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '64330371ce584949872a42254b88d1fb'
                        key: {
                            document_key: 'a5e557b7257a46c99ea1b856ff9f5334'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '66d7f7697c74451783598e7ccd74c8c7'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'jira_account_type'
                            language: 'en'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '6701bf9720564e01be3c264d8f8580f5'
                        key: {
                            name: 'x_jira_connect_connection_health'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: '6ae650fd2f7f4f0c8336dc4ceaeac273'
                        key: {
                            sys_ui_action: '940709547023409cb06801c5352113d2'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '6c9ff82762f147c8a2e6a58ce06b9899'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'target_sys_id'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '707f5b6d766a454cbe296c4fc407b858'
                        key: {
                            document_key: '964dcbaec17a493990c1baf1eedd86d9'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '711ddb904c4a43f7a9ebb2e21470027c'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_run'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '71dfdb46e6fd4e18b11e23ff31187141'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'verdict'
                            value: 'pass'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7260dc72e0af41c685445e16ba7eb942'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'auth_standing'
                            value: 'standing_own_3lo_app'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '76fda28f1ce741f0b8454fd5ffd004ad'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'not_checked'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '77ee73d4a041411da05014c1abdc43c8'
                        key: {
                            sys_security_acl: '102c52eb0dcf41e893f67cc027fbcc0c'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '79e4771b17e74d30ab672bd4f34753cd'
                        key: {
                            name: 'var__m_sys_hub_action_input_babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'connection'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7be3d75e837246919a22b0a093ef9363'
                        key: {
                            name: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            element: '__action_status__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '7c1b62b34ac44be695b11b52997a502e'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_left'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7c81376e956b48ae9d9d37a95a10d719'
                        key: {
                            name: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'failed_count'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7cdbe22139ce4f55b94cc2f0fccb1901'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_window_s'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7d6df605431c4be8b08322561b321751'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_limit'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '7dabcd5df0b9479eb9485bbd56cf82e4'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'keep_alive_result'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7e6aa6c0d93349d8b3a3509130d8f0d4'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'auth_standing'
                            value: 'standing_service_account'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '7eaa5039a0d14d5eb4787e76461c7dcb'
                        key: {
                            sys_security_acl: '2b2e182b58fa400f8414b611a7a2e8e0'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: '7ede8ab94f744a2298111b34d626b549'
                        key: {
                            name: 'x_jira_connect_setup_change'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7f2a4c5a53194daca6725e6a964a967b'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'trigger'
                            value: 'manual'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '7fff2aefc9284627a2964a473cfa9584'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'kind'
                            value: 'run_lock'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8060214877f94da88ce824ee54f2ef6a'
                        key: {
                            document_key: 'a398b97fe18c4c66979af34d606dac72'
                            variable: '02fb0027531000109e02ddeeff7b120b'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '81c8a1e29e9e45e4addf3253590ce268'
                        key: {
                            field: 'script'
                            table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a'
                            id: '43579eaacc424ab2bea5e6c507536330'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '823f38eb063447bfbdb065097cf93128'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'credential_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8244be9deb59453c938c4e344ddb85a8'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'checks_json'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '83f7e9176a2e4bdf9eb2682cc5e0af43'
                        key: {
                            document_key: 'ec6d95aea736402ea977a7a188855429'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sn_glider_source_artifact'
                        id: '8460102964d84d1abcd75319afec5171'
                        key: {
                            name: 'x_jira_connect_setup.do - BYOUI Files'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '85e7e3593cd04b58b8ea429aefcfcf60'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_seen'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '861af5a541794c0f8a9074953cb1ca58'
                        key: {
                            field: 'script'
                            table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a'
                            id: 'a5e557b7257a46c99ea1b856ff9f5334'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '865e276681244e8aaa6533203cc839eb'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_finding'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '891fa39fab19457da0849d5152f3d716'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'api_token_set_basis'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '89524d58b7e540dbbfb4a774852848b1'
                        key: {
                            sys_security_acl: '1e4e7be970bc4d589c8a4a8ac11a4588'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '89a074efd9ae4da698c3bf5a43e9ebfd'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'inbound_json'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8a2836717fa2406fa858766b83571b53'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'batch'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8a483a1b834b4e5f82513600ca65c2ae'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '8ae3bf3120d546768f36c211e979bc40'
                        key: {
                            document_key: '43579eaacc424ab2bea5e6c507536330'
                            variable: '42f2564b73031300440211d8faf6a777'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '8c717e906bb44452be8826e35d672551'
                        key: {
                            name: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'summary'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: '8d23e64685304ac683dfbecd8e7c63bb'
                        key: {
                            field: 'warning_count'
                            table: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            id: 'babda7cf1cb74e1081b84e0ed49734a3'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8d9bba832c95411e8e5f6f90c256c47a'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'next_expiry'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '8de7cd6079d240948da0e2a2c7a94452'
                        key: {
                            sys_security_acl: '4bf36689c4a844869c66a576b3e9c8c7'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: '8dec1c78fa314d85ac0c814de7d90d9e'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'kind'
                            value: 'lock'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '8e720dd38d0b4bd79beb7da0c571af00'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'auth_standing'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '8f6f38f2c0ac4f6e9dcc096f10c08413'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'warning_count'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '92f814d4c42c43e88eeeac7fcc781bd6'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'record_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '930fd02801af458ba03812a02b3c94bf'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'refresh_expires'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '934c14ee3ab24b5daba712a142280a0d'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'trigger'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '954a8bcbd8b6490c9a485e0e801e5ecd'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'capability_json'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9556e4d3bcf643d68e6aa7da1668d951'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'keep_alive_result'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '96ae14a298f84c13b5e274d40f8b0e1c'
                        key: {
                            name: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'verdict'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '97e00168e4014e7eaaa8c3f94657d591'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'inbound_json'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '980965a0b46746b690a61b9eac9cd2bf'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'trigger'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '99451bb0054644ea8eb57493e3df4554'
                        key: {
                            document_key: '43579eaacc424ab2bea5e6c507536330'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_choice_set'
                        id: '99834af424104762b15dc8b900f29429'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'kind'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: '9c5a09eafb9e41aebcd334dad1c83826'
                        key: {
                            model: 'babda7cf1cb74e1081b84e0ed49734a3'
                            element: '__dont_treat_as_error__'
                        }
                    },
                    {
                        table: 'ua_table_licensing_config'
                        id: '9cbb4c3990804be6957250cb6be41f74'
                        key: {
                            name: 'x_jira_connect_setup_change'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: '9d2818b2f5384c6c81ab087da4e16d42'
                        key: {
                            document_key: '964dcbaec17a493990c1baf1eedd86d9'
                            variable: '02fb0027531000109e02ddeeff7b120b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: '9d59ef6a443d4aa59ddeb5f525912b5a'
                        key: {
                            name: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'run'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: '9d9e4471c8d44b38ad359d3e1a49dde1'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'capability_checked'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: '9f5ab17a880a403897b5263582a40fa2'
                        key: {
                            sys_security_acl: '40a44749f2d347d597b7178ae503e60d'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a03995fb49514c22b5ce486f67656725'
                        key: {
                            document_key: '081bd43ba36e4b32b8ec02ae7a0f856a'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a138f19f795d4eefbfa53e10084ec73b'
                        key: {
                            document_key: '964dcbaec17a493990c1baf1eedd86d9'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'a1f938f514294e04b9d7a1377ed277e1'
                        key: {
                            sys_ui_action: 'dff2067c4381404886e8012f40331d20'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a227aeda76994e6a936172a05a985111'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'credential_kind'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_user_role'
                        id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                        key: {
                            name: 'x_jira_connect.admin'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a3792db6aac34633baedcb8e39f28db1'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'a4b2a67eee1447ad9f4ecf885a5dde3f'
                        key: {
                            model: 'babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'summary'
                        }
                    },
                    {
                        table: 'sys_hub_action_input'
                        id: 'a55f03e38be749d4bc2d3a19d3b689fa'
                        key: {
                            model: 'babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'connection_alias'
                        }
                    },
                    {
                        table: 'sn_glider_source_artifact_m2m'
                        id: 'a66ecc00c6df4f02ad545ffb6f48fdf8'
                        key: {
                            application_file: 'e8fd3cc7c3ec46caadcb043ca9f3e25d'
                            source_artifact: '8460102964d84d1abcd75319afec5171'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'a6c37e131708426cbece6e4808c36a9a'
                        key: {
                            model: '1eb267e30b0646dc897976f138fd1fbf'
                            element: 'connection'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'a72159b5c5094f408445f930acf8eaaf'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'auth_standing'
                            value: 'standing_classic_token'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a7237b9ce5ed492fbfead300a11dee9a'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'next_expiry'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a771c1ba2de34d8b96fded87733f666a'
                        key: {
                            document_key: '1eb267e30b0646dc897976f138fd1fbf'
                            variable: '74315b04b3201300176b051a16a8dc2b'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a7b6db9f0ec848edab841df91457f85c'
                        key: {
                            document_key: '80d63f3685334a8cb314c87e2a552d1d'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'a8444181877343048c577432e9cd17e7'
                        key: {
                            document_key: 'a398b97fe18c4c66979af34d606dac72'
                            variable: '915990ab531000109e02ddeeff7b12f8'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'a8bda61833b745eea82c855593423997'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'report'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'aa06e07d68ba433fa137a8853f4cb572'
                        key: {
                            sys_ui_action: '0e243b5f1e2b4cb58681b53cc08fc1d1'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'aa8166967c0d4e479e2816c8bf8225cf'
                        key: {
                            model: '1eb267e30b0646dc897976f138fd1fbf'
                            element: 'run'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'aabf7488c0b64c6a8939b507675dd03f'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'operation'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'ab8c4fa351b243d091beeb74ddfccc5f'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict'
                            value: 'not_checked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'acad690b25b64c03b831004a4b8c278c'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'keep_alive_count'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'adebf76b63b2478983e6e7018a6a9a3f'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict_since'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ae30176a42d847dabecfc843b9cbf6a8'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'subject_table'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'afa3f5568fb54ead99e58fc4ead8c6f1'
                        key: {
                            model: '1eb267e30b0646dc897976f138fd1fbf'
                            element: 'warning_count'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'afbf6f1a54684c87b5a0e54200f5a6c1'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict_since'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b208611ce6a242409e13212130929a82'
                        key: {
                            sys_security_acl: '37735bb18be141bba904af50763ede3b'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'b297f41cb8ca4cb3bf311448d59844cf'
                        key: {
                            document_key: 'ec6d95aea736402ea977a7a188855429'
                            variable: 'b86c0427531000109e02ddeeff7b1227'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'b29e3a271dae4ae38b680ac900368676'
                        key: {
                            field: 'failed_count'
                            table: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            id: 'babda7cf1cb74e1081b84e0ed49734a3'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_output'
                        id: 'b44be46684cd4325ad7b5688be1f630c'
                        key: {
                            model: '1eb267e30b0646dc897976f138fd1fbf'
                            element: 'failed_count'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b4b9e14cd94441279a37578f6d86ad3b'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'failed_count'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'b4d436b255ff4033b1cfc6646af2552c'
                        key: {
                            sys_security_acl: 'b875aaf2ba32418db2b383d93c906c09'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b53e8afc80814b8fa8dfc187eca4e5fe'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'credential_kind'
                            value: 'other'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b5eaf87171684114bdc2d8fc92fd4a88'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'checks_json'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b6aef3173bbe49bea9d1c619657a0620'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'table_name'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'b7ae0e8ccb1c4f2989e666372e2a73db'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_reason'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'b8465bb7944a4672856adc43b7a11bfd'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict'
                            value: 'not_configured'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_hub_step_ext_input'
                        id: 'b94f068a2efd4a6c9a4cc916240ca8aa'
                        key: {
                            model: '1eb267e30b0646dc897976f138fd1fbf'
                            element: 'connection_alias'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'baf55a589abe43bebcdf32bdd5cdfdc6'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'jira_account_id'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'bb7ef18a83a4483cb42c069155f0a676'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'NULL'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_db_object'
                        id: 'bb8e7ba6c22448818c17fc510040a4de'
                        key: {
                            name: 'x_jira_connect_connection_health'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'bcf213c292bd409799f848166a9d2055'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_fix'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'bd6993453c3643329e6d5928beb14897'
                        key: {
                            field: 'summary'
                            table: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            id: 'babda7cf1cb74e1081b84e0ed49734a3'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'bf53da12f20941fa86af784c5104aaea'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_failure'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'bf95d469e93b40948dccc8203dccd0ee'
                        key: {
                            field: 'verdict'
                            table: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            id: 'babda7cf1cb74e1081b84e0ed49734a3'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c3971f98556c4a69ac2c5c95c19bea30'
                        key: {
                            sys_security_acl: '43204a4b41c948debae5b0a4f0f40e15'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'c46a0d92b49c4ddfbcb3951e8242c4d4'
                        key: {
                            model: 'babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'run_url'
                        }
                    },
                    {
                        table: 'sys_security_acl_role'
                        id: 'c4872ecf2db44f12a82e69702c432bf5'
                        key: {
                            sys_security_acl: '568343934a3341d3932a0240a85767d3'
                            sys_user_role: {
                                id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                                key: {
                                    name: 'x_jira_connect.admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c562dbce420b488f94099020eba7f84f'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'target_name'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c70c143c843b4fd3be33b2cc8f6f2908'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'refresh_expires'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'c84b1c346c4f473aaef7f24851c5f55d'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'calls'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'c8534d3623a049d8ab592c17d3d8babd'
                        key: {
                            field: 'connection_alias'
                            table: 'var__m_sys_hub_step_ext_input_1eb267e30b0646dc897976f138fd1fbf'
                            id: '1eb267e30b0646dc897976f138fd1fbf'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'c88e514cfb284b90a66d3917ab9f903b'
                        key: {
                            document_key: 'ec6d95aea736402ea977a7a188855429'
                            variable: '02fb0027531000109e02ddeeff7b120b'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cc05cefbac2a4beda78cfb20095256a2'
                        key: {
                            name: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'warning_count'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cc2f21c11d084f99a2dded46d20586bc'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'api_token_marker'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cc87fc22be6b4ea18dcb310f1fd90d42'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'record_name'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'cca25f18e6f4421986e3acf36a43b89a'
                        key: {
                            model: 'babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'failed_count'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cd01538e38df464eb50cce12f97c5562'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'next_expiry_what'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'cdacbfb6ef474c40b54551a985e88528'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'verdict'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_status_condition'
                        id: 'cdf4181178f440988ff0ec624c6d9443'
                        key: {
                            action_status_metadata_id: '02194d135a9b4efd92ff41b4766c6ff6'
                            order: '1'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cef4a5f8eed7480086ff9494a263e20a'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'not_checked'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'cf774c09efc641c2adcd573971dc6750'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'access_expires'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd014dec514184944a46d50e0af5678b2'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'consent_since'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'd31b999d74314aab831af84f5a745312'
                        key: {
                            document_key: 'ec6d95aea736402ea977a7a188855429'
                            variable: '78b8d86b531000109e02ddeeff7b12f3'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'd4029afda334496e94f00c0ecf15b8b6'
                        key: {
                            model: 'babda7cf1cb74e1081b84e0ed49734a3'
                            element: '__action_status__'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd5f9f3a445f648438d6dc16a05bd6735'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'keep_alive_count'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd742a1f192fa4762a6f5dbaca5ef51d9'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'target_table'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd810432c6f194da59ecd8dbd3ad589b5'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'subject_table'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'd9502e49782945988c56dc7a1b52d3ad'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_finding'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'd9c4bee9020b435ca29922dcdac7b025'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'jira_account_type'
                        }
                    },
                    {
                        table: 'sys_ui_action_role'
                        id: 'dac30c7226b941518b088953e59ebb61'
                        key: {
                            sys_ui_action: 'dff2067c4381404886e8012f40331d20'
                            sys_user_role: {
                                id: 'c0024b69a0304dd9926a616a740dc7ad'
                                key: {
                                    name: 'admin'
                                }
                            }
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'dbb0113cac794bf4bbac70362b68865b'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'old_value'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'dc52348c560147798439d48d6bf9f8d9'
                        key: {
                            document_key: '081bd43ba36e4b32b8ec02ae7a0f856a'
                            variable: '02fb0027531000109e02ddeeff7b120b'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'de00ddc1852f49c781f1cc4870f8c71d'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_near_limit'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'debeef669dd0493b809f569b5e04c117'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'api_token_set_basis'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_element_mapping'
                        id: 'ded565bd93cb46ccb1bee37dd7d88d26'
                        key: {
                            field: 'run_url'
                            table: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            id: 'babda7cf1cb74e1081b84e0ed49734a3'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e01401ee83ab452ea9f75d59992692ab'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'summary'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e0d8f3d389c04d8aa1be0eb0341ab347'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'jira_account_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'e31dfd56d8a6441590ac3e9d21b536e4'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'credential_kind'
                            value: 'oauth2'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e3e7ecac0d8847e990a1eeb6c0c2e043'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_checked'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e46fd2f3d6c646c8a8ce9708fcb38452'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'api_token_age_days'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_variable_value'
                        id: 'e4dd08add65247faa6ebd60f9d0ee891'
                        key: {
                            document_key: 'a5e557b7257a46c99ea1b856ff9f5334'
                            variable: '989d9e235324220002c6435723dc3484'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'e7f35c44152c4e97b067618e9eed73a5'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'alias_name'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e843d5b1ac8b4641905a52e57020d878'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_left'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'e88d18f1adbb4b92af0bffff41877d28'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'capability_checked'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_ui_page'
                        id: 'e8cc9de2a5334694af5bf5ed3417fbc3'
                        key: {
                            endpoint: 'x_jira_connect_setup.do'
                        }
                    },
                    {
                        table: 'sys_ux_lib_asset'
                        id: 'e8fd3cc7c3ec46caadcb043ca9f3e25d'
                        key: {
                            name: 'x_jira_connect/main.js.map'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'eaef4134909949e9b2fce18277ca2a7c'
                        key: {
                            name: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            element: '__dont_treat_as_error__'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ebf5f9cbf9ef433dac26719dbd132b41'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'quota_limit'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ec7dead34d7d4526bd14f57c9c384d1e'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'consent_since'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ecb9d1c5f42748c48eafa6cae7904ff4'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'expires'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'edb84409d2974c2d96b55a447a1bcb28'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'auth_standing'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'ee51c2d7f86f46c88d366fb58f9ec1a6'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'duration_ms'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'ee82bc37521942c384cd09115dfb3af5'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'last_finding_code'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'f1d5b484eba644a8be00c8fc9153e02a'
                        key: {
                            model: 'babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'failing_checks'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f3c13b72e3ff46549e2a29c004f6f7de'
                        key: {
                            name: 'x_jira_connect_setup_change'
                            element: 'document_key'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f444cee33328497b8bed3ed877f23a87'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'duration_ms'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'f5181169731e43c397b12072a8f32d45'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'credential_kind'
                            value: 'basic'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'f638c7ad6b5344299cfc92f483a594d0'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'target_sys_id'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_hub_action_output'
                        id: 'f7ad23fd0dee4b758beb7bf4aad31455'
                        key: {
                            model: 'babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'verdict'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f7f7ce17b598401d8bad39d3966b0680'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'api_token_set_on'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'f9b3dcbacd3b4cf59682a31e4c818ee8'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'api_token_alert_deadline'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fb54e6f7baf146468d0b17da4193025c'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'target_name'
                        }
                    },
                    {
                        table: 'sys_choice'
                        id: 'fbb12c18eb5c4d5daa9d913d157cefa7'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'verdict'
                            value: 'no_longer_checked'
                            language: 'en'
                            dependent_value: 'NULL'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fbfba4a264c546e7bb99960627b294a3'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'refresh_alert_deadline'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fc294aa2f62440e585dffdff4a4e2d99'
                        key: {
                            name: 'x_jira_connect_validation_run'
                            element: 'warning_count'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fc3ace68807647d69c6303a8ac6bc9da'
                        key: {
                            name: 'var__m_sys_hub_action_input_babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'connection_alias'
                            language: 'en'
                        }
                    },
                    {
                        table: 'sys_dictionary'
                        id: 'fd8fbbd6b76f47909911f48f7ca37f05'
                        key: {
                            name: 'x_jira_connect_connection_health'
                            element: 'auth_standing'
                        }
                    },
                    {
                        table: 'sys_documentation'
                        id: 'fdf2c542977a4c40a26ef494ed2ee923'
                        key: {
                            name: 'var__m_sys_hub_action_output_babda7cf1cb74e1081b84e0ed49734a3'
                            element: 'run_url'
                            language: 'en'
                        }
                    },
                ]
            }
        }
    }
}
