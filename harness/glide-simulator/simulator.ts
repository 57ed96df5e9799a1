/**
 * The Glide simulator: an in-memory ServiceNow instance for tests and `npm start` (never shipped).
 *
 *     const sim = await GlideSimulator.start({ http: (req) => network.request(req) })
 *     sim.install({ distAppDir })                       // or { zipPath }
 *     sim.admin.setField('oauth_entity', id, 'client_secret', 's3cr3t')
 *     const url = sim.admin.getOAuthTokenUrl(credSysId)  // what the "Get OAuth Token" popup opens
 *     const r = sim.admin.clickUiAction('oauth_2_0_credentials', credSysId, 'Validate Jira connection')
 *     await sim.close()
 *
 * See README.md for what it models, what it does not, and why that is safe.
 */
import * as http from 'node:http'
import {
    createGlideRecordClass,
    createGlideRecordSecureClass,
    createGs,
    type LogEntry,
    Session,
    type SessionUser,
    type TableOperation,
} from './glide'
import { installPackage, type InstallReport, type PackageSource } from './install'
import { type ActionRunResult, FlowDesigner } from './flow-designer'
import {
    createSnAuth,
    createSnCc,
    createSnWs,
    DEFAULT_PLATFORM_OPTIONS,
    OAuthEngine,
    type OutboundLogEntry,
    ParamMap,
    type PlatformOptions,
    randomState,
    type SyncHttp,
} from './platform-apis'
import { type AccessEntry, AccessRefused, trackNamespace } from './access-tracking'
import { MidRelay } from './mid-relay'
import { OOB_OAUTH_UTIL, Runtime } from './runtime'
import { Schema, SchemaError } from './schema'
import { EventManager } from './events'
import { createGlideDateTimeClass } from './glide-date-time'
import { Scheduler } from './scheduler'
import { Clock, type Row, Store, Vault } from './store'
import { WebFront } from './web'

export const ADMIN_USER: SessionUser = {
    sysId: '6816f79cc0a8016401c5a33be04be441',
    userName: 'admin',
    displayName: 'System Administrator',
    roles: ['admin'],
}

/**
 * The platform's "system" user: background work (a scheduled job with an empty Run as) runs as it. It is no sys_user
 * row; gs.getUserID() and gs.getUserName() answer "system", and it passes every role check.
 */
export const SYSTEM_USER: SessionUser = {
    sysId: 'system',
    userName: 'system',
    displayName: 'System',
    roles: ['admin'],
}

export interface SimulatorOptions {
    /** Synchronous HTTP for RESTMessageV2 and the OAuth engine (e.g. (r) => loopbackNetwork.request(r)). */
    http: SyncHttp
    platform?: Partial<PlatformOptions>
    user?: SessionUser
}

export interface UiActionResult {
    /** Info messages the admin sees on the next page. */
    info: string[]
    /** Error messages the admin sees on the next page. */
    errors: string[]
    /** Where action.setRedirectURL sent the browser (e.g. "oauth_2_0_credentials.do?sys_id=..."), null when not set. */
    redirect: string | null
    /** System log lines written during the click. */
    logs: LogEntry[]
    /** An exception that escaped the script (the platform logs it and the admin sees no result). */
    exception: string | null
}

export interface OAuthFlowResult {
    outcome: 'token stored' | 'provider error' | 'invalid state' | 'token request failed' | 'initiator error'
    /** What the admin sees in the popup window. */
    message: string
    requestorId: string | null
}

const OOB_OAUTH_UTIL_SYS_ID = '3e3a3a11c333210016194ffe5bba8f70'
const OOB_HTTP_RETRY_POLICY = 'ef751ff07301330025d71afe2ff6a7f9'

