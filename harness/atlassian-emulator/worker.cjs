// Emulator worker: hosts the http.Server on its own event loop, so tests can block the main thread in a synchronous
// HTTP call (harness/net) while the emulator keeps answering. Control calls arrive on a MessagePort; each reply
// is posted back and then signalled through a SharedArrayBuffer so the main thread can wait for it synchronously.
require('../support/register-ts.cjs') // esbuild TS loader (the worker is outside jest's transform)
const { workerData, parentPort } = require('node:worker_threads')
const { EmulatorServer } = require('./server.ts')

const signal = new Int32Array(workerData.signal)
const port = workerData.port
const server = new EmulatorServer(workerData.options || {})
const core = server.core

const methods = {
    // server
    setFault: (target, fault, options) => server.setFault(target, fault, options),
    clearFaults: () => server.clearFaults(),
    requests: () => server.requests(),
    clearRequests: () => server.clearRequests(),
    setIpAllowlist: (addresses) => server.ipAllowlist.set(addresses),
    // core
    now: () => core.now(),
    advanceTime: (ms) => core.advanceTime(ms),
    setOptions: (patch) => core.setOptions(patch),
    registerApp: (app) => core.registerApp(app),
    addSite: (site) => core.addSite(site),
    addUser: (user) => core.addUser(user),
    setConsentUser: (accountId, cloudIds) => core.setConsentUser(accountId, cloudIds),
    setCaptcha: (email, on) => core.setCaptcha(email, on),
    failedBasicAttempts: (email) => core.failedBasicAttempts(email),
    grantTokens: (grant) => core.grantTokens(grant),
    expireAccessTokens: () => core.expireAccessTokens(),
    revokeGrant: (accountId, clientId) => core.revokeGrant(accountId, clientId),
    familyOf: (token) => core.familyOf(token),
    familyInfo: (familyId) => core.familyInfo(familyId),
    isRefreshTokenValid: (token) => core.isRefreshTokenValid(token),
    isAccessTokenValid: (token) => core.isAccessTokenValid(token),
    setJiraAccess: (accountId, on) => core.setJiraAccess(accountId, on),
    createServiceAccountCredential: (c) => core.createServiceAccountCredential(c),
    revokeServiceAccountCredential: (clientId) => core.revokeServiceAccountCredential(clientId),
    // jira-projects.ts and rate-limits.ts
    addProject: (p) => core.jira.addProject(p),
    removeProjects: (cloudId) => core.jira.removeProjects(cloudId),
    setGlobalPermission: (cloudId, accountId, permission, on) =>
        core.jira.setGlobalPermission(cloudId, accountId, permission, on),
    setQuotaUsed: (clientId, cloudId, used) => core.setQuotaUsed(clientId, cloudId, used),
    // webhooks (webhooks.ts)
    webhookCall: (method, args) => {
        const hooks = core.webhooks
        if (method === 'setOptions') return Object.assign(hooks.options, args[0])
        if (typeof hooks[method] !== 'function') throw new Error(`unknown webhook control method: ${method}`)
        return hooks[method](...args)
    },
}

port.on('message', (msg) => {
    let reply
    try {
        const fn = methods[msg.method]
        if (!fn) throw new Error(`unknown emulator control method: ${msg.method}`)
        const value = fn(...msg.args)
        reply = { id: msg.id, ok: true, value: value === undefined ? null : value }
    } catch (e) {
        reply = { id: msg.id, ok: false, error: String((e && e.message) || e) }
    }
    port.postMessage(reply)
    Atomics.store(signal, 0, msg.id)
    Atomics.notify(signal, 0)
})

server.listen().then(
    (listenPort) => parentPort.postMessage({ ready: true, port: listenPort }),
    (e) => parentPort.postMessage({ ready: false, error: String(e) })
)
