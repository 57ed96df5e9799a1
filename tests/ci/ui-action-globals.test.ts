/**
 * Every shipped UI action's server module, and every module it imports, reads no undeclared global. A module cannot
 * see the UI action script's own variables (`current`, `action`): it gets only the parameters its function declares
 * (assumption A8). `declare const action` type-checks and then, on an instance, finds nothing: the redirect never
 * happens. Read from the BUILT package (sys_ui_action scripts and sys_module contents), type-checked as JavaScript with
 * the ES2021 library only, so any name that is neither declared, imported nor an ECMAScript global fails.
 */
import * as path from 'node:path'
import * as ts from 'typescript'
import { loadAppRecords } from '../support/app-records'

/** TS codes for a name that resolves to nothing ("Cannot find name", with or without a suggestion). */
const UNDECLARED = new Set([2304, 2552, 2580, 2581, 2582, 2591, 2662, 2663])

interface Module {
    path: string
    content: string
}

function shippedModules(): Map<string, Module> {
    const out = new Map<string, Module>()
    for (const m of loadAppRecords().byTable('sys_module'))
        if (m.fields.path) out.set(m.fields.path, { path: m.fields.path, content: m.fields.content })
    return out
}

/** The module paths UI action scripts require, e.g. x_jira_connect/.../src/server/ui-actions/validate-all.ts. */
function uiActionEntries(): Array<{ action: string; module: string }> {
    return loadAppRecords()
        .byTable('sys_ui_action')
        .map((a) => ({ action: a.fields.name, module: /require\('([^']+)'\)/.exec(a.fields.script)?.[1] ?? '' }))
        .filter((e) => e.module)
}

/** The module and every app module it imports (relative specifiers), transitively. */
function closure(entry: string, modules: Map<string, Module>): Module[] {
    const seen = new Map<string, Module>()
    const visit = (p: string) => {
        const m = modules.get(p)
        if (!m || seen.has(p)) return
        seen.set(p, m)
        for (const spec of m.content.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) {
            const target = path.posix.join(path.posix.dirname(p), spec[1])
            visit(modules.has(target) ? target : `${target}.ts`)
        }
    }
    visit(entry)
    return [...seen.values()]
}

/** Undeclared names read by the given modules, as "<module path>: <name> (line n)". */
function undeclaredGlobals(files: Module[]): string[] {
    // Each module as a .js file under its own path; imports of other app modules resolve to these files.
    const sources = new Map(files.map((f) => [`/${f.path.replace(/\.ts$/, '.js')}`, f.content]))
    const options: ts.CompilerOptions = {
        allowJs: true,
        checkJs: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2021,
        module: ts.ModuleKind.ES2022,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        lib: ['lib.es2021.d.ts'],
        types: [],
        noResolve: false,
    }
    const host = ts.createCompilerHost(options)
    const readFile = host.readFile.bind(host)
    const fileExists = host.fileExists.bind(host)
    host.fileExists = (f) => sources.has(f) || (!f.startsWith('/x_jira_connect/') && fileExists(f))
    host.readFile = (f) => sources.get(f) ?? readFile(f)
    const getSourceFile = host.getSourceFile.bind(host)
    host.getSourceFile = (f, lang, ...rest) =>
        sources.has(f) ? ts.createSourceFile(f, sources.get(f) as string, lang) : getSourceFile(f, lang, ...rest)
    const program = ts.createProgram([...sources.keys()], options, host)
    const out: string[] = []
    for (const file of [...sources.keys()]) {
        const sf = program.getSourceFile(file)
        if (!sf) continue
        for (const d of program.getSemanticDiagnostics(sf)) {
            if (!UNDECLARED.has(d.code)) continue
            const { line } = sf.getLineAndCharacterOfPosition(d.start ?? 0)
            const name = sf.text.slice(d.start ?? 0, (d.start ?? 0) + (d.length ?? 0))
            out.push(`${file.slice(1)}: ${name} (line ${line + 1})`)
        }
    }
    return out
}

test('the build ships UI actions whose scripts require a server module', () => {
    const entries = uiActionEntries()
    expect(entries.length).toBeGreaterThanOrEqual(7)
    const modules = shippedModules()
    for (const e of entries)
        expect({ action: e.action, shipped: modules.has(e.module) }).toEqual({
            action: e.action,
            shipped: true,
        })
})

test('no shipped UI-action module, nor a module it imports, reads an undeclared global', () => {
    const modules = shippedModules()
    const checked = new Map<string, Module>()
    for (const e of uiActionEntries()) for (const m of closure(e.module, modules)) checked.set(m.path, m)
    expect(checked.size).toBeGreaterThan(10)
    expect(undeclaredGlobals([...checked.values()])).toEqual([])
})

test('the check finds a global read by a module (declare const action, as the "Validate all" module once had)', () => {
    const probe: Module = {
        path: 'x_jira_connect/probe/src/server/ui-actions/probe.ts',
        content:
            "import { gs } from '@servicenow/glide';\nexport function run(current) {\n" +
            "    if (typeof action !== 'undefined' && action) action.setRedirectURL(current);\n" +
            '    gs.addInfoMessage(String(Math.max(1, 2)));\n}\n',
    }
    expect(undeclaredGlobals([probe])).toEqual([
        'x_jira_connect/probe/src/server/ui-actions/probe.js: action (line 3)',
        'x_jira_connect/probe/src/server/ui-actions/probe.js: action (line 3)',
        'x_jira_connect/probe/src/server/ui-actions/probe.js: action (line 3)',
    ])
})
