#!/usr/bin/env node
// Runs the app's ATF suite on an instance through the CI/CD REST API and fails (exit 1) if any test fails.
// Plain Node 20 (global fetch), no dependencies. Used by .github/workflows/ci.yml after `npm run deploy`.
//
//   POST /api/sn_cicd/testsuite/run?test_suite_name=<suite>   -> result.links.progress.id
//   GET  /api/sn_cicd/progress/<id>                            polled until status 2 (successful), 3 (failed) or 4 (canceled)
//   GET  /api/sn_cicd/testsuite/results/<results id>           test_suite_status + rolled-up counts
//
// Environment (the same secrets as `now-sdk install` in CI mode):
//   SN_SDK_INSTANCE_URL                                 https://<instance>.service-now.com
//   SN_SDK_AUTH_TYPE=basic (default)                    SN_SDK_USER, SN_SDK_USER_PWD
//   SN_SDK_AUTH_TYPE=oauth                              SN_SDK_OAUTH_CLIENT_ID, SN_SDK_OAUTH_CLIENT_SECRET (client_credentials)
//   ATF_SUITE_NAME      default "Jira Cloud Connect: post-install" (src/fluent/atf/post-install-suite.now.ts)
//   ATF_TIMEOUT_SECONDS default 900; ATF_POLL_SECONDS default 10
// Exit codes: 0 all tests passed, 1 the suite ran and failed (or was canceled/timed out), 2 configuration, auth or API error.

const DEFAULT_SUITE = 'Jira Cloud Connect: post-install'
const STATUS = { 0: 'Pending', 1: 'Running', 2: 'Successful', 3: 'Failed', 4: 'Canceled' }

class UsageError extends Error {}

function log(message) {
    process.stdout.write(`[run-atf] ${message}\n`)
}

function config(env) {
    const authType = env.SN_SDK_AUTH_TYPE || 'basic'
    const required =
        authType === 'basic'
            ? ['SN_SDK_INSTANCE_URL', 'SN_SDK_USER', 'SN_SDK_USER_PWD']
            : authType === 'oauth'
              ? ['SN_SDK_INSTANCE_URL', 'SN_SDK_OAUTH_CLIENT_ID', 'SN_SDK_OAUTH_CLIENT_SECRET']
              : undefined
    if (!required) throw new UsageError(`Unsupported SN_SDK_AUTH_TYPE "${authType}": expected "basic" or "oauth".`)
    const missing = required.filter((name) => !env[name])
    if (missing.length)
        throw new UsageError(`Missing environment variables for ${authType} auth: ${missing.join(', ')}`)
    const pollSeconds = Number(env.ATF_POLL_SECONDS ?? 10)
    const timeoutSeconds = Number(env.ATF_TIMEOUT_SECONDS ?? 900)
    if (!(pollSeconds > 0) || !(timeoutSeconds > 0))
        throw new UsageError('ATF_POLL_SECONDS and ATF_TIMEOUT_SECONDS must be positive numbers.')
    return {
        instanceUrl: env.SN_SDK_INSTANCE_URL.replace(/\/+$/, ''),
        authType,
        suiteName: env.ATF_SUITE_NAME || DEFAULT_SUITE,
        pollMs: pollSeconds * 1000,
        timeoutMs: timeoutSeconds * 1000,
        env,
    }
}

async function readJson(response) {
    const text = await response.text()
    try {
        return text ? JSON.parse(text) : {}
    } catch {
        return { raw: text.slice(0, 200) }
    }
}

function apiError(what, response, body) {
    const detail =
        body?.error?.message ?? body?.error_description ?? body?.error ?? body?.result?.error ?? body?.raw ?? ''
    const hint =
        response.status === 401
            ? ' (check the credentials)'
            : response.status === 403
              ? ' (the user needs admin or sn_cicd.sys_ci_automation)'
              : ''
    return new Error(
        `${what} failed: HTTP ${response.status} ${response.statusText}${hint}${detail ? ` - ${typeof detail === 'string' ? detail : JSON.stringify(detail)}` : ''}`
    )
}

