/**
 * Install scenarios: the built package (dist XML and the packed zip) loaded into the Glide simulator the way an
 * instance installs it. Every record, every sys_module with its path and code, first install vs upgrade, and the
 * refusals that make a typo in a record definition fail here instead of installing a blank field.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readDistApp } from '../../harness/glide-simulator/package-reader'
import { ParamMap } from '../../harness/glide-simulator/platform-apis'
import { GlideSimulator } from '../../harness/glide-simulator/simulator'
import { distAppDir, packageZipPath } from '../../harness/support/artifacts'

const noNetwork = () => ({
    ok: false as const,
    code: 'unknown_host',
    message: 'java.net.UnknownHostException: no network in this test',
})
let sims: GlideSimulator[] = []

async function freshSim(): Promise<GlideSimulator> {
    const sim = await GlideSimulator.start({ http: noNetwork })
    sims.push(sim)
    return sim
}

afterEach(async () => {
    await Promise.all(sims.map((s) => s.close()))
    sims = []
})

function copyDist(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcc-dist-'))
    fs.cpSync(distAppDir(), dir, { recursive: true })
    return dir
}

function editXml(dir: string, prefix: string, edit: (xml: string) => string): void {
    const file = fs.readdirSync(path.join(dir, 'update')).find((f) => f.startsWith(prefix))
    if (!file) throw new Error(`no ${prefix}* in the build`)
    const p = path.join(dir, 'update', file)
    const before = fs.readFileSync(p, 'utf8')
    const after = edit(before)
    if (after === before) throw new Error(`edit of ${file} changed nothing`)
    fs.writeFileSync(p, after)
}

test('fresh install from the package zip loads every record and every sys_module with its path and code, as the dist XML does', async () => {
    const fromZip = await freshSim()
    const fromDist = await freshSim()
    const zipReport = fromZip.install({ zipPath: packageZipPath() })
    const distReport = fromDist.install({ distAppDir: distAppDir() })
    expect(zipReport.mode).toBe('first install')
    expect(zipReport.inserted.length).toBeGreaterThan(50)
    expect([...zipReport.inserted].sort()).toEqual([...distReport.inserted].sort())

    const shipped = readDistApp(distAppDir()).filter((r) => r.table === 'sys_module')
    expect(shipped.length).toBeGreaterThan(3)
    for (const m of shipped) {
        const row = fromZip.read('sys_module', m.fields.sys_id)
        expect(row?.path).toBe(m.fields.path)
        expect(row?.content).toBe(m.fields.content)
    }
    expect(fromZip.query('sys_module').map((r) => r.path)).toContain(
        'x_jira_connect/jira-cloud-connect/1.0.0/src/server/core/jira-scopes.ts'
    )
    // the first-install records are there on a fresh install
    expect(fromZip.query('oauth_2_0_credentials', { name: 'Jira Cloud OAuth Credential' })).toHaveLength(1)
    expect(fromZip.query('http_connection', { name: 'Jira Cloud OAuth Connection' })).toHaveLength(1)
})

test('the alias shows the shipped attribute definitions (no business rule runs on install), and connections take values', async () => {
    const sim = await freshSim()
    sim.install({ zipPath: packageZipPath() })
    const alias = sim.one('sys_alias', { id: 'x_jira_connect.Jira' })
    // The Connection Attributes related list / Attributes tab: only complete var_dictionary definitions appear.
    expect(sim.admin.connectionAttributesOf(alias.sys_id)).toEqual(['api_version', 'server_type'])
    for (const a of sim.query('connection_attributes', { model: alias.sys_id })) {
        expect(a).toMatchObject({
            name: `var__m_connection_attributes_${alias.sys_id}`,
            model_table: 'sys_alias',
            model_id: alias.sys_id,
        })
        expect(a.label).toBe(a.column_label)
    }
    const connection = sim.one('http_connection', { name: 'Jira Cloud OAuth Connection' })
    sim.admin.setConnectionAttribute(connection.sys_id, 'api_version', '3')
    const attrs =
        sim.runBackgroundScript(`var ci = new sn_cc.ConnectionInfoProvider().getConnectionInfo('${alias.sys_id}');
        return JSON.stringify(ci.getExtendedAttributes());`)
    expect(JSON.parse(attrs as string)).toEqual({ api_version: '3', server_type: 'cloud' })
})

test('server code runs from the shipped sys_module records (not src/) and reaches no Node built-in', async () => {
    const sim = await freshSim()
    sim.install({ zipPath: packageZipPath() })
    const scopes = 'x_jira_connect/jira-cloud-connect/1.0.0/src/server/core/jira-scopes.ts'
    expect(sim.runBackgroundScript(`return require('${scopes}').REQUIRED_JIRA_SCOPES.length`)).toBe(14)
    expect(
        sim.runBackgroundScript(`return [typeof process, typeof Buffer, typeof setTimeout, typeof console].join(',')`)
    ).toBe('undefined,undefined,undefined,undefined')
    expect(() => sim.runBackgroundScript(`return require('fs')`)).toThrow(/no sys_module/)
    expect(() => sim.runBackgroundScript(`return require('node:child_process')`)).toThrow(/no sys_module/)
    // Remove the shipped module: the same require now fails, so nothing was read from src/.
    const row = sim.one('sys_module', { path: scopes })
    sim.store.delete('sys_module', row.sys_id)
    expect(() => sim.runBackgroundScript(`return require('${scopes}').REQUIRED_JIRA_SCOPES.length`)).toThrow(
        /no sys_module with that path/
    )
})

test('the shipped OAuth API script include runs on the simulated platform (Class.create, Object.extendsObject(global.OAuthUtil))', async () => {
    const sim = await freshSim()
    sim.install({ zipPath: packageZipPath() })
    const registry = sim.one('oauth_entity', { name: 'Jira Cloud OAuth' })
    const hooks = sim.engine.apiScript(registry, null)
    const map = new ParamMap()
    hooks.preprocessAuthCode(map)
    expect(Object.fromEntries(map.entries())).toEqual({ audience: 'api.atlassian.com', prompt: 'consent' })
    // inherited from the OOB OAuthUtil: token responses are parsed into the parameter map
    const params = new ParamMap()
    hooks.parseTokenResponse({
        getContentType: () => 'application/json',
        getBody: () => '{"access_token":"a","refresh_token":"r","expires_in":3600}',
        getparameters: () => params,
    })
    expect(params.get('refresh_token')).toBe('r')
    expect(params.get('expires_in')).toBe('3600')
})

test('an upgrade reloads update/ records, skips unload/ records and keeps what the admin changed', async () => {
    const sim = await freshSim()
    expect(sim.install({ zipPath: packageZipPath() }).mode).toBe('first install')
    const registry = sim.one('oauth_entity', { name: 'Jira Cloud OAuth' })
    const connection = sim.one('http_connection', { name: 'Jira Cloud OAuth Connection' })
    const credential = sim.one('oauth_2_0_credentials', { name: 'Jira Cloud OAuth Credential' })
    const shippedComments = registry.comments
    sim.admin.setFields('oauth_entity', registry.sys_id, {
        client_id: 'admin-client-id',
        client_secret: 'admin-secret',
        comments: 'edited by the admin',
    })
    sim.admin.setFields('http_connection', connection.sys_id, {
        connection_url: 'https://api.atlassian.com/ex/jira/11111111-2222-3333-4444-555555555555',
        active: false,
    })
    sim.admin.setField('oauth_2_0_credentials', credential.sys_id, 'name', 'Our Jira credential')

    const upgrade = sim.install({ zipPath: packageZipPath() })
    expect(upgrade.mode).toBe('upgrade')
    // the 3LO and the service-account credential and connection
    expect(upgrade.skipped.sort()).toEqual([
        expect.stringMatching(/^unload\/http_connection_/),
        expect.stringMatching(/^unload\/http_connection_/),
        expect.stringMatching(/^unload\/oauth_2_0_credentials_/),
        expect.stringMatching(/^unload\/oauth_2_0_credentials_/),
    ])
    // first-install records: untouched by the upgrade
    expect(sim.read('http_connection', connection.sys_id)).toMatchObject({
        connection_url: 'https://api.atlassian.com/ex/jira/11111111-2222-3333-4444-555555555555',
        active: 'false',
    })
    expect(sim.read('oauth_2_0_credentials', credential.sys_id)?.name).toBe('Our Jira credential')
    // update/ records: fields the package ships are reloaded, fields it does not ship (client id/secret) stay
    const after = sim.read('oauth_entity', registry.sys_id)!
    expect(after.comments).toBe(shippedComments)
    expect(after.client_id).toBe('admin-client-id')
    expect(sim.vault.decrypt(after.client_secret)).toBe('admin-secret')
})

test('a column that is not on the table fails the install instead of installing a blank field', async () => {
    const dir = copyDist()
    try {
        editXml(dir, 'oauth_entity_', (x) =>
            x.replace('<token_url>', '<token_ulr>https://auth.atlassian.com/oauth/token</token_ulr>\n    <token_url>')
        )
        const sim = await freshSim()
        expect(() => sim.install({ distAppDir: dir })).toThrow(/column 'token_ulr' is not on table 'oauth_entity'/)
    } finally {
        fs.rmSync(dir, { recursive: true, force: true })
    }
})

test('a reference to a record that is not there fails the install', async () => {
    const dir = copyDist()
    try {
        editXml(dir, 'oauth_entity_profile_scope_', (x) =>
            x.replace(
                /<oauth_entity_scope>[0-9a-f]{32}<\/oauth_entity_scope>/,
                '<oauth_entity_scope>0123456789abcdef0123456789abcdef</oauth_entity_scope>'
            )
        )
        const sim = await freshSim()
        expect(() => sim.install({ distAppDir: dir })).toThrow(
            /oauth_entity_profile_scope\.oauth_entity_scope references oauth_entity_scope '0123456789abcdef0123456789abcdef', which does not exist/
        )
    } finally {
        fs.rmSync(dir, { recursive: true, force: true })
    }
})

test('password2 fields are stored encrypted and never read back in plain text through GlideRecord', async () => {
    const sim = await freshSim()
    sim.install({ zipPath: packageZipPath() })
    const registry = sim.one('oauth_entity', { name: 'Jira Cloud OAuth' })
    const secret = 'plain-secret-0f9e8d7c6b5a'
    sim.admin.setField('oauth_entity', registry.sys_id, 'client_secret', secret)
    const viaGlide = sim.runBackgroundScript(
        `var g = new GlideRecord('oauth_entity'); g.get('${registry.sys_id}'); return g.getValue('client_secret') + '|' + g.client_secret + '|' + g.client_secret.getDisplayValue();`
    ) as string
    expect(viaGlide).not.toContain(secret)
    expect(viaGlide.split('|')[2]).toBe('********')
    expect(sim.visibleText().join('\n')).not.toContain(secret)
    expect(sim.vault.decrypt(sim.read('oauth_entity', registry.sys_id)!.client_secret)).toBe(secret)
})

test('GlideRecord refuses a column that is not on the queried table, and a parent-table query does not expose child columns', async () => {
    const sim = await freshSim()
    sim.install({ zipPath: packageZipPath() })
    expect(() =>
        sim.runBackgroundScript(`var g = new GlideRecord('oauth_entity'); g.addQuery('clientid', 'x');`)
    ).toThrow(/column 'clientid' is not on table 'oauth_entity'/)
    expect(() =>
        sim.runBackgroundScript(
            `var g = new GlideRecord('sys_connection'); g.query(); g.next(); return g.getValue('connection_url');`
        )
    ).toThrow(/child table 'http_connection'/)
    // but the parent query finds the child rows, with their class
    expect(
        sim.runBackgroundScript(
            `var g = new GlideRecord('discovery_credentials'); g.query(); g.next(); return g.getRecordClassName() + ':' + g.getValue('active');`
        )
    ).toBe('oauth_2_0_credentials:1')
})
