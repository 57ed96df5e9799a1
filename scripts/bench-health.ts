/**
 * Health check benchmark (part of npm run bench): one health run over 1, 10 and 50 OAuth connections against the
 * Atlassian emulator on loopback (real HTTP), half of them sharing a credential in pairs (two sites per consent).
 * Prints the calls made next to what validating each connection on its own costs, measured: one validation per
 * connection on the same world (the Validate button on each row: no shared credential cache, the capability round
 * every time; and with the round not due, the sign-in only). With the per-run credential cache the health check
 * makes one accessible-resources call per distinct credential, not per connection. Then a second run an hour later:
 * the capability round (project search, bulk permission check) is due at most once a day per connection, so that
 * run makes only the sign-in and webhook calls. Not a test: figures for notes and regressions.
 */
import { REQUIRED_JIRA_SCOPES } from '../src/server/core/jira-scopes'
import { followingClock, healthHarness } from '../tests/validator/health-world'
import { APP, IDS, OTHER_SITE, SITE, startWorld, USER } from '../tests/validator/world'

interface Row {
    connections: number
    credentials: number
    calls: number
    /** Calls of a second run an hour later, when no capability round is due (at most one a day per connection). */
    callsNotDue: number
    /** Bulk permission checks in the first run and in the second. */
    permissionChecks: number
    permissionChecksNotDue: number
    /** Token refreshes in the second run: an access token lasts an hour, so each credential refreshes once. */
    refreshesNotDue: number
    shared: number
    /** Calls of one validation per connection, with the capability round (Validate) and without it (sign-in only). */
    oneByOne: number
    oneByOneNotDue: number
    ms: number
    verdicts: string
}

async function measure(n: number): Promise<Row> {
    const w = await startWorld()
    try {
        w.state.aliases[0].multipleConnections = true
        const base = w.state.credentials.find((c) => c.sysId === IDS.oauthCredential)!
        const half = Math.floor(n / 2)
        const credentialOf = (i: number) => (i < half ? Math.floor(i / 2) : i - half + Math.ceil(half / 2))
        const credIds = new Set<string>()
        w.state.connections = []
        w.state.credentials = []
        for (let i = 0; i < n; i++) {
            const site = i % 2 === 0 ? SITE : OTHER_SITE
            const cred = `cced${String(credentialOf(i)).padStart(28, '0')}`
            if (!credIds.has(cred)) {
                credIds.add(cred)
                w.state.credentials.push({ ...base, sysId: cred, name: `Jira OAuth credential ${credIds.size}` })
                const t = w.emu.grantTokens({
                    clientId: APP.clientId,
                    accountId: USER.accountId,
                    scopes: [...REQUIRED_JIRA_SCOPES],
                    cloudIds: [SITE.cloudId, OTHER_SITE.cloudId],
                })
                const now = Date.now()
                w.tokens.put(cred, IDS.profile, {
                    accessToken: t.accessToken,
                    accessExpiresAtMs: now + t.expiresIn * 1000,
                    refreshToken: t.refreshToken,
                    refreshExpiresAtMs: now + 7776000 * 1000,
                })
            }
            w.state.connections.push({
                sysId: `c0${String(i).padStart(30, '0')}`,
                name: `Jira ${i + 1}`,
                table: 'http_connection',
                active: true,
                url: `https://api.atlassian.com/ex/jira/${site.cloudId}`,
                aliasSysId: IDS.alias,
                credentialSysId: cred,
                attributes: {},
            })
        }
        // The same connections validated one by one (measured, not assumed): before the health runs, so that each
        // validation finds the tokens the health check would find.
        w.emu.clearRequests()
        for (const c of w.state.connections) w.run('http_connection', c.sysId)
        const oneByOne = w.emu.requests.length
        w.emu.clearRequests()
        const notDue = { capability: { due: () => false, cached: () => null } }
        for (const c of w.state.connections) w.run('http_connection', c.sysId, notDue)
        const oneByOneNotDue = w.emu.requests.length
        const clock = followingClock(w)
        const h = healthHarness(w, { clock })
        w.emu.clearRequests()
        const t0 = process.hrtime.bigint()
        const result = h.run()
        const ms = Number(process.hrtime.bigint() - t0) / 1e6
        const verdicts = [...new Set(result.outcomes.map((o) => o.state.verdict))].join(',')
        const calls = w.emu.requests.length
        const permissionChecks = w.emu.requestsTo('permissions-check').length
        // The next hourly check (e.g. Validate all): the capability round is not due for any connection.
        clock.advance(3600000)
        w.emu.clearRequests()
        h.run('on_demand')
        return {
            connections: n,
            credentials: credIds.size,
            calls,
            callsNotDue: w.emu.requests.length,
            permissionChecks,
            permissionChecksNotDue: w.emu.requestsTo('permissions-check').length,
            refreshesNotDue: w.emu.requestsTo('token').length,
            shared: result.shared,
            oneByOne,
            oneByOneNotDue,
            ms: Math.round(ms),
            verdicts,
        }
    } finally {
        await w.close()
    }
}

async function main(): Promise<void> {
    const rows: Row[] = []
    for (const n of [1, 10, 50]) rows.push(await measure(n))
    console.log('')
    console.log(
        'Health check benchmark (one run, emulator on loopback, real HTTP; half the connections share a credential in pairs)'
    )
    console.log(
        [
            'connections',
            'credentials',
            'calls (capability due)',
            'calls (not due, of them token refreshes)',
            'permission checks (due / not due)',
            'shared',
            'one-by-one validations (due / not due)',
            'ms',
            'verdicts',
        ].join('  ')
    )
    for (const r of rows) {
        console.log(
            [
                String(r.connections).padStart(11),
                String(r.credentials).padStart(11),
                String(r.calls).padStart(22),
                `${r.callsNotDue} (${r.refreshesNotDue})`.padStart(40),
                `${r.permissionChecks} / ${r.permissionChecksNotDue}`.padStart(33),
                String(r.shared).padStart(6),
                `${r.oneByOne} / ${r.oneByOneNotDue}`.padStart(38),
                String(r.ms).padStart(5),
                r.verdicts,
            ].join('  ')
        )
    }
}

main().catch((e) => {
    console.error(e)
    process.exit(1)
})
