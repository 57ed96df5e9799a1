import { fieldText, safeText } from './sanitize'

describe('fieldText: values of known, non-secret JSON fields survive whole', () => {
    // Second column: the same value in free text (safeText), where long opaque runs are redacted; fieldText keeps it.
    test.each([
        ['https://acme-corporation-engineering-2024-production.atlassian.net', 'https://[redacted].atlassian.net'],
        ['jira-integration-service-account-2024@acme.example', '[redacted]@acme.example'],
        ['712020:6c0f9b1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b', '712020:6c0f9b1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b'],
        ['5b10a2844c20165700ede21g', '5b10a2844c20165700ede21g'],
        ['Acme Corporation Engineering 2024 Production', 'Acme Corporation Engineering 2024 Production'],
    ])('%s (free text: %s)', (value, asFreeText) => {
        expect(fieldText(value, 200)).toBe(value)
        expect(safeText(`x ${value}`, 200)).toBe(`x ${asFreeText}`)
    })

    test('still redacts what sits in a token field or an Authorization value, and bounds the length', () => {
        expect(fieldText('https://x.example/?access_token=abc123')).toBe('https://x.example/?access_token=[redacted]')
        expect(fieldText('Bearer abc.def.ghi')).toBe('Bearer [redacted]')
        expect(fieldText('a'.repeat(300), 10)).toBe(`${'a'.repeat(9)}…`)
        expect(fieldText(null)).toBe('')
    })
})

describe('safeText: free text of unknown origin is redacted by where secrets sit and by how they look', () => {
    test.each([
        ['proxy echoed opaqueRefreshToken0123456789abcdefghijklmnopqrstuv', 'proxy echoed [redacted]'],
        ['Authorization: Basic amlyYTpBVEFUVDN4', 'Authorization: Basic [redacted]'],
        ['{"refresh_token":"r-1"}', '{"refresh_token":"[redacted]"}'],
        ['token ATATT3xFfGF0T4kqWcJr7nY2pLmQ8vZsXbN1eHdKoU6iRt9aSg', 'token [redacted]'],
        ['cloud 1324a887-45db-1bf4-1e99-ef0ff456d421 ok', 'cloud 1324a887-45db-1bf4-1e99-ef0ff456d421 ok'],
    ])('%j', (text, shown) => {
        expect(safeText(text)).toBe(shown)
    })
})
