import { formatProjects, parseProjectsSetting } from './projects-setting'

describe('parseProjectsSetting / formatProjects', () => {
    test('one stored form: entries in order, spaces and duplicates dropped, issue type names kept as typed', () => {
        const p = parseProjectsSetting(' SUP/Service Request ,OPS\nSUP/service request; HR ')
        expect(p.ok && formatProjects(p.entries)).toBe('SUP/Service Request, OPS, HR')
        expect(parseProjectsSetting('')).toEqual({ ok: true, entries: [] })
    })

    test('each problem has its stable code, in the order found', () => {
        const many = Array.from({ length: 51 }, (_v, i) => `K${i}A`).join(',')
        const cases: Array<[string, string[]]> = [
            ['sup', ['project_key_invalid']],
            ['SUP/, 9X', ['issue_type_invalid', 'project_key_invalid']],
            ['SUP/<b>', ['issue_type_invalid']],
            [many, ['too_many_projects']],
            [Array.from({ length: 11 }, (_v, i) => `SUP/T${i}`).join(','), ['too_many_issue_types']],
        ]
        for (const [raw, codes] of cases) {
            const p = parseProjectsSetting(raw)
            expect({ raw, codes: p.ok ? [] : p.codes }).toEqual({ raw, codes })
            expect(p.ok ? 0 : p.problems.length).toBe(codes.length)
        }
    })
})
