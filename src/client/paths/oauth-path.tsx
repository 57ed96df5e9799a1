import React, { useCallback, useEffect, useState } from 'react'
import { CopyField, ScopeList } from '../components/copy-field'
import { useFocusOutcome } from '../components/focus'
import { LiveControl, ReadOnly } from '../components/live-control'
import { Field, fieldError, Problems, SetOn } from '../components/messages'
import { fromChecks, fromVerdict, Step, type StepState } from '../components/step'
import { ProjectsField } from '../components/projects-field'
import { ValidateStep } from '../components/validate-step'
import { call, type FieldError, type SetupState, type Site, type Validation } from '../services/api'
import { runTokenPopup } from './oauth-popup'
import { OtherSites } from './other-sites'
import { classify, earlierToken, type TokenAttempt } from './token-outcome'

type Reload = () => Promise<SetupState | null>

/**
 * Each step's badge follows the latest evidence for it: the latest Get OAuth Token attempt on this page, then the
 * latest validation (an attempt or a new client ID and secret clears the validation, which is then stale).
 */
export function oauthBadges(state: SetupState, attempt: TokenAttempt | null, v: Validation | null): StepState[] {
    const o = state.oauth
    const secretsSet = o.clientIdSet && o.clientSecretSet
    const hasToken = !!(o.token && o.token.hasAccessToken)
    const received = !!attempt && attempt.kind === 'received'
    // Consent only completes when Atlassian accepts the app's callback URL and scopes: a token received (now or
    // before) or a validation that did not fail proves step 1; nothing else does.
    const step1 = fromChecks(v, 1) || (received || hasToken || (v && v.verdict !== 'fail') ? 'done' : 'todo')
    const step2 = fromChecks(v, 2) || (attempt && attempt.kind === 'rejected' ? 'failed' : secretsSet ? 'done' : 'todo')
    let step3: StepState = hasToken ? 'done' : secretsSet ? 'todo' : 'blocked'
    if (attempt && attempt.kind !== 'received') step3 = attempt.earlier ? 'attention' : 'failed'
    step3 = fromChecks(v, 3) || step3
    const step4 = fromChecks(v, 4) || (o.connection && o.connection.cloudId ? 'done' : hasToken ? 'todo' : 'blocked')
    return [step1, step2, step3, step4, fromVerdict(v, !!(o.connection && o.connection.active))]
}

/** OAuth 2.0 (3LO) for a user: Atlassian app, client id and secret, token, site, validate. */
export function OAuthPath({ state, reload }: { state: SetupState; reload: Reload }) {
    const hasToken = !!(state.oauth.token && state.oauth.token.hasAccessToken)
    const [validation, setValidation] = useState<Validation | null>(null)
    const [attempt, setAttempt] = useState<TokenAttempt | null>(null)
    const badges = oauthBadges(state, attempt, validation)
    const onSecrets = () => {
        setAttempt(null)
        setValidation(null)
    }
    const onAttempt = (a: TokenAttempt) => {
        setAttempt(a)
        setValidation(null)
    }
    return (
        <ol className="steps">
            <Step n={1} title="Create the app in the Atlassian developer console" state={badges[0]}>
                <AtlassianApp state={state} />
            </Step>
            <Step n={2} title="Paste the app's client ID and secret" state={badges[1]}>
                <ClientSecrets state={state} reload={reload} onSaved={onSecrets} />
            </Step>
            <Step n={3} title="Get an OAuth token" state={badges[2]}>
                <TokenStep state={state} reload={reload} attempt={attempt} onAttempt={onAttempt} />
            </Step>
            <Step n={4} title="Pick the Jira site" state={badges[3]}>
                {hasToken ? (
                    <SiteStep state={state} reload={reload} />
                ) : (
                    <p className="hint">Available once a token exists (step 3).</p>
                )}
            </Step>
            <Step n={5} title="Validate the connection" state={badges[4]}>
                <ProjectsField onSaved={() => setValidation(null)} />
                <ValidateStep
                    result={validation}
                    onResult={setValidation}
                    body={{ target: 'oauth' }}
                    liveNow={!!(state.oauth.connection && state.oauth.connection.active)}
                />
                <LiveControl
                    state={state}
                    connection={state.oauth.connection}
                    verdict={validation ? validation.verdict : ''}
                    reload={reload}
                />
            </Step>
        </ol>
    )
}

