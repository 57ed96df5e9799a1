/**
 * Check group 6, "can it do the job?": what the integration account may do in the projects the flows use, what
 * Create Issue requires there, and whether the sprint and board API answers, after jira.myself proved the sign-in.
 *
 * - jira.projects: GET /rest/api/{v}/project/search (the configured keys, with their issue types; or the browsable
 *   projects) and ONE POST /rest/api/3/permissions/check for every project (up to 1000 per call, no admin right
 *   needed for the caller's own permissions: Jira REST "Get bulk permissions"), never one mypermissions per project.
 * - jira.create_fields: GET /rest/api/{v}/issue/createmeta/{project}/issuetypes/{issueTypeId} per configured issue
 *   type (the endpoints that replaced createmeta?expand, CHANGE-1304).
 * - jira.agile: GET /rest/agile/1.0/board?maxResults=1. Sprint actions have no classic scopes (ServiceNow Jira spoke
 *   scope table): a token without the granular ones gets 401 "Unauthorized; scope does not match". When
 *   accessible-resources listed the site's granted scopes (3LO), they are the evidence and no call is made.
 * The answers' shapes are assumption A40 (docs/assumptions.md); facts and sources in docs/capability.md.
 */
import { AUTH_METHOD_LABEL, type AuthMethod } from '../auth-method'
import type { CallEngine, CallOutcome } from '../calls'
import { errorMessageOf, jsonOrFail } from '../findings'
import { JIRA_SCOPE } from '../jira-scopes'
import type { AuthRef } from '../ports'
import { MAX_ISSUE_TYPES, uniqueKeys, type ProjectEntry, type ProjectsSetting } from '../projects-setting'
import type { CheckLog } from '../report'
import { fieldText } from '../sanitize'
import { joinUrl } from '../urls'

/** The project permissions the Jira spoke's issue, comment, attachment and link actions use, in Jira's UI words. */
export const SPOKE_PERMISSIONS = {
    BROWSE_PROJECTS: 'Browse Projects',
    CREATE_ISSUES: 'Create Issues',
    EDIT_ISSUES: 'Edit Issues',
    TRANSITION_ISSUES: 'Transition Issues',
    ASSIGN_ISSUES: 'Assign Issues',
    ADD_COMMENTS: 'Add Comments',
    CREATE_ATTACHMENTS: 'Create Attachments',
    LINK_ISSUES: 'Link Issues',
} as const
export type SpokePermission = keyof typeof SPOKE_PERMISSIONS
export const SPOKE_PERMISSION_KEYS = Object.keys(SPOKE_PERMISSIONS) as SpokePermission[]

/** The granular scopes of the spoke's sprint and board actions (no classic scope covers them). */
export const AGILE_SCOPES = [
    JIRA_SCOPE.readBoardScope,
    JIRA_SCOPE.readProject,
    JIRA_SCOPE.readSprint,
    JIRA_SCOPE.writeSprint,
    JIRA_SCOPE.deleteSprint,
]

/** Fields the spoke's Create Issue action always sends: not worth a finding when required. */
const ALWAYS_SENT = ['project', 'issuetype', 'summary']

export interface ProjectAccess {
    key: string
    id: string
    name: string
    granted: SpokePermission[]
    missing: SpokePermission[]
}

/** What the capability checks found; the capability table is derived from it (capability-table.ts). */
export interface CapabilityFacts {
    /** Per-project permissions (configured projects, or the first browsable ones); null when not checked. */
    projects: ProjectAccess[] | null
    /** How many projects the account can browse (empty setting), null otherwise. */
    browsable: number | null
    /** Global Administer Jira, null when not checked. */
    administer: boolean | null
    /** Board API: answered, refused for scopes, or not known. */
    agile: 'works' | 'scope_missing' | 'unknown'
    /** The granular agile scopes known to be missing (empty when unknown or none). */
    agileMissing: string[]
}

export interface CapabilityTarget {
    baseUrl: string
    apiVersion: string
    auth: AuthRef
    method: AuthMethod | null
    connectionName: string
    setting: ProjectsSetting
    /** Scopes accessible-resources listed for the site (3LO); null when unknown. */
    grantedScopes: string[] | null
}

export function emptyFacts(): CapabilityFacts {
    return { projects: null, browsable: null, administer: null, agile: 'unknown', agileMissing: [] }
}

