import React from 'react'

/** A finding longer than a line is folded: its first words, then the whole text on demand. */
export function Finding({ text, className = 'hint summary' }: { text: string; className?: string }) {
    if (!text) return null
    if (text.length <= 140) return <div className={className}>{text}</div>
    const cut = text.slice(0, 120).replace(/\s+\S*$/, '')
    return (
        <details className={`${className} finding`}>
            <summary>{cut}… (more)</summary>
            <p>{text}</p>
        </details>
    )
}
