/**
 * Check group "the path the spoke really takes" (catalogue: path.mid, instance.jira_spoke, instance.alias_template).
 *
 * - path.mid: the spoke's REST steps go through the MID Server a connection selects ("Use MID Server", ServiceNow docs
 *   "Advanced MID Server configuration"; MID is optional for the Jira spoke). A selection no usable MID Server
 *   satisfies (at least one Up, validated, with capability REST or ALL: ServiceNow docs "MID Server capabilities";
 *   KB1645211) fails before any call, and the calls go direct. Otherwise the validator's Jira calls for that
 *   connection go through the chosen MID (RESTMessageV2.setMIDServer + executeAsync + waitForResponse, in the HTTP
 *   adapter) and path.mid, logged after them, names the MID and what its calls proved. A token fetched through a MID
 *   ("Connect to Auth Server via MID Server", the credential's use_mid) is requested only by IntegrationHub's REST
 *   step and credential, never by RESTMessageV2 or GlideOAuthClient scripts (KB1645211): the validator cannot prove it.
 * - instance.jira_spoke: Atlassian removed /rest/api/{2,3}/search (CHANGE-2046, traffic fully blocked 2025-10-31,
 *   410 Gone); the Jira spoke fixed its search actions in 5.1.1 (Store release notes). Current: 6.1.3.
 * - instance.alias_template: Workflow Studio builds its connection window from the alias's Configuration Template and
 *   offers Save and Test when the template names a Test Action (ServiceNow docs test-alias-configuration-template).
 *   From 6.0.1 the spoke ships its own "Authentication Template for Jira Cloud".
 */
import type { CallEngine } from '../calls'
import type { CredentialSnapshot, ConnectionSnapshot } from '../ports'
import { scanScripts, type DeprecationCode } from '../deprecated-calls'
import type { AliasTemplateInfo, MidServer, MidSettings, RealPathPort } from '../real-path'
import type { Finding } from '../catalogue'
import type { CheckLog } from '../report'
import { safeText } from '../sanitize'

export const JIRA_SPOKE = {
    scope: 'sn_jira_spoke',
    aliasId: 'sn_jira_spoke.Jira',
    /** Fixes for Atlassian's search removal (Look up Issues/Stories Stream, Update Issue): release notes 5.1.1. */
    searchFixVersion: '5.1.1',
    /** The spoke's own template for Jira Cloud from 6.0.1 (Store release notes). */
    templateName: 'Authentication Template for Jira Cloud',
    /** The latest version in ServiceNow's Store release notes (updated 2026-06-11). */
    currentVersion: '6.1.3',
} as const

const APP_SCOPE = 'x_jira_connect'

/** -1, 0, 1 over dotted numeric versions ("5.1.1" < "5.10.0"); non-numeric parts compare as 0. */
export function compareVersions(a: string, b: string): number {
    const pa = a.split('.').map((p) => parseInt(p, 10) || 0)
    const pb = b.split('.').map((p) => parseInt(p, 10) || 0)
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] || 0) - (pb[i] || 0)
        if (d) return d < 0 ? -1 : 1
    }
    return 0
}

const hasRest = (m: MidServer) => m.capabilities.some((c) => /^(REST|ALL)$/i.test(c.trim()))
const isUp = (m: MidServer) => /^up$/i.test(m.status)

function selectionText(s: MidSettings): string {
    if (s.selection === 'specific_mid_server') return `the specific MID Server "${s.midServer}"`
    if (s.selection === 'specific_mid_cluster') return `the MID cluster "${s.midCluster}"`
    return 'auto-select'
}

/** The MID Server a connection's calls go through in this run, and what path.mid says once they were made. */
export interface MidRoute {
    mid: string
    /** 'Connection "X" uses a MID Server (auto-select)' */
    what: string
    /** Other usable MID Servers the platform's own selection could pick for the spoke (auto-select, cluster). */
    others: string[]
    host: string
    tokenFinding: Finding<'token_via_mid_unproven'> | null
}

/**
 * path.mid for one connection, before its calls: the MID route to take (null: direct). Failures and the direct path
 * are logged here; a route is reported by finishMidPath after the calls.
 */
