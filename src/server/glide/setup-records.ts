/**
 * SetupPort over GlideRecord: finds the records the app ships for the Jira alias, writes what the setup page saves
 * (registry client id and secret, connection URL, API-token credential and connection). Secrets are written with
 * setValue on password2 columns (the platform encrypts them) and never read back: presence is getValue() !== ''
 * (README assumption A13).
 */
import { gs } from '@servicenow/glide'
import type { ValidationReport } from '../core/report'
import type { HealthState } from '../core/health/model'
import type {
    ApiTokenInput,
    BasicCredentialState,
    ConnectionRow,
    CreatedSiteConnection,
    HealthCheckOutcome,
    HealthSubjectRow,
    JiraRecords,
    NewSiteConnection,
    RegistryState,
    RunRow,
    ServiceAccountRecords,
    SetupPort,
} from '../core/setup/setup-port'
import { GlideConfigReader } from './config-reader'
import { healthSubjects, runHealthCheckNow } from './health-service'
import { GlideHealthStore } from './health-store'
import { bool, byId, each, newRecord, type Row, str } from './records'
import { RUN_TABLE } from './run-store'
import { findAliasSysId, JIRA_ALIAS_ID, validateAndStore } from './validation-service'

/** The app's scope: alias ids are <scope>.<name>. */
const SCOPE = 'x_jira_connect'

/** Connection attribute definition fields copied from the Jira alias to a child alias. */
const ATTRIBUTE_FIELDS = [
    'element',
    'label',
    'column_label',
    'internal_type',
    'max_length',
    'default_value',
    'order',
    'comments',
]
/** Booleans read back as '1'/'0' through getValue: copied as booleans. */
const ATTRIBUTE_FLAGS = ['active', 'mandatory', 'read_only']

/** The shipped registry name (the credential's Validate button and the menu filter key on it too). */
export const REGISTRY_NAME = 'Jira Cloud OAuth'
/** The shipped client-credentials registry (src/fluent/oauth/service-account-registry.now.ts). */
export const SERVICE_ACCOUNT_REGISTRY_NAME = 'Jira Cloud Service Account'

function first(table: string, conditions: Array<[string, string]>): Row | null {
    let found: Row | null = null
    each(
        table,
        conditions,
        (row) => {
            if (!found) found = byId(table, row.getUniqueValue())
        },
        1
    )
    return found
}

function registryState(registry: Row): RegistryState {
    return {
        sysId: registry.getUniqueValue(),
        name: str(registry, 'name'),
        hasClientId: str(registry, 'client_id').trim() !== '',
        hasClientSecret: str(registry, 'client_secret') !== '',
        updatedOn: str(registry, 'sys_updated_on'),
    }
}

