/**
 * The server code finds the records the app ships by sys_id (src/server/glide/shipped-records.ts); those sys_ids must
 * be the ones the build gives them (src/fluent/generated/keys.ts), or every lookup falls back to the name.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SHIPPED } from '../../src/server/glide/shipped-records'

const keys = fs.readFileSync(path.join(__dirname, '../../src/fluent/generated/keys.ts'), 'utf8')

function keyId(key: string): string {
    const m = new RegExp(`'${key}': \\{\\s*table: '[a-z_0-9]+'\\s*id: '([0-9a-f]{32})'`).exec(keys)
    if (!m) throw new Error(`no key ${key} in keys.ts`)
    return m[1]
}

test.each([
    ['jiraAlias', 'jira-alias'],
    ['oauthRegistry', 'jira-cloud-oauth-registry'],
    ['serviceAccountRegistry', 'jira-service-account-registry'],
] as const)('SHIPPED.%s is the sys_id of key %s', (name, key) => {
    expect(SHIPPED[name]).toBe(keyId(key))
})
