/**
 * Atlassian IP allowlists (Premium and Enterprise plans): what a Jira product REST call from an address that is not on
 * the site's allowlist gets back. Source: Atlassian support "Specify IP addresses for product access" and
 * confluence.atlassian.com page 1384133808 (the errorMessages body); the status is 403 [I: the message is documented,
 * the status is the one reported with it]. The allowlist does not apply to org-level APIs (api.atlassian.com/admin)
 * nor to auth.atlassian.com, so tests attach it to Jira targets only. Two ways to play it: a fault on the targets
 * (every caller stands for one outside the list), or IpAllowlist by caller address (the loopback address the request
 * came from: the instance's 127.0.0.1 or a simulated MID Server's own address).
 */
import type { EmuResponse } from './core'
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

export function ipAllowlistRejection(): Fault & { status: number; body: string; headers: Record<string, string> } {
    return {
        status: 403,
        body: JSON.stringify({ errorMessages: [IP_ALLOWLIST_MESSAGE] }),
        headers: { 'content-type': 'application/json;charset=UTF-8' },
    }
}

/** The allowlist by caller address: Jira REST targets from an address not on it get the rejection; off when null. */
export class IpAllowlist {
    private allowed: string[] | null = null

    set(addresses: string[] | null): void {
        this.allowed = addresses ? addresses.map(String) : null
    }

    refusal(target: EmulatorTarget | null, remoteAddress: string): EmuResponse | null {
        if (!this.allowed || !target || IP_ALLOWLISTED_TARGETS.indexOf(target) < 0) return null
        if (this.allowed.indexOf(remoteAddress) >= 0) return null
        const f = ipAllowlistRejection()
        return { status: f.status, headers: f.headers, body: f.body }
    }
}
