/**
 * Service accounts and the connection templates, field by field against ServiceNow's Jira spoke procedures:
 * SA-DOC = "Option 2: Using OAuth authentication (Client Credentials grant type)" (jira-setup-cc-app-reg.html,
 * jira-cc-cred.html, jira-cc-conn.html, Brazil, updated 2026-09-03); OPT4 = Zurich "Option 4" (scoped API token: Basic
 * Auth Credentials with User name = email and API Key = the token, connection https://api.atlassian.com/ex/jira/<Cloud-ID>).
 * Expected values are literals here; the scope lists are also compared with src/server/core/jira-scopes.ts, the one
 * module the records and the validator read.
 */
import {
    CLASSIC_JIRA_SCOPES,
    GRANULAR_JIRA_SCOPES,
    REQUIRED_JIRA_SCOPES,
    SERVICE_ACCOUNT_SCOPES,
} from '../../src/server/core/jira-scopes'
import { loadAppRecords, type AppRecord } from '../support/app-records'
import { EXPECTED, SA_DOC_SCOPES } from './expected-records'

const app = () => loadAppRecords()
const find = (key: string): AppRecord => {
    const e = EXPECTED.records.find((x) => x.key === key)!
    return app().one(e.table, e.identity)
}
const TOKEN_URL = 'https://auth.atlassian.com/oauth/token'
const GATEWAY_PLACEHOLDER = 'https://api.atlassian.com/ex/jira/<cloud-id>'

describe('service-account registry (SA-DOC: Create an application registry record)', () => {
    test('Connect to a third party OAuth Provider, Default Grant type Client Credentials, Active', () => {
        expect(find('saRegistry').fields).toMatchObject({
            type: 'oauth_provider',
            default_grant_type: 'client_credentials',
            active: 'true',
        })
    })

    test('Token URL and Token Revocation URL are https://auth.atlassian.com/oauth/token', () => {
        expect(find('saRegistry').fields).toMatchObject({ token_url: TOKEN_URL, revoke_token_url: TOKEN_URL })
    })

    test('no Authorization URL, Refresh Token URL, redirect or OAuth API Script: the grant has no browser step and no refresh token', () => {
        for (const f of ['auth_url', 'refresh_token_url', 'redirect_url', 'oauth_api_script'])
            expect(find('saRegistry').fields).not.toHaveProperty(f)
    })

    test('ships no Client ID and no Client Secret', () => {
        expect(find('saRegistry').fields.client_id ?? '').toBe('')
        expect(find('saRegistry').fields.client_secret ?? '').toBe('')
    })

    test('access token lifespan 3600 s (Atlassian: service-account tokens are valid for 60 minutes)', () => {
        expect(find('saRegistry').fields.access_token_lifespan).toBe('3600')
    })
})

describe('service-account scopes (SA-DOC: two OAuth Entity Scope records)', () => {
    const scopes = () =>
        app()
            .byTable('oauth_entity_scope')
            .filter((r) => r.fields.oauth_entity === find('saRegistry').sysId)

    test('exactly the documented Classic scopes and Granular Scopes records, Name and OAuth scope verbatim', () => {
        expect(scopes().map((r) => ({ name: r.fields.name, scope: r.fields.oauth_entity_scope }))).toEqual(
            expect.arrayContaining([...SA_DOC_SCOPES])
        )
        expect(scopes()).toHaveLength(2)
    })

    test('the records hold the core module lists (CLASSIC_JIRA_SCOPES, GRANULAR_JIRA_SCOPES) the validator reads', () => {
        const byName = Object.fromEntries(scopes().map((r) => [r.fields.name, r.fields.oauth_entity_scope]))
        expect(byName['Classic scopes']).toBe(CLASSIC_JIRA_SCOPES.join(' '))
        expect(byName['Granular Scopes']).toBe(GRANULAR_JIRA_SCOPES.join(' '))
        expect([...SERVICE_ACCOUNT_SCOPES]).toEqual([...CLASSIC_JIRA_SCOPES, ...GRANULAR_JIRA_SCOPES])
    })

    test('no offline_access (client credentials has no refresh token); the 13 are the 3LO list without it', () => {
        expect(
            scopes()
                .map((r) => r.fields.oauth_entity_scope)
                .join(' ')
        ).not.toMatch(/offline_access/)
        expect([...SERVICE_ACCOUNT_SCOPES].sort()).toEqual(
            REQUIRED_JIRA_SCOPES.filter((s) => s !== 'offline_access').sort()
        )
    })
})

