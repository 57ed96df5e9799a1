/** Secret redaction applied to every external text the validator shows or stores. */
import { redactSecrets, safeText } from '../../src/server/core/sanitize'
import { inspectConnectionUrl } from '../../src/server/core/urls'

const GATEWAY = 'https://api.atlassian.com'

test('a Bearer header value echoed by a proxy is redacted', () => {
    expect(redactSecrets('rejected Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcDEF123')).toBe(
        'rejected Authorization: Bearer [redacted]'
    )
})

test('a Basic header value is redacted', () => {
    expect(redactSecrets('got Basic amlyYS5hZG1pbkBhY21lLmV4YW1wbGU6QVRBVFQzeA==')).toBe('got Basic [redacted]')
})

test('token fields in a JSON or form body are redacted, keeping the key', () => {
    expect(redactSecrets('{"access_token":"abc.def","refresh_token":"r-123"}')).toBe(
        '{"access_token":"[redacted]","refresh_token":"[redacted]"}'
    )
    expect(redactSecrets('client_secret=s3cr3t&code=AUTHCODE1234567890')).toBe(
        'client_secret=[redacted]&code=[redacted]'
    )
})

test('an Atlassian API token shape is redacted', () => {
    expect(redactSecrets('token ATATT3xFfGF0T4kqWcJr7nY2pLmQ8vZsXbN1eHdKoU6iRt9aSg used')).not.toContain('ATATT3x')
})

test('cloud ids (UUIDs), account ids and error codes stay readable', () => {
    const text =
        'cloud id 1324a887-45db-1bf4-1e99-ef0ff456d421 account 5b10a2844c20165700ede21g {"code":401,"message":"Unauthorized; scope does not match"}'
    expect(redactSecrets(text)).toBe(text)
})

test('safeText bounds the length and flattens whitespace', () => {
    expect(safeText('a\n\n b'.repeat(100), 20)).toHaveLength(20)
    expect(safeText('line1\n  line2')).toBe('line1 line2')
    expect(safeText(null)).toBe('')
})

test('URL inspection: gateway form with cloud id, site form, and each reported problem', () => {
    expect(
        inspectConnectionUrl('https://api.atlassian.com/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421', GATEWAY)
    ).toMatchObject({ form: { kind: 'gateway', cloudId: '1324a887-45db-1bf4-1e99-ef0ff456d421' }, issues: [] })
    expect(inspectConnectionUrl('https://acme.atlassian.net', GATEWAY)).toMatchObject({
        form: { kind: 'site', site: 'acme' },
        issues: [],
    })
    expect(inspectConnectionUrl(' https://acme.atlassian.net', GATEWAY).issues).toEqual(['whitespace'])
    expect(inspectConnectionUrl('https://acme.atlassian.net/', GATEWAY).issues).toEqual(['trailing_slash'])
    expect(inspectConnectionUrl('https://acme.atlassian.net/jira', GATEWAY).issues).toEqual(['extra_path'])
    expect(inspectConnectionUrl('http://acme.atlassian.net?x=1', GATEWAY).issues).toEqual(['not_https', 'query'])
    expect(inspectConnectionUrl('acme.atlassian.net', GATEWAY).issues).toEqual(['not_absolute'])
    expect(inspectConnectionUrl('https://api.atlassian.com/ex/jira/<cloud-id>', GATEWAY).form).toEqual({
        kind: 'gateway',
        cloudId: '<cloud-id>',
    })
})
