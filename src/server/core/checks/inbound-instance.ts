/**
 * Check group "Jira → ServiceNow", the instance side: what the Jira spoke has on this instance for Jira to call. No
 * call: it reads the instance (SpokeInboundPort) and compares with the Jira webhooks the inbound checks listed.
 * - inbound.instance_registry: Jira Webhook Registry records (ServiceNow docs setup-jira302-webhooks: Name, Token,
 *   Path, default api/sn_jira_spoke/jira_webhook_callbacks/wh_entry; token-based or HMAC-based callback URL, HMAC from
 *   spoke 5.4.0, Store release notes) and whether a Jira webhook pointing here has each one's path.
 * - inbound.instance_token: the token_verification record a registry names (docs: Name, Description, Token). For an
 *   HMAC-based URL the same token is the secret pasted in Jira's webhook "Secret" field (same doc), which Jira signs
 *   each call with (X-Hub-Signature, HMAC-SHA256: Atlassian "Managing webhooks"); where the registry references a
 *   hash_message_verification record instead (not documented, A53), that record. An HMAC secret record missing or
 *   inactive has its own codes: the spoke has nothing to check Jira's signature with.
 * - inbound.instance_trigger: Jira External Trigger endpoints and the user selected to trigger them (docs
 *   jira-ext-trigger: "Select the user who can trigger the endpoint and click Activate").
 * Where the tables and fields are not documented, the adapter says so (docs/assumptions.md, "spoke inbound" rows).
 * Never a token or secret value: the port does not carry one.
 */
import type { CallbackView, InboundInstance, WebhookView } from './inbound'
import type { RealPathPort } from '../real-path'
import type { RegistryRecord, SpokeInboundPort, TriggerRecord } from '../spoke-inbound'
import { checkSpec } from '../catalogue'
import type { CheckLog } from '../report'
import { fieldText } from '../sanitize'

export const SPOKE_SCOPE = 'sn_jira_spoke'
/** The Path a new registry record gets (setup-jira302-webhooks). */
export const DEFAULT_CALLBACK_PATH = 'api/sn_jira_spoke/jira_webhook_callbacks/wh_entry'

/** The Jira webhooks this run listed, for the comparison; null when Jira's side was not read. */
export interface JiraSide {
    /** Webhooks pointing at this instance (dynamic and admin), enabled or not. */
    webhooks: WebhookView[]
    /** false: the admin webhooks could not be listed (no Administer Jira), so a callback may be in use unseen. */
    complete: boolean
    /** Why a callback may be in use unseen, when not the admin webhooks (e.g. a connection whose list was not read). */
    unknownWhy?: string
}

