/**
 * The validator's check catalogue: every check it can report, in the order it runs, with its one title, what it
 * requires (the checks that must pass or warn before it may run) and every finding code it can give, with severity
 * and a one-line meaning. Check ids and codes are types derived from this object: a typo does not compile.
 *
 * - Skips are derived from `requires` (report.ts CheckLog.ready / skipBlocked), never written by hand.
 * - README.md's check table is generated from this file (`npm run docs:checks`) and tests/validator/catalogue.test.ts
 *   fails when they disagree; the scenario tests fail when a code here is produced by no scenario, or a scenario
 *   produces a code that is not here (tests/validator/scenarios.test.ts).
 * - Adding a check: CONTRIBUTING.md, "Add a validator check".
 */

export type Severity = 'fail' | 'warn' | 'pass'

export interface CodeSpec {
    readonly severity: Severity
    /** One line for the README: what the finding means. */
    readonly meaning: string
}

export interface CheckSpec {
    readonly title: string
    /** One line for the README: what the check verifies. */
    readonly verifies: string
    /** Checks that must have passed (or warned) for this one to run; a failed or skipped one skips this check. */
    readonly requires: readonly string[]
    /** Only for this credential kind (absent: any). Decides which blocked checks a run lists as skipped. */
    readonly auth?: 'oauth2' | 'basic'
    /** Outbound calls the check makes when it passes (transport findings apply to checks that call out). */
    readonly calls: number
    /** true: runs only to explain another check's failure, so a healthy run never makes its calls. */
    readonly diagnosticOnly?: boolean
    /** true: its calls are per configured item (none in a healthy run with the default settings). */
    readonly perConfiguredItem?: boolean
    /** true: no call on a 3LO connection, whose granted scopes accessible-resources lists. */
    readonly noCallWith3lo?: boolean
    readonly codes: { readonly [code: string]: CodeSpec }
}

const fail = (meaning: string) => ({ severity: 'fail', meaning }) as const
const warn = (meaning: string) => ({ severity: 'warn', meaning }) as const
const info = (meaning: string) => ({ severity: 'pass', meaning }) as const

/** Findings any check that calls Atlassian can give (calls.ts, findings.ts). */
export const TRANSPORT_CODES = {
    time_budget_exhausted: fail('not called: the run had used its time budget (x_jira_connect.validation_budget_ms)'),
    http_timeout: fail('no answer within x_jira_connect.http_timeout_ms'),
    connection_refused: fail('the host refused the TCP connection'),
    unknown_host: fail('the host name does not resolve'),
    tls_failure: fail('the TLS handshake failed (untrusted certificate, TLS-inspecting proxy)'),
    connection_reset: fail('the connection was reset before an answer arrived'),
    auth_unavailable: fail('the instance could not attach the credential to the request'),
    http_error: fail('the call failed for another transport reason'),
    rate_limited: fail('429 Too Many Requests (with Retry-After and RateLimit-Reason when sent)'),
    atlassian_unavailable: fail('5xx from Atlassian or a proxy'),
    oversized_body: fail('a body over 1 MB: not an Atlassian REST answer'),
    html_instead_of_json: fail('2xx with an HTML page (login page, proxy page, wrong URL)'),
    truncated_json: fail('2xx with JSON that is cut off or malformed'),
    not_json: fail('2xx with a body that is not JSON'),
    empty_body: fail('2xx with an empty body'),
    unexpected_status: fail('a non-2xx status no check expects'),
    redirect_not_followed: fail('3xx: a redirect, not followed; the credential never goes to another host (A38)'),
} as const

function catalogue<T extends { readonly [id: string]: CheckSpec }>(checks: T): T {
    return checks
}

