/**
 * Which connection is live, and switching to another one only when it validates (issue 17 §1-§2, "validate before
 * switching"). Every path saves into its own connection, inactive; "Make this the live connection" validates that
 * connection now (a live call: no call, no verdict) and switches only when no check fails, or when the admin forces it;
 * the answer names what was deactivated; "Switch back" is offered for SWITCH_BACK_HOURS and is validated the same way.
 * The switch writes the new state last: the one-active-connection rule of the alias (ServiceNow docs "Connection
 * information") means the working connection must be deactivated before the new one is activated, so a refused
 * activation puts the working connection back at once and says so (assumption A28).
 */
import { connectionSysId } from './inputs'
import { records, type SetupDeps, shown, tokenPlace, type ValidationShown } from './operations'
import { done, type OpResult, refuse } from './result'
import { validateServiceAccount } from './service-account'
import type { ConnectionRow, JiraRecords } from './setup-port'
import { locked } from './writes'

/** How long after a switch the page offers to switch back. */
export const SWITCH_BACK_HOURS = 24

export type PathKind = 'oauth' | 'service-account' | 'api-token' | 'site' | 'other'

export interface LiveConnection {
    sysId: string
    name: string
    path: PathKind
    aliasId: string
}

export interface SwitchBack {
    /** The connection that was live before the last switch (inactive now): "Switch back" makes it live again. */
    connectionSysId: string
    name: string
    /** The connection the switch made live. */
    fromSysId: string
    fromName: string
    /** When and by whom the switch was made (GMT), and until when the page offers to switch back. */
    at: string
    by: string
    until: string
}

export interface LiveState {
    /** The Jira alias's live (active) connection, or null when none is. */
    live: LiveConnection | null
    /** Every active connection of the Jira alias and its child aliases (one per alias). */
    liveConnections: LiveConnection[]
    switchBack: SwitchBack | null
    /** Whether this user may change the integration (admin), and if not, the sentence that says why. */
    access: { canWrite: boolean; writeRole: 'admin'; message: string }
}

export interface Activation {
    outcome: 'activated' | 'already_live' | 'refused'
    connection: { sysId: string; name: string }
    /** The connections that were live on the same alias and are now inactive (kept, with their credentials). */
    deactivated: Array<{ sysId: string; name: string }>
    /** The validation made before switching (null when forced, or already live). */
    validation: ValidationShown | null
    forced: boolean
    message: string
    switchBack: SwitchBack | null
}

export const WRITE_ROLE_MESSAGE =
    'Changing the Jira connection needs the admin role; x_jira_connect.admin may read the setup, validate and check ' +
    'health.'

function pathOf(deps: SetupDeps, r: JiraRecords, c: ConnectionRow): PathKind {
    if (c.aliasSysId !== r.aliasSysId) return 'site'
    if (r.oauthConnection && c.sysId === r.oauthConnection.sysId) return 'oauth'
    const sa = deps.records.serviceAccountRecords(r.aliasSysId)
    if (sa.connection && sa.connection.sysId === c.sysId) return 'service-account'
    if (c.credentialKind === 'basic') return 'api-token'
    return 'other'
}

function liveOf(deps: SetupDeps, r: JiraRecords, c: ConnectionRow): LiveConnection {
    return { sysId: c.sysId, name: c.name, path: pathOf(deps, r, c), aliasId: c.aliasId }
}

function switchBackOf(deps: SetupDeps, r: JiraRecords, all: ConnectionRow[]): SwitchBack | null {
    const last = deps.records.recordedSwitches(SWITCH_BACK_HOURS * 3600)[0]
    if (!last) return null
    const now = all.find((c) => c.sysId === last.activated)
    const before = all.find((c) => last.deactivated.indexOf(c.sysId) >= 0)
    if (!now || !before || !now.active || before.active || now.aliasSysId !== before.aliasSysId) return null
    return {
        connectionSysId: before.sysId,
        name: before.name,
        fromSysId: now.sysId,
        fromName: now.name,
        at: last.at,
        by: last.by,
        until: addHours(last.at, SWITCH_BACK_HOURS),
    }
}

function addHours(glide: string, hours: number): string {
    const t = Date.parse(glide.replace(' ', 'T') + 'Z')
    return Number.isFinite(t) ? new Date(t + hours * 3600000).toISOString().replace('T', ' ').slice(0, 19) : ''
}

export function liveState(deps: SetupDeps): OpResult<LiveState> {
    const found = records<LiveState>(deps)
    if (!found.ok) return found
    const r = found.value
    const all = deps.records.connections(r.aliasSysId)
    const active = all.filter((c) => c.active)
    const main = active.find((c) => c.aliasSysId === r.aliasSysId)
    const canWrite = deps.records.isAdmin()
    return done({
        live: main ? liveOf(deps, r, main) : null,
        liveConnections: active.map((c) => liveOf(deps, r, c)),
        switchBack: switchBackOf(deps, r, all),
        access: { canWrite, writeRole: 'admin', message: canWrite ? '' : WRITE_ROLE_MESSAGE },
    })
}