function AtlassianApp({ state }: { state: SetupState }) {
    return (
        <div>
            <ol className="instructions">
                <li>
                    Open{' '}
                    <a href="https://developer.atlassian.com/console/myapps/" target="_blank" rel="noopener">
                        developer.atlassian.com → Developer console
                    </a>{' '}
                    → <strong>Create</strong> → <strong>OAuth 2.0 integration</strong>, name it (e.g. ServiceNow), agree
                    and create.
                </li>
                <li>
                    <strong>Permissions</strong> → <strong>Jira API</strong> → <strong>Add</strong> →{' '}
                    <strong>Configure</strong>: under
                    <strong> Classic scopes</strong> and <strong>Granular scopes</strong> (Edit scopes), select each
                    scope below and save.
                </li>
                <li>
                    <strong>Authorization</strong> → <strong>OAuth 2.0 (3LO)</strong> → <strong>Add</strong>: paste the
                    callback URL below and save.
                </li>
                <li>
                    <strong>Settings</strong>: copy the <strong>Client ID</strong> and <strong>Secret</strong> for step
                    2.
                </li>
            </ol>
            <CopyField label="Callback URL (this instance)" value={state.callbackUrl} name="callback" />
            <div className="scopes">
                <ScopeList title="Classic scopes" scopes={state.scopes.classic} name="classic" />
                <ScopeList title="Granular scopes" scopes={state.scopes.granular} name="granular" />
            </div>
            <p className="hint">
                {state.scopes.requestedOnly.join(', ')} is not chosen in the console: ServiceNow asks for it, so
                Atlassian issues a refresh token.
            </p>
        </div>
    )
}

function ClientSecrets({ state, reload, onSaved }: { state: SetupState; reload: Reload; onSaved: () => void }) {
    const [clientId, setClientId] = useState('')
    const [clientSecret, setClientSecret] = useState('')
    const [errors, setErrors] = useState<FieldError[]>([])
    const [busy, setBusy] = useState(false)
    const [saved, setSaved] = useState('')
    const { ref, focusOutcome } = useFocusOutcome<HTMLFormElement>()
    const save = async (e: React.FormEvent) => {
        e.preventDefault()
        setBusy(true)
        setSaved('')
        const r = await call<{ savedOn: string }>('PUT', 'oauth-client', { clientId, clientSecret })
        if (!r.ok) {
            setBusy(false)
            setErrors(r.errors)
            return focusOutcome()
        }
        // The notice shows with the state it describes (the "set on" line, step 2 Done): reload first.
        await reload()
        setBusy(false)
        setErrors([])
        setClientId('')
        setClientSecret('')
        setSaved('Client ID and secret saved. Next: Get OAuth Token (step 3).')
        onSaved()
        focusOutcome()
    }
    const o = state.oauth
    if (!state.access.canWrite) return <ReadOnly state={state} />
    return (
        <form onSubmit={save} noValidate ref={ref}>
            {o.clientIdSet && o.clientSecretSet ? <SetOn what="Client ID and secret" on={o.savedOn} /> : null}
            <Field
                id="clientId"
                label="Client ID"
                hint="From the app's Settings in the developer console: copy it whole."
                value={clientId}
                onChange={setClientId}
                error={fieldError(errors, 'clientId')}
            />
            <Field
                id="clientSecret"
                label="Secret"
                hint={
                    o.clientSecretSet
                        ? 'Leave blank to keep the stored secret (developer.atlassian.com → your app → Settings).'
                        : undefined
                }
                type="password"
                autoComplete="new-password"
                value={clientSecret}
                onChange={setClientSecret}
                error={fieldError(errors, 'clientSecret')}
            />
            <Problems errors={errors} fields={['clientId', 'clientSecret']} />
            <button type="submit" className="primary" disabled={busy} data-action="save-oauth-client">
                {o.clientIdSet ? 'Replace client ID and secret' : 'Save client ID and secret'}
            </button>
            <span role="status" className="saved" tabIndex={-1} {...(saved ? { 'data-outcome': true } : {})}>
                {saved}
            </span>
        </form>
    )
}