export function checkMidPath(
    log: CheckLog,
    port: RealPathPort,
    connection: ConnectionSnapshot,
    credential: CredentialSnapshot | null,
    host: string
): MidRoute | null {
    const settings = port.midSettings(connection.sysId)
    const tokenViaMid = !!credential && credential.kind === 'oauth2' && port.tokenViaMid(credential.sysId)
    const tokenNote =
        `Credential "${credential ? credential.name : ''}" has "Connect to Auth Server via MID Server": only ` +
        "IntegrationHub's REST step and credential request a token through a MID (KB1645211); this validation used " +
        'the token stored on the instance or requested one from the instance, so the MID route to the token URL is ' +
        'not proven.'
    const tokenFinding = {
        code: 'token_via_mid_unproven' as const,
        found: tokenNote,
        expected: 'A token path this validation can exercise, or a separate test through IntegrationHub.',
        fix:
            "Run Save and Test from Workflow Studio or the spoke's Look up Server action in a test flow to prove the " +
            "MID's route to https://auth.atlassian.com; the MID needs the REST capability, Applies to = the MID " +
            'Servers, and the oauth_admin role for its user (KB1645211).',
    }
    if (!settings || !settings.useMid) {
        if (tokenViaMid) {
            log.warn('path.mid', tokenFinding)
            return null
        }
        log.pass('path.mid', `Direct: the instance calls ${host} itself (no MID Server), the path this run tested.`)
        return null
    }
    const what = `Connection "${connection.name}" uses a MID Server (${selectionText(settings)})`
    const all = port.midServers()
    const selected = all.filter((m) =>
        settings.selection === 'specific_mid_server'
            ? m.name === settings.midServer
            : settings.selection === 'specific_mid_cluster'
              ? m.clusters.indexOf(settings.midCluster) >= 0
              : true
    )
    const names = (list: MidServer[]) => list.map((m) => `"${m.name}" (${m.status || 'no status'})`).join(', ')
    if (selected.length === 0) {
        return failMid(log, {
            code: 'mid_none_matches',
            found: `${what}, and no MID Server matches it (MID Servers: ${names(all) || 'none'}).`,
            expected: 'At least one MID Server the selection names, Up, validated, with capability REST or ALL.',
            fix:
                `Open connection "${connection.name}" and pick an existing MID Server or cluster (or Auto-Select), ` +
                'or ' +
                'install and validate a MID Server (MID Server > Servers).',
        })
    }
    // The connection's Capabilities narrow the selection; the spoke's REST steps need REST (or ALL) in any case.
    const wanted = settings.capabilities.filter((c) => c.trim())
    const capable = selected.filter(
        (m) => hasRest(m) && wanted.every((c) => m.capabilities.some((x) => x.toUpperCase() === c.toUpperCase()))
    )
    if (capable.length === 0) {
        return failMid(log, {
            code: 'mid_no_rest_capability',
            found: `${what}; none of ${names(selected)} has the capability REST or ALL${andAlso(wanted)}.`,
            expected: 'A selected MID Server with the REST (or ALL) capability.',
            fix: 'Open the MID Server (MID Server > Servers) > Capabilities: add REST, then validate again.',
        })
    }
    const up = capable.filter(isUp)
    if (up.length === 0) {
        return failMid(log, {
            code: 'mid_down',
            found:
                `${what}; it is not Up: ${names(capable)}. The spoke's calls through it fail or wait in the ECC ` +
                'queue.',
            expected: 'A selected MID Server with status Up.',
            fix: 'Start the MID Server service on its host (or pick another MID Server), check MID Server > Servers.',
        })
    }
    const usable = up.filter((m) => m.validated)
    if (usable.length === 0) {
        return failMid(log, {
            code: 'mid_not_validated',
            found:
                `${what}; it is Up but not validated: ${names(up)}. A MID Server that is not validated runs ` +
                'nothing.',
            expected: 'A selected MID Server that is Up and validated.',
            fix: 'Open the MID Server record and click Validate (MID Server > Servers), then validate again.',
        })
    }
    // RESTMessageV2.setMIDServer takes a name: the named MID, or the first usable one of the selection (the
    // platform's own auto-select may pick another of them for the spoke: named in the result).
    const chosen =
        settings.selection === 'specific_mid_server'
            ? usable.filter((m) => m.name === settings.midServer)[0] || usable[0]
            : usable.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0]
    return {
        mid: chosen.name,
        what,
        others: usable.filter((m) => m !== chosen).map((m) => m.name),
        host,
        tokenFinding: tokenViaMid ? tokenFinding : null,
    }
}

