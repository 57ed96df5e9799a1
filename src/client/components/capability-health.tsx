import React from 'react'
import type { HealthRow } from '../services/api'

/** "checked 3 h ago" from a UTC "yyyy-MM-dd HH:mm:ss" stamp; '' when unknown. */
function ago(at: string, nowMs: number): string {
    const t = Date.parse(`${at.replace(' ', 'T')}Z`)
    if (!at || !Number.isFinite(t)) return ''
    const min = Math.max(0, Math.round((nowMs - t) / 60000))
    if (min < 2) return 'just now'
    if (min < 120) return `${min} min ago`
    const h = Math.round(min / 60)
    return h < 48 ? `${h} h ago` : `${Math.round(h / 24)} days ago`
}

/**
 * A health row's capability round and quota (docs/capability.md, docs/health.md): what the connection can do as of
 * its last round, with the round's age (it runs at most once a day), and the quota Atlassian last reported.
 */
export function CapabilityHealth({ row }: { row: HealthRow }) {
    const c = row.capability
    if (!c) return null
    const q = c.quota
    return (
        <div className="hint capability-health" data-capability-health>
            {c.counts ? (
                <div data-capability-summary>
                    Can do: {c.counts.works} works, {c.counts.doesNotWork} does not work, {c.counts.unknown} unknown
                    {c.checkedAt ? ` (checked ${ago(c.checkedAt, Date.now())})` : ''}.
                </div>
            ) : null}
            {c.note ? <div data-capability-note>{c.note}</div> : null}
            {q ? (
                <div data-quota={q.nearLimit ? 'near' : 'ok'}>
                    Quota: {q.left === null ? 'unknown' : q.left}
                    {q.limit === null ? '' : ` of ${q.limit}`} {q.burst ? 'requests (burst)' : 'points'} left
                    {q.windowSec ? ` per ${q.windowSec === 3600 ? 'hour' : `${q.windowSec} s`}` : ''}
                    {q.reason ? ` (${q.reason})` : ''}
                    {q.nearLimit ? ', near the limit' : ''}
                    {q.seenAt ? `, seen ${ago(q.seenAt, Date.now())}` : ''}.
                </div>
            ) : null}
        </div>
    )
}
