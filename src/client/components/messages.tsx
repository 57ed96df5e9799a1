import React, { useEffect, useRef } from 'react'
import type { FieldError } from '../services/api'

/** Errors that are not about one field (or all of them when no field is given), announced as an alert. */
export function Problems({ errors, fields }: { errors: FieldError[]; fields: string[] }) {
    const general = errors.filter((e) => !fields.includes(e.field))
    if (!general.length) return null
    return (
        <div role="alert" className="problem" tabIndex={-1}>
            {general.map((e) => (
                <p key={e.code}>{e.message}</p>
            ))}
        </div>
    )
}

export function fieldError(errors: FieldError[], field: string): string {
    const e = errors.find((x) => x.field === field)
    return e ? e.message : ''
}

/** A labelled input with its error message tied to it (aria-describedby, aria-invalid). */
export function Field(props: {
    id: string
    label: string
    hint?: string
    value: string
    onChange: (v: string) => void
    error: string
    type?: 'text' | 'password' | 'email'
    autoComplete?: string
}) {
    const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean)
    // A controlled input mirrors its value into the value attribute (React DOM), i.e. into the page's markup: a secret
    // field is left uncontrolled, so the secret is only in the field's live value, and cleared through the ref.
    const secret = props.type === 'password'
    const ref = useRef<HTMLInputElement>(null)
    useEffect(() => {
        if (secret && props.value === '' && ref.current && ref.current.value !== '') ref.current.value = ''
    }, [secret, props.value])
    return (
        <div className="field">
            <label htmlFor={props.id}>{props.label}</label>
            {props.hint ? (
                <p id={`${props.id}-hint`} className="hint">
                    {props.hint}
                </p>
            ) : null}
            <input
                id={props.id}
                name={props.id}
                type={props.type || 'text'}
                ref={ref}
                {...(secret ? {} : { value: props.value })}
                autoComplete={props.autoComplete || 'off'}
                spellCheck={false}
                aria-invalid={props.error ? true : undefined}
                aria-describedby={describedBy.length ? describedBy.join(' ') : undefined}
                onChange={(e) => props.onChange(e.target.value)}
            />
            {props.error ? (
                <p id={`${props.id}-error`} className="field-error">
                    {props.error}
                </p>
            ) : null}
        </div>
    )
}

/** "set on <date>" for a write-only secret: the value itself is never read back. */
export function SetOn({ what, on }: { what: string; on: string }) {
    return (
        <p className="set-on" data-set-on={what}>
            <span className="badge ok">Set</span> {what} saved on {on || 'an earlier date'} (not shown: it is stored
            encrypted and never read back).
        </p>
    )
}
