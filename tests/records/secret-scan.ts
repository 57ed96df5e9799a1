/**
 * Finds secret-looking values in shipped text. A finding names where it is and the kind of secret, never the value.
 */
import type { AppRecord } from '../support/app-records'
import { PackageZip } from '../../harness/support/zip'

const TEXT_PATTERNS: [string, RegExp][] = [
    ['JWT', /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g],
    ['Atlassian API token (ATATT...)', /\bATATT[A-Za-z0-9_\-=]{10,}/g],
    // A bearer credential: 16+ token characters including a digit (so prose like "Bearer access token" is not one).
    ['Bearer credential', /\bBearer\s+(?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{16,}=*/g],
    ['Basic credential', /\bBasic\s+(?=[A-Za-z0-9+/]*[0-9])[A-Za-z0-9+/]{12,}={0,2}(?![A-Za-z0-9+/=])/g],
    // A secret-named XML element with content: <client_secret>x</client_secret>, <password><![CDATA[x]]></password>.
    [
        'non-empty secret XML element',
        /<(client_secret|password|api_key|private_key|passphrase|secret|access_token|refresh_token)\b[^>/]*>\s*(?:<!\[CDATA\[\s*[^\]\s]|[^<\s])/g,
    ],
    // A secret-named JSON/JS key with a non-empty string value: "password": "x", client_secret: 'x'.
    [
        'non-empty secret key/value',
        /["']?\b(client_secret|password|api_key|api_token|private_key|passphrase|access_token|refresh_token)["']?\s*[:=]\s*["'][^"'\s]/g,
    ],
]

/** A long token-like run with upper case, lower case and at least four digits and high character entropy. */
export function looksRandom(s: string): boolean {
    if (s.length < 32 || !/[A-Z]/.test(s) || !/[a-z]/.test(s) || (s.match(/[0-9]/g) ?? []).length < 4) return false
    const counts = new Map<string, number>()
    for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1)
    let entropy = 0
    for (const n of counts.values()) entropy -= (n / s.length) * Math.log2(n / s.length)
    return entropy >= 4.2
}

/** Findings in one text ("<where>: <kind> at line N"). */
export function scanText(input: string, where: string): string[] {
    const findings: string[] = []
    // A UiPage build ships its client sources as a zip attachment (<sys_attachment_doc><data>base64</data>): scan the
    // files inside it instead of the base64 text, which looks random by nature.
    const text = input.replace(
        /(<sys_attachment_doc\b[\s\S]*?<data>)([A-Za-z0-9+/=\s]+)(<\/data>)/g,
        (_m, open, b64, close) => {
            const zip = new PackageZip(Buffer.from(b64, 'base64'), `${where} attachment`)
            for (const name of zip.names()) findings.push(...scanText(zip.text(name), `${where} attachment ${name}`))
            return `${open}${close}`
        }
    )
    const lineOf = (i: number) => text.slice(0, i).split('\n').length
    for (const [kind, re] of TEXT_PATTERNS) {
        for (const m of text.matchAll(re)) findings.push(`${where}: ${kind} at line ${lineOf(m.index!)}`)
    }
    for (const m of text.matchAll(/[A-Za-z0-9+/_-]{32,}={0,2}/g)) {
        if (looksRandom(m[0])) findings.push(`${where}: long random-looking string at line ${lineOf(m.index!)}`)
    }
    return findings
}

/** Fields whose name says they hold a secret. */
export const SECRET_FIELD = /(^|_)(secret|password|passphrase|api_key|api_token|private_key|token)$/

/** Records with a non-empty value in a secret-named field. */
export function scanRecordFields(records: readonly AppRecord[], source: string): string[] {
    const findings: string[] = []
    for (const r of records) {
        for (const [field, value] of Object.entries(r.fields)) {
            if (SECRET_FIELD.test(field) && value.trim())
                findings.push(`${source} ${r.file}: ${r.table} ${r.sysId} field ${field} has a value (not printed)`)
        }
    }
    return findings
}
