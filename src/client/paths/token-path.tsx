import React, { useState } from 'react'
import { Field, fieldError, Problems, SetOn } from '../components/messages'
import { useFocusOutcome } from '../components/focus'
import { LiveControl, ReadOnly } from '../components/live-control'
import { ProjectsField } from '../components/projects-field'
import { fromChecks, fromVerdict, provenBy, Step } from '../components/step'
import { ValidateStep } from '../components/validate-step'
import { call, type FieldError, type SavedApiToken, type SetupState, type Validation } from '../services/api'

/** API token (basic auth): create a token in Atlassian, then site + email + token here, then validate. */
export function TokenPath({ state, reload }: { state: SetupState; reload: () => Promise<SetupState | null> }) {
    const t = state.apiToken
    const saved = !!(t.connection && t.tokenSet)
    const [validation, setValidation] = useState<Validation | null>(null)
    // Step 1 (the token in Atlassian) is proven only by a validation that gets past Jira's authentication.
    const step1 = provenBy(validation, 1, 'todo')
    const step2 = fromChecks(validation, 2) || (saved ? 'done' : 'todo')
    return (
        <ol className="steps">
            <Step n={1} title="Create an API token in Atlassian" state={step1}>
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
            <Step n={2} title="Site, email and API token" state={step2}>
                <TokenForm state={state} reload={reload} onSaved={() => setValidation(null)} />
            </Step>
            <Step
                n={3}
                title="Validate the connection"
                state={fromVerdict(validation, !!(t.connection && t.connection.active))}
            >
                <ProjectsField onSaved={() => setValidation(null)} />
                <ValidateStep
                    result={validation}
                    onResult={setValidation}
                    body={{ target: 'api-token' }}
                    liveNow={!!(t.connection && t.connection.active)}
                />
                <LiveControl
                    state={state}
                    connection={t.connection}
                    verdict={validation ? validation.verdict : ''}
                    reload={reload}
                />
            </Step>
        </ol>
    )
}

function TokenForm(props: { state: SetupState; reload: () => Promise<SetupState | null>; onSaved: () => void }) {
    const { state, reload } = props
    const t = state.apiToken
    const [site, setSite] = useState('')
    const [email, setEmail] = useState('')
    const [apiToken, setApiToken] = useState('')
    const [errors, setErrors] = useState<FieldError[]>([])
    const [busy, setBusy] = useState(false)
    // What the save did, kept as facts: the notice is rendered from them and the connection's state now, so it never
    // says "not live" after the connection was made live (or "live" after a switch back).
    const [saved, setSaved] = useState<{ url: string; liveAtSave: boolean } | null>(null)
    const { ref, focusOutcome } = useFocusOutcome<HTMLFormElement>()
    if (!state.access.canWrite) return <ReadOnly state={state} />
    const liveNow = !!(t.connection && t.connection.active)
    const notice = saved
        ? `Saved: the API-token connection points at ${saved.url}` +
          (liveNow
              ? saved.liveAtSave
                  ? ' (it is the live connection). Next: Validate (step 3).'
                  : '. It is the live connection now.'
              : '. It is not live: validate it (step 3), then make it the live connection.')
        : ''
    const save = async (e: React.FormEvent) => {
        e.preventDefault()
        setBusy(true)
        setSaved(null)
        const r = await call<SavedApiToken>('PUT', 'api-token', {
            site: site || (t.connection ? t.connection.site : ''),
            email: email || t.email,
            apiToken,
        })
        if (!r.ok) {
            setBusy(false)
            setErrors(r.errors)
            return focusOutcome()
        }
        // The notice is worded from the reloaded state (live or not): reload first, then show it and focus it.
        await reload()
        setBusy(false)
        setErrors([])
        setApiToken('')
        setSaved({ url: r.value.url, liveAtSave: r.value.active })
        props.onSaved()
        focusOutcome()
    }
    return (
        <form onSubmit={save} noValidate ref={ref}>
            {t.connection ? (
                <p>
                    Site saved: <code>{t.connection.url}</code>{' '}
                    {t.connection.active ? <span className="badge ok">Active</span> : null}
                </p>
            ) : null}
            {t.tokenSet ? <SetOn what={`API token for ${t.email}`} on={t.savedOn} /> : null}
            <Field
                id="site"
                label="Jira site"
                hint={
                    'The name before .atlassian.net, e.g. acme for https://acme.atlassian.net (a pasted Jira address ' +
                    'works too). The app finds the cloud id.'
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
            <p role="status" tabIndex={-1} {...(notice ? { 'data-outcome': true } : {})}>
                {notice}
            </p>
        </form>
    )
}
