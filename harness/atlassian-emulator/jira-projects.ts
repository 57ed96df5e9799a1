/**
 * Jira's authorization and content model for one emulated tenant: projects, project roles, permission schemes,
 * global permissions, issue types with their create-screen fields and agile boards, and the REST calls that read them:
 *
 * - `GET /rest/api/{2|3}/project/search` (keys, maxResults, expand=issueTypes): only projects the caller may browse
 *   (developer.atlassian.com Jira REST v3 "Get projects paginated": "Returns a paginated list of projects visible to
 *   the user"; up to 50 keys) [C]; scopes read:jira-work or read:project:jira [C, the granular list simplified].
 * - `POST /rest/api/{2|3}/permissions/check` (Jira REST "Get bulk permissions"): globalPermissions and, per permission,
 *   the requested project ids the caller holds it in; invalid project ids are ignored; at most 1000 projects; another
 *   accountId needs Administer Jira [C]; scopes read:jira-work or read:permission:jira [C]. A project-level check counts
 *   a Reporter grant as held (Jira REST "Get my permissions": EDIT_ISSUES can show as granted in a project context
 *   through Reporter although the user cannot edit a given issue) [C].
 * - `GET /rest/api/{2|3}/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}` (CHANGE-1304 replacement of
 *   createmeta?expand): a page of FieldCreateMetadata {fieldId, key, name, required, hasDefaultValue, operations} [C];
 *   needs Create issues in the project [C]; 404 bodies for an unknown project or issue type [I].
 * - `GET /rest/agile/1.0/board` (Jira Software REST "Get all boards"): boards of projects the caller may browse [C];
 *   OAuth tokens and scoped API tokens need read:board-scope:jira-software and read:project:jira (sprint actions have
 *   no classic scopes: ServiceNow Jira spoke scope table) [C], else 401 "Unauthorized; scope does not match" [R].
 *
 * A site gets one project on creation ("SUP", the emulator's default) whose scheme grants every permission to anyone
 * with Jira access on the site [I: Jira Cloud's default schemes grant through roles; one holder keeps tests short].
 */
import type { FieldRegistration, PermissionHolder, ProjectRegistration } from './types'

/** The project permissions the Jira spoke's actions use (Jira REST "Get all permissions" keys) [C]. */
export const SPOKE_PROJECT_PERMISSIONS = [
    'BROWSE_PROJECTS',
    'CREATE_ISSUES',
    'EDIT_ISSUES',
    'TRANSITION_ISSUES',
    'ASSIGN_ISSUES',
    'ADD_COMMENTS',
    'CREATE_ATTACHMENTS',
    'LINK_ISSUES',
] as const

export interface Caller {
    accountId: string
    /** Jira product access on the site (application role). */
    jiraAccess: boolean
    /** Granted OAuth / scoped-token scopes; null for a classic API token (the account's own rights, no scopes). */
    scopes: string[] | null
}

export interface JsonAnswer {
    status: number
    body: unknown
}

interface Project {
    id: string
    key: string
    name: string
    issueTypes: { id: string; name: string; fields: FieldRegistration[] }[]
    roles: Record<string, string[]>
    grants: Record<string, PermissionHolder[]>
    boards: { id: number; name: string; type: string }[]
}

const SCOPE_MISMATCH: JsonAnswer = { status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } }

/** Create-screen fields of a plain issue type: project, issue type, summary, reporter (defaulted), description [C]. */
export function standardFields(extra: FieldRegistration[] = []): FieldRegistration[] {
    return [
        { fieldId: 'project', name: 'Project', required: true, hasDefaultValue: false },
        { fieldId: 'issuetype', name: 'Issue Type', required: true, hasDefaultValue: false },
        { fieldId: 'summary', name: 'Summary', required: true, hasDefaultValue: false },
        { fieldId: 'reporter', name: 'Reporter', required: true, hasDefaultValue: true },
        { fieldId: 'description', name: 'Description', required: false, hasDefaultValue: false },
        ...extra,
    ]
}

const EVERYONE: PermissionHolder[] = [{ type: 'applicationRole' }]

