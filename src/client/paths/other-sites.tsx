import React, { useState } from 'react'
import { LiveControl } from '../components/live-control'
import { Problems } from '../components/messages'
import { restateLive, VERDICT_WORDS } from '../components/validate-step'
import {
    call,
    type FieldError,
    type SetupState,
    type Site,
    type SiteConnection,
    type Validation,
} from '../services/api'
import { runTokenPopup } from './oauth-popup'

/**
 * "Connect another site": every site the token reaches other than the main connection's can become a separate
 * connection (a child alias of Jira with its own connection and OAuth credential). The new credential needs its own
 * token: the platform's Get OAuth Token flow in a popup, as in step 3. Then Validate checks that connection.
 */
export function OtherSites(props: {
    sites: Site[]
    current: string | null
    state: SetupState
    reload: () => Promise<SetupState | null>
}) {
    const others = props.sites.filter((s) => s.cloudId !== props.current)
    if (!props.current || !others.length) return null
    return (
        <section aria-labelledby="other-sites-title" className="other-sites">
            <h3 id="other-sites-title">Connect another site</h3>
            <p className="hint">
                Each further site gets its own connection on a child alias of Jira, with its own OAuth credential (one
                credential per connection): add it, get its token once, validate it.
            </p>
            <ul>
                {others.map((s) => (
                    <OtherSite
                        key={s.cloudId}
                        site={s}
                        connection={(props.state.siteConnections || []).find((c) => c.cloudId === s.cloudId) || null}
                        state={props.state}
                        reload={props.reload}
                    />
                ))}
            </ul>
        </section>
    )
}

function OtherSite(props: {
    site: Site
    connection: SiteConnection | null
    state: SetupState
    reload: () => Promise<SetupState | null>
}) {
    const { site, connection: c } = props
    const [errors, setErrors] = useState<FieldError[]>([])
    const [busy, setBusy] = useState(false)
    const [message, setMessage] = useState('')
    const [verdict, setVerdict] = useState<Validation | null>(null)
    const shown = verdict ? restateLive(verdict, !!(c && c.active)) : null
    const add = async () => {
        setBusy(true)
        const r = await call<{ created: boolean }>('POST', 'site-connection', { cloudId: site.cloudId })
        if (!r.ok) {
            setBusy(false)
            return setErrors(r.errors)
        }
        // Reload first: the message shows with the connection (and its Get OAuth Token) it talks about.
        await props.reload()
        setBusy(false)
        setErrors([])
        setMessage(
            r.value.created
                ? `${site.name} now has its own connection. Get its OAuth token next.`
                : `${site.name} already had its own connection.`
        )
    }
    const token = async () => {
        if (!c || !c.getTokenPath) return
        setBusy(true)
        setMessage(`Waiting for Atlassian: accept the consent for ${site.name} in the window that opened.`)
        const outcome = await runTokenPopup(c.getTokenPath)
        const after = await props.reload()
        setBusy(false)
        const mine = after && (after.siteConnections || []).find((x) => x.cloudId === site.cloudId)
        if (outcome.kind === 'blocked') setMessage('The browser blocked the Atlassian window: allow pop-ups and retry.')
        else if (mine && mine.hasToken) setMessage(`Token received for ${site.name}.`)
        else setMessage(`No token for ${site.name}${outcome.kind === 'finished' ? `: ${outcome.message}` : '.'}`)
    }
    const validate = async () => {
        if (!c) return
        setBusy(true)
        setVerdict(null)
        const r = await call<Validation>('POST', 'validate', { connectionSysId: c.connectionSysId })
        setBusy(false)
        if (!r.ok) return setErrors(r.errors)
        setErrors([])
        setVerdict(r.value)
    }
    return (
        <li className="other-site" data-site={site.cloudId}>
            <p>
                <strong>{site.name}</strong> <span className="hint">{site.url}</span>
            </p>
            {c ? (
                <p className="hint" data-site-connection={c.connectionSysId}>
                    Connection <a href={`/http_connection.do?sys_id=${c.connectionSysId}`}>{c.connectionName}</a> on
                    alias <a href={`/sys_alias.do?sys_id=${c.aliasSysId}`}>{c.aliasId}</a>: <code>{c.url}</code>
                    {c.hasToken ? <span className="badge ok">Token</span> : null}
                </p>
            ) : null}
            <Problems errors={errors} fields={[]} />
            {!c && !props.state.access.canWrite ? null : !c ? (
                <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={add}
                    data-action={`add-site-${site.cloudId}`}
                >
                    Add {site.name} as a separate connection
                </button>
            ) : !c.hasToken && !props.state.access.canWrite ? null : !c.hasToken ? (
                <button
                    type="button"
                    className="primary"
                    disabled={busy || !c.getTokenPath}
                    onClick={token}
                    data-action={`site-token-${site.cloudId}`}
                >
                    Get OAuth Token for {site.name}
                </button>
            ) : (
                <button
                    type="button"
                    className="secondary"
                    disabled={busy}
                    onClick={validate}
                    data-action={`site-validate-${site.cloudId}`}
                >
                    Validate {site.name}
                </button>
            )}
            <p role="status">{message}</p>
            {shown ? (
                <p data-site-verdict={shown.verdict}>
                    <span className={`badge ${shown.verdict}`}>{VERDICT_WORDS[shown.verdict]}</span> {shown.summary}
                    {shown.restated ? ' It is live now (made live after this validation).' : ''}{' '}
                    {shown.runLink ? <a href={`/${shown.runLink}`}>Open the validation run</a> : null}
                </p>
            ) : null}
            {c ? (
                <LiveControl
                    state={props.state}
                    connection={{ sysId: c.connectionSysId, name: c.connectionName, active: c.active }}
                    verdict={verdict ? verdict.verdict : ''}
                    reload={props.reload}
                    ownAlias
                />
            ) : null}
        </li>
    )
}
