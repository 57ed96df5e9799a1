// Builds and packs the app once per test run with the real SDK CLI, so every test reads the artifact we ship.
// JCC_REUSE_BUILD=1 reuses an existing dist/ and target/ (local iteration only; CI always builds).
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

module.exports = async function globalSetup() {
    const root = path.resolve(__dirname, '../..')
    const reuse = process.env.JCC_REUSE_BUILD === '1' && !process.env.CI
    if (reuse && fs.existsSync(path.join(root, 'dist/app/update')) && fs.existsSync(path.join(root, 'target'))) return
    const sdk = path.join(root, 'node_modules/.bin/now-sdk')
    const run = (args) => {
        try {
            execFileSync(sdk, args, { cwd: root, stdio: 'pipe', encoding: 'utf8' })
        } catch (e) {
            throw new Error(`now-sdk ${args.join(' ')} failed:\n${e.stdout}\n${e.stderr}`)
        }
    }
    run(['build', '--frozenKeys'])
    run(['pack'])
}
