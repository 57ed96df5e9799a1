/**
 * Platform behaviour the public evidence leaves open or points against our first assumptions (issue 8), each world
 * modelled by a Glide simulator option, and what the admin sees in it:
 * - the OAuth API Script: called from the app scope, not called (ServiceNow has customers clone such scripts into
 *   global), or absent (ServiceNow's own Jira set-up uses none) — assumption A11;
 * - a refresh whose rotated refresh token the platform does not store — A5;
 * - a user with x_jira_connect.admin but not admin, whom the platform does not let read tokens (KB0859525);
 * - a blank registry Redirect URL after an XML install, filled only by a form save;
 * - a second default profile on the registry (what a UI save creates) — A1.
 */
import { API_SCRIPT_GLOBAL_NAME, apiScriptGlobalSnippet } from '../../src/server/core/api-script-snippet'
import type { EmulatorOptions } from '../../harness/atlassian-emulator'
import type { PlatformOptions } from '../../harness/glide-simulator/platform-apis'
import type { UiActionResult } from '../../harness/glide-simulator/simulator'
import { World, e2eSource } from '../../harness/glide-simulator/world'
import { linesWithCheckIds } from '../support/check-ids'

const HOUR = 3600 * 1000
let world: World

afterEach(async () => {
    await world?.close()
})

async function start(platform: Partial<PlatformOptions> = {}, emulator: EmulatorOptions = {}): Promise<World> {
    world = await World.start({ source: e2eSource(), platform, emulator })
    return world
}

/** The browser's last GET of Atlassian's /authorize (the consent form posts to the same path). */
function lastAuthorize() {
    const gets = world.emu.requestsTo('authorize').filter((q) => q.method === 'GET')
    expect(gets.length).toBeGreaterThan(0)
    return gets[gets.length - 1]
}

/** The stored run's result for one check id. */
function checkOf(id: string): { status: string; code?: string; found: string } | undefined {
    const runs = world.sim.query('x_jira_connect_validation_run')
    const checks = JSON.parse(runs[runs.length - 1].checks_json) as Array<{
        id: string
        status: string
        code?: string
        found: string
    }>
    return checks.find((c) => c.id === id)
}

function text(r: UiActionResult): string {
    return [...r.info, ...r.errors].join('\n')
}

function noSecrets(r: UiActionResult): void {
    const shown = [text(r), ...r.logs.map((l) => l.message), ...world.sim.visibleText()].join('\n')
    for (const s of world.secrets()) expect(shown).not.toContain(s)
}

describe('OAuth API Script worlds (A11)', () => {
    test('(a) the platform calls the scoped script: audience is sent, tokens work, the check passes', async () => {
        await start({ scopedOAuthApiScript: 'called' })
        world.configureOAuth()
        await world.getOAuthToken('accept')
        const r = world.validate('oauth_2_0_credentials', world.ids.credential)
        expect(r.errors).toEqual([])
        expect(lastAuthorize().query).toMatchObject({ audience: 'api.atlassian.com', prompt: 'consent' })
        expect(checkOf('oauth.registry.api_script')).toMatchObject({ status: 'pass' })
        expect(checkOf('oauth.registry.api_script')?.found).toContain('OAuthJiraCloudUtil')
    })

    test('(b) the platform does not call a scoped script: the token is rejected right after issuance and the fix is the global script', async () => {
        await start({ scopedOAuthApiScript: 'not-called' })
        world.configureOAuth()
        await world.getOAuthToken('accept')
        expect(lastAuthorize().query.audience).toBeUndefined()
        const r = world.validate('oauth_2_0_credentials', world.ids.credential)
        const t = text(r)
        expect(r.exception).toBeNull()
        expect(t).toMatch(/did not run|not run/)
        expect(t).toContain('audience')
        expect(t).toContain(API_SCRIPT_GLOBAL_NAME)
        expect(t).toContain('OAuth API Script')
        expect(t).toMatch(/Global application scope/)
        expect(checkOf('atlassian.accessible_resources')).toMatchObject({ status: 'fail', code: 'token_rejected' })
        noSecrets(r)
    })

    test('(b) fixed as the finding says: the global script include from the snippet, Get OAuth Token again, everything passes', async () => {
        await start({ scopedOAuthApiScript: 'not-called' })
        world.configureOAuth()
        const si = world.sim.admin.insertRecord('sys_script_include', {
            name: API_SCRIPT_GLOBAL_NAME,
            api_name: `global.${API_SCRIPT_GLOBAL_NAME}`,
            active: true,
            access: 'public',
            sys_scope: 'global',
            script: apiScriptGlobalSnippet(),
        })
        world.sim.admin.setField('oauth_entity', world.ids.registry, 'oauth_api_script', si.sys_id)
        const page = await world.getOAuthToken('accept')
        expect(page.text).toContain('Access token received')
        expect(lastAuthorize().query).toMatchObject({ audience: 'api.atlassian.com', prompt: 'consent' })
        const r = world.validate('oauth_2_0_credentials', world.ids.credential)
        expect(r.errors).toEqual([])
        expect(r.info[0]).toMatch(/works/)
    })

    test('(c) no script and Atlassian accepts tokens without audience: api_script_missing is a warning, the connection works', async () => {
        await start({}, { missingAudience: 'accepted' })
        world.configureOAuth()
        world.sim.admin.setField('oauth_entity', world.ids.registry, 'oauth_api_script', '')
        await world.getOAuthToken('accept')
        const r = world.validate('oauth_2_0_credentials', world.ids.credential)
        expect(r.errors).toEqual([])
        expect(r.info[0]).toMatch(/works/)
        expect(checkOf('oauth.registry.api_script')).toMatchObject({ status: 'warn', code: 'api_script_missing' })
        expect(text(r)).toContain('Warning: OAuth API Script adds audience and prompt=consent: ')
        expect(linesWithCheckIds(text(r))).toEqual([])
        expect(text(r)).toContain(API_SCRIPT_GLOBAL_NAME)
    })

    test('(c) no script and Atlassian needs audience: fails with the global script to create', async () => {
        await start()
        world.configureOAuth()
        world.sim.admin.setField('oauth_entity', world.ids.registry, 'oauth_api_script', '')
        await world.getOAuthToken('accept')
        const r = world.validate('oauth_2_0_credentials', world.ids.credential)
        expect(r.errors[0]).toMatch(/does not work/)
        expect(r.errors.join('\n')).toContain(API_SCRIPT_GLOBAL_NAME)
        expect(r.errors.join('\n')).toContain('audience')
    })
})

