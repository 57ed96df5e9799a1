/**
 * Where each way into Jira stands against Atlassian's and ServiceNow's current rules (docs/auth-standing.md):
 * - Atlassian, "Building secure and scalable integrations: our guidance for third-party apps" (developer blog,
 *   June 2025) and the reminder "Migrate from using API tokens to officially supported authentication"
 *   (community.developer.atlassian.com, enforced from 2026-01-01): integrations must not collect customers' API tokens
 *   (user or service-account tokens), nor ask each customer to create their own OAuth 2.0 (3LO) app;
 * - ServiceNow, "Set up the Jira spoke" (Australia and later): Options 3 and 4 (API tokens) are labelled "does not
 *   comply with Atlassian security requirements"; Option 1 uses the spoke's own template (ServiceNow's 3LO app).
 * The standing is information next to the verdict: it never fails or warns a validation by itself (the classic-token
 * warning is config.auth_method's).
 */
import { AUTH_METHOD_LABEL, authMethodOf, type AuthMethod } from './auth-method'
import type { ConfigPort } from './ports'
import type { AliasTemplateInfo, RealPathPort } from './real-path'
import { inspectConnectionUrl } from './urls'

/** Stable codes, one per way in (also the info codes of check config.auth_standing). */
export type StandingCode =
    | 'standing_service_account'
    | 'standing_spoke_3lo'
    | 'standing_own_3lo_app'
    | 'standing_scoped_token'
    | 'standing_classic_token'

/** recommended > compliant > allowed (a pattern Atlassian flags for distributed apps) > not_compliant. */
export type StandingLevel = 'recommended' | 'compliant' | 'allowed' | 'not_compliant'

export interface AuthStanding {
    code: StandingCode
    level: StandingLevel
    method: AuthMethod
    /** "Not compliant", "Recommended", ... */
    label: string
    /** One sentence: why, with the public source. */
    why: string
    /** Whether the setup page offers "Move to a service account" (every standing but the recommended one). */
    move: boolean
}

/** The spoke's own "Authentication Template for Jira Cloud" (Jira spoke 6.0.1+, scope sn_jira_spoke). */
export const SPOKE_TEMPLATE = { scope: 'sn_jira_spoke', name: 'Authentication Template for Jira Cloud' } as const

export const LEVEL_LABEL: { [L in StandingLevel]: string } = {
    recommended: 'Recommended',
    compliant: 'Compliant',
    allowed: 'Allowed for your own site, flagged for distributed apps',
    not_compliant: 'Not compliant',
}

const ATLASSIAN_GUIDANCE = 'Atlassian "Building secure and scalable integrations" (June 2025)'
const SERVICENOW_OPTIONS =
    'ServiceNow\'s Jira spoke docs (Australia and later) label the API-token options "does not comply with ' +
    'Atlassian security requirements"'

const STANDINGS: { [C in StandingCode]: { level: StandingLevel; why: string } } = {
    standing_service_account: {
        level: 'recommended',
        why:
            'a service account with OAuth 2.0 client credentials is what Atlassian recommends for integrations ' +
            '(support.atlassian.com "Create OAuth 2.0 credential for service accounts"; ServiceNow Option 2).',
    },
    standing_spoke_3lo: {
        level: 'compliant',
        why:
            "the Jira spoke's own Authentication Template signs in through ServiceNow's one distributed 3LO app, the " +
            `pattern ${ATLASSIAN_GUIDANCE} asks for (ServiceNow Option 1).`,
    },
    standing_own_3lo_app: {
        level: 'allowed',
        why:
            'an OAuth 2.0 (3LO) app created in the developer console for your own site works; a product that asks ' +
            `each customer to create one is what ${ATLASSIAN_GUIDANCE} flags, so treat it as a pattern to leave ` +
            '[inference: Atlassian does not say how it applies to a customer wiring its own tenant].',
    },
    standing_scoped_token: {
        level: 'not_compliant',
        why:
            `a scoped API token works, but ${SERVICENOW_OPTIONS} (Option 4), and Atlassian tells integrations to ` +
            'stop collecting API tokens, service-account tokens included (enforced from 2026-01-01).',
    },
    standing_classic_token: {
        level: 'not_compliant',
        why:
            `a classic API token is legacy: ${SERVICENOW_OPTIONS} (Option 3), and Atlassian tells integrations to ` +
            'stop collecting API tokens (enforced from 2026-01-01).',
    },
}

/** Whether an alias's configuration template is the Jira spoke's own (checks/real-path.ts tells the same apart). */
export function isSpokeTemplate(template: { name: string; scope: string } | null): boolean {
    return !!template && (template.scope === SPOKE_TEMPLATE.scope || template.name === SPOKE_TEMPLATE.name)
}

/**
 * The standing of a way in. `template`: the configuration template of the connection's alias (null: none or unknown);
 * a 3LO connection counts as the spoke's (ServiceNow's app) only when that template is the spoke's (assumption A47).
 */
export function authStanding(method: AuthMethod, template: { name: string; scope: string } | null): AuthStanding {
    const code: StandingCode =
        method === 'service_account'
            ? 'standing_service_account'
            : method === 'oauth_3lo'
              ? isSpokeTemplate(template)
                  ? 'standing_spoke_3lo'
                  : 'standing_own_3lo_app'
              : method === 'scoped_token'
                ? 'standing_scoped_token'
                : 'standing_classic_token'
    const s = STANDINGS[code]
    return { code, level: s.level, method, label: LEVEL_LABEL[s.level], why: s.why, move: s.level !== 'recommended' }
}

/** "Not compliant: classic API token on the site URL (legacy): a classic API token is legacy: ..." */
export function standingLine(s: AuthStanding): string {
    const way = s.code === 'standing_spoke_3lo' ? "OAuth 2.0 (3LO) with the Jira spoke's template" : methodLabel(s)
    return `${s.label}: ${way}. Why: ${s.why}`
}

function methodLabel(s: AuthStanding): string {
    return s.code === 'standing_own_3lo_app' ? 'OAuth 2.0 (3LO) app of your own' : AUTH_METHOD_LABEL[s.method]
}

/**
 * The standing of one connection from its records alone (no call: the rules are about the way in, not the answers),
 * for views that show it without a validation (the setup page's health view); null when the way in is unknown.
 */
export function standingOfConnection(
    config: ConfigPort,
    realPath: RealPathPort | null,
    connectionSysId: string,
    gatewayBase: string
): AuthStanding | null {
    const connection = config.connection(connectionSysId)
    if (!connection || !connection.credentialSysId) return null
    const credential = config.credential(connection.credentialSysId)
    if (!credential) return null
    const profile =
        credential.kind === 'oauth2' && credential.profileSysId ? config.profile(credential.profileSysId) : null
    const registry = profile && profile.registrySysId ? config.registry(profile.registrySysId) : null
    const form = inspectConnectionUrl(connection.url, gatewayBase).form
    const method = authMethodOf(credential, form, profile, registry)
    if (!method) return null
    const alias = connection.aliasSysId ? config.alias(connection.aliasSysId) : null
    return authStanding(method, templateOf(realPath, alias ? alias.id : null))
}

/** The configuration template of an alias (by sys_alias.id), or null when none, unknown, or no port. */
export function templateOf(realPath: RealPathPort | null | undefined, aliasId: string | null): AliasTemplate {
    if (!realPath || !aliasId) return null
    const info: AliasTemplateInfo | null = realPath.aliasTemplate(aliasId)
    return info ? info.template : null
}

type AliasTemplate = AliasTemplateInfo['template']
