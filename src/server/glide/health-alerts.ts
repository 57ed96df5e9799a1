/**
 * AlertPort over gs.eventQueue: each alert is a registered event on the subject's health row (parm1 = the email's
 * HTML body: the finding and the fix, sanitised and escaped; parm2 = the recipients, alertRecipients()), and the
 * app's email notifications (src/fluent/health/notifications.now.ts) send it to them. ServiceNow docs: GlideSystem
 * eventQueue(name, record, parm1, parm2); notification "Event parm 2 contains recipient". The alert text is built
 * from sanitised findings.
 */
import { gs } from '@servicenow/glide'
import type { AlertPort, HealthAlert, HealthState } from '../core/health/model'
import { alertEmailHtml } from '../core/alert-email'
import { safeText } from '../core/sanitize'
import { GlideHealthStore, HEALTH_TABLE } from './health-store'
import { RUN_TABLE } from './run-store'
import { each, str } from './records'

export const ADMIN_ROLE = 'x_jira_connect.admin'

export class GlideAlerts implements AlertPort {
    private recipients: string | null = null

    constructor(private readonly store: GlideHealthStore) {}

    fire(alert: HealthAlert, state: HealthState): void {
        const row = this.store.find(state.subjectTable, state.subjectSysId)
        if (!row) return
        if (this.recipients === null) this.recipients = alertRecipients().userIds.join(',')
        const queue = (gs as unknown as { eventQueue(n: string, r: unknown, p1: string, p2: string): void }).eventQueue
        queue.call(gs, alert.event, row, emailBody(alert, state, row), this.recipients)
        gs.info(`Jira Cloud Connect health: ${alert.event} for "${safeText(alert.subjectName, 100)}".`)
    }
}

/** parm1: the whole HTML body of the email, escaped (src/server/core/alert-email.ts). */
function emailBody(alert: HealthAlert, state: HealthState, row: { getUniqueValue(): string }): string {
    const base = String(gs.getProperty('glide.servlet.uri', '') || '')
    return alertEmailHtml({
        text: alert.text,
        subjectName: alert.subjectName || state.subjectName,
        verdict: state.verdict,
        verdictSinceMs: state.verdictSinceMs,
        lastSuccessMs: state.lastSuccessMs,
        nextExpiryMs: state.nextExpiryMs,
        nextExpiryWhat: state.nextExpiryWhat,
        instanceUrl: base && !base.endsWith('/') ? `${base}/` : base,
        runTable: RUN_TABLE,
        runSysId: state.lastRunSysId,
        healthTable: HEALTH_TABLE,
        healthSysId: String(row.getUniqueValue() || ''),
    })
}

export const ALERT_GROUP_PROPERTY = 'x_jira_connect.health.alert_group'

/**
 * Who receives the alerts: the active members of the group named by x_jira_connect.health.alert_group; when it is
 * empty (or names no group with an active member), the active users holding x_jira_connect.admin; when no one holds
 * that role, the active users holding admin, so that alerts always reach someone.
 */
export function alertRecipients(): { userIds: string[]; basis: string } {
    const group = String(gs.getProperty(ALERT_GROUP_PROPERTY, '') || '').trim()
    if (group) {
        const members = groupMemberIds(group)
        if (members.length) return { userIds: members, basis: `group "${group}"` }
        gs.warn(
            `Jira Cloud Connect health: ${ALERT_GROUP_PROPERTY} names "${safeText(group, 80)}", which is no ` +
                'group with an active member; the alerts go to the app admins instead.'
        )
    }
    const appAdmins = roleHolderIds(ADMIN_ROLE)
    if (appAdmins.length) return { userIds: appAdmins, basis: ADMIN_ROLE }
    return { userIds: roleHolderIds('admin'), basis: 'admin' }
}

/** Active users holding the app's admin role (sys_user_has_role), as sys_ids. */
export function adminUserIds(): string[] {
    return roleHolderIds(ADMIN_ROLE)
}

/**
 * Only grants of active users: the condition on the user's active flag (dot-walked, ServiceNow docs "GlideRecord -
 * addQuery" and "Dot-walking examples") is part of the query, so the 500-row cut counts active users only and a
 * large instance's former admins cannot push the current ones out (A52).
 */
const ACTIVE_USER: [string, string] = ['user.active', 'true']

/** Active users holding the role (sys_user_has_role), as sys_ids. */
function roleHolderIds(roleName: string): string[] {
    const roles: string[] = []
    each('sys_user_role', [['name', roleName]], (r) => {
        roles.push(r.getUniqueValue())
    })
    const out: string[] = []
    for (const role of roles) {
        each(
            'sys_user_has_role',
            [['role', role], ACTIVE_USER],
            (grant) => {
                const user = str(grant, 'user')
                if (user && out.indexOf(user) < 0) out.push(user)
            },
            500
        )
    }
    return out
}

/** Active members of the group with this name (sys_user_grmember), as sys_ids. */
function groupMemberIds(groupName: string): string[] {
    const out: string[] = []
    each('sys_user_group', [['name', groupName]], (g) => {
        each(
            'sys_user_grmember',
            [['group', g.getUniqueValue()], ACTIVE_USER],
            (m) => {
                const user = str(m, 'user')
                if (user && out.indexOf(user) < 0) out.push(user)
            },
            500
        )
    })
    return out
}
