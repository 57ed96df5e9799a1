import React, { useCallback, useEffect, useState } from 'react'
import { HealthView } from './health'
import { LiveBanner } from './components/live-control'
import { Problems } from './components/messages'
import { MoveContext } from './components/standing'
import { OAuthPath } from './paths/oauth-path'
import { ServicePath } from './paths/service-path'
import { TokenPath } from './paths/token-path'
import { call, type FieldError, type SetupState } from './services/api'

export type Way = 'service' | 'oauth' | 'token'

/** A "Move to a service account" request: the site to fill in, and a counter so that each click focuses again. */
export interface Move {
    site: string
    n: number
}

const WAYS: Array<{ way: Way; label: string; text: string }> = [
    {
        way: 'service',
        label: 'Service account (recommended by Atlassian)',
        text:
            'A non-human Atlassian account with its own OAuth 2.0 client credentials. ' +
            "No person's token, no consent to renew.",
    },
    {
        way: 'oauth',
        label: 'OAuth 2.0 (3LO) for a user',
        text: 'ServiceNow acts as a Jira user who consents once in Atlassian.',
    },
    { way: 'token', label: 'API token', text: "An Atlassian account's email and API token (basic authentication)." },
]

interface View {
    view: 'setup' | 'health'
    way: Way | null
}

function viewFromUrl(): View {
    const q = new URLSearchParams(window.location.search)
    const way = q.get('path')
    return {
        view: q.get('view') === 'health' ? 'health' : 'setup',
        way: way === 'service' || way === 'oauth' || way === 'token' ? way : null,
    }
}

function navigate(next: View, title: string): void {
    const q = new URLSearchParams()
    if (next.view === 'health') q.set('view', 'health')
    if (next.view === 'setup' && next.way) q.set('path', next.way)
    const path = `${window.location.pathname}${q.toString() ? `?${q}` : ''}`
    const top = window.top as (Window & { CustomEvent?: { fireTop?: (n: string, d: unknown) => void } }) | null
    if (
        window.self !== top &&
        top &&
        (window as unknown as { CustomEvent: { fireTop?: unknown } }).CustomEvent.fireTop
    ) {
        ;(window as unknown as { CustomEvent: { fireTop(n: string, d: unknown): void } }).CustomEvent.fireTop(
            'magellanNavigator.permalink.set',
            { relativePath: path, title }
        )
    }
    window.history.pushState({}, '', path)
    document.title = title
}

export function App() {
    const [view, setView] = useState<View>(viewFromUrl)
    const [state, setState] = useState<SetupState | null>(null)
    const [errors, setErrors] = useState<FieldError[]>([])
    const reload = useCallback(async () => {
        const r = await call<SetupState>('GET', 'state')
        if (!r.ok) {
            setErrors(r.errors)
            return null
        }
        setErrors([])
        setState(r.value)
        return r.value
    }, [])
    useEffect(() => {
        void reload()
        const onPop = () => setView(viewFromUrl())
        window.addEventListener('popstate', onPop)
        return () => window.removeEventListener('popstate', onPop)
    }, [reload])
    const go = (next: View) => {
        navigate(next, next.view === 'health' ? 'Jira connection health' : 'Jira Cloud Connect setup')
        setView(next)
    }
    // "Move to a service account" (components/standing.tsx): the service-account path, its first field focused and
    // the site filled in; saving there follows the path's own rule (validated before it is made live).
    const [move, setMove] = useState<Move | null>(null)
    const moveToServiceAccount = (site: string) => {
        setMove((m) => ({ site, n: (m ? m.n : 0) + 1 }))
        go({ view: 'setup', way: 'service' })
    }
    return (
        <MoveContext.Provider value={state && state.access.canWrite ? moveToServiceAccount : null}>
            <header className="banner">
                <p className="app-name">Jira Cloud Connect</p>
                <nav aria-label="Jira Cloud Connect">
                    <a
                        href="?"
                        aria-current={view.view === 'setup' ? 'page' : undefined}
                        onClick={(e) => (e.preventDefault(), go({ view: 'setup', way: view.way }))}
                    >
                        Setup
                    </a>
                    <a
                        href="?view=health"
                        aria-current={view.view === 'health' ? 'page' : undefined}
                        onClick={(e) => (e.preventDefault(), go({ view: 'health', way: view.way }))}
                    >
                        Connection health
                    </a>
                </nav>
            </header>
            <main id="main" className={view.view === 'health' ? 'wide' : undefined}>
                <h1>{view.view === 'health' ? 'Jira connection health' : 'Connect ServiceNow to Jira Cloud'}</h1>
                <Problems errors={errors} fields={[]} />
                {!state ? (
                    errors.length ? null : (
                        <p role="status">Loading…</p>
                    )
                ) : view.view === 'health' ? (
                    <HealthView />
                ) : (
                    <>
                        <LiveBanner state={state} reload={reload} />
                        <fieldset className="ways">
                            <legend>How should ServiceNow sign in to Jira?</legend>
                            {WAYS.map((w) => (
                                <div className="radio way" key={w.way}>
                                    <input
                                        type="radio"
                                        id={`way-${w.way}`}
                                        name="way"
                                        value={w.way}
                                        checked={view.way === w.way}
                                        aria-describedby={`way-${w.way}-text`}
                                        onChange={() => go({ view: 'setup', way: w.way })}
                                    />
                                    <div>
                                        <label htmlFor={`way-${w.way}`}>{w.label}</label>
                                        <p className="hint" id={`way-${w.way}-text`}>
                                            {w.text}
                                        </p>
                                    </div>
                                </div>
                            ))}
                        </fieldset>
                        {view.way === 'oauth' ? <OAuthPath state={state} reload={reload} /> : null}
                        {view.way === 'token' ? <TokenPath state={state} reload={reload} /> : null}
                        {view.way === 'service' ? <ServicePath state={state} reload={reload} move={move} /> : null}
                    </>
                )}
            </main>
        </MoveContext.Provider>
    )
}
