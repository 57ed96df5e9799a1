/**
 * The OAuth side of the built app against DOC ("Set up the Jira spoke for Jira Cloud", Option 2): application
 * registry, its OAuth API Script, the 14 entity scopes, the default profile and its profile scopes.
 */
import * as vm from 'node:vm'
import { REQUIRED_JIRA_SCOPES } from '../../src/server/core/jira-scopes'
import { loadAppRecords, type AppRecord } from '../support/app-records'
import { DOC_SCOPES, EXPECTED, EXPECTED_AUTH_PARAMS } from './expected-records'

const app = () => loadAppRecords()
const expectedRecord = (key: string) => EXPECTED.records.find((e) => e.key === key)!
const find = (key: string): AppRecord => {
    const e = expectedRecord(key)
    return app().one(e.table, e.identity)
}
const registry = () => find('registry')
const profile = () => find('profile')

describe('application registry (DOC: Create an application registry in ServiceNow instance)', () => {
    test('is one oauth_entity record with the documented field values', () => {
        expect(
            app()
                .byTable('oauth_entity')
                .filter((r) => r.fields.name === 'Jira Cloud OAuth')
        ).toHaveLength(1)
        const r = registry()
        expect(r.folder).toBe('update')
        expect(r.fields).toMatchObject(expectedRecord('registry').fields)
    })

    test('ships no Client ID and no Client Secret (the admin pastes them after install)', () => {
        const r = registry()
        expect(r.fields.client_id ?? '').toBe('')
        expect(r.fields.client_secret ?? '').toBe('')
    })

    test('ships no Redirect URL (the instance generates it on save)', () => {
        expect(registry().fields).not.toHaveProperty('redirect_url')
    })

    test('oauth_api_script resolves to the sys_script_include OAuthJiraCloudUtil, whose name starts with "OAuth"', () => {
        const script = app().resolve(registry(), 'oauth_api_script')
        expect(script.table).toBe('sys_script_include')
        expect(script.fields.name).toBe('OAuthJiraCloudUtil')
        expect(script.fields.name.startsWith('OAuth')).toBe(true)
        expect(script.fields.active).toBe('true')
    })
})

describe('OAuth API Script (the shipped script, executed)', () => {
    /** Runs the script text from the built XML in a sandbox with a fake Glide class system and OAuthUtil base. */
    function loadShippedScript() {
        const record = app().resolve(registry(), 'oauth_api_script')
        const sandbox: Record<string, unknown> = {}
        const context = vm.createContext(sandbox)
        vm.runInContext(
            `
            var Class = { create: function () { return function () { if (this.initialize) this.initialize.apply(this, arguments) } } };
            Object.extendsObject = function (base, ext) {
                var proto = Object.create(base.prototype);
                for (var k in ext) proto[k] = ext[k];
                return proto;
            };
            function OAuthUtil() {}
            OAuthUtil.prototype = {
                preprocessAuthCode: function (requestParamMap) {},
                postprocessAccessToken: function (accessTokenResponse) { return 'base' },
                type: 'OAuthUtil',
            };
            var global = { OAuthUtil: OAuthUtil };
            `,
            context
        )
        vm.runInContext(record.fields.script, context, { filename: record.file })
        return { record, sandbox: sandbox as { OAuthJiraCloudUtil?: new () => Record<string, any>; OAuthUtil: any } }
    }

    test('defines a class named after the record that extends global.OAuthUtil', () => {
        const { record, sandbox } = loadShippedScript()
        expect(typeof sandbox.OAuthJiraCloudUtil).toBe('function')
        const util = new sandbox.OAuthJiraCloudUtil!()
        expect(util.type).toBe(record.fields.name)
        expect(util instanceof sandbox.OAuthUtil).toBe(true)
    })

    test('preprocessAuthCode puts audience=api.atlassian.com and prompt=consent into the authorization request', () => {
        const { sandbox } = loadShippedScript()
        const puts: [string, string][] = []
        new sandbox.OAuthJiraCloudUtil!().preprocessAuthCode({
            put: (k: string, v: string) => puts.push([String(k), String(v)]),
        })
        expect(puts).toEqual(EXPECTED_AUTH_PARAMS)
    })

    test('keeps the platform token-response parsing (postprocessAccessToken is inherited), so rotated refresh tokens are stored', () => {
        const { sandbox } = loadShippedScript()
        const util = new sandbox.OAuthJiraCloudUtil!()
        expect(util.postprocessAccessToken).toBe(sandbox.OAuthUtil.prototype.postprocessAccessToken)
    })
})

