import { Action, actionStep, wfa } from '@servicenow/sdk/automation'
import { IntegerColumn, ReferenceColumn, StringColumn } from '@servicenow/sdk/core'

/**
 * Flow Designer action "Validate Jira connection": the Test Action of the four configuration templates ("Save and
 * Test" in Workflow Studio's Edit Connection window, ServiceNow docs "Create a test action to test a connection alias
 * from a configuration template", Zurich+) and a step for any flow or subflow (e.g. validate before a batch of Jira
 * calls). One script step calls the validator module; the action ends in error when the verdict is fail, so Save and
 * Test reports the failure (the documented test action stops "and goes to error evaluation" on failure).
 */
export const validateJiraConnectionAction = Action(
    {
        $id: Now.ID['action-validate-jira-connection'],
        name: 'Validate Jira connection',
        description:
            'Checks every link from the connection alias to Jira Cloud against Atlassian (the same checks \
as the Validate Jira connection button), stores the validation run and returns the verdict, each failing check with \
its fix, and a link to the run. With no input it validates the Jira alias.',
        category: 'Jira Cloud Connect',
        access: 'public',
        inputs: {
            connection_alias: ReferenceColumn({
                label: 'Connection alias',
                referenceTable: 'sys_alias',
                mandatory: false,
                hint: 'The alias to validate (its active connections). Empty: the Jira alias.',
            }),
            connection: ReferenceColumn({
                label: 'Connection',
                referenceTable: 'http_connection',
                mandatory: false,
                hint: 'One connection to validate (active or not); it wins over the alias.',
            }),
        },
        outputs: {
            verdict: StringColumn({ label: 'Verdict', maxLength: 10, hint: 'pass, warn or fail' }),
            summary: StringColumn({ label: 'Summary', maxLength: 1000 }),
            failing_checks: StringColumn({
                label: 'Failing checks',
                maxLength: 16000,
                hint: 'One line per failing or warning check: what was found, what was expected, the fix.',
            }),
            failed_count: IntegerColumn({ label: 'Failed checks' }),
            warning_count: IntegerColumn({ label: 'Warnings' }),
            run: ReferenceColumn({ label: 'Validation run', referenceTable: 'x_jira_connect_validation_run' }),
            run_url: StringColumn({ label: 'Validation run link', maxLength: 1000 }),
        },
    },
    (params) => {
        const step = wfa.actionStep(
            actionStep.script,
            { $id: Now.ID['action-validate-jira-connection-step'], label: 'Validate the connection' },
            {
                required_run_time: 'instance',
                script: Now.include('./validate-connection-step.server.js'),
                inputVariables: {
                    connection_alias: {
                        label: 'Connection alias',
                        value: wfa.dataPill(params.inputs.connection_alias, 'reference'),
                    },
                    connection: { label: 'Connection', value: wfa.dataPill(params.inputs.connection, 'reference') },
                },
                outputVariables: {
                    verdict: StringColumn({ label: 'Verdict', maxLength: 10 }),
                    summary: StringColumn({ label: 'Summary', maxLength: 1000 }),
                    failing_checks: StringColumn({ label: 'Failing checks', maxLength: 16000 }),
                    failed_count: IntegerColumn({ label: 'Failed checks' }),
                    warning_count: IntegerColumn({ label: 'Warnings' }),
                    run: StringColumn({ label: 'Validation run', maxLength: 32 }),
                    run_url: StringColumn({ label: 'Validation run link', maxLength: 1000 }),
                },
            }
        )
        wfa.errorEvaluation([
            {
                label: 'The validation failed',
                condition: `${wfa.dataPill(step.verdict, 'string')}=fail`,
                status: {
                    code: 1,
                    message: 'The Jira connection failed validation: see Failing checks and the validation run.',
                },
            },
        ])
        wfa.assignActionOutputs(params.outputs, {
            verdict: wfa.dataPill(step.verdict, 'string'),
            summary: wfa.dataPill(step.summary, 'string'),
            failing_checks: wfa.dataPill(step.failing_checks, 'string'),
            failed_count: wfa.dataPill(step.failed_count, 'integer'),
            warning_count: wfa.dataPill(step.warning_count, 'integer'),
            run: wfa.dataPill(step.run, 'string'),
            run_url: wfa.dataPill(step.run_url, 'string'),
        })
    }
)
