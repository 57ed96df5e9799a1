import React, { useCallback, useEffect, useState } from 'react'
import { Problems } from './components/messages'
import { call, type FieldError, type HealthRow, type Validation } from './services/api'

/** Health of every Jira connection (alias and child aliases), from the stored validation runs. */
export function HealthView() {
    const [rows, setRows] = useState<HealthRow[] | null>(null)
    const [errors, setErrors] = useState<FieldError[]>([])
    const [busy, setBusy] = useState('')
    const [notice, setNotice] = useState('')
    const load = useCallback(async () => {
        const r = await call<{ rows: HealthRow[] }>('GET', 'health')
        if (r.ok) setRows(r.value.rows)
        else setErrors(r.errors)
    }, [])
    useEffect(() => {
        void load()
    }, [load])
    const validate = async (ids: string[]) => {
        setErrors([])
        for (const id of ids) {
            setBusy(id)
            const r = await call<Validation>('POST', 'validate', { connectionSysId: id })
            if (!r.ok) setErrors(r.errors)
        }
        setBusy('')
        setNotice(`Validated ${ids.length} connection${ids.length === 1 ? '' : 's'}.`)
        await load()
    }
    return (
        <section aria-labelledby="health-title">
            <h2 id="health-title">Connection health</h2>
            <Problems errors={errors} fields={[]} />
            {rows && rows.length ? (
                <button
                    type="button"
                    className="primary"
                    disabled={!!busy}
                    onClick={() => validate(rows.map((r) => r.connectionSysId))}
                    data-action="validate-all"
                >
                    Validate all
                </button>
            ) : null}
            <p role="status">{busy ? 'Validating…' : notice}</p>
            {rows ? (
                <table className="health">
                    <caption className="sr-only">Jira connections and their last validation</caption>
                    <thead>
                        <tr>
                            <th scope="col">Connection</th>
                            <th scope="col">Authentication</th>
                            <th scope="col">Verdict</th>
                            <th scope="col">Last validated</th>
                            <th scope="col">Last success</th>
                            <th scope="col">
                                <span className="sr-only">Actions</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.map((r) => (
                            <tr key={r.connectionSysId} data-connection={r.connectionSysId}>
                                <th scope="row">
                                    <a href={`/http_connection.do?sys_id=${r.connectionSysId}`}>{r.name}</a>
                                    <div className="hint">
                                        {r.url} · {r.alias} {r.active ? '' : '· inactive'}
                                    </div>
                                </th>
                                <td>{r.auth}</td>
                                <td data-verdict={r.verdict}>
                                    <span className={`badge ${r.verdict}`}>{r.verdict}</span>
                                    {r.summary ? <div className="hint">{r.summary}</div> : null}
                                </td>
                                <td>{r.runLink ? <a href={`/${r.runLink}`}>{r.lastRun}</a> : 'never'}</td>
                                <td>{r.lastSuccess || 'never'}</td>
                                <td>
                                    <button
                                        type="button"
                                        className="secondary"
                                        disabled={!!busy}
                                        onClick={() => validate([r.connectionSysId])}
                                        aria-label={`Validate ${r.name}`}
                                    >
                                        Validate
                                    </button>
                                </td>
                            </tr>
                        ))}
                    </tbody>
                </table>
            ) : null}
        </section>
    )
}
