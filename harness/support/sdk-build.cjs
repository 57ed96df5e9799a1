// Running the real now-sdk CLI from harness code: one build at a time per work tree (a lock directory shared by
// jest's global setup and `npm start`), and failures reported with the CLI's own output.
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '../..')
const lockDir = path.join(root, '.artifacts', '.build-lock')

function sleepMs(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Runs fn while holding the build lock; a lock older than 3 minutes is taken as stale. */
function withBuildLock(fn) {
    fs.mkdirSync(path.dirname(lockDir), { recursive: true })
    const deadline = Date.now() + 5 * 60 * 1000
    for (;;) {
        try {
            fs.mkdirSync(lockDir)
            break
        } catch (e) {
            if (e.code !== 'EEXIST') throw e
            const age = Date.now() - fs.statSync(lockDir).mtimeMs
            if (age > 3 * 60 * 1000) fs.rmSync(lockDir, { recursive: true, force: true })
            if (Date.now() > deadline) throw new Error('timed out waiting for another now-sdk build to finish')
            sleepMs(250)
        }
    }
    try {
        return fn()
    } finally {
        fs.rmSync(lockDir, { recursive: true, force: true })
    }
}

/** Runs `now-sdk <args>` in the project root; throws with the CLI's output on failure. */
function sdk(args) {
    try {
        execFileSync(path.join(root, 'node_modules/.bin/now-sdk'), args, { cwd: root, stdio: 'pipe', encoding: 'utf8' })
    } catch (e) {
        throw new Error(`now-sdk ${args.join(' ')} failed:\n${e.stdout || ''}\n${e.stderr || ''}`)
    }
}

module.exports = { root, withBuildLock, sdk }
