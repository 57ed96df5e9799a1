/**
 * "What this connection can do": the Jira spoke's action categories x works / does not work / unknown, derived from
 * the auth method, the scopes granted and the permissions found in this run (checks/capability.ts).
 *
 * Which action needs what follows ServiceNow's Jira spoke setup page, table of actions and the classic and granular
 * scopes each needs (docs/capability.md): webhook Look up / Subscribe / Unsubscribe are not supported with a scoped
 * API token and Update Webhook not with OAuth 2.0; Create User and Remove User are not supported with OAuth 2.0 or a
 * scoped token; sprint actions need the granular *:sprint:jira-software and read:board-scope:jira-software scopes and
 * have no classic ones. "Works" is said only on evidence from this run (or a cached health-check run, with its age).
 */
import type { AuthMethod } from './auth-method'
import type { CapabilityFacts, SpokePermission } from './checks/capability'
import { JIRA_SCOPE } from './jira-scopes'

export type CapabilityStatus = 'works' | 'does_not_work' | 'unknown'

export interface CapabilityRow {
    category: 'issues' | 'comments_attachments' | 'sprints_boards' | 'projects_versions' | 'webhooks' | 'users'
    label: string
    status: CapabilityStatus
    why: string
}

export const CAPABILITY_STATUS_LABEL: { [S in CapabilityStatus]: string } = {
    works: 'Works',
    does_not_work: 'Does not work',
    unknown: 'Unknown',
}

export interface CapabilityInput {
    method: AuthMethod | null
    /** Scopes granted for the site (3LO accessible-resources), null when unknown. */
    grantedScopes: string[] | null
    facts: CapabilityFacts
}

/** Projects where every one of `perms` is held (null: permissions not checked). */
function projectsWith(facts: CapabilityFacts, perms: SpokePermission[]): string[] | null {
    if (!facts.projects) return null
    return facts.projects.filter((p) => perms.every((k) => p.granted.indexOf(k) >= 0)).map((p) => p.key)
}

function lacks(scopes: string[] | null, wanted: string[]): string[] {
    return scopes ? wanted.filter((s) => scopes.indexOf(s) < 0) : []
}

function permissionRow(
    category: CapabilityRow['category'],
    label: string,
    input: CapabilityInput,
    perms: SpokePermission[],
    scopes: string[]
): CapabilityRow {
    const missingScopes = lacks(input.grantedScopes, scopes)
    if (missingScopes.length)
        return { category, label, status: 'does_not_work', why: `scopes not granted: ${missingScopes.join(', ')}` }
    const where = projectsWith(input.facts, perms)
    if (where === null) return { category, label, status: 'unknown', why: 'project permissions not checked' }
    const total = (input.facts.projects || []).length
    if (!total) return { category, label, status: 'does_not_work', why: 'the account can browse no project' }
    if (!where.length)
        return { category, label, status: 'does_not_work', why: `no checked project grants ${perms.join(', ')}` }
    const list = where.slice(0, 5).join(', ') + (where.length > 5 ? ', ...' : '')
    return {
        category,
        label,
        status: 'works',
        why: where.length === total ? `in every checked project (${list})` : `in ${where.length} of ${total}: ${list}`,
    }
}

export function capabilityTable(input: CapabilityInput): CapabilityRow[] {
    const { method, facts } = input
    const oauth = method === 'oauth_3lo' || method === 'service_account'
    const rows: CapabilityRow[] = [
        permissionRow(
            'issues',
            'Issues (create, update, transition, assign, link, look up)',
            input,
            ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'TRANSITION_ISSUES', 'ASSIGN_ISSUES', 'LINK_ISSUES'],
            [JIRA_SCOPE.readWork, JIRA_SCOPE.writeWork]
        ),
        permissionRow(
            'comments_attachments',
            'Comments and attachments',
            input,
            ['BROWSE_PROJECTS', 'ADD_COMMENTS', 'CREATE_ATTACHMENTS'],
            [JIRA_SCOPE.readWork, JIRA_SCOPE.writeWork]
        ),
    ]
    rows.push({
        category: 'sprints_boards',
        label: 'Sprints and boards',
        status: facts.agile === 'works' ? 'works' : facts.agile === 'scope_missing' ? 'does_not_work' : 'unknown',
        why:
            facts.agile === 'works'
                ? input.grantedScopes
                    ? 'granular sprint and board scopes granted'
                    : 'the board API answered (sprint writes also need write/delete:sprint:jira-software)'
                : facts.agile === 'scope_missing'
                  ? `granular scopes missing: ${facts.agileMissing.join(', ')}`
                  : 'not checked',
    })
    const manageProject = lacks(input.grantedScopes, [JIRA_SCOPE.manageProject])
    rows.push({
        category: 'projects_versions',
        label: 'Projects and versions (create, update)',
        status: manageProject.length ? 'does_not_work' : 'unknown',
        why: manageProject.length
            ? `scope not granted: ${JIRA_SCOPE.manageProject}`
            : 'needs Administer Projects in each project: not checked (Project settings > Permissions)',
    })
    rows.push(webhookRow(method, input.grantedScopes, facts.administer))
    rows.push(userRow(method, oauth, facts.administer))
    return rows
}

function webhookRow(method: AuthMethod | null, scopes: string[] | null, admin: boolean | null): CapabilityRow {
    const base = { category: 'webhooks' as const, label: 'Webhooks (look up, subscribe, unsubscribe, update)' }
    if (method === 'scoped_token')
        return { ...base, status: 'does_not_work', why: 'the spoke cannot manage webhooks with a scoped API token' }
    if (method === 'oauth_3lo' || method === 'service_account') {
        const missing = lacks(scopes, [JIRA_SCOPE.manageWebhook])
        if (missing.length) return { ...base, status: 'does_not_work', why: `scope not granted: ${missing[0]}` }
        if (admin === false)
            return { ...base, status: 'does_not_work', why: 'not a Jira administrator (Administer Jira)' }
        if (admin === null) return { ...base, status: 'unknown', why: 'Administer Jira not checked' }
        return {
            ...base,
            status: 'works',
            why: 'Administer Jira held; Update Webhook is not supported with OAuth 2.0 (use Unsubscribe + Subscribe)',
        }
    }
    if (admin === null) return { ...base, status: 'unknown', why: 'Administer Jira not checked' }
    return admin
        ? { ...base, status: 'works', why: 'Administer Jira held' }
        : { ...base, status: 'does_not_work', why: 'not a Jira administrator (Administer Jira)' }
}

function userRow(method: AuthMethod | null, oauth: boolean, admin: boolean | null): CapabilityRow {
    const base = { category: 'users' as const, label: 'Users (create, remove)' }
    if (oauth || method === 'scoped_token') {
        const how = oauth ? 'OAuth 2.0' : 'a scoped API token'
        return { ...base, status: 'does_not_work', why: `the spoke does not support Create/Remove User with ${how}` }
    }
    if (admin === null) return { ...base, status: 'unknown', why: 'Administer Jira not checked' }
    if (!admin) return { ...base, status: 'does_not_work', why: 'not a Jira administrator (Administer Jira)' }
    return { ...base, status: 'unknown', why: 'Administer Jira held; removing users also needs an organization admin' }
}

/** Plain-text rows for form messages and the stored run. */
export function capabilityLines(rows: CapabilityRow[]): string[] {
    return rows.map((r) => `${r.label}: ${CAPABILITY_STATUS_LABEL[r.status]} (${r.why})`)
}
