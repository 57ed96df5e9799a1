import { RetryPolicy } from '@servicenow/sdk/core'

/**
 * Retry policy of the Jira alias: the spoke's own calls through the alias's connection back off when Atlassian says
 * so. Any Jira Cloud endpoint may answer 429 with Retry-After (seconds), and some 503s carry it too; retrying earlier
 * "will fail and return the same or longer Retry-After period" (developer.atlassian.com/cloud/jira/platform/
 * rate-limiting). The retry_after strategy honours that header (seconds or HTTP-date); 300 s bounds the total wait.
 * Only 429 and 503: a 401/403 is never retried (Atlassian locks accounts after repeated failed logins).
 * The validator's own probes do not go through this policy (they call RESTMessageV2 with their own single bounded
 * retry, x_jira_connect.max_retry_wait_seconds).
 */
export const jiraRetryPolicy = RetryPolicy({
    $id: Now.ID['jira-retry-policy'],
    name: 'Jira Cloud: honour Retry-After on 429 and 503',
    connectionType: 'http_retry_conditions',
    retryStrategy: 'retry_after',
    maxElapsedTime: 300,
    condition: 'status_codeIN429,503',
    restrictTo: ['status_code'],
})
