/**
 * What leaves this machine: no secrets in dist/ or the package zip, only src/server modules shipped as sys_module,
 * and a package inventory whose sha256 values match the zip's bytes.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { artifactsDir, distAppDir } from '../../harness/support/artifacts'
import {
    loadAppRecords,
    loadZipRecords,
    openPackageZip,
    sha256Hex,
    zipInventory,
    type AppRecords,
} from '../support/app-records'
import { looksRandom, scanRecordFields, scanText } from './secret-scan'

const zip = (() => {
    let z: ReturnType<typeof openPackageZip> | undefined
    return () => (z ??= openPackageZip())
})()

function walk(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]))
}

describe('the secret scanner itself', () => {
    // Samples are assembled at run time so no secret-shaped literal sits in the repo.
    const rnd = 'q7Zr2LmX9vTb4KpWn8Ys3HdJc6Fg1Ae5Ru0Ni'
    test.each([
        ['a JWT', ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', 'c2lnbmF0dXJlc2ln'].join('.'), 'JWT'],
        ['an Atlassian API token', 'ATATT' + rnd, 'Atlassian API token'],
        ['a bearer header', 'Authorization: Bearer ' + rnd, 'Bearer credential'],
        ['a filled <client_secret>', '<client_secret>' + 's3cr3t' + '</client_secret>', 'non-empty secret XML element'],
        [
            'a filled CDATA <password>',
            '<password><![CDATA[' + 'hunter2' + ']]></password>',
            'non-empty secret XML element',
        ],
        ['a filled JSON password', '{"password": "' + 'hunter2' + '"}', 'non-empty secret key/value'],
        ['a long random string', 'value=' + rnd, 'long random-looking string'],
    ])('flags %s', (_what, text, kind) => {
        expect(scanText(text, 'sample').join('\n')).toContain(kind)
    })

    test.each([
        ['an empty <client_secret/>', '<client_secret/><password></password>'],
        ['an empty JSON password', '{"password": "", "type": "password"}'],
        ['prose about bearer tokens', 'Bearer access token of an OAuth 2.0 credential'],
        [
            'a sys_id and a sha256',
            '3a29f0a46f974720a7e79e8e86b0c49c;8eaaea4c2dab8fd2f62418f81cb6cf9da314d849a7aa6717a784b3c5f778e95d',
        ],
        ['a camelCase identifier', 'getConnectionInfoListByDomainAndAliasIdentifier'],
    ])('does not flag %s', (_what, text) => {
        expect(scanText(text, 'sample')).toEqual([])
        expect(looksRandom(text)).toBe(false)
    })
})

describe('no secrets are shipped', () => {
    test('no file under dist/ holds a token-, secret- or password-like value', () => {
        const dist = path.join(artifactsDir(), 'dist')
        const files = walk(dist)
        expect(files.length).toBeGreaterThan(0)
        const findings = files.flatMap((f) => scanText(fs.readFileSync(f, 'utf8'), path.relative(dist, f)))
        expect(findings).toEqual([])
    })

    test('no entry of the package zip holds a token-, secret- or password-like value', () => {
        const z = zip()
        const findings = z.names().flatMap((n) => scanText(z.text(n), n))
        expect(findings).toEqual([])
    })

    test('no record (dist or zip) has a value in a secret-named field (client_secret, password, api_key, token, ...)', () => {
        expect([
            ...scanRecordFields(loadAppRecords().records, 'dist'),
            ...scanRecordFields(loadZipRecords(zip()).records, 'zip'),
        ]).toEqual([])
    })
})

describe('shipped server modules (sys_module)', () => {
    const PREFIX = 'x_jira_connect/jira-cloud-connect/1.0.0/'
    const modulePaths = (records: AppRecords) =>
        records.byTable('sys_module').map((r) => r.fields.path ?? `<no path: ${r.file}>`)

    test('no test, spec, mock, fixture or harness file is shipped', () => {
        const bad = [...modulePaths(loadAppRecords()), ...modulePaths(loadZipRecords(zip()))].filter((p) =>
            /\/tests?\/|\.test\.|\.spec\.|__mocks__|fixtures?|harness/i.test(p)
        )
        expect(bad).toEqual([])
    })

    test('every module is under src/server/, apart from package.json and bom.json', () => {
        const paths = modulePaths(loadAppRecords())
        expect(paths.length).toBeGreaterThan(0)
        const outside = paths.filter(
            (p) =>
                !(
                    p.startsWith(PREFIX) &&
                    (/^src\/server\/./.test(p.slice(PREFIX.length)) ||
                        ['package.json', 'bom.json'].includes(p.slice(PREFIX.length)))
                )
        )
        expect(outside).toEqual([])
    })

    test('src/server/core/jira-scopes.ts (the validator scope list) is shipped', () => {
        expect(modulePaths(loadAppRecords())).toContain(`${PREFIX}src/server/core/jira-scopes.ts`)
    })
})

describe('package zip', () => {
    test('package_inventory.csv lists every entry once, each with the sha256 of the entry bytes', () => {
        const z = zip()
        const inv = zipInventory(z)
        const listed = inv.rows.map((r) => r.path)
        expect(new Set(listed).size).toBe(listed.length)
        expect(listed.sort()).toEqual(
            z
                .names()
                .filter((n) => n !== 'package_inventory.csv')
                .sort()
        )
        const mismatched = inv.rows.filter((r) => sha256Hex(z.read(r.path)) !== r.sha256).map((r) => r.path)
        expect(mismatched).toEqual([])
    })

    test('the inventory is built for scope x_jira_connect, version 1.0.0', () => {
        expect(zipInventory(zip()).header).toMatchObject({ build: 'x_jira_connect', version: '1.0.0' })
    })

    test('the zip holds exactly the files of dist/app, byte for byte', () => {
        const z = zip()
        const app = distAppDir()
        const distFiles = walk(app).map((f) => path.relative(app, f).split(path.sep).join('/'))
        expect(z.names().sort()).toEqual(distFiles.sort())
        const differ = distFiles.filter((f) => !z.read(f).equals(fs.readFileSync(path.join(app, f))))
        expect(differ).toEqual([])
    })

    test('the zip records parse to the same tables and sys_ids as dist/app', () => {
        const key = (rs: AppRecords) => rs.records.map((r) => `${r.folder}/${r.table}/${r.sysId}`).sort()
        expect(key(loadZipRecords(zip()))).toEqual(key(loadAppRecords()))
    })
})
