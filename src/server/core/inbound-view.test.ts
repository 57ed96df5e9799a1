/**
 * The Jira → ServiceNow section's model (inbound-view.ts): sanitised wherever it comes from (the check group's result,
 * the instance part another check adds, a stored row read back), bounded for the health row, rendered without ids.
 */
import type { InboundResult, WebhookView } from './checks/inbound'
import {
    expiryText,
    inboundSections,
    readSection,
    sanitizeInbound,
    sectionHeadline,
    sectionJson,
    sectionLines,
    shownSection,
    webhookLine,
    withoutIds,
} from './inbound-view'
import type { CheckResult, ValidationReport } from './report'

const NOW = Date.UTC(2026, 11, 3, 12)
const DAY = 86400000
const SECRET = 'Zq8vN2kLr5tY9wXcB3mH7jD4'

function hook(over: Partial<WebhookView>): WebhookView {
    return {
        kind: 'dynamic',
        id: '10001',
        url: 'https://dev1.service-now.com/api/sn_jira_spoke/jira_webhook_callbacks/wh_entry',
        destination: 'here',
        expiresAtMs: NOW + 20 * DAY,
        enabled: true,
        jql: 'project = ACME',
        problem: '',
        ...over,
    }
}

function check(id: string, status: CheckResult['status'], code: string, found = 'found'): CheckResult {
    return { id, status, code, title: `Jira → ServiceNow: ${id}`, found, expected: 'expected', fix: `fix ${id}` }
}

function report(checks: CheckResult[], inbound: InboundResult[]): ValidationReport {
    return {
        verdict: 'warn',
        target: { table: 'sys_alias', sysId: 'a' },
        targetName: 'Jira',
        summary: 's',
        checks,
        calls: 3,
        durationMs: 10,
        startedAtMs: NOW,
        inbound: inbound.map((r) => sanitizeInbound(r)),
    }
}

test('URLs lose their query and fragment; secret-named values and secrets in text are dropped', () => {
    const r = sanitizeInbound({
        webhooks: [hook({ url: `https://dev1.service-now.com/api/x/wh_entry?token=${SECRET}#f` })],
        failedDeliveries: 1,
        lastFailureMs: NOW,
        refresh: null,
        // The instance side (checks/inbound-instance.ts): a field it does not know (a secret, here) is not carried.
        instance: {
            spoke: { version: '5.4.1' },
            callbacks: [
                {
                    kind: 'registry',
                    name: 'Jira webhook',
                    path: `api/sn_jira_spoke/jira_webhook_callbacks/wh_entry?token=${SECRET}`,
                    auth: 'token',
                    active: true,
                    verification: 'Jira token',
                    runAs: '',
                    matchedBy: ['10001'],
                    problem: `Authorization: Bearer ${SECRET}`,
                    hmacSecret: SECRET,
                },
            ],
        },
    } as unknown as InboundResult)
    expect(r.webhooks[0].url).toBe('https://dev1.service-now.com/api/x/wh_entry')
    const text = JSON.stringify(r)
    expect(text).not.toContain(SECRET)
    expect(text).toContain('"verification":"Jira token"')
    expect(text).not.toContain('hmacSecret')
    expect(text).toContain('api/sn_jira_spoke/jira_webhook_callbacks/wh_entry"')
})

test('sections per subject: findings failures first, skips last, the title without the prefix', () => {
    const checks = [
        check('inbound.dynamic_webhooks', 'warn', 'other_instance'),
        check('inbound.webhook_failures', 'fail', 'unexpected_shape'),
        check('inbound.admin_webhooks', 'pass', 'needs_jira_admin'),
        { ...check('inbound.instance_callbacks', 'fail', 'inactive'), subject: 'Other' },
    ]
    const [mine, other] = inboundSections(
        report(checks, [{ webhooks: [], failedDeliveries: 0, lastFailureMs: null, refresh: null }])
    )
    expect(mine.findings.map((f) => f.code)).toEqual(['unexpected_shape', 'other_instance', 'needs_jira_admin'])
    expect(mine.findings[0].title).toBe('inbound.webhook_failures')
    expect(mine.checked).toBe(true)
    // Another connection's findings, by the inbound. prefix (the instance checks too), in its own section.
    expect(other.subject).toBe('Other')
    expect(other.findings.map((f) => f.code)).toEqual(['inactive'])
    // Findings without a check-group result of their own: the run's instance side.
    expect({ checked: other.checked, instanceOnly: other.instanceOnly }).toEqual({ checked: true, instanceOnly: true })
    expect(sectionLines(other, NOW, [])[0]).toBe('Jira → ServiceNow [Other]: what this instance has for Jira to call.')
})

test('a webhook line: where it points, expiry, last failure, problem; admin webhooks never expire', () => {
    expect(webhookLine(hook({ failures: 2, lastFailureMs: NOW - DAY }), NOW)).toBe(
        'Dynamic webhook 10001 → this instance, https://dev1.service-now.com/api/sn_jira_spoke/' +
            'jira_webhook_callbacks/wh_entry: expires on 2026-12-23; last failure 2026-12-02 12:00 UTC ' +
            '(2 failed deliveries).'
    )
    const prod = hook({
        url: 'https://acme.service-now.com/x',
        destination: 'other_instance',
        problem: 'points at acme.service-now.com, not this instance',
    })
    expect(webhookLine(prod, NOW)).toMatch(/→ another instance \(acme.service-now.com\), .*Problem: points at acme/)
    expect(expiryText(hook({ expiresAtMs: NOW - DAY }), NOW)).toBe('expired on 2026-12-02')
    expect(expiryText(hook({ kind: 'admin', expiresAtMs: null }), NOW)).toBe('never expires')
    expect(webhookLine(hook({ url: 'https://hooks.example.com/j', destination: 'elsewhere' }), NOW)).toMatch(
        /→ elsewhere \(hooks.example.com\)/
    )
})