test('A5 failing: the platform does not store the rotated refresh token: Validate says so instead of passing', async () => {
    await start({ rotatedRefreshToken: 'not-stored' })
    world.configureOAuth()
    await world.getOAuthToken('accept')
    world.advance(2 * HOUR)
    const r = world.validate('oauth_2_0_credentials', world.ids.credential)
    expect(r.errors[0]).toMatch(/does not work/)
    expect(r.errors.join('\n')).toMatch(/rotated refresh token/)
    expect(r.errors).toContainEqual(expect.stringMatching(/^Access token: /))
    expect(linesWithCheckIds(...r.errors, ...r.info)).toEqual([])
    noSecrets(r)
})

describe('a user with x_jira_connect.admin but not admin (KB0859525)', () => {
    for (const mode of ['empty', 'throw'] as const) {
        test(`tokens unreadable (${mode}): a clear message naming the admin role, no stack trace`, async () => {
            await start({ tokenReadWithoutAdmin: mode })
            world.configureOAuth()
            await world.getOAuthToken('accept')
            world.sim.session.user = {
                ...world.sim.session.user,
                userName: 'jira.owner',
                roles: ['x_jira_connect.admin'],
            }
            const r = world.validate('oauth_2_0_credentials', world.ids.credential)
            expect(r.exception).toBeNull()
            const t = r.errors.join('\n')
            expect(t).toContain('admin role')
            expect(t).toContain('KB0859525')
            expect(t).not.toMatch(/\bat .+\.js:\d+|stack|unexpected platform error/)
        })
    }
})

describe('Redirect URL after an XML install', () => {
    test('blank and never saved on the form: the validator gives the exact value; saving the registry form fills it', async () => {
        await start({ redirectUrlFill: 'on-form-save' })
        // Client ID / secret set without the form (e.g. by a script): no save, no generated Redirect URL.
        world.sim.runBackgroundScript(`var g = new GlideRecord('oauth_entity'); g.get('${world.ids.registry}');
            g.setValue('client_id', '${world.clientId}'); g.setValue('client_secret', '${world.clientSecret}'); g.update();`)
        expect(world.sim.one('oauth_entity', { sys_id: world.ids.registry }).redirect_url ?? '').toBe('')
        const r = world.validate('oauth_2_0_credentials', world.ids.credential)
        const t = text(r)
        expect(t).toContain('Callback URL to register in the Atlassian app: ')
        expect(linesWithCheckIds(t)).toEqual([])
        expect(t).toContain(world.sim.callbackUrl)
        expect(t).toMatch(/redirect_uri/)
        world.configureOAuth()
        expect(world.sim.one('oauth_entity', { sys_id: world.ids.registry }).redirect_url).toBe(world.sim.callbackUrl)
        await world.getOAuthToken('accept')
        expect(world.validate('oauth_2_0_credentials', world.ids.credential).errors).toEqual([])
    })

    test("'on-use': a blank Redirect URL is generated on each use and the validator only shows it", async () => {
        await start({ redirectUrlFill: 'on-use' })
        world.sim.runBackgroundScript(`var g = new GlideRecord('oauth_entity'); g.get('${world.ids.registry}');
            g.setValue('client_id', '${world.clientId}'); g.setValue('client_secret', '${world.clientSecret}'); g.update();`)
        world.sim.admin.setField(
            'http_connection',
            world.ids.connection,
            'connection_url',
            `https://api.atlassian.com/ex/jira/${world.cloudId}`
        )
        await world.getOAuthToken('accept')
        const r = world.validate('oauth_2_0_credentials', world.ids.credential)
        expect(r.errors).toEqual([])
    })
})

test('A1: a second default profile on the registry (what a UI save creates) is a warning naming both', async () => {
    await start()
    world.configureOAuth()
    await world.getOAuthToken('accept')
    world.sim.admin.insertRecord('oauth_entity_profile', {
        name: 'Jira Cloud OAuth default_profile',
        oauth_entity: world.ids.registry,
        grant_type: 'authorization_code',
        default: true,
    })
    const r = world.validate('oauth_2_0_credentials', world.ids.credential)
    expect(r.errors).toEqual([])
    expect(text(r)).toContain('Jira Cloud OAuth default_profile')
    expect(text(r)).toContain('Jira OAuth Profile')
})

test('docs/oauth-api-script.md carries exactly the script the finding gives', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('node:fs') as typeof import('node:fs')
    const doc = fs.readFileSync(`${__dirname}/../../docs/oauth-api-script.md`, 'utf8')
    expect(doc).toContain('```js\n' + apiScriptGlobalSnippet() + '\n```')
})
