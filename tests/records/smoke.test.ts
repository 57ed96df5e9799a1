import * as fs from 'node:fs'
import * as path from 'node:path'
import { distAppDir, packageZipPath } from '../support/artifacts'

test('the build snapshot holds the app records and the package zip', () => {
    expect(fs.readdirSync(path.join(distAppDir(), 'update')).some((f) => f.startsWith('oauth_entity_'))).toBe(true)
    expect(fs.statSync(packageZipPath()).size).toBeGreaterThan(1000)
})
