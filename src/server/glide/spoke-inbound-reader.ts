/**
 * SpokeInboundPort over GlideRecord (src/server/core/spoke-inbound.ts): the Jira spoke's webhook registry records,
 * the token_verification records they name, and the Jira External Trigger endpoints with their run-as user. Reads
 * only; reads no Token or secret column (only whether the registry's Token reference is set).
 *
 * Documented (ServiceNow docs setup-jira302-webhooks, zurich): token_verification with Name, Description, Token;
 * a "Jira Webhook Registries" module whose form has Name, Description, Token, Path and a choice of "Token-based" or
 * "HMAC-based Callback URL"; jira-ext-trigger: the endpoint is configured in Workflow Studio with the user who may
 * trigger it. Not documented, hence assumptions (docs/assumptions.md "spoke inbound"), each switchable in the Glide
 * simulator (harness/glide-simulator/spoke-tables.ts):
 * - the registry table: found in sys_db_object as a table of the spoke (name starting sn_jira_spoke) whose label
 *   contains "Webhook Registr"; its columns name, path, token (reference to token_verification), active, and the
 *   callback type in callback_url_type (read only when the column exists: isValidField);
 * - token_verification active and expires (read only when the columns exist);
 * - an HMAC-based record's secret: the Token field's token_verification record (the Jira page: paste "the secret
 *   token created" into the Jira webhook's Secret field), unless the registry table has a column whose sys_dictionary
 *   row references hash_message_verification (the platform's table of HMAC secrets, Name, Description, Secret: docs
 *   set-up-msg-auth-va-cccif); then that record, and its active field when the table has one (A53). Found by the
 *   reference, not by a guessed column name; never its Secret;
 * - the external trigger endpoints in TRIGGER.table with name, path, active, run_as (sys_user) and required_roles
 *   (comma-separated role names); a table this instance lacks is reported, not guessed at (isValid() false).
 */
import type {
    HashSecretRef,
    RegistryRecord,
    RunAsUser,
    SpokeInboundPort,
    SpokeInboundSnapshot,
    TriggerRecord,
    VerificationRecord,
} from '../core/spoke-inbound'
import { byId, each, newRecord, str, type Row } from './records'

export const REGISTRY = {
    tablePrefix: 'sn_jira_spoke',
    label: 'Webhook Registr',
    fields: { name: 'name', path: 'path', token: 'token', active: 'active', callbackType: 'callback_url_type' },
} as const
export const TOKEN_VERIFICATION = { table: 'token_verification', active: 'active', expires: 'expires' } as const
export const HASH_MESSAGE_VERIFICATION = { table: 'hash_message_verification', active: 'active' } as const
export const TRIGGER = {
    table: 'sys_hub_external_trigger_endpoint',
    pathPrefix: 'api/sn_jira_spoke/',
    fields: { name: 'name', path: 'path', active: 'active', runAs: 'run_as', roles: 'required_roles' },
} as const

/** Bound on records read per table (an instance has a handful). */
const MAX_ROWS = 50

function flag(row: Row, field: string, fallback: boolean): boolean {
    if (!row.isValidField(field)) return fallback
    const v = str(row, field)
    return v === 'true' || v === '1'
}

/** epoch ms of a glide_date_time value ("yyyy-MM-dd HH:mm:ss", UTC), or null. */
export function glideDateMs(value: string): number | null {
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(value || '')
    if (!m) return null
    const t = Date.parse(`${m[1]}T${m[2]}Z`)
    return Number.isFinite(t) ? t : null
}

export class GlideSpokeInboundReader implements SpokeInboundPort {
    read(): SpokeInboundSnapshot {
        const registryTable = this.registryTable()
        const trigger = newRecord(TRIGGER.table)
        const triggerTable = trigger.isValid() ? TRIGGER.table : ''
        return {
            registryTable,
            registries: registryTable ? this.registries(registryTable) : [],
            triggerTable,
            triggers: triggerTable ? this.triggers() : [],
        }
    }

