import { Record } from '@servicenow/sdk/core'
import { ATLASSIAN, CLOUD_ID_PLACEHOLDER } from '../../server/core/atlassian'
import { jiraServiceAccountProfile } from '../oauth/service-account-registry.now'
import { jiraAlias } from './alias.now'

/**
 * Option 2's credential and connection (ServiceNow "Create credential record for the Jira spoke" and "Create a
 * connection record", jira-cc-cred.html / jira-cc-conn.html): an OAuth 2.0 credential on the service-account profile
 * and an HTTP(s) connection on the Jira alias with https://api.atlassian.com/ex/jira/<Cloud-ID>.
 * First install only, like the 3LO pair. Shipped inactive: the platform allows one active connection per alias and the
 * 3LO connection is the active one on a fresh install; the admin activates the one they use.
 */
export const jiraServiceAccountCredential = Record({
    $id: Now.ID['jira-service-account-credential'],
    $meta: { installMethod: 'first install' },
    table: 'oauth_2_0_credentials',
    data: {
        name: 'Jira Cloud Service Account Credential',
        active: true,
        oauth_entity_profile: jiraServiceAccountProfile,
        applies_to: 'all',
        order: 100,
        integration_type: 'system',
    },
})

export const jiraServiceAccountConnection = Record({
    $id: Now.ID['jira-service-account-connection'],
    $meta: { installMethod: 'first install' },
    table: 'http_connection',
    data: {
        name: 'Jira Cloud Service Account Connection',
        active: false,
        connection_alias: jiraAlias,
        credential: jiraServiceAccountCredential,
        connection_url: `${ATLASSIAN.apiGatewayUrl}/ex/jira/${CLOUD_ID_PLACEHOLDER}`,
        url_builder: false,
        use_mid: false,
        mid_selection: 'auto_select',
        connection_retries: 0,
    },
})
