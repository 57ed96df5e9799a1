/**
 * Jira → ServiceNow, the instance side, on the shipped package in the Glide simulator: the Glide adapter
 * (src/server/glide/spoke-inbound-reader.ts) reads the Jira spoke's registry records, their token verification records
 * and the Jira External Trigger endpoints (harness/glide-simulator/spoke-tables.ts, switchable where the docs say
 * nothing), and Validate reports them. No token value reaches a row, a message or a log.
 */
import { World, e2eSource } from '../../harness/glide-simulator/world'
import { ADMIN_USER } from '../../harness/glide-simulator/simulator'
import { SetupClient } from '../../harness/glide-simulator/setup-client'
import { installJiraSpoke, SPOKE_DEFAULTS } from '../../harness/glide-simulator/spoke-tables'
import { expectNoSecretAnywhere } from './no-secret'
import { connectSecondSite } from './second-site'

const PATH = 'api/sn_jira_spoke/jira_webhook_callbacks/wh_entry'
let world: World
beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
    world.configureOAuth()
    await world.getOAuthToken('accept')
})
afterEach(() => world.close())

type Check = { id: string; status: string; code: string; found: string; fix: string }
function validate(): { checks: Check[]; byId: (id: string) => Check; shown: string } {
    const r = world.validate('sys_alias', world.ids.alias)
    expect(r.exception).toBeNull()
    const runs = world.sim.query('x_jira_connect_validation_run')
    const checks = JSON.parse(runs[runs.length - 1].checks_json) as Check[]
    const byId = (id: string) => {
        const c = checks.find((x) => x.id === id)
        if (!c) throw new Error(`no ${id} in ${checks.map((x) => x.id).join(', ')}`)
        return c
    }
    return { checks, byId, shown: [...r.info, ...r.errors].join('\n') }
}

test('spoke not installed: one info sentence, and the adapter opens no table the instance lacks', () => {
    const { checks, byId } = validate()
    expect(byId('inbound.instance_registry')).toMatchObject({ status: 'pass', code: 'spoke_not_installed' })
    expect(checks.filter((c) => /^inbound\.instance_(token|trigger)$/.test(c.id))).toEqual([])
    expect(world.sim.invalidTables).toEqual([])
})

test('spoke installed without the tables the docs do not name: both said plainly, nothing thrown', () => {
    installJiraSpoke(world.sim, { registryTable: null, triggerTable: false })
    const { byId } = validate()
    expect(byId('inbound.instance_registry')).toMatchObject({ status: 'pass', code: 'registry_table_unknown' })
    expect(byId('inbound.instance_trigger')).toMatchObject({ status: 'pass', code: 'trigger_table_unknown' })
    // The trigger table was asked for and found invalid (isValid() false), as on an instance without it.
    expect(world.sim.invalidTables).toEqual([SPOKE_DEFAULTS.triggerTable])
})

test('registry with an HMAC callback, a token, a trigger whose run-as user lacks a role: read and reported', () => {
    const spoke = installJiraSpoke(world.sim, { registryTable: 'sn_jira_spoke_jira_webhook_registry' })
    const secret = 'tv-secret-4f1c9a7e2b'
    const token = spoke.token({ name: 'Jira token', token: secret })
    spoke.registry({ name: 'Jira webhook', token, type: 'hmac' })
    const user = spoke.user('jira.webhook', ['itil'])
    spoke.trigger({ name: 'Jira External Trigger', runAs: user, roles: 'itil,sn_jira_spoke.webhook_user' })
    const { byId, shown } = validate()
    // Not a Jira admin in the emulator: which webhook calls the registry cannot be told.
    expect(byId('inbound.instance_registry')).toMatchObject({ status: 'pass', code: 'match_unknown' })
    expect(byId('inbound.instance_registry').found).toContain(`"Jira webhook" (/${PATH}, hmac-based)`)
    expect(byId('inbound.instance_token')).toMatchObject({ status: 'pass', code: 'ok' })
    const trigger = byId('inbound.instance_trigger')
    expect(trigger).toMatchObject({ status: 'fail', code: 'run_as_roles_missing' })
    expect(trigger.found).toContain('jira.webhook lacks sn_jira_spoke.webhook_user')
    expect(shown).toContain('run-as user')
    expectNoSecretAnywhere(world, [secret])
})

test('token verification record expired or inactive: the registry callback refuses Jira, said with the fix', () => {
    const spoke = installJiraSpoke(world.sim)
    const expired = spoke.token({ name: 'Old token', token: 'old-secret-value-1', expires: '2020-01-01 00:00:00' })
    spoke.registry({ name: 'Jira webhook', token: expired, type: 'token' })
    expect(validate().byId('inbound.instance_token')).toMatchObject({ status: 'fail', code: 'token_expired' })
    world.sim.admin.setFields('token_verification', expired, { expires: '', active: false })
    const c = validate().byId('inbound.instance_token')
    expect(c).toMatchObject({ status: 'fail', code: 'token_inactive' })
    expect(c.fix).toMatch(/set it Active/)
    expectNoSecretAnywhere(world, ['old-secret-value-1'])
})

