/**
 * The Jira spoke's inbound records, installed into a running simulator by a test (a fresh instance has no spoke):
 * the Store app record, the Jira Webhook Registry table, token_verification, and the external trigger endpoints.
 *
 * Documented [C]: ServiceNow docs setup-jira302-webhooks (zurich): token_verification.list with Name, Description,
 * Token; "Jira Webhooks > Jira Webhook Registries" with Name, Description, Token, Path (default
 * api/sn_jira_spoke/jira_webhook_callbacks/wh_entry) and a Token-based or HMAC-based Callback URL (HMAC from spoke
 * 5.4.0, Store release notes); jira-ext-trigger: the Jira External Trigger endpoint, configured with the user who may
 * trigger it and activated. Not documented [I], so switchable here (SpokeModel) and listed in docs/assumptions.md:
 * the registry's table name and column names (token as a reference to token_verification, active,
 * callback_url_type), token_verification's active and expires, and the endpoint table with name, path, active, run_as,
 * required_roles. The Glide adapter (src/server/glide/spoke-inbound-reader.ts) finds the registry table through
 * sys_db_object and reads a column only when isValidField says the table has it.
 *
 * The secret of an HMAC-based callback: the Jira page has the admin paste "the secret token created" (the
 * token_verification record) into the Jira webhook's Secret field, so by default it is the Token field's record [C].
 * The platform keeps HMAC secrets for other inbound messages in hash_message_verification (Name, Description, Secret:
 * Virtual Agent docs set-up-msg-auth-va-cccif, AI voice docs) [C]; that the spoke's registry might reference one
 * instead is not documented [I], so SpokeModel.hmacSecret switches it on (docs/assumptions.md, A53). Every registry
 * column has its sys_dictionary row (name, element, internal_type, reference: columns of the SDK's sys_dictionary
 * definition), as on an instance, so the reader can ask which column references what.
 */
import type { Row } from './store'
import type { GlideSimulator } from './simulator'

export interface SpokeModel {
    /** Store version of the installed spoke (default 6.1.3). */
    version?: string
    /** Registry table name; null: the spoke has no table the adapter can find (default sn_jira_spoke_webhook_registry). */
    registryTable?: string | null
    /** Label of the registry table in sys_db_object (default "Jira Webhook Registry"). */
    registryLabel?: string
    /** The registry has a callback_url_type column (default: spoke 5.4.0 or later, when HMAC arrived). */
    callbackType?: boolean
    /** token_verification has active / expires columns (default true / true). */
    tokenActive?: boolean
    tokenExpires?: boolean
    /** The external trigger endpoint table exists (default true). */
    triggerTable?: boolean
    /**
     * Where an HMAC-based registry record keeps its secret: 'token' (default, the Jira page): the token_verification
     * record of its Token field; 'hash_message': a registry column `hmac_secret` referencing hash_message_verification
     * (not documented, A53; the column name is a placeholder: the reader finds it through sys_dictionary).
     */
    hmacSecret?: 'token' | 'hash_message'
    /** hash_message_verification has an active column (default true; not documented, A53). */
    hashActive?: boolean
}

export const SPOKE_DEFAULTS = {
    version: '6.1.3',
    registryTable: 'sn_jira_spoke_webhook_registry',
    registryLabel: 'Jira Webhook Registry',
    triggerTable: 'sys_hub_external_trigger_endpoint',
} as const

const DOC = 'C SNDOCS setup-jira302-webhooks (zurich): Name, Description, Token, Path'
const GUESS = 'I column names and table name not documented (docs/assumptions.md, spoke inbound)'

function atLeast(version: string, min: string): boolean {
    const a = version.split('.').map((x) => parseInt(x, 10) || 0)
    const b = min.split('.').map((x) => parseInt(x, 10) || 0)
    for (let i = 0; i < 3; i++) if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0)
    return true
}

/** Defines token_verification (a platform table: Virtual Agent and spokes use it) when the simulator lacks it. */
export function defineTokenVerification(sim: GlideSimulator, model: SpokeModel = {}): void {
    const columns: Record<string, string> = { name: 'String', description: 'String', token: 'Password2' }
    if (model.tokenActive !== false) columns.active = 'Boolean'
    if (model.tokenExpires !== false) columns.expires = 'DateTime'
    sim.store.schema.definePlatformTable('token_verification', {
        extends: null,
        source: `${DOC}; active, expires ${GUESS}`,
        columns,
    })
}

/** Defines hash_message_verification (a platform table: Virtual Agent message auth uses it) when the simulator lacks it. */
export function defineHashMessageVerification(sim: GlideSimulator, model: SpokeModel = {}): void {
    const columns: Record<string, string> = { name: 'String', description: 'String', secret: 'Password2' }
    if (model.hashActive !== false) columns.active = 'Boolean'
    sim.store.schema.definePlatformTable('hash_message_verification', {
        extends: null,
        source: `C SNDOCS set-up-msg-auth-va-cccif (zurich): Name, Description, Secret; active ${GUESS}`,
        columns,
    })
}

