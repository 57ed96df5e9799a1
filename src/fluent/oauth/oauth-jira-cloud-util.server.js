/**
 * OAuth API Script for the "Jira Cloud OAuth" application registry.
 *
 * Atlassian's authorize endpoint requires audience=api.atlassian.com and prompt=consent
 * (developer.atlassian.com, "OAuth 2.0 (3LO) apps", authorization URL parameters). Putting them into the registry's
 * Authorization URL produces a malformed URL with a second "?" (ServiceNow KB0786459), so they are added here, in the
 * hook the platform calls while it builds the authorization request. The name must start with "OAuth"
 * (ServiceNow docs, OAuthUtil script include).
 *
 * Token responses keep the platform's default parsing (OAuthUtil.postprocessAccessToken copies every JSON field,
 * refresh_token included), so the rotated refresh token Atlassian returns on every refresh is stored by the platform.
 */
var OAuthJiraCloudUtil = Class.create();
OAuthJiraCloudUtil.prototype = Object.extendsObject(global.OAuthUtil, {
    preprocessAuthCode: function (requestParamMap) {
        requestParamMap.put('audience', 'api.atlassian.com');
        requestParamMap.put('prompt', 'consent');
    },

    type: 'OAuthJiraCloudUtil',
});
