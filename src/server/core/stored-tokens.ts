/**
 * Reading stored OAuth tokens through the TokenPort: a read may be denied for users without the admin role
 * (ServiceNow KB0859525, KB1380167). Callers that only need the token state use storedTokens().
 */
import type { TokenAccessDenied, TokenPort, TokenState } from './ports'

export function isTokenAccessDenied(read: TokenState | TokenAccessDenied | null): read is TokenAccessDenied {
    return !!read && 'denied' in read
}

/** The stored tokens, or null when there are none or this user may not read them. */
export function storedTokens(tokens: TokenPort, credentialSysId: string, profileSysId: string): TokenState | null {
    const read = tokens.read(credentialSysId, profileSysId)
    return isTokenAccessDenied(read) ? null : read
}
