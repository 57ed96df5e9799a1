/**
 * The Jira projects the flows use (property x_jira_connect.capability.projects), read and written by the setup page.
 * Reading: admin and x_jira_connect.admin; writing: admin only (the REST resource checks, the property's write_roles
 * say the same on its form). A write goes through the save lock and the audit trail like every setup save (old and
 * new value: the list is not secret), and only when the list changes: every sys_properties write flushes the
 * property cache on every node of the instance (ServiceNow KB1000746). The app updating its own property row through
 * GlideRecordSecure is assumption A46.
 */
import {
    formatProjects,
    MAX_ISSUE_TYPES,
    MAX_PROJECTS,
    parseProjectsSetting,
    type ProjectEntry,
} from '../projects-setting'
import { PROPERTY } from '../validator'
import type { SetupDeps } from './operations'
import { done, type OpResult, refuse } from './result'
import { locked } from './writes'

export const PROJECTS_PROPERTY = PROPERTY.capabilityProjects

/** The change history keeps 1000 characters of old and new value: a list that fits is audited whole. */
export const MAX_PROJECTS_TEXT = 1000
/** What the API reads of a request before parsing it (a pasted file is refused, not parsed). */
const MAX_INPUT = 4000

/** What the page says to a user who may read the list but not change it. */
export const PROJECTS_ROLE_MESSAGE =
    'Only admin may change the Jira projects; x_jira_connect.admin may read them and validate.'

const EXPECTED =
    'Expected: project keys as Jira shows them (Projects > View all projects, column Key: an upper-case letter, then ' +
    '1 to 9 upper-case letters, digits or underscores), each optionally followed by /Issue type as the project ' +
    `names it, separated by commas, e.g. "SUP/Task, OPS"; at most ${MAX_PROJECTS} projects and ${MAX_ISSUE_TYPES} ` +
    'issue types. Leave it empty to have validation list the projects the account can browse.'

export interface ProjectsShown {
    /** The property's value as stored. */
    value: string
    /** Its entries; [] when empty or not valid. */
    entries: ProjectEntry[]
    /** Why the stored value is not valid (edited on the property form): what validation will report. */
    problems: string[]
    limits: { projects: number; issueTypes: number; characters: number }
    /** Whether this user may change it (admin), and if not, the sentence that says why. */
    access: { canWrite: boolean; writeRole: 'admin'; message: string }
}

export interface ProjectsSaved extends ProjectsShown {
    /** false: the list was already that (nothing was written). */
    changed: boolean
    previous: string
    message: string
}

function shownOf(deps: SetupDeps, value: string): ProjectsShown {
    const parsed = parseProjectsSetting(value)
    const canWrite = deps.records.isAdmin()
    return {
        value,
        entries: parsed.ok ? parsed.entries : [],
        problems: parsed.ok ? [] : parsed.problems,
        limits: { projects: MAX_PROJECTS, issueTypes: MAX_ISSUE_TYPES, characters: MAX_PROJECTS_TEXT },
        access: { canWrite, writeRole: 'admin', message: canWrite ? '' : PROJECTS_ROLE_MESSAGE },
    }
}

function stored(deps: SetupDeps): string {
    return deps.records.property(PROJECTS_PROPERTY, '')
}

export function readProjects(deps: SetupDeps): OpResult<ProjectsShown> {
    return done(shownOf(deps, stored(deps)))
}

function described(entries: ProjectEntry[]): string {
    if (!entries.length) return 'the list is empty: validation lists the projects the account can browse'
    const projects = entries.map((e) => e.key).filter((k, i, all) => all.indexOf(k) === i).length
    const types = entries.filter((e) => e.issueType).length
    return (
        `validation checks ${projects} project${projects === 1 ? '' : 's'}` +
        (types ? ` and the fields Create Issue requires for ${types} issue type${types === 1 ? '' : 's'}` : '')
    )
}

/**
 * Saves the list ({projects: "SUP/Task, OPS"}), stored as "KEY[/Issue type]" joined by ", " (duplicates dropped).
 * Bad input is a 400 that says what was found and expected and changes nothing; the same list is not written again.
 */
export function saveProjects(deps: SetupDeps, body: Record<string, unknown>): OpResult<ProjectsSaved> {
    const raw = body.projects
    if (typeof raw !== 'string') {
        return refuse(
            400,
            'projects',
            'projects_not_text',
            `Jira projects: found ${raw === undefined ? 'no "projects" field' : `a ${typeof raw}`} in the request, ` +
                `expected a text such as "SUP/Task, OPS" ("" to clear it). Nothing was changed: send the list as text.`
        )
    }
    if (raw.length > MAX_INPUT) {
        return refuse(
            400,
            'projects',
            'projects_too_long',
            `Jira projects: found ${raw.length} characters, expected at most ${MAX_PROJECTS_TEXT}. ${EXPECTED} ` +
                'Nothing was changed: shorten the list and save again.'
        )
    }
    const parsed = parseProjectsSetting(raw)
    if (!parsed.ok) {
        return refuse(
            400,
            'projects',
            parsed.codes[0],
            `Jira projects not saved: found ${parsed.problems.join('; ')}. ${EXPECTED} ` +
                'Nothing was changed: correct the list and save again.'
        )
    }
    const value = formatProjects(parsed.entries)
    if (value.length > MAX_PROJECTS_TEXT) {
        return refuse(
            400,
            'projects',
            'projects_too_long',
            `Jira projects: the list is ${value.length} characters, expected at most ${MAX_PROJECTS_TEXT} (the ` +
                'change history keeps the whole value). Nothing was changed: list fewer projects or issue types.'
        )
    }
    const previous = stored(deps)
    const before = parseProjectsSetting(previous)
    if (before.ok && formatProjects(before.entries) === value) {
        // Same list: no write, so no cache flush on every node (KB1000746) and no audit row.
        return done({
            ...shownOf(deps, previous),
            changed: false,
            previous,
            message:
                `Nothing to save: the Jira projects are already ${value ? `"${value}"` : 'empty'}; ` +
                `${described(parsed.entries)}. Nothing was written.`,
        })
    }
    return locked(deps.records, 'save Jira projects', 'Saving the Jira projects', (tx) => {
        const rows = deps.records.rowsWhere('sys_properties', [['name', PROJECTS_PROPERTY]], ['value'])
        if (!rows.length) {
            return refuse<ProjectsSaved>(
                404,
                'projects',
                'property_missing',
                `The system property ${PROJECTS_PROPERTY} is not on this instance, expected as installed by Jira ` +
                    'Cloud Connect. Nothing was changed: reinstall the application from the application repository.'
            )
        }
        // A refusal stops the transaction: locked() answers 409 with what the platform refused.
        if (!tx.update('sys_properties', rows[0].sys_id, PROJECTS_PROPERTY, { value })) {
            return refuse<ProjectsSaved>(409, '', 'save_refused', '')
        }
        return done({
            ...shownOf(deps, value),
            changed: true,
            previous,
            message: `Saved: ${described(parsed.entries)}. Validate to see what the account can do there.`,
        })
    })
}