export class JiraProjects {
    private projects = new Map<string, Project[]>() // by cloudId
    private admins = new Map<string, Set<string>>() // cloudId -> accountIds with ADMINISTER
    private nextProjectId = 10000
    private nextBoardId = 1

    /** The default project of a new site [I]. */
    addDefaultProject(cloudId: string): void {
        this.addProject({ cloudId, key: 'SUP', name: 'Support' })
    }

    addProject(p: ProjectRegistration): void {
        const list = this.projects.get(p.cloudId) ?? []
        if (list.some((x) => x.key === p.key)) throw new Error(`addProject: ${p.key} exists on ${p.cloudId}`)
        const grants: Record<string, PermissionHolder[]> = {}
        for (const perm of SPOKE_PROJECT_PERMISSIONS) grants[perm] = [...EVERYONE]
        Object.assign(grants, p.grants ?? {})
        const id = p.id ?? String(this.nextProjectId++)
        const types = p.issueTypes ?? [
            { id: '10001', name: 'Task' },
            { id: '10002', name: 'Bug' },
        ]
        list.push({
            id,
            key: p.key,
            name: p.name ?? p.key,
            issueTypes: types.map((t) => ({ id: t.id, name: t.name, fields: t.fields ?? standardFields() })),
            roles: { ...(p.roles ?? {}) },
            grants,
            boards: p.boards === false ? [] : [{ id: this.nextBoardId++, name: `${p.key} board`, type: 'scrum' }],
        })
        this.projects.set(p.cloudId, list)
    }

    removeProjects(cloudId: string): void {
        this.projects.set(cloudId, [])
    }

    /** Grant (or revoke) a global permission; only ADMINISTER is modelled. */
    setGlobalPermission(cloudId: string, accountId: string, permission: 'ADMINISTER', on: boolean): void {
        const set = this.admins.get(cloudId) ?? new Set<string>()
        if (permission !== 'ADMINISTER') throw new Error('only ADMINISTER is modelled')
        if (on) set.add(accountId)
        else set.delete(accountId)
        this.admins.set(cloudId, set)
    }

    private holds(project: Project, perm: string, caller: Caller): boolean {
        if (!caller.jiraAccess) return false
        return (project.grants[perm] ?? []).some((h) => {
            if (h.type === 'applicationRole') return true
            if (h.type === 'reporter') return true // project context: Reporter counts (Atlassian's documented caveat)
            if (h.type === 'user') return h.accountId === caller.accountId
            return (project.roles[h.role] ?? []).includes(caller.accountId)
        })
    }

    private visible(cloudId: string, caller: Caller): Project[] {
        return (this.projects.get(cloudId) ?? []).filter((p) => this.holds(p, 'BROWSE_PROJECTS', caller))
    }

    private scoped(caller: Caller, anyOf: string[][]): boolean {
        if (caller.scopes === null) return true
        return anyOf.some((set) => set.every((s) => (caller.scopes as string[]).includes(s)))
    }

    /** GET /rest/api/{v}/project/search */
    projectSearch(cloudId: string, caller: Caller, keys: string[], query: Record<string, string>): JsonAnswer {
        if (!this.scoped(caller, [['read:jira-work'], ['read:project:jira']])) return SCOPE_MISMATCH
        const max = Math.min(Math.max(parseInt(query.maxResults ?? '50', 10) || 50, 1), 100)
        const wanted = keys.map((k) => k.toUpperCase())
        const all = this.visible(cloudId, caller).filter((p) => !wanted.length || wanted.includes(p.key))
        const expandTypes = /issueTypes/.test(query.expand ?? '')
        const values = all.slice(0, max).map((p) => {
            const v: Record<string, unknown> = { id: p.id, key: p.key, name: p.name, projectTypeKey: 'software' }
            if (expandTypes) v.issueTypes = p.issueTypes.map((t) => ({ id: t.id, name: t.name, subtask: false }))
            return v
        })
        return {
            status: 200,
            body: { maxResults: max, startAt: 0, total: all.length, isLast: all.length <= max, values },
        }
    }