export const CHECKS = catalogue({
    'config.target': {
        title: 'Validation target',
        verifies: 'The record is a Jira alias, one of its connections, or an OAuth 2.0 / basic credential',
        requires: [],
        calls: 0,
        codes: { unsupported_target: fail('validated from a table the validator does not know') },
    },
    'config.alias': {
        title: 'Connection & Credential alias exists',
        verifies: 'The alias exists',
        requires: [],
        calls: 0,
        codes: { alias_not_found: fail('no alias with that sys_id: open it from the app menu') },
    },
    'config.connection.present': {
        title: 'Connection is present and active',
        verifies: 'One active connection (each one when the alias allows several); a validated credential is used',
        requires: [],
        calls: 0,
        codes: {
            no_connection: fail('the alias has no connection: create one'),
            no_active_connection: fail('no connection of the alias is active: activate one'),
            multiple_active_connections: warn('several active connections on an alias that allows one'),
            connection_not_found: fail('no connection with that sys_id'),
            connection_inactive: warn('the validated connection is inactive'),
            credential_unused: warn('no active connection uses the validated credential: only the token is checked'),
        },
    },
    'config.connection.credential': {
        title: 'Connection has an active credential',
        verifies: 'The connection has an active OAuth 2.0 or basic credential',
        requires: [],
        calls: 0,
        codes: {
            credential_missing: fail('the connection has no credential'),
            credential_not_found: fail('the credential it names does not exist'),
            credential_inactive: fail('the credential is inactive'),
            credential_type_unsupported: fail('neither an OAuth 2.0 nor a basic auth credential'),
        },
    },
    'config.connection.url': {
        title: 'Connection URL is a well-formed https URL',
        verifies: 'Well-formed `https` URL, nothing around it; reported, never silently fixed',
        requires: [],
        calls: 0,
        codes: {
            url_empty: fail('no connection URL'),
            url_malformed: fail('not an absolute URL, or several problems at once'),
            url_whitespace: fail('spaces or line breaks in or around the URL'),
            url_not_https: fail('a scheme other than https'),
            url_query: fail('a query string'),
            url_fragment: fail('a #fragment: never sent, it swallows every appended path (RFC 3986 §3.5)'),
            url_port: fail('a port other than the default 443 (:443 is the same URL, RFC 3986 §6.2.3)'),
            url_extra_path: fail('a path after the base URL (the integration appends /rest/api/... itself)'),
            url_trailing_slash: warn('a trailing slash (some actions then call "//rest/...")'),
        },
    },
    'config.connection.url_form': {
        title: 'Connection URL form matches the credential type',
        verifies:
            'OAuth → `https://api.atlassian.com/ex/jira/<uuid>`; basic → `https://<site>.atlassian.net` ' +
            '(gateway form with basic = scoped API token)',
        requires: ['config.connection.url'],
        calls: 0,
        codes: {
            oauth_needs_gateway_url: fail('OAuth 2.0 with a URL other than the API gateway'),
            basic_needs_site_url: fail('basic auth with a URL that is neither a site nor the gateway'),
        },
    },
    'config.auth_method': {
        title: 'Authentication method',
        verifies:
            'Which way in the connection uses (service account, 3LO app, scoped or classic API token); warns on a ' +
            'classic API token',
        requires: ['config.connection.credential', 'config.connection.url_form'],
        calls: 0,
        codes: {
            classic_api_token: warn(
                'a classic API token on the site URL: legacy, expires within a year; the fix is the migration path'
            ),
        },
    },
    'config.auth_standing': {
        title: "Standing against Atlassian's and ServiceNow's rules",
        verifies:
            'Where the way in stands (auth-standing.ts): information only, it never fails or warns a validation; ' +
            'the setup page offers the move to a service account for every standing but the recommended one',
        requires: ['config.auth_method'],
        calls: 0,
        codes: {
            standing_service_account: info('service account (OAuth 2.0 client credentials): recommended'),
            standing_spoke_3lo: info(
                "OAuth 2.0 (3LO) through the Jira spoke's own template (ServiceNow's app): compliant"
            ),
            standing_own_3lo_app: info(
                'your own 3LO app: allowed for your own site, the pattern Atlassian flags for distributed apps'
            ),
            standing_scoped_token: info('scoped API token: works, ServiceNow labels it not compliant'),
            standing_classic_token: info('classic API token: not compliant and legacy (config.auth_method warns)'),
        },
    },
    'config.connection.cloud_id': {
        title: 'Connection URL holds a real cloud id',
        verifies: 'The `<cloud-id>` placeholder is gone and the id is a UUID (gateway URLs)',
        requires: ['config.connection.url_form'],
        calls: 0,
        codes: {
            cloud_id_placeholder: fail('the shipped `<cloud-id>` placeholder is still there'),
            cloud_id_malformed: fail('the cloud id is not a UUID'),
        },
    },
    'config.attribute.api_version': {
        title: 'api_version attribute is 2 or 3',
        verifies: '`api_version` is 2 or 3 (connection value, else the alias default)',
        requires: [],
        calls: 0,
        codes: {
            attribute_missing: fail('no value on the connection and no default on the alias'),
            api_version_invalid: fail('a value other than 2 or 3'),
        },
    },
    'config.attribute.server_type': {
        title: 'server_type attribute is cloud',
        verifies: '`server_type` is `cloud` (connection value, else the alias default)',
        requires: [],
        calls: 0,
        codes: {
            attribute_missing: fail('no value on the connection and no default on the alias'),
            server_type_invalid: fail('a value other than cloud'),
        },
    },
    'config.credential.basic': {
        title: 'Basic credential has an email and API token',
        verifies: 'Email and API token present (values never shown)',
        requires: ['config.connection.credential'],
        auth: 'basic',
        calls: 0,
        codes: {
            basic_credential_incomplete: fail('the user name (email) or the API token is empty'),
            basic_user_name_whitespace: fail('spaces around the user name: Atlassian would count a failed login'),
        },
    },
    'oauth.profile': {
        title: 'Credential has an OAuth entity profile',
        verifies: 'Credential → profile → registry',
        requires: ['config.connection.credential'],
        auth: 'oauth2',
        calls: 0,
        codes: {
            profile_missing: fail('the credential has no OAuth Entity Profile'),
            profile_not_found: fail('the profile it names does not exist'),
            registry_not_found: fail('the profile belongs to no application registry'),
        },
    },
    'oauth.registry.active': {
        title: 'Registry is an active OAuth provider with a supported grant',
        verifies:
            'Active OAuth Provider; Authorization Code (3LO) or Client Credentials (service account), profile alike',
        requires: ['oauth.profile'],
        auth: 'oauth2',
        calls: 0,
        codes: {
            registry_misconfigured: fail(
                "inactive, not an OAuth Provider, or a grant other than the registry's or Atlassian's"
            ),
        },
    },
    'oauth.profile.default': {
        title: 'Registry has one default profile',
        verifies: 'One default profile on the registry (a registry form save creates "<registry> default_profile")',
        requires: ['oauth.profile'],
        auth: 'oauth2',
        calls: 0,
        codes: { multiple_default_profiles: warn('more than one default profile on the registry (assumption A1)') },
    },
    'oauth.registry.client_credentials': {
        title: 'Registry has the Atlassian client ID and secret',
        verifies: 'Client ID and secret present (never shown)',
        requires: ['oauth.profile'],
        auth: 'oauth2',
        calls: 0,
        codes: {
            client_credentials_missing: fail('Client ID or Secret is empty: paste them from the Atlassian app'),
            client_id_is_secret: fail('Client ID holds a value shaped like a secret (clear text): move it, rotate it'),
        },
    },
    'oauth.registry.urls': {
        title: 'Registry uses the Atlassian URLs of its grant',
        verifies: 'Atlassian authorize / token / refresh URLs (3LO); the Atlassian token URL (client credentials)',
        requires: ['oauth.profile'],
        auth: 'oauth2',
        calls: 0,
        codes: {
            auth_url_has_query: fail('the Authorization URL carries query parameters (KB0786459)'),
            registry_url_wrong: fail("an authorize, token or refresh URL that is not Atlassian's"),
            refresh_url_empty: warn('the (hidden) Refresh Token URL is empty'),
        },
    },
    'oauth.registry.api_script': {
        title: 'OAuth API Script adds audience and prompt=consent',
        verifies: 'OAuth API Script adds `audience` and `prompt=consent`',
        requires: ['oauth.profile'],
        auth: 'oauth2',
        calls: 0,
        codes: {
            api_script_missing: warn('no OAuth API Script (no audience, prompt): fine while Atlassian accepts tokens'),
            api_script_inactive: fail('the OAuth API Script is inactive'),
            api_script_incomplete: fail('the script does not add audience and prompt=consent in preprocessAuthCode'),
        },
    },
    'oauth.profile.scopes': {
        title: 'Profile requests the required Jira scopes',
        verifies: '3LO: all 14 scopes, `offline_access` among them; service account: the 6 classic + 7 granular scopes',
        requires: ['oauth.profile'],
        auth: 'oauth2',
        calls: 0,
        codes: {
            offline_access_missing: fail('no offline_access: no refresh token, the connection stops after an hour'),
            profile_scopes_missing: fail('required scopes missing from the profile'),
        },
    },
    'oauth.callback_url': {
        title: 'Callback URL to register in the Atlassian app',
        verifies: 'Shows the callback this instance sends, to compare with the Atlassian app',
        requires: ['oauth.profile'],
        auth: 'oauth2',
        calls: 0,
        codes: {
            redirect_url_differs: warn("the registry sends a redirect URL other than this instance's callback"),
            redirect_url_missing: warn('blank Redirect URL: filled on a registry form save, not by an install'),
        },
    },
    'token.refresh': {
        title: 'Refresh token and its remaining life',
        verifies: 'Refresh token present; remaining life vs 90-day inactivity (and ~365-day consent)',
        requires: ['oauth.profile'],
        auth: 'oauth2',
        calls: 0,
        codes: {
            no_refresh_token: fail('no refresh token: the connection stops when the access token expires'),
            refresh_expired: fail('the refresh token expired (unused for 90 days): re-consent'),
            refresh_expiring: warn('the refresh token expires in less than 14 days unless used'),
        },
    },
    'token.access': {
        title: 'Access token',
        verifies: 'Access token present and alive; refreshed once through the platform if expired',
        requires: ['oauth.profile'],
        auth: 'oauth2',
        calls: 0,
        codes: {
            refreshed: info('the access token had expired: this run refreshed it and stored the rotated refresh token'),
            requested: info(
                'service account: no live token, so this run requested one (client credentials), as the platform does'
            ),
            service_account_rejected: fail(
                'client credentials refused (invalid_client): wrong secret, or credential revoked'
            ),
            token_rate_limited: fail(
                '429 from the token URL on the client-credentials request: wait and validate again'
            ),
            token_request_failed: fail('the client-credentials token request failed otherwise (status or transport)'),
            access_idle: info(
                'health check with keep-alive off: the expired access token was left alone; the subject is not checked'
            ),
            no_token: fail('no token stored: click Get OAuth Token on the credential'),
            access_expired_no_refresh: fail('the access token expired and there is no refresh token'),
            cannot_refresh: fail('the access token expired and the registry lacks its client ID or secret'),
            time_budget_exhausted: fail("no time left in the run's budget to refresh"),
            consent_expired: fail('Atlassian refused the refresh token (invalid_grant, unauthorized_client)'),
            client_rejected: fail("Atlassian rejected the registry's client ID or secret on refresh"),
            refresh_timeout: fail('the refresh call to the token URL timed out'),
            refresh_unreachable: fail('the refresh call failed without an answer (refused, unknown host, TLS, reset)'),
            refreshed_without_access_token: fail('the platform said the refresh worked but stored no access token'),
            refresh_answer_unreadable: fail('2xx from the token URL the platform could not read: validate again now'),
            refresh_failed: fail('the refresh failed with another answer'),
            token_access_denied: fail('the user lacks the admin role the platform requires to read tokens (KB0859525)'),
            rotated_refresh_token_not_stored: fail('the platform kept the old refresh token after a rotation (A5)'),
            access_token_not_stored: fail('the platform did not store the refreshed access token (A5)'),
        },
    },
    'atlassian.accessible_resources': {
        title: 'Atlassian accepts the token (accessible-resources)',
        verifies: '`GET /oauth/token/accessible-resources` accepts the token',
        requires: [
            'config.connection.credential',
            'config.connection.url',
            'config.connection.url_form',
            'token.access',
        ],
        auth: 'oauth2',
        calls: 1,
        codes: {
            token_rejected: fail(
                '401: token revoked, or (new token) issued without audience: create the global script'
            ),
            token_forbidden: fail('403: the app or the user lost access'),
            unexpected_shape: fail('JSON that is not a list of sites'),
            no_sites: fail('the token reaches no site'),
        },
    },
    'atlassian.cloud_id': {
        title: "Connection's cloud id is a site the token reaches",
        verifies: "The connection's cloud id is a site the token reaches (lists each site, cloud id and exact URL)",
        requires: ['atlassian.accessible_resources'],
        auth: 'oauth2',
        calls: 0,
        codes: {
            cloud_id_unset: fail('the connection holds no cloud id yet'),
            cloud_id_not_accessible: fail('the cloud id is not among the sites the token reaches'),
        },
    },
    'atlassian.scopes': {
        title: 'Scopes granted for the site cover the required ones',
        verifies: 'Scopes granted for the site ⊇ the required ones',
        requires: ['atlassian.cloud_id'],
        auth: 'oauth2',
        calls: 0,
        codes: {
            scopes_not_granted: fail('required scopes not granted for the site: add them, re-consent'),
            scopes_not_listed: warn('accessible-resources lists the site without its scopes: granted scopes unknown'),
        },
    },
    'jira.myself': {
        title: 'Jira accepts the credential (myself)',
        verifies:
            '`GET /rest/api/{v}/myself` → account id and type (kept with the run); display name and email shown, ' +
            'never stored; warns when the email is hidden',
        requires: [
            'config.connection.credential',
            'config.credential.basic',
            'config.connection.url',
            'config.connection.url_form',
            'config.connection.cloud_id',
            'config.attribute.api_version',
            'token.access',
            'atlassian.cloud_id',
        ],
        calls: 1,
        codes: {
            captcha_required: fail('basic auth: Atlassian demands a CAPTCHA after failed logins'),
            password_not_api_token: fail('basic auth with the account password instead of an API token'),
            credentials_rejected: fail('basic auth refused (401/403, or X-Seraph-LoginReason AUTHENTICATED_FAILED)'),
            scope_mismatch: fail('401 "scope does not match": read:jira-user not granted'),
            token_rejected: fail('401: the access token was not accepted'),
            site_not_found: fail('404: no Jira at that site or cloud id'),
            forbidden: fail('403: the account has no access to this site'),
            no_jira_access: fail(
                '403 to a valid service-account or scoped-token login: no Jira access or role on the site'
            ),
            unexpected_shape: fail('an answer without accountId'),
            ip_allowlist_blocked: fail(
                "the site's IP allowlist rejected the caller's address (add the instance's egress IPs, or use a MID)"
            ),
            email_hidden: warn(
                "the account's email is hidden: comment and user correlation in bidirectional sync breaks"
            ),
        },
    },
    'jira.server_info': {
        title: 'Jira Cloud site (serverInfo)',
        verifies: '`GET /rest/api/{v}/serverInfo` → `deploymentType` Cloud, base URL = the site',
        requires: ['jira.myself'],
        calls: 1,
        codes: {
            not_jira_cloud: fail('deploymentType is not Cloud'),
            base_url_mismatch: warn('the site answers with another base URL (renamed site or custom domain)'),
        },
    },
    'jira.projects': {
        title: 'Permissions in the projects the flows use',
        verifies:
            '`GET /rest/api/{v}/project/search` (x_jira_connect.capability.projects, or the browsable projects) and ' +
            'one `POST /rest/api/3/permissions/check` for the 8 project permissions the spoke uses + Administer Jira',
        requires: ['jira.myself'],
        calls: 2,
        codes: {
            no_site_admin: info('not a Jira administrator: webhook and user actions will not work (table)'),
            not_due: info('health check: capability checks ran less than their interval ago; cached result shown'),
            projects_setting_invalid: fail('x_jira_connect.capability.projects has an entry that is not KEY[/Type]'),
            scope_mismatch: fail('401 "scope does not match": read:jira-work not granted'),
            project_not_found: fail('a listed project does not exist or the account cannot browse it'),
            permission_missing: fail('a listed project lacks a permission the spoke uses (per project, with the fix)'),
            no_projects: warn('nothing listed and the account can browse no project'),
            cannot_create: warn('nothing listed and the account can create issues in none of its projects'),
        },
    },
    'jira.create_fields': {
        title: 'Fields Create Issue requires (createmeta)',
        verifies:
            '`GET /rest/api/{v}/issue/createmeta/{project}/issuetypes/{id}` for each `KEY/Issue type` listed: ' +
            'required fields with no default',
        requires: ['jira.projects'],
        calls: 1,
        perConfiguredItem: true,
        codes: {
            issue_type_not_found: fail('the listed issue type is not in the project'),
            createmeta_refused: fail('403/404 on createmeta: the account cannot create that issue type'),
            required_fields: warn('required fields with no default beyond project, issue type and summary'),
        },
    },
    'jira.agile': {
        title: 'Sprint and board actions (agile scopes)',
        verifies:
            '`GET /rest/agile/1.0/board?maxResults=1`: the granular sprint and board scopes (3LO: the scopes ' +
            'accessible-resources lists, no call)',
        requires: ['jira.myself'],
        calls: 1,
        noCallWith3lo: true,
        codes: {
            agile_scopes_missing: warn('401 "scope does not match" (or not granted): sprint actions will fail'),
        },
    },
    'atlassian.site_cloud_id': {
        title: 'Cloud id of the Jira site (tenant_info)',
        verifies:
            "When the URL is a site URL or Jira refused the cloud id: the site's cloud id from " +
            '`https://<site>.atlassian.net/_edge/tenant_info` and the exact Connection URL',
        requires: [],
        calls: 1,
        diagnosticOnly: true,
        codes: {
            cloud_id_wrong: fail("the site's cloud id is not the one in the Connection URL (or the URL is a site URL)"),
            tenant_info_unreadable: fail('tenant_info answered without a cloud id'),
            scoped_token_url: warn(
                'basic auth refused on the site URL: a scoped API token needs the gateway URL it names'
            ),
        },
    },
    'inbound.dynamic_webhooks': {
        title: 'Jira → ServiceNow: dynamic webhooks of this OAuth app',
        verifies:
            '`GET /rest/api/{v}/webhook`: where each webhook of the app points (this instance or another) and when ' +
            'it expires; the health check refreshes those expiring soon, once a day',
        requires: ['jira.myself'],
        auth: 'oauth2',
        calls: 1,
        codes: {
            not_an_app: info('service account: only OAuth 2.0 (3LO) and Connect apps have dynamic webhooks (no call)'),
            none_here: info('no dynamic webhook of this app points at this instance'),
            owner_rule: info(
                'webhooks point here: Jira delivers them only if the app is shared or its owner registered them'
            ),
            refreshed: info('health check: this run extended the expiring webhooks by 30 days'),
            other_instance: warn('a webhook points at another ServiceNow instance (a clone keeps production URLs)'),
            expiring: warn('a webhook pointing here expires within x_jira_connect.health.webhook_refresh_days (7)'),
            expired: fail('a webhook pointing here expired: Jira no longer sends it'),
            jql_unsupported: fail('a filter uses JQL beyond =, !=, IN, NOT IN: Jira refuses it when registered again'),
            refresh_failed: fail('health check: Jira did not extend the expiring webhooks'),
            refresh_off: fail(
                'a webhook pointing here expires soon and x_jira_connect.health.webhook_refresh is false'
            ),
            webhooks_forbidden: fail('403: Jira refused this app the webhook endpoints'),
            webhook_scope_missing: fail('401 "scope does not match": manage:jira-webhook not granted'),
            unexpected_shape: fail('an answer that is not a page of webhooks'),
        },
    },
    'inbound.webhook_failures': {
        title: "Jira → ServiceNow: the app's failed webhook deliveries",
        verifies: '`GET /rest/api/{v}/webhook/failed`: deliveries to this instance Jira gave up on after its retries',
        requires: ['inbound.dynamic_webhooks'],
        auth: 'oauth2',
        calls: 1,
        codes: {
            deliveries_failing: warn('Jira gave up delivering events to this instance (count, last failure)'),
            unexpected_shape: fail('an answer that is not a list of failed webhooks'),
        },
    },
    'inbound.admin_webhooks': {
        title: 'Jira → ServiceNow: admin webhooks',
        verifies:
            '`GET /rest/webhooks/1.0/webhook` (Administer Jira): admin webhooks pointing at this instance, enabled, ' +
            'and none at another instance',
        requires: ['jira.myself'],
        calls: 1,
        codes: {
            needs_jira_admin: info('403: listing admin webhooks needs Administer Jira; what to check by hand'),
            none_here: info('no admin webhook points at this instance'),
            scoped_token: warn('a scoped API token cannot manage webhooks (the spoke webhook actions fail; no call)'),
            other_instance: warn('an admin webhook points at another ServiceNow instance'),
            disabled: warn('an admin webhook pointing here is disabled'),
            unexpected_shape: fail('an answer that is not a list of webhooks'),
        },
    },
    // Jira → ServiceNow, the instance side (checks/inbound-instance.ts): what the Jira spoke has here for Jira to call.
    'inbound.instance_registry': {
        title: "Jira → ServiceNow: the Jira spoke's webhook registry on this instance",
        verifies:
            'The Jira Webhook Registry records of the installed Jira spoke (`sn_jira_spoke`): their callback paths ' +
            '(token- or HMAC-based) and whether a Jira webhook listed by this run points at each (no call)',
        requires: [],
        calls: 0,
        codes: {
            spoke_not_installed: info('the Jira spoke is not installed: nothing here receives its Jira webhooks'),
            registry_table_unknown: info(
                'the spoke is installed, but its registry table was not found (check by hand)'
            ),
            none_configured: info('no registry record, and no Jira webhook listed points at the spoke here'),
            match_unknown: info(
                "registry records; which one Jira calls is not known (admin or some connection's webhooks unlisted)"
            ),
            no_registry: warn("a Jira webhook points at the spoke's callback here, but no registry record exists"),
            callback_unmatched: warn('a registry callback path is the URL of no Jira webhook pointing here'),
        },
    },
    'inbound.instance_token': {
        title: 'Jira → ServiceNow: the token or HMAC secret record of each registry',
        verifies:
            'The `token_verification` record each Jira Webhook Registry record names (the token of a token-based ' +
            'callback URL, the secret of an HMAC-based one), or the `hash_message_verification` record an ' +
            'HMAC-based one references: there, active, not expired; never its value (no call)',
        requires: ['inbound.instance_registry'],
        calls: 0,
        codes: {
            token_missing: fail('a registry record names no token verification record, or one that is gone'),
            hmac_secret_missing: fail(
                "an HMAC-based registry record has no secret record to check Jira's X-Hub-Signature with"
            ),
            token_inactive: fail('the token verification record is inactive: the callback refuses every call'),
            hmac_secret_inactive: fail("an HMAC-based registry record's secret record is inactive: calls are refused"),
            token_expired: fail('the token verification record has expired: the callback refuses every call'),
        },
    },
    'inbound.instance_trigger': {
        title: 'Jira → ServiceNow: the Jira External Trigger endpoints and their run-as user',
        verifies:
            'Active Jira External Trigger endpoints: a run-as user that exists, is active and has the roles the ' +
            'endpoint requires; and a Jira webhook listed by this run pointing at each (no call)',
        requires: [],
        calls: 0,
        codes: {
            trigger_table_unknown: info('the external trigger endpoints could not be read on this instance'),
            no_trigger: info('no active Jira External Trigger endpoint'),
            callback_unmatched: warn('an active endpoint is the URL of no Jira webhook pointing here'),
            run_as_missing: fail('an active endpoint has no run-as user, or its user record is gone'),
            run_as_inactive: fail("an active endpoint's run-as user is inactive"),
            run_as_roles_missing: fail("an active endpoint's run-as user lacks a role the endpoint requires"),
        },
    },
    // The path the spoke really takes (checks/real-path.ts): MID routing, the Jira spoke, the alias's template.
    'path.mid': {
        title: 'Network path (MID Server)',
        verifies:
            "The connection's Use MID Server settings and the MID Servers they select (Up, validated, REST " +
            "capability); the connection's Jira calls then go through the chosen MID (setMIDServer, executeAsync, " +
            'waitForResponse within the budget); names the path tested and what was not',
        requires: [],
        calls: 0,
        codes: {
            through_mid: info('the Jira calls went through the MID Server and were answered; the token was not'),
            mid_path_not_tested: warn('the connection goes through a MID Server; no call was made through it'),
            mid_no_answer: fail('a call through the MID Server got no answer within the timeout (ECC queue)'),
            mid_call_failed: fail('the MID Server answered, but its own call to Atlassian failed (DNS, proxy, TLS)'),
            token_via_mid_unproven: warn(
                'the credential fetches its token through a MID Server, which only IntegrationHub does (KB1645211)'
            ),
            mid_down: fail('the selected MID Server (or every one the selection allows) is not Up'),
            mid_not_validated: fail('the selected MID Server (or every one the selection allows) is not validated'),
            mid_no_rest_capability: fail('no selected MID Server has the REST (or ALL) capability'),
            mid_none_matches: fail('no MID Server matches the selection (name or cluster)'),
        },
    },
    'instance.jira_spoke': {
        title: 'Jira spoke version',
        verifies: 'The installed Jira spoke (`sn_jira_spoke`, sys_store_app) against the search removal fix (5.1.1)',
        requires: [],
        calls: 0,
        codes: {
            spoke_search_removed: warn("below 5.1.1: the spoke's search actions call the removed /search (410 Gone)"),
            spoke_update_available: info('5.1.1 or later, older than the current version: an update is available'),
            spoke_not_installed: info('the spoke is not installed: this app does not need it, spoke flows do'),
        },
    },
    'instance.deprecated_calls': {
        title: 'Removed and deprecated Jira calls on this instance',
        verifies:
            'REST messages and functions, Flow Designer step inputs, script includes and business rules that call ' +
            'Jira: removed /search, search/id, expression/eval; startAt paging, createmeta?expand, Epic Link, ' +
            'unbounded JQL; site URLs where the gateway is needed. Reported with the fix, never changed',
        requires: [],
        calls: 0,
        codes: {
            removed_jira_api: warn('a script calls a removed Jira endpoint (410 Gone since 2025-10-31)'),
            deprecated_jira_usage: warn('startAt paging, createmeta?expand, Epic Link or unbounded JQL in a script'),
            hard_coded_site_url: warn('a hard-coded <site>.atlassian.net URL while the alias uses gateway-only auth'),
            scan_incomplete: warn('more than 10,000 records, or the time budget ran out: says how many were scanned'),
        },
    },
    'instance.alias_template': {
        title: 'Configuration template Workflow Studio uses',
        verifies:
            "The alias's Configuration Template: this app's (Save and Test runs the validator), the spoke's " +
            '"Authentication Template for Jira Cloud" (spoke 6.0.1+), another one or none',
        requires: [],
        calls: 0,
        codes: {
            spoke_template_on_alias: warn("the alias uses the spoke's template: Save and Test is not this validator"),
            foreign_template: warn('the alias uses a template from neither this app nor the spoke'),
            no_configuration_template: warn(
                'no template: Workflow Studio offers no Create New Connection, no Save and Test'
            ),
            no_test_action: warn('the template names no Test Action: Workflow Studio offers no Save and Test'),
        },
    },
    'atlassian.rate_limit': {
        title: 'Atlassian rate limit and quota',
        verifies:
            'The rate-limit headers of every answer in the run (`Beta-RateLimit*`, `X-Beta-RateLimit-*`, ' +
            '`RateLimit*`, `X-RateLimit-*`): points left, window, reason; logged only when Atlassian sent them',
        requires: [],
        calls: 0,
        codes: {
            near_limit: warn("less than 20 % of the app's quota (or burst limit) is left: flows will soon get 429s"),
        },
    },
} as const)

