/**
 * Events and email notifications, as the platform runs them for this app:
 * - gs.eventQueue(name, record, parm1, parm2) queues an event on a record. An event name that is not registered in
 *   sysevent_register is dropped (registering-events-guide: "Never fire an event before registering it -- fails
 *   silently in scoped apps"); the simulator records it as dropped so a test can see it.
 * - The queue is processed at once (the platform's event processor runs every few seconds; no test depends on the
 *   delay). Each active sysevent_email_action with generation_type=event and that event_name on the record's table
 *   sends one email: recipients from event parm1/parm2 when event_parm_1/_2 is true (comma-separated sys_user sys_ids
 *   or addresses), subject and message_html rendered with ${field}, ${ref.field}, ${URI_REF}, ${ref.URI_REF} and
 *   ${event.parm1|parm2}. Emails are written to sys_email (type send-ready) and kept in `emails` for tests.
 * Not modeled: digests, templates, styles, user notification preferences, conditions, weights, layouts.
 */
import { glideDateTime, type Row, type Store } from './store'

export interface QueuedEvent {
    name: string
    table: string
    sysId: string
    parm1: string
    parm2: string
    at: string
    registered: boolean
}

export interface SentEmail {
    notification: string
    event: string
    recipients: string[]
    subject: string
    body: string
    at: string
}

export class EventManager {
    readonly events: QueuedEvent[] = []
    readonly emails: SentEmail[] = []

    constructor(
        private readonly store: Store,
        private readonly instanceUrl: () => string
    ) {}

    queue(name: unknown, record: unknown, parm1: unknown, parm2: unknown): void {
        const gr = record as {
            getTableName?(): string
            getRecordClassName?(): string
            getUniqueValue?(): string
        } | null
        const table =
            gr && gr.getRecordClassName
                ? String(gr.getRecordClassName())
                : gr && gr.getTableName
                  ? String(gr.getTableName())
                  : ''
        const sysId = gr && gr.getUniqueValue ? String(gr.getUniqueValue() ?? '') : ''
        const eventName = String(name ?? '')
        const registered = this.store.rowsOf('sysevent_register').some((r) => r.event_name === eventName)
        const event: QueuedEvent = {
            name: eventName,
            table,
            sysId,
            parm1: parm1 === undefined || parm1 === null ? '' : String(parm1),
            parm2: parm2 === undefined || parm2 === null ? '' : String(parm2),
            at: glideDateTime(this.store.clock.nowMs()),
            registered,
        }
        this.events.push(event)
        if (registered) this.process(event)
    }

    private process(event: QueuedEvent): void {
        const record = event.table && event.sysId ? this.store.find(event.table, event.sysId) : null
        const actions = this.store
            .rowsOf('sysevent_email_action')
            .filter(
                (a) =>
                    a.active !== 'false' &&
                    a.generation_type === 'event' &&
                    a.event_name === event.name &&
                    a.collection === event.table
            )
        for (const action of actions) {
            const recipients: string[] = []
            if (action.event_parm_1 === 'true') recipients.push(...this.recipients(event.parm1))
            if (action.event_parm_2 === 'true') recipients.push(...this.recipients(event.parm2))
            if (!recipients.length || !record) continue
            const subject = this.render(action.subject ?? '', record, event)
            const body = this.render(action.message_html || action.message_text || action.message || '', record, event)
            const email: SentEmail = {
                notification: action.name,
                event: event.name,
                recipients: [...new Set(recipients)],
                subject,
                body,
                at: event.at,
            }
            this.emails.push(email)
            this.store.insert(
                'sys_email',
                {
                    type: 'send-ready',
                    recipients: email.recipients.join(','),
                    subject,
                    body,
                    content_type: action.content_type || 'text/html',
                    target_table: event.table,
                    instance: event.sysId,
                    notification_type: 'SMTP',
                },
                { user: 'system', checkReferences: false }
            )
        }
    }

    /** sys_user sys_ids (active users with an email) or plain addresses. */
    private recipients(parm: string): string[] {
        const out: string[] = []
        for (const part of parm
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)) {
            if (part.includes('@')) out.push(part)
            else {
                const user = this.store.find('sys_user', part)
                if (user && user.active !== 'false' && user.email) out.push(user.email)
            }
        }
        return out
    }

    private render(template: string, record: Row, event: QueuedEvent): string {
        return template.replace(/\$\{([a-zA-Z0-9_.]+)\}/g, (_m, expr: string) => {
            if (expr === 'event.parm1') return event.parm1
            if (expr === 'event.parm2') return event.parm2
            const parts = expr.split('.')
            let row: Row | null = record
            let table = event.table
            for (let i = 0; i < parts.length - 1 && row; i++) {
                const ref: string = row[parts[i]] ?? ''
                const col = this.store.schema.column(table, parts[i])
                table = col?.reference ?? ''
                row = ref && table ? this.store.find(table, ref) : null
            }
            const last = parts[parts.length - 1]
            if (!row) return ''
            if (last === 'URI_REF') {
                const display = row.name || row.target_name || row.subject_name || row.sys_id
                return `<a href="${this.instanceUrl()}${row.sys_class_name || table}.do?sys_id=${row.sys_id}">${display}</a>`
            }
            return row[last] ?? ''
        })
    }
}
