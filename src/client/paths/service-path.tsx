import React, { useEffect, useState } from 'react'
import type { Move } from '../app'
import { ScopeList } from '../components/copy-field'
import { useFocusOutcome } from '../components/focus'
import { LiveControl, ReadOnly } from '../components/live-control'
import { Field, fieldError, Problems, SetOn } from '../components/messages'
import { ProjectsField } from '../components/projects-field'
import { fromChecks, fromVerdict, provenBy, Step } from '../components/step'
import { ValidationResult } from '../components/validate-step'
import { call, type FieldError, type SavedServiceAccount, type SetupState, type Validation } from '../services/api'

const FIELDS = ['clientId', 'clientSecret', 'site']

/**
 * Service account (OAuth 2.0 client credentials, ServiceNow's Jira spoke Option 2): create the account and its OAuth
 * 2.0 credential in Atlassian, then client ID, secret and site here and one button that saves and validates.
 */
export function ServicePath({
    state,
    reload,
    move = null,
}: {
    state: SetupState
    reload: () => Promise<SetupState | null>
    /** Opened by "Move to a service account": fill in the site and focus the first field. */
    move?: Move | null
}) {
    const sa = state.serviceAccount
    const saved = sa.clientIdSet && sa.clientSecretSet && !!(sa.connection && sa.connection.cloudId)
    const [validation, setValidation] = useState<Validation | null>(null)
    const [validateErrors, setValidateErrors] = useState<FieldError[]>([])
    const [validating, setValidating] = useState(false)
    const [refused, setRefused] = useState(false)
    const { ref: result, focusOutcome } = useFocusOutcome<HTMLDivElement>()
    const validate = async () => {
        setValidating(true)
        setValidateErrors([])
        const r = await call<Validation>('POST', 'validate', { target: 'service-account' })
        setValidating(false)
        setValidation(r.ok ? r.value : null)
        if (!r.ok) setValidateErrors(r.errors)
        focusOutcome()
    }
    // Badges follow the latest evidence: step 1 (the Atlassian side) only a validation can prove; step 2 fails when
    // Atlassian refused the saved values or a step-2 check fails; step 3 is the verdict.
    const onSave = (tokenRefused: boolean) => {
        setRefused(tokenRefused)
        setValidation(null)
    }
    const step2 = fromChecks(validation, 2) || (refused ? 'failed' : saved ? 'done' : 'todo')
    return (
        <ol className="steps">
            <Step
                n={1}
                title="Create the service account and its OAuth 2.0 credential in Atlassian"
                state={provenBy(validation, 1, 'todo')}
            >
                <InAtlassian state={state} />
            </Step>
            <Step n={2} title="Client ID, secret and Jira site" state={step2}>
                <ServiceForm
                    state={state}
                    reload={reload}
                    validate={validate}
                    busyValidating={validating}
                    onSave={onSave}
                    move={move}
                />
            </Step>
            <Step
                n={3}
                title="Validation"
                state={
                    validation || saved ? fromVerdict(validation, !!(sa.connection && sa.connection.active)) : 'blocked'
                }
            >
                <ProjectsField onSaved={() => setValidation(null)} />
                <p>
                    "Save and validate" checks every link from ServiceNow to Jira Cloud through the service account and
                    says how to fix what does not work.
                </p>
                <button
                    type="button"
                    className="secondary"
                    onClick={validate}
                    disabled={validating || !saved}
                    data-action="validate-service-account"
                >
                    {validating ? 'Validating…' : 'Validate again'}
                </button>
                <div aria-live="polite" className="result" ref={result} tabIndex={-1}>
                    <Problems errors={validateErrors} fields={[]} />
                    {validation ? (
                        <ValidationResult v={validation} liveNow={!!(sa.connection && sa.connection.active)} />
                    ) : null}
                </div>
                <LiveControl
                    state={state}
                    connection={sa.connection}
                    verdict={validation ? validation.verdict : ''}
                    reload={reload}
                />
            </Step>
        </ol>
    )
}

function InAtlassian({ state }: { state: SetupState }) {
    const scopes = state.serviceAccount.scopes
    return (
        <div>
            <ol className="instructions">
                <li>
                    Open{' '}
                    <a href="https://admin.atlassian.com/" target="_blank" rel="noopener">
                        admin.atlassian.com
                    </a>{' '}
                    → <strong>Directory</strong> → <strong>Service accounts</strong> →{' '}
                    <strong>Create a service account</strong>: name it (e.g. ServiceNow) and give it access to Jira with
                    a role on your site.
                </li>
                <li>
                    On the service account: <strong>Create credentials</strong> → <strong>OAuth 2.0</strong>, select
                    every scope below (the scopes cannot be changed later: a new credential is needed), and create.
                </li>
                <li>
                    Copy the <strong>Client ID</strong> and the <strong>Client secret</strong> for step 2: Atlassian
                    shows the secret only once.
                </li>
            </ol>
            <div className="scopes">
                <ScopeList title="Classic scopes" scopes={scopes.classic} name="sa-classic" />
                <ScopeList title="Granular scopes" scopes={scopes.granular} name="sa-granular" />
            </div>
            <p className="hint">
                No callback URL: a service account signs in with the client-credentials grant, without a browser. The
                instance asks Atlassian for a 60-minute token whenever it needs one; there is no refresh token.
            </p>
        </div>
    )
}

