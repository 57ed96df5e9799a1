import React from 'react'
import type { Validation } from '../services/api'

const STATUS_TEXT = { works: 'Works', does_not_work: 'Does not work', unknown: 'Unknown' } as const

function age(ms: number): string {
    const min = Math.round(ms / 60000)
    if (min < 2) return ''
    if (min < 120) return ` (checked ${min} min ago)`
    const h = Math.round(min / 60)
    return h < 48 ? ` (checked ${h} h ago)` : ` (checked ${Math.round(h / 24)} days ago)`
}

/**
 * "What this connection can do" (docs/capability.md): the Jira spoke's action categories x Works / Does not work /
 * Unknown, and who Jira says the integration account is (name and email shown here only, never stored).
 */
export function CapabilityTable({ v }: { v: Validation }) {
    const tables = v.capabilities || []
    const people = v.people || []
    if (!tables.length && !people.length) return null
    return (
        <section className="capability" aria-label="What this connection can do">
            {people.map((p) => (
                <p key={`p-${p.subject || ''}`} className="signed-in" data-person={p.subject || ''}>
                    Signed in to Jira as <strong>{p.displayName}</strong>
                    {p.email ? ` (${p.email})` : ' (email hidden)'}
                    {p.subject ? ` on ${p.subject}` : ''}.
                </p>
            ))}
            {tables.map((t) => (
                <table
                    key={`t-${t.subject || ''}`}
                    className="capability-table"
                    data-capability-table={t.subject || ''}
                >
                    <caption>
                        What this connection can do{t.subject ? ` (${t.subject})` : ''}
                        {age(v.checkedNowMs - t.checkedAtMs)}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">Jira spoke actions</th>
                            <th scope="col">Status</th>
                            <th scope="col">Why</th>
                        </tr>
                    </thead>
                    <tbody>
                        {t.rows.map((r) => (
                            <tr key={r.category} data-category={r.category} data-status={r.status}>
                                <th scope="row">{r.label}</th>
                                <td>
                                    <span className={`badge cap-${r.status}`}>{STATUS_TEXT[r.status]}</span>
                                </td>
                                <td>{r.why}</td>
                            </tr>
                        ))}
                    </tbody>
                </table>
            ))}
        </section>
    )
}
