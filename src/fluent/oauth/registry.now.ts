import { Record } from '@servicenow/sdk/core'
import { ATLASSIAN } from '../../server/core/atlassian'
import { oauthJiraCloudUtil } from './api-script.now'

/**
 * Application registry "Jira Cloud OAuth" (third-party OAuth provider), field values from ServiceNow's
 * "Create an application registry in ServiceNow instance" (seed doc).
 * client_id and client_secret are deliberately absent: the admin pastes them after install, and an absent field is
 * neither shipped (no secret in the package) nor overwritten on upgrade. redirect_url is absent so the instance
 * generates https://<instance>.service-now.com/oauth_redirect.do.
 */
export const jiraOAuthRegistry = Record({
    $id: Now.ID['jira-cloud-oauth-registry'],
    table: 'oauth_entity',
    data: {
        name: 'Jira Cloud OAuth',
        type: 'oauth_provider',
        active: true,
        default_grant_type: 'authorization_code',
        auth_url: ATLASSIAN.authorizeUrl,
        token_url: ATLASSIAN.tokenUrl,
        refresh_token_url: ATLASSIAN.tokenUrl,
        // Atlassian's token examples post client_id and client_secret in the body.
        send_client_credentials_as: 'request_body_parameter',
        access_token_lifespan: ATLASSIAN.accessTokenLifespanSeconds,
        // Atlassian expires an unused refresh token after 90 days (not the platform's 100-day default).
        refresh_token_lifespan: ATLASSIAN.refreshInactivitySeconds,
        // Yokohama and later extend the stored refresh token's expiry on refresh only when this is true (default
        // false): without it the platform drops a daily-used token 90 days after Get OAuth Token (KB2132135).
        // Releases before Yokohama have no such column and always extend.
        extend_refresh_token_expiry: true,
        public_client: false,
        use_mutual_auth: false,
        oauth_api_script: oauthJiraCloudUtil,
        comments:
            'Shipped by Jira Cloud Connect. Paste the Client ID and Client Secret of your Atlassian OAuth 2.0 (3LO) \
app, then use Get OAuth Token on the "Jira Cloud OAuth Credential".',
    },
})
