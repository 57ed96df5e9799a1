import React, { useCallback, useEffect, useState } from 'react'
import { CopyField, ScopeList } from '../components/copy-field'
import { Field, fieldError, Problems, SetOn } from '../components/messages'
import { LiveControl, ReadOnly } from '../components/live-control'
import { Step } from '../components/step'
import { ValidateStep } from '../components/validate-step'
import { call, type FieldError, type SetupState, type Site } from '../services/api'
import { runTokenPopup } from './oauth-popup'
import { OtherSites } from './other-sites'

/** OAuth 2.0 (3LO) for a user: Atlassian app, client id and secret, token, site, validate. */
export function OAuthPath({ state, reload }: { state: SetupState; reload: () => Promise<SetupState | null> }) {
    const o = state.oauth
    const secretsSet = o.clientIdSet && o.clientSecretSet
    const hasToken = !!(o.token && o.token.hasAccessToken)
    const [verdict, setVerdict] = useState('')
    return (
        <ol className="steps">
            <Step n={1} title="Create the app in the Atlassian developer console" state={secretsSet ? 'done' : 'todo'}>
                <AtlassianApp state={state} />
            </Step>
            <Step n={2} title="Paste the app's client ID and secret" state={secretsSet ? 'done' : 'todo'}>
                <ClientSecrets state={state} reload={reload} />
            </Step>
            <Step n={3} title="Get an OAuth token" state={hasToken ? 'done' : secretsSet ? 'todo' : 'blocked'}>
                <TokenStep state={state} reload={reload} />
            </Step>
            <Step
                n={4}
                title="Pick the Jira site"
                state={o.connection && o.connection.cloudId ? 'done' : hasToken ? 'todo' : 'blocked'}
            >
                {hasToken ? (
                    <SiteStep state={state} reload={reload} />
                ) : (
                    <p className="hint">Available once a token exists (step 3).</p>
                )}
            </Step>
            <Step n={5} title="Validate the connection" state={verdict === 'pass' ? 'done' : 'todo'}>
                <ValidateStep onVerdict={setVerdict} target="oauth" />
                <LiveControl state={state} connection={o.connection} verdict={verdict} reload={reload} />
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

function ClientSecrets({ state, reload }: { state: SetupState; reload: () => Promise<SetupState | null> }) {
    const [clientId, setClientId] = useState('')
    const [clientSecret, setClientSecret] = useState('')
    const [errors, setErrors] = useState<FieldError[]>([])
    const [busy, setBusy] = useState(false)
    const [saved, setSaved] = useState('')
    const save = async (e: React.FormEvent) => {
        e.preventDefault()
        setBusy(true)
        setSaved('')
        const r = await call<{ savedOn: string }>('PUT', 'oauth-client', { clientId, clientSecret })
        setBusy(false)
        if (!r.ok) return setErrors(r.errors)
        setErrors([])
        setClientId('')
        setClientSecret('')
        setSaved('Client ID and secret saved.')
        await reload()
    }
    const o = state.oauth
    if (!state.access.canWrite) return <ReadOnly state={state} />
    return (
        <form onSubmit={save} noValidate>
            {o.clientIdSet && o.clientSecretSet ? <SetOn what="Client ID and secret" on={o.savedOn} /> : null}
            <Field
                id="clientId"
                label="Client ID"
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
            <span role="status" className="saved">
                {saved}
            </span>
        </form>
    )
}

function TokenStep({ state, reload }: { state: SetupState; reload: () => Promise<SetupState | null> }) {
    const [message, setMessage] = useState('')
    const [busy, setBusy] = useState(false)
    const o = state.oauth
    const ready = o.clientIdSet && o.clientSecretSet && !!o.getTokenPath
    const get = async () => {
        if (!o.getTokenPath) return
        setBusy(true)
        setMessage('Waiting for Atlassian: accept the consent in the window that opened.')
        const outcome = await runTokenPopup(o.getTokenPath)
        const after = await reload()
        setBusy(false)
        const has = !!(after && after.oauth.token && after.oauth.token.hasAccessToken)
        if (outcome.kind === 'blocked')
            setMessage('The browser blocked the Atlassian window: allow pop-ups for this instance and click again.')
        else if (outcome.kind === 'finished') setMessage(`${has ? 'Token received. ' : 'No token: '}${outcome.message}`)
        else if (has) setMessage('Token received.')
        else {
            setMessage(
                'The Atlassian window was closed before a token arrived. ' +
                    'If Atlassian said scopes are missing, add every ' +
                    'scope of step 1 to the app; then click Get OAuth Token again.'
            )
        }
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
            <button type="button" className="primary" disabled={!ready || busy} onClick={get} data-action="get-token">
                Get OAuth Token
            </button>
            {!ready ? <p className="hint">Save the client ID and secret first (step 2).</p> : null}
            <p role="status" className="token-message">
                {message}
            </p>
        </div>
    )
}

function SiteStep({ state, reload }: { state: SetupState; reload: () => Promise<SetupState | null> }) {
    const [sites, setSites] = useState<Site[] | null>(null)
    const [choice, setChoice] = useState('')
    const [errors, setErrors] = useState<FieldError[]>([])
    const [notice, setNotice] = useState('')
    const current = state.oauth.connection ? state.oauth.connection.cloudId : null
    const use = useCallback(
        async (cloudId: string, auto: boolean) => {
            const r = await call<{ url: string; site: Site }>('PUT', 'site', { cloudId })
            if (!r.ok) return setErrors(r.errors)
            setErrors([])
            setNotice(
                `${auto ? 'The only site this token reaches, ' : ''}${r.value.site.name} (${r.value.site.url}) ` +
                    "is now the connection's site."
            )
            await reload()
        },
        [reload]
    )
    useEffect(() => {
        let live = true
        call<{ sites: Site[] }>('GET', 'sites').then((r) => {
            if (!live) return
            if (!r.ok) return setErrors(r.errors)
            setSites(r.value.sites)
            if (r.value.sites.length === 1 && !current) void use(r.value.sites[0].cloudId, true)
        })
        return () => {
            live = false
        }
    }, [state.oauth.token && state.oauth.token.hasAccessToken])
    return (
        <div>
            <Problems errors={errors} fields={[]} />
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
                                        state.oauth.connection.active ? (
                                            <span className="badge ok"> In use</span>
                                        ) : (
                                            <span className="badge neutral"> Chosen, not live</span>
                                        )
                                    ) : null}
                                </label>
                            </div>
                        ))}
                    </fieldset>
                    {sites.length > 1 ? (
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
            <p role="status">{notice}</p>
            {sites ? <OtherSites sites={sites} current={current} state={state} reload={reload} /> : null}
        </div>
    )
}