const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1)

/** What the latest attempt did, in this attempt's words, with the step that fixes it. */
function AttemptMessage({ attempt, state }: { attempt: TokenAttempt; state: SetupState }) {
    const earlier = (a: { earlier: boolean }) =>
        a.earlier ? `; ${earlierToken(state.oauth.token)} is still in use.` : ': no token is stored.'
    if (attempt.kind === 'received') {
        return (
            <p className="notice" data-attempt="received" data-outcome tabIndex={-1}>
                <span className="badge ok">Token</span> Token received in this attempt. Next: the site (step 4), then
                Validate (step 5).
            </p>
        )
    }
    let text: React.ReactNode
    let step = 3
    if (attempt.kind === 'rejected') {
        step = 2
        text = (
            <>
                Atlassian rejected the client ID or secret: copy the secret again from the developer console, then
                Replace in step 2.
                {attempt.earlier ? ` ${capital(earlierToken(state.oauth.token))} is still stored.` : ''}
            </>
        )
    } else if (attempt.kind === 'denied') {
        text = <>Consent was denied in Atlassian{earlier(attempt)} To get a token, click Get OAuth Token and Accept.</>
    } else if (attempt.kind === 'blocked') {
        text = <>The browser blocked the Atlassian window: allow pop-ups for this instance and click again.</>
    } else if (attempt.kind === 'closed') {
        text = (
            <>
                The Atlassian window was closed before a token arrived{earlier(attempt)} If Atlassian said scopes are
                missing, add every scope of step 1 to the app; then click Get OAuth Token again.
            </>
        )
    } else {
        text = (
            <>
                No token from this attempt{earlier(attempt)} The instance said: {attempt.message}
            </>
        )
    }
    return (
        <div role="alert" className="problem" data-attempt={attempt.kind} tabIndex={-1}>
            <p>{text}</p>
            <p>
                <a href={`#step-${step}`}>Go to step {step}</a>
            </p>
        </div>
    )
}

function TokenStep(props: {
    state: SetupState
    reload: Reload
    attempt: TokenAttempt | null
    onAttempt: (a: TokenAttempt) => void
}) {
    const [waiting, setWaiting] = useState(false)
    const { ref, focusOutcome } = useFocusOutcome<HTMLDivElement>()
    const o = props.state.oauth
    const ready = o.clientIdSet && o.clientSecretSet && !!o.getTokenPath
    const get = async () => {
        if (!o.getTokenPath) return
        setWaiting(true)
        const before = o.token
        const outcome = await runTokenPopup(o.getTokenPath)
        const after = await props.reload()
        setWaiting(false)
        props.onAttempt(classify(outcome, before, after ? after.oauth.token : null))
        focusOutcome()
    }
    return (
        <div>
            <p>Opens Atlassian in a new window. Sign in as the Jira user ServiceNow acts as, and click Accept.</p>
            {o.token && o.token.hasAccessToken ? (
                <p data-token="present">
                    <span className="badge ok">Token</span> An access token
                    {o.token.hasRefreshToken ? ' and a refresh token are' : ' is'} stored for this instance.
                </p>
            ) : null}
            {props.state.access.canWrite ? (
                <button
                    type="button"
                    className="primary"
                    disabled={!ready || waiting}
                    onClick={get}
                    data-action="get-token"
                >
                    Get OAuth Token
                </button>
            ) : (
                // A new token decides which Jira user ServiceNow acts as: a change of the integration, admin only.
                <ReadOnly state={props.state} />
            )}
            {!ready ? <p className="hint">Save the client ID and secret first (step 2).</p> : null}
            <div className="token-message" ref={ref} aria-live="polite">
                {waiting ? <p>Waiting for Atlassian: accept the consent in the window that opened.</p> : null}
                {!waiting && props.attempt ? <AttemptMessage attempt={props.attempt} state={props.state} /> : null}
            </div>
        </div>
    )
}

