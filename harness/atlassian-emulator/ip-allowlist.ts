/**
 * Atlassian IP allowlists (Premium and Enterprise plans): what a Jira product REST call from an address that is not on
 * the site's allowlist gets back. Source: Atlassian support "Specify IP addresses for product access" and
 * confluence.atlassian.com page 1384133808 (the errorMessages body); the status is 403 [I: the message is documented,
 * the status is the one reported with it]. The allowlist does not apply to org-level APIs (api.atlassian.com/admin)
 * nor to auth.atlassian.com, so tests attach it to Jira targets only. Which caller addresses a site allows is not
 * modeled: every caller of the faulted target stands for one outside the list.
 */
import type { EmulatorTarget, Fault } from './types'

export const IP_ALLOWLIST_MESSAGE =
    'The IP address has been rejected because it is not on the allowed list. See your admin for more information.'

/** The Jira REST targets an allowlist covers (gateway and site). */
export const IP_ALLOWLISTED_TARGETS: readonly EmulatorTarget[] = [
    'myself',
    'serverInfo',
    'site-myself',
    'site-serverInfo',
]

export function ipAllowlistRejection(): Fault {
    return {
        status: 403,
        body: JSON.stringify({ errorMessages: [IP_ALLOWLIST_MESSAGE] }),
        headers: { 'content-type': 'application/json;charset=UTF-8' },
    }
}