    private registryTable(): string {
        const t = newRecord('sys_db_object')
        t.addQuery('name', 'STARTSWITH', REGISTRY.tablePrefix)
        t.addQuery('label', 'CONTAINS', REGISTRY.label)
        t.orderBy('name')
        t.setLimit(1)
        t.query()
        if (!t.next()) return ''
        const name = str(t, 'name')
        return newRecord(name).isValid() ? name : ''
    }

    /** The registry column that references hash_message_verification ('' when none), from sys_dictionary. */
    private hashField(table: string): string {
        const d = newRecord('sys_dictionary')
        d.addQuery('name', table)
        d.addQuery('reference', HASH_MESSAGE_VERIFICATION.table)
        d.orderBy('element')
        d.setLimit(1)
        d.query()
        return d.next() ? str(d, 'element') : ''
    }

    private registries(table: string): RegistryRecord[] {
        const f = REGISTRY.fields
        const out: RegistryRecord[] = []
        let hashField: string | null = null
        each(
            table,
            [],
            (r) => {
                const type = r.isValidField(f.callbackType) ? str(r, f.callbackType).toLowerCase() : ''
                const tokenId = r.isValidField(f.token) ? str(r, f.token) : ''
                const auth = type.indexOf('hmac') >= 0 ? 'hmac' : type.indexOf('token') >= 0 ? 'token' : 'unknown'
                if (auth === 'hmac' && hashField === null) hashField = this.hashField(table)
                out.push({
                    name: str(r, f.name),
                    path: str(r, f.path),
                    active: flag(r, f.active, true),
                    auth,
                    tokenSet: !!tokenId,
                    token: tokenId ? this.verification(tokenId) : null,
                    hashSecret: auth === 'hmac' && hashField ? this.hashSecret(r, hashField) : null,
                })
            },
            MAX_ROWS
        )
        return out
    }

    /** Name and state of a token_verification record; never its Token. */
    private verification(sysId: string): VerificationRecord | null {
        const row = byId(TOKEN_VERIFICATION.table, sysId)
        if (!row) return null
        const expires = row.isValidField(TOKEN_VERIFICATION.expires) ? str(row, TOKEN_VERIFICATION.expires) : ''
        return {
            name: str(row, 'name'),
            active: row.isValidField(TOKEN_VERIFICATION.active) ? flag(row, TOKEN_VERIFICATION.active, true) : null,
            expiresAtMs: expires ? glideDateMs(expires) : null,
        }
    }

    /** Name and state of the hash_message_verification record a registry names; never its Secret. */
    private hashSecret(registry: Row, field: string): HashSecretRef {
        const id = str(registry, field)
        const row = id ? byId(HASH_MESSAGE_VERIFICATION.table, id) : null
        const active = HASH_MESSAGE_VERIFICATION.active
        return {
            field,
            set: !!id,
            record: row
                ? { name: str(row, 'name'), active: row.isValidField(active) ? flag(row, active, true) : null }
                : null,
        }
    }

    private triggers(): TriggerRecord[] {
        const f = TRIGGER.fields
        const out: TriggerRecord[] = []
        const row = newRecord(TRIGGER.table)
        row.addQuery(f.path, 'STARTSWITH', TRIGGER.pathPrefix)
        row.orderBy(f.name)
        row.setLimit(MAX_ROWS)
        row.query()
        while (row.next()) {
            const userId = str(row, f.runAs)
            const roles = row.isValidField(f.roles) ? str(row, f.roles) : ''
            out.push({
                name: str(row, f.name),
                path: str(row, f.path),
                active: flag(row, f.active, true),
                runAsSet: !!userId,
                runAs: userId ? this.user(userId) : null,
                requiredRoles: roles
                    .split(',')
                    .map((x) => x.trim())
                    .filter((x) => x),
            })
        }
        return out
    }

    private user(sysId: string): RunAsUser | null {
        const u = byId('sys_user', sysId)
        if (!u) return null
        const roles: string[] = []
        each(
            'sys_user_has_role',
            [['user', sysId]],
            (r) => {
                const role = byId('sys_user_role', str(r, 'role'))
                if (role) roles.push(str(role, 'name'))
            },
            200
        )
        return { userName: str(u, 'user_name'), active: flag(u, 'active', true), roles }
    }
}
