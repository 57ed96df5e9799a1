import React from 'react'
import type { HealthRow, Validation } from '../services/api'
import { Finding } from './finding'

type Section = Validation['inbound'][number]
type Shown = Section['findings'][number]

const STATUS_TEXT: Record<Shown['status'], string> = {
    fail: 'Failed',
    warn: 'Warning',
    pass: 'Checked',
    skip: 'Not checked',
}

/** One finding: its badge and title, what was found (folded when long), and the fix. No check id or code. */
function FindingItem({ f }: { f: Shown }) {
    const problem = f.status === 'fail' || f.status === 'warn'
    return (
        <li className={`check ${f.status}`} data-inbound-finding={f.code} data-status={f.status}>
            <span className={`badge ${f.status}`}>{STATUS_TEXT[f.status]}</span> <strong>{f.title}</strong>
            <Finding text={f.found} className="check-detail" />
            {problem && f.expected ? (
                <div className="check-detail">
                    <span className="k">Expected:</span> {f.expected}
                </div>
            ) : null}
            {problem && f.fix ? (
                <div className="check-detail" data-fix>
                    <span className="k">Fix:</span> {f.fix}
                </div>
            ) : null}
        </li>
    )
}

/** A labelled list of findings; nothing when there is none. */
function FindingList({ findings, label }: { findings: Shown[]; label: string }) {
    if (!findings.length) return null
    return (
        <ul className="checks" aria-label={label}>
            {findings.map((f) => (
                <FindingItem key={`${f.status}-${f.title}-${f.code}`} f={f} />
            ))}
        </ul>
    )
}

/**
 * The "Jira → ServiceNow" section (issue 19 §4): each webhook Jira has for this app, where it points, its expiry and
 * last failed delivery, the instance's callbacks when they were read, then each inbound.* finding with its fix,
 * failures first (the server orders them, inbound-view.ts). `level`: the heading level under the view's own heading.
 */
export function InboundSection({ s, level, name }: { s: Section; level: 3 | 4; name?: string }) {
    const H = `h${level}` as 'h3' | 'h4'
    const who = name || s.subject || ''
    const id = `inbound-${(who || 'this').replace(/[^A-Za-z0-9_-]+/g, '-')}-${level}`
    const problems = s.findings.filter((f) => f.status === 'fail' || f.status === 'warn')
    const notes = s.findings.filter((f) => !(f.status === 'fail' || f.status === 'warn') && f.code !== 'ok')
    return (
        <section className="inbound" aria-labelledby={id} data-inbound-section={who}>
            <H id={id}>Jira → ServiceNow{who ? ` (${who})` : ''}</H>
            <p className="hint" data-inbound-summary>
                {s.summary}
            </p>
            {s.checkedAt ? (
                <p className="hint" data-inbound-checked>
                    Checked {s.checkedAt} UTC
                </p>
            ) : null}
            {s.rows.length ? (
                <table className="capability-table inbound-table">
                    <caption>Webhooks Jira has for this app{who ? ` (${who})` : ''}</caption>
                    <thead>
                        <tr>
                            <th scope="col">Webhook</th>
                            <th scope="col">Points at</th>
                            <th scope="col">Expiry</th>
                            <th scope="col">Last failure</th>
                            <th scope="col">Problem</th>
                        </tr>
                    </thead>
                    <tbody>
                        {s.rows.map((r) => (
                            <tr key={r.label} data-webhook={r.label} data-destination={r.destination}>
                                <th scope="row">{r.label}</th>
                                <td>
                                    {r.where}
                                    <div className="hint url">{r.url}</div>
                                </td>
                                <td data-expiry={r.expired ? 'expired' : 'live'}>{r.expiry}</td>
                                <td data-last-failure={r.failing ? 'failing' : 'none'}>{r.lastFailure}</td>
                                <td>{r.problem || 'none'}</td>
                            </tr>
                        ))}
                    </tbody>
                </table>
            ) : null}
            {s.instanceLines.length ? (
                <ul className="hint" aria-label="Callbacks on this instance">
                    {s.instanceLines.map((l) => (
                        <li key={l}>{l}</li>
                    ))}
                </ul>
            ) : null}
            <FindingList findings={problems} label={`Jira → ServiceNow problems${who ? ` (${who})` : ''}`} />
            <FindingList findings={notes} label={`Jira → ServiceNow notes${who ? ` (${who})` : ''}`} />
        </section>
    )
}

/** The validation result's sections (the result sits under a step's h2). */
export function InboundResult({ v }: { v: Validation }) {
    const sections = (v.inbound || []).filter((s) => s.checked)
    if (!sections.length) return null
    return (
        <>
            {sections.map((s) => (
                <InboundSection key={s.subject || ''} s={s} level={3} />
            ))}
        </>
    )
}

/** The health view's sections: one per connection whose latest check reached Jira, under the view's h2. */
export function InboundHealth({ rows }: { rows: HealthRow[] }) {
    const withSection = rows.filter((r) => r.inbound)
    if (!withSection.length) return null
    return (
        <>
            {withSection.map((r) => (
                <InboundSection key={r.subjectSysId} s={r.inbound as Section} level={3} name={r.name} />
            ))}
        </>
    )
}
