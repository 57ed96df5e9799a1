/**
 * Validator benchmark (npm run bench): calls made and wall time against the Atlassian emulator over real loopback HTTP,
 * for the happy path (with the capability round, and with it not due: the sign-in only, as before it existed),
 * listed projects and issue types, a service account, an expired access token (one refresh), a hanging endpoint
 * (10 s per-call timeout, 45 s budget), and the deprecation scan at its bound (10,000 scripts). Not a test: it prints
 * figures for notes and regressions.
 */
import type { ValidateOptions } from '../src/server/core/validator'
import { startWorld, type World } from '../tests/validator/world'

interface Row {
    scenario: string
    runs: number
    calls: number
    verdict: string
    medianMs: number
    maxMs: number
}

function measure(w: World, scenario: string, runs: number, prepare: () => void, options: ValidateOptions = {}): Row {
    const times: number[] = []
    let calls = 0
    let verdict = ''
    for (let i = 0; i < runs; i++) {
        prepare()
        const t0 = process.hrtime.bigint()
        const report = w.run(undefined, undefined, options)
        times.push(Number(process.hrtime.bigint() - t0) / 1e6)
        calls = report.calls
        verdict = report.verdict
    }
    times.sort((a, b) => a - b)
    return {
        scenario,
        runs,
        calls,
        verdict,
        medianMs: round(times[Math.floor(times.length / 2)]),
        maxMs: round(times[times.length - 1]),
    }
}

const round = (n: number) => Math.round(n * 10) / 10

async function main(): Promise<void> {
    const rows: Row[] = []
    const w = await startWorld()
    try {
        w.getOAuthToken()
        w.run() // warm-up: worker threads, JIT
        rows.push(measure(w, 'happy path (OAuth 3LO, with the capability round)', 50, () => undefined))
        // Sign-in only, as before the capability round (what a health check with the round not due makes).
        const notDue = { capability: { due: () => false, cached: () => null } }
        rows.push(measure(w, 'happy path (OAuth 3LO, capability round not due)', 50, () => undefined, notDue))
        w.state.properties['x_jira_connect.capability.projects'] = 'SUP/Task'
        rows.push(measure(w, 'OAuth 3LO, one project and issue type listed', 50, () => undefined))
        for (const key of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9'])
            w.emu.addProject({ cloudId: w.state.connections[0].url.split('/').pop()!, key })
        w.state.properties['x_jira_connect.capability.projects'] = 'SUP, P1, P2, P3, P4, P5, P6, P7, P8, P9'
        rows.push(measure(w, 'OAuth 3LO, 10 projects listed (one bulk check)', 50, () => undefined))
        w.state.properties['x_jira_connect.capability.projects'] = ''
        w.useServiceAccount()
        w.getServiceAccountToken()
        rows.push(measure(w, 'happy path (service account, with the round)', 50, () => undefined))
        for (const c of w.state.connections) c.active = c.name === 'Jira Cloud OAuth Connection'
        rows.push(measure(w, 'expired access token (refresh + rotate)', 20, () => w.advance(2 * 3600e3)))
        // The deprecation scan at its bound: 10,000 scripts that mention Jira, ~4 KB each, 1 in 10 calling /search.
        w.realPath = {
            mid: {},
            mids: [],
            tokenViaMid: [],
            apps: {},
            templates: {},
            scripts: Array.from({ length: 10000 }, (_, i) => ({
                table: 'sys_script_include',
                sysId: i.toString(16).padStart(32, '0'),
                name: `JiraCaller${i}`,
                field: 'script',
                text:
                    `// Jira caller ${i}\n` +
                    'var r = new sn_ws.RESTMessageV2(); r.setHttpMethod("get"); // padding\n'.repeat(55) +
                    (i % 10 === 0
                        ? "r.setEndpoint(base + '/rest/api/2/search?jql=' + q)\n"
                        : "r.setEndpoint(base + '/rest/api/3/search/jql')\n"),
            })),
        }
        rows.push(measure(w, 'happy path + deprecation scan of 10,000 scripts', 5, () => undefined))
        // A slow instance (1 ms per record read, 10 s for all) with a 5 s budget: the scan stops at the budget.
        w.realPath.readDelayMs = 1
        w.state.properties['x_jira_connect.validation_budget_ms'] = '5000'
        w.state.properties['x_jira_connect.http_timeout_ms'] = '1000'
        rows.push(measure(w, 'scan, 1 ms per record read, 5 s budget', 1, () => undefined))
        delete w.state.properties['x_jira_connect.validation_budget_ms']
        delete w.state.properties['x_jira_connect.http_timeout_ms']
        w.realPath = null
        w.useBasic()
        rows.push(measure(w, 'happy path (basic auth)', 50, () => undefined))
        for (const c of w.state.connections) c.active = c.name === 'Jira Cloud OAuth Connection'
        w.emu.setFault('accessible-resources', 'hang')
        rows.push(measure(w, 'accessible-resources hangs (defaults: 10 s timeout)', 1, () => undefined))
        w.emu.clearFaults()
        w.state.aliases[0].multipleConnections = true
        const base = w.state.connections[0]
        for (let i = 2; i <= 6; i++)
            w.state.connections.push({
                ...base,
                sysId: `c0aa00000000000000000000000000${i}0`,
                name: `Jira Cloud OAuth Connection ${i}`,
            })
        w.emu.setFault('accessible-resources', 'hang')
        rows.push(measure(w, '6 connections, all hang (45 s budget)', 1, () => undefined))
    } finally {
        await w.close()
    }
    console.log('Jira connection validator benchmark (emulator on loopback, real HTTP)')
    console.log(`node ${process.version}, ${new Date().toISOString()}`)
    console.log('')
    console.log(['scenario'.padEnd(52), 'runs', 'calls', 'verdict', 'median ms', 'max ms'].join('  '))
    for (const r of rows) {
        console.log(
            [
                r.scenario.padEnd(52),
                String(r.runs).padStart(4),
                String(r.calls).padStart(5),
                r.verdict.padEnd(7),
                String(r.medianMs).padStart(9),
                String(r.maxMs).padStart(7),
            ].join('  ')
        )
    }
}

main().catch((e) => {
    console.error(e)
    process.exit(1)
})