describe('OAuth entity scopes (DOC: "In the OAuth Entity Scopes tab, create these entity scope records")', () => {
    const scopes = () =>
        app()
            .byTable('oauth_entity_scope')
            .filter((r) => r.fields.oauth_entity === registry().sysId)

    test('the 14 documented scopes are shipped exactly: none missing, none extra, none twice', () => {
        expect(
            scopes()
                .map((r) => r.fields.oauth_entity_scope)
                .sort()
        ).toEqual(DOC_SCOPES.map((p) => p.scope).sort())
    })

    test('each scope record has Name equal to its OAuth scope, as in the doc table', () => {
        for (const r of scopes()) {
            const doc = DOC_SCOPES.find((p) => p.scope === r.fields.oauth_entity_scope)
            expect({ sysId: r.sysId, name: r.fields.name }).toEqual({ sysId: r.sysId, name: doc?.name })
            expect(r.fields.name).toBe(r.fields.oauth_entity_scope)
        }
    })

    test('each scope record references the Jira Cloud OAuth registry', () => {
        const reg = registry()
        for (const r of scopes())
            expect({ scope: r.fields.oauth_entity_scope, registry: app().resolve(r, 'oauth_entity').sysId }).toEqual({
                scope: r.fields.oauth_entity_scope,
                registry: reg.sysId,
            })
    })

    test('REQUIRED_JIRA_SCOPES (used by the validator) equals the doc list, in the doc order', () => {
        expect([...REQUIRED_JIRA_SCOPES]).toEqual(DOC_SCOPES.map((p) => p.scope))
    })
})

describe('OAuth entity profile (DOC: "open the default record. For example, Jira OAuth Profile")', () => {
    test('is the default profile with grant type authorization_code, on the registry', () => {
        const p = profile()
        expect(p.fields).toMatchObject({
            name: 'Jira OAuth Profile',
            default: 'true',
            grant_type: 'authorization_code',
        })
        expect(app().resolve(p, 'oauth_entity')).toBe(registry())
    })

    test('is the only default profile of the registry', () => {
        const defaults = app()
            .byTable('oauth_entity_profile')
            .filter((r) => r.fields.oauth_entity === registry().sysId && r.fields.default === 'true')
        expect(defaults.map((r) => r.fields.name)).toEqual(['Jira OAuth Profile'])
    })
})

describe('OAuth entity profile scopes (DOC: "ensure that the same entity scopes are provided")', () => {
    const rows = () =>
        app()
            .byTable('oauth_entity_profile_scope')
            .filter((r) => r.fields.oauth_entity_profile === profile().sysId)

    test('exactly 14 rows', () => {
        expect(rows()).toHaveLength(DOC_SCOPES.length)
    })

    test('every row resolves to the profile', () => {
        for (const row of rows()) expect(app().resolve(row, 'oauth_entity_profile')).toBe(profile())
    })

    test('every row resolves to a distinct oauth_entity_scope record, together covering all 14 documented scopes', () => {
        const targets = rows().map((row) => app().resolve(row, 'oauth_entity_scope'))
        expect(targets.every((t) => t.table === 'oauth_entity_scope')).toBe(true)
        expect(new Set(targets.map((t) => t.sysId)).size).toBe(targets.length)
        expect(targets.map((t) => t.fields.oauth_entity_scope).sort()).toEqual(DOC_SCOPES.map((p) => p.scope).sort())
    })
})
