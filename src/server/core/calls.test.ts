import { bodyProblem, CallEngine, MAX_BODY_CHARS, retryAfterSeconds, retryWaitSeconds } from './calls'
import type { ClockPort, HttpPort, HttpResult } from './ports'

describe('bodyProblem', () => {
    test.each([
        ['', 'application/json', 'empty'],
        ['  \n ', 'application/json', 'empty'],
        ['<html><title>Log in</title></html>', 'application/json', 'html'],
        ['<!DOCTYPE html><p>x</p>', '', 'html'],
        ['{"a":1}', 'text/html;charset=UTF-8', 'html'],
        ['{"a":', 'application/json', 'truncated_json'],
        ['[1,2', 'application/json', 'truncated_json'],
        ['OK', 'text/plain', 'not_json'],
        ['{"a":1}', 'application/json', null],
        ['  [1] ', '', null],
        ['\uFEFF{"a":1}', 'application/json', null],
        ['\uFEFF', 'application/json', 'empty'],
    ])('%j (%s) -> %s', (body, type, expected) => {
        expect(bodyProblem(body, type)).toBe(expected)
    })
})

describe('retryWaitSeconds', () => {
    test.each([
        [429, 1, 1],
        [503, 0, 0],
        [504, null, null],
        [401, 1, null],
        [500, 1, null],
    ])('%i with Retry-After %s s -> %s', (status, seconds, expected) => {
        expect(retryWaitSeconds(status, seconds)).toBe(expected)
    })
})

describe('retryAfterSeconds (RFC 9110 §10.2.3: delta-seconds or HTTP-date)', () => {
    const now = Date.parse('2026-11-29T10:00:00Z')
    test.each([
        ['120', 120],
        [' 0 ', 0],
        ['Sun, 29 Nov 2026 10:00:30 GMT', 30],
        ['Sun, 29 Nov 2026 09:00:00 GMT', 0],
        ['Sunday, 29-Nov-26 10:01:00 GMT', 60],
        ['Sun Nov 29 10:00:05 2026', 5],
        ['2.5', null],
        ['-3', null],
        ['soon', null],
        ['Sun, 29 Nov 2026 10:00:30', null],
        [undefined, null],
    ])('%j -> %s', (raw, expected) => {
        expect(retryAfterSeconds(raw, now)).toBe(expected)
    })
})

describe('CallEngine', () => {
    /** A clock that moves only when slept on or told to, and a port that answers from a list. */
    function engine(answers: HttpResult[], settings = { timeoutMs: 1000, budgetMs: 10000, maxRetryWaitSeconds: 2 }) {
        let now = 0
        const sent: number[] = []
        const clock: ClockPort = { nowMs: () => now, sleep: (ms) => (now += ms) }
        const http: HttpPort = {
            send: () => {
                sent.push(now)
                now += 100
                return answers.shift() ?? { ok: false, failure: 'other', detail: 'no more answers' }
            },
        }
        return { e: new CallEngine(http, clock, settings), sent, advance: (ms: number) => (now += ms) }
    }
    const json = (status: number, body: string, headers: Record<string, string> = {}): HttpResult => ({
        ok: true,
        status,
        headers,
        body,
    })

    test('a 2xx JSON answer is parsed; header names are lower-cased', () => {
        const { e } = engine([json(200, '{"a":1}', { 'X-Thing': 'v' })])
        expect(e.getJson('https://x/a', { kind: 'none' })).toEqual({
            kind: 'json',
            status: 200,
            headers: { 'x-thing': 'v' },
            json: { a: 1 },
        })
        expect(e.calls).toBe(1)
    })

    test('a 429 with a short Retry-After is retried once after waiting; a second 429 is returned', () => {
        const { e, sent } = engine([json(429, '', { 'Retry-After': '1' }), json(429, '', { 'Retry-After': '1' })])
        const outcome = e.getJson('https://x/a', { kind: 'none' })
        expect(outcome).toMatchObject({ kind: 'http', status: 429 })
        expect(e.calls).toBe(2)
        expect(sent[1] - sent[0]).toBe(1100)
    })

    test('a 429 whose Retry-After exceeds max_retry_wait_seconds is not retried', () => {
        const { e } = engine([json(429, '', { 'retry-after': '30' })])
        expect(e.getJson('https://x/a', { kind: 'none' })).toMatchObject({ kind: 'http', status: 429 })
        expect(e.calls).toBe(1)
    })

    test('a 401 is never retried', () => {
        const { e } = engine([json(401, '{}', { 'retry-after': '0' })])
        e.getJson('https://x/a', { kind: 'none' })
        expect(e.calls).toBe(1)
    })

    test('no call when the next one could overrun the budget', () => {
        const { e, advance } = engine([json(200, '{}')])
        advance(9500)
        expect(e.hasBudget()).toBe(false)
        expect(e.getJson('https://x/a', { kind: 'none' })).toEqual({ kind: 'budget', elapsedMs: 9500 })
        expect(e.calls).toBe(0)
    })

    test('a body over MAX_BODY_CHARS is reported, not parsed', () => {
        const { e } = engine([json(200, `{"p":"${'x'.repeat(MAX_BODY_CHARS)}"}`)])
        const outcome = e.getJson('https://x/a', { kind: 'none' })
        expect(outcome).toMatchObject({ kind: 'http', problem: 'oversized', body: '' })
    })

    test('status 0 or -1 (the platform\'s "no answer") is a transport failure, not an HTTP answer', () => {
        for (const status of [0, -1]) {
            const { e } = engine([json(status, 'java.net.SocketTimeoutException: Read timed out')])
            expect(e.getJson('https://x/a', { kind: 'none' })).toMatchObject({ kind: 'transport', failure: 'other' })
        }
    })

    test('a 2xx JSON body after a byte-order mark is parsed', () => {
        const { e } = engine([json(200, '\uFEFF{"a":1}')])
        expect(e.getJson('https://x/a', { kind: 'none' })).toMatchObject({ kind: 'json', json: { a: 1 } })
    })

    test('a 503 whose Retry-After is an HTTP-date 1 s ahead is retried once after waiting', () => {
        const at = new Date(1000).toUTCString() // the test clock starts at 0
        const { e } = engine([json(503, '', { 'retry-after': at }), json(200, '{}')])
        expect(e.getJson('https://x/a', { kind: 'none' })).toMatchObject({ kind: 'json' })
        expect(e.calls).toBe(2)
    })

    test('a transport failure carries the sanitised detail', () => {
        const { e } = engine([{ ok: false, failure: 'timeout', detail: 'Read timed out Bearer abc.def' }])
        expect(e.getJson('https://x/a', { kind: 'none' })).toEqual({
            kind: 'transport',
            failure: 'timeout',
            detail: 'Read timed out Bearer [redacted]',
        })
    })
})