describe('service-account profile (SA-DOC: "Grant type is set to Client Credentials", both scope records listed)', () => {
    test('is the only default profile of the registry, grant client_credentials', () => {
        const reg = find('saRegistry')
        const defaults = app()
            .byTable('oauth_entity_profile')
            .filter((r) => r.fields.oauth_entity === reg.sysId && r.fields.default === 'true')
        expect(defaults.map((r) => [r.fields.name, r.fields.grant_type])).toEqual([
            ['Jira Service Account Profile', 'client_credentials'],
        ])
    })

    test('its OAuth Entity Profile Scopes are the two scope records', () => {
        const rows = app()
            .byTable('oauth_entity_profile_scope')
            .filter((r) => r.fields.oauth_entity_profile === find('saProfile').sysId)
        const names = rows.map((r) => app().resolve(r, 'oauth_entity_scope').fields.name).sort()
        expect(names).toEqual(['Classic scopes', 'Granular Scopes'])
    })
})

describe('service-account credential and connection (SA-DOC: Create credential record / Create a connection record)', () => {
    test('an OAuth 2.0 credential on the service-account profile, first install only', () => {
        const cred = find('saCredential')
        expect(cred).toMatchObject({ table: 'oauth_2_0_credentials', folder: 'unload' })
        expect(app().resolve(cred, 'oauth_entity_profile')).toBe(find('saProfile'))
    })

    test('an HTTP(s) connection on the Jira alias, https://api.atlassian.com/ex/jira/<cloud-id>, first install only', () => {
        const conn = find('saConnection')
        expect(conn).toMatchObject({ table: 'http_connection', folder: 'unload' })
        expect(conn.fields.connection_url).toBe(GATEWAY_PLACEHOLDER)
        expect(app().resolve(conn, 'connection_alias')).toBe(find('alias'))
        expect(app().resolve(conn, 'credential')).toBe(find('saCredential'))
    })

    test('ships inactive so the 3LO connection stays the single active connection of the alias', () => {
        expect(find('saConnection').fields.active).toBe('false')
        expect(find('connection').fields.active).toBe('true')
    })
})

// ---------------------------------------------------------------- templates

type Field = { name: string; type?: string; defaultValue?: string; label?: string; hint?: string; mandatory?: boolean }
const schemaOf = (key: string) =>
    JSON.parse(find(key).fields.dynamic_data_schema) as { connection_fields: Field[]; credential_fields: Field[] }
const defaultsOf = (key: string) =>
    JSON.parse(find(key).fields.default_data_template) as {
        connection: Record<string, unknown>
        credential: Record<string, any>
    }
const fieldNames = (key: string) => {
    const s = schemaOf(key)
    return [...s.connection_fields, ...s.credential_fields].map((f) => f.name)
}
const fieldOf = (key: string, name: string) => {
    const s = schemaOf(key)
    const f = [...s.connection_fields, ...s.credential_fields].find((x) => x.name === name)
    if (!f) throw new Error(`${find(key).fields.name}: no field ${name} (has ${fieldNames(key).join(', ')})`)
    return f
}
const TEMPLATES = ['serviceAccountTemplate', 'scopedTokenTemplate', 'oauth3loTemplate', 'basicAuthTemplate'] as const

describe('every template asks only for what the admin has', () => {
    test.each(TEMPLATES)('%s: connection name and URL, then only the credential the admin holds', (key) => {
        const expected: Record<(typeof TEMPLATES)[number], string[]> = {
            serviceAccountTemplate: ['credential.oauth_entity.client_id', 'credential.oauth_entity.client_secret'],
            oauth3loTemplate: ['credential.oauth_entity.client_id', 'credential.oauth_entity.client_secret'],
            scopedTokenTemplate: ['credential.user_name', 'credential.password'],
            basicAuthTemplate: ['credential.user_name', 'credential.password'],
        }
        expect(fieldNames(key)).toEqual(['connection.name', 'connection.connection_url', ...expected[key]])
    })

    test.each(TEMPLATES)('%s: secrets are password fields with no default, mandatory', (key) => {
        const secret = fieldNames(key).find((n) => /client_secret|password/.test(n)) as string
        expect(fieldOf(key, secret)).toMatchObject({ type: 'password', mandatory: true })
        expect(fieldOf(key, secret).defaultValue ?? '').toBe('')
        const d = defaultsOf(key).credential
        expect(d.password ?? d.oauth_entity?.client_secret ?? '').toBe('')
        expect(d.oauth_entity?.client_id ?? '').toBe('')
    })

    test.each(TEMPLATES)('%s: every schema field has a default-data entry (alias-template-guide)', (key) => {
        const d = defaultsOf(key) as Record<string, any>
        for (const name of fieldNames(key)) {
            const path = name.split('.')
            let node = d
            for (const p of path.slice(0, -1)) node = node?.[p]
            const leaf = path[path.length - 1]
            const mapped = leaf === 'connection_url' ? 'connection_url' : leaf
            expect({ name, present: node !== undefined && mapped in node }).toEqual({ name, present: true })
        }
    })
})

