/**
 * ConfigPort over GlideRecord. Reads the alias, connections, credentials, OAuth registry/profile/scopes and the
 * connection attributes. Secrets are read as presence only: password2 columns (client_secret, password) are checked
 * for a non-empty stored (encrypted) value and never decrypted here.
 * Platform assumptions (docs/assumptions.md): connection attribute definitions live in
 * connection_attributes (model = alias) and per-connection values in sys_variable_value (document_key = connection).
 */
import { gs } from '@servicenow/glide'
import type {
    AliasSnapshot,
    ConfigPort,
    ConnectionSnapshot,
    CredentialSnapshot,
    ProfileSnapshot,
    RegistrySnapshot,
} from '../core/ports'
import { bool, byId, each, str, type Row } from './records'
import { looksLikeSecret } from '../core/setup/inputs'

export class GlideConfigReader implements ConfigPort {
    alias(sysId: string): AliasSnapshot | null {
        const row = byId('sys_alias', sysId)
        if (!row) return null
        const parentSysId = str(row, 'parent') || null
        const attributeDefaults: Record<string, string> = {}
        // Parent defaults first, so the child alias's own definitions win.
        for (const model of [parentSysId, row.getUniqueValue()]) {
            if (!model) continue
            each('connection_attributes', [['model', model]], (a) => {
                const element = str(a, 'element')
                if (element) attributeDefaults[element] = str(a, 'default_value')
            })
        }
        return {
            sysId: row.getUniqueValue(),
            id: str(row, 'id'),
            name: str(row, 'name'),
            parentSysId,
            multipleConnections: bool(row, 'multiple_connections'),
            attributeDefaults,
        }
    }

    connectionsOfAlias(aliasSysId: string): ConnectionSnapshot[] {
        const out: ConnectionSnapshot[] = []
        each('sys_connection', [['connection_alias', aliasSysId]], (row) => out.push(this.snapshot(row)))
        return out
    }

    connection(sysId: string): ConnectionSnapshot | null {
        const row = byId('sys_connection', sysId)
        return row ? this.snapshot(row) : null
    }

    connectionsUsingCredential(credentialSysId: string): ConnectionSnapshot[] {
        const out: ConnectionSnapshot[] = []
        each('sys_connection', [['credential', credentialSysId]], (row) => out.push(this.snapshot(row)))
        return out
    }

    credential(sysId: string): CredentialSnapshot | null {
        const base = byId('discovery_credentials', sysId)
        if (!base) return null
        const table = base.getRecordClassName() || base.getTableName()
        const row = byId(table, sysId) || base
        const common = { sysId, name: str(row, 'name'), table, active: bool(row, 'active') }
        if (table === 'oauth_2_0_credentials')
            return { kind: 'oauth2', ...common, profileSysId: str(row, 'oauth_entity_profile') || null }
        if (table === 'basic_auth_credentials') {
            return {
                kind: 'basic',
                ...common,
                userName: str(row, 'user_name'),
                hasPassword: str(row, 'password') !== '',
            }
        }
        return { kind: 'other', ...common }
    }

    profile(sysId: string): ProfileSnapshot | null {
        const row = byId('oauth_entity_profile', sysId)
        if (!row) return null
        const scopes: string[] = []
        each('oauth_entity_profile_scope', [['oauth_entity_profile', sysId]], (link) => {
            const scope = byId('oauth_entity_scope', str(link, 'oauth_entity_scope'))
            if (scope) scopes.push(str(scope, 'oauth_entity_scope'))
        })
        return {
            sysId,
            name: str(row, 'name'),
            registrySysId: str(row, 'oauth_entity') || null,
            grantType: str(row, 'grant_type'),
            isDefault: bool(row, 'default'),
            scopes,
        }
    }

    registry(sysId: string): RegistrySnapshot | null {
        const row = byId('oauth_entity', sysId)
        if (!row) return null
        const scriptRow = byId('sys_script_include', str(row, 'oauth_api_script'))
        const defaultProfiles: string[] = []
        each(
            'oauth_entity_profile',
            [
                ['oauth_entity', sysId],
                ['default', 'true'],
            ],
            (p) => {
                defaultProfiles.push(str(p, 'name'))
            }
        )
        return {
            sysId,
            name: str(row, 'name'),
            active: bool(row, 'active'),
            type: str(row, 'type'),
            defaultGrantType: str(row, 'default_grant_type'),
            hasClientId: str(row, 'client_id').trim() !== '',
            clientIdLooksLikeSecret: looksLikeSecret(str(row, 'client_id').trim()),
            hasClientSecret: str(row, 'client_secret') !== '',
            authUrl: str(row, 'auth_url'),
            tokenUrl: str(row, 'token_url'),
            refreshTokenUrl: str(row, 'refresh_token_url'),
            redirectUrl: str(row, 'redirect_url'),
            apiScript: scriptRow
                ? {
                      sysId: scriptRow.getUniqueValue(),
                      name: str(scriptRow, 'name'),
                      active: bool(scriptRow, 'active'),
                      script: str(scriptRow, 'script'),
                      scope: scopeName(str(scriptRow, 'sys_scope')),
                  }
                : null,
            defaultProfiles,
        }
    }

    property(name: string, fallback: string): string {
        const value = gs.getProperty(name, fallback)
        return value === null || value === undefined || String(value) === '' ? fallback : String(value)
    }

    instanceCallbackUrl(): string {
        const base = String(gs.getProperty('glide.servlet.uri', '') || '')
        return `${base.replace(/\/+$/, '')}/oauth_redirect.do`
    }

    private snapshot(base: Row): ConnectionSnapshot {
        const sysId = base.getUniqueValue()
        // A query on sys_connection exposes only sys_connection's columns; connection_url lives on the extension
        // (http_connection), so read the row again from its own class table.
        const table = base.getRecordClassName() || base.getTableName()
        const row = (table !== base.getTableName() && byId(table, sysId)) || base
        return {
            sysId,
            name: str(row, 'name'),
            table,
            active: bool(row, 'active'),
            url: str(row, 'connection_url'),
            aliasSysId: str(row, 'connection_alias') || null,
            credentialSysId: str(row, 'credential') || null,
            attributes: this.attributeValues(sysId),
        }
    }

    private attributeValues(connectionSysId: string): Record<string, string> {
        const values: Record<string, string> = {}
        each('sys_variable_value', [['document_key', connectionSysId]], (v) => {
            const definition = byId('connection_attributes', str(v, 'variable'))
            if (definition) values[str(definition, 'element')] = str(v, 'value')
        })
        return values
    }
}

/** The application scope name of a sys_scope value ('global' for global or an empty value). */
function scopeName(sysScope: string): string {
    if (!sysScope || sysScope === 'global') return 'global'
    const scope = byId('sys_scope', sysScope)
    return scope ? str(scope, 'scope') || sysScope : sysScope
}
