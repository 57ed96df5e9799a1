/**
 * The Jira projects the flows use (property x_jira_connect.capability.projects): entries `KEY` or `KEY/Issue type`,
 * separated by commas or line breaks, e.g. `SUP/Task, OPS`. Empty: the validator reports the projects the account can
 * browse. Project keys follow Jira's default rule (an upper-case letter, then upper-case letters, digits or
 * underscores, 2 to 10 characters; support.atlassian.com "What is a project key?"); issue types are names as the
 * project shows them ("Service Request" has a space).
 */

/** project/search takes up to 50 keys in one call (Jira REST v3 "Get projects paginated"). */
export const MAX_PROJECTS = 50
/** createmeta is one call per issue type: bounded so a run stays inside its time budget. */
export const MAX_ISSUE_TYPES = 10

export interface ProjectEntry {
    key: string
    /** Issue type name, when the entry names one. */
    issueType: string | null
}

/** Why an entry or the list was refused (stable codes: the setup API answers them). */
export type ProjectsProblem =
    'project_key_invalid' | 'issue_type_invalid' | 'too_many_projects' | 'too_many_issue_types'

export type ProjectsSetting =
    { ok: true; entries: ProjectEntry[] } | { ok: false; problems: string[]; codes: ProjectsProblem[]; raw: string }

const KEY = /^[A-Z][A-Z0-9_]{1,9}$/

export function parseProjectsSetting(raw: string): ProjectsSetting {
    const text = String(raw || '').trim()
    if (!text) return { ok: true, entries: [] }
    const problems: string[] = []
    const codes: ProjectsProblem[] = []
    const entries: ProjectEntry[] = []
    const seen: { [k: string]: boolean } = {}
    for (const part of text.split(/[,\n\r;]+/)) {
        const item = part.trim()
        if (!item) continue
        const slash = item.indexOf('/')
        const key = (slash < 0 ? item : item.slice(0, slash)).trim()
        const issueType = slash < 0 ? null : item.slice(slash + 1).trim()
        if (!KEY.test(key)) {
            const hint = KEY.test(key.toUpperCase()) ? ` (project keys are upper case: ${key.toUpperCase()})` : ''
            problems.push(`"${item.slice(0, 60)}": "${key.slice(0, 20)}" is not a Jira project key${hint}`)
            codes.push('project_key_invalid')
            continue
        }
        if (issueType !== null && (!issueType || issueType.length > 60 || /[/<>]/.test(issueType))) {
            problems.push(`"${item.slice(0, 60)}": the issue type after "/" is empty or not a name`)
            codes.push('issue_type_invalid')
            continue
        }
        const id = `${key}/${(issueType || '').toLowerCase()}`
        if (seen[id]) continue
        seen[id] = true
        entries.push({ key, issueType })
    }
    const keys = uniqueKeys(entries)
    if (keys.length > MAX_PROJECTS) {
        problems.push(`${keys.length} projects: at most ${MAX_PROJECTS} are checked`)
        codes.push('too_many_projects')
    }
    const typed = entries.filter((e) => e.issueType).length
    if (typed > MAX_ISSUE_TYPES) {
        problems.push(`${typed} issue types: at most ${MAX_ISSUE_TYPES} are checked`)
        codes.push('too_many_issue_types')
    }
    return problems.length ? { ok: false, problems, codes, raw: text.slice(0, 200) } : { ok: true, entries }
}

/** The one way the setup page stores a list: entries in order, duplicates dropped, separated by ", ". */
export function formatProjects(entries: ProjectEntry[]): string {
    return entries.map((e) => (e.issueType ? `${e.key}/${e.issueType}` : e.key)).join(', ')
}

export function uniqueKeys(entries: ProjectEntry[]): string[] {
    const keys: string[] = []
    for (const e of entries) if (keys.indexOf(e.key) < 0) keys.push(e.key)
    return keys
}
