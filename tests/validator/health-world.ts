/**
 * The health check core over the validator world (in-memory instance, Atlassian emulator on loopback): in-memory
 * health rows, an alert collector and an inventory built from the world's aliases and credentials.
 */
import type {
    AlertPort,
    HealthAlert,
    HealthInventoryPort,
    HealthState,
    HealthStorePort,
} from '../../src/server/core/health/model'
import { runHealthCheck, type HealthRunOptions, type HealthRunResult } from '../../src/server/core/health/runner'
import type { RunLockPort } from '../../src/server/core/health/single-flight'
import type { ClockPort, ConfigPort, HttpPort } from '../../src/server/core/ports'
import type { ValidationReport } from '../../src/server/core/report'
import { InMemoryConfig } from '../../harness/node-platform/in-memory-platform'
import { InMemoryRealPath } from '../../harness/node-platform/in-memory-real-path'
import { InMemorySpokeInbound } from '../../harness/node-platform/in-memory-spoke-inbound'
import { IDS, type World } from './world'

export class MemoryHealthStore implements HealthStorePort {
    readonly rows = new Map<string, HealthState>()
    read(table: string, sysId: string): HealthState | null {
        return this.rows.get(`${table}:${sysId}`) ?? null
    }
    write(state: HealthState): void {
        this.rows.set(`${state.subjectTable}:${state.subjectSysId}`, { ...state })
    }
    all(): HealthState[] {
        return [...this.rows.values()]
    }
}

export class AlertLog implements AlertPort {
    readonly fired: Array<{ alert: HealthAlert; subject: string }> = []
    fire(alert: HealthAlert, state: HealthState): void {
        this.fired.push({ alert, subject: state.subjectName })
    }
}

export function worldInventory(world: World): HealthInventoryPort {
    return {
        jiraAliasSysIds: () => {
            const root = world.state.aliases.filter((a) => a.id === 'x_jira_connect.Jira').map((a) => a.sysId)
            return [
                ...root,
                ...world.state.aliases.filter((a) => a.parentSysId && root.includes(a.parentSysId)).map((a) => a.sysId),
            ]
        },
        appOAuthCredentialSysIds: () => world.state.credentials.filter((c) => c.kind === 'oauth2').map((c) => c.sysId),
        refreshLifespanSec: () => 7776000,
        apiTokenInfo: () => null,
    }
}

export interface HealthHarness {
    store: MemoryHealthStore
    alerts: AlertLog
    runs: ValidationReport[]
    run(trigger?: 'scheduled' | 'on_demand', options?: HealthRunOptions): HealthRunResult
}

/** What a scenario may put between the health check and the world (a clock that follows world.advance, a fault). */
export interface HarnessOptions {
    clock?: ClockPort
    config?: (inner: ConfigPort) => ConfigPort
    http?: (inner: HttpPort) => HttpPort
    lock?: RunLockPort
}

export function healthHarness(world: World, opts: HarnessOptions = {}): HealthHarness {
    const store = new MemoryHealthStore()
    const alerts = new AlertLog()
    const runs: ValidationReport[] = []
    return {
        store,
        alerts,
        runs,
        run(trigger = 'scheduled', options = {}) {
            const config = new InMemoryConfig(world.state)
            const http = world.net.httpPort((a) => world.tokens.authorize(a))
            return runHealthCheck(
                {
                    config: opts.config ? opts.config(config) : config,
                    tokens: world.tokens,
                    http: opts.http ? opts.http(http) : http,
                    clock: opts.clock ?? world.clock,
                    // The instance side, when the world has one (world.realPath, world.spokeInbound).
                    realPath: world.realPath ? new InMemoryRealPath(world.realPath) : undefined,
                    spokeInbound: world.spokeInbound ? new InMemorySpokeInbound(world.spokeInbound) : undefined,
                    inventory: worldInventory(world),
                    health: store,
                    alerts,
                    lock: opts.lock,
                },
                trigger,
                {
                    saveRun: (report) => {
                        runs.push(report)
                        return `run${runs.length}`.padEnd(32, '0')
                    },
                },
                options
            )
        },
    }
}

/**
 * A clock that moves with world.advance (the platform's and Atlassian's clocks), for scenarios over days: call
 * `advance` instead of world.advance.
 */
export function followingClock(world: World): ClockPort & { advance(ms: number): void } {
    let offset = 0
    return {
        nowMs: () => Date.now() + offset,
        sleep: (ms) => world.clock.sleep(ms),
        advance(ms: number) {
            offset += ms
            world.advance(ms)
        },
    }
}

/**
 * Adds a child alias of the Jira alias (one per Jira site, ServiceNow's multi-site pattern). Its attribute defaults
 * are the parent's, as the Glide config reader merges them.
 */
export function addChildAlias(world: World, sysId: string, name: string, multipleConnections = false): void {
    const parent = world.state.aliases.find((a) => a.sysId === IDS.alias)
    const attributeDefaults = { ...(parent ? parent.attributeDefaults : {}) }
    world.state.aliases.push({
        sysId,
        id: `x_jira_connect.${name}`,
        name,
        parentSysId: IDS.alias,
        multipleConnections,
        attributeDefaults,
    })
}

/** The configuration as `inner` says, except that reading connection `sysId` throws (a GlideRecord error on it). */
export function connectionReadFails(sysId: string, message: string): (inner: ConfigPort) => ConfigPort {
    return (inner) => ({
        alias: (s) => inner.alias(s),
        connectionsOfAlias: (s) => inner.connectionsOfAlias(s),
        connectionsUsingCredential: (s) => inner.connectionsUsingCredential(s),
        credential: (s) => inner.credential(s),
        profile: (s) => inner.profile(s),
        registry: (s) => inner.registry(s),
        property: (n, f) => inner.property(n, f),
        instanceCallbackUrl: () => inner.instanceCallbackUrl(),
        connection: (s) => {
            if (s === sysId) throw new Error(message)
            return inner.connection(s)
        },
    })
}
