/**
 * The subset of encoded queries the SDK's build writes into `delete_multiple` records: terms joined by ^, alternatives
 * by ^NQ, each term `field=value`, `fieldIN a,b` or `fieldNOT INa,b`, where field may be dot-walked through one
 * reference (e.g. `sys_attachment.table_sys_id`, written for sys_attachment_doc by a UiPage build).
 */
import { SchemaError } from './schema'
import type { Row, Store } from './store'

interface Term {
    path: string[]
    op: '=' | 'IN' | 'NOT IN'
    value: string
}

function parseTerm(term: string, file: string): Term {
    const m = /^([\w.]+?)(NOT IN|IN|=)(.*)$/.exec(term)
    if (!m) throw new SchemaError(`${file}: cannot read the encoded query term '${term}'`)
    return { path: m[1].split('.'), op: m[2] as Term['op'], value: m[3] }
}

/** A predicate for the rows of `table` the query selects; unknown columns fail like the platform's strict query. */
export function encodedQuery(store: Store, table: string, query: string, file: string): (row: Row) => boolean {
    const groups = query.split('^NQ').map((g) =>
        g
            .split('^')
            .filter(Boolean)
            .map((t) => parseTerm(t, file))
    )
    for (const t of groups.flat()) {
        store.schema.requireColumn(table, t.path[0], file)
        if (t.path.length > 2)
            throw new SchemaError(`${file}: dot-walk deeper than one reference in '${t.path.join('.')}'`)
    }
    const valueOf = (row: Row, path: string[]): string => {
        if (path.length === 1) return row[path[0]] ?? ''
        const ref = store.schema.column(row.sys_class_name || table, path[0])?.reference
        const target = ref ? store.find(ref, row[path[0]] ?? '') : null
        return target ? (target[path[1]] ?? '') : ''
    }
    const hit = (row: Row, t: Term): boolean => {
        const v = valueOf(row, t.path)
        if (t.op === '=') return v === t.value
        const list = t.value.split(',')
        return t.op === 'IN' ? list.includes(v) : !list.includes(v)
    }
    return (row) => groups.some((g) => g.length > 0 && g.every((t) => hit(row, t)))
}
