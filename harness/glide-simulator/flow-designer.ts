/**
 * Flow Designer, as far as the app's custom action needs it: publishing a shipped action, running it (the action's
 * "Test" in Workflow Studio, a flow calling it, and a configuration template's Test Action behind "Save and Test"),
 * and its script step.
 *
 * What is modeled, and from what:
 * - The records are the ones the SDK 4.9.0 build writes for `Action()` (flow-tables.ts): inputs
 *   (`sys_hub_action_input`), step instances in `order`, each script step's `script` and `required_run_time`
 *   (`sys_variable_value` rows keyed by the step type's variable sys_ids, @servicenow/sdk-core
 *   src/external/flow/built-ins/action-steps/action-step-definitions.now.ts), the step's extended inputs and outputs,
 *   the data-pill mappings (`sys_element_mapping`: `{{action.x}}`, `{{step[<cid>].x}}`) and the error-evaluation
 *   conditions (`sys_hub_status_condition`).
 * - The script step runs its script with two objects, `inputs` (the step's input variables, resolved from the pills)
 *   and `outputs` (what the script sets; only the declared output variables survive, typed), as ServiceNow's script
 *   step template `(function execute(inputs, outputs) { ... })(inputs, outputs);` shows (SNDOCS "Script step").
 *   A reference pill mapped onto a string input arrives as the record's sys_id [I]. The script runs in the action's
 *   application scope and may require() the app's modules like any scoped server script (A18) [I: assumption A42].
 * - "If this step fails": error_handling_type 1 (stop the action) ends the action in error with the exception text,
 *   2 goes on (SDK ERROR_HANDLING_TYPE_MAP). After the steps, the first matching status condition sets the action's
 *   status; a match not marked "don't treat as error" ends the action in error (SDK custom-action-api.md,
 *   wfa.errorEvaluation). Conditions support `=`, `!=`, ISEMPTY, ISNOTEMPTY joined by `^` / `^OR`.
 * - Only published actions run ("Publish an action", SNDOCS; the SDK ships actions as `draft` and `now-sdk install`
 *   publishes them through the instance's activate_flows endpoint, @servicenow/sdk-api dist/flow-activation.js).
 * - Not modeled: MID and vanilla run times (refused with a message), other step types (refused), flow-level
 *   connection overrides (a script step has no connection).
 */
import { SchemaError } from './schema'
import type { Row, Store } from './store'

/** The OOB Script step type and its variables (@servicenow/sdk-core action-step-definitions.now.ts). */
export const SCRIPT_STEP = {
    type: '106afb6647032200b4fad7527c9a71e7',
    script: '71aa7f6647032200b4fad7527c9a719b',
    runTime: '74315b04b3201300176b051a16a8dc2b',
} as const

export interface ActionStatus {
    code: number
    message: string
}

export interface ActionRunResult {
    /** The action's declared outputs (strings, as Flow Designer shows them), without the __system__ outputs. */
    outputs: Record<string, string>
    status: ActionStatus
    /** The action ended in error (a failing step that stops the action, or a status condition treated as error). */
    error: boolean
    /** The exception text of a failed step, or null. */
    stepError: string | null
}

export interface FlowDesignerDeps {
    store: Store
    /** Runs a script with the given globals in the given application scope (the simulator's runtime). */
    runInScope(scope: string, script: string, bindings: Record<string, unknown>, filename: string): unknown
}

const PILL = /\{\{\s*(action\.([a-z0-9_]+)|step\[([0-9a-f-]+)\]\.([a-z0-9_]+))\s*\}\}/g

export class FlowDesigner {
    constructor(private readonly deps: FlowDesignerDeps) {}

    private get store(): Store {
        return this.deps.store
    }

    /** Publishes every shipped draft action, as `now-sdk install` does after an install. Returns how many. */
    activateShippedActions(): number {
        let n = 0
        for (const a of this.store.rowsOf('sys_hub_action_type_definition')) {
            if (a.state === 'published') continue
            this.store.update('sys_hub_action_type_definition', a.sys_id, { state: 'published' }, { user: 'system' })
            n++
        }
        return n
    }

