import { CheckLog, humanDuration, summarize, verdictOf } from './report'

describe('humanDuration', () => {
    test.each([
        [-5, '0 s'],
        [59.4, '59 s'],
        [60, '1 min'],
        [3599, '59 min'],
        [3600, '1 h'],
        [3600 + 5 * 60, '1 h 5 min'],
        [2 * 86400 - 1, '47 h 59 min'],
        [89 * 86400 + 100, '89 days'],
    ])('%d s -> %s', (seconds, text) => {
        expect(humanDuration(seconds)).toBe(text)
    })
})

const finding = { found: 'found', expected: 'expected', fix: 'fix' }

describe('CheckLog', () => {
    test('titles come from the catalogue', () => {
        const log = new CheckLog()
        log.pass('token.access', 'ok')
        expect(log.checks[0]).toMatchObject({ id: 'token.access', title: 'Access token', status: 'pass', code: 'ok' })
    })

    test('a failed requirement skips the dependent check, naming the failure', () => {
        const log = new CheckLog()
        log.fail('token.access', { code: 'no_token', ...finding })
        expect(log.ready('atlassian.accessible_resources')).toBe(false)
        expect(log.checks[1]).toMatchObject({
            id: 'atlassian.accessible_resources',
            status: 'skip',
            code: 'skipped',
            found: 'Skipped: needs "Access token", which failed.',
        })
    })

    test('a skip propagates the original cause; a requirement that did not run is looked through', () => {
        const log = new CheckLog()
        log.fail('token.access', { code: 'no_token', ...finding })
        log.skipBlocked('oauth2')
        const skipped = log.checks.filter((c) => c.status === 'skip').map((c) => c.id)
        expect(skipped).toEqual([
            'atlassian.accessible_resources',
            'atlassian.cloud_id',
            'atlassian.scopes',
            'jira.myself',
            'jira.server_info',
            'jira.projects',
            'jira.create_fields',
            'jira.agile',
            'inbound.dynamic_webhooks',
            'inbound.webhook_failures',
            'inbound.admin_webhooks',
        ])
        for (const c of log.checks.slice(1)) expect(c.found).toBe('Skipped: needs "Access token", which failed.')
    })

    test('checks of the other credential kind are not listed as skipped', () => {
        const log = new CheckLog()
        log.fail('config.connection.credential', { code: 'credential_inactive', ...finding })
        log.skipBlocked('basic')
        expect(log.checks.map((c) => c.id)).toEqual([
            'config.connection.credential',
            'config.auth_method',
            'config.auth_standing',
            'config.credential.basic',
            'jira.myself',
            'jira.server_info',
            'jira.projects',
            'jira.create_fields',
            'jira.agile',
            // The dynamic-webhook checks are OAuth 2.0 only; admin webhooks apply to basic auth too.
            'inbound.admin_webhooks',
        ])
    })

    test('passed and warned requirements let a check run; subjects do not see each other', () => {
        const log = new CheckLog()
        const a = log.withSubject('A')
        const b = log.withSubject('B')
        a.warn('token.refresh', { code: 'refresh_expiring', ...finding })
        a.pass('token.access', 'ok')
        b.fail('token.access', { code: 'no_token', ...finding })
        expect(a.ready('atlassian.accessible_resources')).toBe(true)
        expect(b.ready('atlassian.accessible_resources')).toBe(false)
        expect(log.checks.map((c) => c.subject)).toEqual(['A', 'A', 'B', 'B'])
    })
})

test('verdict and summary', () => {
    const log = new CheckLog()
    log.pass('config.alias', 'ok')
    expect(verdictOf(log.checks)).toBe('pass')
    expect(summarize('pass', log.checks, 'Jira')).toBe('Jira connection "Jira" works: 1 checks passed.')
    log.warn('oauth.callback_url', { code: 'redirect_url_differs', ...finding })
    expect(verdictOf(log.checks)).toBe('warn')
    log.fail('token.access', { code: 'no_token', ...finding })
    expect(verdictOf(log.checks)).toBe('fail')
    expect(summarize('fail', log.checks, 'Jira')).toBe(
        'Jira connection "Jira" does not work: 1 check failed, 1 warning. Fix the first failure first: later checks ' +
            'depend on it.'
    )
})
