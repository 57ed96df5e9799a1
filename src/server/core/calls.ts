/**
 * Outbound calls with the validator's bounds: every call has a timeout, the whole run has a time budget, 401s and
 * basic-auth failures are never retried (Atlassian locks accounts after bad logins, docs/atlassian-contract.md §5),
 * and a 429/5xx is retried at most once and only when its Retry-After is short (ATL-RL: retrying earlier than
 * Retry-After fails again).
 */
import type { AuthRef, ClockPort, HttpPort, HttpResult, TransportFailure } from './ports'
import { laterReading, readRateLimit, type RateLimitInfo } from './rate-limit'
import { safeText } from './sanitize'

/** Larger bodies are reported, not parsed: no Jira answer the validator reads comes near this. */
export const MAX_BODY_CHARS = 1024 * 1024

export interface CallSettings {
    timeoutMs: number
    budgetMs: number
    maxRetryWaitSeconds: number
}

export type CallOutcome =
    | { kind: 'json'; status: number; headers: Record<string, string>; json: unknown }
    /** An HTTP answer the caller must interpret (status other than 2xx, or 2xx that is not usable JSON). */
    | {
          kind: 'http'
          status: number
          headers: Record<string, string>
          body: string
          problem: BodyProblem | null
          /** Retry-After in seconds from now (delta-seconds or HTTP-date), null when absent or unreadable. */
          retryAfterSec: number | null
      }
    | { kind: 'transport'; failure: TransportFailure; detail: string }
    | { kind: 'budget'; elapsedMs: number }

export type BodyProblem = 'html' | 'not_json' | 'truncated_json' | 'oversized' | 'empty'

export interface MidCallStats {
    calls: number
    answered: number
    /** Calls with no answer within the wait (the MID did not pick the job up or report back in time). */
    noAnswer: number
    /** The last transport failure through this MID (sanitised platform text), '' when none. */
    lastFailure: string
    lastFailureKind: TransportFailure | null
}

export class CallEngine {
    calls = 0
    /** The rate-limit state the answers of this run reported (rate-limit.ts), null when none carried headers. */
    rateLimit: RateLimitInfo | null = null
    /**
     * The MID Server the current connection's calls go through (its "Use MID Server", checks/real-path.ts), null for
     * direct calls from the instance. Set per connection by the validator.
     */
    route: string | null = null
    /** Per MID Server: calls sent through it, answered (any HTTP status), and the last failure without an answer. */
    readonly midCalls: Record<string, MidCallStats> = {}
    private readonly startedMs: number

    constructor(
        private readonly http: HttpPort,
        private readonly clock: ClockPort,
        readonly settings: CallSettings
    ) {
        this.startedMs = clock.nowMs()
    }

    elapsedMs(): number {
        return this.clock.nowMs() - this.startedMs
    }

    /** True when a call of the configured timeout could still finish inside the run's budget. */
    hasBudget(): boolean {
        return this.elapsedMs() + this.settings.timeoutMs <= this.settings.budgetMs
    }

    getJson(url: string, auth: AuthRef): CallOutcome {
        return this.request('GET', url, auth)
    }

    /** POST of a JSON body (the bulk permission check). */
    postJson(url: string, auth: AuthRef, body: unknown): CallOutcome {
        return this.request('POST', url, auth, JSON.stringify(body))
    }

    /** A PUT with a JSON body (webhook refresh): same timeout, budget and single bounded retry as a GET. */
    putJson(url: string, auth: AuthRef, body: unknown): CallOutcome {
        return this.request('PUT', url, auth, JSON.stringify(body))
    }

    /** Counts a call made outside the HTTP port (the platform's token refresh). */
    countExternalCall(): void {
        this.calls++
    }

    private request(method: 'GET' | 'POST' | 'PUT', url: string, auth: AuthRef, body?: string): CallOutcome {
        let retried = false
        for (;;) {
            if (!this.hasBudget()) return { kind: 'budget', elapsedMs: this.elapsedMs() }
            const mid = this.route
            const stats = mid ? (this.midCalls[mid] = this.midCalls[mid] || newStats()) : null
            // A MID that left a call unanswered this run is not waited for again: one timeout per MID per run.
            if (stats && stats.noAnswer > 0)
                return { kind: 'transport', failure: 'timeout', detail: `not sent: ${stats.lastFailure}` }
            this.calls++
            const headers: Record<string, string> = { Accept: 'application/json' }
            if (body !== undefined) headers['Content-Type'] = 'application/json'
            const timeoutMs = this.settings.timeoutMs
            const sent = { method, url, auth, timeoutMs, headers, body }
            const result = this.http.send(mid ? { ...sent, mid } : sent)
            if (stats) countMid(stats, result)
            const outcome = toOutcome(result, this.clock.nowMs())
            if (outcome.kind === 'json' || outcome.kind === 'http')
                this.rateLimit = laterReading(this.rateLimit, readRateLimit(outcome.headers))
            if (retried || outcome.kind !== 'http') return outcome
            const wait = retryWaitSeconds(outcome.status, outcome.retryAfterSec)
            if (wait === null || wait > this.settings.maxRetryWaitSeconds) return outcome
            if (this.elapsedMs() + wait * 1000 + this.settings.timeoutMs > this.settings.budgetMs) return outcome
            if (wait > 0) this.clock.sleep(wait * 1000)
            retried = true
        }
    }
}

