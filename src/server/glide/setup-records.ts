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
    HealthCheckOutcome,
    HealthSubjectRow,
    JiraRecords,
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
        const profile = first('oauth_entity_profile', [['oauth_entity', registry.getUniqueValue()]])
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
}
