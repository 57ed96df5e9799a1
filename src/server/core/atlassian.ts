/**
 * Atlassian Cloud endpoints and limits our records and the validator rely on.
 * Sources: developer.atlassian.com "OAuth 2.0 (3LO) apps" (authorize/token URLs, audience, prompt, gateway URL form,
 * rotating refresh tokens) and ServiceNow "Set up the Jira spoke for Jira Cloud" (registry field values).
 */
export const ATLASSIAN = {
    authorizeUrl: 'https://auth.atlassian.com/authorize',
    tokenUrl: 'https://auth.atlassian.com/oauth/token',
    /** Default for the x_jira_connect.api_gateway_url property: accessible-resources and /ex/jira/{cloudId}. */
    apiGatewayUrl: 'https://api.atlassian.com',
    /** Authorization request parameters Atlassian requires besides client_id/scope/redirect_uri/state/response_type. */
    audience: 'api.atlassian.com',
    prompt: 'consent',
    /** Access tokens live 1 hour (Atlassian staff answer, ATL-RRT-STAFF). */
    accessTokenLifespanSeconds: 3600,
    /** Rotating refresh tokens expire after 90 days without use; each rotation restarts the 90 days. */
    refreshInactivitySeconds: 7776000, // 90 days (literal: Fluent cannot evaluate arithmetic)
    /** Consent (the token family) expires about 365 days after first consent (volatile: newer docs omit it). */
    consentAbsoluteSeconds: 31536000, // 365 days
    /** A rotated-out refresh token may be reused for 10 minutes; later reuse revokes the family. */
    refreshReuseLeewaySeconds: 600,
    /**
     * A site's cloud id, unauthenticated: https://<site>.atlassian.net/_edge/tenant_info → {"cloudId": "..."}
     * (support.atlassian.com/jira/kb/retrieve-my-atlassian-sites-cloud-id).
     */
    tenantInfoPath: '_edge/tenant_info',
    /** API tokens last at most a year (support.atlassian.com "Manage API tokens for your Atlassian account"). */
    apiTokenMaxDays: 365,
    /** Where an org admin creates service accounts and their OAuth 2.0 credentials. */
    serviceAccountsAdmin: 'admin.atlassian.com > Directory > Service accounts',
} as const

/** Placeholder shipped in the connection URL; the admin replaces it with the site's cloud id. */
export const CLOUD_ID_PLACEHOLDER = '<cloud-id>'
