/**
 * Who may change the integration and saves that never cause an outage (issue 16 §1-§2), and validate before switching
 * (issue 17 §1, §2, §5), through the setup API of the shipped package on the simulated instance: a user with only
 * x_jira_connect.admin, writes the instance refuses half-way (its own ACLs under GlideRecordSecure, a business rule's
 * abort), two admins at once, and the live connection that changes only after the new one validates.
 */
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { APP_ADMIN, SetupClient } from '../../harness/glide-simulator/setup-client'
import { World, e2eSource } from '../../harness/glide-simulator/world'
import { expectNoSecretAnywhere } from './no-secret'

let world: World

beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
})
afterEach(async () => {
    await world.close()
})

type Json = Record<string, any>
type FieldErr = { field: string; code: string; message: string }
const CHANGES = 'x_jira_connect_setup_change'
const WRITE_ROLE_MESSAGE =
    'Changing the Jira connection needs the admin role; x_jira_connect.admin may read the setup, validate and check ' +
    'health.'

function errorsOf(a: { json: unknown }): FieldErr[] {
    return (a.json as { result: { error: { errors: FieldErr[] } } }).result.error.errors
}

/** Every configuration record a save could touch, for "changed nothing" comparisons. */
function snapshot() {
    return JSON.stringify({
        registries: world.sim.query('oauth_entity'),
        profiles: world.sim.query('oauth_entity_profile'),
        profileScopes: world.sim.query('oauth_entity_profile_scope'),
        connections: world.sim.query('http_connection'),
        credentials: world.sim.query('discovery_credentials'),
        aliases: world.sim.query('sys_alias'),
        attributes: world.sim.query('connection_attributes'),
    })
}

const active = () =>
    world.sim
        .query('http_connection')
        .filter((c) => c.active === 'true')
        .map((c) => c.name)
        .sort()

/** The 3LO path done and green, as a working production connection. */
async function working3lo(): Promise<void> {
    world.configureOAuth()
    expect((await world.getOAuthToken('accept')).text).toContain('Access token received')
}

/** An ACL the instance's own security admin added: the table operation needs a role nobody here has. */
function tightenAcl(table: string, operation: 'write' | 'create') {
    const role = world.sim.admin.insertRecord('sys_user_role', { name: 'connection_security' })
    const acl = world.sim.admin.insertRecord('sys_security_acl', {
        name: table,
        type: 'record',
        operation,
        active: true,
        admin_overrides: false,
    })
    world.sim.admin.insertRecord('sys_security_acl_role', { sys_security_acl: acl.sys_id, sys_user_role: role.sys_id })
}

async function state(client: SetupClient): Promise<Json> {
    const a = await client.api('GET', 'state')
    expect(a.status).toBe(200)
    return a.json!.result as Json
}

