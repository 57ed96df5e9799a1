/**
 * The scopes to add in the Atlassian developer console, split the way the console shows them: classic scopes
 * (Permissions → Jira API → Classic scopes, `verb:jira-thing`) and granular scopes (Granular scopes,
 * `verb:thing:product`). offline_access is not chosen in the console: the authorization request asks for it, and the
 * shipped profile does. Source of the list: jira-scopes.ts.
 */
import { JIRA_SCOPE, REQUIRED_JIRA_SCOPES } from '../jira-scopes'

export interface ConsoleScopes {
    classic: string[]
    granular: string[]
    /** Requested by the instance, not added in the console. */
    requestedOnly: string[]
}

export function consoleScopes(): ConsoleScopes {
    const out: ConsoleScopes = { classic: [], granular: [], requestedOnly: [] }
    for (const s of REQUIRED_JIRA_SCOPES) {
        if (s === JIRA_SCOPE.offlineAccess) out.requestedOnly.push(s)
        else if (s.split(':').length === 3) out.granular.push(s)
        else out.classic.push(s)
    }
    return out
}
