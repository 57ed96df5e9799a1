/**
 * The global OAuth API Script an admin creates when the platform does not run the app's scoped OAuthJiraCloudUtil
 * (assumption A11: ServiceNow tells customers to clone OAuth/SSO script includes into the global scope, docs
 * hco-copy-script-include-global). The same text is in docs/oauth-api-script.md; tests check both, and run it.
 * Why the parameters: Atlassian's 3LO authorization URL takes audience=api.atlassian.com and prompt=consent
 * (developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/); putting them into the registry's Authorization URL
 * breaks it (KB0786459), so the OAuth API Script's preprocessAuthCode adds them. Its name must start with "OAuth"
 * (ServiceNow docs, OAuthUtil script include).
 */
export const API_SCRIPT_GLOBAL_NAME = 'OAuthJiraCloudGlobal'

/** Script include text to paste (Application: Global, Accessible from: All application scopes). */
export function apiScriptGlobalSnippet(): string {
    return [
        `var ${API_SCRIPT_GLOBAL_NAME} = Class.create();`,
        `${API_SCRIPT_GLOBAL_NAME}.prototype = Object.extendsObject(OAuthUtil, {`,
        '    preprocessAuthCode: function (requestParamMap) {',
        "        requestParamMap.put('audience', 'api.atlassian.com');",
        "        requestParamMap.put('prompt', 'consent');",
        '    },',
        `    type: '${API_SCRIPT_GLOBAL_NAME}'`,
        '});',
    ].join('\n')
}

/** The steps, as one sentence for a finding's fix (the script text follows it). */
export function apiScriptGlobalSteps(registryName: string): string {
    return (
        `In the Global application scope create the script include ${API_SCRIPT_GLOBAL_NAME} (System Definition > ` +
        'Script Includes > New; Name ' +
        `${API_SCRIPT_GLOBAL_NAME}, Accessible from: All application scopes, Active) with the script below, which ` +
        'adds audience=api.atlassian.com and prompt=consent to the authorization request; set ' +
        `OAuth API Script on registry "${registryName}" to ${API_SCRIPT_GLOBAL_NAME}, save, then Get OAuth Token ` +
        'again ' +
        '(docs/oauth-api-script.md has the same text). Script: ' +
        apiScriptGlobalSnippet()
    )
}