function ServiceForm(props: {
    state: SetupState
    reload: () => Promise<SetupState | null>
    validate: () => Promise<void>
    busyValidating: boolean
    onSave: (tokenRefused: boolean) => void
    move: Move | null
}) {
    const sa = props.state.serviceAccount
    const [clientId, setClientId] = useState('')
    const [clientSecret, setClientSecret] = useState('')
    const [site, setSite] = useState('')
    const [errors, setErrors] = useState<FieldError[]>([])
    const [busy, setBusy] = useState(false)
    // What the save did, kept as facts: the notice follows the connection's state now (made live after the save).
    const [saved, setSaved] = useState<{ text: string; liveAtSave: boolean } | null>(null)
    const { ref, focusOutcome } = useFocusOutcome<HTMLFormElement>()
    const liveNow = !!(sa.connection && sa.connection.active)
    const notice = saved
        ? saved.text +
          (liveNow
              ? saved.liveAtSave
                  ? ' (it is the live connection).'
                  : '. It is the live connection now.'
              : saved.liveAtSave
                ? '. It is not live now.'
                : '. It is not live yet: it is validated now.')
        : ''
    const connName = sa.connection ? sa.connection.name : 'Jira Cloud Service Account Connection'
    const moveCount = props.move ? props.move.n : 0
    useEffect(() => {
        if (!props.move) return
        if (props.move.site) setSite(props.move.site)
        const first = ref.current ? ref.current.querySelector<HTMLInputElement>('#clientId') : null
        if (first) {
            first.scrollIntoView({ block: 'center' })
            first.focus()
        }
        // Each click of "Move to a service account" (a new count) fills in and focuses again.
    }, [moveCount])
    const save = async (e: React.FormEvent) => {
        e.preventDefault()
        setBusy(true)
        setSaved(null)
        const r = await call<SavedServiceAccount>('PUT', 'service-account', { clientId, clientSecret, site })
        if (!r.ok) {
            setBusy(false)
            setErrors(r.errors)
            return focusOutcome()
        }
        // The notice is worded from the reloaded state (live or not): reload first, then show it.
        await props.reload()
        setBusy(false)
        setErrors([])
        setClientSecret('')
        setSaved({
            text: `Saved: "${r.value.connectionName}" now points at ${r.value.url} (${r.value.siteUrl})`,
            liveAtSave: r.value.active,
        })
        props.onSave(r.value.token.outcome === 'refused')
        // Atlassian refused the new values while an older token is still stored: a validation would pass on that
        // token, so the refusal is what the admin sees.
        if (r.value.token.outcome === 'refused') {
            setErrors([{ field: '', code: 'token_refused', message: r.value.token.message }])
            return focusOutcome()
        }
        await props.validate()
    }
    if (sa.missing.length) return <Problems errors={sa.missing} fields={[]} />
    if (!props.state.access.canWrite) return <ReadOnly state={props.state} />
    return (
        <form onSubmit={save} noValidate ref={ref}>
            {sa.clientIdSet && sa.clientSecretSet ? <SetOn what="Client ID and secret" on={sa.savedOn} /> : null}
            {sa.connection && sa.connection.cloudId ? (
                <p data-connection-url={sa.connection.url}>
                    Connection URL: <code>{sa.connection.url}</code>{' '}
                    {sa.connection.active ? <span className="badge ok">Active</span> : null}
                </p>
            ) : null}
            <Field
                id="clientId"
                label="Client ID"
                value={clientId}
                onChange={setClientId}
                error={fieldError(errors, 'clientId')}
            />
            <Field
                id="clientSecret"
                label="Client secret"
                hint={
                    sa.clientSecretSet
                        ? 'Leave blank to keep the stored secret (admin.atlassian.com → Directory → Service accounts).'
                        : undefined
                }
                type="password"
                autoComplete="new-password"
                value={clientSecret}
                onChange={setClientSecret}
                error={fieldError(errors, 'clientSecret')}
            />
            <Field
                id="site"
                label="Jira site"
                hint={
                    'The name before .atlassian.net, e.g. acme for https://acme.atlassian.net (a pasted Jira address ' +
                    'works too). The app finds the cloud id and sets the connection URL.'
                }
                value={site}
                onChange={setSite}
                error={fieldError(errors, 'site')}
            />
            <p className="hint" id="sa-activates">
                Saving writes into "{connName}" and validates it; it does not switch.
                {sa.otherActive.length
                    ? ` ${sa.otherActive.map((c) => `"${c.name}"`).join(', ')} stays live until you make the ` +
                      'service account the live connection after it passes.'
                    : ''}
            </p>
            <Problems errors={errors} fields={FIELDS} />
            <button
                type="submit"
                className="primary"
                disabled={busy || props.busyValidating}
                aria-describedby="sa-activates"
                data-action="save-service-account"
            >
                {busy ? 'Saving…' : props.busyValidating ? 'Validating…' : 'Save and validate'}
            </button>
            <p role="status">{notice}</p>
        </form>
    )
}
