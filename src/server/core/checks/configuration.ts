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

export function checkCredentialLink(log: CheckLog, connection: ConnectionSnapshot, credential: CredentialSnapshot | null): boolean {
    const id = 'config.connection.credential'
    const title = 'Connection has an active credential'
    if (!connection.credentialSysId) {
        log.fail(id, title, 'credential_missing', `Connection "${connection.name}" has no credential.`, 'A credential on the connection: an OAuth 2.0 credential (the shipped "Jira Cloud OAuth Credential") or a basic auth credential with the Atlassian email and API token.', `Open connection "${connection.name}" and set its Credential.`)
        return false
    }
    if (!credential) {
        log.fail(id, title, 'credential_not_found', `Connection "${connection.name}" points at a credential that does not exist (sys_id ${connection.credentialSysId}).`, 'A credential record that exists.', `Open connection "${connection.name}" and pick an existing credential.`)
        return false
    }
    if (!credential.active) {
        log.fail(id, title, 'credential_inactive', `Credential "${credential.name}" is inactive.`, 'An active credential.', `Open credential "${credential.name}" and check Active.`)
        return false
    }
    if (credential.kind === 'other') {
        log.fail(id, title, 'credential_type_unsupported', `Credential "${credential.name}" is a ${credential.table} record.`, 'An OAuth 2.0 credential (oauth_2_0_credentials) or a basic auth credential (basic_auth_credentials).', `Use an OAuth 2.0 or basic auth credential on connection "${connection.name}".`)
        return false
    }
    log.pass(id, title, `Credential "${credential.name}" (${credential.kind === 'oauth2' ? 'OAuth 2.0' : 'basic auth'}) is active.`)
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
    const expectedForm = credential?.kind === 'basic' ? `${siteForm} (or ${oauthForm} for a scoped API token)` : oauthForm

    // 1. well-formed https URL
    const urlId = 'config.connection.url'
    const urlTitle = 'Connection URL is a well-formed https URL'
    const issues = inspection.issues
    if (issues.includes('empty')) {
        log.fail(urlId, urlTitle, 'url_empty', `Connection "${connection.name}" has no connection URL.`, expectedForm, `Open connection "${connection.name}" and set Connection URL to ${expectedForm}.`)
        return plan
    }
    if (issues.includes('not_absolute')) {
        log.fail(urlId, urlTitle, 'url_malformed', `Connection URL ${shown} is not an absolute URL.`, expectedForm, `Set Connection URL on "${connection.name}" to ${expectedForm}.`)
        return plan
    }
    const blocking: string[] = []
    if (issues.includes('whitespace')) blocking.push('contains spaces or line breaks')
    if (issues.includes('not_https')) blocking.push(`uses ${inspection.parsed?.scheme}, not https`)
    if (issues.includes('query')) blocking.push('has a query string')
    if (issues.includes('explicit_port')) blocking.push('names a port')
    if (issues.includes('extra_path')) blocking.push('has a path after the base URL (the integration appends /rest/api/... itself)')
    if (blocking.length) {
        log.fail(urlId, urlTitle, blocking.length === 1 ? urlIssueCode(issues) : 'url_malformed', `Connection URL ${shown} ${blocking.join('; ')}.`, expectedForm, `Set Connection URL on "${connection.name}" to exactly ${expectedForm}, with nothing before or after it.`)
        return plan
    }
    if (issues.includes('trailing_slash')) {
        log.warn(urlId, urlTitle, 'url_trailing_slash', `Connection URL ${shown} ends with a slash.`, expectedForm, `Remove the trailing slash from Connection URL on "${connection.name}": some actions append paths that then contain "//".`)
    } else {
        log.pass(urlId, urlTitle, `Connection URL ${shown}.`)
    }
    const base = inspection.url.replace(/\/+$/, '')

    // 2. the URL's form matches the credential type
    const formId = 'config.connection.url_form'
    const formTitle = 'Connection URL form matches the credential type'
    const form = inspection.form
    if (credential?.kind === 'oauth2' && form.kind !== 'gateway') {
        const why = form.kind === 'site' ? 'an Atlassian site URL; OAuth 2.0 tokens only work through the API gateway' : 'not the Atlassian API gateway'
        log.fail(formId, formTitle, 'oauth_needs_gateway_url', `Connection URL ${shown} is ${why}.`, oauthForm, `Set Connection URL on "${connection.name}" to ${oauthForm}, with your site's cloud id (see the Atlassian check below, or https://<site>.atlassian.net/_edge/tenant_info).`)
        return plan
    }
    if (credential?.kind === 'basic' && form.kind === 'other') {
        log.fail(formId, formTitle, 'basic_needs_site_url', `Connection URL ${shown} is neither an Atlassian site nor the API gateway.`, expectedForm, `Set Connection URL on "${connection.name}" to your Jira site, ${siteForm}.`)
        return plan
    }
    if (form.kind === 'gateway') log.pass(formId, formTitle, credential?.kind === 'basic' ? 'API gateway URL with basic auth: valid for a scoped API token only.' : 'API gateway URL, as OAuth 2.0 requires.')
    else if (form.kind === 'site') log.pass(formId, formTitle, `Site URL of "${form.site}", as a classic API token requires.`)
    else log.skip(formId, formTitle, 'No credential to compare with.')

    // 3. cloud id
    if (form.kind === 'gateway') {
        const cloudId = 'config.connection.cloud_id'
        const cloudTitle = 'Connection URL holds a real cloud id'
        if (form.cloudId === CLOUD_ID_PLACEHOLDER || /^[<{].*[>}]$/.test(form.cloudId)) {
            plan.cloudIdUnset = true
            log.fail(cloudId, cloudTitle, 'cloud_id_placeholder', `Connection URL still holds the placeholder ${form.cloudId}.`, oauthForm.replace('<cloud-id>', '<your site cloud id, a UUID>'), `Replace ${form.cloudId} in Connection URL on "${connection.name}" with your site's cloud id: it is listed by the Atlassian check below once a token exists, at https://<site>.atlassian.net/_edge/tenant_info, or in the admin.atlassian.com/s/<cloud-id>/apps URL.`)
            return plan
        }
        if (!UUID.test(form.cloudId)) {
            plan.cloudIdUnset = true
            log.fail(cloudId, cloudTitle, 'cloud_id_malformed', `Cloud id "${form.cloudId}" in the connection URL is not a UUID.`, 'A cloud id like 1324a887-45db-1bf4-1e99-ef0ff456d421.', `Copy the cloud id again (https://<site>.atlassian.net/_edge/tenant_info) into Connection URL on "${connection.name}".`)
            return plan
        }
        plan.cloudId = form.cloudId.toLowerCase()
        log.pass(cloudId, cloudTitle, `Cloud id ${plan.cloudId}.`)
    }
    plan.jiraBaseUrl = base
    return plan
}

