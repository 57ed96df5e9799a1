/**
 * `npm run inventory:update`: builds and packs the app with the real now-sdk, then rewrites tests/records/inventory.md
 * from dist/app and the package zip (which must list the same records). Run it when you add or remove a shipped
 * record on purpose and commit the file with the change; tests/records/inventory.test.ts fails until you do.
 * `--no-build` reuses the dist/ and target/ already in the work tree.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { INVENTORY_FILE, inventoryOfDist, inventoryOfZip, renderInventory, rowLine } from '../tests/records/inventory'
import { root, sdk, withBuildLock } from '../harness/support/sdk-build.cjs'

function main(): void {
    const build = !process.argv.includes('--no-build')
    const { dist, zip } = withBuildLock(() => {
        if (build) {
            sdk(['build'])
            sdk(['pack'])
        }
        const target = path.join(root, 'target')
        const zips = fs.existsSync(target) ? fs.readdirSync(target).filter((f) => f.endsWith('.zip')) : []
        if (zips.length !== 1)
            throw new Error(`expected one package zip in ${target}, found: ${zips.join(', ') || 'none'}`)
        return {
            dist: inventoryOfDist(path.join(root, 'dist', 'app')),
            zip: inventoryOfZip(path.join(target, zips[0])),
        }
    })
    const distText = renderInventory(dist)
    if (renderInventory(zip) !== distText) {
        const inZip = new Set(zip.map(rowLine))
        const onlyDist = dist.map(rowLine).filter((l) => !inZip.has(l))
        throw new Error(
            `dist/app and the package zip disagree (stale zip? run without --no-build):\n${onlyDist.join('\n')}`
        )
    }
    const before = fs.existsSync(INVENTORY_FILE) ? fs.readFileSync(INVENTORY_FILE, 'utf8') : ''
    fs.writeFileSync(INVENTORY_FILE, distText)
    const rel = path.relative(root, INVENTORY_FILE)
    console.log(
        before === distText ? `${rel}: unchanged (${dist.length} rows)` : `${rel}: rewritten (${dist.length} rows)`
    )
}

try {
    main()
} catch (e) {
    console.error(`inventory:update: ${(e as Error).message}`)
    process.exitCode = 1
}
