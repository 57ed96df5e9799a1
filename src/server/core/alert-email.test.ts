import { alertEmailHtml, type AlertEmailInput } from './alert-email'

const DAY = 86400000
const base: AlertEmailInput = {
    text: 'The access token was not accepted. Fix: click Get OAuth Token.',
    subjectName: 'Jira Cloud OAuth Connection',
    verdict: 'broken',
    verdictSinceMs: Date.UTC(2026, 2, 1, 14, 5),
    lastSuccessMs: Date.UTC(2026, 1, 28, 9, 0),
    nextExpiryMs: Date.UTC(2026, 4, 30, 0, 0),
    nextExpiryWhat: 'refresh token',
    instanceUrl: 'https://dev1.service-now.com/',
    runTable: 'x_jira_connect_validation_run',
    runSysId: 'a'.repeat(32),
    healthTable: 'x_jira_connect_connection_health',
    healthSysId: 'b'.repeat(32),
}

/** Shapes of a value printed empty: "Next expiry:  ().", "since .", "null", "undefined", "NaN". */
const EMPTY_VALUE = /\(\s*\)|:\s*[.,]|:\s{2,}|\bsince\s*\.|\bnull\b|\bundefined\b|NaN|Invalid Date/

test('all values known: finding, health line with dates, links to the run and the health row', () => {
    const html = alertEmailHtml(base)
    expect(html).toContain('<p>The access token was not accepted. Fix: click Get OAuth Token.</p>')
    expect(html).toContain(
        'Health: Broken since 2026-03-01 14:05 UTC. Last success: 2026-02-28 09:00 UTC. ' +
            'Next expiry: 2026-05-30 00:00 UTC (refresh token).'
    )
    expect(html).toContain(
        `<a href="https://dev1.service-now.com/x_jira_connect_validation_run.do?sys_id=${'a'.repeat(32)}">`
    )
    expect(html).toContain('>Jira Cloud OAuth Connection</a>')
    expect(html).not.toMatch(EMPTY_VALUE)
})

describe.each(['broken', 'recovered', 'warning', 'healthy', 'not_checked', ''])('verdict "%s"', (verdict) => {
    test('missing values are said in words or left out, never printed empty', () => {
        const html = alertEmailHtml({
            ...base,
            text: '',
            subjectName: '',
            verdict,
            verdictSinceMs: null,
            lastSuccessMs: null,
            nextExpiryMs: null,
            nextExpiryWhat: '',
            runSysId: '',
        })
        expect(html).not.toMatch(EMPTY_VALUE)
        expect(html).toContain('No finding was recorded.')
        expect(html).toContain('No successful check recorded yet.')
        expect(html).not.toContain('Next expiry')
        expect(html).not.toContain('Validation run')
        expect(html).toContain('>this connection</a>')
    })

    test('a known expiry without its kind prints the date only', () => {
        const html = alertEmailHtml({
            ...base,
            verdict,
            nextExpiryMs: base.verdictSinceMs! + 90 * DAY,
            nextExpiryWhat: ' ',
        })
        expect(html).toMatch(/Next expiry: 2026-05-30 14:05 UTC\./)
        expect(html).not.toMatch(EMPTY_VALUE)
    })
})

test('markup in the finding, the connection name and the expiry kind is shown as text, not rendered', () => {
    const html = alertEmailHtml({
        ...base,
        text: 'Jira said: <img src=x onerror=alert(1)> & more',
        subjectName: 'Jira: <script>alert(2)</script>',
        nextExpiryWhat: '<b>consent</b>',
    })
    expect(html).toContain('Jira said: &lt;img src=x onerror=alert(1)&gt; &amp; more')
    expect(html).toContain('>Jira: &lt;script&gt;alert(2)&lt;/script&gt;</a>')
    expect(html).toContain('(&lt;b&gt;consent&lt;/b&gt;)')
    // the only tags are the app's own
    expect(new Set(html.match(/<\/?([a-z]+)/g)!.map((t) => t.replace(/[</]/g, '')))).toEqual(new Set(['p', 'a']))
})

test('a long finding is bounded so the body fits the event parameter with its links', () => {
    const html = alertEmailHtml({ ...base, text: 'x'.repeat(10000) })
    expect(html.length).toBeLessThan(4000)
    expect(html).toContain('Connection health: <a')
})
