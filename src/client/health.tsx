import React, { useCallback, useEffect, useState } from 'react'
import { Problems } from './components/messages'
import { call, type FieldError, type HealthCheckShown, type HealthRow } from './services/api'

const VERDICT_TEXT: Record<string, string> = {
    healthy: 'Healthy',
    warning: 'Warning',
    broken: 'Broken',
    not_checked: 'Not checked yet',
}

const BADGE: Record<string, string> = { healthy: 'pass', warning: 'warn', broken: 'fail', not_checked: 'neutral' }

function when(v: string): string {
    return v ? `${v} UTC` : ''
}

/**
 * Health of every Jira connection (alias and child aliases, and the OAuth credentials the health check covers), from
 * the connection health records; a connection the health check has not seen yet shows its latest validation run and
 * says so. Validate all runs the health check (as the Connection Health list's button does); Validate runs it on one.
 */
export function HealthView() {
    const [rows, setRows] = useState<HealthRow[] | null>(null)
    const [errors, setErrors] = useState<FieldError[]>([])
    const [busy, setBusy] = useState('')
    const [notice, setNotice] = useState('')
    const [runLink, setRunLink] = useState('')
    const load = useCallback(async () => {
        const r = await call<{ rows: HealthRow[] }>('GET', 'health')
        if (r.ok) setRows(r.value.rows)
        else setErrors(r.errors)
    }, [])
    useEffect(() => {
        void load()
    }, [load])
    const check = async (sysId: string | null) => {
        setErrors([])
        setNotice('')
        setRunLink('')
        setBusy(sysId || 'all')
        const r = await call<HealthCheckShown>('POST', 'health', sysId ? { sysId } : {})
        setBusy('')
        if (!r.ok) return setErrors(r.errors)
        setRows(r.value.rows)
        setNotice(r.value.message)
        setRunLink(r.value.runLink)
    }
    return (
        <section aria-labelledby="health-title">
            <h2 id="health-title">Connection health</h2>
            <p className="hint">
                From the connection health records the health check keeps (daily, and on Validate). Times are UTC.
            </p>
            <Problems errors={errors} fields={[]} />
            {rows && rows.length ? (
                <button
                    type="button"
                    className="primary"
                    disabled={!!busy}
                    onClick={() => check(null)}
                    data-action="validate-all"
                >
                    Validate all
                </button>
            ) : null}
            <p role="status" data-health-message>
                {busy ? 'Checking…' : notice}
                {!busy && runLink ? (
                    <>
                        {' '}
                        <a href={`/${runLink}`}>Open the validation run</a>
                    </>
                ) : null}
            </p>
            {rows && rows.length === 0 ? <p>No Jira connection on the Jira alias or its child aliases.</p> : null}
            {rows && rows.length ? (
                <table className="health">
                    <caption className="sr-only">Jira connections and their health</caption>
                    <thead>
                        <tr>
                            <th scope="col">Connection</th>
                            <th scope="col">Verdict</th>
                            <th scope="col">Last success</th>
                            <th scope="col">Token expiries</th>
                            <th scope="col">Last check</th>
                            <th scope="col">
                                <span className="sr-only">Actions</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.map((r) => (
                            <Row key={r.subjectSysId} row={r} busy={busy} onValidate={() => check(r.subjectSysId)} />
                        ))}
                    </tbody>
                </table>
            ) : null}
        </section>
    )
}

function Row({ row: r, busy, onValidate }: { row: HealthRow; busy: string; onValidate: () => void }) {
    return (
        <tr data-connection={r.subjectSysId} data-source={r.source}>
            <th scope="row">
                <a href={`/${r.recordLink}`}>{r.name}</a>
                <div className="hint">
                    {[r.url, r.alias, r.auth, r.active ? '' : 'inactive'].filter(Boolean).join(' · ')}
                </div>
            </th>
            <td data-verdict={r.verdict}>
                <span className={`badge ${BADGE[r.verdict] || 'neutral'}`}>{VERDICT_TEXT[r.verdict] || r.verdict}</span>
                {r.verdictSince ? <div className="hint">since {when(r.verdictSince)}</div> : null}
                {r.source === 'run' ? (
                    <div className="hint" data-fallback="run">
                        Not checked yet by the health check: verdict of the latest validation run.
                    </div>
                ) : null}
                {r.summary ? <div className="hint summary">{r.summary}</div> : null}
            </td>
            <td data-last-success>{when(r.lastSuccess) || 'never'}</td>
            <td data-expiries>
                {r.accessExpires ? <div>Access token: {when(r.accessExpires)}</div> : null}
                {r.refreshExpires ? <div>Refresh token: {when(r.refreshExpires)}</div> : null}
                {r.nextExpiry && r.nextExpiryWhat && !/refresh/i.test(r.nextExpiryWhat) ? (
                    <div>
                        {r.nextExpiryWhat}: {when(r.nextExpiry)}
                    </div>
                ) : null}
                {!r.accessExpires && !r.refreshExpires && !r.nextExpiry ? <span className="hint">unknown</span> : null}
            </td>
            <td data-last-check>
                {r.lastChecked ? (
                    r.runLink ? (
                        <a href={`/${r.runLink}`}>{when(r.lastChecked)}</a>
                    ) : (
                        when(r.lastChecked)
                    )
                ) : (
                    'never'
                )}
                {r.healthLink ? (
                    <div>
                        <a href={`/${r.healthLink}`} data-health-link>
                            Health record
                        </a>
                    </div>
                ) : null}
            </td>
            <td>
                <button
                    type="button"
                    className="secondary"
                    disabled={!!busy}
                    onClick={onValidate}
                    aria-label={`Validate ${r.name}`}
                >
                    {busy === r.subjectSysId ? 'Checking…' : 'Validate'}
                </button>
            </td>
        </tr>
    )
}