    /** An action by sys_id or name. */
    action(nameOrSysId: string): Row {
        const rows = this.store.rowsOf('sys_hub_action_type_definition')
        const a = rows.find((r) => r.sys_id === nameOrSysId) ?? rows.find((r) => r.name === nameOrSysId)
        if (!a) throw new SchemaError(`no Flow Designer action '${nameOrSysId}'`)
        return a
    }

    run(nameOrSysId: string, given: Record<string, string>): ActionRunResult {
        const action = this.action(nameOrSysId)
        if (action.state !== 'published')
            throw new SchemaError(
                `action '${action.name}' is ${action.state || 'not published'}: Flow Designer runs published actions ` +
                    'only (publish it once in Workflow Studio)'
            )
        if (action.active === 'false') throw new SchemaError(`action '${action.name}' is inactive`)
        const inputs = this.actionInputs(action, given)
        const stepOutputs = new Map<string, Record<string, string>>()
        const scope = (action.sys_scope && this.store.find('sys_app', action.sys_scope)?.scope) || 'global'
        const steps = this.store
            .rowsOf('sys_hub_step_instance')
            .filter((s) => s.action === action.sys_id && s.active !== 'false')
            .sort((a, b) => Number(a.order) - Number(b.order))
        let stepError: string | null = null
        for (const step of steps) {
            if (step.step_type !== SCRIPT_STEP.type)
                throw new SchemaError(`step '${step.label}' of '${action.name}': only the Script step is modeled`)
            try {
                stepOutputs.set(step.cid, this.runScriptStep(action, step, inputs, stepOutputs, scope))
            } catch (e) {
                if (e instanceof SchemaError) throw e
                stepError = String((e as Error)?.message ?? e)
                stepOutputs.set(step.cid, {})
                if (step.error_handling_type !== '2') break
            }
        }
        const resolve = (text: string) => this.resolvePills(text, inputs, stepOutputs)
        const outputs: Record<string, string> = {}
        for (const m of this.mappings(`var__m_sys_hub_action_output_${action.sys_id}`, action.sys_id)) {
            if (m.field.startsWith('__')) continue
            outputs[m.field] = resolve(m.value ?? '')
        }
        if (stepError !== null)
            return { outputs, status: { code: 1, message: `Step failed: ${stepError}` }, error: true, stepError }
        const matched = this.firstMatchingCondition(action, resolve)
        if (!matched) return { outputs, status: { code: 0, message: '' }, error: false, stepError: null }
        return {
            outputs,
            status: statusOf(matched.status ?? ''),
            error: matched.dont_treat_as_error !== 'true',
            stepError: null,
        }
    }

    private actionInputs(action: Row, given: Record<string, string>): Record<string, string> {
        const defs = this.store
            .rowsOf('sys_hub_action_input')
            .filter((i) => i.model === action.sys_id || i.model_id === action.sys_id)
        for (const k of Object.keys(given)) {
            if (!defs.some((d) => d.element === k))
                throw new SchemaError(
                    `action '${action.name}' has no input '${k}' (inputs: ${defs.map((d) => d.element).join(', ')})`
                )
        }
        const out: Record<string, string> = {}
        for (const d of defs) {
            const v = given[d.element] ?? d.default_value ?? ''
            if (d.mandatory === 'true' && !v) throw new SchemaError(`input '${d.label || d.element}' is mandatory`)
            if (v && d.internal_type === 'reference' && d.reference && this.store.schema.hasTable(d.reference)) {
                // The reference picker only offers existing records of the table (or its children).
                if (!this.store.find(d.reference, v))
                    throw new SchemaError(`input '${d.element}': no ${d.reference} record ${v}`)
            }
            out[d.element] = v
        }
        return out
    }

