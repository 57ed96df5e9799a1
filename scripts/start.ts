/**
 * `npm start`: build and pack the app with the real ServiceNow SDK, start the Atlassian emulator and the Glide
 * simulator on 127.0.0.1, install the built package into the simulator and run six scenarios as an admin would,
 * printing each "Validate Jira connection" result the way the form shows it, and the health check's emails over
 * quiet months (scenario 6). No network, no instance. It walks the form-by-form path (records and UI actions); the
 * setup page is `npm run demo`. Ends with "Next:" (what to run after this).
 * Exit code 0 when every scenario behaves as expected, 1 otherwise. JCC_DEMO_ZIP=<package zip> skips the build and
 * uses that package (as `npm run demo` does; the e2e test runs this script on the package its run built).
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { UiActionResult } from '../harness/glide-simulator/simulator'
import { pageText } from '../harness/glide-simulator/browser-client'
import { TEMPLATE, World } from '../harness/glide-simulator/world'
import { root, sdk, withBuildLock } from '../harness/support/sdk-build.cjs'

const started = Date.now()

/** Builds and packs, then copies the zip aside so a concurrent build cannot change it under us. */
function buildPackage(): string {
    return withBuildLock(() => {
        sdk(['build'])
        sdk(['pack'])
        const target = path.join(root, 'target')
        const zips = fs.readdirSync(target).filter((f) => f.endsWith('.zip'))
        if (zips.length !== 1)
            throw new Error(`expected one package zip in target/, found: ${zips.join(', ') || 'none'}`)
        const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'jcc-start-'))
        fs.copyFileSync(path.join(target, zips[0]), path.join(snapshot, zips[0]))
        return path.join(snapshot, zips[0])
    })
}

/** A platform page's heading and message as one sentence each ("OAuth token received: Access token received …"). */
function popupSays(html: string): string {
    const [head, ...rest] = html
        .split(/<\/(?:h[1-6]|p|li|div)>/i)
        .map(pageText)
        .filter(Boolean)
    return rest.length ? `${head}: ${rest.join(' ')}` : head || ''
}

function indent(lines: string[], mark: string): void {
    for (const l of lines) console.log(`    ${mark} ${l}`)
}

function show(what: string, r: UiActionResult): void {
    console.log(`  Admin clicks "Validate Jira connection" on ${what}. The form shows:`)
    indent(r.info, '[info] ')
    indent(r.errors, '[error]')
    if (r.exception) indent([r.exception], '[script exception]')
}

interface Outcome {
    name: string
    ok: boolean
    why: string
}

