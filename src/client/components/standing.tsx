import React, { createContext, useContext } from 'react'
import type { AuthStanding } from '../../server/core/auth-standing'

/**
 * "Move to a service account": opens the setup page's service-account path with focus on its first field and the
 * site filled in when it is known. Provided by the App for admins only (the move saves; x_jira_connect.admin reads).
 */
export type MoveToServiceAccount = (site: string) => void
export const MoveContext = createContext<MoveToServiceAccount | null>(null)

const BADGE: Record<AuthStanding['level'], string> = {
    recommended: 'pass',
    compliant: 'pass',
    allowed: 'warn',
    not_compliant: 'fail',
}

/** The site name of https://<site>.atlassian.net (a connection URL or a Jira base URL), else ''. */
export function siteOfUrl(url: string): string {
    const m = /^https:\/\/([a-z0-9][a-z0-9-]*)\.atlassian\.net(\/|$)/i.exec((url || '').trim())
    return m ? m[1].toLowerCase() : ''
}

/**
 * A connection's way in and where it stands against Atlassian's and ServiceNow's rules (docs/auth-standing.md), with
 * the move to a service account for every standing but the recommended one. Information only: not the verdict.
 */
export function Standing(props: {
    s: AuthStanding
    site: string
    /** The connection it is about: in the button's accessible name (several rows each have one). */
    connection: string
    name?: string
    compact?: boolean
}) {
    const { s, site, name } = props
    const move = useContext(MoveContext)
    return (
        <div className="standing" data-standing={s.code} data-standing-level={s.level}>
            <p>
                {name ? <>{name}: </> : null}
                Standing against Atlassian's and ServiceNow's rules:{' '}
                <span className={`badge ${BADGE[s.level]}`}>{s.label}</span>
            </p>
            {props.compact ? (
                <details className="hint">
                    <summary>Why</summary>
                    <p>{s.why}</p>
                </details>
            ) : (
                <p className="hint">Why: {s.why}</p>
            )}
            {s.move && move ? (
                <button
                    type="button"
                    className="secondary"
                    data-action="move-to-service-account"
                    aria-label={`Move to a service account (from ${props.connection})`}
                    onClick={() => move(site)}
                >
                    Move to a service account
                </button>
            ) : null}
        </div>
    )
}
