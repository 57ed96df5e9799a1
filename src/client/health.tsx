import React, { useCallback, useEffect, useState } from 'react'
import { useFocusOutcome } from './components/focus'
import { CapabilityHealth } from './components/capability-health'
import { Finding } from './components/finding'
import { InboundHealth } from './components/inbound-health'
import { Problems } from './components/messages'
import { siteOfUrl, Standing } from './components/standing'
import { call, type FieldError, type HealthCheckShown, type HealthRow } from './services/api'

const VERDICT_TEXT: Record<string, string> = {
    healthy: 'Healthy',
    warning: 'Warning',
    broken: 'Broken',
    not_checked: 'Not checked',
    not_configured: 'Not configured',
    no_longer_checked: 'No longer checked',
}

/** What the verdicts that are not a judgement mean (docs/health.md "Verdicts"); not_checked says its own reason. */
const MEANING: Record<string, string> = {
    not_configured: 'Never set up: no alert is sent until it is.',
    no_longer_checked: 'Inactive or deleted: the health check keeps its history and no longer checks it.',
}

const BADGE: Record<string, string> = { healthy: 'pass', warning: 'warn', broken: 'fail' }

/** Any verdict the health check may give, known or new ("no_longer_checked" → "No longer checked"). */
export function verdictText(v: string): string {
    if (VERDICT_TEXT[v]) return VERDICT_TEXT[v]
    const words = (v || 'not_checked').replace(/[_-]+/g, ' ').trim()
    return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A date on one line. */
function When({ v }: { v: string }) {
    return v ? <span className="date">{v} UTC</span> : null
}

/** The row's stamp of a Validate: "Validated at <time> UTC." (the whole result is in the notice above the table). */
function stampOf(message: string): string {
    const m = /^(Validated|Checked .*?) at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC/.exec(message)
    return m ? `Validated at ${m[2]} UTC.` : message
}

/**
 * Health of every Jira connection (alias and child aliases), one row each with the credential it uses inside the
 * row, from the connection health records; a connection the health check has not seen yet shows its latest
 * validation run and says so. Validate all runs the health check (as the Connection Health list's button does);
 * Validate runs it on one row. Each result is stamped with its time and run; focus moves to it.
 */
export function HealthView() {
    const [rows, setRows] = useState<HealthRow[] | null>(null)
    const [errors, setErrors] = useState<FieldError[]>([])
    const [busy, setBusy] = useState('')
    const [result, setResult] = useState<{ of: string; message: string; runLink: string } | null>(null)
    const { ref, focusOutcome } = useFocusOutcome<HTMLDivElement>()
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
        setResult(null)
        setBusy(sysId || 'all')
        const r = await call<HealthCheckShown>('POST', 'health', sysId ? { sysId } : {})
        setBusy('')
        if (!r.ok) {
            setErrors(r.errors)
            return focusOutcome()
        }
        setRows(r.value.rows)
        setResult({ of: sysId || 'all', message: r.value.message, runLink: r.value.runLink })
        focusOutcome()
    }
    const connections = rows ? rows.filter((r) => r.kind === 'connection').length : 0
    return (
        <section aria-labelledby="health-title">
            <h2 id="health-title">Connection health</h2>
            <p className="hint">
                From the connection health records the health check keeps (daily, and on Validate). Times are UTC.
            </p>
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
            <div ref={ref} aria-live="polite">
                <Problems errors={errors} fields={[]} />
                {busy ? <p>Checking…</p> : null}
                {!busy && result ? (
                    <p className="notice" data-health-message data-outcome tabIndex={-1}>
                        {result.message}
                        {result.runLink ? (
                            <>
                                {' '}
                                <a href={`/${result.runLink}`}>Open the validation run</a>
                            </>
                        ) : null}
                    </p>
                ) : null}
            </div>
            {rows && rows.length === 0 ? <p>No Jira connection on the Jira alias or its child aliases.</p> : null}
            {rows && rows.length ? (
                <table className="health">
                    <caption className="sr-only">
                        {connections} Jira {connections === 1 ? 'connection' : 'connections'} and their health
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">Connection and credential</th>
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
                            <Row
                                key={r.subjectSysId}
                                row={r}
                                busy={busy}
                                result={result && result.of === r.subjectSysId ? result : null}
                                onValidate={() => check(r.subjectSysId)}
                            />
                        ))}
                    </tbody>
                </table>
            ) : null}
            {rows ? <InboundHealth rows={rows} /> : null}
        </section>
    )
}

