/**
 * Outbound calls with the validator's bounds: every call has a timeout, the whole run has a time budget, 401s and
 * basic-auth failures are never retried (Atlassian locks accounts after bad logins, docs/atlassian-contract.md §5),
 * and a 429/5xx is retried at most once and only when its Retry-After is short (ATL-RL: retrying earlier than
 * Retry-After fails again).
 */
import type { AuthRef, ClockPort, HttpPort, HttpResult, TransportFailure } from './ports'
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
    | { kind: 'http'; status: number; headers: Record<string, string>; body: string; problem: BodyProblem | null }
    | { kind: 'transport'; failure: TransportFailure; detail: string }
    | { kind: 'budget'; elapsedMs: number }

export type BodyProblem = 'html' | 'not_json' | 'truncated_json' | 'oversized' | 'empty'

export class CallEngine {
    calls = 0
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

    /** Counts a call made outside the HTTP port (the platform's token refresh). */
    countExternalCall(): void {
        this.calls++
    }

    private request(method: 'GET' | 'POST', url: string, auth: AuthRef): CallOutcome {
        let retried = false
        for (;;) {
            if (!this.hasBudget()) return { kind: 'budget', elapsedMs: this.elapsedMs() }
            this.calls++
            const result = this.http.send({
                method,
                url,
                auth,
                timeoutMs: this.settings.timeoutMs,
                headers: { Accept: 'application/json' },
            })
            const outcome = toOutcome(result)
            if (retried || outcome.kind !== 'http') return outcome
            const wait = retryWaitSeconds(outcome.status, outcome.headers)
            if (wait === null || wait > this.settings.maxRetryWaitSeconds) return outcome
            if (this.elapsedMs() + wait * 1000 + this.settings.timeoutMs > this.settings.budgetMs) return outcome
            if (wait > 0) this.clock.sleep(wait * 1000)
            retried = true
        }
    }
}

/** Seconds to wait before the single retry, or null when the answer must not be retried. */
export function retryWaitSeconds(status: number, headers: Record<string, string>): number | null {
    if (status !== 429 && status !== 502 && status !== 503 && status !== 504) return null
    const raw = headers['retry-after']
    if (raw === undefined) return null
    const n = Number(String(raw).trim())
    return Number.isFinite(n) && n >= 0 ? n : null
}

function toOutcome(result: HttpResult): CallOutcome {
    if (!result.ok) return { kind: 'transport', failure: result.failure, detail: safeText(result.detail) }
    const headers = lowerCaseKeys(result.headers)
    const body = result.body === null || result.body === undefined ? '' : String(result.body)
    if (body.length > MAX_BODY_CHARS) {
        return { kind: 'http', status: result.status, headers, body: '', problem: 'oversized' }
    }
    const problem = bodyProblem(body, headers['content-type'] || '')
    if (result.status >= 200 && result.status < 300 && problem === null) {
        return { kind: 'json', status: result.status, headers, json: JSON.parse(body) }
    }
    return { kind: 'http', status: result.status, headers, body, problem }
}

/** Why a body is not usable JSON, or null when it parses. */
export function bodyProblem(body: string, contentType: string): BodyProblem | null {
    const trimmed = body.trim()
    if (!trimmed) return 'empty'
    if (/text\/html/i.test(contentType) || /^<(!doctype|html|\?xml|head|body)/i.test(trimmed)) return 'html'
    try {
        JSON.parse(trimmed)
        return null
    } catch (e) {
        return /^[[{]/.test(trimmed) ? 'truncated_json' : 'not_json'
    }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {}
    for (const name of Object.keys(headers || {})) out[name.toLowerCase()] = String(headers[name])
    return out
}
