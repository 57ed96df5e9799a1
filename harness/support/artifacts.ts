import * as fs from 'node:fs'
import * as path from 'node:path'

/** Root of this test run's snapshot of the built app (dist/ and target/), made by global-setup.cjs. */
export function artifactsDir(): string {
    const dir = process.env.JCC_ARTIFACTS
    if (!dir || !fs.existsSync(dir))
        throw new Error('JCC_ARTIFACTS is not set: run the tests through jest (global-setup builds the app).')
    return dir
}

export function distAppDir(): string {
    return path.join(artifactsDir(), 'dist', 'app')
}

/** The package zip `now-sdk pack` produced (target/<name>_<version>.zip). */
export function packageZipPath(): string {
    const target = path.join(artifactsDir(), 'target')
    const zips = fs.readdirSync(target).filter((f) => f.endsWith('.zip'))
    if (zips.length !== 1) throw new Error(`expected one package zip in ${target}, found: ${zips.join(', ') || 'none'}`)
    return path.join(target, zips[0])
}
