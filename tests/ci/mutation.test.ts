// The mutation check (scripts/mutation.ts) stays runnable: every mutant still matches its source exactly once and
// changes one line, the four bugs issue 21 found on a scratch copy are among the mutants, .ci/run runs the quick set
// and .github/workflows/mutation.yml runs every mutant on a schedule. Whether each mutant is killed is what the
// script itself checks (it builds and tests); this file only keeps the list from going stale between those runs.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'
import { MUTANTS } from '../../scripts/mutation'

const root = path.resolve(__dirname, '../..')

test('at least a dozen mutants with distinct ids, each matching its source exactly once and changing one line', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(12)
    expect(new Set(MUTANTS.map((m) => m.id)).size).toBe(MUTANTS.length)
    for (const m of MUTANTS) {
        const source = fs.readFileSync(path.join(root, m.file), 'utf8')
        const first = source.indexOf(m.find)
        expect({ id: m.id, found: first >= 0, again: source.indexOf(m.find, first + 1) >= 0 }).toEqual({
            id: m.id,
            found: true,
            again: false,
        })
        const before = m.find.split('\n')
        const after = m.replace.split('\n')
        expect({ id: m.id, lines: after.length }).toEqual({ id: m.id, lines: before.length })
        expect({ id: m.id, changed: before.filter((line, i) => line !== after[i]).length }).toEqual({
            id: m.id,
            changed: 1,
        })
        for (const suite of m.suites) expect(fs.existsSync(path.join(root, suite))).toBe(true)
    }
})

test("the issue's four bugs are mutants: unknown host, refused refresh, lost access token, trimmed URL write-back", () => {
    const ids = MUTANTS.map((m) => m.id)
    expect(ids).toEqual(
        expect.arrayContaining([
            'unknown-host-generic',
            'refused-refresh-generic',
            'lost-access-token-undetected',
            'trimmed-url-written-back',
        ])
    )
    // adapters and core both covered
    expect(MUTANTS.filter((m) => m.file.startsWith('src/server/glide/')).length).toBeGreaterThanOrEqual(8)
    expect(MUTANTS.filter((m) => m.file.startsWith('src/server/core/')).length).toBeGreaterThanOrEqual(4)
})

test('.ci/run runs the quick set after the tests; the scheduled workflow runs every mutant', () => {
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8').split('\n')
    expect(ci.indexOf('npm run mutation -- --quick')).toBeGreaterThan(ci.indexOf('CI=true npm test'))
    expect(ci.indexOf('CI=true npm test')).toBeGreaterThan(-1)
    const wf = parse(fs.readFileSync(path.join(root, '.github/workflows/mutation.yml'), 'utf8')) as {
        on: { schedule: Array<{ cron: string }>; workflow_dispatch: unknown }
        jobs: Record<string, { steps: Array<{ run?: string }> }>
    }
    expect(wf.on.schedule.length).toBe(1)
    expect(wf.on.schedule[0].cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/)
    const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run?.trim()))
    expect(runs).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm run mutation']))
    expect(runs.indexOf('npm run mutation')).toBeGreaterThan(runs.indexOf('npm ci --no-audit --no-fund'))
})
