import React from 'react'

export type StepState = 'done' | 'todo' | 'blocked'

/** One numbered step of a path: a list item with its own heading, so screen readers can jump between steps. */
export function Step(props: { n: number; title: string; state: StepState; children: React.ReactNode }) {
    const label = props.state === 'done' ? 'Done' : props.state === 'blocked' ? 'Waiting for an earlier step' : 'To do'
    return (
        <li className={`step ${props.state}`} id={`step-${props.n}`}>
            <section aria-labelledby={`step-${props.n}-title`}>
                <h2 id={`step-${props.n}-title`} tabIndex={-1}>
                    <span className="step-number">{props.n}</span> {props.title}
                    <span className={`badge ${props.state === 'done' ? 'ok' : 'neutral'}`}>{label}</span>
                </h2>
                {props.children}
            </section>
        </li>
    )
}
