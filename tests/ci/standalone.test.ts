// The repository stands alone: no tracked file points outside it. A maintainer who clones it must be able to check
// every fact it relies on from the repository itself (docs/) and the public sources cited there, so no file may refer
// to a team notebook next to the checkout or to an absolute path of one machine (a home or work directory).
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'

const root = path.resolve(__dirname, '../..')

// Patterns are assembled from pieces so this file does not match itself.
const DOTDOT = '\\.\\.'
const FORBIDDEN: { what: string; re: RegExp }[] = [
    // A sibling directory of the checkout (dot-dot, then "shared"): it only exists on the team's machine.
    { what: 'a path to a sibling notebook directory', re: new RegExp(`${DOTDOT}[\\\\/]+shared\\b`) },
    // Absolute directories of one machine: the work and home directories, root's home, a Windows user directory.
    // Anchored so URL paths (https://host/work/...) and words do not match.
    { what: 'an absolute work directory', re: new RegExp(`(^|[\\s'"\`(=:,;\\[])/${'work'}/`, 'm') },
    {
        what: 'an absolute home directory',
        re: new RegExp(`(^|[\\s'"\`(=:,;\\[])/(${'home'}|${'Users'})/[A-Za-z0-9._-]+`, 'm'),
    },
    { what: "root's home directory", re: new RegExp(`(^|[\\s'"\`(=:,;\\[])/${'root'}/`, 'm') },
    { what: 'a Windows user directory', re: new RegExp(`\\b[A-Za-z]:\\\\+${'Users'}\\\\`, 'i') },
    // The team notebook's file names: facts from there belong in docs/ with their public sources.
    {
        what: 'a team notebook file (put the fact in docs/ with its public source)',
        re: new RegExp(
            `\\b(${['atlassian-oauth', 'instance-assumptions', 'sdk-practices', 'next-wave'].join('|')})\\.md\\b`
        ),
    },
    { what: 'the notebook seed document', re: new RegExp(`${'seed'}/000_[0-9a-f]+`) },
    // The platform notes exist in this repository only under docs/.
    { what: 'platform notes outside docs/', re: new RegExp(`(?<!docs/)\\b${'servicenow-platform'}\\.md\\b`) },
]

const EXCLUDED = new Set(['package-lock.json'])

function trackedFiles(): string[] {
    const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    return out.split('\0').filter((f) => f && !EXCLUDED.has(f) && !f.startsWith('node_modules/'))
}

/** Offending lines of `text` ("<line>: <what>: <excerpt>"). */
function offences(text: string): string[] {
    const found: string[] = []
    text.split('\n').forEach((line, i) => {
        for (const { what, re } of FORBIDDEN) {
            if (re.test(line)) found.push(`${i + 1}: ${what}: ${line.trim().slice(0, 140)}`)
        }
    })
    return found
}