export function checkCapability(log: CheckLog, engine: CallEngine, t: CapabilityTarget): CapabilityFacts {
    const facts = emptyFacts()
    if (log.ready('jira.projects')) {
        const types = checkProjects(log, engine, t, facts)
        if (types && log.ready('jira.create_fields')) checkCreateFields(log, engine, t, types)
    }
    if (log.ready('jira.agile')) checkAgile(log, engine, t, facts)
    return facts
}

interface FoundProject {
    id: string
    key: string
    name: string
    issueTypes: { id: string; name: string }[]
}

function scopeFix(t: CapabilityTarget, scopes: string): string {
    if (t.method === 'service_account')
        return (
            'A service account credential keeps the scopes chosen when it was created: create a new OAuth 2.0 ' +
            `credential with ${scopes} (admin.atlassian.com > Directory > Service accounts > Create credentials), ` +
            'paste its client id and secret into the registry, then Get OAuth Token.'
        )
    if (t.method === 'scoped_token')
        return `Create a new scoped API token that includes ${scopes} and put it in the credential.`
    return `Add ${scopes} to the Atlassian app and the OAuth profile, then Get OAuth Token again (new consent).`
}

function scopeMismatch(outcome: CallOutcome): string | null {
    if (outcome.kind !== 'http' || outcome.status !== 401) return null
    const message = errorMessageOf(outcome.body)
    return /scope does not match/i.test(message) ? message : null
}

/** jira.projects; returns the configured entries with issue types resolved against the projects found, or null. */
function checkProjects(
    log: CheckLog,
    engine: CallEngine,
    t: CapabilityTarget,
    facts: CapabilityFacts
): { entry: ProjectEntry; project: FoundProject }[] | null {
    const id = 'jira.projects'
    if (!t.setting.ok) {
        log.fail(id, {
            code: 'projects_setting_invalid',
            found: `x_jira_connect.capability.projects = "${t.setting.raw}": ${t.setting.problems.join('; ')}.`,
            expected: 'Jira project keys, optionally with an issue type, separated by commas: e.g. "SUP/Task, OPS".',
            fix:
                'Correct the property (Jira Cloud Connect > Properties, or the setup page) with the keys shown in ' +
                'Jira (Projects > View all projects, column Key); leave it empty to list the projects the account ' +
                'sees.',
        })
        return null
    }
    const entries = t.setting.entries
    const keys = uniqueKeys(entries)
    const query = keys.length
        ? `${keys.map((k) => `keys=${encodeURIComponent(k)}`).join('&')}&maxResults=50&expand=issueTypes`
        : 'maxResults=50'
    const searchUrl = joinUrl(t.baseUrl, `rest/api/${t.apiVersion}/project/search?${query}`)
    const searched = engine.getJson(searchUrl, t.auth)
    const mismatch = scopeMismatch(searched)
    if (mismatch) {
        log.fail(id, {
            code: 'scope_mismatch',
            found: `Jira answered 401 "${mismatch}" to the project list: the token lacks ${JIRA_SCOPE.readWork}.`,
            expected: `The ${JIRA_SCOPE.readWork} scope (or read:project:jira and read:permission:jira).`,
            fix: scopeFix(t, JIRA_SCOPE.readWork),
        })
        return null
    }
    const page = jsonOrFail(log, { id, what: 'Jira project search' }, searched, searchUrl, engine.settings.timeoutMs)
    if (!page) return null
    const body = (page.json || {}) as { total?: unknown; values?: unknown }
    const found = projectsOf(body.values)
    const total = typeof body.total === 'number' ? body.total : found.length
    const checkUrl = joinUrl(t.baseUrl, 'rest/api/3/permissions/check')
    const checked = engine.postJson(checkUrl, t.auth, {
        globalPermissions: ['ADMINISTER'],
        projectPermissions: [{ projects: found.map((p) => Number(p.id)), permissions: SPOKE_PERMISSION_KEYS }],
    })
    const checkMismatch = scopeMismatch(checked)
    if (checkMismatch) {
        log.fail(id, {
            code: 'scope_mismatch',
            found: `Jira answered 401 "${checkMismatch}" to the permission check: the token lacks read:jira-work.`,
            expected: `The ${JIRA_SCOPE.readWork} scope (or the granular read:permission:jira).`,
            fix: scopeFix(t, JIRA_SCOPE.readWork),
        })
        return null
    }
    const grants = jsonOrFail(log, { id, what: 'Jira permission check' }, checked, checkUrl, engine.settings.timeoutMs)
    if (!grants) return null
    const access = accessOf(found, grants.json)
    facts.projects = access
    facts.administer = globalOf(grants.json).indexOf('ADMINISTER') >= 0
    const admin = facts.administer
        ? ' It is a Jira administrator (Administer Jira): webhook and user actions can work.'
        : ''
    const caveat =
        'Edit Issues is checked per project: where the permission scheme grants it only to Reporter, editing an ' +
        'issue the account did not create still fails (Atlassian, "Get my permissions").'
    if (!keys.length) return browsableOnly(log, t, facts, access, total, admin)

    const missingKeys = keys.filter((k) => !found.some((p) => p.key === k))
    if (missingKeys.length) {
        log.fail(id, {
            code: 'project_not_found',
            found:
                `The account cannot see project${missingKeys.length === 1 ? '' : 's'} ${missingKeys.join(', ')}: ` +
                'no such key on this site, or no Browse Projects permission there.',
            expected: `Every project listed in x_jira_connect.capability.projects visible (${keys.join(', ')}).`,
            fix:
                `Check each key in Jira (Projects > View all projects). If it exists, open it > Project settings > ` +
                'People (Access in team-managed projects) and add the integration account to a role the permission ' +
                'scheme grants Browse Projects (Project settings > Permissions shows which). An account without a ' +
                'Jira product role on the site sees no project: grant it one (admin.atlassian.com > Directory).',
        })
        return null
    }
    const short = access.filter((p) => p.missing.length)
    if (short.length) {
        const lines = short.map((p) => `${p.key}: no ${p.missing.map((m) => SPOKE_PERMISSIONS[m]).join(', ')}`)
        log.fail(id, {
            code: 'permission_missing',
            found: `The account lacks permissions the Jira spoke's actions use: ${lines.join('; ')}.`,
            expected: `${SPOKE_PERMISSION_KEYS.map((k) => SPOKE_PERMISSIONS[k]).join(', ')} in every listed project.`,
            fix:
                `In Jira, open ${short.map((p) => p.key).join(', ')} > Project settings > Permissions to see which ` +
                'project roles hold these permissions, then Project settings > People: add the integration account ' +
                '(or its group) to such a role (often "Member" or "Developers"), or ask a Jira admin to grant the ' +
                'permissions to a role it holds. Team-managed projects: Project settings > Access, role Member.' +
                (short.some((p) => p.missing.indexOf('EDIT_ISSUES') >= 0) ? '' : ` ${caveat}`),
        })
        return null
    }
    const listed = access.map((p) => p.key).join(', ')
    const text = `The account holds all ${SPOKE_PERMISSION_KEYS.length} spoke permissions in ${listed}. ${caveat}`
    if (facts.administer) log.pass(id, `${text}${admin}`)
    else log.pass(id, `${text} ${notAdminText()}`, 'no_site_admin')
    return entries
        .filter((e) => e.issueType)
        .slice(0, MAX_ISSUE_TYPES)
        .map((entry) => ({ entry, project: found.filter((p) => p.key === entry.key)[0] }))
}