/** A MID selection no usable MID satisfies: path.mid fails, and this run's calls go direct (said in the finding). */
function failMid(log: CheckLog, finding: Finding<MidFailCode>): null {
    log.fail('path.mid', {
        ...finding,
        found:
            `${finding.found} This validation's Jira calls went directly from the instance instead: they prove ` +
            'the credential, not the spoke\u2019s path.',
    })
    return null
}

type MidFailCode = 'mid_none_matches' | 'mid_no_rest_capability' | 'mid_down' | 'mid_not_validated'

/** path.mid after a connection's calls went through `route.mid`: what they proved, or why the MID gave no answer. */
export function finishMidPath(log: CheckLog, route: MidRoute, engine: CallEngine): void {
    const stats = engine.midCalls[route.mid]
    const mid = `MID Server "${route.mid}"`
    const others = route.others.length
        ? ` The platform's own selection may also pick ${route.others.map((n) => `"${n}"`).join(', ')} for the ` +
          "spoke's flows: validate again after setting a specific MID Server to test another one."
        : ''
    if (!stats || stats.calls === 0) {
        log.warn('path.mid', {
            code: 'mid_path_not_tested',
            found:
                `${route.what}: this validation was to call ${route.host} through ${mid}, but an earlier check ` +
                'stopped before any call, so the MID path was not tested.',
            expected: "A validation over the spoke's own path, through the MID Server.",
            fix: 'Fix the failing checks above, then validate again: the Jira calls will go through the MID Server.',
        })
        return
    }
    if (stats.noAnswer > 0) {
        const seconds = Math.round(engine.settings.timeoutMs / 1000)
        log.fail('path.mid', {
            code: 'mid_no_answer',
            found:
                `${route.what}: the calls to ${route.host} went through ${mid}, as the spoke's do, and ` +
                `${stats.noAnswer} of ${stats.calls} got no answer within ${seconds} s (${stats.lastFailure}). ` +
                'Calls after the first unanswered one were not sent, so the run stayed within its time budget.',
            expected: `${mid} picks up the job from the ECC queue and reports ${route.host}'s answer in time.`,
            fix:
                `Open MID Server > Servers > "${route.mid}": check it is running (Status Up, Last refreshed recent) ` +
                `and validated; in the ECC Queue, outputs to agent mid.server.${route.mid} left in state Ready mean ` +
                `nothing picks them up; check the MID host reaches ${route.host} (proxy, firewall). Raise ` +
                'x_jira_connect.http_timeout_ms only if the MID is known to be slow.',
        })
        return
    }
    if (stats.lastFailureKind) {
        log.fail('path.mid', {
            code: 'mid_call_failed',
            found:
                `${route.what}: ${mid} picked up the calls, but its own call to ${route.host} failed ` +
                `(${stats.lastFailure}).`,
            expected: `${mid} reaches ${route.host} over HTTPS.`,
            fix:
                `On the MID host of "${route.mid}", check DNS, the proxy (mid.proxy.* in its config.xml) and the ` +
                `firewall towards ${route.host}; then validate again.`,
        })
        return
    }
    const tested =
        `the spoke's path: ${stats.calls} call(s) to ${route.host} went through ${mid} and were answered ` +
        '(the Jira checks above judged those answers).'
    if (route.tokenFinding) {
        const t = route.tokenFinding
        log.warn('path.mid', { ...t, found: `${route.what}: tested ${tested} Not tested: ${t.found}${others}` })
        return
    }
    log.pass(
        'path.mid',
        `${route.what}: tested ${tested} Not tested: the OAuth token request, made by the instance (as the spoke's ` +
            `is when the credential does not set "Connect to Auth Server via MID Server").${others}`,
        'through_mid'
    )
}

