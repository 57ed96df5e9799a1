import { RestApi } from '@servicenow/sdk/core'
import {
    getHealth,
    getSites,
    getState,
    postActivate,
    postHealth,
    postSiteConnection,
    postSwitchBack,
    postSiteLookup,
    postValidate,
    putApiToken,
    putOAuthClient,
    putServiceAccount,
    putSite,
} from '../../server/rest/setup-api'
import { setupApiAcl, setupWriteAcl } from './access.now'

/**
 * The setup assistant's API: /api/x_jira_connect/setup/<resource>. Authentication and the session's X-UserToken
 * (CSRF) are the platform's. Reading, validating and health: admin and x_jira_connect.admin (setupApiAcl); every
 * resource that changes the integration: admin only (setupWriteAcl). Each script checks the role again
 * (src/server/rest/setup-api.ts).
 */
RestApi({
    $id: Now.ID['setup-api'],
    name: 'Jira Cloud Connect setup',
    serviceId: 'setup',
    shortDescription: 'Setup assistant: save the Atlassian app credentials, pick the Jira site, validate.',
    consumes: 'application/json',
    produces: 'application/json',
    enforceAcl: [setupApiAcl],
    routes: [
        {
            $id: Now.ID['setup-api-state'],
            name: 'state',
            method: 'GET',
            path: '/state',
            enforceAcl: [setupApiAcl],
            script: getState,
        },
        {
            $id: Now.ID['setup-api-oauth-client'],
            name: 'oauth client',
            method: 'PUT',
            path: '/oauth-client',
            enforceAcl: [setupWriteAcl],
            script: putOAuthClient,
        },
        {
            $id: Now.ID['setup-api-sites'],
            name: 'sites',
            method: 'GET',
            path: '/sites',
            enforceAcl: [setupApiAcl],
            script: getSites,
        },
        {
            $id: Now.ID['setup-api-site'],
            name: 'site',
            method: 'PUT',
            path: '/site',
            enforceAcl: [setupWriteAcl],
            script: putSite,
        },
        {
            $id: Now.ID['setup-api-site-connection'],
            name: 'site connection',
            method: 'POST',
            path: '/site-connection',
            enforceAcl: [setupWriteAcl],
            script: postSiteConnection,
        },
        {
            $id: Now.ID['setup-api-site-lookup'],
            name: 'site lookup',
            method: 'POST',
            path: '/site-lookup',
            enforceAcl: [setupApiAcl],
            script: postSiteLookup,
        },
        {
            $id: Now.ID['setup-api-api-token'],
            name: 'api token',
            method: 'PUT',
            path: '/api-token',
            enforceAcl: [setupWriteAcl],
            script: putApiToken,
        },
        {
            $id: Now.ID['setup-api-service-account'],
            name: 'service account',
            method: 'PUT',
            path: '/service-account',
            enforceAcl: [setupWriteAcl],
            script: putServiceAccount,
        },
        {
            $id: Now.ID['setup-api-activate'],
            name: 'activate',
            method: 'POST',
            path: '/activate',
            enforceAcl: [setupWriteAcl],
            script: postActivate,
        },
        {
            $id: Now.ID['setup-api-switch-back'],
            name: 'switch back',
            method: 'POST',
            path: '/switch-back',
            enforceAcl: [setupWriteAcl],
            script: postSwitchBack,
        },
        {
            $id: Now.ID['setup-api-validate'],
            name: 'validate',
            method: 'POST',
            path: '/validate',
            enforceAcl: [setupApiAcl],
            script: postValidate,
        },
        {
            $id: Now.ID['setup-api-health'],
            name: 'health',
            method: 'GET',
            path: '/health',
            enforceAcl: [setupApiAcl],
            script: getHealth,
        },
        {
            $id: Now.ID['setup-api-health-check'],
            name: 'health check',
            method: 'POST',
            path: '/health',
            enforceAcl: [setupApiAcl],
            script: postHealth,
        },
    ],
})
