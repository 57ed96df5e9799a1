import React, { useState } from 'react'
import { Field, fieldError, Problems, SetOn } from '../components/messages'
import { LiveControl, ReadOnly } from '../components/live-control'
import { Step } from '../components/step'
import { ValidateStep } from '../components/validate-step'
import { call, type FieldError, type SavedApiToken, type SetupState } from '../services/api'

/** API token (basic auth): create a token in Atlassian, then site + email + token here, then validate. */
export function TokenPath({ state, reload }: { state: SetupState; reload: () => Promise<SetupState | null> }) {
    const t = state.apiToken
    const saved = !!(t.connection && t.tokenSet)
    const [verdict, setVerdict] = useState('')
    return (
        <ol className="steps">
            <Step n={1} title="Create an API token in Atlassian" state={saved ? 'done' : 'todo'}>
                <ol className="instructions">
                    <li>
                        Sign in to Atlassian as the account ServiceNow acts as, and open{' '}
                        <a
                            href="https://id.atlassian.com/manage-profile/security/api-tokens"
                            target="_blank"
                            rel="noopener"
                        >
                            id.atlassian.com → Account settings → Security → API tokens
                        </a>
                        .
                    </li>
                    <li>
                        <strong>Create API token</strong>, name it (e.g. ServiceNow), pick an expiry, create, and copy
                        the token.
                    </li>
                </ol>
                <p className="hint">
                    Atlassian recommends a service account or OAuth 2.0 for integrations; an API token acts as that
                    person, with all their permissions.
                </p>
            </Step>
            <Step n={2} title="Site, email and API token" state={saved ? 'done' : 'todo'}>
                <TokenForm state={state} reload={reload} />
            </Step>
            <Step n={3} title="Validate the connection" state={verdict === 'pass' ? 'done' : 'todo'}>
                <ValidateStep onVerdict={setVerdict} target="api-token" />
                <LiveControl state={state} connection={t.connection} verdict={verdict} reload={reload} />
            </Step>
        </ol>
    )
}

function TokenForm({ state, reload }: { state: SetupState; reload: () => Promise<SetupState | null> }) {
    const t = state.apiToken
    const [site, setSite] = useState('')
    const [email, setEmail] = useState('')
    const [apiToken, setApiToken] = useState('')
    const [errors, setErrors] = useState<FieldError[]>([])
    const [busy, setBusy] = useState(false)
    const [notice, setNotice] = useState('')
    if (!state.access.canWrite) return <ReadOnly state={state} />
    const save = async (e: React.FormEvent) => {
        e.preventDefault()
        setBusy(true)
        setNotice('')
        const r = await call<SavedApiToken>('PUT', 'api-token', {
            site: site || (t.connection ? t.connection.site : ''),
            email: email || t.email,
            apiToken,
        })
        setBusy(false)
        if (!r.ok) return setErrors(r.errors)
        setErrors([])
        setApiToken('')
        setNotice(
            `Saved: the API-token connection points at ${r.value.url}` +
                (r.value.active
                    ? ' (it is the live connection).'
                    : '. It is not live: validate it, then make it the live connection.')
        )
        await reload()
    }
    return (
        <form onSubmit={save} noValidate>
            {t.connection ? (
                <p>
                    Site in use: <code>{t.connection.url}</code>{' '}
                    {t.connection.active ? <span className="badge ok">Active</span> : null}
                </p>
            ) : null}
            {t.tokenSet ? <SetOn what={`API token for ${t.email}`} on={t.savedOn} /> : null}
            <Field
                id="site"
                label="Jira site"
                hint={
                    'The name before .atlassian.net, e.g. acme for https://acme.atlassian.net. ' +
                    'The app finds the cloud id.'
                }
                value={site}
                onChange={setSite}
                error={fieldError(errors, 'site')}
            />
            <Field
                id="email"
                label="Atlassian account email"
                type="email"
                value={email}
                onChange={setEmail}
                error={fieldError(errors, 'email')}
            />
            <Field
                id="apiToken"
                label="API token"
                hint={t.tokenSet ? 'Leave blank to keep the stored token (id.atlassian.com → API tokens).' : undefined}
                type="password"
                autoComplete="new-password"
                value={apiToken}
                onChange={setApiToken}
                error={fieldError(errors, 'apiToken')}
            />
            <Problems errors={errors} fields={['site', 'email', 'apiToken']} />
            <button type="submit" className="primary" disabled={busy} data-action="save-api-token">
                {busy ? 'Checking the site…' : 'Save'}
            </button>
            <p role="status">{notice}</p>
        </form>
    )
}