/** instance.jira_spoke and instance.alias_template, once per run. */
export function checkInstanceStanding(log: CheckLog, port: RealPathPort, aliasId: string | null): void {
    const spoke = port.installedApp(JIRA_SPOKE.scope)
    if (!spoke) {
        log.pass(
            'instance.jira_spoke',
            `The Jira spoke (${JIRA_SPOKE.scope}) is not installed: this app's connection does not need it; flows ` +
                `with Jira spoke actions do (current version ${JIRA_SPOKE.currentVersion}).`,
            'spoke_not_installed'
        )
    } else {
        const v = safeText(spoke.version, 40)
        const from = `${spoke.name} ${v} (${spoke.source})`
        const templateNote = ` (6.0.1 adds its own ${JIRA_SPOKE.templateName})`
        if (compareVersions(v, JIRA_SPOKE.searchFixVersion) < 0) {
            log.warn('instance.jira_spoke', {
                code: 'spoke_search_removed',
                found:
                    `${from} is older than ${JIRA_SPOKE.searchFixVersion}: its Look up Issues Stream, Look up ` +
                    'Stories Stream and Update Issue still use /rest/api/{2,3}/search, which Atlassian removed ' +
                    '(blocked since 2025-10-31; Jira answers 410 Gone).',
                expected: `Jira spoke ${JIRA_SPOKE.searchFixVersion} or later (current: ${JIRA_SPOKE.currentVersion}).`,
                fix:
                    `Update the Jira spoke from the ServiceNow Store (System Applications > All > Jira Spoke) to ` +
                    `${JIRA_SPOKE.currentVersion}, then re-test the flows that search Jira.`,
            })
        } else if (compareVersions(v, JIRA_SPOKE.currentVersion) < 0) {
            log.pass(
                'instance.jira_spoke',
                `${from}: has the search fixes of ${JIRA_SPOKE.searchFixVersion}; ${JIRA_SPOKE.currentVersion} is ` +
                    `current${compareVersions(v, '6.0.1') < 0 ? templateNote : ''}.`,
                'spoke_update_available'
            )
        } else log.pass('instance.jira_spoke', `${from}: current.`)
    }
    if (!aliasId) return
    checkAliasTemplate(log, port.aliasTemplate(aliasId), port.aliasTemplate(JIRA_SPOKE.aliasId), spoke !== null)
}

const andAlso = (wanted: string[]) => (wanted.length ? ` and ${wanted.join(', ')}` : '')
const templateName = (a: AliasTemplateInfo) => (a.template ? `"${a.template.name}"` : 'no template')
const setTemplate = (info: AliasTemplateInfo) =>
    `Open alias "${info.aliasName}" and set Configuration Template to one of the "Jira Cloud: ..." templates.`