async function authorization(cfg) {
    if (cfg.authType === 'basic') {
        return `Basic ${Buffer.from(`${cfg.env.SN_SDK_USER}:${cfg.env.SN_SDK_USER_PWD}`).toString('base64')}`
    }
    const response = await fetch(`${cfg.instanceUrl}/oauth_token.do`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: cfg.env.SN_SDK_OAUTH_CLIENT_ID,
            client_secret: cfg.env.SN_SDK_OAUTH_CLIENT_SECRET,
        }).toString(),
    })
    const body = await readJson(response)
    if (!response.ok || !body.access_token) throw apiError('OAuth client_credentials token request', response, body)
    return `${body.token_type || 'Bearer'} ${body.access_token}`
}

async function api(cfg, auth, method, path, what) {
    const response = await fetch(`${cfg.instanceUrl}${path}`, {
        method,
        headers: { Authorization: auth, Accept: 'application/json' },
    })
    const body = await readJson(response)
    if (!response.ok) throw apiError(what, response, body)
    return body.result ?? {}
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export async function runAtf(env = process.env) {
    const cfg = config(env)
    log(`Running ATF suite "${cfg.suiteName}" on ${cfg.instanceUrl} (${cfg.authType} auth)`)
    const auth = await authorization(cfg)
    const started = await api(
        cfg,
        auth,
        'POST',
        `/api/sn_cicd/testsuite/run?${new URLSearchParams({ test_suite_name: cfg.suiteName })}`,
        'Starting the test suite'
    )
    const progressId = started?.links?.progress?.id
    if (!progressId)
        throw new Error(`Starting the test suite returned no progress id: ${JSON.stringify(started).slice(0, 200)}`)

    const deadline = Date.now() + cfg.timeoutMs
    let progress = started
    let lastReported = ''
    while (!['2', '3', '4'].includes(String(progress.status))) {
        if (Date.now() > deadline) {
            log(
                `Timed out after ${cfg.timeoutMs / 1000}s waiting for the suite (last status: ${STATUS[progress.status] ?? progress.status}).`
            )
            return 1
        }
        await sleep(cfg.pollMs)
        progress = await api(
            cfg,
            auth,
            'GET',
            `/api/sn_cicd/progress/${encodeURIComponent(progressId)}`,
            'Polling the test suite progress'
        )
        const line = `${STATUS[progress.status] ?? progress.status} ${progress.percent_complete ?? 0}%${progress.status_message ? `: ${progress.status_message}` : ''}`
        if (line !== lastReported) log(line)
        lastReported = line
    }

    const resultsId = progress?.links?.results?.id
    if (!resultsId) {
        log(
            `The suite run ended ${STATUS[progress.status] ?? progress.status} without results${progress.error ? `: ${progress.error}` : ''}${progress.status_message ? ` (${progress.status_message})` : ''}.`
        )
        return 1
    }
    const results = await api(
        cfg,
        auth,
        'GET',
        `/api/sn_cicd/testsuite/results/${encodeURIComponent(resultsId)}`,
        'Reading the test suite results'
    )
    const count = (field) => Number(results[field] ?? 0)
    const [passed, failed, errors, skipped] = [
        'rolledup_test_success_count',
        'rolledup_test_failure_count',
        'rolledup_test_error_count',
        'rolledup_test_skip_count',
    ].map(count)
    log(
        `Suite "${results.test_suite_name ?? cfg.suiteName}": ${results.test_suite_status ?? 'unknown'} - ${passed} passed, ${failed} failed, ${errors} errors, ${skipped} skipped${results.test_suite_duration ? ` in ${results.test_suite_duration}` : ''}`
    )
    log(`Results: ${cfg.instanceUrl}/sys_atf_test_suite_result.do?sys_id=${resultsId}`)
    const ok =
        String(progress.status) === '2' &&
        results.test_suite_status === 'success' &&
        failed === 0 &&
        errors === 0 &&
        passed > 0
    if (!ok) log('ATF tests FAILED: open the results link above for the failing steps.')
    return ok ? 0 : 1
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href
if (isMain) {
    runAtf().then(
        (code) => {
            process.exitCode = code
        },
        (error) => {
            log(
                `ERROR: ${error instanceof Error ? error.message : String(error)}${error?.cause?.code ? ` (${error.cause.code})` : ''}`
            )
            process.exitCode = 2
        }
    )
}
