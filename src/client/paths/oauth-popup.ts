/**
 * "Get OAuth Token": the platform's own flow (oauth_initiator.do → Atlassian consent → oauth_redirect.do) in a
 * popup, as the credential form's related link opens it. The page watches the popup; once it is back on the instance
 * (same origin) it reads the instance's message and closes it. While the popup is on Atlassian, reading it throws
 * (cross-origin) and the page keeps waiting. Gives up after 10 minutes.
 */
export type PopupOutcome =
    { kind: 'blocked' } | { kind: 'closed' } | { kind: 'finished'; message: string } | { kind: 'timeout' }

export function runTokenPopup(path: string): Promise<PopupOutcome> {
    const popup = window.open(`/${path}`, 'x_jira_connect_oauth', 'popup,width=640,height=760')
    if (!popup) return Promise.resolve({ kind: 'blocked' })
    const started = Date.now()
    return new Promise((resolve) => {
        const timer = window.setInterval(() => {
            if (popup.closed) {
                window.clearInterval(timer)
                resolve({ kind: 'closed' })
                return
            }
            if (Date.now() - started > 10 * 60 * 1000) {
                window.clearInterval(timer)
                resolve({ kind: 'timeout' })
                return
            }
            try {
                const doc = popup.document
                if (popup.location.pathname === '/oauth_redirect.do' && doc.readyState === 'complete') {
                    const message = (doc.body ? doc.body.innerText : '').replace(/\s+/g, ' ').trim().slice(0, 400)
                    window.clearInterval(timer)
                    popup.close()
                    resolve({ kind: 'finished', message })
                }
            } catch (e) {
                // On Atlassian's pages: cross-origin, keep waiting.
            }
        }, 400)
    })
}