export type CheckId = keyof typeof CHECKS
export type TransportCode = keyof typeof TRANSPORT_CODES
type Spec<C extends CheckId> = (typeof CHECKS)[C]
type OwnCode<C extends CheckId> = keyof Spec<C>['codes'] & string
/** Checks that call out: they can also give every transport finding. */
export type RemoteCheckId = { [C in CheckId]: Spec<C>['calls'] extends 0 ? never : C }[CheckId]
export type CodeOf<C extends CheckId> = OwnCode<C> | (C extends RemoteCheckId ? TransportCode : never)
type SeverityOf<C extends CheckId, K> =
    K extends OwnCode<C>
        ? Spec<C>['codes'][K] extends { severity: infer S }
            ? S
            : never
        : K extends TransportCode
          ? 'fail'
          : never
/** The codes of check C with severity S. */
export type CodeWith<C extends CheckId, S extends Severity> = {
    [K in CodeOf<C>]: SeverityOf<C, K> extends S ? K : never
}[CodeOf<C>]
/** Every finding code of every check. */
export type FindingCode = { [C in CheckId]: CodeOf<C> }[CheckId]

/** A finding with named fields; `code` is one the catalogue lists for the check. */
export interface Finding<K extends string = FindingCode> {
    code: K
    found: string
    expected: string
    fix: string
}