/** The path of a URL or a Path field: no scheme, host, query, leading or trailing slash; lower case. */
export function callbackPath(urlOrPath: string): string {
    const text = String(urlOrPath || '').trim()
    const noHost = text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
    return noHost
        .replace(/[?#].*$/, '')
        .replace(/^\/+|\/+$/g, '')
        .toLowerCase()
}

const list = (views: CallbackView[]) => views.map((v) => `"${v.name}" (/${v.path})`).join('; ')
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

function matchesOf(path: string, jira: JiraSide | null): string[] | null {
    if (!jira) return null
    const p = callbackPath(path)
    return jira.webhooks.filter((h) => callbackPath(h.url) === p).map((h) => `${h.kind} #${h.id}`)
}

function registryView(r: RegistryRecord, jira: JiraSide | null): CallbackView {
    return {
        kind: 'registry',
        name: fieldText(r.name, 80),
        path: fieldText(callbackPath(r.path), 200),
        auth: r.auth,
        active: r.active,
        verification: fieldText(secretName(r), 80),
        runAs: '',
        matchedBy: matchesOf(r.path, jira),
        problem: '',
    }
}

/** The HMAC secret lives in hash_message_verification (A53), not in the Token field's record. */
const hashHeld = (r: RegistryRecord) => r.auth === 'hmac' && !!r.hashSecret

/** Name of the record the callback is checked with: the hash_message_verification one, else the Token's. */
function secretName(r: RegistryRecord): string {
    if (hashHeld(r)) return r.hashSecret!.record ? r.hashSecret!.record.name : ''
    return r.token ? r.token.name : ''
}

function triggerView(t: TriggerRecord, jira: JiraSide | null): CallbackView {
    return {
        kind: 'trigger',
        name: fieldText(t.name, 80),
        path: fieldText(callbackPath(t.path), 200),
        auth: 'token',
        active: t.active,
        verification: '',
        runAs: t.runAs ? fieldText(t.runAs.userName, 80) : '',
        matchedBy: matchesOf(t.path, jira),
        problem: '',
    }
}

/** Runs the three checks once per validation; returns what it saw for InboundResult.instance. */
export function checkInboundInstance(
    log: CheckLog,
    realPath: RealPathPort,
    port: SpokeInboundPort,
    jira: JiraSide | null,
    nowMs: number
): InboundInstance {
    const spoke = realPath.installedApp(SPOKE_SCOPE)
    if (!spoke) {
        log.pass(
            'inbound.instance_registry',
            'The Jira spoke is not installed on this instance, so no Jira webhook calls it through the spoke.',
            'spoke_not_installed'
        )
        return { spoke: null, callbacks: [] }
    }
    const seen = port.read()
    const registries = seen.registries.map((r) => registryView(r, jira))
    const triggers = seen.triggers.map((t) => triggerView(t, jira))
    checkRegistries(log, seen.registryTable, seen.registries, registries, jira)
    if (log.ready('inbound.instance_token')) checkTokens(log, seen.registries, registries, nowMs)
    checkTriggers(log, seen.triggerTable, seen.triggers, triggers, jira)
    return { spoke: { version: fieldText(spoke.version, 20) }, callbacks: [...registries, ...triggers] }
}

function checkRegistries(
    log: CheckLog,
    table: string,
    records: RegistryRecord[],
    views: CallbackView[],
    jira: JiraSide | null
): void {
    const id = 'inbound.instance_registry'
    const atSpoke = jira ? jira.webhooks.filter((h) => callbackPath(h.url).indexOf('api/sn_jira_spoke/') === 0) : []
    if (!table) {
        log.pass(
            id,
            'The Jira spoke is installed, but this validation found no Jira Webhook Registry table to read (its name ' +
                'is not documented). Check by hand: All > Jira Webhooks > Jira Webhook Registries.',
            'registry_table_unknown'
        )
        return
    }
    const active = views.filter((v) => v.active)
    if (active.length === 0) {
        const hooks = atSpoke.map((h) => `${h.kind} #${h.id} ${h.url}`).join('; ')
        if (atSpoke.length > 0) {
            log.warn(id, {
                code: 'no_registry',
                found:
                    `Jira sends webhooks to the Jira spoke on this instance (${hooks}), but it has no active Jira ` +
                    `Webhook Registry record${records.length ? ` (${records.length} inactive)` : ''}: those calls ` +
                    'are not accepted.',
                expected: `An active Jira Webhook Registry record with the webhook's path (${DEFAULT_CALLBACK_PATH}).`,
                fix:
                    'Create one: All > Jira Webhooks > Jira Webhook Registries > New, with a token ' +
                    '(token_verification) ' +
                    "and the Path of Jira's webhook; then copy its callback URL into the webhook in Jira.",
            })
            return
        }
        log.pass(
            id,
            'The Jira spoke is installed and has no active Jira Webhook Registry record: nothing here receives Jira ' +
                'webhooks through it. Fine if Jira does not call this instance.',
            'none_configured'
        )
        return
    }
    const how = (v: CallbackView) =>
        `"${v.name}" (/${v.path}, ${v.auth === 'unknown' ? 'callback type not shown' : `${v.auth}-based`}` +
        `${v.matchedBy && v.matchedBy.length ? `, called by Jira ${v.matchedBy.join(', ')}` : ''})`
    if (jira && !jira.complete) {
        log.pass(
            id,
            `${active.length} Jira Webhook Registry record(s): ${active.map(how).join('; ')}. Which of them Jira ` +
                `calls is not known: ${jira.unknownWhy || 'listing admin webhooks needs a Jira administrator'}` +
                (jira.unknownWhy ? '.' : ` (see "${checkSpec('inbound.admin_webhooks').title}").`),
            'match_unknown'
        )
        return
    }
    const unmatched = jira ? active.filter((v) => v.matchedBy !== null && v.matchedBy.length === 0) : []
    const hereList = jira ? jira.webhooks.map((h) => h.url).join(', ') : ''
    for (const v of unmatched) v.problem = 'no Jira webhook pointing here uses this path'
    if (unmatched.length > 0) {
        log.warn(id, {
            code: 'callback_unmatched',
            found:
                `No Jira webhook pointing at this instance uses the callback path of ${list(unmatched)}` +
                `${hereList ? ` (webhooks here: ${hereList})` : ''}` +
                ': Jira sends it nothing.',
            expected: "A Jira webhook whose URL is the registry record's callback URL.",
            fix:
                'Open the registry record, copy its callback URL (token- or HMAC-based) and use it as the URL of the ' +
                'webhook in Jira (Settings > System > WebHooks), or delete the record if it is no longer used.',
        })
        return
    }
    // Only admin webhooks carry a secret (Atlassian "Secure admin webhooks"); the dynamic-webhook registration API
    // has no secret field, so an HMAC-based callback called only by dynamic webhooks never gets an X-Hub-Signature.
    const unsigned = jira
        ? active.filter(
              (v) =>
                  v.auth === 'hmac' &&
                  v.matchedBy !== null &&
                  v.matchedBy.length > 0 &&
                  v.matchedBy.every((m) => m.indexOf('dynamic ') === 0)
          )
        : []
    for (const v of unsigned) v.problem = 'HMAC-based, but only dynamic webhooks (unsigned) call it'
    if (unsigned.length > 0) {
        log.warn(id, {
            code: 'hmac_unsigned_caller',
            found:
                `HMAC-based Jira Webhook Registry record(s) ${unsigned.map(how).join('; ')} are called only by ` +
                "dynamic webhooks of an OAuth app. Jira signs those with a JWT, not with the webhook secret's " +
                'X-Hub-Signature the HMAC-based callback checks, so their calls cannot be verified there.',
            expected: "An HMAC-based callback called by an admin webhook whose Secret is the registry's secret.",
            fix:
                'Use the token-based callback URL of the registry record for the dynamic webhooks, or create an ' +
                "admin webhook (Jira settings > System > WebHooks) with the HMAC-based URL and the registry's " +
                'secret in its Secret field.',
        })
        return
    }
    log.pass(id, `${active.length} active Jira Webhook Registry record(s): ${active.map(how).join('; ')}.`)
}

type Pair = { r: RegistryRecord; v: CallbackView }
const names = (xs: Pair[]) => xs.map((x) => `"${x.v.name}"`).join(', ')
const SIGNED = "Jira signs each call to an HMAC-based callback with the webhook's secret (X-Hub-Signature, HMAC-SHA256)"

function checkTokens(log: CheckLog, records: RegistryRecord[], views: CallbackView[], nowMs: number): void {
    const id = 'inbound.instance_token'
    const pairs = records.map((r, i) => ({ r, v: views[i] })).filter((x) => x.v.active)
    if (pairs.length === 0) return
    const hmac = pairs.filter((x) => x.r.auth === 'hmac')
    const plain = pairs.filter((x) => x.r.auth !== 'hmac')
    // The token_verification record is the secret of an HMAC-based callback unless a hash record holds it (A53).
    const byToken = pairs.filter((x) => !hashHeld(x.r))
    const missing = plain.filter((x) => !x.r.token)
    for (const x of missing) x.v.problem = x.r.tokenSet ? 'its token record is gone' : 'no token'
    if (missing.length > 0) {
        log.fail(id, {
            code: 'token_missing',
            found:
                `Jira Webhook Registry record(s) ${names(missing)} name no token verification record ` +
                `(${missing.map((x) => (x.r.tokenSet ? 'the one named is gone' : 'Token empty')).join(', ')}): ` +
                'the spoke cannot check the token of a call.',
            expected: 'Each registry record naming an existing token_verification record.',
            fix:
                'Create a token (token_verification.list > New: Name, Token), select it in the Token field of the ' +
                'registry record, then copy the new callback URL into the webhook in Jira.',
        })
        return
    }
    if (checkHmacSecrets(log, hmac)) return
    const inactive = plain.filter((x) => x.r.token && x.r.token.active === false)
    for (const x of inactive) x.v.problem = `token "${x.v.verification}" inactive`
    if (inactive.length > 0) {
        log.fail(id, {
            code: 'token_inactive',
            found:
                `The token verification record(s) of ${names(inactive)} ` +
                `(${inactive.map((x) => `"${x.v.verification}"`).join(', ')}) are inactive: the callback refuses Jira.`,
            expected: 'An active token_verification record.',
            fix: 'Open the token record (token_verification.list) and set it Active, or select an active token.',
        })
        return
    }
    const expired = byToken.filter((x) => x.r.token && x.r.token.expiresAtMs !== null && x.r.token.expiresAtMs <= nowMs)
    for (const x of expired) x.v.problem = `token "${x.v.verification}" expired`
    if (expired.length > 0) {
        log.fail(id, {
            code: 'token_expired',
            found:
                `The token verification record(s) of ${names(expired)} expired: ` +
                expired.map((x) => `"${x.v.verification}" on ${day(x.r.token!.expiresAtMs as number)}`).join(', ') +
                '.',
            expected: 'A token_verification record with no expiry, or one in the future.',
            fix:
                'Create a new token (token_verification.list > New), select it on the registry record, and paste ' +
                'the new callback URL (or secret, HMAC-based) into the webhook in Jira.',
        })
        return
    }
    const shown = (x: Pair) =>
        hashHeld(x.r)
            ? `"${x.v.verification}" (HMAC secret, hash_message_verification)`
            : `"${x.v.verification}"${x.r.auth === 'hmac' ? ' (HMAC secret)' : ''}`
    log.pass(id, `Token verification record(s) present and active: ${pairs.map(shown).join(', ')}.`)
}

/** HMAC-based records: the secret record is missing or inactive. Logs the failure and returns true, if any. */
function checkHmacSecrets(log: CheckLog, hmac: Pair[]): boolean {
    const id = 'inbound.instance_token'
    const where = (x: Pair) => (hashHeld(x.r) ? 'hash_message_verification' : 'token_verification')
    const lacking = (x: Pair) =>
        hashHeld(x.r)
            ? x.r.hashSecret!.set
                ? `the hash_message_verification record in ${fieldText(x.r.hashSecret!.field, 40)} is gone`
                : `no hash_message_verification record in ${fieldText(x.r.hashSecret!.field, 40)}`
            : x.r.tokenSet
              ? 'the token_verification record in Token is gone'
              : 'Token empty'
    const missing = hmac.filter((x) => (hashHeld(x.r) ? !x.r.hashSecret!.record : !x.r.token))
    for (const x of missing) x.v.problem = 'no HMAC secret record'
    const tables = (xs: Pair[]) => Array.from(new Set(xs.map(where)))
    const recordFix = (xs: Pair[]) =>
        tables(xs)
            .map((t) =>
                t === 'token_verification'
                    ? 'create a token (token_verification.list > New: Name, Token) and select it in the Token field ' +
                      'of the registry record'
                    : 'create a secret (hash_message_verification.list > New: Name, Secret) and select it on the ' +
                      'registry record'
            )
            .join('; or ')
    if (missing.length > 0) {
        log.fail(id, {
            code: 'hmac_secret_missing',
            found:
                `HMAC-based Jira Webhook Registry record(s) ${names(missing)} have no secret record ` +
                `(${missing.map(lacking).join(', ')}). ${SIGNED}: without the record the spoke has nothing to ` +
                'check the signature with, so it cannot accept those calls.',
            expected:
                'Each HMAC-based registry record naming an existing secret record: the token_verification record ' +
                'of its Token field (ServiceNow, "Set up a bi-directional webhook for the Jira spoke"), or the ' +
                'hash_message_verification record it references.',
            fix:
                `${recordFix(missing).replace(/^c/, 'C')}; then paste the same value into the Secret field of ` +
                "the Jira webhook (Jira settings > System > WebHooks), so both sides sign with it. Keep 'HMAC-based " +
                "Callback URL' on the registry record.",
        })
        return true
    }
    const inactive = hmac.filter((x) => {
        const rec = hashHeld(x.r) ? x.r.hashSecret!.record : x.r.token
        return !!rec && rec.active === false
    })
    for (const x of inactive) x.v.problem = `HMAC secret "${x.v.verification}" inactive`
    if (inactive.length > 0) {
        log.fail(id, {
            code: 'hmac_secret_inactive',
            found:
                `The HMAC secret record(s) of ${names(inactive)} are inactive: ` +
                `${inactive.map((x) => `${where(x)} "${x.v.verification}"`).join(', ')}. ${SIGNED}; ` +
                'with the record inactive the spoke refuses them.',
            expected: 'An active secret record for each HMAC-based registry record.',
            fix:
                `Open the record (${tables(inactive)
                    .map((t) => `${t}.list`)
                    .join(' or ')}) and set it Active, or select an active one whose secret is the Jira ` +
                "webhook's Secret.",
        })
        return true
    }
    return false
}

function checkTriggers(
    log: CheckLog,
    table: string,
    records: TriggerRecord[],
    views: CallbackView[],
    jira: JiraSide | null
): void {
    const id = 'inbound.instance_trigger'
    if (!table) {
        log.pass(
            id,
            'The Jira External Trigger endpoints could not be read on this instance. Check by hand: Workflow ' +
                'Studio > Integrations > Inbound > Jira Spoke > Jira External Trigger.',
            'trigger_table_unknown'
        )
        return
    }
    const pairs = records.map((t, i) => ({ t, v: views[i] })).filter((x) => x.t.active)
    if (pairs.length === 0) {
        log.pass(id, 'No active Jira External Trigger endpoint: no flow is triggered by Jira through it.', 'no_trigger')
        return
    }
    const names = (xs: typeof pairs) => xs.map((x) => `"${x.v.name}" (/${x.v.path})`).join('; ')
    const fixUser =
        'In Workflow Studio > Integrations > Inbound > Jira Spoke > Jira External Trigger > Configure, select an ' +
        'active user with the roles the endpoint needs, and Activate it again.'
    const missing = pairs.filter((x) => !x.t.runAs)
    if (missing.length > 0) {
        for (const x of missing) x.v.problem = 'no run-as user'
        log.fail(id, {
            code: 'run_as_missing',
            found:
                `Active Jira External Trigger endpoint(s) ${names(missing)} have ` +
                `${missing.some((x) => x.t.runAsSet) ? 'a run-as user that no longer exists' : 'no run-as user'}.`,
            expected: 'The user who may trigger the endpoint, selected when it was activated.',
            fix: fixUser,
        })
        return
    }
    const inactive = pairs.filter((x) => x.t.runAs && !x.t.runAs.active)
    if (inactive.length > 0) {
        for (const x of inactive) x.v.problem = `run-as user ${x.v.runAs} inactive`
        log.fail(id, {
            code: 'run_as_inactive',
            found: `The run-as user of ${names(inactive)} is inactive: ${inactive.map((x) => x.v.runAs).join(', ')}.`,
            expected: 'An active run-as user.',
            fix: fixUser,
        })
        return
    }
    const lacking = pairs
        .map((x) => ({ ...x, lack: x.t.requiredRoles.filter((r) => x.t.runAs!.roles.indexOf(r) < 0) }))
        .filter((x) => x.lack.length > 0)
    if (lacking.length > 0) {
        for (const x of lacking) x.v.problem = `run-as user lacks ${x.lack.join(', ')}`
        log.fail(id, {
            code: 'run_as_roles_missing',
            found: lacking
                .map(
                    (x) =>
                        `"${x.v.name}": run-as user ${x.v.runAs} lacks ` +
                        x.lack.map((r) => fieldText(r, 60)).join(', ')
                )
                .join('; '),
            expected: 'A run-as user with every role the endpoint requires.',
            fix: `Give the user those roles (User Administration > Users > Roles), or select another user. ${fixUser}`,
        })
        return
    }
    const unmatched = jira && jira.complete ? pairs.filter((x) => x.v.matchedBy && x.v.matchedBy.length === 0) : []
    if (unmatched.length > 0) {
        for (const x of unmatched) x.v.problem = 'no Jira webhook pointing here uses this path'
        log.warn(id, {
            code: 'callback_unmatched',
            found: `No Jira webhook pointing at this instance uses the endpoint URL of ${names(unmatched)}.`,
            expected: "A Jira webhook whose URL is the endpoint's generated URL.",
            fix:
                'Copy the endpoint URL (Workflow Studio > Integrations > Inbound > Jira Spoke) into a webhook in ' +
                'Jira (Settings > System > WebHooks), or deactivate the endpoint if it is no longer used.',
        })
        return
    }
    log.pass(
        id,
        `${pairs.length} active Jira External Trigger endpoint(s): ` +
            `${pairs.map((x) => `"${x.v.name}" (/${x.v.path}) runs as ${x.v.runAs}`).join('; ')}.`
    )
}