function escapeHtml(s: string): string {
    return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export class GlideSimulator {
    readonly schema = new Schema()
    readonly clock = new Clock()
    readonly vault = new Vault()
    readonly store = new Store(this.schema, this.clock, this.vault)
    readonly session: Session
    readonly logs: LogEntry[] = []
    readonly outbound: OutboundLogEntry[] = []
    readonly oauthFlows: OAuthFlowResult[] = []
    readonly options: PlatformOptions
    readonly runtime: Runtime
    readonly engine: OAuthEngine
    /** UI pages, their assets and scripted REST APIs, with sessions and X-UserToken (web.ts). */
    readonly web: WebFront
    /** gs.eventQueue events and the emails their notifications sent (events.ts). */
    readonly eventManager: EventManager
    /** Scheduled jobs on the simulated clock (scheduler.ts). */
    readonly scheduler: Scheduler
    /** Flow Designer: published actions, their script steps, Save and Test (flow-designer.ts). */
    readonly flowDesigner: FlowDesigner
    /** RESTMessageV2 through MID Servers: the ECC queue relay and each MID's host side (mid-relay.ts). */
    readonly mids: MidRelay
    readonly apis: {
        gs: ReturnType<typeof createGs> & {
            eventQueue(name: unknown, record: unknown, parm1?: unknown, parm2?: unknown): void
        }
        GlideDateTime: ReturnType<typeof createGlideDateTimeClass>
        GlideRecord: ReturnType<typeof createGlideRecordClass>
        GlideRecordSecure: ReturnType<typeof createGlideRecordSecureClass>
        sn_ws: ReturnType<typeof createSnWs>
        sn_auth: ReturnType<typeof createSnAuth>
        sn_cc: ReturnType<typeof createSnCc>
    }
    /**
     * Before business rules that abort a write (current.setAbortAction(true), ServiceNow docs "GlideRecord -
     * setAbortAction"): the write does not happen, insert()/update() return null and the message is shown. Tests add
     * them to play an instance whose own rules refuse a save half-way (issue 16 §2).
     */
    /** Row order of unordered queries and of ties (GlideEnv.unordered): tests set 'reverse' to expose "first match". */
    unorderedQueries: 'insertion' | 'reverse' = 'insertion'
    /**
     * Tables scripts opened a GlideRecord on that this instance does not have (isValid() false, queries find nothing,
     * as on the platform): a test asserts the app reads only the tables it means to (a typo shows up here).
     */
    readonly invalidTables: string[] = []
    readonly abortRules: Array<{
        table: string
        ops: Array<'create' | 'write'>
        when: (next: Row) => boolean
        message: string
    }> = []
    /** Every scriptable platform API call scripts made: <Class>.<method>, calling scope, allowed. */
    readonly accessLog: AccessEntry[] = []
    /** Scope of the script running now: the UI action's application scope, else 'global'. */
    private scriptScope = 'global'
    private server: http.Server | null = null
    private baseUrl = ''
    private readonly pending = new Map<
        string,
        { context: string; requestorId: string; profileSysId: string; registrySysId: string; redirectUri: string }
    >()

    private constructor(opts: SimulatorOptions) {
        this.options = { ...DEFAULT_PLATFORM_OPTIONS, ...(opts.platform ?? {}) }
        this.session = new Session(opts.user ?? ADMIN_USER)
        const env = {
            store: this.store,
            session: this.session,
            logs: this.logs,
            guard: (table: string, op: TableOperation) => this.guardTable(table, op),
            acl: (table: string, op: TableOperation) => this.aclAllows(table, op),
            abort: (table: string, op: 'create' | 'write', next: Row) => {
                const rule = this.abortRules.find(
                    (r) => this.schema.isA(table, r.table) && r.ops.includes(op) && r.when(next)
                )
                return rule ? rule.message : null
            },
            unordered: () => this.unorderedQueries,
            invalidTables: this.invalidTables,
        }
        this.mids = new MidRelay(this.store, opts.http, this.outbound, () => this.options)
        const deps = {
            mids: this.mids,
            store: this.store,
            runtime: () => this.runtime,
            http: opts.http,
            logs: this.logs,
            outbound: this.outbound,
            options: this.options,
            userName: () => this.session.user.userName,
            userRoles: () => this.session.user.roles,
        }
        this.engine = new OAuthEngine(deps)
        this.eventManager = new EventManager(this.store, () => this.baseUrl)
        const events = this.eventManager
        const glideRecord = createGlideRecordClass(env)
        this.apis = {
            gs: Object.assign(createGs(env), {
                eventQueue(name: unknown, record: unknown, parm1?: unknown, parm2?: unknown): void {
                    events.queue(name, record, parm1, parm2)
                },
            }),
            GlideDateTime: createGlideDateTimeClass(this.clock),
            GlideRecord: glideRecord,
            GlideRecordSecure: createGlideRecordSecureClass(glideRecord),
            sn_ws: createSnWs(deps),
            sn_auth: createSnAuth(deps, this.engine),
            sn_cc: createSnCc(deps),
        }
        // Scripts reach sn_ws / sn_auth / sn_cc through Runtime Access Tracking (access-tracking.ts).
        const policy = {
            currentScope: () => this.scriptScope,
            isAllowed: (scope: string, api: string) => this.isApiAllowed(scope, api),
            log: this.accessLog,
        }
        const scriptApis = {
            ...this.apis,
            sn_ws: trackNamespace(this.apis.sn_ws, policy),
            sn_auth: trackNamespace(this.apis.sn_auth, policy),
            sn_cc: trackNamespace(this.apis.sn_cc, policy),
        }
        this.runtime = new Runtime(this.store, scriptApis as never)
        this.web = new WebFront({
            store: this.store,
            isPassword: (table, column) => this.schema.isPassword(table, column),
            session: this.session,
            runtime: this.runtime,
            gs: this.apis.gs,
            logs: this.logs,
            inScope: <T>(scope: string, fn: () => T): T => {
                const previous = this.scriptScope
                this.scriptScope = scope
                try {
                    return fn()
                } finally {
                    this.scriptScope = previous
                }
            },
        })
        this.scheduler = new Scheduler(this.store, (script, job) => {
            // A job runs as its Run as user; with Run as empty, as the system user, whatever session is open
            // (ServiceNow KB2529338 "Understanding the 'Run As' field in Scheduled Jobs"; community answers: an empty
            // Run as runs the job as "system", which bypasses ACLs). Assumption A39.
            const previous = this.session.user
            this.session.user = this.jobUser(job)
            try {
                this.runtime.runScript(script, { gs: this.apis.gs }, `sysauto_script/${job.sys_id}/script.js`)
            } finally {
                this.session.user = previous
            }
        })
        this.flowDesigner = new FlowDesigner({
            store: this.store,
            runInScope: (scope, script, bindings, filename) => {
                const previous = this.scriptScope
                this.scriptScope = scope
                try {
                    return this.runtime.runScript(script, { ...bindings, gs: this.apis.gs }, filename)
                } finally {
                    this.scriptScope = previous
                }
            },
        })
        this.installRules()
        this.seedPlatform()
    }

    /** Who a scheduled job runs as: its Run as user with that user's roles, or the system user when empty. */
    private jobUser(job: Row): SessionUser {
        const user = job.run_as ? this.store.find('sys_user', job.run_as) : null
        if (!user) return SYSTEM_USER
        const roles = this.store
            .rowsOf('sys_user_has_role')
            .filter((g) => g.user === user.sys_id)
            .map((g) => this.store.find('sys_user_role', g.role)?.name ?? '')
            .filter((r) => r)
        return { sysId: user.sys_id, userName: user.user_name ?? '', displayName: user.name ?? '', roles }
    }

    /** Starts the simulated instance (its HTTP endpoints oauth_initiator.do / oauth_redirect.do on 127.0.0.1). */
    static async start(opts: SimulatorOptions): Promise<GlideSimulator> {
        const sim = new GlideSimulator(opts)
        await sim.listen()
        return sim
    }

    /** https-less instance URL, e.g. http://127.0.0.1:41234/ (glide.servlet.uri). */
    get instanceUrl(): string {
        return this.baseUrl
    }

    /** The callback the instance sends as redirect_uri (registry redirect_url blank: <glide.servlet.uri>oauth_redirect.do). */
    get callbackUrl(): string {
        return `${this.baseUrl}oauth_redirect.do`
    }

    async close(): Promise<void> {
        const s = this.server
        this.server = null
        if (s) await new Promise<void>((resolve) => s.close(() => resolve()))
    }

    // ---------------------------------------------------------------- platform seed

    private seedPlatform(): void {
        const sys = { user: 'system', checkReferences: false }
        this.store.insert(
            'sys_user',
            {
                sys_id: ADMIN_USER.sysId,
                user_name: 'admin',
                name: 'System Administrator',
                email: 'admin@example.com',
                active: 'true',
            },
            sys
        )
        const adminRole = this.store.insert('sys_user_role', { name: 'admin', description: 'OOB admin role' }, sys)
        // The OOB admin user holds the admin role as a sys_user_has_role row, like every granted role.
        this.store.insert('sys_user_has_role', { user: ADMIN_USER.sysId, role: adminRole.sys_id }, sys)
        this.store.insert(
            'sys_script_include',
            {
                sys_id: OOB_OAUTH_UTIL_SYS_ID,
                name: 'OAuthUtil',
                api_name: 'global.OAuthUtil',
                active: 'true',
                access: 'public',
                script: OOB_OAUTH_UTIL,
                sys_scope: 'global',
            },
            sys
        )
        this.store.insert('sys_retry_policy', { sys_id: OOB_HTTP_RETRY_POLICY, name: 'Default HTTP Retry Policy' }, sys)
        this.store.insert('sys_properties', { name: 'glide.servlet.uri', value: '', type: 'string' }, sys)
    }

    /**
     * Platform rules we know of and enforce on every write (form, template, script):
     * - "Only one connection is active per Connection alias at any one time" unless the alias supports multiple
     *   active connections (SNDOCS connection-information.md);
     * - "Credential is unique across active connections, if not empty" (same page).
     */
    private installRules(): void {
        const store = this.store
        const insert = store.insert.bind(store)
        const update = store.update.bind(store)
        const check = (table: string, row: Row) => {
            if (!this.schema.isA(table, 'sys_connection') || row.active !== 'true') return
            const others = store.rowsOf('sys_connection').filter((r) => r.sys_id !== row.sys_id && r.active === 'true')
            if (row.connection_alias) {
                const alias = store.find('sys_alias', row.connection_alias)
                const clash = others.find((r) => r.connection_alias === row.connection_alias)
                if (alias && alias.multiple_connections !== 'true' && clash) {
                    throw new SchemaError(
                        `Only one connection can be active for the alias ${alias.id || alias.name}: "${clash.name}" is already active. Deactivate it first, or enable Support Multiple Active Connections on the alias.`
                    )
                }
            }
            if (row.credential) {
                const clash = others.find((r) => r.credential === row.credential)
                if (clash)
                    throw new SchemaError(`The credential is already used by the active connection "${clash.name}".`)
            }
        }
        store.insert = (table, values, opts) => {
            const merged = { active: '', ...values }
            if (this.schema.isA(table, 'sys_connection'))
                check(table, { ...merged, sys_id: values.sys_id ?? '' } as Row)
            return insert(table, values, opts)
        }
        store.update = (table, sysId, values, opts) => {
            const before = store.find(table, sysId)
            if (before && this.schema.isA(before.sys_class_name, 'sys_connection')) {
                const next = {
                    ...before,
                    ...Object.fromEntries(
                        Object.entries(values).map(([k, v]) => [
                            k,
                            k === 'active' ? (v === 'true' || v === '1' ? 'true' : 'false') : String(v),
                        ])
                    ),
                }
                check(before.sys_class_name, next)
            }
            return update(table, sysId, values, opts)
        }
    }

    // ---------------------------------------------------------------- install

    /**
     * Installs the package the way `now-sdk install` does: the records, then the flow activation it runs after an
     * install (publishes the shipped actions; @servicenow/sdk-api dist/flow-activation.js). `activateFlows: false`
     * is an install that leaves them draft (e.g. an install path without that step).
     */
    install(source: PackageSource, opts: { activateFlows?: boolean } = {}): InstallReport {
        const report = installPackage(this.store, source)
        if (opts.activateFlows !== false) this.flowDesigner.activateShippedActions()
        return report
    }

    // ---------------------------------------------------------------- reading

    /** A copy of a record (password2 columns as ciphertext), or null. */
    read(table: string, sysId: string): Row | null {
        const r = this.store.find(table, sysId)
        return r ? { ...r } : null
    }

    /** Copies of the records of a table (and its children) matching every field=value of `where`. */
    query(table: string, where: Record<string, string> = {}): Row[] {
        for (const k of Object.keys(where)) this.schema.requireColumn(table, k, `query ${table}`)
        return this.store
            .rowsOf(table)
            .filter((r) => Object.entries(where).every(([k, v]) => (r[k] ?? '') === v))
            .map((r) => ({ ...r }))
    }

    /** The only record matching `where`; throws when there are none or several. */
    one(table: string, where: Record<string, string>): Row {
        const rows = this.query(table, where)
        if (rows.length !== 1)
            throw new Error(`expected one ${table} with ${JSON.stringify(where)}, found ${rows.length}`)
        return rows[0]
    }

    /** The tokens the instance holds for a requestor + profile (plain text: test inspection only). */
    storedTokens(requestorId: string, profileSysId: string) {
        return this.engine.readToken(requestorId, profileSysId)
    }

    /**
     * Every place an admin (or anyone reading the instance) could see text: session messages are returned per click,
     * so this covers the system log and every non-password column of every record.
     */
    visibleText(): string[] {
        const out = this.logs.map((l) => l.message)
        for (const { table, row } of this.store.dump()) {
            for (const [k, v] of Object.entries(row)) if (v && !this.schema.isPassword(table, k)) out.push(v)
        }
        return out
    }

    // ---------------------------------------------------------------- admin actions

    readonly admin = {
        /** Sets fields on a record as the form does (password2 fields are encrypted on save). */
        setFields: (table: string, sysId: string, values: Record<string, string | number | boolean>): Row => {
            const v: Row = {}
            for (const [k, x] of Object.entries(values)) v[k] = String(x)
            // Saving an application registry form with a blank Redirect URL fills it ("System generates the URL upon
            // saving", ServiceNow's Jira spoke set-up; docs: "If blank, the instance auto-generates an entry").
            const row = this.store.find(table, sysId)
            if (
                row &&
                this.schema.isA(row.sys_class_name, 'oauth_entity') &&
                this.options.redirectUrlFill === 'on-form-save'
            ) {
                const after = { ...row, ...v }
                if (!after.redirect_url) v.redirect_url = this.callbackUrl
            }
            return { ...this.store.update(table, sysId, v, { user: this.session.user.userName }) }
        },
        setField: (table: string, sysId: string, field: string, value: string | number | boolean): Row =>
            this.admin.setFields(table, sysId, { [field]: value }),

        /** Inserts a record as the form's Submit does. */
        insertRecord: (table: string, values: Record<string, string | number | boolean>): Row => {
            const v: Row = {}
            for (const [k, x] of Object.entries(values)) v[k] = String(x)
            return { ...this.store.insert(table, v, { user: this.session.user.userName }) }
        },

        /**
         * The alias form's "Connection Attributes" related list, which is also what the connection form's Attributes
         * tab offers: the element names of the definitions the variable machinery sees (see attributeDefinitions).
         */
        connectionAttributesOf: (aliasSysId: string): string[] =>
            this.attributeDefinitions(aliasSysId).map((a) => a.element),

        /** Sets a connection attribute value on a connection (the connection form's Attributes tab). */
        setConnectionAttribute: (connectionSysId: string, element: string, value: string): void => {
            const conn = this.store.find('sys_connection', connectionSysId)
            if (!conn) throw new SchemaError(`no connection ${connectionSysId}`)
            const attr = this.attributeDefinitions(conn.connection_alias).find((a) => a.element === element)
            if (!attr)
                throw new SchemaError(`the Attributes tab of ${conn.name} has no connection attribute '${element}'`)
            const existing = this.store
                .rowsOf('sys_variable_value')
                .find((r) => r.document_key === connectionSysId && r.variable === attr.sys_id)
            if (existing)
                this.store.update(
                    'sys_variable_value',
                    existing.sys_id,
                    { value },
                    { user: this.session.user.userName }
                )
            else
                this.store.insert(
                    'sys_variable_value',
                    { document: conn.sys_class_name, document_key: connectionSysId, variable: attr.sys_id, value },
                    { user: this.session.user.userName, checkReferences: false }
                )
        },

        /**
         * "Get OAuth Token" on an OAuth 2.0 credential: the URL of oauth_initiator.do the related link opens in a popup.
         * Open it in a browser (or browser-client.ts) to run the authorization-code flow.
         */
        getOAuthTokenUrl: (credentialSysId: string): string => {
            const cred = this.store.find('oauth_2_0_credentials', credentialSysId)
            if (!cred) throw new SchemaError(`no oauth_2_0_credentials ${credentialSysId}`)
            const q = new URLSearchParams({
                oauth_requestor_context: 'oauth_2_0_credentials',
                oauth_requestor: credentialSysId,
                oauth_provider_profile: cred.oauth_entity_profile,
                response_type: 'code',
            })
            return `${this.baseUrl}oauth_initiator.do?${q.toString()}`
        },

        /**
         * "Create New Connection & Credential" on an alias: fills the alias's configuration template
         * (default_data_template + dynamic_data_schema) with the admin's input, keyed like the form
         * ('connection.name', 'credential.password', ...), and creates the credential and the connection.
         */
        createConnectionFromTemplate: (
            aliasSysId: string,
            input: Record<string, string>
        ): { connection: Row; credential: Row } => {
            const alias = this.store.find('sys_alias', aliasSysId)
            if (!alias) throw new SchemaError(`no sys_alias ${aliasSysId}`)
            const tpl = alias.configuration_template
                ? this.store.find('sys_alias_templates', alias.configuration_template)
                : null
            if (!tpl) throw new SchemaError(`alias ${alias.name} has no configuration template`)
            const data = JSON.parse(tpl.default_data_template || '{}') as Record<string, Record<string, unknown>>
            const schema = JSON.parse(tpl.dynamic_data_schema || '{}') as Record<
                string,
                Array<{ name: string; mandatory?: boolean; defaultValue?: string; label?: string }>
            >
            const fields = [...(schema.connection_fields ?? []), ...(schema.credential_fields ?? [])]
            for (const k of Object.keys(input)) {
                if (!fields.some((f) => f.name === k))
                    throw new SchemaError(
                        `the template form has no field '${k}' (fields: ${fields.map((f) => f.name).join(', ')})`
                    )
            }
            for (const f of fields) {
                const value = input[f.name] ?? f.defaultValue ?? ''
                if (f.mandatory && !value) throw new SchemaError(`${f.label ?? f.name} is mandatory`)
                // Dot notation maps onto nested default data: credential.oauth_entity.client_id (alias-template-guide).
                const path = f.name.split('.')
                let node = data as Record<string, unknown>
                for (const key of path.slice(0, -1)) {
                    if (!node[key] || typeof node[key] !== 'object')
                        throw new SchemaError(`template field ${f.name}: default data has no '${key}' section`)
                    node = node[key] as Record<string, unknown>
                }
                node[path[path.length - 1]] = value
            }
            const user = { user: this.session.user.userName }
            const { table: credTable, oauth_entity: entity, ...credValues } = data.credential as Record<string, unknown>
            const credRow: Row = { active: 'true' }
            for (const [k, v] of Object.entries(credValues))
                credRow[k] = typeof v === 'object' ? JSON.stringify(v) : String(v)
            const created: { table: string; sysId: string }[] = []
            if (entity && typeof entity === 'object') {
                credRow.oauth_entity_profile = this.createTemplateOAuthEntity(
                    entity as Record<string, unknown>,
                    user,
                    created
                )
            }
            let credential: Row
            try {
                credential = this.store.insert(String(credTable), credRow, user)
            } catch (e) {
                for (const c of created.reverse()) this.store.delete(c.table, c.sysId)
                throw e
            }
            const { table: connTable, ...connValues } = data.connection as Record<string, string>
            const connRow: Row = { active: 'true', connection_alias: aliasSysId, credential: credential.sys_id }
            for (const [k, v] of Object.entries(connValues)) connRow[k] = String(v)
            let connection: Row
            try {
                connection = this.store.insert(String(connTable), connRow, user)
            } catch (e) {
                this.store.delete(String(credTable), credential.sys_id)
                for (const c of created.reverse()) this.store.delete(c.table, c.sysId)
                throw e
            }
            return { connection: { ...connection }, credential: { ...credential } }
        },

        /**
         * "Get OAuth Token" on an OAuth 2.0 credential whose profile uses the client-credentials grant: no browser, the
         * platform posts grant_type=client_credentials with the registry's client id and secret (and the profile's
         * scopes) to the Token URL and stores the access token against the credential (SNDOCS Option 2, "Create
         * credential record": "Get OAuth Token"). Returns what the admin sees.
         */
        getClientCredentialsToken: (credentialSysId: string): OAuthFlowResult => {
            const cred = this.store.find('oauth_2_0_credentials', credentialSysId)
            if (!cred) throw new SchemaError(`no oauth_2_0_credentials ${credentialSysId}`)
            const profile = this.store.find('oauth_entity_profile', cred.oauth_entity_profile)
            const registry = profile ? this.store.find('oauth_entity', profile.oauth_entity) : null
            if (!profile || !registry) throw new SchemaError(`credential ${cred.name} has no OAuth profile or provider`)
            if (profile.grant_type !== 'client_credentials')
                throw new SchemaError(
                    `profile ${profile.name} uses ${profile.grant_type}: use getOAuthTokenUrl (browser flow)`
                )
            const grant = new ParamMap()
            grant.put('grant_type', 'client_credentials')
            const scope = this.engine.profileScopes(profile.sys_id).join(' ')
            if (scope) grant.put('scope', scope)
            const r = this.engine.tokenRequest(registry, profile.sys_id, grant, registry.token_url)
            const result: OAuthFlowResult = r.errorMessage
                ? {
                      outcome: 'token request failed',
                      message: `The token request to ${registry.token_url} failed: ${r.errorMessage}. No token was stored.`,
                      requestorId: credentialSysId,
                  }
                : {
                      outcome: 'token stored',
                      message: `Access token received from ${registry.name} and stored.`,
                      requestorId: credentialSysId,
                  }
            if (!r.errorMessage)
                this.engine.storeTokens('oauth_2_0_credentials', credentialSysId, profile.sys_id, registry, r.params)
            else
                this.logs.push({
                    level: 'error',
                    message: `OAuth token request to ${registry.token_url} failed: ${r.errorMessage}`,
                    source: 'oauth',
                })
            this.oauthFlows.push(result)
            return result
        },

        /**
         * "Test" on a Flow Designer action, or a flow step calling it: runs a published action with the given inputs
         * (by input name; reference inputs are sys_ids) as the session user. See flow-designer.ts.
         */
        runFlowAction: (nameOrSysId: string, inputs: Record<string, string> = {}): ActionRunResult =>
            this.flowDesigner.run(nameOrSysId, inputs),

        /**
         * "Save and Test" in Workflow Studio's connection window (Create New Connection & Credential, or Edit
         * Connection): saves like createConnectionFromTemplate, then runs the alias template's Test Action. The button
         * exists only when the template names a test action (SNDOCS test-alias-configuration-template.md,
         * support-multiple-connections.md). What the platform hands the test action is not documented: the documented
         * test action has no inputs and reaches the connection through a REST step on the alias (assumption A42).
         * `testInputs: 'none'` (default) runs it without inputs; 'by-name' fills inputs named connection_alias and
         * connection with the alias and the saved connection.
         */
        saveAndTest: (
            aliasSysId: string,
            input: Record<string, string>,
            opts: { testInputs?: 'none' | 'by-name' } = {}
        ): { connection: Row; credential: Row; test: ActionRunResult } => {
            const action = this.testActionOf(aliasSysId)
            const { connection, credential } = this.admin.createConnectionFromTemplate(aliasSysId, input)
            const inputs: Record<string, string> =
                opts.testInputs === 'by-name' ? { connection_alias: aliasSysId, connection: connection.sys_id } : {}
            return { connection, credential, test: this.flowDesigner.run(action, inputs) }
        },

        /**
         * Clicks a UI action (by name or action_name) on the form of a record. `table` is the form's table (the
         * record's class by default). Returns what the admin sees.
         */
        /** Clicks a form button / link / context-menu action on a record's form. */
        clickUiAction: (table: string, sysId: string, nameOrActionName: string): UiActionResult => {
            const row = this.store.find(table, sysId)
            if (!row) throw new SchemaError(`no ${table} record ${sysId}`)
            const ua = this.findUiAction(table, nameOrActionName, 'form')
            const current = new this.apis.GlideRecord(table)
            if (!current.get(sysId)) throw new SchemaError(`no ${table} record ${sysId}`)
            return this.runUiAction(ua, current)
        },
        /** Clicks a list (banner) button; like the platform, `current` is an empty record of the list's table. */
        clickListButton: (table: string, nameOrActionName: string): UiActionResult => {
            const ua = this.findUiAction(table, nameOrActionName, 'list')
            return this.runUiAction(ua, new this.apis.GlideRecord(table))
        },
    }

    /**
     * The nested `credential.oauth_entity` of an OAuth configuration template (alias-template-guide: "the nested OAuth
     * provider configuration"): creates the registry, its oauth_entity_scope records and profiles with their profile
     * scopes (which name scope values, as in the SDK's examples), and returns the default profile's sys_id for the
     * credential. Password2 columns (client_secret) are encrypted by the store.
     */
    private createTemplateOAuthEntity(
        entity: Record<string, unknown>,
        user: { user: string },
        created: { table: string; sysId: string }[]
    ): string {
        const { oauth_entity_scope: scopes, oauth_entity_profile: profiles, ...fields } = entity
        const row: Row = {}
        for (const [k, v] of Object.entries(fields)) row[k] = String(v)
        const registry = this.store.insert('oauth_entity', row, user)
        created.push({ table: 'oauth_entity', sysId: registry.sys_id })
        const scopeIds = new Map<string, string>()
        for (const sc of (scopes as Array<Record<string, string>> | undefined) ?? []) {
            const r = this.store.insert(
                'oauth_entity_scope',
                {
                    oauth_entity: registry.sys_id,
                    name: String(sc.name),
                    oauth_entity_scope: String(sc.oauth_entity_scope),
                },
                user
            )
            created.push({ table: 'oauth_entity_scope', sysId: r.sys_id })
            scopeIds.set(String(sc.oauth_entity_scope), r.sys_id)
        }
        let defaultProfile = ''
        for (const p of (profiles as Array<Record<string, unknown>> | undefined) ?? []) {
            const { oauth_entity_profile_scope: pscopes, ...pf } = p
            const prow: Row = { oauth_entity: registry.sys_id }
            for (const [k, v] of Object.entries(pf)) prow[k] = String(v)
            const profile = this.store.insert('oauth_entity_profile', prow, user)
            created.push({ table: 'oauth_entity_profile', sysId: profile.sys_id })
            for (const value of (pscopes as string[] | undefined) ?? []) {
                const scopeId = scopeIds.get(String(value))
                if (!scopeId)
                    throw new SchemaError(
                        `template profile ${profile.name}: scope "${value}" is not one of the template's oauth_entity_scope values`
                    )
                const ps = this.store.insert(
                    'oauth_entity_profile_scope',
                    { oauth_entity_profile: profile.sys_id, oauth_entity_scope: scopeId },
                    user
                )
                created.push({ table: 'oauth_entity_profile_scope', sysId: ps.sys_id })
            }
            if (profile.default === 'true' || !defaultProfile) defaultProfile = profile.sys_id
        }
        if (!defaultProfile) throw new SchemaError(`template OAuth entity ${registry.name} has no profile`)
        return defaultProfile
    }

    /**
     * Connection attribute definitions of an alias as the platform's variable machinery sees them. A definition is a
     * var_dictionary row: the UI's business rules fill name = var__m_connection_attributes_<alias sys_id>,
     * model_table = sys_alias and model_id = <alias sys_id> when an admin creates one on the alias form (ServiceNow
     * docs create-connection-attributes.md: attributes are dictionary entries). An application install loads XML and
     * runs no business rules (ServiceNow SDK alias guide), so a shipped definition without those fields is a row the
     * related list and the Attributes tab do not show [I: the var__m_<table>_<model sys_id> naming is what real
     * var_dictionary exports carry, e.g. sys_hub_action_input rows in ServiceNowDevProgram/ActionPack].
     */
    attributeDefinitions(aliasSysId: string): Row[] {
        return this.store
            .rowsOf('connection_attributes')
            .filter(
                (a) =>
                    a.model === aliasSysId &&
                    a.name === `var__m_connection_attributes_${aliasSysId}` &&
                    a.model_table === 'sys_alias' &&
                    a.model_id === aliasSysId &&
                    a.active !== 'false'
            )
            .sort((x, y) => Number(x.order || 0) - Number(y.order || 0))
    }

    /**
     * A scoped script may call a scriptable API when its app does not enforce runtime access tracking, or when the app
     * ships an allowed execute privilege for it (sys_scope_privilege, target_type scriptable).
     */
    /**
     * GlideRecord on a table outside the running script's scope: with Runtime Access Tracking "enforcing", a scoped
     * script needs an allowed sys_scope_privilege (target_type sys_db_object, target_name = the table, operation
     * read / create / write / delete) (ServiceNow docs "Runtime access tracking": enforcing "only allows access
     * requests that have been authorized"). A scope's own tables are named <scope>_*. Each distinct access is logged
     * once as "<table>.<operation>" in accessLog.
     */
    private guardTable(table: string, op: TableOperation): void {
        const scope = this.scriptScope
        if (scope === 'global' || table.startsWith(`${scope}_`)) return
        const app = this.store.rowsOf('sys_app').find((a) => a.scope === scope)
        const allowed =
            !app ||
            app.runtime_access_tracking !== 'enforcing' ||
            this.store
                .rowsOf('sys_scope_privilege')
                .some(
                    (p) =>
                        p.source_scope === app.sys_id &&
                        p.target_type === 'sys_db_object' &&
                        p.target_name === table &&
                        p.operation === op &&
                        p.status === 'allowed'
                )
        const api = `${table}.${op}`
        if (!this.accessLog.some((e) => e.api === api && e.scope === scope && e.allowed === allowed))
            this.accessLog.push({ api, scope, allowed })
        if (!allowed) {
            throw new AccessRefused(
                `Access to table '${table}' (${op}) from scope '${scope}' has been refused due to the table's ` +
                    'cross-scope access policy'
            )
        }
    }

    /**
     * Record ACLs as the platform evaluates them for a table operation (ServiceNow docs "Access control list rules":
     * the most specific table name matches first, then its parent tables, then "*"; a user passes an ACL holding one
     * of its roles, or any ACL whose admin_overrides is not false when the user has admin). When no ACL of the
     * lineage names the operation, glide.sm.default_mode (deny, the default on instances with High Security) refuses
     * everyone but admin [I: docs/assumptions.md A33]. Only GlideRecordSecure and the
     * canRead/canWrite/... methods consult this; GlideRecord bypasses ACLs.
     */
    aclAllows(table: string, op: TableOperation): boolean {
        const user = this.session.user
        const isAdmin = user.roles.includes('admin')
        const acls = this.store.rowsOf('sys_security_acl').filter((a) => a.active !== 'false' && a.type === 'record')
        for (const t of [...this.schema.lineage(table), '*']) {
            const matching = acls.filter((a) => a.operation === op && (a.name === t || a.name === `${t}.*`))
            if (!matching.length) continue
            return matching.some((a) => {
                if (isAdmin && a.admin_overrides !== 'false') return true
                const roles = this.store
                    .rowsOf('sys_security_acl_role')
                    .filter((r) => r.sys_security_acl === a.sys_id)
                    .map((r) => this.store.find('sys_user_role', r.sys_user_role)?.name ?? r.sys_user_role)
                return roles.length === 0 || roles.some((r) => user.roles.includes(r))
            })
        }
        return isAdmin
    }

    private isApiAllowed(scope: string, api: string): boolean {
        if (scope === 'global') return true
        const app = this.store.rowsOf('sys_app').find((a) => a.scope === scope)
        if (!app || app.runtime_access_tracking !== 'enforcing') return true
        return this.store
            .rowsOf('sys_scope_privilege')
            .some(
                (p) =>
                    p.source_scope === app.sys_id &&
                    p.target_type === 'scriptable' &&
                    p.target_name === api &&
                    p.operation === 'execute' &&
                    p.status === 'allowed'
            )
    }

    private findUiAction(table: string, nameOrActionName: string, where: 'form' | 'list'): Row {
        const lineage = this.schema.lineage(table)
        const placed = (a: Row) =>
            where === 'form'
                ? a.form_button === 'true' || a.form_link === 'true' || a.form_context_menu === 'true'
                : a.list_banner_button === 'true' || a.list_button === 'true' || a.list_context_menu === 'true'
        const candidates = this.store
            .rowsOf('sys_ui_action')
            .filter(
                (a) =>
                    a.active !== 'false' &&
                    placed(a) &&
                    lineage.includes(a.table) &&
                    (a.name === nameOrActionName || a.action_name === nameOrActionName)
            )
            .sort((a, b) => lineage.indexOf(a.table) - lineage.indexOf(b.table))
        if (!candidates.length) {
            const available = this.store
                .rowsOf('sys_ui_action')
                .filter((a) => placed(a) && lineage.includes(a.table))
                .map((a) => a.name)
            throw new SchemaError(
                `no active ${where} UI action '${nameOrActionName}' on ${table} (available: ${available.join(', ') || 'none'})`
            )
        }
        const ua = candidates[0]
        const roleIds = this.store
            .rowsOf('sys_ui_action_role')
            .filter((r) => r.sys_ui_action === ua.sys_id)
            .map((r) => r.sys_user_role)
        const roleNames = roleIds.map((id) => this.store.find('sys_user_role', id)?.name ?? id)
        if (roleNames.length && !roleNames.some((r) => this.apis.gs.hasRole(r))) {
            throw new SchemaError(
                `UI action '${ua.name}' is not shown: it needs one of the roles ${roleNames.join(', ')}`
            )
        }
        return ua
    }

    /** The Test Action of the alias's configuration template (the sys_id), or the reason Save and Test is absent. */
    private testActionOf(aliasSysId: string): string {
        const alias = this.store.find('sys_alias', aliasSysId)
        if (!alias) throw new SchemaError(`no sys_alias ${aliasSysId}`)
        const tpl = alias.configuration_template
            ? this.store.find('sys_alias_templates', alias.configuration_template)
            : null
        if (!tpl?.test_action)
            throw new SchemaError(
                `Save and Test is not offered: the configuration template of ${alias.name} names no Test Action`
            )
        return tpl.test_action
    }

    private runUiAction(ua: Row, current: InstanceType<ReturnType<typeof createGlideRecordClass>>): UiActionResult {
        if (
            ua.condition &&
            !this.runtime.evaluate(
                ua.condition,
                { current, gs: this.apis.gs },
                `sys_ui_action/${ua.sys_id}/condition.js`
            )
        ) {
            throw new SchemaError(
                `UI action '${ua.name}' is not shown on this record: its condition is false (${ua.condition})`
            )
        }
        this.session.takeMessages()
        const logStart = this.logs.length
        let redirect: string | null = null
        const action = {
            setRedirectURL: (target: unknown) => {
                if (target && typeof target === 'object' && 'getUniqueValue' in target) {
                    const gr = target as { getTableName(): string; getUniqueValue(): string }
                    redirect = `${gr.getTableName()}.do?sys_id=${gr.getUniqueValue()}`
                } else redirect = String(target)
            },
            setReturnURL: () => undefined,
            setNoPop: () => undefined,
        }
        let exception: string | null = null
        // current and action are variables of the UI action's own script only. A module the script requires does not
        // see them: it gets what the SDK wrapper passes as arguments (the wrapper passes each declared parameter by
        // its name, e.g. validateJiraConnection(current, action)). No public source shows module code reaching the
        // script's variables (assumption A8), so the simulator gives modules no such access.
        // The script and the modules it calls run in the UI action's application scope.
        this.scriptScope = (ua.sys_scope && this.store.find('sys_app', ua.sys_scope)?.scope) || 'global'
        try {
            this.runtime.runScript(
                ua.script,
                { current, action, gs: this.apis.gs },
                `sys_ui_action/${ua.sys_id}/script.js`
            )
        } catch (e) {
            exception = String((e as Error)?.stack ?? e)
            this.logs.push({
                level: 'error',
                message: `UI action ${ua.name} failed: ${(e as Error)?.message ?? e}`,
                source: 'sys_ui_action',
            })
        } finally {
            this.scriptScope = 'global'
        }
        const m = this.session.takeMessages()
        return { info: m.info, errors: m.errors, redirect, logs: this.logs.slice(logStart), exception }
    }

    /**
     * Runs a platform scheduled job by name. Modeled: "Clean Expired OAuth Credentials" (deletes expired
     * oauth_credential rows; ServiceNow docs t_ManageTokens.md, KB1380167). Returns how many rows it changed.
     */
    runScheduledJob(name: 'Clean Expired OAuth Credentials'): number {
        if (name !== 'Clean Expired OAuth Credentials') throw new SchemaError(`scheduled job '${name}' is not modeled`)
        return this.engine.cleanExpiredOAuthCredentials()
    }

    /** Runs a classic server script (like Scripts - Background) with gs/GlideRecord/sn_* and require(). */
    runBackgroundScript(script: string): unknown {
        return this.runtime.runScript(script, { gs: this.apis.gs }, 'background-script.js')
    }

    // ---------------------------------------------------------------- instance endpoints

    private async listen(): Promise<void> {
        const server = http.createServer((req, res) => {
            if (this.web.owns(new URL(req.url ?? '/', 'http://instance.invalid').pathname))
                return this.web.serve(req, res)
            try {
                this.handle(req, res)
            } catch (e) {
                res.writeHead(500, { 'content-type': 'text/plain' })
                res.end(String((e as Error)?.message ?? e))
            }
        })
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
        this.server = server
        const port = (server.address() as { port: number }).port
        this.baseUrl = `http://127.0.0.1:${port}/`
        const prop = this.store.rowsOf('sys_properties').find((r) => r.name === 'glide.servlet.uri') as Row
        this.store.update('sys_properties', prop.sys_id, { value: this.baseUrl }, { user: 'system' })
    }

    private page(res: http.ServerResponse, status: number, title: string, message: string): void {
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
        res.end(
            `<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p id="message">${escapeHtml(message)}</p></body></html>`
        )
    }

    private flowResult(res: http.ServerResponse, status: number, r: OAuthFlowResult): void {
        this.oauthFlows.push(r)
        this.page(
            res,
            status,
            r.outcome === 'token stored' ? 'OAuth token received' : 'OAuth authorization failed',
            r.message
        )
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const url = new URL(req.url ?? '/', this.baseUrl)
        const q = url.searchParams
        if (url.pathname === '/oauth_initiator.do') {
            const context = q.get('oauth_requestor_context') ?? ''
            const requestorId = q.get('oauth_requestor') ?? ''
            const profileSysId = q.get('oauth_provider_profile') ?? ''
            const profile = this.store.find('oauth_entity_profile', profileSysId)
            const registry = profile ? this.store.find('oauth_entity', profile.oauth_entity) : null
            if (!profile || !registry) {
                return this.flowResult(res, 400, {
                    outcome: 'initiator error',
                    message: `OAuth profile ${profileSysId} or its OAuth provider does not exist.`,
                    requestorId,
                })
            }
            if (registry.active === 'false') {
                return this.flowResult(res, 400, {
                    outcome: 'initiator error',
                    message: `The OAuth provider "${registry.name}" is inactive.`,
                    requestorId,
                })
            }
            const state = randomState()
            const location = this.engine.authorizationUrl(registry, profileSysId, state)
            this.pending.set(state, {
                context,
                requestorId,
                profileSysId,
                registrySysId: registry.sys_id,
                redirectUri: this.engine.redirectUri(registry),
            })
            res.writeHead(302, { location })
            res.end()
            return
        }
        if (url.pathname === '/oauth_redirect.do') {
            const state = q.get('state') ?? ''
            const flow = this.pending.get(state)
            if (!flow) {
                return this.flowResult(res, 400, {
                    outcome: 'invalid state',
                    message:
                        'The OAuth response does not match a pending authorization request (state mismatch or already used). Start Get OAuth Token again.',
                    requestorId: null,
                })
            }
            this.pending.delete(state)
            const error = q.get('error')
            if (error) {
                const desc = q.get('error_description')
                return this.flowResult(res, 400, {
                    outcome: 'provider error',
                    message: `The OAuth provider returned an error: ${error}${desc ? ` (${desc})` : ''}. No token was stored.`,
                    requestorId: flow.requestorId,
                })
            }
            const code = q.get('code') ?? ''
            const registry = this.store.find('oauth_entity', flow.registrySysId) as Row
            const grant = new ParamMap()
            grant.put('grant_type', 'authorization_code')
            grant.put('code', code)
            if (flow.redirectUri) grant.put('redirect_uri', flow.redirectUri)
            const r = this.engine.tokenRequest(registry, flow.profileSysId, grant, registry.token_url)
            if (r.errorMessage) {
                this.logs.push({
                    level: 'error',
                    message: `OAuth token request to ${registry.token_url} failed: ${r.errorMessage}`,
                    source: 'oauth',
                })
                return this.flowResult(res, 400, {
                    outcome: 'token request failed',
                    message: `The token request to ${registry.token_url} failed: ${r.errorMessage}. No token was stored.`,
                    requestorId: flow.requestorId,
                })
            }
            this.engine.storeTokens(flow.context, flow.requestorId, flow.profileSysId, registry, r.params)
            return this.flowResult(res, 200, {
                outcome: 'token stored',
                message: `Access token received from ${registry.name} and stored${r.params.get('refresh_token') ? ' with a refresh token' : ' (no refresh token: offline_access was not granted)'}.`,
                requestorId: flow.requestorId,
            })
        }
        this.page(
            res,
            404,
            'Not found',
            `The simulated instance serves only oauth_initiator.do and oauth_redirect.do (asked for ${url.pathname}).`
        )
    }
}