    /** POST /rest/api/{v}/permissions/check */
    permissionsCheck(cloudId: string, caller: Caller, rawBody: string): JsonAnswer {
        if (!this.scoped(caller, [['read:jira-work'], ['read:permission:jira']])) return SCOPE_MISMATCH
        let req: {
            accountId?: string
            globalPermissions?: string[]
            projectPermissions?: { projects?: number[]; issues?: number[]; permissions: string[] }[]
        }
        try {
            req = JSON.parse(rawBody)
        } catch {
            return { status: 400, body: { errorMessages: ['Invalid request payload.'], errors: {} } } // [I]
        }
        const isAdmin = this.admins.get(cloudId)?.has(caller.accountId) ?? false
        if (req.accountId && req.accountId !== caller.accountId && !isAdmin) {
            return { status: 403, body: { errorMessages: ['You must have Administer Jira permission.'], errors: {} } }
        }
        const projects = this.projects.get(cloudId) ?? []
        const entries = req.projectPermissions ?? []
        const asked = entries.reduce((n, e) => n + (e.projects ?? []).length, 0)
        if (asked > 1000) return { status: 400, body: { errorMessages: ['Max 1000 projects.'], errors: {} } } // [I]
        const projectPermissions: { permission: string; projects: number[]; issues: number[] }[] = []
        for (const e of entries) {
            for (const perm of e.permissions ?? []) {
                if (!perm) continue
                const granted = (e.projects ?? [])
                    .map((id) => projects.find((p) => p.id === String(id)))
                    .filter((p): p is Project => !!p && this.holds(p, perm, caller))
                    .map((p) => Number(p.id))
                projectPermissions.push({ permission: perm, projects: granted, issues: [] })
            }
        }
        const globalPermissions = (req.globalPermissions ?? []).filter((g) => g === 'ADMINISTER' && isAdmin)
        return { status: 200, body: { globalPermissions, projectPermissions } }
    }

    /** GET /rest/api/{v}/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId} */
    createMeta(cloudId: string, caller: Caller, projectIdOrKey: string, issueTypeId: string): JsonAnswer {
        if (!this.scoped(caller, [['read:jira-work'], ['read:issue-meta:jira', 'read:field:jira']]))
            return SCOPE_MISMATCH
        const p = this.visible(cloudId, caller).find((x) => x.key === projectIdOrKey || x.id === projectIdOrKey)
        const notFound = (m: string): JsonAnswer => ({ status: 404, body: { errorMessages: [m], errors: {} } }) // [I]
        if (!p) return notFound(`No project could be found with key '${projectIdOrKey}'.`)
        if (!this.holds(p, 'CREATE_ISSUES', caller))
            return {
                status: 403,
                body: { errorMessages: ['You do not have permission to create issues.'], errors: {} },
            }
        const t = p.issueTypes.find((x) => x.id === issueTypeId)
        if (!t) return notFound(`Issue type with id '${issueTypeId}' does not exist in project ${p.key}.`)
        const fields = t.fields.map((f) => ({
            required: f.required,
            schema: { type: 'string', system: f.fieldId },
            name: f.name,
            key: f.fieldId,
            fieldId: f.fieldId,
            hasDefaultValue: f.hasDefaultValue ?? false,
            operations: ['set'],
        }))
        return { status: 200, body: { startAt: 0, maxResults: 50, total: fields.length, fields } }
    }

    /** GET /rest/agile/1.0/board */
    boards(cloudId: string, caller: Caller, query: Record<string, string>): JsonAnswer {
        if (!this.scoped(caller, [['read:board-scope:jira-software', 'read:project:jira']])) return SCOPE_MISMATCH
        const max = Math.min(Math.max(parseInt(query.maxResults ?? '50', 10) || 50, 1), 50)
        const all = this.visible(cloudId, caller).flatMap((p) =>
            p.boards.map((b) => ({
                id: b.id,
                self: `/rest/agile/1.0/board/${b.id}`,
                name: b.name,
                type: b.type,
                location: { projectId: Number(p.id), projectKey: p.key, projectName: p.name },
            }))
        )
        return {
            status: 200,
            body: {
                maxResults: max,
                startAt: 0,
                total: all.length,
                isLast: all.length <= max,
                values: all.slice(0, max),
            },
        }
    }
}
