import React, { useId, useRef, useState } from 'react'

/** A value to copy into the Atlassian console: shown read-only, copied with one click. */
export function CopyField({ label, value, name }: { label: string; value: string; name: string }) {
    const id = useId()
    const input = useRef<HTMLInputElement>(null)
    const [copied, setCopied] = useState('')
    const copy = async () => {
        try {
            await navigator.clipboard.writeText(value)
            setCopied('Copied')
        } catch (e) {
            input.current?.select()
            setCopied(document.execCommand('copy') ? 'Copied' : 'Selected: press Ctrl+C to copy')
        }
    }
    return (
        <div className="copy-field">
            <label htmlFor={id}>{label}</label>
            <div className="copy-row">
                <input id={id} ref={input} readOnly value={value} data-copy={name} onFocus={(e) => e.target.select()} />
                <button type="button" className="secondary" onClick={copy} aria-label={`Copy ${label}`}>
                    Copy
                </button>
                <span role="status" className="copied">
                    {copied}
                </span>
            </div>
        </div>
    )
}

/** A list of scopes, each with its own copy button, and one button to copy them all (one per line). */
export function ScopeList({ title, scopes, name }: { title: string; scopes: string[]; name: string }) {
    const [copied, setCopied] = useState('')
    const copy = async (text: string, what: string) => {
        try {
            await navigator.clipboard.writeText(text)
            setCopied(`Copied ${what}`)
        } catch (e) {
            setCopied(`Could not copy ${what}: select it and press Ctrl+C`)
        }
    }
    return (
        <div className="scope-list">
            <h3 id={`${name}-title`}>{title}</h3>
            <ul aria-labelledby={`${name}-title`} data-scopes={name}>
                {scopes.map((s) => (
                    <li key={s}>
                        <code>{s}</code>
                        <button type="button" className="link" onClick={() => copy(s, s)} aria-label={`Copy ${s}`}>
                            Copy
                        </button>
                    </li>
                ))}
            </ul>
            <button type="button" className="secondary" onClick={() => copy(scopes.join('\n'), title.toLowerCase())}>
                Copy all {scopes.length} {title.toLowerCase()}
            </button>
            <span role="status" className="copied">
                {copied}
            </span>
        </div>
    )
}
