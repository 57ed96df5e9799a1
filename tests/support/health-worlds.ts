/**
 * World set-ups the health-check tests share. Over the validator world (tests/validator/world.ts: in-memory instance,
 * Atlassian emulator on loopback): connections each with a basic credential of its own. End to end
 * (harness/glide-simulator/world.ts): the shipped package with the 3LO consent given.
 */
import { World as E2EWorld, e2eSource } from '../../harness/glide-simulator/world'
import type { EmulatorOptions } from '../../harness/atlassian-emulator'
import { API_TOKEN, IDS, SITE, USER, type World } from '../validator/world'

/**
 * Replaces the world's connections with one per name (`Basic a`, ...), each active on the site URL, on the alias
 * aliasOf(i) gives (the Jira alias by default), each with its own basic credential holding the user's API token: no
 * two share an answer, so every connection costs its own calls and time.
 */
export function basicConnectionsEach(world: World, names: string[], aliasOf: (i: number) => string = () => IDS.alias) {
    world.state.connections = names.map((name, i) => ({
        sysId: `c00000000000000000000000000000${i}${i}`,
        name,
        table: 'http_connection',
        active: true,
        url: `https://${SITE.host}`,
        aliasSysId: aliasOf(i),
        credentialSysId: `cced00000000000000000000000000b${i}`,
        attributes: {},
    }))
    world.state.credentials = world.state.connections.map((c, i) => ({
        kind: 'basic' as const,
        sysId: c.credentialSysId as string,
        name: `Basic credential ${i}`,
        table: 'basic_auth_credentials',
        active: true,
        userName: USER.email,
        hasPassword: true,
    }))
    for (const c of world.state.credentials)
        world.state.basicSecrets[c.sysId] = { userName: USER.email, password: API_TOKEN }
}

/**
 * The shipped package after the admin's first steps: an x_jira_connect.admin holder to receive alerts, the OAuth
 * registry and connection URL filled in, and Get OAuth Token accepted (the token stored).
 */
export async function connectedE2EWorld(emulator: EmulatorOptions = {}): Promise<E2EWorld> {
    const w = await E2EWorld.start({ source: e2eSource(), emulator })
    try {
        w.addAppAdmin()
        w.configureOAuth()
        expect((await w.getOAuthToken('accept')).text).toMatch(/stored/)
        return w
    } catch (e) {
        await w.close()
        throw e
    }
}
