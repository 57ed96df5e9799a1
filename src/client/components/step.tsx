import React from 'react'
import type { Validation } from '../services/api'

/** What the latest evidence says about a step: a badge of Done, Needs attention, Failed or To do. */
export type StepState = 'done' | 'attention' | 'failed' | 'todo' | 'blocked'

const LABEL: Record<StepState, string> = {
    done: 'Done',
    attention: 'Needs attention',
    failed: 'Failed',
    todo: 'To do',
    blocked: 'To do',
}

const BADGE: Record<StepState, string> = {
    done: 'ok',
    attention: 'warn',
    failed: 'fail',
    todo: 'neutral',
    blocked: 'neutral',
}

/**
 * What a validation says about one step of the page: Failed when one of the step's checks fails, Needs attention
 * when one warns, null when it says nothing against the step (the caller then uses what else it knows).
 */
export function fromChecks(v: Validation | null, step: number): StepState | null {
    if (!v) return null
    const mine = v.checks.filter((c) => c.step === step)
    if (mine.some((c) => c.status === 'fail')) return 'failed'
    if (mine.some((c) => c.status === 'warn')) return 'attention'
    return null
}

/**
 * The validation step's own badge: the verdict itself. A path's own connection is validated while inactive, and then
 * warns only that it is not live (config.connection.present, connection_inactive); once that connection is live (it
 * is validated again before the switch), that warning is no longer the latest evidence and does not count.
 */
export function fromVerdict(v: Validation | null, liveNow = false): StepState {
    if (!v) return 'todo'
    const checks = liveNow ? v.checks.filter((c) => c.code !== 'connection_inactive') : v.checks
    if (checks.some((c) => c.status === 'fail')) return 'failed'
    return checks.some((c) => c.status === 'warn') ? 'attention' : 'done'
}

/** A step the page cannot check by itself is Done only once a validation that did not fail proves it. */
export function provenBy(v: Validation | null, step: number, otherwise: StepState): StepState {
    const against = fromChecks(v, step)
    if (against) return against
    return v && v.verdict !== 'fail' ? 'done' : otherwise
}

/** One numbered step of a path: a list item with its own heading, so screen readers can jump between steps. */
export function Step(props: { n: number; title: string; state: StepState; children: React.ReactNode }) {
    return (
        <li className={`step ${props.state}`} id={`step-${props.n}`}>
            <section aria-labelledby={`step-${props.n}-title`}>
                <h2 id={`step-${props.n}-title`} tabIndex={-1}>
                    <span className="step-number">{props.n}</span> {props.title}
                    <span className={`badge ${BADGE[props.state]}`} data-badge={props.state}>
                        {LABEL[props.state]}
                    </span>
                </h2>
                {props.children}
            </section>
        </li>
    )
}