function notAdminText(): string {
    return (
        'It is not a Jira administrator: the spoke actions that manage admin webhooks or users will not work ' +
        '(Administer Jira is a global permission: Jira settings > System > Global permissions).'
    )
}

function browsableOnly(
    log: CheckLog,
    t: CapabilityTarget,
    facts: CapabilityFacts,
    access: ProjectAccess[],
    total: number,
    admin: string
): null {
    const id = 'jira.projects'
    facts.browsable = total
    const first = access
        .slice(0, 5)
        .map((p) => p.key)
        .join(', ')
    const creatable = access.filter((p) => p.missing.indexOf('CREATE_ISSUES') < 0)
    const hint =
        'List the projects the flows use in x_jira_connect.capability.projects (e.g. "SUP/Task, OPS") to check ' +
        'each one and the fields Create Issue requires.'
    if (total === 0) {
        log.warn(id, {
            code: 'no_projects',
            found: 'The account can browse no Jira project on this site: every issue action will fail.',
            expected: 'At least one project the account can browse and create issues in.',
            fix:
                'Give the integration account a role in the projects the flows use (project > Project settings > ' +
                'People), and check it has a Jira product role on the site (admin.atlassian.com > Directory). ' +
                hint,
        })
        return null
    }
    if (!creatable.length) {
        log.warn(id, {
            code: 'cannot_create',
            found:
                `The account can browse ${total} project${total === 1 ? '' : 's'} ` +
                `(${first}${total > 5 ? ', ...' : ''}) ` +
                `but create issues in none of the ${access.length} checked.`,
            expected: 'Create Issues in at least one project.',
            fix:
                'Open the project the flows create issues in > Project settings > Permissions (which roles hold ' +
                'Create Issues), then Project settings > People: add the account to such a role. ' +
                hint,
        })
        return null
    }
    const more = total > 5 ? `, and ${total - 5} more` : ''
    const text =
        `The account can browse ${total} project${total === 1 ? '' : 's'} (${first}${more}) and create issues in ` +
        `${creatable.length} of the ${access.length} checked. ${hint}`
    if (facts.administer) log.pass(id, `${text}${admin}`)
    else log.pass(id, `${text} ${notAdminText()}`, 'no_site_admin')
    void t
    return null
}

