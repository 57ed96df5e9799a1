/**
 * assess.ts: why a subject with no proof was not checked. The reason is the skip that stopped the calls, not an
 * instance-side part that could not be read (instance-reads.ts), which says nothing about the connection.
 */
import { assess } from './assess'
import { healthSettings } from './settings'
import type { CheckResult } from '../report'
import type { ConfigPort } from '../ports'

const config = { property: (_n: string, fallback: string) => fallback } as unknown as ConfigPort

function skip(id: string, found: string): CheckResult {
    return { id, status: 'skip', title: id, code: 'skipped', found, expected: '', fix: '' }
}

test('not checked: the reason is the skip that stopped the calls, not an instance part that could not be read', () => {
    const mid = skip(
        'path.mid',
        "Not checked: reading the connection's MID Server settings on this instance failed (denied). The rest of " +
            'this validation stands; its Jira calls went directly from the instance.'
    )
    const myself = skip('jira.myself', 'Not checked: needs an access token, which this run may not refresh.')
    const { state } = assess(
        null,
        {
            subject: {
                kind: 'connection',
                table: 'http_connection',
                sysId: 'c1',
                name: 'Jira',
                aliasName: 'Jira',
                credential: null,
            },
            checks: [{ ...mid, status: 'skip' }, myself],
            nowMs: Date.UTC(2026, 11, 3),
            token: null,
            apiToken: null,
            keepAlive: null,
            runSysId: 'r1',
        },
        healthSettings(config)
    )
    expect(state.verdict).toBe('not_checked')
    expect(state.notCheckedReason).toContain('needs an access token')
    expect(state.notCheckedReason).not.toContain('MID Server')
})
