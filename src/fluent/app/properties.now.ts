import { Property } from '@servicenow/sdk/core'
import { ATLASSIAN } from '../../server/core/atlassian'
import { DEFAULTS, PROPERTY } from '../../server/core/validator'
import { jiraConnectAdmin } from './roles.now'

/** Names and defaults are the validator's own (settingsFrom in src/server/core/validator.ts reads them back). */
const access = { read: ['admin', jiraConnectAdmin], write: ['admin'] }

/** Timeout for every outbound call the validator makes (RESTMessageV2.setHttpTimeout, token refresh). */
export const httpTimeoutProperty = Property({
    $id: Now.ID['property-http-timeout-ms'],
    name: PROPERTY.timeoutMs,
    type: 'integer',
    value: DEFAULTS.timeoutMs,
    description: `Timeout in milliseconds for each call the Jira connection validator makes to Atlassian \
(default ${DEFAULTS.timeoutMs}).`,
    roles: access,
})

/** Total time budget of one validation: once spent, remaining network checks are skipped and reported. */
export const validationBudgetProperty = Property({
    $id: Now.ID['property-validation-budget-ms'],
    name: PROPERTY.budgetMs,
    type: 'integer',
    value: DEFAULTS.budgetMs,
    description: `Total time budget in milliseconds for one validation; checks that would start after it are skipped \
(default ${DEFAULTS.budgetMs}).`,
    roles: access,
})

/** Longest Retry-After (seconds) the validator waits once for a 429/503 before giving up. */
export const maxRetryWaitProperty = Property({
    $id: Now.ID['property-max-retry-wait-s'],
    name: PROPERTY.maxRetryWaitSeconds,
    type: 'integer',
    value: DEFAULTS.maxRetryWaitSeconds,
    description: `A 429/5xx answer is retried once only if its Retry-After is at most this many seconds \
(default ${DEFAULTS.maxRetryWaitSeconds}).`,
    roles: access,
})

/** Atlassian API gateway: accessible-resources and /ex/jira/{cloudId}. Configurable for proxies and test emulators. */
export const apiGatewayProperty = Property({
    $id: Now.ID['property-api-gateway-url'],
    name: PROPERTY.apiGatewayUrl,
    type: 'string',
    value: ATLASSIAN.apiGatewayUrl,
    description: `Base URL of the Atlassian API gateway used for /oauth/token/accessible-resources and \
/ex/jira/{cloudId} (default ${ATLASSIAN.apiGatewayUrl}).`,
    roles: access,
})

/** The Jira projects the flows use: the capability checks test permissions and required fields there. */
export const capabilityProjectsProperty = Property({
    $id: Now.ID['property-capability-projects'],
    name: PROPERTY.capabilityProjects,
    type: 'string',
    value: '',
    description: `Jira projects the flows use, as KEY or KEY/Issue type separated by commas (e.g. SUP/Task, OPS): \
validation checks the account's permissions there and the fields Create Issue requires. Empty: it reports the \
projects the account can browse.`,
    roles: access,
})
