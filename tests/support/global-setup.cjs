// Builds and packs the app once per test run with the real SDK CLI, then snapshots dist/ and target/ into
// .artifacts/<run id>/ so every test reads the artifact we ship, even if another build runs in the same tree meanwhile.
// JCC_REUSE_BUILD=1 skips the build and snapshots the existing dist/ and target/ (local iteration only; never in CI).
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '../..')
const lockDir = path.join(root, '.artifacts', '.build-lock')

function sleepMs(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

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
            if (age > 3 * 60 * 1000) fs.rmSync(lockDir, { recursive: true, force: true }) // stale lock
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

function sdk(args) {
    try {
        execFileSync(path.join(root, 'node_modules/.bin/now-sdk'), args, { cwd: root, stdio: 'pipe', encoding: 'utf8' })
    } catch (e) {
        throw new Error(`now-sdk ${args.join(' ')} failed:\n${e.stdout}\n${e.stderr}`)
    }
}

module.exports = async function globalSetup() {
    const reuse = process.env.JCC_REUSE_BUILD === '1' && !process.env.CI
    const runDir = path.join(root, '.artifacts', `run-${process.pid}-${Date.now()}`)
    withBuildLock(() => {
        if (!(reuse && fs.existsSync(path.join(root, 'dist/app/update')))) {
            // CI proves the committed keys.ts is current; locally the build may add keys for new files.
            sdk(process.env.CI ? ['build', '--frozenKeys'] : ['build'])
            sdk(['pack'])
        }
        fs.mkdirSync(runDir, { recursive: true })
        fs.cpSync(path.join(root, 'dist'), path.join(runDir, 'dist'), { recursive: true })
        fs.cpSync(path.join(root, 'target'), path.join(runDir, 'target'), { recursive: true })
    })
    process.env.JCC_ARTIFACTS = runDir
}