describe('who may change the integration', () => {
    test('x_jira_connect.admin alone: state says it may not write (one sentence naming admin); every write is a 403 that changes nothing; validate and health still work', async () => {
        await working3lo()
        const appAdmin = new SetupClient(world.sim, APP_ADMIN)
        const s = await state(appAdmin)
        expect(s.access).toEqual({ canWrite: false, writeRole: 'admin', message: WRITE_ROLE_MESSAGE })
        expect((await state(new SetupClient(world.sim, ADMIN_USER))).access).toEqual({
            canWrite: true,
            writeRole: 'admin',
            message: '',
        })
        const before = snapshot()
        const writes: Array<[string, string, Json]> = [
            ['PUT', 'oauth-client', { clientId: world.clientId, clientSecret: 'x'.repeat(20) }],
            ['PUT', 'site', { cloudId: world.cloudId }],
            ['PUT', 'api-token', { site: 'acme-jcc', email: world.email, apiToken: world.apiToken }],
            ['PUT', 'service-account', { clientId: world.saClientId, clientSecret: 'wrong-secret', site: 'acme-jcc' }],
            ['POST', 'site-connection', { cloudId: world.cloudId }],
            ['POST', 'activate', { connectionSysId: world.ids.saConnection, force: true }],
            ['POST', 'switch-back', { force: true }],
        ]
        for (const [method, resource, body] of writes) {
            const a = await appAdmin.api(method, resource, body)
            expect({ resource, status: a.status }).toEqual({ resource, status: 403 })
        }
        expect(snapshot()).toBe(before)
        expect(world.sim.query(CHANGES)).toEqual([])
        // What x_jira_connect.admin keeps: validate (its own token read is the platform's business) and health.
        expect((await appAdmin.api('POST', 'validate', { target: 'service-account' })).status).toBe(200)
        expect((await appAdmin.api('GET', 'health')).status).toBe(200)
        expect((await appAdmin.api('POST', 'site-lookup', { site: 'acme-jcc' })).status).toBe(200)
        expect(snapshot()).toBe(before)
    })

    test('the script checks admin again: with the write ACL switched off on the instance, x_jira_connect.admin still gets 403 with the sentence naming the role, and nothing changes', async () => {
        const acl = world.sim.one('sys_security_acl', { name: 'Jira Cloud Connect setup: change' })
        world.sim.admin.setField('sys_security_acl', acl.sys_id, 'active', false)
        const appAdmin = new SetupClient(world.sim, APP_ADMIN)
        const before = snapshot()
        const a = await appAdmin.api('PUT', 'api-token', { site: 'acme-jcc', email: world.email, apiToken: 'x' })
        expect(a.status).toBe(403)
        expect(errorsOf(a)).toEqual([{ field: '', code: 'admin_required', message: WRITE_ROLE_MESSAGE }])
        expect(snapshot()).toBe(before)
    })

    test('writes go through GlideRecordSecure: an instance ACL that refuses creating connections refuses the save, the credential it had created is deleted again, and the answer says so', async () => {
        tightenAcl('http_connection', 'create')
        const admin = new SetupClient(world.sim, ADMIN_USER)
        const before = snapshot()
        const a = await admin.api('PUT', 'api-token', {
            site: 'acme-jcc',
            email: world.email,
            apiToken: world.apiToken,
        })
        expect(a.status).toBe(409)
        expect(errorsOf(a)).toEqual([
            {
                field: '',
                code: 'save_refused',
                message:
                    'Saving the API token stopped: the platform refused the creation of http_connection "Jira Cloud ' +
                    'acme-jcc (API token)": the ACLs of http_connection do not let admin create one. Put back: ' +
                    'basic_auth_credentials "Jira Cloud API token (acme-jcc)" (created, deleted again). Nothing else ' +
                    'was changed: the records are as they were before this save. Ask the administrator of this ' +
                    'instance which access rule or business rule refuses it, then save again.',
            },
        ])
        expect(snapshot()).toBe(before)
        expectNoSecretAnywhere(world)
    })

    test('audit trail: who changed which record and field, when, old and new value, "replaced" for a secret, readable by x_jira_connect.admin', async () => {
        const admin = new SetupClient(world.sim, ADMIN_USER)
        expect(
            (await admin.api('PUT', 'oauth-client', { clientId: world.clientId, clientSecret: world.clientSecret }))
                .status
        ).toBe(200)
        const rows = world.sim.query(CHANGES, { kind: 'change' })
        const byField = (f: string) => rows.find((r) => r.field_name === f)!
        expect(byField('client_id')).toMatchObject({
            operation: 'save 3LO client id and secret',
            table_name: 'oauth_entity',
            document_key: world.ids.registry,
            record_name: 'Jira Cloud OAuth',
            old_value: '',
            new_value: world.clientId,
            sys_created_by: 'admin',
        })
        expect(byField('client_id').sys_created_on).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
        expect(byField('client_secret')).toMatchObject({ old_value: '', new_value: 'replaced' })
        expect(byField('redirect_url')).toMatchObject({ old_value: '', new_value: world.sim.callbackUrl })
        // The lock of that save is gone; x_jira_connect.admin may read the trail (the shipped read ACL).
        expect(world.sim.query(CHANGES, { kind: 'lock' })).toEqual([])
        world.sim.session.user = APP_ADMIN
        try {
            expect(world.sim.aclAllows(CHANGES, 'read')).toBe(true)
            expect(world.sim.aclAllows(CHANGES, 'create')).toBe(false)
        } finally {
            world.sim.session.user = ADMIN_USER
        }
        expectNoSecretAnywhere(world)
    })
})

