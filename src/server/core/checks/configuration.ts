/**
 * Check group 1, configuration: connection, credential, URL form, cloud id, connection attributes.
 * Field values come from ServiceNow "Set up the Jira spoke for Jira Cloud" (connection URL forms, api_version=2,
 * server_type=cloud) and developer.atlassian.com (gateway URL for OAuth and scoped API tokens).
 */
import { CLOUD_ID_PLACEHOLDER } from '../atlassian'
import type { AliasSnapshot, ConnectionSnapshot, CredentialSnapshot } from '../ports'
import type { CheckLog } from '../report'
import { gatewayConnectionUrl, inspectConnectionUrl, UUID, type UrlInspection } from '../urls'

export const SUPPORTED_API_VERSIONS = ['2', '3']

export interface ConnectionPlan {
    /** Base URL for Jira REST calls (trimmed, without trailing slash), when the URL is usable. */
    jiraBaseUrl: string | null
    /** Cloud id from a gateway URL, when it is a real UUID. */
    cloudId: string | null
    /** The URL still holds the shipped <cloud-id> placeholder or another non-UUID id. */
    cloudIdUnset: boolean
    apiVersion: string | null
    credential: CredentialSnapshot | null
    inspection: UrlInspection
}

export function checkCredentialLink(
    log: CheckLog,
    connection: ConnectionSnapshot,
    credential: CredentialSnapshot | null
): boolean {
    const id = 'config.connection.credential'
    const on = `connection "${connection.name}"`
    if (!connection.credentialSysId) {
        log.fail(id, {
            code: 'credential_missing',
            found: `Connection "${connection.name}" has no credential.`,
            expected:
                'A credential on the connection: an OAuth 2.0 credential (the shipped "Jira Cloud OAuth Credential") ' +
                'or a basic auth credential with the Atlassian email and API token.',
            fix: `Open ${on} and set its Credential.`,
        })
        return false
    }
    if (!credential) {
        log.fail(id, {
            code: 'credential_not_found',
            found:
                `Connection "${connection.name}" points at a credential that does not exist ` +
                `(sys_id ${connection.credentialSysId}).`,
            expected: 'A credential record that exists.',
            fix: `Open ${on} and pick an existing credential.`,
        })
        return false
    }
    if (!credential.active) {
        log.fail(id, {
            code: 'credential_inactive',
            found: `Credential "${credential.name}" is inactive.`,
            expected: 'An active credential.',
            fix: `Open credential "${credential.name}" and check Active.`,
        })
        return false
    }
    if (credential.kind === 'other') {
        log.fail(id, {
            code: 'credential_type_unsupported',
            found: `Credential "${credential.name}" is a ${credential.table} record.`,
            expected:
                'An OAuth 2.0 credential (oauth_2_0_credentials) or a basic auth credential (basic_auth_credentials).',
            fix: `Use an OAuth 2.0 or basic auth credential on ${on}.`,
        })
        return false
    }
    const kind = credential.kind === 'oauth2' ? 'OAuth 2.0' : 'basic auth'
    log.pass(id, `Credential "${credential.name}" (${kind}) is active.`)
    return true
}

/** Email and API token present on a basic credential (values never shown). */
export function checkBasicCredential(
    log: CheckLog,
    credential: Extract<CredentialSnapshot, { kind: 'basic' }>
): boolean {
    const hasUser = !!credential.userName.trim()
    if (!hasUser || !credential.hasPassword) {
        const missing = [!hasUser ? 'user name (email)' : '', !credential.hasPassword ? 'API token' : '']
            .filter(Boolean)
            .join(' and ')
        log.fail('config.credential.basic', {
            code: 'basic_credential_incomplete',
            found: `Credential "${credential.name}" has no ${missing}.`,
            expected: 'User name = Atlassian account email; Password = an Atlassian API token.',
            fix: `Open credential "${credential.name}" and fill in the ${missing}.`,
        })
        return false
    }
    if (credential.userName !== credential.userName.trim()) {
        // Checked here, with no call: a login with the padded name would count as a failed attempt at Atlassian.
        log.fail('config.credential.basic', {
            code: 'basic_user_name_whitespace',
            found: `The user name of credential "${credential.name}" has spaces or line breaks around it.`,
            expected: 'User name = the Atlassian account email, nothing before or after it.',
            fix: `Open credential "${credential.name}" and remove the spaces around the user name.`,
        })
        return false
    }
    log.pass('config.credential.basic', `User name "${credential.userName}", API token set (not shown).`)
    return true
}

