import { clientId, connectionSysId, looksLikeSecret } from './inputs'

// Shapes of what gets pasted: an Atlassian 3LO client id (32 letters and digits), a client secret (ATOA + 60 more),
// an API token (ATATT...), a long random secret without a prefix.
const CLIENT_ID = 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY'
const CLIENT_SECRET = `ATOA${'0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a'}`
const API_TOKEN = `ATATT3xFfGF0${'aZ9_-'.repeat(30)}`
const RANDOM_SECRET = 'x7Kq-2mPz_9LwR4tYv8NbC3hJ6sD1fG5aE0uI-oQ'

describe('clientId: a value shaped like a client secret is refused at the field and not echoed', () => {
    test.each([
        ['an Atlassian client secret', CLIENT_SECRET],
        ['an API token', API_TOKEN],
        ['a 40-character random secret', RANDOM_SECRET],
        ['a secret with surrounding spaces', `  ${CLIENT_SECRET}\n`],
        ['a short value with a secret prefix', 'ATOA1234567890abcdef'],
    ])('%s', (_what, value) => {
        const r = clientId(value)
        expect(r.ok).toBe(false)
        if (r.ok) return
        expect(r.error).toMatchObject({ field: 'clientId', code: 'client_id_looks_like_secret' })
        expect(r.error.message).toMatch(/shaped like a client secret/)
        expect(r.error.message).toMatch(/not saved/)
        expect(r.error.message).toMatch(/clear text/)
        expect(r.error.message).not.toContain(value.trim().slice(0, 8))
    })

    test('a real-shaped client id, a 16-character one and an id of letters only still pass', () => {
        expect(clientId(CLIENT_ID)).toEqual({ ok: true, value: CLIENT_ID })
        expect(clientId('jcc-0123456789ab')).toEqual({ ok: true, value: 'jcc-0123456789ab' })
        expect(clientId('abcdefghijklmnopqrstuvwxyzabcdefghijklmnop').ok).toBe(true)
    })

    test('what is neither is still malformed, and empty is missing', () => {
        expect(clientId('not a client id!')).toMatchObject({ ok: false, error: { code: 'client_id_malformed' } })
        expect(clientId('x'.repeat(129))).toMatchObject({ ok: false, error: { code: 'client_id_malformed' } })
        expect(clientId('  ')).toMatchObject({ ok: false, error: { code: 'client_id_missing' } })
    })

    test('looksLikeSecret: prefixes and long letter-digit mixes', () => {
        expect(looksLikeSecret(CLIENT_SECRET)).toBe(true)
        expect(looksLikeSecret(CLIENT_ID)).toBe(false)
        expect(looksLikeSecret('a1'.repeat(19))).toBe(false)
        expect(looksLikeSecret('a1'.repeat(20))).toBe(true)
    })
})

describe('connectionSysId: the one parse of a connection sys_id for "make live", "switch back" and validate', () => {
    const ID = '0123456789abcdef0123456789abcdef'

    test('32 lowercase hexadecimal digits pass unchanged', () => {
        expect(connectionSysId(ID)).toEqual({ ok: true, value: ID })
    })

    test.each([
        ['missing', undefined, '""'],
        ['a number', 42, '"42"'],
        ['too short', ID.slice(1), `"${ID.slice(1)}"`],
        ['uppercase', ID.toUpperCase(), `"${ID.toUpperCase()}"`],
        ['with spaces around', ` ${ID} `, `" ${ID} "`],
        ['a name', 'Jira Cloud OAuth Connection', '"Jira Cloud OAuth Connection"'],
    ])('%s is refused at the field, saying what was found, what is expected and what to do', (_what, value, shown) => {
        const r = connectionSysId(value)
        expect(r.ok).toBe(false)
        if (r.ok) return
        expect(r.error).toMatchObject({ field: 'connectionSysId', code: 'sys_id_malformed' })
        expect(r.error.message).toContain(`${shown} is not a sys_id (32 hexadecimal digits).`)
        expect(r.error.message).toMatch(/http_connection/)
    })

    test('what is echoed is cut to 40 characters', () => {
        const r = connectionSysId('x'.repeat(500))
        expect(r.ok).toBe(false)
        if (!r.ok) expect(r.error.message).toContain(`"${'x'.repeat(40)}" is not`)
    })

    test("the field name can be the caller's (the health view names it sysId)", () => {
        const r = connectionSysId('nope', 'sysId')
        expect(r.ok || r.error.field).toBe('sysId')
    })
})
