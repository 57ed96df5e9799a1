/**
 * Atlassian IP allowlists (Premium and Enterprise): a product REST call from an address not on the list is refused
 * with {"errorMessages":["The IP address has been rejected because it is not on the allowed list. See your admin for
 * more information."]} (Atlassian support "Specify IP addresses for product access"; the allowlist does not apply to
 * org-level APIs). Recognised by that message, whatever the status, so it is never reported as a wrong credential.
 */
import type { Finding } from '../catalogue'
import { errorMessageOf } from '../findings'
import { originOf } from '../urls'

const IP_REJECTED = /IP address has been rejected because it is not on the allowed list/i

export function ipAllowlistFinding(status: number, body: string, url: string): Finding<'ip_allowlist_blocked'> | null {
    const message = errorMessageOf(body)
    if (!IP_REJECTED.test(message || body.slice(0, 2000))) return null
    return {
        code: 'ip_allowlist_blocked',
        found:
            `${originOf(url)} answered ${status}: "The IP address has been rejected because it is not on the allowed ` +
            'list": the Jira site has an IP allowlist and the address this call came from is not on it. The ' +
            'credential was not judged.',
        expected: "This instance's (or its MID Server's) outbound address on the site's IP allowlist.",
        fix:
            'Choose one: add the instance\u2019s egress IP addresses (ServiceNow support lists them for your ' +
            'datacenters) to admin.atlassian.com > Security > IP allowlists for the Jira site, or route the ' +
            'connection through a MID Server with a fixed public address (Use MID Server on the connection) and ' +
            'allowlist that address.',
    }
}