export function checkConnectionUrl(
    log: CheckLog,
    connection: ConnectionSnapshot,
    credential: CredentialSnapshot | null,
    gatewayBase: string
): Omit<ConnectionPlan, 'apiVersion' | 'credential'> {
    const inspection = inspectConnectionUrl(connection.url, gatewayBase)
    const plan = { jiraBaseUrl: null as string | null, cloudId: null as string | null, cloudIdUnset: false, inspection }
    const shown = JSON.stringify(connection.url)
    const oauthForm = gatewayConnectionUrl(gatewayBase, '<cloud-id>')
    const siteForm = 'https://<site>.atlassian.net'
    const expectedForm =
        credential?.kind === 'basic' ? `${siteForm} (or ${oauthForm} for a scoped API token)` : oauthForm
    const on = `"${connection.name}"`

    // 1. well-formed https URL
    const urlId = 'config.connection.url'
    const issues = inspection.issues
    if (issues.includes('empty')) {
        log.fail(urlId, {
            code: 'url_empty',
            found: `Connection ${on} has no connection URL.`,
            expected: expectedForm,
            fix: `Open connection ${on} and set Connection URL to ${expectedForm}.`,
        })
        return plan
    }
    if (issues.includes('not_absolute')) {
        log.fail(urlId, {
            code: 'url_malformed',
            found: `Connection URL ${shown} is not an absolute URL.`,
            expected: expectedForm,
            fix: `Set Connection URL on ${on} to ${expectedForm}.`,
        })
        return plan
    }
    const blocking: string[] = []
    if (issues.includes('whitespace')) blocking.push('contains spaces or line breaks')
    if (issues.includes('not_https')) blocking.push(`uses ${inspection.parsed?.scheme}, not https`)
    if (issues.includes('query')) blocking.push('has a query string')
    if (issues.includes('fragment')) {
        blocking.push(
            'has a #fragment: it is never sent, and every path the integration appends after it is lost ' +
                '(RFC 3986 §3.5)'
        )
    }
    if (issues.includes('explicit_port')) {
        const port = inspection.parsed?.port
        blocking.push(`names port ${port} (only the default port 443 is the same URL, RFC 3986 §6.2.3)`)
    }
    if (issues.includes('extra_path')) {
        blocking.push('has a path after the base URL (the integration appends /rest/api/... itself)')
    }
    if (blocking.length) {
        log.fail(urlId, {
            code: blocking.length === 1 ? urlIssueCode(issues) : 'url_malformed',
            found: `Connection URL ${shown} ${blocking.join('; ')}.`,
            expected: expectedForm,
            fix: `Set Connection URL on ${on} to exactly ${expectedForm}, with nothing before or after it.`,
        })
        return plan
    }
    if (issues.includes('trailing_slash')) {
        log.warn(urlId, {
            code: 'url_trailing_slash',
            found: `Connection URL ${shown} ends with a slash.`,
            expected: expectedForm,
            fix:
                `Remove the trailing slash from Connection URL on ${on}: some actions append paths that then ` +
                'contain "//".',
        })
    } else {
        log.pass(urlId, `Connection URL ${shown}.`)
    }
    const base = inspection.url.replace(/\/+$/, '')

    // 2. the URL's form matches the credential type
    const formId = 'config.connection.url_form'
    const form = inspection.form
    if (credential?.kind === 'oauth2' && form.kind !== 'gateway') {
        const why =
            form.kind === 'site'
                ? 'an Atlassian site URL; OAuth 2.0 tokens only work through the API gateway'
                : 'not the Atlassian API gateway'
        log.fail(formId, {
            code: 'oauth_needs_gateway_url',
            found: `Connection URL ${shown} is ${why}.`,
            expected: oauthForm,
            fix:
                `Set Connection URL on ${on} to ${oauthForm}, with your site's cloud id (see the Atlassian check ` +
                'below, or https://<site>.atlassian.net/_edge/tenant_info).',
        })
        return plan
    }
    if (credential?.kind === 'basic' && form.kind === 'other') {
        log.fail(formId, {
            code: 'basic_needs_site_url',
            found: `Connection URL ${shown} is neither an Atlassian site nor the API gateway.`,
            expected: expectedForm,
            fix: `Set Connection URL on ${on} to your Jira site, ${siteForm}.`,
        })
        return plan
    }
    if (form.kind === 'gateway') {
        log.pass(
            formId,
            credential?.kind === 'basic'
                ? 'API gateway URL with basic auth: valid for a scoped API token only.'
                : 'API gateway URL, as OAuth 2.0 requires.'
        )
    } else if (form.kind === 'site') {
        log.pass(formId, `Site URL of "${form.site}", as a classic API token requires.`)
    } else {
        log.skip(formId, 'No credential to compare with.')
    }

    // 3. cloud id
    if (form.kind === 'gateway' && !checkCloudId(log, form.cloudId, oauthForm, on, plan)) return plan
    plan.jiraBaseUrl = base
    return plan
}

