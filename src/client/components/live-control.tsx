import React, { useState } from 'react'
import { type Activation, call, type FieldError, type SetupState, type Validation } from '../services/api'
import { useFocusOutcome } from './focus'
import { Problems } from './messages'
import { ValidationResult } from './validate-step'

const PATH_LABEL: Record<string, string> = {
    oauth: 'OAuth 2.0 (3LO)',
    'service-account': 'service account',
    'api-token': 'API token',
    site: 'another site',
    other: 'created outside this page',
}

/** The path's label after a connection's name, unless the name already says it ("Jira Cloud acme (API token)"). */
function pathSuffix(name: string, path: string): string {
    const label = PATH_LABEL[path] || path
    return label && name.toLowerCase().indexOf(label.toLowerCase()) < 0 ? ` (${label})` : ''
}

/** The page-wide line that says which connection of the Jira alias is live, and who may change it. */
export function LiveBanner({ state, reload }: { state: SetupState; reload: () => Promise<SetupState | null> }) {
    const l = state.live
    return (
        <div className="live-banner" data-live={l ? l.sysId : ''}>
            <p>
                {l ? (
                    <>
                        <span className="badge ok">Live</span> ServiceNow uses <strong>{l.name}</strong>
                        {pathSuffix(l.name, l.path)} for Jira now.
                    </>
                ) : (
                    <>
                        <span className="badge fail">None live</span> No connection of the Jira alias is active: Jira
                        actions cannot run until one is made live.
                    </>
                )}
            </p>
            {!state.access.canWrite ? (
                <p className="hint" data-readonly="true">
                    {state.access.message}
                </p>
            ) : null}
            <SwitchBack state={state} reload={reload} />
        </div>
    )
}

/** What the page writes in place of a form for a user who may read but not change the integration. */
export function ReadOnly({ state }: { state: SetupState }) {
    return (
        <p className="hint" data-readonly="true">
            {state.access.message}
        </p>
    )
}

/**
 * A path's own connection: Active or Inactive, and "Make this the live connection" once its validation passed
 * (the server validates it again before switching, and refuses a failing one unless forced).
 */
export function LiveControl(props: {
    state: SetupState
    connection: { sysId: string; name: string; active: boolean } | null
    /** The verdict of this path's latest validation on the page ('' when not validated yet). */
    verdict: string
    reload: () => Promise<SetupState | null>
    /** A connection on a child alias of its own (another site): nothing else is live on its alias. */
    ownAlias?: boolean
}) {
    const c = props.connection
    const [busy, setBusy] = useState(false)
    const [errors, setErrors] = useState<FieldError[]>([])
    const [result, setResult] = useState<Activation | null>(null)
    const { ref, focusOutcome } = useFocusOutcome<HTMLDivElement>()
    if (!c) return null
    const passed = props.verdict === 'pass' || props.verdict === 'warn'
    const makeLive = async (force: boolean) => {
        setBusy(true)
        setErrors([])
        const r = await call<Activation>('POST', 'activate', { connectionSysId: c.sysId, force })
        setBusy(false)
        if (!r.ok) {
            setErrors(r.errors)
            return focusOutcome()
        }
        setResult(r.value)
        await props.reload()
        // The button it was on is gone once the connection is live: focus goes to what happened.
        focusOutcome()
    }
    const failed = props.verdict === 'fail' || (result && result.outcome === 'refused')
    return (
        <div
            className="live-control"
            data-connection={c.sysId}
            data-live-status={c.active ? 'active' : 'inactive'}
            ref={ref}
        >
            <p>
                <strong>{c.name}</strong>{' '}
                <span className={`badge ${c.active ? 'ok' : 'neutral'}`}>{c.active ? 'Active' : 'Inactive'}</span>{' '}
                {c.active
                    ? 'This is the live connection: Jira actions use it.'
                    : props.state.live && !props.ownAlias
                      ? `Not live: "${props.state.live.name}" is. Validate it; it goes live only when you make it so.`
                      : 'Not live: no connection is live. Validate it, then make it live.'}
            </p>
            {!c.active && props.state.access.canWrite ? (
                <p>
                    <button
                        type="button"
                        className="primary"
                        disabled={busy || !passed}
                        onClick={() => makeLive(false)}
                        data-action="make-live"
                        aria-describedby={`make-live-hint-${c.sysId}`}
                    >
                        {busy ? 'Validating and switching…' : 'Make this the live connection'}
                    </button>{' '}
                    {failed ? (
                        <button
                            type="button"
                            className="secondary"
                            disabled={busy}
                            onClick={() => makeLive(true)}
                            data-action="force-live"
                        >
                            Make it live anyway (its validation failed)
                        </button>
                    ) : null}
                    <span className="hint" id={`make-live-hint-${c.sysId}`}>
                        {' '}
                        {passed
                            ? 'It is validated again just before the switch; the connection live now is deactivated ' +
                              'only if that passes.'
                            : 'Available once its validation passes.'}
                    </span>
                </p>
            ) : null}
            <Problems errors={errors} fields={[]} />
            {result ? (
                <div role="status" data-activation={result.outcome} data-outcome tabIndex={-1}>
                    <p>{result.message}</p>
                    {result.outcome === 'refused' && result.validation ? (
                        <ValidationResult v={result.validation as Validation} />
                    ) : null}
                </div>
            ) : null}
        </div>
    )
}

/** "Switch back" to the connection the last switch deactivated, offered for a while, validated the same way. */
function SwitchBack({ state, reload }: { state: SetupState; reload: () => Promise<SetupState | null> }) {
    const s = state.switchBack
    const [busy, setBusy] = useState(false)
    const [errors, setErrors] = useState<FieldError[]>([])
    const [result, setResult] = useState<Activation | null>(null)
    const { ref, focusOutcome } = useFocusOutcome<HTMLDivElement>()
    const outcome = result ? (
        <p role="status" data-outcome tabIndex={-1}>
            {result.message}
        </p>
    ) : null
    // Once switched back there is nothing left to undo: the outcome stays, and keeps the focus it was given.
    if (!s || !state.access.canWrite) return <div ref={ref}>{outcome}</div>
    const back = async (force: boolean) => {
        setBusy(true)
        setErrors([])
        const r = await call<Activation>('POST', 'switch-back', { force })
        setBusy(false)
        if (!r.ok) {
            setErrors(r.errors)
            return focusOutcome()
        }
        setResult(r.value)
        await reload()
        focusOutcome()
    }
    return (
        <div className="switch-back" data-switch-back={s.connectionSysId} ref={ref}>
            <p>
                {s.by} made "{s.fromName}" live on {s.at} GMT, deactivating "{s.name}".{' '}
                <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={() => back(false)}
                    data-action="switch-back"
                >
                    {busy ? 'Validating…' : `Switch back to "${s.name}"`}
                </button>{' '}
                <span className="hint">
                    (validated first; offered until {s.until} GMT)
                    {result && result.outcome === 'refused' ? ' ' : ''}
                </span>
                {result && result.outcome === 'refused' ? (
                    <button
                        type="button"
                        className="secondary"
                        disabled={busy}
                        onClick={() => back(true)}
                        data-action="force-switch-back"
                    >
                        Switch back anyway
                    </button>
                ) : null}
            </p>
            <Problems errors={errors} fields={[]} />
            {outcome}
        </div>
    )
}
