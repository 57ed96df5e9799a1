#!/usr/bin/env node
// `npm run deploy`: runs the real `now-sdk install` (passing any arguments through), shows its output as it comes, and
// on failure adds one plain-words line saying what went wrong and what to check. The CLI's exit code is kept.
// After a successful install it also checks that the CLI published the Flow action: now-sdk 4.9.0 runs flow activation
// as a best-effort post-install task (@servicenow/sdk-api post-install-tasks.js, "failures do not block the install")
// and logs a total refusal or an unreachable endpoint at debug level only, so the install reports success while the
// action stays a draft that Workflow Studio's Save and Test cannot run.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'node_modules', '.bin', 'now-sdk')

/** Known failure texts of now-sdk 4.9.0 install, mapped to the next step. Order matters: first match wins. */
const DIAGNOSES = [
    [
        /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|UND_ERR_CONNECT/i,
        (url) =>
            `the instance ${url || '(SN_SDK_INSTANCE_URL)'} could not be reached. Check SN_SDK_INSTANCE_URL (https://<instance>.service-now.com, no path), that the instance is awake (developer instances hibernate), and that this runner can reach it.`,
    ],
    [
        /missing required environment variables/i,
        () =>
            'CI mode is on (SN_SDK_NODE_ENV=SN_SDK_CI_INSTALL) but credentials are missing: set the variables the message lists (docs/ci-cd.md, "Repository set-up").',
    ],
    [
        /client_credentials token request failed/i,
        () =>
            'the instance rejected the OAuth client ID or secret: check SN_SDK_OAUTH_CLIENT_ID / SN_SDK_OAUTH_CLIENT_SECRET and the application registry (docs/ci-cd.md, "OAuth client credentials").',
    ],
    [
        /Insufficient permissions|\b403\b/i,
        () =>
            'the CI user may not install applications: give it the roles listed in docs/ci-cd.md ("The CI user and its roles").',
    ],
    [
        /User name or password invalid|login failed|\b401\b/i,
        () =>
            'the instance rejected the login: check SN_SDK_USER / SN_SDK_USER_PWD and that the account is active and not locked out.',
    ],
    [
        /Unable to install application/i,
        () => 'the instance refused the package (message above): fix it, run npm run build, and deploy again.',
    ],
    [
        /progress|installation status/i,
        () =>
            'the install did not report success: check System Applications > My Company Applications and the upgrade log on the instance before retrying.',
    ],
]

const child = spawn(cli, ['install', ...process.argv.slice(2)], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'pipe'],
    env: process.env,
})
let output = ''
child.stdout.on('data', (d) => {
    output += d
    process.stdout.write(d)
})
child.stderr.on('data', (d) => {
    output += d
    process.stderr.write(d)
})
child.on('error', (e) => {
    console.error(`Deploy failed: could not start now-sdk (${e.message}). Run npm ci first.`)
    process.exit(1)
})
/** flow-activation.js logs this at info level when every flow and action it was given was published. */
const PUBLISHED = /Flow activation complete: (\d+)\/\1 succeeded/

child.on('close', (code, signal) => {
    if (code === 0) {
        if (!PUBLISHED.test(output)) {
            console.warn(
                'Installed, but now-sdk did not report publishing the Flow action "Validate Jira connection" (the ' +
                    "Jira alias's Save and Test and any flow using it need it published). Publish it once: Workflow " +
                    'Studio > Actions > Validate Jira connection > Publish, or deploy again and look for "Flow ' +
                    'activation complete" in the output.'
            )
        }
        return process.exit(0)
    }
    const url = process.env.SN_SDK_INSTANCE_URL || ''
    // Diagnose from the CLI's ERROR lines only: its progress lines ("Attempting to log into ...") would mislead.
    const errors =
        output
            .split('\n')
            .filter((l) => /ERROR/.test(l))
            .join('\n') || output
    const hit = DIAGNOSES.find(([pattern]) => pattern.test(errors))
    const why = hit ? hit[1](url) : 'see the now-sdk output above.'
    console.error(`Deploy failed (now-sdk install exited ${code ?? signal}): ${why} Nothing was reported as installed.`)
    process.exit(typeof code === 'number' && code !== 0 ? code : 1)
})