async function main(): Promise<number> {
    console.log(
        'Jira Cloud Connect: simulated instance + Atlassian emulator, all on 127.0.0.1 (no network, no instance).'
    )
    console.log(
        'This walks the form-by-form path (registry, credential and connection forms, UI actions); ' +
            'the setup page is `npm run demo`.\n'
    )
    const given = process.env.JCC_DEMO_ZIP || ''
    if (given) console.log(`Using the package ${given} (JCC_DEMO_ZIP): no build.`)
    else process.stdout.write('Building the package with the ServiceNow SDK (now-sdk build, now-sdk pack)... ')
    const t0 = Date.now()
    const zip = given || buildPackage()
    if (!given) console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${path.basename(zip)}`)

    const world = await World.start({ source: { zipPath: zip } })
    const outcomes: Outcome[] = []
    const results: UiActionResult[] = []
    try {
        const rep = world.installReport
        console.log(
            `Atlassian emulator: 127.0.0.1:${world.emu.port} (auth.atlassian.com, api.atlassian.com, ${world.siteHost})`
        )
        console.log(`Simulated instance: ${world.sim.instanceUrl}`)
        console.log(
            `Installed ${rep.scope} ${rep.version} (${rep.mode}): ${rep.inserted.length} records, ${world.sim.query('sys_module').length} server modules.\n`
        )

        // ---- 1. healthy
        console.log('== Scenario 1/6: healthy OAuth 2.0 connection ==')
        console.log(
            `  Admin pastes the Client ID and Secret into registry "Jira Cloud OAuth" and the cloud id into "Jira Cloud OAuth Connection",`
        )
        console.log(
            '  then clicks Get OAuth Token on "Jira Cloud OAuth Credential" and Accept on Atlassian\'s consent screen.'
        )
        world.configureOAuth()
        const popup = await world.getOAuthToken('accept')
        console.log(`  Pop-up window says: ${popupSays(popup.body)}`)
        let r = world.validate('oauth_2_0_credentials', world.ids.credential)
        results.push(r)
        show('credential "Jira Cloud OAuth Credential"', r)
        outcomes.push({
            name: 'healthy',
            ok: r.errors.length === 0 && /works/.test(r.info[0] ?? ''),
            why: 'expected: every check passes',
        })

        // ---- 2. expired access token
        console.log('\n== Scenario 2/6: access token expired (2 hours later) ==')
        const before = world.sim.storedTokens(world.ids.credential, world.ids.profile)
        world.advance(2 * 3600 * 1000)
        r = world.validate('oauth_2_0_credentials', world.ids.credential)
        results.push(r)
        show('credential "Jira Cloud OAuth Credential"', r)
        const after = world.sim.storedTokens(world.ids.credential, world.ids.profile)
        const rotated =
            !!before?.refreshToken &&
            !!after?.refreshToken &&
            before.refreshToken !== after.refreshToken &&
            world.emu.isRefreshTokenValid(after.refreshToken)
        console.log(
            `  Instance: the rotated refresh token ${rotated ? 'was stored' : 'was NOT stored'} against the credential.`
        )
        outcomes.push({
            name: 'expired token',
            ok: r.errors.length === 0 && rotated,
            why: 'expected: refreshed through the platform, rotated refresh token stored, all checks pass',
        })

        // ---- 3. wrong cloud id
        console.log('\n== Scenario 3/6: wrong cloud id in the connection URL ==')
        const wrongCloud = '11111111-2222-3333-4444-555555555555'
        world.sim.admin.setField(
            'http_connection',
            world.ids.connection,
            'connection_url',
            `https://api.atlassian.com/ex/jira/${wrongCloud}`
        )
        console.log(`  Admin sets Connection URL to https://api.atlassian.com/ex/jira/${wrongCloud}`)
        r = world.validate('http_connection', world.ids.connection)
        results.push(r)
        show('connection "Jira Cloud OAuth Connection"', r)
        outcomes.push({
            name: 'wrong cloud id',
            ok: r.errors.some((e) => e.includes(world.cloudId)),
            why: `expected: a failure naming the right cloud id ${world.cloudId}`,
        })
        world.sim.admin.setField(
            'http_connection',
            world.ids.connection,
            'connection_url',
            `https://api.atlassian.com/ex/jira/${world.cloudId}`
        )

        // ---- 4. wrong API token (basic auth through the shipped template)
        console.log('\n== Scenario 4/6: email + API token connection with a wrong API token ==')
        console.log('  Admin picks the legacy "email and classic API token" Configuration Template on alias "Jira",')
        console.log('  deactivates "Jira Cloud OAuth Connection" (one active connection per alias) and uses')
        console.log('  Create New Connection & Credential with a mistyped API token.')
        world.pickTemplate(TEMPLATE.legacyToken)
        world.sim.admin.setField('http_connection', world.ids.connection, 'active', false)
        const wrongToken = 'ATATT3x-mistyped-api-token'
        const { connection } = world.sim.admin.createConnectionFromTemplate(world.ids.alias, {
            'connection.name': 'Jira Cloud acme (API token)',
            'connection.connection_url': `https://${world.siteHost}`,
            'credential.user_name': world.email,
            'credential.password': wrongToken,
        })
        world.emu.clearRequests()
        r = world.validate('http_connection', connection.sys_id)
        results.push(r)
        show('connection "Jira Cloud acme (API token)"', r)
        const attempts = world.emu.requests.filter((q) => q.status === 401).length
        console.log(
            `  Atlassian saw ${attempts} failed login${attempts === 1 ? '' : 's'} (the validator does not retry a rejected credential).`
        )
        outcomes.push({
            name: 'wrong API token',
            ok: r.errors.some((e) => /401/.test(e)) && attempts === 1,
            why: 'expected: a 401 failure after exactly one attempt',
        })

        // ---- 5. service account (what Atlassian recommends for integrations)
        console.log('\n== Scenario 5/6: service account with OAuth 2.0 client credentials (recommended) ==')
        console.log(
            "  Admin deactivates the API-token connection, pastes the service account credential's Client ID and Secret"
        )
        console.log(
            '  into registry "Jira Cloud Service Account", the cloud id into "Jira Cloud Service Account Connection",'
        )
        console.log(
            '  activates it and clicks Get OAuth Token on "Jira Cloud Service Account Credential" (no browser).'
        )
        world.sim.admin.setField('http_connection', connection.sys_id, 'active', false)
        world.configureServiceAccount()
        const sa = world.getServiceAccountToken()
        console.log(`  Get OAuth Token: ${sa.message}`)
        world.advance(61 * 60 * 1000)
        console.log('  61 minutes later (the access token has expired; there is no refresh token):')
        world.emu.clearRequests()
        r = world.validate('http_connection', world.ids.saConnection)
        results.push(r)
        show('connection "Jira Cloud Service Account Connection"', r)
        const saCalls = world.emu.requests.map((q) => q.target).join(', ')
        console.log(`  Atlassian saw: ${saCalls} (a new client-credentials token, then Jira; no accessible-resources).`)
        console.log(
            '  Jira acts as the service account: an app account, not a person (the "Signed in to Jira as" line).'
        )
        outcomes.push({
            name: 'service account',
            ok:
                r.errors.length === 0 &&
                r.info.some((m) => /^Signed in to Jira as .*, an app account\b/.test(m)) &&
                // Jira's webhook check (admin-webhooks) may follow; accessible-resources never does for this grant.
                /^token, myself, serverInfo\b/.test(saCalls) &&
                !saCalls.includes('accessible-resources'),
            why: 'expected: the expired token requested again, every check passes, Jira signs in as an app account',
        })

        // ---- secrets
        const everything = [
            ...results.flatMap((x) => [...x.info, ...x.errors, ...x.logs.map((l) => l.message)]),
            ...world.sim.visibleText(),
        ].join('\n')
        const leaked = [...world.secrets(), wrongToken, ...(before?.refreshToken ? [before.refreshToken] : [])].filter(
            (s) => everything.includes(s)
        )
        outcomes.push({
            name: 'no secret shown',
            ok: leaked.length === 0,
            why: 'expected: no client secret, token or API token in messages, logs or stored records',
        })
        console.log(
            `\n${world.sim.query('x_jira_connect_validation_run').length} validation runs stored in x_jira_connect_validation_run.`
        )
    } finally {
        await world.close()
    }

    outcomes.push(...(await quietDays(zip)))

    console.log('\nResult:')
    for (const o of outcomes)
        console.log(`  ${o.ok ? 'as expected' : 'NOT as expected'}  ${o.name}${o.ok ? '' : ` (${o.why})`}`)
    // Only the snapshot this script made is removed, never a package it was given.
    if (!given) fs.rmSync(path.dirname(zip), { recursive: true, force: true })
    const bad = outcomes.filter((o) => !o.ok).length
    console.log(
        `\n${outcomes.length - bad}/${outcomes.length} behaved as expected in ${((Date.now() - started) / 1000).toFixed(1)} s.`
    )
    console.log('\nNext:')
    console.log('  npm run demo     the setup page on this machine: click through every path in a browser')
    console.log('  npm run build    then npm run deploy -- --auth <alias> to install on an instance (README)')
    return bad === 0 ? 0 : 1
}