function urlIssueCode(issues: string[]): string {
    if (issues.includes('whitespace')) return 'url_whitespace'
    if (issues.includes('not_https')) return 'url_not_https'
    if (issues.includes('query')) return 'url_query'
    if (issues.includes('explicit_port')) return 'url_port'
    return 'url_extra_path'
}

/** Resolved attribute value: the connection's own value, else the alias's (or parent alias's) default. */
export function attributeValue(connection: ConnectionSnapshot, alias: AliasSnapshot | null, name: string): { value: string | null; source: string } {
    const own = connection.attributes[name]
    if (own !== undefined && own !== null && own !== '') return { value: own, source: `set on connection "${connection.name}"` }
    const def = alias?.attributeDefaults[name]
    if (def !== undefined && def !== null && def !== '') return { value: def, source: `default of alias "${alias?.name}"` }
    return { value: null, source: '' }
}

export function checkAttributes(log: CheckLog, connection: ConnectionSnapshot, alias: AliasSnapshot | null): string | null {
    const api = attributeValue(connection, alias, 'api_version')
    const apiRaw = api.value === null ? null : api.value
    let apiVersion: string | null = null
    if (apiRaw === null) {
        log.fail('config.attribute.api_version', 'api_version attribute is 2 or 3', 'attribute_missing', `No api_version value on connection "${connection.name}" and no default on the alias.`, 'api_version = 2 (or 3)', `Open connection "${connection.name}", Attributes tab, and enter 2 for api_version.`)
    } else if (!SUPPORTED_API_VERSIONS.includes(apiRaw.trim()) || apiRaw !== apiRaw.trim()) {
        log.fail('config.attribute.api_version', 'api_version attribute is 2 or 3', 'api_version_invalid', `api_version is ${JSON.stringify(apiRaw)} (${api.source}).`, 'api_version = 2 (or 3)', `Open connection "${connection.name}", Attributes tab, and enter 2 for api_version.`)
    } else {
        apiVersion = apiRaw
        log.pass('config.attribute.api_version', 'api_version attribute is 2 or 3', `api_version = ${apiRaw} (${api.source}).`)
    }
    const st = attributeValue(connection, alias, 'server_type')
    if (st.value === null) {
        log.fail('config.attribute.server_type', 'server_type attribute is cloud', 'attribute_missing', `No server_type value on connection "${connection.name}" and no default on the alias.`, 'server_type = cloud', `Open connection "${connection.name}", Attributes tab, and enter cloud for server_type.`)
    } else if (st.value !== 'cloud') {
        log.fail('config.attribute.server_type', 'server_type attribute is cloud', 'server_type_invalid', `server_type is ${JSON.stringify(st.value)} (${st.source}).`, 'server_type = cloud (Jira Cloud; "server" means Jira Data Center)', `Open connection "${connection.name}", Attributes tab, and enter cloud for server_type.`)
    } else {
        log.pass('config.attribute.server_type', 'server_type attribute is cloud', `server_type = cloud (${st.source}).`)
    }
    return apiVersion
}