test('an instance whose token_verification has no active or expires field: the token is taken as present', () => {
    const spoke = installJiraSpoke(world.sim, { tokenActive: false, tokenExpires: false, version: '5.3.0' })
    const token = spoke.token({ name: 'Jira token', token: 'plain-secret-value-2' })
    spoke.registry({ name: 'Jira webhook', token })
    const { byId } = validate()
    expect(byId('inbound.instance_token')).toMatchObject({ status: 'pass', code: 'ok' })
    // Before 5.4.0 the registry has no callback type: said as such, not guessed.
    expect(byId('inbound.instance_registry').found).toContain('callback type not shown')
})

test('health check (Validate all): an inactive run-as user breaks the row, alerts, and no token reaches a row or email', async () => {
    world.addAppAdmin()
    const spoke = installJiraSpoke(world.sim)
    const secret = 'tv-health-secret-8d2e51'
    spoke.registry({ name: 'Jira webhook', token: spoke.token({ name: 'Jira token', token: secret }), type: 'token' })
    spoke.trigger({ name: 'Jira External Trigger', runAs: spoke.user('jira.webhook', [], false) })
    const answer = await world.validateAll()
    expect(answer.status).toBe(200)
    const runs = world.sim.query('x_jira_connect_validation_run')
    const checks = JSON.parse(runs[runs.length - 1].checks_json) as Check[]
    expect(checks.find((c) => c.id === 'inbound.instance_trigger')).toMatchObject({
        status: 'fail',
        code: 'run_as_inactive',
    })
    const row = world.sim.one('x_jira_connect_connection_health', { subject_sys_id: world.ids.connection })
    expect({ verdict: row.verdict, code: row.last_finding_code }).toEqual({
        verdict: 'broken',
        code: 'inbound.instance_trigger/run_as_inactive',
    })
    const emails = world.sim.query('sys_email')
    expect(emails.length).toBeGreaterThan(0)
    expect(emails.map((e) => e.body).join('\n')).toContain('jira.webhook')
    expectNoSecretAnywhere(world, [secret])
})

test('health check over two connections: one instance fault breaks one row and sends one alert; the other row says where it is', async () => {
    world.addAppAdmin()
    const admin = new SetupClient(world.sim, ADMIN_USER)
    const other = await connectSecondSite(world, admin)
    const spoke = installJiraSpoke(world.sim)
    spoke.registry({
        name: 'Jira webhook',
        token: spoke.token({ name: 'Jira token', token: 'tv-two-1' }),
        type: 'token',
    })
    const runAs = spoke.user('jira.webhook', [], false)
    spoke.trigger({ name: 'Jira External Trigger', runAs })

    expect((await world.validateAll(admin)).status).toBe(200)
    const row = (sysId: string) => world.sim.one('x_jira_connect_connection_health', { subject_sys_id: sysId })
    const main = world.sim.read('http_connection', world.ids.connection)!.name
    expect([row(world.ids.connection), row(other.sysId)].map((r) => [r.verdict, r.last_finding_code])).toEqual([
        ['broken', 'inbound.instance_trigger/run_as_inactive'],
        ['healthy', ''],
    ])
    // The run reads the spoke once: its checks appear once, on the Jira alias's connection.
    const runs = world.sim.query('x_jira_connect_validation_run')
    const checks = JSON.parse(runs[runs.length - 1].checks_json) as Array<Check & { subject?: string }>
    expect(checks.filter((c) => c.id === 'inbound.instance_trigger').map((c) => [c.subject, c.code])).toEqual([
        [main, 'run_as_inactive'],
    ])
    const broken = () => world.sim.query('sys_email').filter((e) => /broken/i.test(`${e.subject}\n${e.body}`))
    expect(broken().map((e) => e.subject.includes(main))).toEqual([true])
    // The other row's section points at the row that carries the instance side.
    const section = JSON.parse(row(other.sysId).inbound_json || '{}') as { instanceOn?: string; instance?: unknown }
    expect(section).toMatchObject({ instanceOn: main })
    expect(section.instance).toBeUndefined()
    expect(JSON.parse(row(world.ids.connection).inbound_json).instance.callbacks.length).toBe(2)

    // Fixed on the instance: the one broken row recovers; the other never changed, so no mail about it.
    world.sim.admin.setField('sys_user', runAs, 'active', true)
    expect((await world.validateAll(admin)).status).toBe(200)
    expect([row(world.ids.connection).verdict, row(other.sysId).verdict]).toEqual(['healthy', 'healthy'])
    expect(world.sim.query('sys_email').filter((e) => e.subject.includes(other.name))).toEqual([])
})