    private runScriptStep(
        action: Row,
        step: Row,
        actionInputs: Record<string, string>,
        stepOutputs: Map<string, Record<string, string>>,
        scope: string
    ): Record<string, string> {
        const values = this.store.rowsOf('sys_variable_value').filter((v) => v.document_key === step.sys_id)
        const script = values.find((v) => v.variable === SCRIPT_STEP.script)?.value ?? ''
        const runTime = values.find((v) => v.variable === SCRIPT_STEP.runTime)?.value || 'instance'
        if (runTime !== 'instance')
            throw new SchemaError(`step '${step.label}': run time '${runTime}' is not modeled (instance only)`)
        const inputs: Record<string, string> = {}
        for (const m of this.mappings(`var__m_sys_hub_step_ext_input_${step.sys_id}`, step.sys_id))
            inputs[m.field] = this.resolvePills(m.value ?? '', actionInputs, stepOutputs)
        const declared = this.store.rowsOf('sys_hub_step_ext_output').filter((o) => o.model === step.sys_id)
        const outputs: Record<string, unknown> = {}
        this.deps.runInScope(
            scope,
            script,
            { inputs, outputs },
            `sys_hub_step_instance/${step.sys_id}/${action.name.replace(/\W+/g, '_')}.js`
        )
        const typed: Record<string, string> = {}
        for (const o of declared) {
            const v = outputs[o.element]
            if (v === undefined || v === null) {
                typed[o.element] = ''
                continue
            }
            if (o.internal_type === 'integer') {
                const n = parseInt(String(v), 10)
                typed[o.element] = Number.isFinite(n) ? String(n) : ''
            } else {
                const s = String(v)
                const max = parseInt(o.max_length || '', 10)
                typed[o.element] = Number.isFinite(max) && max > 0 ? s.slice(0, max) : s
            }
        }
        return typed
    }

    private mappings(table: string, id: string): Row[] {
        return this.store.rowsOf('sys_element_mapping').filter((m) => m.table === table && m.id === id)
    }

    private resolvePills(
        text: string,
        inputs: Record<string, string>,
        stepOutputs: Map<string, Record<string, string>>
    ): string {
        return text.replace(PILL, (_all, _p, actionField?: string, cid?: string, stepField?: string) =>
            actionField ? (inputs[actionField] ?? '') : (stepOutputs.get(cid ?? '')?.[stepField ?? ''] ?? '')
        )
    }

    private firstMatchingCondition(action: Row, resolve: (t: string) => string): Row | null {
        const meta = this.store.rowsOf('sys_hub_action_status_metadata').find((m) => m.action_type_id === action.sys_id)
        if (!meta) return null
        const conditions = this.store
            .rowsOf('sys_hub_status_condition')
            .filter((c) => c.action_status_metadata_id === meta.sys_id && c.condition)
            .sort((a, b) => Number(a.order) - Number(b.order))
        return conditions.find((c) => matches(c.condition, resolve)) ?? null
    }
}

/** An encoded condition over pills: terms `<pill>=v`, `<pill>!=v`, `<pill>ISEMPTY`, `<pill>ISNOTEMPTY`. */
function matches(condition: string, resolve: (t: string) => string): boolean {
    return condition.split('^OR').some((alternative) =>
        alternative.split('^').every((term) => {
            const m = /^(\{\{[^}]+\}\}|[^=!]*?)(ISNOTEMPTY|ISEMPTY|!=|=)(.*)$/.exec(term)
            if (!m) throw new SchemaError(`status condition term '${term}' is not modeled`)
            const lhs = resolve(m[1])
            const rhs = resolve(m[3])
            if (m[2] === 'ISEMPTY') return lhs === ''
            if (m[2] === 'ISNOTEMPTY') return lhs !== ''
            return m[2] === '=' ? lhs === rhs : lhs !== rhs
        })
    )
}

function statusOf(json: string): ActionStatus {
    try {
        const o = JSON.parse(json) as { complexObject?: Record<string, { $cv?: { $v?: string } }> }
        const code = parseInt(o.complexObject?.code?.$cv?.$v ?? '', 10)
        return { code: Number.isFinite(code) ? code : 1, message: o.complexObject?.message?.$cv?.$v ?? '' }
    } catch {
        return { code: 1, message: '' }
    }
}
