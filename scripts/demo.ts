/**
 * `npm run demo`: builds and packs the app, starts the Atlassian emulator, the simulated instance with the package
 * installed and a loopback proxy for Atlassian's hosts, and keeps them running so a person can click through the
 * setup page in a browser on this machine. Ctrl+C stops everything, and so does a signal to the `npm run demo`
 * process (the demo stops when the process that started it is gone). Nothing leaves 127.0.0.1.
 *
 * The emulated Atlassian app already knows this instance's callback URL and the scopes; its client ID and secret, a
 * service account's OAuth 2.0 credential, the Jira site and an account with an API token are printed so they can be
 * pasted into the page (every path of the setup page can be clicked through).
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startLoopbackProxy } from '../harness/glide-simulator/chromium'
import { ADMIN_USER } from '../harness/glide-simulator/simulator'
import { World } from '../harness/glide-simulator/world'
import { root, sdk, withBuildLock } from '../harness/support/sdk-build.cjs'

function buildPackage(): string {
    return withBuildLock(() => {
        sdk(['build'])
        sdk(['pack'])
        const target = path.join(root, 'target')
        const zip = fs.readdirSync(target).find((f) => f.endsWith('.zip'))
        if (!zip) throw new Error('now-sdk pack wrote no zip into target/')
        const snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'jcc-demo-'))
        fs.copyFileSync(path.join(target, zip), path.join(snapshot, zip))
        return path.join(snapshot, zip)
    })
}

async function main(): Promise<void> {
    const zip = process.env.JCC_DEMO_ZIP || buildPackage()
    const world = await World.start({ source: { zipPath: zip } })
    world.emu.setConsentUser(world.accountId)
    world.sim.web.loginUsers.set('admin', ADMIN_USER)
    const proxy = await startLoopbackProxy((h, p) => world.network.resolve(h, p))
    const page = `${world.sim.instanceUrl}login.do?user_name=admin&sysparm_goto=x_jira_connect_setup.do`
    console.log('Jira Cloud Connect demo: simulated instance and emulated Atlassian on 127.0.0.1\n')
    console.log(`  Setup page (logs you in as admin):  ${page}`)
    console.log(`  Connection health:                  ${world.sim.instanceUrl}x_jira_connect_setup.do?view=health\n`)
    console.log(
        '  Record links on the page (validation run, health record, "Open the record") open a read-only view of'
    )
    console.log("  the record here, not the instance's form.\n")
    console.log(
        '  For "Get OAuth Token" the browser must reach the emulated auth.atlassian.com through the loopback proxy.'
    )
    console.log('  On a desktop with Chromium or Chrome installed (google-chrome takes the same flags):')
    console.log(
        `    chromium --proxy-server=http://127.0.0.1:${proxy.port} --ignore-certificate-errors --user-data-dir=$(mktemp -d) '${page}'`
    )
    console.log(
        `  On a machine without a display, forward both ports from your desktop (ssh -L ${port(world.sim.instanceUrl)}:` +
            `127.0.0.1:${port(world.sim.instanceUrl)} -L ${proxy.port}:127.0.0.1:${proxy.port} <this host>) and run ` +
            'the command above there. The other paths need no proxy.\n'
    )
    console.log('  Values to paste:')
    console.log(`    Service account client ID      ${world.saClientId}`)
    console.log(`    Service account client secret  ${world.saClientSecret}   (demo value, random per run)`)
    console.log(`    OAuth client ID      ${world.clientId}`)
    console.log(`    OAuth client secret  ${world.clientSecret}   (demo value, random per run)`)
    console.log(
        `    Jira site            ${world.siteHost.replace('.atlassian.net', '')}   (cloud id ${world.cloudId})`
    )
    console.log(`    Account email        ${world.email}`)
    console.log(`    API token            ${world.apiToken}   (demo value, random per run)\n`)
    console.log(`Running (process ${process.pid}). Ctrl+C to stop.`)
    let stopping = false
    let watch: NodeJS.Timeout | undefined
    const stop = async () => {
        if (stopping) return
        stopping = true
        if (watch) clearInterval(watch)
        await proxy.close()
        await world.close()
        process.exit(0)
    }
    process.on('SIGINT', () => void stop())
    process.on('SIGTERM', () => void stop())
    process.on('SIGHUP', () => void stop())
    // `npm run demo` starts this through a shell (sh -c): a SIGTERM to npm ends npm and the shell, which does not pass
    // it on, and this process would keep listening. So the demo also stops once the process that started it is gone.
    const parent = process.ppid
    watch = setInterval(() => {
        if (process.ppid !== parent || !alive(parent)) void stop()
    }, 500)
}

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0)
        return true
    } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'EPERM'
    }
}

function port(url: string): string {
    return new URL(url).port
}

main().catch((e) => {
    console.error(e)
    process.exit(1)
})
