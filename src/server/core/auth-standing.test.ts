import { authStanding, isSpokeTemplate, standingLine } from './auth-standing'

const SPOKE = { name: 'Authentication Template for Jira Cloud', scope: 'sn_jira_spoke' }
const OURS = { name: 'Jira Cloud: OAuth 2.0 (3LO) app', scope: 'x_jira_connect' }

describe('authStanding: one standing per way in', () => {
    test('service account (OAuth 2.0 client credentials): recommended, no move offered', () => {
        for (const template of [null, OURS, SPOKE]) {
            expect(authStanding('service_account', template)).toMatchObject({
                code: 'standing_service_account',
                level: 'recommended',
                label: 'Recommended',
                move: false,
            })
        }
    })

    test("3LO through the Jira spoke's own template (ServiceNow's app): compliant, the move offered", () => {
        const s = authStanding('oauth_3lo', SPOKE)
        expect(s).toMatchObject({ code: 'standing_spoke_3lo', level: 'compliant', label: 'Compliant', move: true })
        expect(s.why).toMatch(/ServiceNow's one distributed 3LO app/)
        // Told apart by scope or by name (a copy of the template in another scope keeps the name).
        expect(authStanding('oauth_3lo', { name: 'Copy', scope: 'sn_jira_spoke' }).code).toBe('standing_spoke_3lo')
        expect(authStanding('oauth_3lo', { name: SPOKE.name, scope: 'global' }).code).toBe('standing_spoke_3lo')
    })

    test("own 3LO app (this app's template, another one, or none): allowed, flagged, the inference marked", () => {
        for (const template of [null, OURS, { name: 'HTTP Connection with OAuth', scope: 'global' }]) {
            const s = authStanding('oauth_3lo', template)
            expect(s).toMatchObject({ code: 'standing_own_3lo_app', level: 'allowed', move: true })
            expect(s.why).toMatch(/\[inference/)
            expect(s.why).toMatch(/Building secure and scalable integrations/)
        }
    })

    test('scoped API token: works but ServiceNow labels it not compliant', () => {
        const s = authStanding('scoped_token', null)
        expect(s).toMatchObject({ code: 'standing_scoped_token', level: 'not_compliant', label: 'Not compliant' })
        expect(s.move).toBe(true)
        expect(s.why).toMatch(/works, but .*does not comply with Atlassian security requirements.*Option 4/)
    })

    test('classic API token: not compliant and legacy, whatever the template', () => {
        for (const template of [null, SPOKE]) {
            const s = authStanding('classic_token', template)
            expect(s).toMatchObject({ code: 'standing_classic_token', level: 'not_compliant', move: true })
            expect(s.why).toMatch(/legacy.*Option 3.*2026-01-01/)
        }
    })

    test('the template only matters for 3LO; a scoped token on the spoke template stays not compliant', () => {
        expect(authStanding('scoped_token', SPOKE).code).toBe('standing_scoped_token')
        expect(isSpokeTemplate(null)).toBe(false)
        expect(isSpokeTemplate(OURS)).toBe(false)
    })

    test('standingLine names the standing, the way in and why', () => {
        expect(standingLine(authStanding('classic_token', null))).toMatch(
            /^Not compliant: classic API token on the site URL \(legacy\)\. Why: a classic API token is legacy/
        )
        expect(standingLine(authStanding('oauth_3lo', SPOKE))).toMatch(
            /^Compliant: OAuth 2\.0 \(3LO\) with the Jira spoke's template\. Why:/
        )
        expect(standingLine(authStanding('oauth_3lo', null))).toMatch(
            /^Allowed for your own site, flagged for distributed apps: OAuth 2\.0 \(3LO\) app of your own\./
        )
    })
})