/** A state answer with the live connection, the switch-back offer and the user's access added. */
export function withLive<T extends object>(deps: SetupDeps, s: OpResult<T>): OpResult<T & LiveState> {
    if (!s.ok) return s
    const l = liveState(deps)
    if (!l.ok) return l
    return done({ ...s.value, ...l.value })
}

function validationOf(deps: SetupDeps, r: JiraRecords, c: ConnectionRow): ValidationShown | null {
    if (pathOf(deps, r, c) === 'service-account') {
        const v = validateServiceAccount(deps)
        return v.ok ? v.value : null
    }
    return shown(deps, r, 'http_connection', c.sysId, pathOf(deps, r, c) === 'api-token' ? tokenPlace(r) : undefined)
}

function quoted(c: { name: string }): string {
    return `"${c.name}"`
}

function failing(v: ValidationShown): number {
    return v.checks.filter((c) => c.status === 'fail').length
}

/** "Make this the live connection" ({connectionSysId, force?}). */
export function activate(deps: SetupDeps, body: Record<string, unknown>): OpResult<Activation> {
    return switchTo(deps, body, 'make live')
}

/** "Switch back": the connection the last switch deactivated, validated the same way ({force?}). */
export function switchBack(deps: SetupDeps, body: Record<string, unknown>): OpResult<Activation> {
    const s = liveState(deps)
    if (!s.ok) return s
    const back = s.value.switchBack
    if (!back) {
        return refuse(
            409,
            '',
            'nothing_to_switch_back',
            `There is no switch to undo: none was made in the last ${SWITCH_BACK_HOURS} hours, or the connection it ` +
                'deactivated was changed since. Use "Make this the live connection" on the connection you want.'
        )
    }
    return switchTo(deps, { connectionSysId: back.connectionSysId, force: body.force }, 'switch back')
}

function switchTo(deps: SetupDeps, body: Record<string, unknown>, operation: string): OpResult<Activation> {
    const id = connectionSysId(body.connectionSysId)
    if (!id.ok) return { ok: false, status: 400, errors: [id.error] }
    const raw = id.value
    if (body.force !== undefined && typeof body.force !== 'boolean') {
        return refuse(400, 'force', 'force_not_boolean', `force is ${typeof body.force}; expected true or false.`)
    }
    const found = records<Activation>(deps)
    if (!found.ok) return found
    const r = found.value
    const all = deps.records.connections(r.aliasSysId)
    const target = all.find((c) => c.sysId === raw)
    if (!target) {
        return refuse(
            400,
            'connectionSysId',
            'connection_unknown',
            `No connection ${raw} on the Jira alias or its child aliases.`
        )
    }
    const it = { sysId: target.sysId, name: target.name }
    if (target.active) {
        return done({
            outcome: 'already_live',
            connection: it,
            deactivated: [],
            validation: null,
            forced: false,
            message: `"${target.name}" is already the live connection; nothing was changed.`,
            switchBack: switchBackOf(deps, r, all),
        })
    }
    const forced = body.force === true
    const live = all.filter((c) => c.active && c.aliasSysId === target.aliasSysId)
    const liveNames = live.map((c) => `"${c.name}"`).join(', ')
    const validation = forced ? null : validationOf(deps, r, target)
    if (validation && (validation.verdict === 'fail' || failing(validation) > 0)) {
        return done({
            outcome: 'refused',
            connection: it,
            deactivated: [],
            validation,
            forced: false,
            message:
                `"${target.name}" was not made live: its validation failed (${failing(validation)} failing ` +
                `check${failing(validation) === 1 ? '' : 's'}). ` +
                (live.length ? `${liveNames} stays live. ` : 'No connection is live on its alias. ') +
                'Fix what the failing checks say, then try again (or make it live anyway).',
            switchBack: null,
        })
    }
    return locked(deps.records, operation, `Making "${target.name}" live`, (tx) => {
        // Read again under the lock: another admin may have switched while this one validated.
        const nowLive = deps.records
            .connections(r.aliasSysId)
            .filter((c) => c.active && c.aliasSysId === target.aliasSysId && c.sysId !== target.sysId)
        for (const c of nowLive) if (!tx.update('http_connection', c.sysId, c.name, { active: false })) break
        tx.update('http_connection', target.sysId, target.name, { active: true })
        if (tx.stopped) return done(null as never)
        const after = deps.records.connections(r.aliasSysId)
        const alsoActive = after.filter(
            (c) => c.active && c.aliasSysId === target.aliasSysId && c.sysId !== target.sysId
        )
        const deactivated = nowLive.map((c) => ({ sysId: c.sysId, name: c.name }))
        const names = nowLive.map((c) => `"${c.name}"`).join(', ')
        const what = forced ? 'without a passing validation (forced)' : 'after its validation passed'
        return done({
            outcome: 'activated',
            connection: it,
            deactivated,
            validation,
            forced,
            message:
                `"${target.name}" is now the live connection, ${what}. ` +
                (deactivated.length
                    ? `Deactivated (kept, with its credential): ${names}. "Switch back" undoes this for ` +
                      `${SWITCH_BACK_HOURS} hours.`
                    : 'No other connection was live on its alias.') +
                (alsoActive.length
                    ? ` Also active now, changed by someone else meanwhile: ${alsoActive.map(quoted).join(', ')}.`
                    : ''),
            switchBack: null,
        })
    })
}
