import React from 'react'
import type { SetupState } from '../services/api'

/** Service account (client credentials): not shipped yet in this version of the app. */
export function ServicePath(_props: { state: SetupState }) {
    return (
        <div className="notice" role="note">
            <p>
                Service accounts (OAuth 2.0 client credentials) are not available in this version of Jira Cloud Connect
                yet. Use OAuth 2.0 (3LO) for a user or an API token for now.
            </p>
        </div>
    )
}
