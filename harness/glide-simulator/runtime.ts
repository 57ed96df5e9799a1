/**
 * Script runtime: one node:vm context per simulated instance, standing in for Rhino. It holds only what a server
 * script on the instance can reach: gs, GlideRecord, sn_ws, sn_auth, sn_cc, Class / Object.extendsObject, the
 * `global` namespace of script includes, and require() for sys_module paths. No Node built-in is reachable: require()
 * resolves '@servicenow/glide[/sn_*]' and shipped sys_module paths only, and the context has no process, Buffer,
 * setTimeout or console.
 *
 * sys_module content is the SDK's transpiled ES module (import specifiers verbatim). It is converted to CommonJS with
 * esbuild (format cjs) and evaluated in the context; relative specifiers resolve against the shipped sys_module paths
 * (with or without .ts/.js), never against src/.
 */
import * as vm from 'node:vm'
import { transformSync } from 'esbuild'
import type { Store } from './store'

/** OOB global.OAuthUtil (source: docs/servicenow-platform.md §3.4, mirrored OOB script include). */
export const OOB_OAUTH_UTIL = `//* Dont edit this script include. Best practise: Extend this script include and override the functions.
var OAuthUtil = Class.create();
OAuthUtil.prototype = {
  initialize: function(oauthContext) { this.oauthContext = oauthContext; },
  interceptRequestParameters: function(requestParamMap) { this.preprocessAccessToken(requestParamMap); },
  parseTokenResponse: function(accessTokenResponse) { this.postprocessAccessToken(accessTokenResponse); },
  preprocessAuthCode: function(requestParamMap) { },
  preprocessAccessToken: function(requestParamMap) { },
  postprocessAccessToken: function(accessTokenResponse) {
    var contentType = accessTokenResponse.getContentType();
    if (contentType && contentType.indexOf('application/json') != -1) {
      var tokenResponse = (new global.JSON()).decode(accessTokenResponse.getBody());
      var paramMap = accessTokenResponse.getparameters();
      for (param in tokenResponse) paramMap.put(param, tokenResponse[param].toString()); } },
  type: 'OAuthUtil' };`

/** The Prototype-style helpers Glide defines for classic scripts, plus global.JSON. Evaluated inside the context. */
const CLASSIC_PRELUDE = `
delete this.console; // V8 gives every context a console; Rhino has none
var Class = { create: function () { return function () { this.initialize.apply(this, arguments); }; } };
Object.extend = function (destination, source) { for (var p in source) destination[p] = source[p]; return destination; };
Object.clone = function (o) { return Object.extend({}, o); };
Object.extendsObject = function (superclass, subclassMethods) {
  if (!superclass || !superclass.prototype) throw new TypeError('Object.extendsObject: the base class is undefined (is the script include accessible?)');
  var o = Object.clone(superclass.prototype);
  for (var p in subclassMethods) o[p] = subclassMethods[p];
  return o;
};
`

export interface ModuleRecord {
    path: string
    content: string
}

export class ScriptError extends Error {}

export interface RuntimeApis {
    gs: unknown
    GlideRecord: unknown
    GlideRecordSecure?: unknown
    sn_ws: Record<string, unknown>
    sn_auth: Record<string, unknown>
    sn_cc: Record<string, unknown>
    GlideDateTime?: unknown
}

export class Runtime {
    readonly context: vm.Context
    private readonly moduleCache = new Map<string, { exports: unknown }>()
    private readonly siCache = new Map<string, unknown>()

    constructor(
        private readonly store: Store,
        private readonly apis: RuntimeApis
    ) {
        const globalNs = new Proxy(
            {},
            {
                get: (_t, name) => (typeof name === 'string' ? this.scriptInclude('global', name) : undefined),
                has: (_t, name) => typeof name === 'string' && this.findScriptInclude('global', name) !== null,
            }
        )
        const sandbox: Record<string, unknown> = {
            gs: apis.gs,
            GlideRecord: apis.GlideRecord,
            GlideRecordSecure: apis.GlideRecordSecure,
            GlideDateTime: apis.GlideDateTime,
            sn_ws: apis.sn_ws,
            sn_auth: apis.sn_auth,
            sn_cc: apis.sn_cc,
            global: globalNs,
        }
        this.context = vm.createContext(sandbox, {
            name: 'glide-simulator',
            codeGeneration: { strings: false, wasm: false },
        })
        vm.runInContext(CLASSIC_PRELUDE, this.context, { filename: 'glide-prelude.js' })
    }

    // ---------------------------------------------------------------- script includes

    private findScriptInclude(scope: string, name: string) {
        const rows = this.store.rowsOf('sys_script_include').filter((r) => r.active !== 'false')
        return (
            rows.find((r) => r.api_name === `${scope}.${name}`) ??
            (scope === 'global'
                ? rows.find((r) => r.name === name && (!r.api_name || r.api_name === name))
                : undefined) ??
            null
        )
    }

