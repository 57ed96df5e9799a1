/**
 * HealthInventoryPort over GlideRecord: the Jira alias and its child aliases (ServiceNow's multi-site pattern is one
 * child alias per Jira site), the OAuth 2.0 credentials of the app's registries, the registry's refresh-token
 * lifespan, and for basic credentials what can be known about the API token without reading it.
 */
import type { ApiTokenInfo, HealthInventoryPort } from '../core/health/model'
import { fromGlideDateTime } from './health-clock'
import { byId, each, shippedRecord, str, truncatedLists } from './records'
import { SHIPPED } from './shipped-records'
import { findAliasSysId, JIRA_ALIAS_ID } from './validation-service'

/** The 3LO registry this app ships (src/fluent/oauth/registry.now.ts); the credential sweep covers its profiles. */
export const APP_REGISTRY_NAME = 'Jira Cloud OAuth'

export class GlideHealthInventory implements HealthInventoryPort {
    jiraAliasSysIds(): string[] {
        const out: string[] = []
        const jira = findAliasSysId(JIRA_ALIAS_ID)
        if (jira) out.push(jira)
        for (const parent of [...out]) {
            each('sys_alias', [['parent', parent]], (row) => {
                if (out.indexOf(row.getUniqueValue()) < 0) out.push(row.getUniqueValue())
            })
        }
        return out
    }

    appOAuthCredentialSysIds(): string[] {
        const out: string[] = []
        // The shipped registry by sys_id: a copy or a template's registry with the same name is not the app's.
        const registry = shippedRecord('oauth_entity', SHIPPED.oauthRegistry, 'name', APP_REGISTRY_NAME).row
        if (!registry) return out
        each('oauth_entity_profile', [['oauth_entity', registry.getUniqueValue()]], (profile) => {
            each('oauth_2_0_credentials', [['oauth_entity_profile', profile.getUniqueValue()]], (cred) => {
                if (out.indexOf(cred.getUniqueValue()) < 0) out.push(cred.getUniqueValue())
            })
        })
        return out
    }

    /** Lists this run cut at their limit (records.ts each), named in the stored run. */
    truncated(): string[] {
        return truncatedLists()
    }

    refreshLifespanSec(credentialSysId: string): number | null {
        const cred = byId('oauth_2_0_credentials', credentialSysId)
        const profile = cred ? byId('oauth_entity_profile', str(cred, 'oauth_entity_profile')) : null
        const registry = profile ? byId('oauth_entity', str(profile, 'oauth_entity')) : null
        if (!registry) return null
        const n = parseInt(str(registry, 'refresh_token_lifespan'), 10)
        return Number.isFinite(n) && n > 0 ? n : null
    }

    apiTokenInfo(credentialSysId: string): ApiTokenInfo | null {
        const cred = byId('basic_auth_credentials', credentialSysId)
        if (!cred) return null
        // getValue of a password2 field is the stored (encrypted) value (assumption A13): a digest of it changes when
        // a new token is saved and reveals nothing of the token.
        const stored = str(cred, 'password')
        return {
            marker: stored ? fnv1a(stored) : '',
            setOnMs: null,
            createdOnMs: fromGlideDateTime(str(cred, 'sys_created_on')),
        }
    }
}

/** 32-bit FNV-1a as 8 hex digits: a change marker, not a security digest. */
export function fnv1a(text: string): string {
    let h = 0x811c9dc5
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i)
        h = Math.imul(h, 0x01000193) >>> 0
    }
    return ('0000000' + h.toString(16)).slice(-8)
}