function SiteStep({ state, reload }: { state: SetupState; reload: Reload }) {
    const [sites, setSites] = useState<Site[] | null>(null)
    const [choice, setChoice] = useState('')
    const [errors, setErrors] = useState<FieldError[]>([])
    const [notice, setNotice] = useState('')
    const { ref, focusOutcome } = useFocusOutcome<HTMLDivElement>()
    const current = state.oauth.connection ? state.oauth.connection.cloudId : null
    const use = useCallback(
        async (cloudId: string, auto: boolean) => {
            const r = await call<{ url: string; site: Site }>('PUT', 'site', { cloudId })
            // The site picked by the app follows a token attempt, whose outcome keeps the focus.
            if (!r.ok) {
                setErrors(r.errors)
                return auto ? undefined : focusOutcome()
            }
            // Reload first: the notice shows with the state it describes (step 4 Done, the connection's URL).
            await reload()
            setErrors([])
            setNotice(
                `${auto ? 'The only site this token reaches, ' : ''}${r.value.site.name} (${r.value.site.url}) ` +
                    "is now the connection's site."
            )
            if (!auto) focusOutcome()
        },
        [reload, focusOutcome]
    )
    useEffect(() => {
        let live = true
        call<{ sites: Site[] }>('GET', 'sites').then((r) => {
            if (!live) return
            if (!r.ok) return setErrors(r.errors)
            setSites(r.value.sites)
            // Only an admin may set the connection's site (the API refuses others); the others see the list.
            if (r.value.sites.length === 1 && !current && state.access.canWrite)
                void use(r.value.sites[0].cloudId, true)
        })
        return () => {
            live = false
        }
    }, [state.oauth.token && state.oauth.token.hasAccessToken])
    return (
        <div>
            {sites && sites.length === 0 ? (
                <p role="alert" className="problem">
                    The token reaches no Jira site: get a token as a user of your Jira site.
                </p>
            ) : null}
            {sites && sites.length > 0 ? (
                <form
                    onSubmit={(e) => {
                        e.preventDefault()
                        if (choice) void use(choice, false)
                    }}
                >
                    <fieldset>
                        <legend>Sites this token reaches</legend>
                        {sites.map((s) => (
                            <div className="radio" key={s.cloudId}>
                                <input
                                    type="radio"
                                    id={`site-${s.cloudId}`}
                                    name="site"
                                    value={s.cloudId}
                                    checked={(choice || current) === s.cloudId}
                                    onChange={() => setChoice(s.cloudId)}
                                />
                                <label htmlFor={`site-${s.cloudId}`}>
                                    {s.name}{' '}
                                    <span className="hint">
                                        {s.url} · cloud id {s.cloudId}
                                    </span>
                                    {current === s.cloudId && state.oauth.connection ? (
                                        <>
                                            {' '}
                                            {state.oauth.connection.active ? (
                                                <span className="badge ok">In use</span>
                                            ) : (
                                                <span className="badge neutral">Chosen, not live</span>
                                            )}
                                        </>
                                    ) : null}
                                </label>
                            </div>
                        ))}
                    </fieldset>
                    {sites.length > 1 && state.access.canWrite ? (
                        <button
                            type="submit"
                            className="primary"
                            disabled={!choice || choice === current}
                            data-action="use-site"
                        >
                            Use this site
                        </button>
                    ) : null}
                </form>
            ) : null}
            {current && state.oauth.connection ? (
                <p data-connection-url={state.oauth.connection.url}>
                    Connection URL: <code>{state.oauth.connection.url}</code>
                </p>
            ) : null}
            <div ref={ref}>
                <Problems errors={errors} fields={[]} />
                <p role="status" tabIndex={-1} {...(notice ? { 'data-outcome': true } : {})}>
                    {notice}
                </p>
            </div>
            {sites ? <OtherSites sites={sites} current={current} state={state} reload={reload} /> : null}
        </div>
    )
}
