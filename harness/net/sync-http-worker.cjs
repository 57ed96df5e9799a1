// Worker half of the synchronous HTTP client (see sync-http.ts). Plain CommonJS: a Worker loads its file itself, outside
// jest's TypeScript transform. It performs one request at a time with Node's async http/https, enforces the timeout,
// posts the result on the reply port, then wakes the blocked main thread through the SharedArrayBuffer.
// It only ever connects to 127.0.0.1: the main thread has already mapped the URL's host to a loopback target.
const { workerData, parentPort } = require('node:worker_threads')
const http = require('node:http')
const https = require('node:https')
const net = require('node:net')
const tls = require('node:tls')

const signal = new Int32Array(workerData.signal)
const replyPort = workerData.port
const LOOPBACK = '127.0.0.1'

// Java exception texts the platform (RESTMessageV2 on the instance JVM) reports; the production adapter classifies them.
const JAVA = {
    readTimeout: 'java.net.SocketTimeoutException: Read timed out',
    connectTimeout: 'java.net.SocketTimeoutException: connect timed out',
    refused: 'java.net.ConnectException: Connection refused',
    reset: 'java.net.SocketException: Connection reset',
    tls: 'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
}
const TLS_CODES = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
])

let untrustedTls = null // { port } of the loopback TLS server with an untrusted certificate, started on first use

function startUntrustedTls(certPem, keyPem) {
    if (untrustedTls) return Promise.resolve(untrustedTls.port)
    return new Promise((resolve, reject) => {
        const server = tls.createServer({ cert: certPem, key: keyPem }, (socket) => socket.end())
        server.on('tlsClientError', () => undefined)
        server.once('error', reject)
        server.listen(0, LOOPBACK, () => {
            server.unref()
            untrustedTls = { port: server.address().port, server }
            resolve(untrustedTls.port)
        })
    })
}

// A loopback port with nothing listening: bind an ephemeral port, then release it.
function closedPort() {
    return new Promise((resolve, reject) => {
        const s = net.createServer()
        s.once('error', reject)
        s.listen(0, LOOPBACK, () => {
            const { port } = s.address()
            s.close(() => resolve(port))
        })
    })
}

function classify(err, phase) {
    const code = err && err.code
    if (code === 'ECONNREFUSED') return { code: 'connection_refused', message: JAVA.refused }
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE')
        return { code: 'connection_reset', message: JAVA.reset }
    if (TLS_CODES.has(code) || (typeof code === 'string' && code.startsWith('ERR_SSL')))
        return { code: 'tls', message: JAVA.tls }
    return { code: 'other', message: `java.io.IOException: ${(err && err.message) || err} (${phase})` }
}

async function perform(msg) {
    const { target, method, path, hostHeader, headers, body, timeoutMs, maxBodyBytes, localAddress } = msg
    let port
    let mod = http
    // A loopback source address other than 127.0.0.1 (Linux routes all of 127/8): a caller on another address.
    const options = localAddress && /^127\.\d+\.\d+\.\d+$/.test(localAddress) ? { localAddress } : {}
    if (target.kind === 'http') port = target.port
    else if (target.kind === 'refused') port = await closedPort()
    else if (target.kind === 'tls-untrusted') {
        port = await startUntrustedTls(target.certPem, target.keyPem)
        mod = https
        options.servername = target.servername // default trust store: the self-signed certificate is not trusted
    } else return { ok: false, code: 'other', message: `java.io.IOException: bad target ${target.kind}` }

    return new Promise((resolve) => {
        let settled = false
        let connected = false
        const finish = (result) => {
            if (settled) return
            settled = true
            clearTimeout(timer)
            resolve(result)
        }
        const reqHeaders = { ...headers, host: hostHeader, connection: 'close' }
        if (body !== undefined && body !== null) reqHeaders['content-length'] = String(Buffer.byteLength(body, 'utf8'))
        const req = mod.request({ ...options, host: LOOPBACK, port, method, path, headers: reqHeaders, agent: false })
        const timer = setTimeout(() => {
            finish({ ok: false, code: 'timeout', message: connected ? JAVA.readTimeout : JAVA.connectTimeout })
            req.destroy()
        }, timeoutMs)
        req.on('socket', (socket) => {
            socket.once(mod === https ? 'secureConnect' : 'connect', () => (connected = true))
        })
        req.on('error', (err) => finish({ ok: false, ...classify(err, connected ? 'read' : 'connect') }))
        req.on('response', (res) => {
            const chunks = []
            let size = 0
            res.on('data', (chunk) => {
                size += chunk.length
                if (maxBodyBytes !== undefined && maxBodyBytes !== null && size > maxBodyBytes) {
                    finish({
                        ok: false,
                        code: 'other',
                        message: `java.io.IOException: Response body exceeds the maximum of ${maxBodyBytes} bytes`,
                    })
                    req.destroy()
                    return
                }
                chunks.push(chunk)
            })
            res.on('aborted', () => finish({ ok: false, code: 'connection_reset', message: JAVA.reset }))
            res.on('error', (err) => finish({ ok: false, ...classify(err, 'read') }))
            res.on('end', () => {
                if (!res.complete) return finish({ ok: false, code: 'connection_reset', message: JAVA.reset })
                const out = {}
                for (const [k, v] of Object.entries(res.headers))
                    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v)
                finish({ ok: true, status: res.statusCode, headers: out, body: Buffer.concat(chunks).toString('utf8') })
            })
        })
        if (body !== undefined && body !== null) req.end(body)
        else req.end()
    })
}

parentPort.on('message', (msg) => {
    perform(msg)
        .catch((e) => ({ ok: false, code: 'other', message: `java.io.IOException: ${(e && e.message) || e}` }))
        .then((result) => {
            replyPort.postMessage({ id: msg.id, result })
            Atomics.store(signal, 0, msg.id)
            Atomics.notify(signal, 0)
        })
})
