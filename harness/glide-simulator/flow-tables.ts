/**
 * Column lists of the Flow Designer tables a custom action (SDK `Action()`) ships into: the action, its inputs and
 * outputs, its step instances with their extended inputs/outputs, the data-pill mappings and the error-evaluation
 * conditions. Source: what the pinned SDK 4.9.0 build writes for `Action()` + `wfa.actionStep(actionStep.script, ...)`
 * (`@servicenow/sdk` docs/api/flow/custom-action-api.md; the record plugin's output in dist/app), consistent with
 * public instance exports of Flow Designer actions (ServiceNowDevProgram/ActionPack: sys_hub_action_type_definition,
 * sys_hub_action_input, sys_hub_step_instance) [S]. Same notation as platform-tables.ts.
 */
import type { TableDef } from './platform-tables'

const SDK_ACTION = 'S SDK 4.9.0 Action() build output (custom-action-api.md); ServiceNowDevProgram/ActionPack exports'

/** var_dictionary-style columns of action and step variables (name = var__m_<table>_<model sys_id>). */
const VARIABLE_COLUMNS = {
    name: 'String',
    element: 'String',
    label: 'String',
    internal_type: 'String',
    reference: 'String',
    max_length: 'Integer',
    mandatory: 'Boolean',
    default_value: 'String',
    hint: 'String',
    attributes: 'String',
    active: 'Boolean',
    order: 'Integer',
    model: 'String',
    model_id: 'String',
    model_table: 'String',
}

export const FLOW_TABLES: Record<string, TableDef> = {
    sys_hub_action_type_definition: {
        extends: 'sys_metadata',
        source: `${SDK_ACTION}; state draft/published: Flow Designer "Publish an action" (SNDOCS)`,
        columns: {
            name: 'String',
            internal_name: 'String',
            description: 'String',
            annotation: 'String',
            category: 'String',
            access: 'String',
            active: 'Boolean',
            state: 'String',
            system_level: 'Boolean',
            label_cache: 'String',
            protection_policy: 'String',
        },
    },
    sys_hub_action_input: { extends: 'sys_metadata', source: SDK_ACTION, columns: VARIABLE_COLUMNS },
    sys_hub_action_output: { extends: 'sys_metadata', source: SDK_ACTION, columns: VARIABLE_COLUMNS },
    sys_hub_step_instance: {
        extends: 'sys_metadata',
        source: SDK_ACTION,
        columns: {
            action: 'Reference>sys_hub_action_type_definition',
            active: 'Boolean',
            cid: 'String',
            error_handling_type: 'String',
            label: 'String',
            order: 'Integer',
            step_type: 'String',
        },
    },
    sys_hub_step_ext_input: { extends: 'sys_metadata', source: SDK_ACTION, columns: VARIABLE_COLUMNS },
    sys_hub_step_ext_output: { extends: 'sys_metadata', source: SDK_ACTION, columns: VARIABLE_COLUMNS },
    sys_hub_action_status_metadata: {
        extends: 'sys_metadata',
        source: SDK_ACTION,
        columns: { action_type_id: 'Reference>sys_hub_action_type_definition' },
    },
    sys_hub_status_condition: {
        extends: 'sys_metadata',
        source: `${SDK_ACTION} (wfa.errorEvaluation)`,
        columns: {
            action_status_metadata_id: 'Reference>sys_hub_action_status_metadata',
            condition: 'String',
            dont_treat_as_error: 'Boolean',
            label: 'String',
            order: 'Integer',
            status: 'String',
        },
    },
}