    /** The class a script include defines, evaluated (once per script text) in the context. undefined when none. */
    scriptInclude(scope: string, name: string): unknown {
        if (scope === 'global' && name === 'JSON') return this.globalJson()
        const row = this.findScriptInclude(scope, name)
        if (!row) return undefined
        const key = `${row.sys_id}:${row.script}`
        if (this.siCache.has(key)) return this.siCache.get(key)
        // A global script include names other global script includes bare (Object.extendsObject(OAuthUtil, ...)), as
        // in the platform's global scope; a scoped one must write global.OAuthUtil. Bare names resolve through `with`
        // over the global script includes, except the include's own name.
        const isGlobal = !row.sys_scope || row.sys_scope === 'global'
        const own = row.name
        const globals = new Proxy(
            {},
            {
                has: (_t, n) =>
                    isGlobal && typeof n === 'string' && n !== own && this.findScriptInclude('global', n) !== null,
                get: (_t, n) => (typeof n === 'string' ? this.scriptInclude('global', n) : undefined),
            }
        )
        const fn = vm.runInContext(
            `(function (__globals) { with (__globals) {\n${row.script}\n;return typeof ${own} === 'undefined' ? undefined : ${own};\n} })`,
            this.context,
            { filename: `sys_script_include/${row.api_name || row.name}.js` }
        ) as (g: unknown) => unknown
        const cls = fn(globals)
        this.siCache.set(key, cls)
        return cls
    }

    /** The script include a reference field points at (oauth_entity.oauth_api_script), by sys_id. */
    scriptIncludeBySysId(sysId: string): unknown {
        const row = this.store.find('sys_script_include', sysId)
        if (!row) throw new ScriptError(`script include ${sysId} does not exist`)
        if (row.active === 'false') throw new ScriptError(`script include ${row.name} is inactive`)
        const [scope, ...rest] = (row.api_name || `global.${row.name}`).split('.')
        const cls = this.scriptInclude(scope, rest.join('.'))
        if (typeof cls !== 'function')
            throw new ScriptError(`script include ${row.api_name || row.name} does not define the class ${row.name}`)
        return cls
    }

    private jsonClass: unknown
    private globalJson(): unknown {
        if (!this.jsonClass) {
            this.jsonClass = vm.runInContext(
                `(function(){ var J = function(){}; J.prototype = { decode: function(s){ return JSON.parse(s); }, encode: function(o){ return JSON.stringify(o); }, type: 'JSON' }; return J; })()`,
                this.context
            )
        }
        return this.jsonClass
    }

    // ---------------------------------------------------------------- modules

    private modules(): ModuleRecord[] {
        return this.store.rowsOf('sys_module').map((r) => ({ path: r.path, content: r.content }))
    }

    private resolve(spec: string, from: string | null): string {
        const mods = this.modules()
        const paths = new Set(mods.map((m) => m.path))
        let base: string
        if (spec.startsWith('./') || spec.startsWith('../')) {
            if (!from) throw new ScriptError(`require('${spec}'): a relative specifier outside a module`)
            const parts = from.split('/').slice(0, -1)
            for (const seg of spec.split('/')) {
                if (seg === '.' || seg === '') continue
                if (seg === '..') parts.pop()
                else parts.push(seg)
            }
            base = parts.join('/')
        } else base = spec
        const candidates = [
            base,
            `${base}.ts`,
            `${base}.js`,
            base.replace(/\.js$/, '.ts'),
            `${base}/index.ts`,
            `${base}/index.js`,
        ]
        for (const c of candidates) if (paths.has(c)) return c
        throw new ScriptError(
            `require('${spec}')${from ? ` from ${from}` : ''}: no sys_module with that path (shipped modules: ${[...paths].join(', ')})`
        )
    }

    /** require() as a script on the instance sees it. */
    makeRequire(from: string | null): (spec: string) => unknown {
        return (spec: string) => {
            if (spec === '@servicenow/glide')
                return {
                    gs: this.apis.gs,
                    GlideRecord: this.apis.GlideRecord,
                    GlideRecordSecure: this.apis.GlideRecordSecure,
                    GlideDateTime: this.apis.GlideDateTime,
                }
            if (spec === '@servicenow/glide/sn_ws') return this.apis.sn_ws
            if (spec === '@servicenow/glide/sn_auth') return this.apis.sn_auth
            if (spec === '@servicenow/glide/sn_cc') return this.apis.sn_cc
            if (spec.startsWith('@servicenow/glide'))
                throw new ScriptError(`require('${spec}'): this Glide API is not modeled by the simulator`)
            return this.loadModule(this.resolve(spec, from))
        }
    }

    loadModule(path: string): unknown {
        const row = this.store.rowsOf('sys_module').find((r) => r.path === path)
        if (!row) throw new ScriptError(`no sys_module ${path}`)
        const key = `${path}\n${row.content}`
        const cached = this.moduleCache.get(key)
        if (cached) return cached.exports
        const module = { exports: {} as unknown }
        this.moduleCache.set(key, module)
        if (path.endsWith('.json')) {
            module.exports = JSON.parse(row.content)
            return module.exports
        }
        const { code } = transformSync(row.content, { loader: 'js', format: 'cjs', target: 'es2021', sourcefile: path })
        const fn = vm.runInContext(`(function (exports, require, module) {\n${code}\n})`, this.context, {
            filename: path,
        }) as (e: unknown, r: unknown, m: unknown) => void
        try {
            fn(module.exports, this.makeRequire(path), module)
        } catch (e) {
            this.moduleCache.delete(key)
            throw e
        }
        return module.exports
    }

    /** Runs a classic script (UI action script, condition) with the given globals bound as parameters. */
    runScript(script: string, bindings: Record<string, unknown>, filename: string): unknown {
        const names = Object.keys(bindings)
        const fn = vm.runInContext(`(function (${[...names, 'require'].join(', ')}) {\n${script}\n})`, this.context, {
            filename,
        }) as (...a: unknown[]) => unknown
        return fn(...names.map((n) => bindings[n]), this.makeRequire(null))
    }

    /** Evaluates an expression (UI action condition). */
    evaluate(expression: string, bindings: Record<string, unknown>, filename: string): unknown {
        return this.runScript(`return (${expression});`, bindings, filename)
    }
}