describe('service-account template (SA-DOC values, the SDK "OAuth Client Credentials" template)', () => {
    const entity = () => defaultsOf('serviceAccountTemplate').credential.oauth_entity

    test('creates an OAuth 2.0 credential on an http_connection; Connection URL defaults to the gateway with <cloud-id>', () => {
        expect(defaultsOf('serviceAccountTemplate').credential.table).toBe('oauth_2_0_credentials')
        expect(defaultsOf('serviceAccountTemplate').connection.table).toBe('http_connection')
        expect(fieldOf('serviceAccountTemplate', 'connection.connection_url').defaultValue).toBe(GATEWAY_PLACEHOLDER)
        expect(fieldOf('serviceAccountTemplate', 'connection.connection_url').hint).toMatch(/_edge\/tenant_info/)
    })

    test('its registry has the shipped service-account registry values: client_credentials, Token and Revocation URL', () => {
        expect(entity()).toMatchObject({
            type: 'oauth_provider',
            active: true,
            default_grant_type: 'client_credentials',
            token_url: TOKEN_URL,
            revoke_token_url: TOKEN_URL,
        })
        for (const f of ['auth_url', 'refresh_token_url', 'redirect_url']) expect(entity()).not.toHaveProperty(f)
    })

    test('its scope records are the documented two, and its default profile (client_credentials) requests both', () => {
        expect(entity().oauth_entity_scope).toEqual(
            SA_DOC_SCOPES.map((p) => ({ name: p.name, oauth_entity_scope: p.scope }))
        )
        expect(entity().oauth_entity_profile).toEqual([
            {
                name: 'Jira Service Account Profile',
                grant_type: 'client_credentials',
                default: true,
                oauth_entity_profile_scope: SA_DOC_SCOPES.map((p) => p.scope),
            },
        ])
    })

    test('is the configuration template of the Jira alias', () => {
        expect(app().resolve(find('alias'), 'configuration_template')).toBe(find('serviceAccountTemplate'))
    })
})

describe('scoped API token template (OPT4)', () => {
    test('Basic Auth Credentials (User name = email, API Key = scoped token) on https://api.atlassian.com/ex/jira/<cloud-id>', () => {
        expect(defaultsOf('scopedTokenTemplate').credential.table).toBe('basic_auth_credentials')
        expect(fieldOf('scopedTokenTemplate', 'connection.connection_url').defaultValue).toBe(GATEWAY_PLACEHOLDER)
        expect(fieldOf('scopedTokenTemplate', 'credential.user_name').type).toBe('text')
        expect(fieldOf('scopedTokenTemplate', 'connection.connection_url').hint).toMatch(/only through the API gateway/)
    })
})

describe('OAuth 2.0 (3LO) template (the shipped "Jira Cloud OAuth" values)', () => {
    const entity = () => defaultsOf('oauth3loTemplate').credential.oauth_entity

    test('its registry has the shipped 3LO registry URLs, grant and lifespans', () => {
        const shipped = find('registry').fields
        expect(entity().active).toBe(true)
        for (const f of [
            'type',
            'default_grant_type',
            'auth_url',
            'token_url',
            'refresh_token_url',
            'send_client_credentials_as',
        ]) {
            expect({ f, v: entity()[f] }).toEqual({ f, v: shipped[f] })
        }
        expect(String(entity().access_token_lifespan)).toBe(shipped.access_token_lifespan)
        expect(String(entity().refresh_token_lifespan)).toBe(shipped.refresh_token_lifespan)
    })

    test('its OAuth API Script is the shipped OAuthJiraCloudUtil (audience, prompt=consent)', () => {
        const script = app().bySysId(entity().oauth_api_script)
        expect(script?.table).toBe('sys_script_include')
        expect(script?.fields.name).toBe('OAuthJiraCloudUtil')
    })

    test('its fourteen scopes (offline_access included) are REQUIRED_JIRA_SCOPES, on a default authorization_code profile', () => {
        expect(entity().oauth_entity_scope.map((s: { oauth_entity_scope: string }) => s.oauth_entity_scope)).toEqual([
            ...REQUIRED_JIRA_SCOPES,
        ])
        expect(entity().oauth_entity_profile).toEqual([
            {
                name: 'Jira OAuth Profile',
                grant_type: 'authorization_code',
                default: true,
                oauth_entity_profile_scope: [...REQUIRED_JIRA_SCOPES],
            },
        ])
    })
})

describe('classic API token template (legacy)', () => {
    test('is marked legacy in its name and its token hint points to service accounts', () => {
        expect(find('basicAuthTemplate').fields.name).toMatch(/legacy/)
        expect(fieldOf('basicAuthTemplate', 'credential.password').hint).toMatch(/service account/)
        expect(fieldOf('basicAuthTemplate', 'connection.connection_url').defaultValue).toBe(
            'https://<site>.atlassian.net'
        )
    })
})