function projectsOf(values: unknown): FoundProject[] {
    if (!Array.isArray(values)) return []
    const out: FoundProject[] = []
    for (const v of values) {
        if (!v || typeof v !== 'object') continue
        const p = v as { id?: unknown; key?: unknown; name?: unknown; issueTypes?: unknown }
        if ((typeof p.id !== 'string' && typeof p.id !== 'number') || typeof p.key !== 'string') continue
        const types = Array.isArray(p.issueTypes) ? p.issueTypes : []
        out.push({
            id: String(p.id),
            key: fieldText(p.key, 20),
            name: typeof p.name === 'string' ? fieldText(p.name, 80) : p.key,
            issueTypes: types
                .filter((x) => x && typeof x === 'object')
                .map((x) => x as { id?: unknown; name?: unknown })
                .filter((x) => typeof x.id === 'string' && typeof x.name === 'string')
                .map((x) => ({ id: String(x.id), name: fieldText(x.name, 60) })),
        })
    }
    return out
}

function accessOf(found: FoundProject[], json: unknown): ProjectAccess[] {
    const grants = (json && (json as { projectPermissions?: unknown }).projectPermissions) || []
    const held: { [perm: string]: string[] } = {}
    if (Array.isArray(grants)) {
        for (const g of grants) {
            const grant = (g || {}) as { permission?: unknown; projects?: unknown }
            if (typeof grant.permission !== 'string' || !Array.isArray(grant.projects)) continue
            held[grant.permission] = (held[grant.permission] || []).concat(grant.projects.map((x) => String(x)))
        }
    }
    return found.map((p) => {
        const granted = SPOKE_PERMISSION_KEYS.filter((k) => (held[k] || []).indexOf(p.id) >= 0)
        const missing = SPOKE_PERMISSION_KEYS.filter((k) => granted.indexOf(k) < 0)
        return { key: p.key, id: p.id, name: p.name, granted, missing }
    })
}

function globalOf(json: unknown): string[] {
    const g = json && (json as { globalPermissions?: unknown }).globalPermissions
    return Array.isArray(g) ? g.filter((x): x is string => typeof x === 'string') : []
}

function checkCreateFields(
    log: CheckLog,
    engine: CallEngine,
    t: CapabilityTarget,
    wanted: { entry: ProjectEntry; project: FoundProject }[]
): void {
    const id = 'jira.create_fields'
    if (!wanted.length) return // no KEY/Issue type entry: nothing to check, nothing to report
    const notes: string[] = []
    const needs: string[] = []
    for (const { entry, project } of wanted) {
        const label = `${entry.key}/${entry.issueType}`
        const wantedName = String(entry.issueType).toLowerCase()
        const type = project.issueTypes.filter((x) => x.name.toLowerCase() === wantedName)[0]
        if (!type) {
            const names = project.issueTypes.map((x) => x.name).join(', ') || 'none visible'
            log.fail(id, {
                code: 'issue_type_not_found',
                found: `Project ${entry.key} has no issue type "${entry.issueType}" (it has: ${names}).`,
                expected: `Issue type "${entry.issueType}" in ${entry.key} (x_jira_connect.capability.projects).`,
                fix:
                    `Correct the entry "${label}" to one of the project's issue types, or add the type to the ` +
                    "project's issue type scheme (Project settings > Issue types).",
            })
            return
        }
        const path = `rest/api/${t.apiVersion}/issue/createmeta/${encodeURIComponent(project.key)}/issuetypes/`
        const url = joinUrl(t.baseUrl, `${path}${encodeURIComponent(type.id)}`)
        const outcome = engine.getJson(url, t.auth)
        if (outcome.kind === 'http' && (outcome.status === 403 || outcome.status === 404)) {
            const message = errorMessageOf(outcome.body)
            log.fail(id, {
                code: 'createmeta_refused',
                found:
                    `Jira answered ${outcome.status}${message ? ` "${message}"` : ''} to the create metadata of ` +
                    `${label}.`,
                expected: `The fields of ${label}'s create screen (the account may create that issue type).`,
                fix:
                    `Give the account Create Issues in ${entry.key} (Project settings > Permissions, then People), ` +
                    `and check "${entry.issueType}" is on the project's issue type scheme.`,
            })
            return
        }
        const page = jsonOrFail(log, { id, what: `Jira createmeta ${label}` }, outcome, url, engine.settings.timeoutMs)
        if (!page) return
        const fields = fieldsOf(page.json)
        const required = fields.filter((f) => f.required && !f.hasDefaultValue && ALWAYS_SENT.indexOf(f.fieldId) < 0)
        if (required.length) needs.push(`${label}: ${required.map((f) => `${f.name} (${f.fieldId})`).join(', ')}`)
        else notes.push(label)
    }
    if (needs.length) {
        log.warn(id, {
            code: 'required_fields',
            found:
                'Create Issue requires fields with no default beyond project, issue type and summary: ' +
                `${needs.join('; ')}.`,
            expected: 'Flows that create these issues send every required field.',
            fix:
                'Map each listed field in the flows that create these issues (Create Issue action inputs), or give ' +
                'it ' +
                "a default or make it optional in the project's field configuration (Project settings > Fields).",
        })
        return
    }
    log.pass(id, `Create Issue needs only project, issue type and summary in ${notes.join(', ')}.`)
}