describe('HMAC-based callbacks: the secret record Jira signs against (X-Hub-Signature, HMAC-SHA256)', () => {
    test('documented model: the Token record is the secret; inactive -> hmac_secret_inactive, emptied -> missing', () => {
        const spoke = installJiraSpoke(world.sim)
        const secret = 'tv-hmac-secret-51e0c2'
        const token = spoke.token({ name: 'Jira token', token: secret, active: false })
        const reg = spoke.registry({ name: 'Jira webhook', token, type: 'hmac' })
        const first = validate()
        const c = first.byId('inbound.instance_token')
        expect(c).toMatchObject({ status: 'fail', code: 'hmac_secret_inactive' })
        expect(c.found).toContain('token_verification "Jira token"')
        world.sim.admin.setFields(spoke.registryTable!, reg, { token: '' })
        const second = validate()
        const m = second.byId('inbound.instance_token')
        expect(m).toMatchObject({ status: 'fail', code: 'hmac_secret_missing' })
        expect(m.found).toContain('Token empty')
        expectNoSecretAnywhere(world, [secret], first.shown + second.shown)
    })

    test('secret in hash_message_verification (registry column found through sys_dictionary): read, no Token needed', () => {
        const spoke = installJiraSpoke(world.sim, { hmacSecret: 'hash_message' })
        const secret = 'hmv-secret-7c3e0d19aa'
        const hash = spoke.hashSecret({ name: 'Jira HMAC', secret })
        spoke.registry({ name: 'Jira webhook', type: 'hmac', hashSecret: hash })
        const { byId, shown } = validate()
        const c = byId('inbound.instance_token')
        expect(c).toMatchObject({ status: 'pass', code: 'ok' })
        expect(c.found).toContain('"Jira HMAC" (HMAC secret, hash_message_verification)')
        expectNoSecretAnywhere(world, [secret], shown)
    })

    test('hash_message_verification record inactive -> hmac_secret_inactive; none named -> hmac_secret_missing', () => {
        const spoke = installJiraSpoke(world.sim, { hmacSecret: 'hash_message' })
        const hash = spoke.hashSecret({ name: 'Jira HMAC', secret: 'hmv-secret-2b', active: false })
        const token = spoke.token({ name: 'Jira token', token: 'tv-secret-3c' })
        const reg = spoke.registry({ name: 'Jira webhook', type: 'hmac', token, hashSecret: hash })
        const c = validate().byId('inbound.instance_token')
        expect(c).toMatchObject({ status: 'fail', code: 'hmac_secret_inactive' })
        expect(c.found).toContain('hash_message_verification "Jira HMAC"')
        expect(c.fix).toContain('hash_message_verification.list')
        world.sim.admin.setFields(spoke.registryTable!, reg, { hmac_secret: '' })
        const m = validate().byId('inbound.instance_token')
        expect(m).toMatchObject({ status: 'fail', code: 'hmac_secret_missing' })
        expect(m.found).toContain('no hash_message_verification record in hmac_secret')
    })

    test('health check with a broken HMAC secret: no planted secret in any row, message, log, event or email', async () => {
        world.addAppAdmin()
        const spoke = installJiraSpoke(world.sim, { hmacSecret: 'hash_message' })
        const planted = ['hmv-planted-secret-9f41d7', 'tv-planted-token-0c88e3']
        const hash = spoke.hashSecret({ name: 'Jira HMAC', secret: planted[0], active: false })
        const token = spoke.token({ name: 'Jira token', token: planted[1] })
        spoke.registry({ name: 'Jira webhook', type: 'hmac', token, hashSecret: hash })
        const answer = await world.validateAll()
        expect(answer.status).toBe(200)
        const row = world.sim.one('x_jira_connect_connection_health', { subject_sys_id: world.ids.connection })
        expect(row.last_finding_code).toBe('inbound.instance_token/hmac_secret_inactive')
        // The alert went out (an event and its email), so the scan below covers them; rows and logs are in it too.
        const events = world.sim.eventManager.events
        expect(events.length).toBeGreaterThan(0)
        expect(world.sim.query('sys_email').length).toBeGreaterThan(0)
        // Their stored (encrypted) forms count too, even cut short: getValue() on a password2 column returns that text.
        const stored = [
            ...world.sim.query('hash_message_verification').map((r) => r.secret),
            ...world.sim.query('token_verification').map((r) => r.token),
        ]
        expect(stored.filter((v) => /^sim-enc:.{32}/.test(v))).toHaveLength(2)
        const pieces = stored.map((v) => v.slice('sim-enc:'.length, 'sim-enc:'.length + 32))
        const scanned = [JSON.stringify(answer), JSON.stringify(events)].join('\n')
        expectNoSecretAnywhere(world, [...planted, ...pieces], scanned)
    })
})
