/**
 * What the platform renders as HTML, from the shipped package in the Glide simulator: session messages and the alert
 * emails carry text from Jira and Atlassian (display names, site names, error bodies), which must show as written and
 * never become markup; plain-text places (stored runs, health rows, email subjects) keep that text unescaped. Also the
 * message levels (a failure is an error message) and "Validate all" returning to its run (the `action` parameter).
 */
import { htmlView } from '../../harness/glide-simulator/html-view'
import type { UiActionResult } from '../../harness/glide-simulator/simulator'
import { World, e2eSource } from '../../harness/glide-simulator/world'

const HEALTH = 'x_jira_connect_connection_health'
const RUN = 'x_jira_connect_validation_run'
const MARKUP = '<img src=x onerror=alert(1)>'

let world: World
beforeEach(async () => {
    world = await World.start({ source: e2eSource() })
})
afterEach(async () => {
    await world.close()
})

async function connected(): Promise<void> {
    world.configureOAuth()
    const page = await world.getOAuthToken('accept')
    expect(page.text).toContain('Access token received')
}

/** Every message of a click, as the platform renders it: no element may come from outside. */
function rendered(r: UiActionResult): { elements: string[]; text: string } {
    const views = [...r.info, ...r.errors].map(htmlView)
    return { elements: views.flatMap((v) => v.elements), text: views.map((v) => v.text).join('\n') }
}

function myselfAnswer(displayName: string) {
    return {
        status: 200,
        body: JSON.stringify({
            accountId: world.accountId,
            accountType: 'atlassian',
            displayName,
            emailAddress: world.email,
            active: true,
        }),
    }
}

test('a Jira display name with markup is shown as text in the form messages and never stored in the run', async () => {
    await connected()
    world.emu.setFault('myself', myselfAnswer(`Ada ${MARKUP} & <b>co</b>`))
    const r = world.validate('http_connection', world.ids.connection)
    expect(r.exception).toBeNull()
    const view = rendered(r)
    expect(view.elements).toEqual([])
    expect(view.text).toContain(`Signed in to Jira as Ada ${MARKUP} & <b>co</b>`)
    // The stored run keeps the account id and type, never the person's name (Atlassian's personal-data rules).
    const run = world.sim.query(RUN).pop()!
    expect(run.report).not.toContain('Ada')
    expect(run.report).not.toContain('&lt;')
})

test('site names with markup in accessible-resources are shown as text in the failure message', async () => {
    await connected()
    const otherCloudId = '0f0e0d0c-0b0a-4909-8807-060504030201'
    world.emu.setFault('accessible-resources', {
        status: 200,
        body: JSON.stringify([
            {
                id: otherCloudId,
                name: `evil ${MARKUP}`,
                url: 'https://evil.atlassian.net',
                scopes: ['read:jira-user', 'read:jira-work'],
                avatarUrl: 'https://x.example/a.png',
            },
        ]),
    })
    const r = world.validate('http_connection', world.ids.connection)
    const view = rendered(r)
    expect(view.elements).toEqual([])
    expect(view.text).toContain(`evil ${MARKUP}`)
    expect(r.errors.join('\n')).toContain(otherCloudId)
})

test('an error body with markup is shown as text in the failure message', async () => {
    await connected()
    world.emu.setFault('myself', {
        status: 401,
        body: JSON.stringify({ message: `<script>alert(3)</script>${MARKUP} & co` }),
    })
    const r = world.validate('http_connection', world.ids.connection)
    const view = rendered(r)
    expect(view.elements).toEqual([])
    expect(view.text).toMatch(/401/)
    expect(view.text).toContain(`<script>alert(3)</script>${MARKUP} & co`)
})

test('the headline of a connection that does not work is an error message; one that works is an info message', async () => {
    const fresh = world.validate('sys_alias', world.ids.alias)
    expect(fresh.errors[0]).toMatch(/^Jira connection "Jira" does not work: \d+ checks? failed/)
    expect(fresh.info.join('\n')).not.toMatch(/does not work/)

    await connected()
    const ok = world.validate('sys_alias', world.ids.alias)
    expect(ok.errors).toEqual([])
    expect(ok.info[0]).toMatch(/^Jira connection "Jira" works/)
})

test('Validate all returns to its stored run (action is a parameter), and a broken connection with markup in its name and finding is escaped in the messages and the email, not in the health row', async () => {
    world.addAppAdmin()
    await connected()
    const name = `Jira: acme ${MARKUP}`
    world.sim.admin.setField('http_connection', world.ids.connection, 'name', name)
    world.emu.setFault('myself', { status: 401, body: `{"message":"Unauthorized ${MARKUP}"}` })

    const r = world.sim.admin.clickListButton(HEALTH, 'Validate all')
    expect(r.exception).toBeNull()
    const run = world.sim.query(RUN).pop()!
    expect(r.redirect).toBe(`${RUN}.do?sys_id=${run.sys_id}`)
    const view = rendered(r)
    expect(view.elements).toEqual([])
    expect(view.text).toContain(`"${name}" is broken`)

    const row = world.sim.one(HEALTH, { subject_sys_id: world.ids.connection })
    expect(row.verdict).toBe('broken')
    expect(row.subject_name).toBe(name)
    expect(row.last_finding).not.toContain('&lt;')

    const emails = world.sim.eventManager.emails.filter((e) => e.event === 'x_jira_connect.connection.broken')
    expect(emails).toHaveLength(1)
    const email = emails[0]
    expect(email.subject).toBe(`Jira connection "${name}" is broken`)
    const body = htmlView(email.body)
    expect([...new Set(body.elements)].sort()).toEqual(['a', 'p'])
    expect(body.text).toContain(name)
    // First check ever, broken: no last success and no expiry known; said in words, nothing printed empty.
    expect(body.text).toContain('No successful check recorded yet.')
    expect(body.text).not.toMatch(/\(\s*\)|:\s*[.,]|:\s{2,}|\bnull\b|\bundefined\b/)
    expect(email.body).toMatch(new RegExp(`${RUN}\\.do\\?sys_id=${run.sys_id}`))
})

test('the recovered email after a broken one: every value present or said in words, nothing printed empty', async () => {
    world.addAppAdmin()
    await connected()
    world.emu.setFault('myself', { status: 401, body: '{"message":"Unauthorized"}' })
    world.sim.admin.clickListButton(HEALTH, 'Validate all')
    world.emu.clearFaults()
    world.sim.admin.clickListButton(HEALTH, 'Validate all')
    const events = world.sim.eventManager.emails.map((e) => e.event)
    expect(events).toEqual(['x_jira_connect.connection.broken', 'x_jira_connect.connection.recovered'])
    for (const email of world.sim.eventManager.emails) {
        const text = htmlView(email.body).text
        expect(text).not.toMatch(/\(\s*\)|:\s*[.,]|:\s{2,}|\bnull\b|\bundefined\b/)
        expect(text).toMatch(/Health: (Broken|Healthy) since \d{4}-\d\d-\d\d \d\d:\d\d UTC\./)
    }
    const recovered = htmlView(world.sim.eventManager.emails[1].body).text
    expect(recovered).toMatch(/Last success: \d{4}-\d\d-\d\d \d\d:\d\d UTC\./)
})
