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
import { runHealthCheck, type HealthRunResult } from '../../src/server/core/health/runner'
import type { ValidationReport } from '../../src/server/core/report'
import { InMemoryConfig } from '../../harness/node-platform/in-memory-platform'
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
    run(trigger?: 'scheduled' | 'on_demand'): HealthRunResult
}

export function healthHarness(world: World): HealthHarness {
    const store = new MemoryHealthStore()
    const alerts = new AlertLog()
    const runs: ValidationReport[] = []
    return {
        store,
        alerts,
        runs,
        run(trigger = 'scheduled') {
            return runHealthCheck(
                {
                    config: new InMemoryConfig(world.state),
                    tokens: world.tokens,
                    http: world.net.httpPort((a) => world.tokens.authorize(a)),
                    clock: world.clock,
                    inventory: worldInventory(world),
                    health: store,
                    alerts,
                },
                trigger,
                {
                    saveRun: (report) => {
                        runs.push(report)
                        return `run${runs.length}`.padEnd(32, '0')
                    },
                }
            )
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
