import React, { useState } from 'react'
import { call, type FieldError, type ShownCheck, type Validation } from '../services/api'
import { CapabilityTable } from './capability-table'
import { Problems } from './messages'

const STATUS_TEXT: Record<ShownCheck['status'], string> = {
    pass: 'Passed',
    warn: 'Warning',
    fail: 'Failed',
    skip: 'Skipped',
}

function CheckItem({ c }: { c: ShownCheck }) {
    return (
        <li className={`check ${c.status}`} data-check={c.id} data-status={c.status}>
            <span className={`badge ${c.status}`}>{STATUS_TEXT[c.status]}</span> <strong>{c.title}</strong>
            {c.subject ? <span className="subject"> ({c.subject})</span> : null}
            {c.status !== 'pass' && c.status !== 'skip' ? (
                <div className="check-detail">
                    <p>
                        <span className="k">Found:</span> {c.found}
                    </p>
                    <p>
                        <span className="k">Expected:</span> {c.expected}
                    </p>
                    <p>
                        <span className="k">Fix:</span> {c.fix}
                    </p>
                    <p className="fix-links">
                        {c.step ? <a href={`#step-${c.step}`}>Go to step {c.step}</a> : null}
                        {c.link ? (
                            <a href={`/${c.link}`} target="_blank" rel="noopener">
                                Open the record to change (new tab)
                            </a>
                        ) : null}
                    </p>
                </div>
            ) : null}
        </li>
    )
}

export function ValidationResult({ v }: { v: Validation }) {
    const failing = v.checks.filter((c) => c.status === 'fail' || c.status === 'warn')
    const passed = v.checks.filter((c) => c.status === 'pass')
    return (
        <div className={`verdict ${v.verdict}`} data-verdict={v.verdict}>
            <p className="summary">
                <span className={`badge ${v.verdict}`}>
                    {v.verdict === 'pass' ? 'Works' : v.verdict === 'warn' ? 'Works, with warnings' : 'Does not work'}
                </span>{' '}
                {v.summary}
            </p>
            {failing.length ? (
                <ul className="checks" aria-label="Checks to fix">
                    {failing.map((c) => (
                        <CheckItem key={`${c.id}-${c.subject || ''}`} c={c} />
                    ))}
                </ul>
            ) : null}
            <CapabilityTable v={v} />
            <details>
                <summary>{passed.length} checks passed</summary>
                <ul className="checks">
                    {passed.map((c) => (
                        <CheckItem key={`${c.id}-${c.subject || ''}`} c={c} />
                    ))}
                </ul>
            </details>
            {v.runLink ? (
                <p>
                    <a href={`/${v.runLink}`} target="_blank" rel="noopener">
                        Open the stored validation run (new tab)
                    </a>
                </p>
            ) : null}
        </div>
    )
}

/** The last step of a path: validate that path's own connection (live or not) and show each check with its fix. */
export function ValidateStep({
    onVerdict,
    target,
}: {
    onVerdict?: (verdict: string) => void
    target: 'oauth' | 'api-token'
}) {
    const [busy, setBusy] = useState(false)
    const [result, setResult] = useState<Validation | null>(null)
    const [errors, setErrors] = useState<FieldError[]>([])
    const run = async () => {
        setBusy(true)
        setErrors([])
        const r = await call<Validation>('POST', 'validate', { target })
        setBusy(false)
        if (r.ok) setResult(r.value)
        else setErrors(r.errors)
        if (onVerdict) onVerdict(r.ok ? r.value.verdict : 'fail')
    }
    return (
        <div>
            <p>Checks every link from ServiceNow to Jira Cloud and says how to fix what does not work.</p>
            <button type="button" className="primary" onClick={run} disabled={busy} data-action="validate">
                {busy ? 'Validating…' : 'Validate'}
            </button>
            <div aria-live="polite" className="result">
                <Problems errors={errors} fields={[]} />
                {result ? <ValidationResult v={result} /> : null}
            </div>
        </div>
    )
}
