/**
 * A client secret pasted into Client ID is refused at the field by the setup API (3LO and service-account saves), from
 * the shipped package in the Glide simulator: 400 naming clientId with a plain message, the value never echoed, and
 * nothing saved (oauth_entity.client_id is a clear-text column).
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { SetupClient } from '../../harness/glide-simulator/setup-client'
import { World, e2eSource } from '../../harness/glide-simulator/world'

let world: World
beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
})
afterEach(async () => {
    await world.close()
})

/** A secret as Atlassian's console shows one: ATOA and 60 more letters and digits. */
const PASTED_SECRET = `ATOA${'5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d'}`

function snapshot() {
    return JSON.stringify({
        registries: world.sim.query('oauth_entity'),
        connections: world.sim.query('http_connection'),
        credentials: world.sim.query('discovery_credentials'),
    })
}

type FieldErr = { field: string; code: string; message: string }
function errorsOf(a: { json: unknown }): FieldErr[] {
    return (a.json as { result: { error: { errors: FieldErr[] } } }).result.error.errors
}

test.each([
    ['oauth-client', () => ({ clientId: PASTED_SECRET, clientSecret: PASTED_SECRET })],
    ['service-account', () => ({ clientId: PASTED_SECRET, clientSecret: world.saClientSecret, site: 'acme-jcc' })],
])(
    'PUT %s with a client secret in Client ID: 400 at clientId, plain message, not echoed, nothing saved',
    async (op, body) => {
        const admin = new SetupClient(world.sim, ADMIN_USER)
        const before = snapshot()
        const a = await admin.api('PUT', op, body())
        expect(a.status).toBe(400)
        const errors = errorsOf(a)
        expect(errors).toEqual(
            expect.arrayContaining([
                expect.objectContaining({ field: 'clientId', code: 'client_id_looks_like_secret' }),
            ])
        )
        const message = errors.find((e) => e.field === 'clientId')!.message
        expect(message).toMatch(/shaped like a client secret.*not saved.*clear text/)
        expect(a.text).not.toContain(PASTED_SECRET.slice(0, 12))
        expect(snapshot()).toBe(before)
        expect(world.sim.visibleText().join('\n')).not.toContain(PASTED_SECRET.slice(4, 20))
    }
)

test.each([
    ['oauth-client', () => ({ clientId: world.clientId, clientSecret: world.clientId })],
    ['service-account', () => ({ clientId: world.saClientId, clientSecret: world.saClientId, site: 'acme-jcc' })],
])(
    'PUT %s with the same value in Client ID and Client secret: 400 at clientSecret, plain message, nothing saved',
    async (op, body) => {
        const admin = new SetupClient(world.sim, ADMIN_USER)
        const before = snapshot()
        const b = body()
        const a = await admin.api('PUT', op, b)
        expect(a.status).toBe(400)
        const errors = errorsOf(a)
        expect(errors).toEqual([expect.objectContaining({ field: 'clientSecret', code: 'client_secret_same_as_id' })])
        expect(errors[0].message).toMatch(/^Client secret is the same value as Client ID; nothing was saved\./)
        expect(errors[0].message).not.toContain(b.clientId)
        expect(snapshot()).toBe(before)
    }
)
