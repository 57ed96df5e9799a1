/**
 * The check catalogue (src/server/core/catalogue.ts) is consistent, and README.md's check table is the one generated
 * from it (`npm run docs:checks` rewrites it).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { BEGIN, END, renderCheckDocs, withCheckDocs } from '../../scripts/docs-checks'
import { CHECK_IDS, checkSpec, codesOf, healthyCalls, TRANSPORT_CODES } from '../../src/server/core/catalogue'

const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8')

test('README.md check table is generated from the catalogue (run `npm run docs:checks` after changing it)', () => {
    expect(readme).toContain(BEGIN)
    expect(readme).toContain(END)
    expect(withCheckDocs(readme)).toBe(readme)
})

test('the README table names every check and every finding code', () => {
    const table = renderCheckDocs()
    for (const id of CHECK_IDS) {
        expect(table).toContain(`| \`${id}\` |`)
        for (const { code } of codesOf(id)) expect(table).toContain(`\`${code}\``)
    }
})

test('withCheckDocs refuses a README without the markers', () => {
    expect(() => withCheckDocs('# no markers')).toThrow(/markers/)
})

test('every check requires only checks listed before it (the order the validator runs them), never itself', () => {
    CHECK_IDS.forEach((id, i) => {
        for (const required of checkSpec(id).requires) {
            const at = CHECK_IDS.indexOf(required as never)
            expect({ id, required, known: at >= 0, before: at < i }).toEqual({
                id,
                required,
                known: true,
                before: true,
            })
        }
    })
})

test('one title per check, every check has findings, codes are snake_case with a short meaning', () => {
    const titles = CHECK_IDS.map((id) => checkSpec(id).title)
    expect(new Set(titles).size).toBe(titles.length)
    for (const id of CHECK_IDS) {
        expect(id).toMatch(/^[a-z]+(\.[a-z_]+)+$/)
        const codes = codesOf(id)
        expect(codes.length).toBeGreaterThan(0)
        for (const { code, spec } of codes) {
            expect(code).toMatch(/^[a-z][a-z0-9_]*$/)
            expect(code).not.toMatch(/^(ok|skipped)$/)
            expect(spec.meaning.length).toBeGreaterThan(5)
            expect(spec.meaning.length).toBeLessThanOrEqual(110)
        }
    }
})

test('a check that calls out gives the transport findings too; one that does not, does not', () => {
    for (const id of CHECK_IDS) {
        const codes = codesOf(id).map((c) => c.code)
        const hasTransport = Object.keys(TRANSPORT_CODES).every((code) => codes.includes(code))
        expect({ id, hasTransport }).toEqual({ id, hasTransport: checkSpec(id).calls > 0 })
    }
})

test('healthy-run calls are derived from the checks that apply to each credential kind', () => {
    // Not counted: diagnostic checks, per-item calls (createmeta per listed issue type), the agile probe on 3LO.
    const counted = (auth: 'oauth2' | 'basic') =>
        CHECK_IDS.filter((id) => {
            const spec = checkSpec(id)
            if ((spec.auth && spec.auth !== auth) || spec.diagnosticOnly || spec.perConfiguredItem) return false
            return !(auth === 'oauth2' && spec.noCallWith3lo)
        }).reduce((n, id) => n + checkSpec(id).calls, 0)
    expect(healthyCalls('oauth2')).toBe(counted('oauth2'))
    expect(healthyCalls('basic')).toBe(counted('basic'))
    // The capability round adds at most 2 calls to a healthy run, either way in (3LO: no agile probe).
    const round = (auth: 'oauth2' | 'basic') =>
        (['jira.projects', 'jira.create_fields', 'jira.agile'] as const)
            .map((id) => checkSpec(id))
            .filter((spec) => !spec.perConfiguredItem && !(auth === 'oauth2' && spec.noCallWith3lo))
            .reduce((n, spec) => n + spec.calls, 0)
    expect(round('oauth2')).toBe(2)
    expect(round('basic')).toBe(3)
})