function checkCloudId(
    log: CheckLog,
    cloudId: string,
    oauthForm: string,
    on: string,
    plan: { cloudId: string | null; cloudIdUnset: boolean }
): boolean {
    const id = 'config.connection.cloud_id'
    if (cloudId === CLOUD_ID_PLACEHOLDER || /^[<{].*[>}]$/.test(cloudId)) {
        plan.cloudIdUnset = true
        log.fail(id, {
            code: 'cloud_id_placeholder',
            found: `Connection URL still holds the placeholder ${cloudId}.`,
            expected: oauthForm.replace('<cloud-id>', '<your site cloud id, a UUID>'),
            fix:
                `Replace ${cloudId} in Connection URL on ${on} with your site's cloud id: it is listed by the ` +
                'Atlassian check below once a token exists, at https://<site>.atlassian.net/_edge/tenant_info, or ' +
                'in the admin.atlassian.com/s/<cloud-id>/apps URL.',
        })
        return false
    }
    if (!UUID.test(cloudId)) {
        plan.cloudIdUnset = true
        log.fail(id, {
            code: 'cloud_id_malformed',
            found: `Cloud id "${cloudId}" in the connection URL is not a UUID.`,
            expected: 'A cloud id like 1324a887-45db-1bf4-1e99-ef0ff456d421.',
            fix:
                'Copy the cloud id again (https://<site>.atlassian.net/_edge/tenant_info) into Connection URL on ' +
                `${on}.`,
        })
        return false
    }
    plan.cloudId = cloudId.toLowerCase()
    log.pass(id, `Cloud id ${plan.cloudId}.`)
    return true
}

function urlIssueCode(issues: string[]) {
    if (issues.includes('whitespace')) return 'url_whitespace'
    if (issues.includes('not_https')) return 'url_not_https'
    if (issues.includes('query')) return 'url_query'
    if (issues.includes('fragment')) return 'url_fragment'
    if (issues.includes('explicit_port')) return 'url_port'
    return 'url_extra_path'
}

/** Resolved attribute value: the connection's own value, else the alias's (or parent alias's) default. */
export function attributeValue(
    connection: ConnectionSnapshot,
    alias: AliasSnapshot | null,
    name: string
): { value: string | null; source: string } {
    const own = connection.attributes[name]
    if (own !== undefined && own !== null && own !== '') {
        return { value: own, source: `set on connection "${connection.name}"` }
    }
    const def = alias?.attributeDefaults[name]
    if (def !== undefined && def !== null && def !== '') {
        return { value: def, source: `default of alias "${alias?.name}"` }
    }
    return { value: null, source: '' }
}

export function checkAttributes(
    log: CheckLog,
    connection: ConnectionSnapshot,
    alias: AliasSnapshot | null
): string | null {
    const attributes = `Open connection "${connection.name}", Attributes tab, and enter`
    const api = attributeValue(connection, alias, 'api_version')
    const apiRaw = api.value
    let apiVersion: string | null = null
    if (apiRaw === null) {
        log.fail('config.attribute.api_version', {
            code: 'attribute_missing',
            found: `No api_version value on connection "${connection.name}" and no default on the alias.`,
            expected: 'api_version = 2 (or 3)',
            fix: `${attributes} 2 for api_version.`,
        })
    } else if (!SUPPORTED_API_VERSIONS.includes(apiRaw.trim()) || apiRaw !== apiRaw.trim()) {
        log.fail('config.attribute.api_version', {
            code: 'api_version_invalid',
            found: `api_version is ${JSON.stringify(apiRaw)} (${api.source}).`,
            expected: 'api_version = 2 (or 3)',
            fix: `${attributes} 2 for api_version.`,
        })
    } else {
        apiVersion = apiRaw
        log.pass('config.attribute.api_version', `api_version = ${apiRaw} (${api.source}).`)
    }
    const st = attributeValue(connection, alias, 'server_type')
    if (st.value === null) {
        log.fail('config.attribute.server_type', {
            code: 'attribute_missing',
            found: `No server_type value on connection "${connection.name}" and no default on the alias.`,
            expected: 'server_type = cloud',
            fix: `${attributes} cloud for server_type.`,
        })
    } else if (st.value !== 'cloud') {
        log.fail('config.attribute.server_type', {
            code: 'server_type_invalid',
            found: `server_type is ${JSON.stringify(st.value)} (${st.source}).`,
            expected: 'server_type = cloud (Jira Cloud; "server" means Jira Data Center)',
            fix: `${attributes} cloud for server_type.`,
        })
    } else {
        log.pass('config.attribute.server_type', `server_type = cloud (${st.source}).`)
    }
    return apiVersion
}
