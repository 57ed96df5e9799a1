// Removes this run's artifact snapshot (see global-setup.cjs).
const fs = require('node:fs')

module.exports = async function globalTeardown() {
    const dir = process.env.JCC_ARTIFACTS
    if (dir && dir.includes('.artifacts')) fs.rmSync(dir, { recursive: true, force: true })
}
