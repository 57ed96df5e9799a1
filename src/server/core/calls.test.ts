import { bodyProblem, CallEngine, MAX_BODY_CHARS, retryWaitSeconds } from './calls'
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
    ])('%j (%s) -> %s', (body, type, expected) => {
        expect(bodyProblem(body, type)).toBe(expected)
    })
})

describe('retryWaitSeconds', () => {
    test.each([
        [429, { 'retry-after': '1' }, 1],
        [503, { 'retry-after': ' 0 ' }, 0],
        [502, { 'retry-after': '2.5' }, 2.5],
        [504, {}, null],
        [429, { 'retry-after': 'soon' }, null],
        [429, { 'retry-after': '-3' }, null],
        [401, { 'retry-after': '1' }, null],
        [500, { 'retry-after': '1' }, null],
    ])('%i %j -> %s', (status, headers, expected) => {
        expect(retryWaitSeconds(status, headers as Record<string, string>)).toBe(expected)
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
        expect(e.getJson('https://x/a', { kind: 'none' })).toMatchObject({ kind: 'http', problem: 'oversized', body: '' })
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
