import '@servicenow/sdk/global'

declare global {
    namespace Now {
        namespace Internal {
            interface Keys extends KeysRegistry {
                explicit: {
                    bom_json: {
                        table: 'sys_module'
                        id: '7e42d9ca52f44281a2accd229093b817'
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
                    'module-alias': {
                        table: 'sys_app_module'
                        id: '27236080e3b14984916538167956f6c8'
                    }
                    'module-basic-credentials': {
                        table: 'sys_app_module'
                        id: '0c8985b5e0ee44f79ef8c7a8fad8ba80'
                    }
                    'module-connections': {
                        table: 'sys_app_module'
                        id: '99109d6b507f43e9a9f2cbfe13b0b1ca'
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
                    src_server_core_atlassian_ts: {
                        table: 'sys_module'
                        id: '14191ca2ff3447b9ad8be440ec017983'
                    }
                    'src_server_core_jira-scopes_ts': {
                        table: 'sys_module'
                        id: 'e4827a396d814bb3a65ccef047089890'
                    }
                    src_server_core_ports_ts: {
                        table: 'sys_module'
                        id: '0e859ab70e8c4cc6a9ab8add20bdfb5a'
                    }
                }
                composite: [
                    {
                        table: 'sys_user_role'
                        id: 'a2ea47aa1efa4e8b961c5af6551866ca'
                        key: {
                            name: 'x_jira_connect.admin'
                        }
                    },
                ]
            }
        }
    }
}
