/**
 * The instance side of a run: reads of platform tables through RealPathPort and SpokeInboundPort (MID Servers, the
 * Jira spoke, alias templates, the spoke's inbound records, the deprecation scan). A platform error there (a table
 * this scope may not read under Runtime Access Tracking, a GlideRecord exception) costs only the checks of the part
 * that threw: each one it had not logged yet says "Not checked" with the error, and the checks the Jira calls proved
 * keep their results. Without this the whole run ended as validator.internal and the admin lost the outbound verdict.
 */
import type { CheckId } from './catalogue'
import type { CheckLog } from './report'
import { safeText } from './sanitize'

/** One instance-side part of a run. Texts are for the admin: no check ids (issue 17 §7). */
export interface InstancePart {
    /** What the part was doing, e.g. "reading the Jira spoke's records". */
    what: string
    /** The checks the part logs. */
    ids: readonly CheckId[]
    /** The next step for the admin, a sentence ending with a full stop. */
    next: string
}

/**
 * Runs `read` (an instance-side part); on an exception, logs each of the part's checks not logged yet as skipped
 * with the reason, and answers `otherwise`. Only the message's first line is kept, sanitised: no stack, no secret.
 */
export function guardInstanceRead<T>(log: CheckLog, part: InstancePart, read: () => T, otherwise: T): T {
    try {
        return read()
    } catch (e) {
        const message = String((e as { message?: unknown } | null)?.message || e).split(/\r?\n/)[0]
        const why =
            `Not checked: ${part.what} on this instance failed (${safeText(message, 160)}). ` +
            `The rest of this validation stands; ${part.next}`
        for (const id of part.ids) if (!log.result(id)) log.skip(id, why)
        return otherwise
    }
}

/** Where an admin allows a scoped app's reads of another scope's tables (docs/assumptions.md A10). */
const CROSS_SCOPE_ACCESS =
    'System Applications > Application Cross-Scope Access, source scope x_jira_connect: no Requested rows'
const mayRead = (tables: string) =>
    `check that this application may read ${tables} (${CROSS_SCOPE_ACCESS}), then validate again.`

/** The instance-side parts of a run (validator.ts), each with the tables its adapter reads (src/server/glide/). */
export const INSTANCE_PARTS: Record<'mid' | 'template' | 'scan' | 'spokeInbound', InstancePart> = {
    mid: {
        what: "reading the connection's MID Server settings",
        ids: ['path.mid'],
        next:
            'its Jira calls went directly from the instance, not through the MID Server: ' +
            mayRead('http_connection, oauth_2_0_credentials, ecc_agent and its capability and cluster tables'),
    },
    template: {
        what: "reading the alias's configuration template",
        ids: ['config.auth_standing'],
        next: mayRead('sys_alias and sys_alias_templates'),
    },
    scan: {
        what: "scanning this instance's scripts for Jira calls",
        ids: ['instance.deprecated_calls'],
        next: mayRead('REST messages, flow step inputs, script includes and business rules'),
    },
    spokeInbound: {
        what: "reading the Jira spoke's records",
        ids: ['inbound.instance_registry', 'inbound.instance_trigger'],
        next: mayRead("the Jira spoke's webhook registry, token and external trigger tables"),
    },
}

/** instance.jira_spoke, and instance.alias_template when the run has an alias (checkInstanceStanding). */
export function standingPart(withAlias: boolean): InstancePart {
    return {
        what: "reading the Jira spoke's version and the alias's configuration template",
        ids: withAlias ? ['instance.jira_spoke', 'instance.alias_template'] : ['instance.jira_spoke'],
        next: mayRead('sys_store_app, sys_scope, sys_alias and sys_alias_templates'),
    }
}

/** The checks the instance-side parts log (standingPart with an alias logs the most). */
const INSTANCE_PART_IDS: readonly string[] = [
    ...Object.keys(INSTANCE_PARTS).map((k) => INSTANCE_PARTS[k as keyof typeof INSTANCE_PARTS]),
    standingPart(true),
].reduce((ids: string[], p) => ids.concat(p.ids), [])

/** A check an instance-side part logs: its skip says what could not be read here, not why Jira was not called. */
export function isInstancePartCheck(id: string): boolean {
    return INSTANCE_PART_IDS.indexOf(id) >= 0
}
