/**
 * RealPathPort over GlideRecord (src/server/core/real-path.ts): the connection's MID fields, the MID Servers
 * (ecc_agent with its capabilities and clusters), the installed Jira spoke and the aliases' configuration templates.
 * Reads only. Column names: http_connection use_mid, mid_selection, mid_server, mid_cluster, capabilities (ServiceNow
 * docs create-https-connection, "MID Server" fields); oauth_2_0_credentials use_mid ("Connect to Auth Server via MID
 * Server", KB1645211); ecc_agent name, status, validated; ecc_agent_capability_m2m agent/capability;
 * ecc_agent_cluster_member_m2m agent/cluster; sys_store_app scope/version (assumption A43).
 */
import type { ScriptSource } from '../core/deprecated-calls'
import type {
    AliasTemplateInfo,
    InstalledApp,
    MidServer,
    MidSettings,
    RealPathPort,
    ScriptScan,
} from '../core/real-path'
import { bool, byId, each, newRecord, str } from './records'

/** Where Jira calls live on an instance, and the text fields the scan reads (ServiceNow table and field names). */
const SCRIPT_TABLES: Array<{ table: string; name: string; fields: string[]; where?: [string, string] }> = [
    { table: 'sys_rest_message', name: 'name', fields: ['rest_endpoint'] },
    { table: 'sys_rest_message_fn', name: 'function_name', fields: ['rest_endpoint', 'content'] },
    // Flow Designer step inputs (the REST step's resource path, query and body live here).
    {
        table: 'sys_variable_value',
        name: 'document_key',
        fields: ['value'],
        where: ['document', 'sys_hub_step_instance'],
    },
    { table: 'sys_script_include', name: 'name', fields: ['script'] },
    { table: 'sys_script', name: 'name', fields: ['script'] },
]
/** A record mentions Jira when one of its fields contains one of these (each a CONTAINS query; no OR needed). */
const JIRA_WORDS = ['atlassian', '/rest/api/', 'jira']

/** Bound on MID Servers read per run (an instance has a handful; the limit keeps a runaway table cheap). */
const MAX_MIDS = 200

function nameOf(table: string, sysId: string, field = 'name'): string {
    const row = byId(table, sysId)
    return row ? str(row, field) : sysId
}

export class GlideRealPathReader implements RealPathPort {
    private mids: MidServer[] | null = null

    midSettings(connectionSysId: string): MidSettings | null {
        const row = byId('http_connection', connectionSysId)
        if (!row) return null
        const list = (v: string) => (v ? v.split(',').map((x) => x.trim()) : []).filter((x) => x)
        return {
            useMid: bool(row, 'use_mid'),
            selection: str(row, 'mid_selection') || 'auto_select',
            midServer: str(row, 'mid_server') ? nameOf('ecc_agent', str(row, 'mid_server')) : '',
            midCluster: str(row, 'mid_cluster') ? nameOf('ecc_agent_cluster', str(row, 'mid_cluster')) : '',
            capabilities: list(str(row, 'capabilities')).map((id) => nameOf('ecc_agent_capability', id, 'capability')),
        }
    }

    midServers(): MidServer[] {
        if (this.mids) return this.mids
        const byAgent = new Map<string, MidServer>()
        each(
            'ecc_agent',
            [],
            (r) =>
                byAgent.set(r.getUniqueValue(), {
                    name: str(r, 'name'),
                    status: str(r, 'status'),
                    validated: bool(r, 'validated') || str(r, 'validated') === 'validated',
                    capabilities: [],
                    clusters: [],
                }),
            MAX_MIDS
        )
        each(
            'ecc_agent_capability_m2m',
            [],
            (r) => {
                const mid = byAgent.get(str(r, 'agent'))
                if (mid) mid.capabilities.push(nameOf('ecc_agent_capability', str(r, 'capability'), 'capability'))
            },
            MAX_MIDS * 20
        )
        each(
            'ecc_agent_cluster_member_m2m',
            [],
            (r) => {
                const mid = byAgent.get(str(r, 'agent'))
                if (mid) mid.clusters.push(nameOf('ecc_agent_cluster', str(r, 'cluster')))
            },
            MAX_MIDS * 5
        )
        this.mids = Array.from(byAgent.values())
        return this.mids
    }