// Compile-time: every `requires` entry names a check (a typo there does not compile either).
type BadRequirement = { [C in CheckId]: Exclude<Spec<C>['requires'][number], CheckId> }[CheckId]
export const REQUIREMENTS_ARE_CHECK_IDS: [BadRequirement] extends [never] ? true : BadRequirement = true

export const CHECK_IDS = Object.keys(CHECKS) as CheckId[]

export function checkSpec(id: CheckId): CheckSpec {
    return CHECKS[id]
}

/** Every code check `id` can give with its spec: its own codes, then the transport codes when it calls out. */
export function codesOf(id: CheckId): { code: string; spec: CodeSpec }[] {
    const spec = checkSpec(id)
    const own = Object.keys(spec.codes).map((code) => ({ code, spec: spec.codes[code] }))
    if (!spec.calls) return own
    const transport = TRANSPORT_CODES as { readonly [code: string]: CodeSpec }
    return own.concat(Object.keys(transport).map((code) => ({ code, spec: transport[code] })))
}

/** Calls a healthy run makes for a credential kind (derived: the calls of every check that applies to it). */
export function healthyCalls(auth: 'oauth2' | 'basic'): number {
    let n = 0
    for (const id of CHECK_IDS) {
        const spec = checkSpec(id)
        if (spec.auth && spec.auth !== auth) continue
        if (spec.diagnosticOnly || spec.perConfiguredItem || (auth === 'oauth2' && spec.noCallWith3lo)) continue
        n += spec.calls
    }
    return n
}
