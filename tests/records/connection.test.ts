/**
 * The connection side of the built app against DOC ("Set up the Jira spoke for Jira Cloud"): the Jira alias, its
 * connection attributes, the first-install OAuth credential and connection, and the basic-auth configuration template.
 */
import { loadAppRecords, type AppRecord } from '../support/app-records'
import { EXPECTED, EXPECTED_BASIC_AUTH_TEMPLATE } from './expected-records'

const app = () => loadAppRecords()
const find = (key: string): AppRecord => {
    const e = EXPECTED.records.find((x) => x.key === key)!
    return app().one(e.table, e.identity)
}

describe('Connection & Credential alias', () => {
    test('x_jira_connect.Jira is an HTTP connection alias named Jira', () => {
        expect(find('alias').fields).toMatchObject({
            id: 'x_jira_connect.Jira',
            name: 'Jira',
            type: 'connection',
            connection_type: 'http_connection',
        })
    })

    test('its configuration template is the service-account template (what Atlassian recommends today)', () => {
        expect(app().resolve(find('alias'), 'configuration_template')).toBe(find('serviceAccountTemplate'))
    })
})

describe('retry policy of the alias (developer.atlassian.com/cloud/jira/platform/rate-limiting: 429/503 with Retry-After)', () => {
    test('the alias references the shipped policy: honour Retry-After on 429 and 503 only, bounded total wait', () => {
        const policy = app().resolve(find('alias'), 'retry_policy')
        expect(policy.table).toBe('sys_retry_policy')
        expect(policy.fields).toMatchObject({
            connection_type: 'http_retry_conditions',
            retry_strategy: 'retry_after',
            condition: 'status_codeIN429,503',
            restrict_to: 'status_code',
        })
        const maxWait = Number(policy.fields.max_elapsed_time)
        expect(maxWait).toBeGreaterThan(0)
        expect(maxWait).toBeLessThanOrEqual(86400)
    })
})

describe('connection attributes (DOC: "Enter the value 2 for api_version. Enter the value cloud for server_type.")', () => {
    test.each([
        ['api_version', '2'],
        ['server_type', 'cloud'],
    ])('%s defaults to %s on the Jira alias', (element, value) => {
        const attr = app().one('connection_attributes', { element })
        expect(attr.fields.default_value).toBe(value)
        expect(app().resolve(attr, 'model')).toBe(find('alias'))
    })

    // An install runs no business rules, so the var_dictionary fields the alias form would fill are shipped
    // (assumption A3): name = var__m_connection_attributes_<alias sys_id>, model_table, model_id, label.
    test.each(['api_version', 'server_type'])(
        '%s carries the var_dictionary fields the UI relies on, for the built alias sys_id',
        (element) => {
            const attr = app().one('connection_attributes', { element })
            const aliasSysId = find('alias').sysId
            expect(attr.fields).toMatchObject({
                name: `var__m_connection_attributes_${aliasSysId}`,
                model_table: 'sys_alias',
                model_id: aliasSysId,
                label: attr.fields.column_label,
            })
            expect(attr.fields.label.length).toBeGreaterThan(2)
        }
    )
})

describe('OAuth 2.0 credential (DOC: Create credential record for the Jira spoke)', () => {
    test('is shipped for first install only (unload/) and references the Jira OAuth Profile', () => {
        const cred = find('credential')
        expect(cred.folder).toBe('unload')
        expect(cred.fields.active).toBe('true')
        expect(app().resolve(cred, 'oauth_entity_profile')).toBe(find('profile'))
    })
})

describe('HTTP(s) connection (DOC: Create a connection record for the Jira spoke)', () => {
    test('is shipped for first install only (unload/)', () => {
        expect(find('connection').folder).toBe('unload')
    })

    test('references the Jira alias and the OAuth credential', () => {
        const conn = find('connection')
        expect(app().resolve(conn, 'connection_alias')).toBe(find('alias'))
        expect(app().resolve(conn, 'credential')).toBe(find('credential'))
    })

    test('Connection URL is https://api.atlassian.com/ex/jira/ with a cloud-id placeholder', () => {
        expect(find('connection').fields.connection_url).toBe('https://api.atlassian.com/ex/jira/<cloud-id>')
    })

    test('is active and does not use a MID server', () => {
        expect(find('connection').fields).toMatchObject({ active: 'true', use_mid: 'false' })
    })
})

describe('legacy basic-auth configuration template (DOC Option 1: Configure a connection for Jira spoke)', () => {
    type Field = { name: string; type?: string; defaultValue?: string; label?: string }
    const template = () => find('basicAuthTemplate')
    const schema = () =>
        JSON.parse(template().fields.dynamic_data_schema) as { connection_fields: Field[]; credential_fields: Field[] }
    const defaults = () =>
        JSON.parse(template().fields.default_data_template) as Record<string, Record<string, unknown>>
    const field = (list: Field[], name: string) => {
        const f = list.find((x) => x.name === name)
        if (!f)
            throw new Error(
                `${template().table} "${template().fields.name}" field dynamic_data_schema: no field ${name} (has ${list.map((x) => x.name).join(', ')})`
            )
        return f
    }

    test('asks for the Connection Name', () => {
        expect(field(schema().connection_fields, EXPECTED_BASIC_AUTH_TEMPLATE.connectionName).type).toBe('text')
    })

    test('asks for the Connection URL with default https://<site>.atlassian.net', () => {
        const f = field(schema().connection_fields, EXPECTED_BASIC_AUTH_TEMPLATE.connectionUrl.name)
        expect(f.defaultValue).toBe(EXPECTED_BASIC_AUTH_TEMPLATE.connectionUrl.defaultValue)
    })

    test('asks for the User name (account email) as text', () => {
        expect(field(schema().credential_fields, EXPECTED_BASIC_AUTH_TEMPLATE.userName.name).type).toBe(
            EXPECTED_BASIC_AUTH_TEMPLATE.userName.type
        )
    })

    test('asks for the API Key as a password field with no default value', () => {
        const f = field(schema().credential_fields, EXPECTED_BASIC_AUTH_TEMPLATE.apiToken.name)
        expect(f.type).toBe('password')
        expect(f.defaultValue ?? '').toBe('')
    })

    test('default data creates a basic_auth_credentials credential with an empty password on an http_connection', () => {
        const d = defaults()
        expect(d.credential.table).toBe(EXPECTED_BASIC_AUTH_TEMPLATE.defaultData.credentialTable)
        expect(d.credential.password ?? '').toBe('')
        expect(d.connection.table).toBe(EXPECTED_BASIC_AUTH_TEMPLATE.defaultData.connectionTable)
    })
})