    tokenViaMid(credentialSysId: string): boolean {
        const row = byId('oauth_2_0_credentials', credentialSysId)
        return !!row && bool(row, 'use_mid')
    }

    /** Read once per run: instance.jira_spoke and the inbound instance checks both ask for the Jira spoke. */
    private readonly apps: { [scope: string]: InstalledApp | null } = {}

    installedApp(scope: string): InstalledApp | null {
        if (!Object.prototype.hasOwnProperty.call(this.apps, scope)) this.apps[scope] = this.readApp(scope)
        return this.apps[scope]
    }

    private readApp(scope: string): InstalledApp | null {
        for (const table of ['sys_store_app', 'sys_scope'] as const) {
            const row = newRecord(table)
            row.addQuery('scope', scope)
            row.setLimit(1)
            row.query()
            if (row.next()) return { name: str(row, 'name') || scope, version: str(row, 'version'), source: table }
        }
        return null
    }

    aliasTemplate(aliasId: string): AliasTemplateInfo | null {
        const alias = newRecord('sys_alias')
        alias.addQuery('id', aliasId)
        alias.setLimit(1)
        alias.query()
        if (!alias.next()) return null
        const info: AliasTemplateInfo = { aliasId, aliasName: str(alias, 'name'), template: null }
        const tpl = byId('sys_alias_templates', str(alias, 'configuration_template'))
        if (!tpl) return info
        const scopeId = str(tpl, 'sys_scope')
        const scope = scopeId === 'global' ? 'global' : scopeId ? nameOf('sys_scope', scopeId, 'scope') : 'global'
        const action = str(tpl, 'test_action')
        info.template = {
            name: str(tpl, 'name'),
            scope,
            testAction: action ? nameOf('sys_hub_action_type_definition', action) : '',
        }
        return info
    }

    jiraScripts(limit: number, timeUp: () => boolean = () => false): ScriptScan {
        const own = this.appScopeId()
        const seen: { [key: string]: boolean } = {}
        const sources: ScriptSource[] = []
        let truncated = false
        for (const t of SCRIPT_TABLES) {
            for (const field of t.fields) {
                for (const word of JIRA_WORDS) {
                    if (sources.length >= limit) {
                        truncated = true
                        return { sources, truncated, limit }
                    }
                    const row = newRecord(t.table)
                    row.addQuery(field, 'CONTAINS', word)
                    if (t.where) row.addQuery(t.where[0], t.where[1])
                    row.setLimit(limit - sources.length + 1)
                    row.query()
                    while (row.next()) {
                        // The run's time budget bounds the reads too (checked every 100 rows).
                        if (sources.length % 100 === 0 && timeUp())
                            return { sources, truncated, limit, outOfTime: true }
                        const key = `${t.table}:${row.getUniqueValue()}:${field}`
                        if (seen[key] || (own && str(row, 'sys_scope') === own)) continue
                        seen[key] = true
                        if (sources.length >= limit) {
                            truncated = true
                            break
                        }
                        sources.push({
                            table: t.table,
                            sysId: row.getUniqueValue(),
                            name: str(row, t.name),
                            field,
                            text: str(row, field),
                        })
                    }
                }
            }
        }
        return { sources, truncated, limit }
    }

    /** This app's scope sys_id: its own scripts are not scanned (they name these endpoints in their checks). */
    private appScopeId(): string {
        const row = newRecord('sys_scope')
        row.addQuery('scope', 'x_jira_connect')
        row.setLimit(1)
        row.query()
        return row.next() ? row.getUniqueValue() : ''
    }
}
