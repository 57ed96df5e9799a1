import '@servicenow/sdk/global'
import { Test } from '@servicenow/sdk/core'

/**
 * Post-install check, shipped with the app: an admin (Automated Test Framework > Tests) or the CI pipeline
 * (scripts/run-atf.mjs, after `npm run deploy` to the dev instance) runs it right after an install.
 *
 * It proves the install put the Jira Cloud connection records in place with the right values, and that the
 * validator's Glide entry point loads and reports "not configured yet" cleanly on a fresh instance (no client id,
 * placeholder cloud id, no token). On an instance where an admin has already finished the Jira set-up, the last
 * step fails by design: this test is for fresh dev/test instances, not for configured ones.
 *
 * Values are literals because ATF step inputs are strings the build copies verbatim; tests/ci/atf.test.ts checks
 * them against the Fluent records and src/server/core (ATLASSIAN, REQUIRED_JIRA_SCOPES, package name/version).
 */
Test(
    {
        $id: Now.ID['atf-post-install-check'],
        name: 'Jira Cloud Connect: post-install check',
        description:
            'Queries the installed "Jira Cloud OAuth" registry (Atlassian authorize/token URLs), its 14 entity scopes, \
the "Jira OAuth Profile" with the same 14 profile scopes, the x_jira_connect.Jira connection alias and its \
api_version=2 / server_type=cloud attributes, then requires the validator module and asserts validateDefaultAlias() \
returns verdict fail with a non-empty fix on every failing check ("not configured yet") without throwing.',
        active: true,
        failOnServerError: true,
    },
    (atf) => {
        atf.server.recordQuery({
            $id: Now.ID['atf-post-install-check-registry'],
            table: 'oauth_entity',
            fieldValues:
                'name=Jira Cloud OAuth^type=oauth_provider^active=true^default_grant_type=authorization_code^\
auth_url=https://auth.atlassian.com/authorize^token_url=https://auth.atlassian.com/oauth/token^\
refresh_token_url=https://auth.atlassian.com/oauth/token^EQ',
            assert: 'records_match_query',
            enforceSecurity: false,
        })
        atf.server.recordQuery({
            $id: Now.ID['atf-post-install-check-profile'],
            table: 'oauth_entity_profile',
            fieldValues:
                'name=Jira OAuth Profile^grant_type=authorization_code^default=true^\
oauth_entity.name=Jira Cloud OAuth^EQ',
            assert: 'records_match_query',
            enforceSecurity: false,
        })
        atf.server.recordQuery({
            $id: Now.ID['atf-post-install-check-alias'],
            table: 'sys_alias',
            fieldValues: 'id=x_jira_connect.Jira^name=Jira^type=connection^connection_type=http_connection^EQ',
            assert: 'records_match_query',
            enforceSecurity: false,
        })
        atf.server.recordQuery({
            $id: Now.ID['atf-post-install-check-attr-api-version'],
            table: 'connection_attributes',
            fieldValues: 'model.id=x_jira_connect.Jira^element=api_version^default_value=2^EQ',
            assert: 'records_match_query',
            enforceSecurity: false,
        })
        atf.server.recordQuery({
            $id: Now.ID['atf-post-install-check-attr-server-type'],
            table: 'connection_attributes',
            fieldValues: 'model.id=x_jira_connect.Jira^element=server_type^default_value=cloud^EQ',
            assert: 'records_match_query',
            enforceSecurity: false,
        })
        atf.server.runServerSideScript({
            $id: Now.ID['atf-post-install-check-scopes'],
            jasmineVersion: '3.1',
            script: `(function (outputs, steps, params, stepResult, assertEqual) {
    var EXPECTED_SCOPES = ['delete:sprint:jira-software', 'manage:jira-configuration', 'manage:jira-project', \
'manage:jira-webhook', 'offline_access', 'read:issue-details:jira', 'read:jira-user', 'read:jira-work', \
'read:jql:jira', 'read:sprint:jira-software', 'write:jira-work', 'write:sprint:jira-software', \
'read:board-scope:jira-software', 'read:project:jira'];

    function registryId() {
        var gr = new GlideRecord('oauth_entity');
        gr.addQuery('name', 'Jira Cloud OAuth');
        gr.query();
        return gr.next() ? gr.getUniqueValue() : '';
    }

    describe('Jira Cloud Connect OAuth scopes', function () {
        it('the registry has exactly the 14 Jira scopes (name = OAuth scope)', function () {
            var names = [];
            var scope = new GlideRecord('oauth_entity_scope');
            scope.addQuery('oauth_entity', registryId());
            scope.query();
            while (scope.next()) {
                expect(scope.getValue('oauth_entity_scope')).toBe(scope.getValue('name'));
                names.push(scope.getValue('oauth_entity_scope'));
            }
            expect(names.length).toBe(14);
            expect(names.sort()).toEqual(EXPECTED_SCOPES.slice().sort());
        });

        it('the default "Jira OAuth Profile" carries the same 14 scopes', function () {
            var names = [];
            var link = new GlideRecord('oauth_entity_profile_scope');
            link.addQuery('oauth_entity_profile.name', 'Jira OAuth Profile');
            link.addQuery('oauth_entity_profile.oauth_entity', registryId());
            link.query();
            while (link.next()) {
                names.push(String(link.oauth_entity_scope.oauth_entity_scope));
            }
            expect(names.length).toBe(14);
            expect(names.sort()).toEqual(EXPECTED_SCOPES.slice().sort());
        });
    });
})(outputs, steps, params, stepResult, assertEqual);
jasmine.getEnv().execute();`,
        })
        atf.server.runServerSideScript({
            $id: Now.ID['atf-post-install-check-validator'],
            jasmineVersion: '3.1',
            script: `(function (outputs, steps, params, stepResult, assertEqual) {
    var MODULE = 'x_jira_connect/jira-cloud-connect/1.0.0/src/server/glide/validation-service.ts';
    var STATUSES = ['pass', 'warn', 'fail', 'skip'];

    describe('Jira Cloud Connect validator on a fresh install', function () {
        var service;
        var report;
        var error;

        beforeAll(function () {
            // Server scripts had no require() before Xanadu Patch 2 / Washington DC Patch 9 (ServiceNow sdk-examples,
            // sys_module-sample): say which release the app needs instead of a bare "require is not defined".
            if (typeof require === 'undefined') {
                error = 'Jira Cloud Connect needs ServiceNow Washington DC Patch 9, Xanadu Patch 2 or later: on this ' +
                    'release server scripts cannot load the modules of the app (require is undefined). \
Upgrade the instance, ' +
                    'then run this test again.';
                return;
            }
            try {
                service = require(MODULE);
                report = service.validateDefaultAlias();
            } catch (e) {
                error = e;
            }
        });

        it('loads the validator module and its Glide entry point', function () {
            expect(error ? String(error) : '').toBe('');
            if (!service) return;
            expect(typeof service.validateDefaultAlias).toBe('function');
            expect(typeof service.validateRecord).toBe('function');
        });

        it('reports "not configured yet": verdict fail, without throwing', function () {
            expect(error ? String(error) : '').toBe('');
            expect(report).toBeDefined();
            if (!report) return;
            expect(report.verdict).toBe('fail');
            expect(report.checks.length).toBeGreaterThan(0);
        });

        it('every check is well formed and every failing check says how to fix it', function () {
            expect(error ? String(error) : '').toBe('');
            if (!report) return;
            var failing = 0;
            for (var i = 0; i < report.checks.length; i++) {
                var check = report.checks[i];
                expect(STATUSES.indexOf(check.status)).not.toBe(-1);
                expect(String(check.id || '').length).toBeGreaterThan(0);
                expect(String(check.title || '').length).toBeGreaterThan(0);
                if (check.status === 'fail') {
                    failing++;
                    expect({ id: check.id, hasFix: String(check.fix || '').trim().length > 0 })\
.toEqual({ id: check.id, hasFix: true });
                }
            }
            expect(failing).toBeGreaterThan(0);
            stepResult.setOutputMessage('validateDefaultAlias(): verdict ' + report.verdict + ', ' + failing + \
' failing check(s) with a fix');
        });
    });
})(outputs, steps, params, stepResult, assertEqual);
jasmine.getEnv().execute();`,
        })
    }
)
