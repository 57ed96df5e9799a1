import React, { useState } from 'react'
import { call, type FieldError, type ShownCheck, type Validation } from '../services/api'
import { CapabilityTable } from './capability-table'
import { InboundResult } from './inbound-health'
import { useFocusOutcome } from './focus'
import { Problems } from './messages'
import { siteOfUrl, Standing } from './standing'

const STATUS_TEXT: Record<ShownCheck['status'], string> = {
    pass: 'Passed',
    warn: 'Warning',
    fail: 'Failed',
    skip: 'Skipped',
}

/** Failures first, then warnings: what stops the connection is read before what merely could be better. */
const ORDER: Record<ShownCheck['status'], number> = { fail: 0, warn: 1, pass: 2, skip: 3 }

export function failuresFirst(checks: ShownCheck[]): ShownCheck[] {
    return checks
        .map((c, i) => ({ c, i }))
        .sort((a, b) => ORDER[a.c.status] - ORDER[b.c.status] || a.i - b.i)
        .map((x) => x.c)
}

/**
 * The legacy-token warning's fix names the form-by-form migration (alias template, credential, connection); on this
 * page the way there is the Service account choice at the top, so the page says that instead.
 */
function toServiceChoice(e: React.MouseEvent): void {
    const radio = document.getElementById('way-service')
    if (!radio) return
    e.preventDefault()
    radio.scrollIntoView({ block: 'center' })
    radio.focus()
}

function PageFix({ c }: { c: ShownCheck }) {
    if (c.id === 'config.auth_method' && c.status === 'warn') {
        return (
            <>
                Switch to a service account: choose{' '}
                <a href="#way-service" data-fix-link="service-account" onClick={toServiceChoice}>
                    Service account (recommended by Atlassian)
                </a>{' '}
                under "How should ServiceNow sign in to Jira?" above; this connection keeps working until the new one
                has passed.
            </>
        )
    }
    return <>{c.fix}</>
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
                        <span className="k">Fix:</span> <PageFix c={c} />
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

const ACCOUNT_TYPE: Record<string, string> = {
    atlassian: 'Atlassian user account',
    app: 'service account',
    customer: 'customer account',
}

/** Who ServiceNow acts as in Jira, from the validation's own calls (Jira /myself and /serverInfo). */
function ActingAs({ v }: { v: Validation }) {
    const a = v.actingAs
    if (!a || v.verdict === 'fail') return null
    return (
        <p className="acting-as" data-acting-as={a.accountType}>
            ServiceNow acts as <strong>{a.name}</strong> ({ACCOUNT_TYPE[a.accountType] || `${a.accountType} account`})
            {a.site ? (
                <>
                    {' '}
                    on <strong>{a.site}</strong>
                </>
            ) : null}
            .
        </p>
    )
}

/** The verdict's words (the badge of a validation). */
export const VERDICT_WORDS: Record<string, string> = {
    pass: 'Works',
    warn: 'Works, with warnings',
    fail: 'Does not work',
}

/**
 * A path's own connection is validated while inactive, so its result warns that it is not live (validator.ts
 * connection_inactive). Once that connection has been made live (validated again just before the switch), the warning
 * is no longer true: the result is restated without it, its verdict and summary counted again, and says so. Once it
 * is inactive again (switched back), the result is shown as it was made.
 */
export function restateLive(v: Validation, liveNow: boolean): Validation & { restated: boolean } {
    const inactive = v.checks.filter((c) => c.code === 'connection_inactive')
    if (!liveNow || !inactive.length) return { ...v, restated: false }
    const checks = v.checks.filter((c) => c.code !== 'connection_inactive')
    const failed = checks.filter((c) => c.status === 'fail').length
    const warned = checks.filter((c) => c.status === 'warn').length
    const warnings = `${warned} warning${warned === 1 ? '' : 's'}`
    const summary = v.summary
        .replace(/ works, with \d+ warnings? to look at \((\d+) checks passed\)\./, (_m, passed: string) =>
            warned
                ? ` works, with ${warnings} to look at (${passed} checks passed).`
                : ` works: ${passed} checks passed.`
        )
        .replace(/(failed), \d+ warnings?\./, (_m, f: string) => (warned ? `${f}, ${warnings}.` : `${f}.`))
    const verdict = failed ? 'fail' : warned ? 'warn' : 'pass'
    return { ...v, checks, verdict, summary, restated: true }
}

export function ValidationResult({ v: made, liveNow = false }: { v: Validation; liveNow?: boolean }) {
    const v = restateLive(made, liveNow)
    const ordered = failuresFirst(v.checks)
    const failing = ordered.filter((c) => c.status === 'fail' || c.status === 'warn')
    const passed = ordered.filter((c) => c.status === 'pass')
    return (
        <div className={`verdict ${v.verdict}`} data-verdict={v.verdict} data-outcome tabIndex={-1}>
            <p className="summary">
                <span className={`badge ${v.verdict}`}>{VERDICT_WORDS[v.verdict] || v.verdict}</span> {v.summary}
            </p>
            {v.restated ? (
                <p className="hint" data-restated="live">
                    It is the live connection now (made live after this validation): the warning that it was inactive no
                    longer applies.
                </p>
            ) : null}
            <ActingAs v={v} />
            {(v.standings || []).map((s) => (
                <Standing
                    key={s.connectionSysId}
                    s={s}
                    connection={s.connectionName}
                    site={s.site || siteOfUrl(v.actingAs ? v.actingAs.site : '')}
                    name={s.subject}
                />
            ))}
            {failing.length ? (
                <ul className="checks" aria-label="Checks to fix">
                    {failing.map((c) => (
                        <CheckItem key={`${c.id}-${c.subject || ''}`} c={c} />
                    ))}
                </ul>
            ) : null}
            <CapabilityTable v={v} />
            <InboundResult v={v} />
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

/**
 * The validation step of a path: validates and shows each check with its fix. The result is the path's (it sets the
 * badges of the other steps, and a later action of the path clears it); focus moves to the verdict.
 */
export function ValidateStep(props: {
    result: Validation | null
    onResult: (v: Validation | null) => void
    body?: Record<string, unknown>
    /** Whether the validated connection is the live one now (restateLive). */
    liveNow?: boolean
}) {
    const [busy, setBusy] = useState(false)
    const [errors, setErrors] = useState<FieldError[]>([])
    const { ref, focusOutcome } = useFocusOutcome<HTMLDivElement>()
    const run = async () => {
        setBusy(true)
        setErrors([])
        const r = await call<Validation>('POST', 'validate', props.body || {})
        setBusy(false)
        props.onResult(r.ok ? r.value : null)
        if (!r.ok) setErrors(r.errors)
        focusOutcome()
    }
    return (
        <div>
            <p>Checks every link from ServiceNow to Jira Cloud and says how to fix what does not work.</p>
            <button type="button" className="primary" onClick={run} disabled={busy} data-action="validate">
                {busy ? 'Validating…' : 'Validate'}
            </button>
            <div aria-live="polite" className="result" ref={ref} tabIndex={-1}>
                <Problems errors={errors} fields={[]} />
                {props.result ? <ValidationResult v={props.result} liveNow={props.liveNow} /> : null}
            </div>
        </div>
    )
}
