import React, { useEffect, useState } from 'react'
import { call, type FieldError, type ProjectsSaved, type ProjectsShown } from '../services/api'
import { useFocusOutcome } from './focus'
import { fieldError, Problems } from './messages'

/**
 * "Jira projects the flows use" (x_jira_connect.capability.projects, docs/capability.md): validation checks the
 * account's permissions there and the fields Create Issue requires. Everyone who may use the page reads it; only admin
 * changes it (the server checks): for others the field is disabled and a sentence says why. After Save the focus goes
 * to the outcome ("Saved" or "Nothing to save"), after a refused entry to the field.
 */
export function ProjectsField({ onSaved }: { onSaved: () => void }) {
    const [shown, setShown] = useState<ProjectsShown | null>(null)
    const [text, setText] = useState('')
    const [errors, setErrors] = useState<FieldError[]>([])
    const [busy, setBusy] = useState(false)
    const [outcome, setOutcome] = useState<{ changed: boolean; message: string } | null>(null)
    const { ref, focusOutcome } = useFocusOutcome<HTMLFormElement>()
    useEffect(() => {
        void call<ProjectsShown>('GET', 'capability-projects').then((r) => {
            if (!r.ok) return setErrors(r.errors)
            setShown(r.value)
            setText(r.value.value)
        })
    }, [])
    const save = async (e: React.FormEvent) => {
        e.preventDefault()
        setBusy(true)
        setOutcome(null)
        const r = await call<ProjectsSaved>('PUT', 'capability-projects', { projects: text })
        setBusy(false)
        if (!r.ok) {
            setErrors(r.errors)
            return focusOutcome()
        }
        setErrors([])
        setShown(r.value)
        setText(r.value.value)
        setOutcome({ changed: r.value.changed, message: r.value.message })
        if (r.value.changed) onSaved()
        focusOutcome()
    }
    const canWrite = !!shown && shown.access.canWrite
    const error = fieldError(errors, 'projects')
    const describedBy = ['projects-hint', 'projects-who', error ? 'projects-error' : ''].filter(Boolean).join(' ')
    return (
        <form className="projects-setting" onSubmit={save} noValidate ref={ref} data-projects-setting>
            <h3 id="projects-title">Jira projects the flows use</h3>
            <p className="hint" id="projects-hint">
                Validation checks what the account may do in these projects (browse, create, edit, transition, assign,
                comment, attach, link) and, for a project given with an issue type, the fields Create Issue requires.
                Project keys as Jira shows them, each optionally followed by /Issue type, separated by commas: e.g.
                SUP/Task, OPS. Empty: validation lists the projects the account can browse.
            </p>
            {shown && shown.problems.length ? (
                <p className="field-error" data-stored-problems>
                    The stored list cannot be checked: {shown.problems.join('; ')}. Correct it here.
                </p>
            ) : null}
            <div className="field">
                <label htmlFor="capability-projects">Jira projects</label>
                <input
                    id="capability-projects"
                    name="capability-projects"
                    type="text"
                    value={text}
                    placeholder="SUP/Task, OPS"
                    autoComplete="off"
                    spellCheck={false}
                    disabled={!canWrite}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={describedBy}
                    onChange={(e) => setText(e.target.value)}
                />
                {error ? (
                    <p id="projects-error" className="field-error">
                        {error}
                    </p>
                ) : null}
            </div>
            <p className="hint" id="projects-who" data-readonly={canWrite ? undefined : 'true'}>
                {!shown
                    ? 'Who may change it: admin.'
                    : canWrite
                      ? 'Who may change it: admin (you).'
                      : `Who may change it: admin. ${shown.access.message}`}
            </p>
            <Problems errors={errors} fields={['projects']} />
            <button
                type="submit"
                className="secondary"
                disabled={busy || !canWrite}
                data-action="save-projects"
                aria-describedby="projects-who"
            >
                {busy ? 'Saving…' : 'Save projects'}
            </button>
            <p
                role="status"
                tabIndex={-1}
                {...(outcome
                    ? { 'data-outcome': true, 'data-projects-outcome': outcome.changed ? 'saved' : 'same' }
                    : {})}
            >
                {outcome ? outcome.message : ''}
            </p>
        </form>
    )
}