const DAY = 86400000

function emailText(html: string): string {
    return html
        .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, '$2 ($1)')
        .replace(/<\/p><p>/g, '\n')
        .replace(/<[^>]+>/g, '')
}

/** Scenario 6: an idle integration over quiet months; only the app's hourly health job runs (checks once a day). */
async function quietDays(zip: string): Promise<Outcome[]> {
    const outcomes: Outcome[] = []
    console.log('\n== Scenario 6/6: quiet 100 days (nobody uses the connection; the health job runs daily) ==')
    const world = await World.start({ source: { zipPath: zip } })
    try {
        const start = world.sim.clock.nowMs()
        const day = (ms: number) => Math.floor((ms - start) / DAY)
        world.addAppAdmin()
        world.configureOAuth()
        await world.getOAuthToken('accept')
        console.log(
            '  Set up as in scenario 1; user "integration.owner" holds x_jira_connect.admin and receives the alerts.'
        )
        let shown = 0
        const printEmails = () => {
            for (const e of world.sim.eventManager.emails.slice(shown)) {
                console.log(
                    `  [email day ${day(Date.parse(e.at.replace(' ', 'T') + 'Z'))}] To: ${e.recipients.join(', ')}  Subject: ${e.subject}`
                )
                indent(emailText(e.body).split('\n'), '      ')
            }
            shown = world.sim.eventManager.emails.length
        }
        world.advanceWithJobs(100 * DAY)
        const refreshes = world.emu
            .requestsTo('token')
            .slice(1)
            .map((r) => day(r.time))
        const row = () => world.sim.one('x_jira_connect_connection_health', { subject_sys_id: world.ids.connection })
        const tokens = world.sim.storedTokens(world.ids.credential, world.ids.profile)
        const stillValid = !!tokens?.refreshToken && world.emu.isRefreshTokenValid(tokens.refreshToken)
        // One rotation per day and no day missed: each daily check finds the one-hour access token expired and
        // refreshes it through the platform, as the spoke would on its next use (docs/health.md "No call, no verdict").
        const daily = refreshes.length > 0 && refreshes.every((d, i) => d === i + 1)
        const emails = world.sim.eventManager.emails.length
        console.log(
            `  Days 0-100, keep-alive on (x_jira_connect.health.keepalive_days > 0): refresh token rotated ` +
                `${refreshes.length} times, once on each day from day ${refreshes[0]} to day ${refreshes[refreshes.length - 1]}. ` +
                'The access token lasts one hour, so each daily check refreshes it through the platform to prove the ' +
                'connection with a live call, and Atlassian rotates the refresh token with it: its 90 idle days never ' +
                `come near. Stored refresh token still valid: ${stillValid ? 'yes' : 'NO'}. Health: ${row().verdict}. ` +
                `Emails: ${emails}.`
        )
        outcomes.push({
            name: 'quiet 100 days, keep-alive',
            ok: daily && refreshes.length >= 99 && stillValid && row().verdict === 'healthy' && emails === 0,
            why: 'expected: one refresh-token rotation by each daily check, the stored token valid, healthy, no email',
        })
        console.log(
            '  Admin sets x_jira_connect.health.keepalive_days = 0 (keep-alive off) and leaves it for 100 more days:'
        )
        world.setProperty('x_jira_connect.health.keepalive_days', 0)
        world.advanceWithJobs(100 * DAY)
        printEmails()
        const events = world.sim.eventManager.emails.map((e) => e.event)
        outcomes.push({
            name: 'quiet days, keep-alive off',
            ok: events.join(',') === 'x_jira_connect.refresh_token.expiring,x_jira_connect.connection.broken',
            why: 'expected: one expiring alert, then one broken alert',
        })
        console.log(
            '  Admin clicks Get OAuth Token (Accept), then "Validate all" on Jira Cloud Connect > Connection Health:'
        )
        await world.getOAuthToken('accept')
        const r = world.sim.admin.clickListButton('x_jira_connect_connection_health', 'Validate all')
        indent(r.info, '[info] ')
        indent(r.errors, '[error]')
        printEmails()
        outcomes.push({
            name: 'recovered after a new token',
            ok:
                world.sim.eventManager.emails.filter((e) => e.event === 'x_jira_connect.connection.recovered')
                    .length === 1 && row().verdict === 'healthy',
            why: 'expected: one recovered alert',
        })
        const everything = [...world.sim.visibleText(), ...world.sim.eventManager.emails.map((e) => e.body)].join('\n')
        outcomes.push({
            name: 'no secret in health rows, events or emails',
            ok: !world.secrets().some((x) => everything.includes(x)),
            why: 'expected: no token or secret',
        })
    } finally {
        await world.close()
    }
    return outcomes
}

main().then(
    (code) => process.exit(code),
    (e) => {
        console.error(`\nnpm start failed: ${(e as Error)?.stack ?? e}`)
        process.exit(1)
    }
)
