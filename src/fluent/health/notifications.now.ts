import { EmailNotification } from '@servicenow/sdk/core'

/**
 * Emails for the health alerts, to the app admins the event names in parm2 (ServiceNow: "Event parm 2 contains
 * recipient"). Body: event parm1 alone, the HTML the app builds (src/server/core/alert-email.ts): the finding and the
 * fix, the health row's dates, links to the validation run and the health row, every value escaped and none printed
 * empty. The platform inserts `${field}` values unescaped (A31), so the body uses none. No secret can appear: none is
 * stored or passed. The subjects are plain text. (Fluent evaluates no expressions here: one literal each.)
 */

EmailNotification({
    $id: Now.ID['notification-connection-broken'],
    table: 'x_jira_connect_connection_health',
    name: 'Jira connection broken',
    description: 'Sent once when a Jira connection stops passing its health check.',
    triggerConditions: { generationType: 'event', eventName: 'x_jira_connect.connection.broken' },
    recipientDetails: { eventParm2WithRecipient: true, sendToCreator: false },
    emailContent: {
        contentType: 'text/html',
        subject: 'Jira connection "${subject_name}" is broken',
        messageHtml: '${event.parm1}',
        importance: 'high',
    },
})

EmailNotification({
    $id: Now.ID['notification-connection-recovered'],
    table: 'x_jira_connect_connection_health',
    name: 'Jira connection recovered',
    description: 'Sent once when a broken Jira connection passes its health check again.',
    triggerConditions: { generationType: 'event', eventName: 'x_jira_connect.connection.recovered' },
    recipientDetails: { eventParm2WithRecipient: true, sendToCreator: false },
    emailContent: {
        contentType: 'text/html',
        subject: 'Jira connection "${subject_name}" works again',
        messageHtml: '${event.parm1}',
    },
})

EmailNotification({
    $id: Now.ID['notification-refresh-token-expiring'],
    table: 'x_jira_connect_connection_health',
    name: 'Jira OAuth token expiring',
    description: 'Sent once per deadline when a refresh token or an OAuth consent expires within the warning days.',
    triggerConditions: { generationType: 'event', eventName: 'x_jira_connect.refresh_token.expiring' },
    recipientDetails: { eventParm2WithRecipient: true, sendToCreator: false },
    emailContent: {
        contentType: 'text/html',
        subject: 'Jira connection "${subject_name}": OAuth token expiring',
        messageHtml: '${event.parm1}',
    },
})

EmailNotification({
    $id: Now.ID['notification-api-token-expiring'],
    table: 'x_jira_connect_connection_health',
    name: 'Jira API token expiring',
    description: 'Sent once per API token when it nears the maximum age Atlassian allows.',
    triggerConditions: { generationType: 'event', eventName: 'x_jira_connect.api_token.expiring' },
    recipientDetails: { eventParm2WithRecipient: true, sendToCreator: false },
    emailContent: {
        contentType: 'text/html',
        subject: 'Jira connection "${subject_name}": API token expiring',
        messageHtml: '${event.parm1}',
    },
})
