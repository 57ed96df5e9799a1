import { ScriptInclude } from '@servicenow/sdk/core'

/** The registry's OAuth API Script: adds audience and prompt=consent to the authorization request. */
export const oauthJiraCloudUtil = ScriptInclude({
    $id: Now.ID['oauth-jira-cloud-util'],
    name: 'OAuthJiraCloudUtil',
    active: true,
    // The platform's OAuth engine instantiates this from the global OAuth flow, so it must be callable from all scopes.
    accessibleFrom: 'public',
    callerAccess: 'tracking',
    description:
        'OAuth API Script for the Jira Cloud OAuth registry: adds audience=api.atlassian.com and prompt=consent to the \
authorization request (KB0786459).',
    script: Now.include('./oauth-jira-cloud-util.server.js'),
})
