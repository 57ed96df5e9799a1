import { Property } from '@servicenow/sdk/core'
import { jiraConnectAdmin } from '../app/roles.now'
import { WEBHOOK_DEFAULTS, WEBHOOK_PROPERTY } from '../../server/core/inbound-settings'

/**
 * Jira expires dynamic webhooks 30 days after registration or the last refresh (developer.atlassian.com REST
 * "Extend webhook life"): Validate warns this many days ahead and the health check refreshes them, once a day.
 */
Property({
    $id: Now.ID['property-health-webhook-refresh-days'],
    name: WEBHOOK_PROPERTY.refreshDays,
    type: 'integer',
    value: WEBHOOK_DEFAULTS.refreshDays,
    description: `Jira webhooks: warn, and let the health check refresh this app's dynamic
webhooks pointing at this instance, this many days before they expire (default 7, 1 to 29).`,
    roles: { read: ['admin', jiraConnectAdmin], write: ['admin'] },
})

/** The switch for that refresh: false turns it off, and Validate then fails a webhook about to lapse (refresh_off). */
Property({
    $id: Now.ID['property-health-webhook-refresh'],
    name: WEBHOOK_PROPERTY.refresh,
    type: 'boolean',
    value: WEBHOOK_DEFAULTS.refresh,
    description: `Jira webhooks: true (default) lets the health check refresh this app's dynamic webhooks pointing
at this instance before they expire, once a day; false turns that off (Validate then fails a webhook about to lapse).`,
    roles: { read: ['admin', jiraConnectAdmin], write: ['admin'] },
})
