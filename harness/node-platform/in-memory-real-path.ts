/**
 * In-memory RealPathPort (test code, never shipped): the MID settings, MID Servers, installed apps and alias templates
 * a validator scenario sets, as plain objects. The Glide adapter (src/server/glide/real-path-reader.ts) runs in
 * tests/e2e against the Glide simulator.
 */
import type {
    AliasTemplateInfo,
    InstalledApp,
    MidServer,
    MidSettings,
    RealPathPort,
    ScriptScan,
} from '../../src/server/core/real-path'
import type { ScriptSource } from '../../src/server/core/deprecated-calls'

export interface RealPathState {
    /** By connection sys_id; absent = no MID fields set. */
    mid: Record<string, MidSettings>
    mids: MidServer[]
    /** OAuth credential sys_ids with "Connect to Auth Server via MID Server". */
    tokenViaMid: string[]
    /** By scope. */
    apps: Record<string, InstalledApp>
    /** By sys_alias.id. */
    templates: Record<string, AliasTemplateInfo>
    /** Scripts and REST definitions that mention Jira (the adapter's query result). */
    scripts: ScriptSource[]
    /** Time one record read takes (a slow instance), ms; default 0. */
    readDelayMs?: number
    /** By method: that read throws this, as a GlideRecord call can on an instance (a fault to inject). */
    readErrors?: Partial<Record<keyof RealPathPort, string>>
}

function busyWait(ms: number): void {
    const until = Date.now() + ms
    while (Date.now() < until) {
        /* a slow GlideRecord read */
    }
}

export class InMemoryRealPath implements RealPathPort {
    constructor(private readonly s: RealPathState) {}

    private fault(read: keyof RealPathPort): void {
        const message = this.s.readErrors && this.s.readErrors[read]
        if (message) throw new Error(message)
    }

    midSettings(connectionSysId: string): MidSettings | null {
        this.fault('midSettings')
        const m = this.s.mid[connectionSysId]
        return m ? { ...m, capabilities: [...m.capabilities] } : null
    }
    midServers(): MidServer[] {
        this.fault('midServers')
        return this.s.mids.map((m) => ({ ...m, capabilities: [...m.capabilities], clusters: [...m.clusters] }))
    }
    tokenViaMid(credentialSysId: string): boolean {
        this.fault('tokenViaMid')
        return this.s.tokenViaMid.indexOf(credentialSysId) >= 0
    }
    installedApp(scope: string): InstalledApp | null {
        this.fault('installedApp')
        return this.s.apps[scope] ? { ...this.s.apps[scope] } : null
    }
    aliasTemplate(aliasId: string): AliasTemplateInfo | null {
        this.fault('aliasTemplate')
        const t = this.s.templates[aliasId]
        return t ? JSON.parse(JSON.stringify(t)) : null
    }
    /** Reads like the adapter: one record at a time, checking the time every 100 (real-path-reader.ts). */
    jiraScripts(limit: number, timeUp: () => boolean = () => false): ScriptScan {
        this.fault('jiraScripts')
        const sources: ScriptSource[] = []
        for (const s of this.s.scripts.slice(0, limit)) {
            if (sources.length % 100 === 0 && timeUp()) return { sources, truncated: false, limit, outOfTime: true }
            if (this.s.readDelayMs) busyWait(this.s.readDelayMs)
            sources.push(s)
        }
        return { sources, truncated: this.s.scripts.length > limit, limit }
    }
}
