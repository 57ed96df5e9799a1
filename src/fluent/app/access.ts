/**
 * Who may use Jira Cloud Connect, shared by the records that restrict access (UI actions, menu modules). The role
 * record itself is roles.now.ts.
 *
 * Fluent reads these values statically: property access and template literals work; concatenation does not (`+` in a
 * .now.ts file fails with TS303, and in an imported module it is shipped silently as "Symbol(Now.UNRESOLVED)").
 * Break long strings with a backslash line continuation, which adds nothing to the value.
 */
export const ACCESS = {
    /** `roles` of UI actions and modules: admins and the app's own role. */
    roles: ['admin', 'x_jira_connect.admin'],
    /** The same rule as a server-side condition (UI actions). */
    condition: "(gs.hasRole('admin') || gs.hasRole('x_jira_connect.admin'))",
}