/** Section headings ("## §2 …", "### §2.4 …") of docs/<doc>.md. */
function sectionsOf(doc: string): Set<string> {
    const text = fs.readFileSync(path.join(root, 'docs', `${doc}.md`), 'utf8')
    return new Set([...text.matchAll(/^#{2,4} §(\d+(?:\.\d+)?)\b/gm)].map((m) => m[1]))
}

describe('the repository stands alone', () => {
    test('no tracked file refers to a notebook next to the checkout or to an absolute path of one machine', () => {
        const files = trackedFiles()
        expect(files.length).toBeGreaterThan(100)
        const problems: string[] = []
        for (const f of files) {
            const buf = fs.readFileSync(path.join(root, f))
            if (buf.includes(0)) continue // binary
            for (const o of offences(buf.toString('utf8'))) problems.push(`${f}:${o}`)
        }
        expect(problems).toEqual([])
    })

    test('every "docs/<file>.md §N" citation, and every SN §/ATL § in the README, names a section that exists', () => {
        const docs: Record<string, Set<string>> = {
            'atlassian-contract': sectionsOf('atlassian-contract'),
            'servicenow-platform': sectionsOf('servicenow-platform'),
        }
        expect(docs['atlassian-contract'].size).toBeGreaterThan(20)
        expect(docs['servicenow-platform'].size).toBeGreaterThan(15)
        const missing: string[] = []
        for (const f of trackedFiles().filter((f) => /\.(ts|cjs|mjs|js|md)$/.test(f))) {
            const text = fs.readFileSync(path.join(root, f), 'utf8')
            for (const m of text.matchAll(
                /docs\/(atlassian-contract|servicenow-platform)\.md`?\)?,? §(\d+(?:\.\d+)?)/g
            )) {
                if (!docs[m[1]].has(m[2])) missing.push(`${f}: ${m[0]}`)
            }
            if (f === 'README.md' || f === 'docs/assumptions.md') {
                for (const m of text.matchAll(/\b(SN|ATL) §(\d+(?:\.\d+)?)/g)) {
                    const doc = m[1] === 'SN' ? 'servicenow-platform' : 'atlassian-contract'
                    if (!docs[doc].has(m[2])) missing.push(`${f}: ${m[0]}`)
                }
            }
        }
        expect(missing).toEqual([])
    })

    test('docs/assumptions.md has one complete row per assumption, each with a verdict, and the README links it', () => {
        const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
        expect(readme).toContain('(docs/assumptions.md)')
        const section = fs.readFileSync(path.join(root, 'docs/assumptions.md'), 'utf8')
        const rows = section.split('\n').filter((l) => /^\| A\d+ \|/.test(l))
        // The README's count follows the table (it said 43 while the table had 53).
        expect(readme.replace(/\s+/g, ' ').match(/The (\d+) assumptions \(A1, A2/)?.[1]).toBe(String(rows.length))
        expect(rows.map((r) => r.split('|')[1].trim())).toEqual(
            Array.from({ length: rows.length }, (_, i) => `A${i + 1}`)
        )
        expect(rows.length).toBeGreaterThanOrEqual(21)
        for (const row of rows) {
            const cells = row
                .split(/(?<!\\)\|/)
                .slice(1, -1)
                .map((c) => c.trim())
            expect({ row: cells[0], cells: cells.length, empty: cells.filter((c) => c === '').length }).toEqual({
                row: cells[0],
                cells: 6,
                empty: 0,
            })
            expect({ row: cells[0], verdict: /^(confirmed|likely|unknown)\b/.test(cells[2]) }).toEqual({
                row: cells[0],
                verdict: true,
            })
        }
        expect(rows.some((r) => /follows HTTP redirects/.test(r))).toBe(true)
    })

    test('the patterns catch what they are meant to and leave ordinary text alone', () => {
        const bad = [
            ['Section numbers refer to ', DOTDOT.replace(/\\/g, ''), '/shared/research/notes.md'].join(''),
            ['see /', 'work/shared/seed/x.txt'].join(''),
            ["const p = '/", "home/alice/project'"].join(''),
            ['open /', 'Users/bob/Desktop'].join(''),
            ['cd /', 'root/app'].join(''),
            ['C:\\', 'Users\\carol\\repo'].join(''),
            ['as ', 'atlassian-oauth', '.md §2.4 says'].join(''),
            ['the ', 'seed', '/000_e8fcbae687a7f34d.txt doc'].join(''),
            ['tags as in ', 'servicenow-platform', '.md'].join(''),
        ]
        for (const line of bad) expect({ line, hit: offences(line).length > 0 }).toEqual({ line, hit: true })
        const fine = [
            'the shared tail of every check', // the word "shared"
            'harness/support/zip.ts is the shared reader',
            'https://developer.atlassian.com/cloud/jira/platform/work/', // a URL path
            '#!/usr/bin/env node',
            'Chromium at /usr/bin/chromium (Debian package)', // a documented system location, not a user directory
            'see docs/servicenow-platform.md §1.1',
            'docs/atlassian-contract.md §2.4',
        ]
        for (const line of fine) expect({ line, hits: offences(line) }).toEqual({ line, hits: [] })
    })
})