function fieldsOf(json: unknown): { fieldId: string; name: string; required: boolean; hasDefaultValue: boolean }[] {
    const page = (json || {}) as { fields?: unknown; results?: unknown; values?: unknown }
    const list = Array.isArray(page.fields) ? page.fields : Array.isArray(page.results) ? page.results : page.values
    if (!Array.isArray(list)) return []
    return list
        .filter((f) => f && typeof f === 'object')
        .map(
            (f) =>
                f as { fieldId?: unknown; key?: unknown; name?: unknown; required?: unknown; hasDefaultValue?: unknown }
        )
        .map((f) => ({
            fieldId: fieldText(typeof f.fieldId === 'string' ? f.fieldId : typeof f.key === 'string' ? f.key : '?', 60),
            name: fieldText(typeof f.name === 'string' ? f.name : '?', 60),
            required: f.required === true,
            hasDefaultValue: f.hasDefaultValue === true,
        }))
}

function checkAgile(log: CheckLog, engine: CallEngine, t: CapabilityTarget, facts: CapabilityFacts): void {
    const id = 'jira.agile'
    if (t.grantedScopes) {
        // 3LO: accessible-resources (called in this run) listed the granted scopes: they are the evidence.
        const missing = AGILE_SCOPES.filter((s) => t.grantedScopes!.indexOf(s) < 0)
        facts.agileMissing = missing
        if (missing.length) {
            facts.agile = 'scope_missing'
            log.warn(id, {
                code: 'agile_scopes_missing',
                found: `The site's granted scopes (accessible-resources) lack ${missing.join(', ')}.`,
                expected: `The granular sprint and board scopes: ${AGILE_SCOPES.join(', ')}.`,
                fix:
                    'Sprint and board actions will fail: they have no classic scopes. ' +
                    scopeFix(t, missing.join(', ')),
            })
            return
        }
        facts.agile = 'works'
        log.pass(id, 'The granular sprint and board scopes are granted for the site (accessible-resources).')
        return
    }
    const url = joinUrl(t.baseUrl, 'rest/agile/1.0/board?maxResults=1')
    const outcome = engine.getJson(url, t.auth)
    const mismatch = scopeMismatch(outcome)
    if (mismatch) {
        facts.agile = 'scope_missing'
        facts.agileMissing = AGILE_SCOPES.slice()
        const how = t.method ? ` (${AUTH_METHOD_LABEL[t.method]})` : ''
        log.warn(id, {
            code: 'agile_scopes_missing',
            found: `The board API answered 401 "${mismatch}"${how}: the token lacks the granular agile scopes.`,
            expected: `${AGILE_SCOPES.join(', ')}: sprint actions have no classic scopes.`,
            fix: `Sprint and board actions will fail until then. ${scopeFix(t, AGILE_SCOPES.join(', '))}`,
        })
        return
    }
    const page = jsonOrFail(log, { id, what: 'Jira board API' }, outcome, url, engine.settings.timeoutMs)
    if (!page) return
    facts.agile = 'works'
    const total = (page.json as { total?: unknown } | null)?.total
    const boards = typeof total === 'number' ? ` (${total} board${total === 1 ? '' : 's'} visible)` : ''
    log.pass(id, `The board API answers${boards}: the token carries the board scopes.`)
}
