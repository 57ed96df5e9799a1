/**
 * Text for places the platform renders as HTML: session messages (gs.addInfoMessage / addErrorMessage) and the alert
 * emails' bodies (assumption A31). Text from Jira or Atlassian (display names, site names, error bodies) is plain text
 * and must show as written, never as markup. Only these sinks escape: plain-text places (stored runs, health rows,
 * the setup API's JSON, email subjects) keep the text as it is, so nothing is escaped twice.
 */

/** Escapes text for HTML element content: & < > (HTML Living Standard, "Escaping a string", text nodes). */
export function htmlText(text: string | null | undefined): string {
    if (text === null || text === undefined) return ''
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Escapes text for a double- or single-quoted attribute value (href): element-content escaping plus both quotes. */
export function htmlAttr(text: string | null | undefined): string {
    return htmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}