const newStats = (): MidCallStats => ({ calls: 0, answered: 0, noAnswer: 0, lastFailure: '', lastFailureKind: null })

function countMid(stats: MidCallStats, result: HttpResult): void {
    // The adapter could not apply the credential: nothing was sent, through the MID or otherwise.
    if (!result.ok && result.failure === 'auth_unavailable') return
    stats.calls++
    if (result.ok) {
        stats.answered++
        return
    }
    if (result.failure === 'timeout') stats.noAnswer++
    stats.lastFailure = safeText(result.detail, 240)
    stats.lastFailureKind = result.failure
}

/** Seconds to wait before the single retry, or null when the answer must not be retried. */
export function retryWaitSeconds(status: number, retryAfterSec: number | null): number | null {
    if (status !== 429 && status !== 502 && status !== 503 && status !== 504) return null
    return retryAfterSec
}

/** IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") and RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT"). */
const IMF_OR_RFC850 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*, ?\d{1,2}[ -][A-Z][a-z]{2}[ -]\d{2,4} [\d:]{8} GMT$/
/** asctime ("Sun Nov  6 08:49:37 1994"), in GMT by definition. */
const ASCTIME = /^[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4}$/

/**
 * Retry-After (RFC 9110 §10.2.3) as seconds from `nowMs`: delta-seconds (1*DIGIT) or an HTTP-date (IMF-fixdate, or
 * the obsolete RFC 850 and asctime forms); a date in the past is 0. Null when absent or neither form.
 */
export function retryAfterSeconds(raw: string | undefined, nowMs: number): number | null {
    if (raw === undefined || raw === null) return null
    const value = String(raw).trim()
    if (/^\d{1,9}$/.test(value)) return Number(value)
    if (!IMF_OR_RFC850.test(value) && !ASCTIME.test(value)) return null
    const at = Date.parse(/GMT$/.test(value) ? value : `${value} GMT`)
    return Number.isFinite(at) ? Math.max(0, Math.ceil((at - nowMs) / 1000)) : null
}

/** A leading UTF-8 byte-order mark is not part of a JSON text (RFC 8259 §8.1: parsers may ignore it). */
function withoutBom(body: string): string {
    return body.charCodeAt(0) === 0xfeff ? body.slice(1) : body
}

function toOutcome(result: HttpResult, nowMs: number): CallOutcome {
    if (!result.ok) return { kind: 'transport', failure: result.failure, detail: safeText(result.detail) }
    const status = Number(result.status)
    // The platform reports "no answer" as status 0 or -1 (KB3067060): a transport failure, never an HTTP answer.
    if (!(status >= 100)) {
        return { kind: 'transport', failure: 'other', detail: safeText(`status ${result.status} ${result.body || ''}`) }
    }
    const headers = lowerCaseKeys(result.headers)
    const retryAfterSec = retryAfterSeconds(headers['retry-after'], nowMs)
    const body = result.body === null || result.body === undefined ? '' : String(result.body)
    if (body.length > MAX_BODY_CHARS) {
        return { kind: 'http', status, headers, body: '', problem: 'oversized', retryAfterSec }
    }
    const parsed = parseBody(body, headers['content-type'] || '')
    if (status >= 200 && status < 300 && 'json' in parsed) return { kind: 'json', status, headers, json: parsed.json }
    const problem = 'problem' in parsed ? parsed.problem : null
    return { kind: 'http', status, headers, body, problem, retryAfterSec }
}

/** The parsed JSON of a body, or why it is not usable JSON; the same text is judged and parsed. */
export function parseBody(body: string, contentType: string): { json: unknown } | { problem: BodyProblem } {
    const text = withoutBom(body).trim()
    if (!text) return { problem: 'empty' }
    if (/text\/html/i.test(contentType) || /^<(!doctype|html|\?xml|head|body)/i.test(text)) return { problem: 'html' }
    try {
        return { json: JSON.parse(text) }
    } catch (e) {
        return { problem: /^[[{]/.test(text) ? 'truncated_json' : 'not_json' }
    }
}

/** Why a body is not usable JSON, or null when it parses. */
export function bodyProblem(body: string, contentType: string): BodyProblem | null {
    const parsed = parseBody(body, contentType)
    return 'problem' in parsed ? parsed.problem : null
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {}
    for (const name of Object.keys(headers || {})) out[name.toLowerCase()] = String(headers[name])
    return out
}
