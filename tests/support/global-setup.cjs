// Builds and packs the app once per test run with the real SDK CLI, then snapshots dist/ and target/ into
// .artifacts/<run id>/ so every test reads the artifact we ship, even if another build runs in the same tree meanwhile.
// JCC_REUSE_BUILD=1 skips the build and snapshots the existing dist/ and target/ (local iteration only; never in CI).
const fs = require('node:fs')
const path = require('node:path')
const { root, sdk, withBuildLock } = require('../../harness/support/sdk-build.cjs')

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
    // Unpack the bundled Chromium once, before parallel workers need it (browser.cjs). A missing browser is reported
    // by the browser tests themselves, with the install command.
    try {
        require('../../harness/support/browser.cjs').resolveChromium()
    } catch {
        // reported by each browser test
    }
}