describe('saves never cause an outage', () => {
    test('a business rule refuses the connection half-way through an API-token save: the credential is put back field by field, the new token is named as what remains, production stays live', async () => {
        await working3lo()
        const admin = new SetupClient(world.sim, ADMIN_USER)
        expect(
            (await admin.api('PUT', 'api-token', { site: 'acme-jcc', email: world.email, apiToken: world.apiToken }))
                .status
        ).toBe(200)
        world.sim.abortRules.push({
            table: 'http_connection',
            ops: ['write'],
            when: (next) => (next.name ?? '').includes('(API token)'),
            message: 'Connections may only change in a change window.',
        })
        world.emu.addSite({
            cloudId: '6a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
            name: 'acme-eu',
            host: 'acme-eu.atlassian.net',
        })
        const cred = world.sim.query('basic_auth_credentials')[0]
        const a = await admin.api('PUT', 'api-token', {
            site: 'acme-eu',
            email: 'other.person@acme.example',
            apiToken: 'ATATT-new-token-value-0123456789',
        })
        expect(a.status).toBe(409)
        expect(errorsOf(a)[0].message).toBe(
            'Saving the API token stopped: the platform refused the update of http_connection "Jira Cloud ' +
                'acme-jcc (API token)" (connection_url): the platform did not write http_connection ' +
                `${world.sim.query('http_connection', { credential: cred.sys_id })[0].sys_id}. Put back: ` +
                'basic_auth_credentials "Jira Cloud API token (acme-jcc)" (user_name put back). Still changed: ' +
                'basic_auth_credentials "Jira Cloud API token (acme-jcc)" holds the new password. Ask the ' +
                'administrator of this instance which access rule or business rule refuses it, then save again.'
        )
        expect(world.sim.read('basic_auth_credentials', cred.sys_id)!.user_name).toBe(world.email)
        expect(active()).toEqual(['Jira Cloud OAuth Connection'])
        const v = await admin.api('POST', 'validate', { target: 'oauth' })
        expect((v.json!.result as Json).verdict).toBe('pass')
        expect(JSON.stringify(a.json)).not.toContain('ATATT-new-token-value-0123456789')
        expectNoSecretAnywhere(world, ['ATATT-new-token-value-0123456789'])
    })

    test('a refused activation puts the working connection back at once and says so: never no active connection', async () => {
        await working3lo()
        const admin = new SetupClient(world.sim, ADMIN_USER)
        expect((await admin.api('PUT', 'service-account', good())).status).toBe(200)
        world.sim.abortRules.push({
            table: 'http_connection',
            ops: ['write'],
            when: (next) => next.name === 'Jira Cloud Service Account Connection' && next.active === 'true',
            message: 'Activation needs a change record.',
        })
        const a = await admin.api('POST', 'activate', { connectionSysId: world.ids.saConnection })
        expect(a.status).toBe(409)
        expect(errorsOf(a)[0].message).toBe(
            'Making "Jira Cloud Service Account Connection" live stopped: the platform refused the update of ' +
                'http_connection "Jira Cloud Service Account Connection" (active): the platform did not write ' +
                `http_connection ${world.ids.saConnection}. Put back: http_connection "Jira Cloud OAuth Connection" ` +
                '(active put back). Nothing else was changed: the records are as they were before this save. Ask ' +
                'the administrator of this instance which access rule or business rule refuses it, then save again.'
        )
        expect(active()).toEqual(['Jira Cloud OAuth Connection'])
        // The trail shows the deactivation, its put-back and why the save stopped; and no switch to undo.
        const trail = world.sim
            .query(CHANGES, { kind: 'change', document_key: world.ids.connection })
            .map((r) => [r.operation, r.field_name, r.old_value, r.new_value])
        expect(trail).toEqual([
            ['make live', 'active', 'true', 'false'],
            ['make live (put back)', 'active', 'false', 'true'],
            [
                'make live',
                '(save)',
                '',
                expect.stringMatching(/^stopped: update of http_connection "Jira Cloud Service/),
            ],
        ])
        expect((await state(admin)).switchBack).toBeNull()
    })

    test('a refused record half-way through "Connect another site" deletes every record it created, record by record, and lists them', async () => {
        const admin = new SetupClient(world.sim, ADMIN_USER)
        await twoSites()
        tightenAcl('sys_alias', 'create')
        const before = snapshot()
        const a = await admin.api('POST', 'site-connection', { cloudId: SECOND.cloudId })
        expect(a.status).toBe(409)
        const message = errorsOf(a)[0].message
        expect(message).toMatch(
            /^Connecting acme-eu stopped: the platform refused the creation of sys_alias "Jira_acme_eu": the ACLs of sys_alias do not let admin create one\. Put back: oauth_2_0_credentials "Jira Cloud OAuth Credential \(acme-eu\)" \(created, deleted again\); /
        )
        expect(message.match(/oauth_entity_profile_scope "[^"]+" \(created, deleted again\)/g)).toHaveLength(14)
        expect(message).toContain('oauth_entity_profile "Jira OAuth Profile (acme-eu)" (created, deleted again).')
        expect(message).toContain('Nothing else was changed')
        expect(snapshot()).toBe(before)
    })

    test('two admins at once: a save while another holds the lock is told who and until when, and changes nothing; an expired lock no longer blocks', async () => {
        const admin = new SetupClient(world.sim, ADMIN_USER)
        world.sim.admin.insertRecord(CHANGES, {
            kind: 'lock',
            operation: 'save service account',
            record_name: 'save lock: save service account',
            expires: '2999-01-01 00:00:00',
            sys_created_by: 'other.admin',
        })
        const before = snapshot()
        const a = await admin.api('PUT', 'api-token', {
            site: 'acme-jcc',
            email: world.email,
            apiToken: world.apiToken,
        })
        expect(a.status).toBe(409)
        expect(errorsOf(a)[0]).toMatchObject({ code: 'save_in_progress' })
        expect(errorsOf(a)[0].message).toMatch(
            /^Another setup change, by other\.admin since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT, is still being saved; nothing was changed\. Try again in a minute \(its lock expires at 2999-01-01 00:00:00 GMT at the latest\)\.$/
        )
        expect(snapshot()).toBe(before)
        const lock = world.sim.one(CHANGES, { kind: 'lock' })
        world.sim.admin.setField(CHANGES, lock.sys_id, 'expires', '2000-01-01 00:00:00')
        const b = await admin.api('PUT', 'api-token', {
            site: 'acme-jcc',
            email: world.email,
            apiToken: world.apiToken,
        })
        expect(b.status).toBe(200)
    })

    test('two admins saving and switching at the same moment: one active connection, one API-token connection, one child alias per site', async () => {
        await working3lo()
        await twoSites()
        const a = new SetupClient(world.sim, ADMIN_USER)
        const b = new SetupClient(world.sim, { ...ADMIN_USER, sysId: 'b'.repeat(32), userName: 'second.admin' })
        const token = { site: 'acme-jcc', email: world.email, apiToken: world.apiToken }
        const saves = await Promise.all([a.api('PUT', 'api-token', token), b.api('PUT', 'api-token', token)])
        expect(saves.map((s) => s.status)).toEqual([200, 200])
        expect(world.sim.query('basic_auth_credentials')).toHaveLength(1)
        const basic = (saves[0].json!.result as Json).connectionSysId
        const switches = await Promise.all([
            a.api('POST', 'activate', { connectionSysId: basic }),
            b.api('POST', 'activate', { connectionSysId: world.ids.saConnection, force: true }),
        ])
        expect(switches.map((s) => s.status)).toEqual([200, 200])
        expect(active()).toHaveLength(1)
        const sites = await Promise.all([
            a.api('POST', 'site-connection', { cloudId: SECOND.cloudId }),
            b.api('POST', 'site-connection', { cloudId: SECOND.cloudId }),
        ])
        expect(sites.map((s) => (s.json!.result as Json).created).sort()).toEqual([false, true])
        expect(world.sim.query('sys_alias', { parent: world.ids.alias })).toHaveLength(1)
    })
})

const SECOND = { cloudId: '6a1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', name: 'acme-eu', host: 'acme-eu.atlassian.net' }

async function twoSites(): Promise<void> {
    world.emu.addSite(SECOND)
    world.emu.addUser({
        accountId: world.accountId,
        email: world.email,
        displayName: 'Jira Admin',
        apiTokens: [world.apiToken],
        sites: [world.cloudId, SECOND.cloudId],
    })
    world.configureOAuth()
    expect((await world.getOAuthToken('accept')).text).toContain('Access token received')
}

function good() {
    return { clientId: world.saClientId, clientSecret: world.saClientSecret, site: 'acme-jcc' }
}

describe('validate before switching', () => {
    test('a wrong service-account secret never takes production down: saved inactive, validation fails, "make live" refuses and names what stays live; forcing names what it deactivated; switch back restores it', async () => {
        await working3lo()
        const admin = new SetupClient(world.sim, ADMIN_USER)
        const saved = await admin.api('PUT', 'service-account', { ...good(), clientSecret: 'not-the-secret-0000' })
        expect(saved.status).toBe(200)
        expect(saved.json!.result).toMatchObject({ active: false, connectionSysId: world.ids.saConnection })
        expect(active()).toEqual(['Jira Cloud OAuth Connection'])
        const v = await admin.api('POST', 'validate', { target: 'service-account' })
        expect((v.json!.result as Json).verdict).toBe('fail')

        const refused = await admin.api('POST', 'activate', { connectionSysId: world.ids.saConnection })
        expect(refused.status).toBe(200)
        const r = refused.json!.result as Json
        expect(r).toMatchObject({ outcome: 'refused', deactivated: [], forced: false })
        expect(r.message).toBe(
            '"Jira Cloud Service Account Connection" was not made live: its validation failed (1 failing check). ' +
                '"Jira Cloud OAuth Connection" stays live. Fix what the failing checks say, then try again (or make ' +
                'it live anyway).'
        )
        expect(r.validation.checks.find((c: Json) => c.status === 'fail')).toMatchObject({
            code: 'service_account_rejected',
        })
        expect(active()).toEqual(['Jira Cloud OAuth Connection'])

        const forced = await admin.api('POST', 'activate', { connectionSysId: world.ids.saConnection, force: true })
        expect(forced.json!.result).toMatchObject({
            outcome: 'activated',
            forced: true,
            validation: null,
            deactivated: [{ sysId: world.ids.connection, name: 'Jira Cloud OAuth Connection' }],
        })
        expect((forced.json!.result as Json).message).toBe(
            '"Jira Cloud Service Account Connection" is now the live connection, without a passing validation ' +
                '(forced). Deactivated (kept, with its credential): "Jira Cloud OAuth Connection". "Switch back" ' +
                'undoes this for 24 hours.'
        )
        expect(active()).toEqual(['Jira Cloud Service Account Connection'])
        const s = await state(admin)
        expect(s.live).toMatchObject({ sysId: world.ids.saConnection, path: 'service-account' })
        expect(s.switchBack).toMatchObject({
            connectionSysId: world.ids.connection,
            name: 'Jira Cloud OAuth Connection',
            fromSysId: world.ids.saConnection,
            by: 'admin',
        })

        const back = await admin.api('POST', 'switch-back', {})
        expect(back.json!.result).toMatchObject({
            outcome: 'activated',
            forced: false,
            deactivated: [{ sysId: world.ids.saConnection, name: 'Jira Cloud Service Account Connection' }],
        })
        expect((back.json!.result as Json).validation.verdict).not.toBe('fail')
        expect(active()).toEqual(['Jira Cloud OAuth Connection'])
        // The 3LO path validates its own connection, whatever else happened.
        const own = await admin.api('POST', 'validate', { target: 'oauth' })
        expect((own.json!.result as Json).verdict).toBe('pass')
        expectNoSecretAnywhere(world, ['not-the-secret-0000'])
    })

    test('the right service account: validated while inactive, made live after it passes, naming the 3LO connection it deactivated; switch back is offered for 24 hours', async () => {
        await working3lo()
        const admin = new SetupClient(world.sim, ADMIN_USER)
        expect((await admin.api('PUT', 'service-account', good())).status).toBe(200)
        const v = await admin.api('POST', 'validate', { target: 'service-account' })
        expect((v.json!.result as Json).verdict).not.toBe('fail')
        expect(active()).toEqual(['Jira Cloud OAuth Connection'])
        const made = await admin.api('POST', 'activate', { connectionSysId: world.ids.saConnection })
        expect(made.json!.result).toMatchObject({
            outcome: 'activated',
            forced: false,
            deactivated: [{ sysId: world.ids.connection, name: 'Jira Cloud OAuth Connection' }],
        })
        expect(active()).toEqual(['Jira Cloud Service Account Connection'])
        const again = await admin.api('POST', 'activate', { connectionSysId: world.ids.saConnection })
        expect(again.json!.result).toMatchObject({ outcome: 'already_live', deactivated: [] })
        expect((await state(admin)).switchBack).toMatchObject({ connectionSysId: world.ids.connection })
        world.advance(25 * 3600 * 1000)
        expect((await state(admin)).switchBack).toBeNull()
        const late = await admin.api('POST', 'switch-back', {})
        expect(late.status).toBe(409)
        expect(errorsOf(late)[0].code).toBe('nothing_to_switch_back')
        const audit = world.sim.query(CHANGES, { kind: 'change', operation: 'make live', field_name: 'active' })
        expect(audit.map((r) => [r.document_key, r.old_value, r.new_value]).sort()).toEqual(
            [
                [world.ids.connection, 'true', 'false'],
                [world.ids.saConnection, 'false', 'true'],
            ].sort()
        )
    })

    test('a blank secret keeps the stored one when only the site changes; with nothing stored it is refused naming admin.atlassian.com', async () => {
        const admin = new SetupClient(world.sim, ADMIN_USER)
        const blank = await admin.api('PUT', 'service-account', { ...good(), clientSecret: '' })
        expect(blank.status).toBe(400)
        expect(errorsOf(blank)).toEqual([
            expect.objectContaining({ field: 'clientSecret', code: 'clientSecret_missing' }),
        ])
        expect(errorsOf(blank)[0].message).toContain('admin.atlassian.com')
        expect((await admin.api('PUT', 'service-account', good())).status).toBe(200)
        const secretBefore = world.sim.read('oauth_entity', world.ids.saRegistry)!.client_secret
        world.emu.addSite(SECOND)
        const moved = await admin.api('PUT', 'service-account', { ...good(), clientSecret: '', site: 'acme-eu' })
        expect(moved.status).toBe(200)
        expect(world.sim.read('oauth_entity', world.ids.saRegistry)!.client_secret).toBe(secretBefore)
        expect(world.sim.read('http_connection', world.ids.saConnection)!.connection_url).toBe(
            `https://api.atlassian.com/ex/jira/${SECOND.cloudId}`
        )
        // The same for the 3LO secret and the API token.
        expect(
            (await admin.api('PUT', 'oauth-client', { clientId: world.clientId, clientSecret: world.clientSecret }))
                .status
        ).toBe(200)
        const oauthSecret = world.sim.read('oauth_entity', world.ids.registry)!.client_secret
        expect((await admin.api('PUT', 'oauth-client', { clientId: world.clientId, clientSecret: '' })).status).toBe(
            200
        )
        expect(world.sim.read('oauth_entity', world.ids.registry)!.client_secret).toBe(oauthSecret)
    })

    test('the API-token save does not switch: the working 3LO connection stays live until the API-token connection validates and is made live', async () => {
        await working3lo()
        const admin = new SetupClient(world.sim, ADMIN_USER)
        const saved = await admin.api('PUT', 'api-token', {
            site: 'acme-jcc',
            email: world.email,
            apiToken: 'ATATT-wrong',
        })
        expect(saved.json!.result).toMatchObject({ active: false })
        expect(active()).toEqual(['Jira Cloud OAuth Connection'])
        const v = await admin.api('POST', 'validate', { target: 'api-token' })
        expect((v.json!.result as Json).verdict).toBe('fail')
        const s = await state(admin)
        expect(s.live).toMatchObject({ sysId: world.ids.connection, path: 'oauth' })
        expect(s.apiToken.connection).toMatchObject({ active: false })
        const refused = await admin.api('POST', 'activate', {
            connectionSysId: (saved.json!.result as Json).connectionSysId,
        })
        expect((refused.json!.result as Json).outcome).toBe('refused')
        expect(active()).toEqual(['Jira Cloud OAuth Connection'])
    })
})
