/**
 * Every validator scenario (one test per fault, over real loopback HTTP to the Atlassian emulator), then the
 * catalogue's conformance checks over the reports they produced: every finding code in src/server/core/catalogue.ts is
 * produced by at least one scenario, every code a scenario produced is in the catalogue with the same severity, and no
 * skipped check made a call. The scenarios live in ./scenarios/ (not *.test.ts) so they run once, here, before the
 * completeness tests below; add a scenario file there and import it here.
 */
import './scenarios/happy-path'
import './scenarios/atlassian-faults'
import './scenarios/bad-configuration'
import './scenarios/more-faults'
import './scenarios/platform-worlds'
import './scenarios/service-accounts'
import './scenarios/peer-input'
import './scenarios/capability'
import './scenarios/inbound'
import './scenarios/inbound-instance'
import './scenarios/real-path'
import './scenarios/auth-standing'
import { CHECK_IDS, checkSpec, codesOf, TRANSPORT_CODES, type CheckId } from '../../src/server/core/catalogue'
import { linesWithCheckIds } from '../support/check-ids'
import { observed } from './world'

const GENERIC = { pass: ['ok'], skip: ['skipped'] } as Record<string, string[]>

function produced(): Map<string, Set<string>> {
    const seen = new Map<string, Set<string>>()
    for (const report of observed) {
        for (const c of report.checks) {
            const key = `${c.id} ${c.code}`
            if (!seen.has(key)) seen.set(key, new Set())
            seen.get(key)!.add(c.status)
        }
    }
    return seen
}

describe('catalogue conformance (over the reports of every scenario above)', () => {
    test('the scenarios ran', () => {
        expect(observed.length).toBeGreaterThan(50)
    })

    test('every (check, code) a scenario produced is in the catalogue, with the catalogue severity', () => {
        const unknown: string[] = []
        for (const [key, statuses] of produced()) {
            const [id, code] = key.split(' ')
            for (const status of statuses) {
                if (GENERIC[status]?.includes(code)) continue
                const spec = CHECK_IDS.includes(id as CheckId)
                    ? codesOf(id as CheckId).find((c) => c.code === code)
                    : null
                if (!spec || spec.spec.severity !== status) unknown.push(`${id} ${code} (${status})`)
            }
        }
        expect(unknown).toEqual([])
    })

    test('every code of every check is produced by at least one scenario', () => {
        const seen = produced()
        const missing: string[] = []
        for (const id of CHECK_IDS) {
            for (const code of Object.keys(checkSpec(id).codes))
                if (!seen.has(`${id} ${code}`)) missing.push(`${id} ${code}`)
        }
        // Transport findings are shared by every check that calls out: each must be produced by one of them.
        const remote = CHECK_IDS.filter((id) => checkSpec(id).calls > 0)
        for (const code of Object.keys(TRANSPORT_CODES)) {
            if (!remote.some((id) => seen.has(`${id} ${code}`))) missing.push(`(any remote check) ${code}`)
        }
        expect(missing).toEqual([])
    })

    test('no text an admin reads names a check by its id (issue 17 §7): ids stay in the data (checks_json, ids)', () => {
        const lines = new Set<string>()
        for (const report of observed) for (const line of linesWithCheckIds(...report.shown)) lines.add(line)
        expect([...lines].slice(0, 20)).toEqual([])
    })

    test('checks that were skipped made no call: calls stay within what the checks that ran may make', () => {
        for (const report of observed) {
            // One call per declared call, one bounded retry each, and the token refresh of token.access.
            const ran = report.checks.filter((c) => c.status !== 'skip' && CHECK_IDS.includes(c.id as CheckId))
            const bound = ran.reduce(
                (n, c) => n + 2 * checkSpec(c.id as CheckId).calls + (c.id === 'token.access' ? 1 : 0),
                0
            )
            expect({ checks: ran.map((c) => `${c.id}=${c.code}`), calls: Math.min(report.calls, bound) }).toEqual({
                checks: ran.map((c) => `${c.id}=${c.code}`),
                calls: report.calls,
            })
        }
    })
})