test('the instance part is rendered generically when present', () => {
    const s = inboundSections(
        report(
            [check('inbound.dynamic_webhooks', 'pass', 'none_here')],
            [
                {
                    webhooks: [],
                    failedDeliveries: 0,
                    lastFailureMs: null,
                    refresh: null,
                    instance: {
                        spoke: { version: '5.4.1' },
                        callbacks: [
                            {
                                kind: 'trigger',
                                name: 'Jira trigger',
                                path: 'api/x/y',
                                auth: 'hmac',
                                active: false,
                                verification: '',
                                runAs: 'jira.integration',
                                matchedBy: [],
                                problem: 'inactive',
                            },
                        ],
                    },
                } as InboundResult,
            ]
        )
    )[0]
    expect(sectionLines(s, NOW, [])).toEqual([
        'Jira → ServiceNow: no webhook listed pointing anywhere.',
        'Jira spoke: version 5.4.1.',
        'Jira external trigger "Jira trigger" at api/x/y (HMAC signature, inactive, runs as jira.integration). ' +
            'No Jira webhook listed points at it. Problem: inactive.',
    ])
})

test('the health row keeps the section bounded, failures and fixes kept; read back sanitised', () => {
    const many = Array.from({ length: 20 }, (_, i) => hook({ id: String(i), jql: 'x'.repeat(190) }))
    const checks = [check('inbound.dynamic_webhooks', 'fail', 'expired', 'y'.repeat(600))]
    const [s] = inboundSections(
        report(checks, [{ webhooks: many, failedDeliveries: 0, lastFailureMs: null, refresh: null }])
    )
    const json = sectionJson(s, 4000)
    expect(json.length).toBeLessThanOrEqual(4000)
    const back = readSection(json)
    expect(back && back.findings.map((f) => f.code)).toEqual(['expired'])
    expect(back && back.webhooks.length).toBeLessThan(20)
    expect(readSection('{not json')).toBeNull()
    expect(readSection('{"webhooks":"no"}')).toBeNull()
    const tampered = JSON.stringify({ ...s, webhooks: [hook({ url: `https://a.service-now.com/p?token=${SECRET}` })] })
    expect(JSON.stringify(readSection(tampered))).not.toContain(SECRET)
})

test('a skip reason stored by an earlier version is shown without the check id and code that caused it', () => {
    expect(withoutIds('Skipped: needs "Jira: /myself" (jira.myself), which failed (credentials_rejected).')).toBe(
        'Skipped: needs "Jira: /myself", which failed.'
    )
})

test('skip reasons stored by earlier versions reach the page without check ids (failed sign-in)', () => {
    const why = 'Skipped: needs "Jira: /myself" (jira.myself), which failed (credentials_rejected).'
    const [s] = inboundSections(
        report(
            [
                check('inbound.dynamic_webhooks', 'skip', 'skipped', why),
                check('inbound.instance_registry', 'pass', 'spoke_not_installed', 'The Jira spoke is not installed.'),
            ],
            []
        )
    )
    expect(s.checked).toBe(true)
    expect(s.findings.map((f) => f.found)).toEqual([
        'The Jira spoke is not installed.',
        'Skipped: needs "Jira: /myself", which failed.',
    ])
    expect(JSON.stringify(s)).not.toMatch(/jira\.myself|credentials_rejected/)
})

test('read back, a section keeps its instance-only mark and where the instance side is shown instead', () => {
    const instanceOnly = inboundSections({
        ...report([check('inbound.instance_trigger', 'fail', 'run_as_inactive')], []),
        inbound: [{ webhooks: [], failedDeliveries: 0, lastFailureMs: null, refresh: null, instanceOnly: true }],
    })[0]
    expect(sectionHeadline(readSection(sectionJson(instanceOnly))!)).toBe(
        'Jira → ServiceNow: what this instance has for Jira to call.'
    )
    const elsewhere = inboundSections({
        ...report(
            [check('inbound.dynamic_webhooks', 'pass', 'ok')],
            [{ webhooks: [hook({})], failedDeliveries: 0, lastFailureMs: null, refresh: null }]
        ),
        inboundInstanceOn: 'Jira <b>main</b>',
    })[0]
    const back = readSection(sectionJson(elsewhere))!
    expect(back.instanceOn).toBe('Jira <b>main</b>')
    expect(shownSection(back).instanceLines).toEqual([
        "The Jira spoke's records on this instance are one for every connection: the health check reads them once " +
            'per run and shows them, with their problems, on the row of "Jira <b>main</b>".',
    ])
    // A section that has the instance side itself does not point elsewhere.
    const own = inboundSections({
        ...report(
            [check('inbound.dynamic_webhooks', 'pass', 'ok')],
            [
                {
                    webhooks: [],
                    failedDeliveries: 0,
                    lastFailureMs: null,
                    refresh: null,
                    instance: { spoke: null, callbacks: [] },
                },
            ]
        ),
        inboundInstanceOn: 'Jira main',
    })[0]
    expect(own.instanceOn).toBeUndefined()
})
