/**
 * "Create New Connection & Credential" on the shipped Jira alias with the legacy classic-token template: the admin first
 * picks it as the alias's Configuration Template (the alias ships with the service-account template); the simulator
 * fills the template (default_data_template + dynamic_data_schema) with the admin's input and creates the
 * http_connection and basic_auth_credentials, the API token stored encrypted.
 */
import { TEMPLATE, World, e2eSource } from '../../harness/glide-simulator/world'

let world: World

beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
    world.pickTemplate(TEMPLATE.legacyToken)
})
afterEach(async () => {
    await world.close()
})

function input(token: string) {
    return {
        'connection.name': 'Jira Cloud acme (API token)',
        'connection.connection_url': `https://${world.siteHost}`,
        'credential.user_name': world.email,
        'credential.password': token,
    }
}

test('the template is refused while the shipped OAuth connection is active on the single-connection alias', () => {
    expect(() => world.sim.admin.createConnectionFromTemplate(world.ids.alias, input(world.apiToken))).toThrow(
        /Only one connection can be active for the alias x_jira_connect\.Jira: "Jira Cloud OAuth Connection" is already active/
    )
    expect(world.sim.query('basic_auth_credentials')).toHaveLength(0)
})

test('the template creates an http_connection on the alias and a basic_auth_credentials with the API token encrypted', () => {
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    const { connection, credential } = world.sim.admin.createConnectionFromTemplate(
        world.ids.alias,
        input(world.apiToken)
    )
    expect(connection).toMatchObject({
        sys_class_name: 'http_connection',
        name: 'Jira Cloud acme (API token)',
        connection_url: `https://${world.siteHost}`,
        connection_alias: world.ids.alias,
        credential: credential.sys_id,
        active: 'true',
        use_mid: 'false',
    })
    expect(credential).toMatchObject({
        sys_class_name: 'basic_auth_credentials',
        name: 'Jira Cloud Basic Credential',
        user_name: world.email,
        active: 'true',
    })
    expect(credential.password).not.toContain(world.apiToken)
    expect(world.sim.visibleText().join('\n')).not.toContain(world.apiToken)
    // readable only through the credential API
    const viaApi = world.sim.runBackgroundScript(
        `var c = new sn_cc.StandardCredentialsProvider().getCredentialByID('${credential.sys_id}'); return c.getAttribute('user_name') + ' ' + c.getAttribute('password');`
    )
    expect(viaApi).toBe(`${world.email} ${world.apiToken}`)
    expect(
        world.sim.runBackgroundScript(
            `var g = new GlideRecord('basic_auth_credentials'); g.get('${credential.sys_id}'); return g.getValue('password');`
        )
    ).not.toContain(world.apiToken)
})

test('mandatory template fields are enforced and unknown fields refused', () => {
    world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
    expect(() =>
        world.sim.admin.createConnectionFromTemplate(world.ids.alias, { ...input(''), 'credential.password': '' })
    ).toThrow(/API Key \(Atlassian API token\) is mandatory/)
    expect(() =>
        world.sim.admin.createConnectionFromTemplate(world.ids.alias, { ...input('x'), 'credential.api_token': 'x' })
    ).toThrow(/no field 'credential.api_token'/)
})