function checkAliasTemplate(
    log: CheckLog,
    info: AliasTemplateInfo | null,
    spokeAlias: AliasTemplateInfo | null,
    spokeInstalled: boolean
): void {
    if (!info) return
    const alias = `Alias "${info.aliasName}" (${info.aliasId})`
    const spokeNote =
        spokeInstalled && spokeAlias
            ? ` The spoke's own alias ${spokeAlias.aliasId} uses ${templateName(spokeAlias)}: the spoke's actions ` +
              'use that alias and its connection.'
            : ''
    const t = info.template
    if (!t) {
        log.warn('instance.alias_template', {
            code: 'no_configuration_template',
            found:
                `${alias} has no Configuration Template: Workflow Studio offers no Create New Connection & ` +
                `Credential and no Save and Test for it.${spokeNote}`,
            expected:
                'One of this app\'s templates, e.g. "Jira Cloud: service account (OAuth 2.0 client credentials)".',
            fix: setTemplate(info),
        })
        return
    }
    if (t.scope === JIRA_SPOKE.scope || t.name === JIRA_SPOKE.templateName) {
        log.warn('instance.alias_template', {
            code: 'spoke_template_on_alias',
            found:
                `${alias} uses the Jira spoke's template "${t.name}": Workflow Studio creates connections the ` +
                "spoke's way (ServiceNow's own OAuth app) and its Save and Test runs " +
                `${t.testAction ? `"${t.testAction}"` : 'no test'}, not this validator.${spokeNote}`,
            expected:
                `One of this app's templates on ${info.aliasId} (the spoke's template belongs on ` +
                `${JIRA_SPOKE.aliasId}).`,
            fix:
                `If the alias was changed by a spoke upgrade, set its Configuration Template back to "Jira Cloud: ` +
                'service account (OAuth 2.0 client credentials)"; validate connections created with the spoke\u2019s ' +
                'template with the Validate Jira connection button.',
        })
        return
    }
    if (t.scope !== APP_SCOPE) {
        log.warn('instance.alias_template', {
            code: 'foreign_template',
            found:
                `${alias} uses "${t.name}" (scope ${t.scope || 'global'}), neither this app's nor the spoke's.` +
                spokeNote,
            expected: "One of this app's templates.",
            fix: setTemplate(info),
        })
        return
    }
    if (!t.testAction) {
        log.warn('instance.alias_template', {
            code: 'no_test_action',
            found:
                `${alias} uses "${t.name}", whose Test Action is empty: Workflow Studio offers no Save and Test.` +
                spokeNote,
            expected: 'Test Action = "Validate Jira connection".',
            fix:
                `Open the template "${t.name}" (Connection & Credential Templates) and set Test Action to ` +
                '"Validate Jira connection".',
        })
        return
    }
    log.pass(
        'instance.alias_template',
        `${alias} uses this app's "${t.name}": Workflow Studio's Save and Test runs "${t.testAction}" ` +
            `(this validator).${spokeNote}`
    )
}

/** Records read by the deprecation scan: 10,000 (the bound `npm run bench` measures inside the budget). */
export const SCAN_LIMIT = 10000
const LISTED = 10

const recordOf = (s: { table: string; name: string; sysId: string }) =>
    `${s.table} "${safeText(s.name, 80)}" (${s.sysId})`

/** instance.deprecated_calls: one warning per kind of finding, naming each record (up to 10) with its fix. */
export function checkDeprecatedCalls(log: CheckLog, port: RealPathPort, gatewayAuth: boolean): void {
    const scan = port.jiraScripts(SCAN_LIMIT)
    const result = scanScripts(scan.sources, gatewayAuth)
    const expected: Record<DeprecationCode, string> = {
        removed_jira_api: '/rest/api/{2,3}/search/jql and /rest/api/3/expression/evaluate.',
        deprecated_jira_usage: 'nextPageToken paging, createmeta by project and issue type, parent, bounded JQL.',
        hard_coded_site_url: 'Jira reached through the connection alias (the gateway URL with the cloud id).',
    }
    const codes: DeprecationCode[] = ['removed_jira_api', 'deprecated_jira_usage', 'hard_coded_site_url']
    for (const code of codes) {
        const hits = result.hits.filter((h) => h.code === code)
        if (!hits.length) continue
        const lines = hits
            .slice(0, LISTED)
            .map((h) => `${recordOf(h.source)} ${h.source.field} line ${h.line}: ${h.what}`)
        const more = hits.length > LISTED ? `; and ${hits.length - LISTED} more` : ''
        const fixes: string[] = []
        for (const h of hits) if (fixes.indexOf(h.fix) < 0) fixes.push(h.fix)
        log.warn('instance.deprecated_calls', {
            code,
            found: `${hits.length} finding(s) in ${scan.sources.length} scanned record(s): ${lines.join('; ')}${more}.`,
            expected: expected[code],
            fix: `Change each record listed (this app changes none): ${fixes.join('; ')}.`,
        })
    }
    if (scan.truncated) {
        log.warn('instance.deprecated_calls', {
            code: 'scan_incomplete',
            found: `More than ${scan.limit} records mention Jira: the first ${scan.limit} were scanned.`,
            expected: `At most ${scan.limit} records to scan in one validation.`,
            fix: 'Review the remaining scripts that call Jira by hand (search /rest/api/ in script includes).',
        })
    }
    if (!result.hits.length && !scan.truncated)
        log.pass(
            'instance.deprecated_calls',
            `${result.scanned} record(s) that mention Jira scanned: no removed or deprecated Jira call found.`
        )
}
