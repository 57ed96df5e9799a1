/* global require, inputs, outputs -- Flow Designer binds the step's inputs/outputs; require() for sys_modules */
;(function execute(inputs, outputs) {
    // "Validate Jira connection" action, script step: the same validator as the UI action
    // (src/server/flow/validate-connection-action.ts). Flow Designer hands the step's input variables in `inputs`
    // and reads its output variables from `outputs` (assumption A42).
    var flow = require('x_jira_connect/jira-cloud-connect/1.0.0/src/server/flow/validate-connection-action.ts')
    var r = flow.runValidateAction(inputs.connection_alias, inputs.connection)
    outputs.verdict = r.verdict
    outputs.summary = r.summary
    outputs.failing_checks = r.failing_checks
    outputs.failed_count = r.failed_count
    outputs.warning_count = r.warning_count
    outputs.run = r.run
    outputs.run_url = r.run_url
})(inputs, outputs)
