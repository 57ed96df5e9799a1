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
    const { busy, errors, result, run, ref } = useSwitch<HTMLDivElement>('activate', props.reload)
    if (!c) return null
    const passed = props.verdict === 'pass' || props.verdict === 'warn'
    const makeLive = (force: boolean) => run({ connectionSysId: c.sysId, force })
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
                    <SwitchButton
                        action="make-live"
                        primary
                        disabled={busy || !passed}
                        onClick={() => makeLive(false)}
                        describedBy={`make-live-hint-${c.sysId}`}
                    >
                        {busy ? 'Validating and switching…' : 'Make this the live connection'}
                    </SwitchButton>{' '}
                    {failed ? (
                        <SwitchButton action="force-live" disabled={busy} onClick={() => makeLive(true)}>
                            Make it live anyway (its validation failed)
                        </SwitchButton>
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
    const { busy, errors, result, run, ref } = useSwitch<HTMLDivElement>('switch-back', reload)
    const outcome = result ? (
        <p role="status" data-outcome tabIndex={-1}>
            {result.message}
        </p>
    ) : null
    // Once switched back there is nothing left to undo: the outcome stays, and keeps the focus it was given.
    if (!s || !state.access.canWrite) return <div ref={ref}>{outcome}</div>
    const back = (force: boolean) => run({ force })
    return (
        <div className="switch-back" data-switch-back={s.connectionSysId} ref={ref}>
            <p>
                {s.by} made "{s.fromName}" live on {s.at} GMT, deactivating "{s.name}".{' '}
                <SwitchButton action="switch-back" disabled={busy} onClick={() => back(false)}>
                    {busy ? 'Validating…' : `Switch back to "${s.name}"`}
                </SwitchButton>{' '}
                <span className="hint">
                    (validated first; offered until {s.until} GMT)
                    {result && result.outcome === 'refused' ? ' ' : ''}
                </span>
                {result && result.outcome === 'refused' ? (
                    <SwitchButton action="force-switch-back" disabled={busy} onClick={() => back(true)}>
                        Switch back anyway
                    </SwitchButton>
                ) : null}
            </p>
            <Problems errors={errors} fields={[]} />
            {outcome}
        </div>
    )
}

/**
 * The call behind every switch on this page (activate, switch-back): the server validates before it switches. On an
 * answer the page reloads its state, then shows what happened and moves focus to it (the button it was on may be gone).
 */
function useSwitch<T extends HTMLElement>(
    resource: 'activate' | 'switch-back',
    reload: () => Promise<SetupState | null>
) {
    const [busy, setBusy] = useState(false)
    const [errors, setErrors] = useState<FieldError[]>([])
    const [result, setResult] = useState<Activation | null>(null)
    const { ref, focusOutcome } = useFocusOutcome<T>()
    const run = async (body: { connectionSysId?: string; force: boolean }) => {
        setBusy(true)
        setErrors([])
        const r = await call<Activation>('POST', resource, body)
        if (!r.ok) {
            setBusy(false)
            setErrors(r.errors)
            return focusOutcome()
        }
        // The outcome shows with the state it describes (badges, notices, banner): reload first, then both in one
        // render. Shown before the reload, "is now the live connection" sat beside the old badges and "not live".
        await reload()
        setBusy(false)
        setResult(r.value)
        focusOutcome()
    }
    return { busy, errors, result, run, ref }
}

/** One button of a switch (make live, make it live anyway, switch back, switch back anyway). */
function SwitchButton(props: {
    action: string
    primary?: boolean
    disabled: boolean
    onClick: () => void
    describedBy?: string
    children: React.ReactNode
}) {
    return (
        <button
            type="button"
            className={props.primary ? 'primary' : 'secondary'}
            disabled={props.disabled}
            onClick={props.onClick}
            data-action={props.action}
            aria-describedby={props.describedBy}
        >
            {props.children}
        </button>
    )
}