export class GlideSetupRecords implements SetupPort {
    instanceUrl(): string {
        const base = String(gs.getProperty('glide.servlet.uri', '') || '')
        return base.replace(/\/*$/, '/')
    }

    property(name: string, fallback: string): string {
        return new GlideConfigReader().property(name, fallback)
    }

    jiraRecords(): JiraRecords | null {
        const aliasSysId = findAliasSysId(JIRA_ALIAS_ID)
        const registry = first('oauth_entity', [['name', REGISTRY_NAME]])
        if (!aliasSysId || !registry) return null
        // The default profile: "Connect another site" adds non-default profiles to the same registry.
        const profile =
            first('oauth_entity_profile', [
                ['oauth_entity', registry.getUniqueValue()],
                ['default', 'true'],
            ]) || first('oauth_entity_profile', [['oauth_entity', registry.getUniqueValue()]])
        const profileSysId = profile ? profile.getUniqueValue() : ''
        const credential = profileSysId
            ? first('oauth_2_0_credentials', [['oauth_entity_profile', profileSysId]])
            : null
        const credentialSysId = credential ? credential.getUniqueValue() : null
        const oauthConnection = credentialSysId
            ? this.connections(aliasSysId).filter((c) => c.credentialSysId === credentialSysId)[0] || null
            : null
        return {
            aliasSysId,
            registry: registryState(registry),
            profileSysId,
            credentialSysId,
            oauthConnection,
        }
    }

    connections(aliasSysId: string): ConnectionRow[] {
        const aliases: Array<{ sysId: string; id: string }> = []
        const alias = byId('sys_alias', aliasSysId)
        if (alias) aliases.push({ sysId: aliasSysId, id: str(alias, 'id') })
        each('sys_alias', [['parent', aliasSysId]], (child) => {
            aliases.push({ sysId: child.getUniqueValue(), id: str(child, 'id') })
        })
        const out: ConnectionRow[] = []
        for (const a of aliases) {
            each('http_connection', [['connection_alias', a.sysId]], (c) => {
                const credentialSysId = str(c, 'credential')
                const cred = credentialSysId ? byId('discovery_credentials', credentialSysId) : null
                const cls = cred ? cred.getRecordClassName() : ''
                out.push({
                    sysId: c.getUniqueValue(),
                    name: str(c, 'name'),
                    url: str(c, 'connection_url'),
                    active: bool(c, 'active'),
                    aliasSysId: a.sysId,
                    aliasId: a.id,
                    credentialSysId,
                    credentialKind: !cred
                        ? 'none'
                        : cls === 'basic_auth_credentials'
                          ? 'basic'
                          : cls === 'oauth_2_0_credentials'
                            ? 'oauth2'
                            : 'other',
                })
            })
        }
        return out
    }

    basicCredential(sysId: string): BasicCredentialState | null {
        const row = byId('basic_auth_credentials', sysId)
        if (!row) return null
        return {
            sysId,
            email: str(row, 'user_name'),
            hasToken: str(row, 'password') !== '',
            updatedOn: str(row, 'sys_updated_on'),
        }
    }

    setRegistryClient(registrySysId: string, clientId: string, clientSecret: string): void {
        const row = byId('oauth_entity', registrySysId)
        if (!row) return
        row.setValue('client_id', clientId)
        row.setValue('client_secret', clientSecret)
        // An XML install leaves Redirect URL blank and only a registry form save fills it (docs/servicenow-platform.md,
        // issue 8 item 8): this setup step fills it the same way, so Atlassian gets a redirect_uri.
        if (str(row, 'redirect_url').trim() === '') {
            row.setValue('redirect_url', `${this.instanceUrl()}oauth_redirect.do`)
        }
        row.update()
    }

    serviceAccountRecords(aliasSysId: string): ServiceAccountRecords {
        const registry = first('oauth_entity', [['name', SERVICE_ACCOUNT_REGISTRY_NAME]])
        const none: ServiceAccountRecords = {
            registry: null,
            profileSysId: null,
            credentialSysId: null,
            connection: null,
        }
        if (!registry) return none
        const registrySysId = registry.getUniqueValue()
        const profile =
            first('oauth_entity_profile', [
                ['oauth_entity', registrySysId],
                ['default', 'true'],
            ]) || first('oauth_entity_profile', [['oauth_entity', registrySysId]])
        const profileSysId = profile ? profile.getUniqueValue() : null
        const credential = profileSysId
            ? first('oauth_2_0_credentials', [['oauth_entity_profile', profileSysId]])
            : null
        const credentialSysId = credential ? credential.getUniqueValue() : null
        const connection = credentialSysId
            ? this.connections(aliasSysId).filter(
                  (c) => c.credentialSysId === credentialSysId && c.aliasSysId === aliasSysId
              )[0] || null
            : null
        return { registry: registryState(registry), profileSysId, credentialSysId, connection }
    }

    setClientCredentials(registrySysId: string, clientId: string, clientSecret: string): void {
        const row = byId('oauth_entity', registrySysId)
        if (!row) return
        row.setValue('client_id', clientId)
        row.setValue('client_secret', clientSecret)
        row.update()
    }

    setConnectionUrl(connectionSysId: string, url: string): void {
        const row = byId('http_connection', connectionSysId)
        if (!row) return
        row.setValue('connection_url', url)
        row.update()
    }

    setConnectionActive(connectionSysId: string, active: boolean): void {
        const row = byId('http_connection', connectionSysId)
        if (!row) return
        row.setValue('active', active)
        row.update()
    }

    saveApiToken(aliasSysId: string, existingConnectionSysId: string | null, input: ApiTokenInput): string {
        const conn = existingConnectionSysId ? byId('http_connection', existingConnectionSysId) : null
        const existingCred = conn ? byId('basic_auth_credentials', str(conn, 'credential')) : null
        const cred = existingCred || newRecord('basic_auth_credentials')
        cred.setValue('user_name', input.email)
        cred.setValue('password', input.apiToken)
        cred.setValue('active', true)
        let credSysId: string | null
        if (existingCred) {
            credSysId = existingCred.getUniqueValue()
            existingCred.update()
        } else {
            cred.setValue('name', `Jira Cloud API token (${input.site})`)
            credSysId = cred.insert()
        }
        const row = conn || newRecord('http_connection')
        row.setValue('connection_url', input.siteUrl)
        row.setValue('credential', credSysId)
        row.setValue('active', true)
        if (conn) {
            conn.update()
            return conn.getUniqueValue()
        }
        row.setValue('name', `Jira Cloud ${input.site} (API token)`)
        row.setValue('connection_alias', aliasSysId)
        return row.insert() || ''
    }

    runs(limit: number): RunRow[] {
        const out: RunRow[] = []
        const row = newRecord(RUN_TABLE)
        row.setLimit(limit)
        row.orderByDesc('sys_created_on')
        row.query()
        while (row.next()) {
            out.push({
                sysId: row.getUniqueValue(),
                targetTable: str(row, 'target_table'),
                targetSysId: str(row, 'target_sys_id'),
                targetName: str(row, 'target_name'),
                verdict: str(row, 'verdict'),
                summary: str(row, 'summary'),
                createdOn: str(row, 'sys_created_on'),
            })
        }
        return out
    }

    validate(table: string, sysId: string): { report: ValidationReport; runSysId: string | null } {
        return validateAndStore(table, sysId)
    }

    healthStates(): Array<HealthState & { sysId: string }> {
        return new GlideHealthStore().rows()
    }

    healthSubjects(): HealthSubjectRow[] {
        return healthSubjects().map((s) => ({
            table: s.table,
            sysId: s.sysId,
            name: s.name,
            aliasName: s.aliasName,
            credentialKind: s.credential ? s.credential.kind : '',
        }))
    }

    runHealthCheck(onlySysId: string | null): HealthCheckOutcome {
        const outcome = runHealthCheckNow('on_demand', onlySysId)
        return { ok: outcome.ok, runSysId: outcome.runSysId, message: outcome.message }
    }

    credentialProfile(credentialSysId: string): string | null {
        const row = byId('oauth_2_0_credentials', credentialSysId)
        const profile = row ? str(row, 'oauth_entity_profile') : ''
        return profile || null
    }

    aliasNameTaken(name: string, parentAliasSysId: string): boolean {
        let taken = false
        const check = (row: Row) => {
            // A child of the Jira alias with that name and no connection is what an interrupted "Connect another site"
            // left behind: createSiteConnection reuses it, so the name is free for it.
            if (str(row, 'parent') === parentAliasSysId && !hasConnection(row.getUniqueValue())) return
            taken = true
        }
        each('sys_alias', [['name', name]], check, 10)
        if (!taken) each('sys_alias', [['id', `${SCOPE}.${name}`]], check, 10)
        return taken
    }

    /**
     * The child alias gets the parent's shared fields explicitly (type, connection type, retry policy, configuration
     * template) and its own copies of the parent's connection attribute definitions (api_version, server_type): the
     * alias form's inheritance business rule is not something a script can count on (ServiceNow SDK alias guide:
     * it does not fire on install), and the shipped alias defines its attributes per alias (model = alias).
     * The id is set as the platform computes it, <scope>.<name> (SDK alias plugin: without it the id is empty and
     * Flow Designer hides the alias). Find-or-create, record by record: a run the platform stopped half-way (a refused
     * insert) leaves records that the next request for the same site reuses instead of duplicating.
     */
    createSiteConnection(
        parentAliasSysId: string,
        templateProfileSysId: string,
        input: NewSiteConnection
    ): CreatedSiteConnection {
        const parent = byId('sys_alias', parentAliasSysId)
        const template = byId('oauth_entity_profile', templateProfileSysId)
        if (!parent || !template) throw new Error('The Jira alias or its default OAuth profile is missing.')
        const registrySysId = str(template, 'oauth_entity')

        const profileSysId = findOrCreate(
            'oauth_entity_profile',
            [
                ['oauth_entity', registrySysId],
                ['name', input.profileName],
            ],
            (profile) => {
                profile.setValue('grant_type', str(template, 'grant_type'))
                profile.setValue('default', false)
            }
        )
        each(
            'oauth_entity_profile_scope',
            [['oauth_entity_profile', templateProfileSysId]],
            (ps) => {
                findOrCreate(
                    'oauth_entity_profile_scope',
                    [
                        ['oauth_entity_profile', profileSysId],
                        ['oauth_entity_scope', str(ps, 'oauth_entity_scope')],
                    ],
                    () => undefined
                )
            },
            100
        )

        const credentialSysId = findOrCreate(
            'oauth_2_0_credentials',
            [
                ['oauth_entity_profile', profileSysId],
                ['name', input.credentialName],
            ],
            (credential) => credential.setValue('active', true)
        )

        const scopePrefix = str(parent, 'id').split('.')[0] || SCOPE
        const aliasSysId = findOrCreate(
            'sys_alias',
            [
                ['parent', parentAliasSysId],
                ['name', input.aliasName],
            ],
            (alias) => {
                alias.setValue('id', `${scopePrefix}.${input.aliasName}`)
                alias.setValue('type', str(parent, 'type') || 'connection')
                alias.setValue('connection_type', str(parent, 'connection_type') || 'http_connection')
                alias.setValue('retry_policy', str(parent, 'retry_policy'))
                alias.setValue('configuration_template', str(parent, 'configuration_template'))
                alias.setValue('multiple_connections', false)
                alias.setValue('description', input.description)
            }
        )

        each('connection_attributes', [['model', parentAliasSysId]], (a) => {
            findOrCreate(
                'connection_attributes',
                [
                    ['model', aliasSysId],
                    ['element', str(a, 'element')],
                ],
                (copy) => {
                    for (const f of ATTRIBUTE_FIELDS) copy.setValue(f, str(a, f))
                    for (const f of ATTRIBUTE_FLAGS) copy.setValue(f, bool(a, f))
                    copy.setValue('model_table', 'sys_alias')
                    copy.setValue('model_id', aliasSysId)
                    copy.setValue('name', `var__m_connection_attributes_${aliasSysId}`)
                }
            )
        })

        const connectionSysId = findOrCreate(
            'http_connection',
            [
                ['connection_alias', aliasSysId],
                ['credential', credentialSysId],
            ],
            (connection) => {
                connection.setValue('name', input.connectionName)
                connection.setValue('connection_url', input.url)
                connection.setValue('active', true)
            }
        )
        return { aliasSysId, connectionSysId, credentialSysId, profileSysId }
    }
}

function hasConnection(aliasSysId: string): boolean {
    let found = false
    each('http_connection', [['connection_alias', aliasSysId]], () => (found = true), 1)
    return found
}

/** The sys_id of the row matching all conditions, else of a new row with those values (and what fill sets). */
function findOrCreate(table: string, conditions: Array<[string, string]>, fill: (row: Row) => void): string {
    const found = first(table, conditions)
    if (found) return found.getUniqueValue()
    const row = newRecord(table)
    for (const [field, value] of conditions) row.setValue(field, value)
    fill(row)
    const sysId = row.insert()
    if (!sysId) throw new Error(`The platform did not create the ${table} record.`)
    return sysId
}
