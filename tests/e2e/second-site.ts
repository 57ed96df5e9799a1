/**
 * A live connection to a second Jira site, made the way the setup page's "another site" makes it (a child alias of
 * Jira with its own profile, credential and connection), for tests that need two connections in one health run.
 */
import type { SetupClient } from '../../harness/glide-simulator/setup-client'
import type { World } from '../../harness/glide-simulator/world'

export const SECOND_SITE = {
    cloudId: '6a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
    name: 'acme-eu',
    host: 'acme-eu.atlassian.net',
}

export async function connectSecondSite(world: World, admin: SetupClient): Promise<{ sysId: string; name: string }> {
    world.emu.addSite(SECOND_SITE)
    world.emu.addUser({
        accountId: world.accountId,
        email: world.email,
        displayName: 'Jira Admin',
        apiTokens: [world.apiToken],
        sites: [world.cloudId, SECOND_SITE.cloudId],
    })
    // A new token, so its accessible resources list the second site.
    const first = await world.getOAuthToken('accept')
    if (!first.text.includes('Access token received')) throw new Error(`token: ${first.text}`)
    const site = await admin.api('PUT', 'site', { cloudId: world.cloudId })
    if (site.status !== 200) throw new Error(`site: ${site.status} ${site.text}`)
    const added = await admin.api('POST', 'site-connection', { cloudId: SECOND_SITE.cloudId })
    if (added.status !== 200) throw new Error(`site-connection: ${added.status} ${added.text}`)
    const c = (added.json!.result as { connection: { connectionSysId: string; credentialSysId: string } }).connection
    const second = await world.getOAuthToken('accept', c.credentialSysId)
    if (!second.text.includes('Access token received')) throw new Error(`token: ${second.text}`)
    const made = await admin.api('POST', 'activate', { connectionSysId: c.connectionSysId })
    if (made.status !== 200) throw new Error(`activate: ${made.status} ${made.text}`)
    return { sysId: c.connectionSysId, name: world.sim.read('http_connection', c.connectionSysId)!.name }
}
