/**
 * Runtime Access Tracking for the scriptable platform APIs (sn_ws, sn_auth, sn_cc): every method a script calls is
 * recorded under the Java class name the platform uses in its cross-scope privilege records, and, when the calling
 * app's runtime_access_tracking is 'enforcing', a call from a scoped script without an allowed sys_scope_privilege
 * (target_type scriptable, target_name <Class>.<method>) is refused.
 *
 * Class names, from privilege records harvested from real instances in public Fluent apps (github
 * suraj0001/entrust-idv-servicenow src/fluent/security/cross-scope-privileges.now.ts: ScriptableRESTMessageClient.*,
 * ScriptableRESTResponse.*, GlideOAuthClient.*, GlideOAuthClientResponse.*, GlideOAuthToken.*,
 * ScriptableConnectionInfoProvider.*, ScriptableConnectionInfo.*) and a public Dynatrace Fluent app
 * (ScriptableStandardCredentialsProvider.getCredentialByID, ScriptableStandardCredential.getAttribute).
 * GlideOAuthClientRequest is [I]: by analogy with GlideOAuthClient / GlideOAuthClientResponse.
 * Tracking 'permissive' (the SDK's default in sys_app) records and allows (ServiceNow docs, application record
 * field descriptions: "Tracking ... log and authorize all access requests"); 'enforcing' refuses what is not allowed.
 */
export const SCRIPTABLE_CLASS_NAMES: Record<string, string> = {
    RESTMessageV2: 'ScriptableRESTMessageClient',
    RESTResponseV2: 'ScriptableRESTResponse',
    /** executeAsync()'s response: the same scriptable class on the platform [I]. */
    AsyncRESTResponseV2: 'ScriptableRESTResponse',
    GlideOAuthClient: 'GlideOAuthClient',
    GlideOAuthClientRequest: 'GlideOAuthClientRequest',
    GlideOAuthClientResponse: 'GlideOAuthClientResponse',
    GlideOAuthToken: 'GlideOAuthToken',
    StandardCredentialsProvider: 'ScriptableStandardCredentialsProvider',
    StandardCredential: 'ScriptableStandardCredential',
    ConnectionInfoProvider: 'ScriptableConnectionInfoProvider',
    ConnectionInfo: 'ScriptableConnectionInfo',
}

export interface AccessEntry {
    /** <Class>.<method>, as a sys_scope_privilege target_name. */
    api: string
    /** Scope of the calling script ('global' for background scripts). */
    scope: string
    allowed: boolean
}

export interface AccessPolicy {
    /** The scope of the script running now. */
    currentScope(): string
    /** Whether <api> may be called from <scope> (privilege allowed, or tracking not enforcing). */
    isAllowed(scope: string, api: string): boolean
    log: AccessEntry[]
}

/** The error a refused call throws [I: wording modeled on the platform's cross-scope refusal messages]. */
export class AccessRefused extends Error {}

/** Wraps the classes of an API namespace so calls from scripts are tracked (and refused when not allowed). */
export function trackNamespace(ns: Record<string, unknown>, policy: AccessPolicy): Record<string, unknown> {
    const targets = new WeakMap<object, object>()
    const unwrap = (v: unknown): unknown => (v && typeof v === 'object' && targets.has(v) ? targets.get(v) : v)

    const wrapInstance = (obj: unknown): unknown => {
        if (!obj || typeof obj !== 'object') return obj
        const className = SCRIPTABLE_CLASS_NAMES[(obj as object).constructor?.name ?? '']
        if (!className) return obj
        const proxy = new Proxy(obj as object, {
            get: (t, p, r) => {
                const v = Reflect.get(t, p, r)
                if (typeof p !== 'string' || typeof v !== 'function' || p === 'constructor') return v
                return (...args: unknown[]) => {
                    const api = `${className}.${p}`
                    const scope = policy.currentScope()
                    const allowed = policy.isAllowed(scope, api)
                    policy.log.push({ api, scope, allowed })
                    if (!allowed) {
                        throw new AccessRefused(
                            `Access to api '${api}' from scope '${scope}' has been refused due to the api's cross-scope access policy`
                        )
                    }
                    return wrapInstance((v as (...a: unknown[]) => unknown).apply(t, args.map(unwrap)))
                }
            },
        })
        targets.set(proxy, obj as object)
        return proxy
    }

    const out: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(ns)) {
        if (typeof value !== 'function' || !SCRIPTABLE_CLASS_NAMES[name]) {
            out[name] = value
            continue
        }
        out[name] = new Proxy(value as new (...a: unknown[]) => object, {
            construct: (t, args) => wrapInstance(Reflect.construct(t, args.map(unwrap))) as object,
        })
    }
    return out
}
