/**
 * SetupPort over GlideRecord: finds the records the app ships for the Jira alias (reads: GlideRecord), and writes what
 * the setup page saves record by record through GlideRecordSecure, each result returned to the core (writes.ts), which
 * orders, checks, restores and audits them. Secrets are written with
 * setValue on password2 columns (the platform encrypts them) and never read back: presence is getValue() !== ''
 * (README assumption A13).
 */
import { gs } from '@servicenow/glide'
import type { ValidationReport } from '../core/report'
import type { HealthState } from '../core/health/model'
import type {
    BasicCredentialState,
    ChangeRow,
    ConnectionRow,
    HealthCheckOutcome,
    HealthSubjectRow,
    JiraRecords,
    LockResult,
    RecordedSwitch,
    RegistryState,
    RunRow,
    ServiceAccountRecords,
    SetupPort,
    WriteResult,
} from '../core/setup/setup-port'
import { standingOfConnection, type AuthStanding } from '../core/auth-standing'
import { settingsFrom } from '../core/validator'
import { GlideConfigReader } from './config-reader'
import { GlideRealPathReader } from './real-path-reader'
import { healthSubjects, runHealthCheckNow } from './health-service'
import { GlideHealthStore } from './health-store'
import {
    bool,
    byId,
    each,
    firstRow,
    newRecord,
    newSecureRecord,
    type Row,
    secureById,
    shippedRecord,
    str,
} from './records'
import { SHIPPED } from './shipped-records'
import * as audit from './setup-audit'
import { RUN_TABLE } from './run-store'
import { findAliasSysId, JIRA_ALIAS_ID, validateAndStore } from './validation-service'

/** The app's scope: alias ids are <scope>.<name>. */
const SCOPE = 'x_jira_connect'

/** The shipped registry name (the credential's Validate button and the menu filter key on it too). */
export const REGISTRY_NAME = 'Jira Cloud OAuth'
/** The shipped client-credentials registry (src/fluent/oauth/service-account-registry.now.ts). */
export const SERVICE_ACCOUNT_REGISTRY_NAME = 'Jira Cloud Service Account'

/** The oldest match (then the lowest sys_id), read again by sys_id: the same record on every call. */
function first(table: string, conditions: Array<[string, string]>): Row | null {
    const found = firstRow(table, conditions)
    return found ? byId(table, found.getUniqueValue()) : null
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

/** Boolean columns the setup writes: getValue answers '1'/'0', the audit trail and comparisons use true/false. */
const BOOLEAN_FIELDS = ['active', 'default', 'multiple_connections', 'mandatory', 'read_only']

export class GlideSetupRecords implements SetupPort {
    isAdmin(): boolean {
        return gs.hasRole('admin')
    }

    userName(): string {
        return String(gs.getUserName() || '')
    }

    readFields(table: string, sysId: string, fields: string[]): { [field: string]: string } | null {
        const row = byId(table, sysId)
        if (!row) return null
        const out: { [field: string]: string } = {}
        for (const f of fields) {
            const v = str(row, f)
            out[f] = BOOLEAN_FIELDS.indexOf(f) >= 0 && (v === '1' || v === '0') ? String(v === '1') : v
        }
        return out
    }

    rowsWhere(
        table: string,
        conditions: Array<[string, string]>,
        fields: string[]
    ): Array<{ [field: string]: string } & { sys_id: string }> {
        const out: Array<{ [field: string]: string } & { sys_id: string }> = []
        each(table, conditions, (row) => {
            const r: { [field: string]: string } & { sys_id: string } = { sys_id: row.getUniqueValue() }
            for (const f of fields) r[f] = str(row, f)
            out.push(r)
        })
        return out
    }

    /**
     * Through GlideRecordSecure: the instance's ACLs on the table apply to the admin who saves, and a refused write
     * (an ACL, a business rule's setAbortAction) comes back as null, which the core turns into a restore and a report.
     */
    updateRecord(table: string, sysId: string, values: { [field: string]: string | boolean }): WriteResult {
        const row = secureById(table, sysId)
        if (!row) return { ok: false, reason: `${table} ${sysId} cannot be read (missing, or an ACL hides it)` }
        if (!row.canWrite()) return { ok: false, reason: `the ACLs of ${table} do not let ${this.userName()} write it` }
        for (const f of Object.keys(values)) row.setValue(f, values[f])
        const r = row.update()
        return r ? { ok: true, sysId } : { ok: false, reason: `the platform did not write ${table} ${sysId}` }
    }

    insertRecord(table: string, values: { [field: string]: string | boolean }): WriteResult {
        const row = newSecureRecord(table)
        if (!row.canCreate())
            return { ok: false, reason: `the ACLs of ${table} do not let ${this.userName()} create one` }
        for (const f of Object.keys(values)) row.setValue(f, values[f])
        const sysId = row.insert()
        return sysId ? { ok: true, sysId } : { ok: false, reason: `the platform did not create the ${table} record` }
    }

    deleteRecord(table: string, sysId: string): WriteResult {
        const row = secureById(table, sysId)
        if (!row) return { ok: false, reason: `${table} ${sysId} cannot be read (missing, or an ACL hides it)` }
        return row.deleteRecord() ? { ok: true, sysId } : { ok: false, reason: `the platform did not delete it` }
    }

    recordChanges(rows: ChangeRow[]): boolean {
        return audit.recordChanges(rows)
    }

    acquireLock(operation: string, ttlSeconds: number): LockResult {
        return audit.acquireLock(operation, ttlSeconds)
    }

    releaseLock(lockId: string): void {
        audit.releaseLock(lockId)
    }

    recordedSwitches(sinceSeconds: number): RecordedSwitch[] {
        return audit.recordedSwitches(sinceSeconds)
    }

    instanceUrl(): string {
        const base = String(gs.getProperty('glide.servlet.uri', '') || '')
        return base.replace(/\/*$/, '/')
    }

    property(name: string, fallback: string): string {
        return new GlideConfigReader().property(name, fallback)
    }

    jiraRecords(): JiraRecords | null {
        const aliasSysId = findAliasSysId(JIRA_ALIAS_ID)
        const registry = shippedRecord('oauth_entity', SHIPPED.oauthRegistry, 'name', REGISTRY_NAME).row
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
            name: str(row, 'name'),
            email: str(row, 'user_name'),
            hasToken: str(row, 'password') !== '',
            updatedOn: str(row, 'sys_updated_on'),
        }
    }

    serviceAccountRecords(aliasSysId: string): ServiceAccountRecords {
        const registry = shippedRecord(
            'oauth_entity',
            SHIPPED.serviceAccountRegistry,
            'name',
            SERVICE_ACCOUNT_REGISTRY_NAME
        ).row
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

    standingOf(connectionSysId: string): AuthStanding | null {
        const config = new GlideConfigReader()
        const gateway = settingsFrom(config).gatewayBase
        return standingOfConnection(config, new GlideRealPathReader(), connectionSysId, gateway)
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
        return {
            ok: outcome.ok,
            refusedCode: outcome.refusedCode,
            runSysId: outcome.runSysId,
            message: outcome.message,
        }
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
}

function hasConnection(aliasSysId: string): boolean {
    return firstRow('http_connection', [['connection_alias', aliasSysId]]) !== null
}
