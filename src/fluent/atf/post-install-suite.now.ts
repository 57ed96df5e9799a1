import '@servicenow/sdk/global'
import { Record } from '@servicenow/sdk/core'

/**
 * Test suite the pipeline runs through the CI/CD REST API (POST /api/sn_cicd/testsuite/run runs suites, not single
 * tests): scripts/run-atf.mjs runs it by name after `npm run deploy`. Admins can run it from
 * Automated Test Framework > Suites as well.
 */
export const postInstallSuite = Record({
    $id: Now.ID['atf-post-install-suite'],
    table: 'sys_atf_test_suite',
    data: {
        name: 'Jira Cloud Connect: post-install',
        active: true,
        description:
            'Runs "Jira Cloud Connect: post-install check" after an install (CI: scripts/run-atf.mjs; \
docs/ci-cd.md).',
    },
})

Record({
    $id: Now.ID['atf-post-install-suite-member'],
    table: 'sys_atf_test_suite_test',
    data: {
        test_suite: postInstallSuite,
        test: Now.ref('sys_atf_test', 'atf-post-install-check'),
        order: 100,
        abort_on_failure: false,
    },
})
