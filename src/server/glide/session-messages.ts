/**
 * Form messages over gs.addInfoMessage / gs.addErrorMessage. The platform shows them as HTML (assumption A31), and
 * they carry text from Jira and Atlassian (display names, site names, error bodies): every message is escaped here,
 * the one place the app hands text to them. Error level for anything that failed, info for the rest.
 */
import { gs } from '@servicenow/glide'
import { htmlText } from '../core/html'

export function showInfo(text: string): void {
    gs.addInfoMessage(htmlText(text))
}

export function showError(text: string): void {
    gs.addErrorMessage(htmlText(text))
}
