/**
 * checkRecords: compares built records with the expected table and returns one problem line per defect, each naming the
 * record (table + name, or table + sys_id) and the field. [] means the build matches.
 */
import { AppRecords, describeRecord, type AppRecord } from '../support/app-records'
import type { ExpectedApp, ExpectedRecord } from './expected-records'

const SYS_ID = /^[0-9a-f]{32}$/

function labelOf(e: ExpectedRecord): string {
    return `${e.table} "${Object.values(e.identity).join(' ')}"`
}

function matches(r: AppRecord, identity: Record<string, string>): boolean {
    return Object.entries(identity).every(([f, v]) => r.fields[f] === v)
}

export function checkRecords(records: readonly AppRecord[], expected: ExpectedApp): string[] {
    const problems: string[] = []
    const index = new AppRecords(records)

    for (const r of records) {
        if (!SYS_ID.test(r.sysId))
            problems.push(
                `${describeRecord(r)} field sys_id: expected 32 lower-case hex characters, found "${r.sysId}" (${r.file})`
            )
    }
    for (const id of index.duplicateSysIds()) {
        const files = records.filter((r) => r.sysId === id).map((r) => r.file)
        problems.push(`sys_id ${id}: carried by ${files.length} records (${files.join(', ')})`)
    }

    // Singleton records: find each by identity first, so references can be checked against the matched target.
    const matched = new Map<string, AppRecord>()
    const byKey = new Map(expected.records.map((e) => [e.key, e]))
    for (const e of expected.records) {
        const found = index.byTable(e.table).filter((r) => matches(r, e.identity))
        const filter = Object.entries(e.identity)
            .map(([f, v]) => `${f}=${JSON.stringify(v)}`)
            .join(', ')
        if (found.length === 0) problems.push(`${labelOf(e)}: not shipped (no ${e.table} record with ${filter})`)
        else {
            if (found.length > 1)
                problems.push(`${labelOf(e)}: shipped ${found.length} times (${found.map((r) => r.sysId).join(', ')})`)
            matched.set(e.key, found[0])
        }
    }

    /** Checks that `r.field` references the record matched for `targetKey`; pushes a problem otherwise. */
    const checkRef = (label: string, r: AppRecord, field: string, targetKey: string) => {
        const targetExp = byKey.get(targetKey)
        const targetLabel = targetExp ? labelOf(targetExp) : targetKey
        const value = r.fields[field]
        if (value === undefined)
            return problems.push(`${label} field ${field}: missing, expected a reference to ${targetLabel}`)
        if (!value.trim())
            return problems.push(`${label} field ${field}: empty, expected a reference to ${targetLabel}`)
        const target = index.bySysId(value.trim())
        if (!target) return problems.push(`${label} field ${field}: references ${value} which is not shipped`)
        const want = matched.get(targetKey)
        if (target !== want)
            problems.push(
                `${label} field ${field}: references ${describeRecord(target)} (${value}), expected ${targetLabel}`
            )
    }

    for (const e of expected.records) {
        const r = matched.get(e.key)
        if (!r) continue
        const label = labelOf(e)
        if (r.folder !== e.folder) {
            problems.push(
                `${label}: shipped in ${r.folder}/, expected ${e.folder}/${e.folder === 'unload' ? ' (first install only)' : ''} (${r.file})`
            )
        }
        for (const [field, want] of Object.entries(e.fields)) {
            const got = r.fields[field]
            if (got === undefined) problems.push(`${label} field ${field}: missing, expected "${want}"`)
            else if (got !== want) problems.push(`${label} field ${field}: expected "${want}", found "${got}"`)
        }
        for (const field of e.absent ?? []) {
            if (field in r.fields)
                problems.push(
                    `${label} field ${field}: must not be shipped, found ${r.fields[field] ? 'a value' : 'an empty element'}`
                )
        }
        for (const field of e.absentOrEmpty ?? []) {
            // The value may be a secret: never print it.
            if ((r.fields[field] ?? '').trim())
                problems.push(`${label} field ${field}: must be absent or empty, found a value (not printed)`)
        }
        for (const [field, targetKey] of Object.entries(e.refs ?? {})) checkRef(label, r, field, targetKey)
    }

    // The registry's OAuth API Script: a script include whose name starts with "OAuth".
    const registry = matched.get(expected.apiScript.registry)
    const scriptId = registry?.fields[expected.apiScript.field]?.trim()
    const script = scriptId ? index.bySysId(scriptId) : undefined
    if (script) {
        if (script.table !== 'sys_script_include') {
            problems.push(
                `${describeRecord(registry!)} field ${expected.apiScript.field}: references ${describeRecord(script)}, expected a sys_script_include`
            )
        } else if (!(script.fields.name ?? '').startsWith(expected.apiScript.namePrefix)) {
            problems.push(
                `${describeRecord(script)} field name: the OAuth API Script name must start with "${expected.apiScript.namePrefix}", found "${script.fields.name ?? ''}"`
            )
        }
    }

    // Scope sets: every scope record belongs to the set of the registry it references, every profile-scope row to the
    // set of the profile it references (anything else to the first set, whose checks then name the wrong reference).
    const sets = [{ scopes: expected.scopes, profileScopes: expected.profileScopes }, ...(expected.moreScopeSets ?? [])]
    const setOf = (r: AppRecord, field: string, keyOf: (set: (typeof sets)[number]) => string) => {
        const i = sets.findIndex((x) => matched.get(keyOf(x))?.sysId === (r.fields[field] ?? '').trim())
        return sets[i < 0 ? 0 : i]
    }
    for (const set of sets) {
        const scopeRows = index
            .byTable(set.scopes.table)
            .filter((r) => setOf(r, 'oauth_entity', (x) => x.scopes.registry) === set)
        const profileRows = index
            .byTable(set.profileScopes.table)
            .filter((r) => setOf(r, 'oauth_entity_profile', (x) => x.profileScopes.profile) === set)
        // The documented scopes: nothing extra, nothing missing, Name = OAuth scope as documented, each on the registry.
        const { pairs } = set.scopes
        const docName = new Map(pairs.map((p) => [p.scope, p.name]))
        const scopeRecords = new Map<string, AppRecord[]>()
        for (const r of scopeRows) {
            const label = describeRecord(r)
            const value = r.fields.oauth_entity_scope
            if (value === undefined)
                problems.push(
                    `${label} field oauth_entity_scope: missing, expected one of the ${pairs.length} documented scopes`
                )
            else if (!docName.has(value))
                problems.push(
                    `${label} field oauth_entity_scope: expected one of the ${pairs.length} documented scopes, found "${value}"`
                )
            else {
                scopeRecords.set(value, [...(scopeRecords.get(value) ?? []), r])
                const name = r.fields.name
                if (name === undefined) problems.push(`${label} field name: missing, expected "${docName.get(value)}"`)
                else if (name !== docName.get(value))
                    problems.push(
                        `${label} field name: expected "${docName.get(value)}" (the documented Name of OAuth scope "${value}"), found "${name}"`
                    )
            }
            checkRef(label, r, 'oauth_entity', set.scopes.registry)
        }
        for (const p of pairs) {
            const rs = scopeRecords.get(p.scope) ?? []
            if (rs.length === 0)
                problems.push(`${set.scopes.table} "${p.name}": documented scope "${p.scope}" is not shipped`)
            if (rs.length > 1)
                problems.push(
                    `${set.scopes.table} "${p.name}": shipped ${rs.length} times (${rs.map((r) => r.sysId).join(', ')})`
                )
        }

        // Profile scopes: each row on the profile and on a shipped scope record; every documented scope exactly once.
        const profileKey = set.profileScopes.profile
        const profileLabel = byKey.get(profileKey) ? labelOf(byKey.get(profileKey)!) : profileKey
        const rows = profileRows
        const rowsByScope = new Map<string, AppRecord[]>()
        for (const row of rows) {
            const label = describeRecord(row)
            checkRef(label, row, 'oauth_entity_profile', profileKey)
            const value = row.fields.oauth_entity_scope
            if (value === undefined) {
                problems.push(
                    `${label} field oauth_entity_scope: missing, expected a reference to an ${set.scopes.table} record`
                )
                continue
            }
            const target = index.bySysId(value.trim())
            if (!target) problems.push(`${label} field oauth_entity_scope: references ${value} which is not shipped`)
            else if (target.table !== set.scopes.table)
                problems.push(
                    `${label} field oauth_entity_scope: references ${describeRecord(target)} (${value}), expected an ${set.scopes.table} record`
                )
            else {
                const scope = target.fields.oauth_entity_scope ?? ''
                rowsByScope.set(scope, [...(rowsByScope.get(scope) ?? []), row])
            }
        }
        if (rows.length !== pairs.length)
            problems.push(
                `${set.profileScopes.table}: expected ${pairs.length} rows on ${profileLabel}, found ${rows.length}`
            )
        for (const p of pairs) {
            const rs = rowsByScope.get(p.scope) ?? []
            if (rs.length === 0)
                problems.push(`${set.profileScopes.table}: documented scope "${p.scope}" is not on ${profileLabel}`)
            if (rs.length > 1)
                problems.push(
                    `${set.profileScopes.table}: scope "${p.scope}" is on ${profileLabel} ${rs.length} times (rows ${rs.map((r) => r.sysId).join(', ')})`
                )
        }
    }

    return problems
}
