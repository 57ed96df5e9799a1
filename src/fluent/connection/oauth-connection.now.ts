import { Record } from '@servicenow/sdk/core'
import { ATLASSIAN, CLOUD_ID_PLACEHOLDER } from '../../server/core/atlassian'
import { jiraOAuthProfile } from '../oauth/profile.now'
import { jiraAlias } from './alias.now'

/**
 * The OAuth 2.0 credential and HTTP(s) connection of the seed doc ("Create credential record", "Create a connection
 * record"). installMethod 'first install': they load only when the app is first installed, so an upgrade never
 * overwrites the cloud id, activation or token state an admin has set. Record() applies no platform defaults, so the
 * fields the form would default are set here.
 */
export const jiraOAuthCredential = Record({
    $id: Now.ID['jira-oauth-credential'],
    $meta: { installMethod: 'first install' },
    table: 'oauth_2_0_credentials',
    data: {
        name: 'Jira Cloud OAuth Credential',
        active: true,
        oauth_entity_profile: jiraOAuthProfile,
        applies_to: 'all',
        order: 100,
        integration_type: 'system',
    },
})

export const jiraOAuthConnection = Record({
    $id: Now.ID['jira-oauth-connection'],
    $meta: { installMethod: 'first install' },
    table: 'http_connection',
    data: {
        name: 'Jira Cloud OAuth Connection',
        active: true,
        connection_alias: jiraAlias,
        credential: jiraOAuthCredential,
        // Placeholder on purpose: the validator reports it until the admin puts in the site's cloud id.
        connection_url: `${ATLASSIAN.apiGatewayUrl}/ex/jira/${CLOUD_ID_PLACEHOLDER}`,
        url_builder: false,
        use_mid: false,
        mid_selection: 'auto_select',
        connection_retries: 0,
    },
})