function Credential({ c }: { c: NonNullable<HealthRow['credential']> }) {
    return (
        <div className="credential" data-credential={c.subjectSysId}>
            Credential <a href={`/${c.recordLink}`}>{c.name}</a>:{' '}
            <span className={`badge ${BADGE[c.verdict] || 'neutral'}`}>{verdictText(c.verdict)}</span>
            {c.lastChecked ? (
                <>
                    {' '}
                    checked <When v={c.lastChecked} />
                </>
            ) : null}
            {c.healthLink ? (
                <>
                    {' '}
                    <a href={`/${c.healthLink}`}>Health record</a>
                </>
            ) : null}
            <Finding text={c.summary} />
        </div>
    )
}

function Row(props: {
    row: HealthRow
    busy: string
    result: { message: string; runLink: string } | null
    onValidate: () => void
}) {
    const { row: r, busy } = props
    return (
        <tr data-connection={r.subjectSysId} data-source={r.source} data-kind={r.kind}>
            <th scope="row">
                <a href={`/${r.recordLink}`}>{r.name}</a>
                <div className="hint">
                    {[r.url, r.alias, r.auth, r.kind === 'connection' && !r.active ? 'inactive' : '']
                        .filter(Boolean)
                        .join(' · ')}
                </div>
                {r.credential ? <Credential c={r.credential} /> : null}
                {r.standing ? <Standing s={r.standing} site={siteOfUrl(r.url)} connection={r.name} compact /> : null}
            </th>
            <td data-verdict={r.verdict}>
                <span className={`badge ${BADGE[r.verdict] || 'neutral'}`}>{verdictText(r.verdict)}</span>
                {MEANING[r.verdict] ? (
                    <div className="hint" data-meaning>
                        {MEANING[r.verdict]}
                    </div>
                ) : null}
                {r.verdictSince ? (
                    <div className="hint">
                        since <When v={r.verdictSince} />
                    </div>
                ) : null}
                {r.source === 'run' && r.covered ? (
                    <div className="hint" data-fallback="run">
                        Not checked yet by the health check: verdict of the latest validation run.
                    </div>
                ) : null}
                <Finding text={r.summary} />
                <CapabilityHealth row={r} />
            </td>
            <td data-last-success>{r.lastSuccess ? <When v={r.lastSuccess} /> : 'never'}</td>
            <td data-expiries>
                {r.accessExpires ? (
                    <div>
                        Access token: <When v={r.accessExpires} />
                    </div>
                ) : null}
                {r.refreshExpires ? (
                    <div>
                        Refresh token: <When v={r.refreshExpires} />
                    </div>
                ) : null}
                {r.nextExpiry && r.nextExpiryWhat && !/refresh/i.test(r.nextExpiryWhat) ? (
                    <div>
                        {r.nextExpiryWhat}: <When v={r.nextExpiry} />
                    </div>
                ) : null}
                {!r.accessExpires && !r.refreshExpires && !r.nextExpiry ? <span className="hint">unknown</span> : null}
            </td>
            <td data-last-check>
                {r.lastChecked ? (
                    r.runLink ? (
                        <a href={`/${r.runLink}`}>
                            <When v={r.lastChecked} />
                        </a>
                    ) : (
                        <When v={r.lastChecked} />
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
                {props.result ? (
                    <div className="hint" data-row-result>
                        {stampOf(props.result.message)}{' '}
                        {props.result.runLink ? <a href={`/${props.result.runLink}`}>Open the run</a> : null}
                    </div>
                ) : null}
            </td>
            <td>
                <button
                    type="button"
                    className="secondary"
                    disabled={!!busy}
                    onClick={props.onValidate}
                    aria-label={`Validate ${r.name}`}
                >
                    {busy === r.subjectSysId ? 'Checking…' : 'Validate'}
                </button>
            </td>
        </tr>
    )
}