/** Installs the Jira spoke: its sys_store_app record and the tables of its inbound half. */
export function installJiraSpoke(sim: GlideSimulator, model: SpokeModel = {}) {
    const version = model.version ?? SPOKE_DEFAULTS.version
    sim.admin.insertRecord('sys_store_app', { scope: 'sn_jira_spoke', name: 'Jira Spoke', version, active: true })
    defineTokenVerification(sim, model)
    const hashModel = model.hmacSecret === 'hash_message'
    const registryTable = model.registryTable === undefined ? SPOKE_DEFAULTS.registryTable : model.registryTable
    if (registryTable) {
        const columns: Record<string, string> = {
            name: 'String',
            description: 'String',
            path: 'String',
            token: 'Reference>token_verification',
            active: 'Boolean',
        }
        if (model.callbackType ?? atLeast(version, '5.4.0')) columns.callback_url_type = 'String'
        if (hashModel) {
            defineHashMessageVerification(sim, model)
            columns.hmac_secret = 'Reference>hash_message_verification'
        }
        sim.store.schema.definePlatformTable(registryTable, { extends: null, source: `${DOC}; ${GUESS}`, columns })
        sim.admin.insertRecord('sys_db_object', {
            name: registryTable,
            label: model.registryLabel ?? SPOKE_DEFAULTS.registryLabel,
        })
        for (const [element, type] of Object.entries(columns)) {
            const reference = type.indexOf('Reference>') === 0 ? type.slice('Reference>'.length) : ''
            sim.admin.insertRecord('sys_dictionary', {
                name: registryTable,
                element,
                internal_type: reference ? 'reference' : type.toLowerCase(),
                reference,
            })
        }
    }
    if (model.triggerTable !== false) {
        sim.store.schema.definePlatformTable(SPOKE_DEFAULTS.triggerTable, {
            extends: null,
            source: `C SNDOCS jira-ext-trigger (user who can trigger, Activate); ${GUESS}`,
            columns: {
                name: 'String',
                path: 'String',
                active: 'Boolean',
                run_as: 'Reference>sys_user',
                required_roles: 'String',
            },
        })
    }
    const insert = (table: string, values: Record<string, string | number | boolean>): Row =>
        sim.admin.insertRecord(table, values)
    return {
        registryTable,
        token(values: { name: string; token: string; active?: boolean; expires?: string }): string {
            const v: Record<string, string | boolean> = { name: values.name, token: values.token }
            if (model.tokenActive !== false) v.active = values.active ?? true
            if (model.tokenExpires !== false && values.expires) v.expires = values.expires
            return insert('token_verification', v).sys_id
        },
        /** A hash_message_verification record (hmacSecret 'hash_message'); its Secret is stored as a password. */
        hashSecret(values: { name: string; secret: string; active?: boolean }): string {
            if (!hashModel) throw new Error('this spoke model keeps HMAC secrets in token_verification')
            const v: Record<string, string | boolean> = { name: values.name, secret: values.secret }
            if (model.hashActive !== false) v.active = values.active ?? true
            return insert('hash_message_verification', v).sys_id
        },
        registry(values: {
            name: string
            path?: string
            token?: string
            active?: boolean
            type?: string
            hashSecret?: string
        }): string {
            if (!registryTable) throw new Error('this spoke model has no registry table')
            const v: Record<string, string | boolean> = {
                name: values.name,
                path: values.path ?? 'api/sn_jira_spoke/jira_webhook_callbacks/wh_entry',
                active: values.active ?? true,
            }
            if (values.token) v.token = values.token
            if (values.type) v.callback_url_type = values.type
            if (values.hashSecret) v.hmac_secret = values.hashSecret
            return insert(registryTable, v).sys_id
        },
        user(userName: string, roles: string[], active = true): string {
            const user = insert('sys_user', { user_name: userName, name: userName, active })
            for (const role of roles) {
                const found = sim.store.rowsOf('sys_user_role').find((r) => r.name === role)
                const roleId = found ? found.sys_id : insert('sys_user_role', { name: role }).sys_id
                insert('sys_user_has_role', { user: user.sys_id, role: roleId })
            }
            return user.sys_id
        },
        trigger(values: { name: string; path?: string; runAs?: string; roles?: string; active?: boolean }): string {
            const v: Record<string, string | boolean> = {
                name: values.name,
                path: values.path ?? 'api/sn_jira_spoke/jira_external_trigger',
                active: values.active ?? true,
            }
            if (values.runAs) v.run_as = values.runAs
            if (values.roles) v.required_roles = values.roles
            return insert(SPOKE_DEFAULTS.triggerTable, v).sys_id
        },
    }
}
