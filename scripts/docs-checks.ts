/**
 * `npm run docs:checks`: rewrites the marked check table in README.md from the validator's catalogue
 * (src/server/core/catalogue.ts). tests/validator/catalogue.test.ts fails when README.md and the catalogue disagree.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { CHECK_IDS, checkSpec, healthyCalls, TRANSPORT_CODES, type CodeSpec } from '../src/server/core/catalogue'

export const BEGIN = '<!-- checks:begin: generated from src/server/core/catalogue.ts by `npm run docs:checks` -->'
export const END = '<!-- checks:end -->'

const cell = (text: string) => text.replace(/\|/g, '\\|')

function finding(code: string, spec: CodeSpec): string {
    const mark = spec.severity === 'fail' ? '' : ` (${spec.severity === 'warn' ? 'warn' : 'pass'})`
    return `\`${code}\`${mark}: ${cell(spec.meaning)}`
}

/** The generated Markdown: one row per check, then the transport findings every calling check can give. */
export function renderCheckDocs(): string {
    const lines = ['| Id | Checks | Requires | Findings (fail unless marked) |', '|---|---|---|---|']
    for (const id of CHECK_IDS) {
        const spec = checkSpec(id)
        const requires = spec.requires.map((r) => `\`${r}\``).join(', ')
        const only = spec.auth ? ` (${spec.auth === 'oauth2' ? 'OAuth 2.0' : 'basic auth'} only)` : ''
        const per = spec.perConfiguredItem ? ' per listed item' : ''
        const calls = spec.calls
            ? ` ${spec.calls} call${spec.calls === 1 ? '' : 's'}${per}; transport findings apply.`
            : ''
        const codes = Object.keys(spec.codes).map((code) => finding(code, spec.codes[code]))
        lines.push(`| \`${id}\` | ${cell(spec.verifies)}${only}.${calls} | ${requires} | ${codes.join('<br>')} |`)
    }
    lines.push('', 'Transport findings, on any check that calls out:', '', '| Code | Meaning |', '|---|---|')
    const transport = TRANSPORT_CODES as { readonly [code: string]: CodeSpec }
    for (const code of Object.keys(transport)) lines.push(`| \`${code}\` | ${cell(transport[code].meaning)} |`)
    lines.push(
        '',
        `A healthy run makes ${healthyCalls('oauth2')} calls to Atlassian with OAuth 2.0 (3LO) and ` +
            `${healthyCalls('basic')} with basic auth (the sign-in, then the capability round: project search, one ` +
            'bulk permission check, and the agile probe where no scope list exists), plus 1 createmeta call per ' +
            'listed issue type and 1 token refresh when the access token has expired.'
    )
    return lines.join('\n')
}

/** `readme` with the text between the markers replaced by the generated table; throws when a marker is missing. */
export function withCheckDocs(readme: string): string {
    const start = readme.indexOf(BEGIN)
    const end = readme.indexOf(END)
    if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${BEGIN} ... ${END}`)
    return `${readme.slice(0, start + BEGIN.length)}\n${renderCheckDocs()}\n${readme.slice(end)}`
}

if (require.main === module) {
    const file = path.join(__dirname, '..', 'README.md')
    const before = fs.readFileSync(file, 'utf8')
    const after = withCheckDocs(before)
    fs.writeFileSync(file, after)
    console.log(after === before ? 'README.md check table is current.' : 'README.md check table rewritten.')
}
