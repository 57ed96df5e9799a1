import { Property } from '@servicenow/sdk/core'
import { ATLASSIAN } from '../../server/core/atlassian'
import { jiraConnectAdmin } from './roles.now'

const access = { read: ['admin', jiraConnectAdmin], write: ['admin'] }

/** Timeout for every outbound call the validator makes (RESTMessageV2.setHttpTimeout, token refresh). */
export const httpTimeoutProperty = Property({
    $id: Now.ID['property-http-timeout-ms'],
    name: 'x_jira_connect.http_timeout_ms',
    type: 'integer',
    value: 10000,
    description: 'Timeout in milliseconds for each call the Jira connection validator makes to Atlassian (default 10000).',
    roles: access,
})

/** Total time budget of one validation: once spent, remaining network checks are skipped and reported. */
export const validationBudgetProperty = Property({
    $id: Now.ID['property-validation-budget-ms'],
    name: 'x_jira_connect.validation_budget_ms',
    type: 'integer',
    value: 45000,
    description: 'Total time budget in milliseconds for one validation; checks that would start after it are skipped (default 45000).',
    roles: access,
})

/** Longest Retry-After (seconds) the validator waits once for a 429/503 before giving up. */
export const maxRetryWaitProperty = Property({
    $id: Now.ID['property-max-retry-wait-s'],
    name: 'x_jira_connect.max_retry_wait_seconds',
    type: 'integer',
    value: 2,
    description: 'A 429/5xx answer is retried once only if its Retry-After is at most this many seconds (default 2).',
    roles: access,
})

/** Atlassian API gateway: accessible-resources and /ex/jira/{cloudId}. Configurable for proxies and test emulators. */
export const apiGatewayProperty = Property({
    $id: Now.ID['property-api-gateway-url'],
    name: 'x_jira_connect.api_gateway_url',
    type: 'string',
    value: ATLASSIAN.apiGatewayUrl,
    description: 'Base URL of the Atlassian API gateway used for /oauth/token/accessible-resources and /ex/jira/{cloudId} (default https://api.atlassian.com).',
    roles: access,
})
