/**
 * Jira → ServiceNow benchmark (part of npm run bench). Not a test: figures for notes and regressions.
 * 1. What the inbound checks add to one validation (core over loopback HTTP to the emulator): calls by endpoint.
 * 2. The daily webhook refresh over 120 simulated days on the shipped package (target/*.zip, built by npm run build)
 *    in the Glide simulator: refresh calls per connection per day (at most 1), and all Atlassian calls.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { World } from '../harness/glide-simulator/world'
import { INSTANCE_URL, SITE, startWorld } from '../tests/validator/world'

const DAY = 86400000
const INBOUND = ['webhooks', 'webhooks-failed', 'admin-webhooks', 'webhook-refresh']

async function validationCalls(): Promise<void> {
    const w = await startWorld()
    try {
        const token = w.getOAuthToken().accessToken
        const r = w.net.request({
            method: 'POST',
            url: `https://api.atlassian.com/ex/jira/${SITE.cloudId}/rest/api/2/webhook`,
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({
                url: `${INSTANCE_URL}/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry`,
                webhooks: [{ events: ['jira:issue_updated'], jqlFilter: 'project = ACME' }],
            }),
            timeoutMs: 5000,
        })
        if (!r.ok || r.status !== 200) throw new Error('webhook registration failed')
        const times: number[] = []
        let calls = 0
        let inbound = 0
        for (let i = 0; i < 20; i++) {
            w.emu.clearRequests()
            const t0 = process.hrtime.bigint()
            const report = w.run()
            times.push(Number(process.hrtime.bigint() - t0) / 1e6)
            calls = report.calls
            inbound = w.emu.requests.filter((q) => q.target && INBOUND.includes(q.target)).length
            if (report.verdict !== 'pass') throw new Error(`unexpected verdict ${report.verdict}`)
        }
        times.sort((a, b) => a - b)
        console.log('Validation of a healthy OAuth connection with a dynamic webhook pointing here (20 runs)')
        console.log(
            `  calls ${calls} (outbound ${calls - inbound}, Jira -> ServiceNow ${inbound}: list, failed, admin list), ` +
                `median ${times[10].toFixed(1)} ms, max ${times[19].toFixed(1)} ms`
        )
    } finally {
        await w.close()
    }
}

async function dailyRefresh(days: number): Promise<void> {
    const zipPath = path.join(__dirname, '..', 'target', 'jira_cloud_connect_1_0_0.zip')
    if (!fs.existsSync(zipPath)) {
        console.log(
            `  (daily refresh not measured: ${path.relative(process.cwd(), zipPath)} missing: run npm run build)`
        )
        return
    }
    const w = await World.start({ source: { zipPath } })
    try {
        w.addAppAdmin()
        w.configureOAuth()
        await w.getOAuthToken('accept')
        const token = w.sim.storedTokens(w.ids.credential, w.ids.profile)!.accessToken!
        w.network.request({
            method: 'POST',
            url: `https://api.atlassian.com/ex/jira/${w.cloudId}/rest/api/2/webhook`,
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({
                url: `${w.sim.instanceUrl.replace(/\/$/, '')}/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry`,
                webhooks: [{ events: ['jira:issue_updated'], jqlFilter: 'project = ACME' }],
            }),
            timeoutMs: 5000,
        })
        w.sim.admin.clickUiAction('sys_alias', w.ids.alias, 'Validate all Jira connections')
        w.emu.clearRequests()
        const start = w.sim.clock.nowMs()
        const t0 = Date.now()
        let delivered = 0
        for (let d = 0; d < days; d++) {
            w.advanceWithJobs(DAY)
            if (w.emu.webhooks.fireEvent(w.cloudId, 'jira:issue_updated').some((x) => x.delivered)) delivered++
        }
        const perDay = new Map<number, number>()
        for (const q of w.emu.requestsTo('webhook-refresh')) {
            const day = Math.floor((q.time - start) / DAY)
            perDay.set(day, (perDay.get(day) || 0) + 1)
        }
        const refreshes = [...perDay.values()].reduce((a, b) => a + b, 0)
        const maxPerDay = Math.max(0, ...perDay.values())
        const all = w.emu.requests.length
        console.log(
            `Daily health job, 1 OAuth connection with a dynamic webhook, ${days} simulated days (shipped package)`
        )
        console.log(
            `  webhook refresh calls ${refreshes} on days ${[...perDay.keys()].join(', ')}; at most ${maxPerDay} per ` +
                `day; all Atlassian calls ${all} (${(all / days).toFixed(2)} a day); events delivered ${delivered}/` +
                `${days}; alerts ${w.sim.eventManager.emails.length}; ${((Date.now() - t0) / 1000).toFixed(1)} s`
        )
    } finally {
        await w.close()
    }
}

async function main(): Promise<void> {
    console.log('')
    console.log('Jira -> ServiceNow benchmark (emulator on loopback, real HTTP)')
    await validationCalls()
    await dailyRefresh(120)
}

main().catch((e) => {
    console.error(e)
    process.exit(1)
})
