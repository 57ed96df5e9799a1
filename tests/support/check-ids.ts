/**
 * Text an admin reads (form messages, the stored run's summary and report, alert emails, the Flow action's output)
 * names checks by their titles, never by their catalogue ids (issue 17 §7); the ids stay in the data (checks_json,
 * the page's data-check attributes, the health row's last_finding_code).
 */
import { CHECK_IDS } from '../../src/server/core/catalogue'

const ANY_ID = new RegExp(`(?<![\\w.])(?:${CHECK_IDS.map((i) => i.replace(/\./g, '\\.')).join('|')})(?!\\w)`)

/** The lines of the texts that name a check by its id (none expected). */
export function linesWithCheckIds(...texts: string[]): string[] {
    return texts.flatMap((t) => t.split('\n')).filter((line) => ANY_ID.test(line))
}
