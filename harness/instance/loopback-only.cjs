// Preloaded (node --require) into the spawned `now-sdk install` by tests/ci/deploy.test.ts: a sandbox guard, not a
// change to the CLI. Any fetch() to a host other than 127.0.0.1/localhost (telemetry, a registry, a real instance)
// is refused and appended to $JCC_BLOCKED_LOG, which the tests assert stays empty.
const fs = require('node:fs')

const realFetch = globalThis.fetch
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

globalThis.fetch = function loopbackOnlyFetch(input, init) {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input && input.url
    let host = ''
    try {
        host = new URL(raw).hostname
    } catch {
        host = ''
    }
    if (!LOOPBACK.has(host)) {
        if (process.env.JCC_BLOCKED_LOG) fs.appendFileSync(process.env.JCC_BLOCKED_LOG, `${raw}\n`)
        return Promise.reject(new TypeError(`network access outside loopback blocked by the test harness: ${raw}`))
    }
    return realFetch(input, init)
}
