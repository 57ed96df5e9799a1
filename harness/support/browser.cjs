// Finds the Chromium every browser test drives (playwright-core only drives a browser; it ships none).
//
// Lookup, first match wins:
//   1. CHROMIUM_PATH (JCC_CHROMIUM is accepted as an older name): an explicit choice. If it names no executable file,
//      that is an error, never a fallback, so `CHROMIUM_PATH=/nonexistent npm test` shows what a machine without a
//      browser sees.
//   2. On Linux x86_64, the Chromium shipped inside the npm package @sparticuz/chromium (a devDependency, pinned in
//      package-lock.json): the package contains the brotli-compressed headless build and the few shared libraries it
//      links (NSS, NSPR, expat), so `npm ci` brings the browser and nothing is downloaded at install time. It is
//      unpacked once into node_modules/.cache/ (about 10 s) and reused. Only the package's data files are used, not its
//      JavaScript (which targets AWS Lambda and declares Node >= 22).
//   3. An installed Chrome or Chromium: /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome,
//      /usr/bin/google-chrome-stable, Playwright's browser cache, the macOS application bundles.
// Nothing found: resolveChromium() throws one line that names the install command. Browser tests call it and fail
// with that message; no browser test is ever skipped.
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const zlib = require('node:zlib')

const root = path.resolve(__dirname, '../..')
const INSTALL_HINT =
    'install one (Debian/Ubuntu: `apt-get install chromium`; or Google Chrome) or set CHROMIUM_PATH to its executable'

/** Executable regular file? */
function isExecutable(file) {
    try {
        const st = fs.statSync(file)
        if (!st.isFile()) return false
        fs.accessSync(file, fs.constants.X_OK)
        return true
    } catch {
        return false
    }
}

/** The @sparticuz/chromium package directory and version, or null when it is not installed. */
function bundledPackage() {
    try {
        // The package's "exports" hide package.json; resolve its entry point and walk up to the manifest.
        let dir = path.dirname(require.resolve('@sparticuz/chromium', { paths: [root] }))
        while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir)
        const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version
        return fs.existsSync(path.join(dir, 'bin', 'chromium.br')) ? { dir, version } : null
    } catch {
        return null
    }
}

/** Writes the regular files, directories and symlinks of a ustar archive under `dest`. */
function untar(buffer, dest) {
    let offset = 0
    while (offset + 512 <= buffer.length) {
        const header = buffer.subarray(offset, offset + 512)
        if (header.every((b) => b === 0)) break
        const field = (start, length) =>
            header
                .subarray(start, start + length)
                .toString('utf8')
                .replace(/\0.*$/s, '')
        const name = [field(345, 155), field(0, 100)].filter(Boolean).join('/')
        const size = parseInt(field(124, 12).trim() || '0', 8)
        const type = field(156, 1) || '0'
        const mode = parseInt(field(100, 8).trim() || '644', 8)
        const target = path.join(dest, name)
        if (!target.startsWith(dest + path.sep)) throw new Error(`unsafe path in archive: ${name}`)
        if (type === '5') fs.mkdirSync(target, { recursive: true })
        else if (type === '0') {
            fs.mkdirSync(path.dirname(target), { recursive: true })
            fs.writeFileSync(target, buffer.subarray(offset + 512, offset + 512 + size), { mode })
        } else if (type === '2') {
            fs.mkdirSync(path.dirname(target), { recursive: true })
            fs.symlinkSync(field(157, 100), target)
        }
        offset += 512 + Math.ceil(size / 512) * 512
    }
}

/** Unpacks the packaged Chromium once (atomically: concurrent callers never see a half-written browser). */
function unpackBundled(pkg) {
    const dest = path.join(root, 'node_modules', '.cache', 'jira-cloud-connect', `chromium-${pkg.version}`)
    const executable = path.join(dest, 'chromium')
    if (!isExecutable(executable)) {
        const tmp = `${dest}.tmp-${process.pid}-${Date.now()}`
        fs.mkdirSync(tmp, { recursive: true })
        try {
            const bin = path.join(pkg.dir, 'bin')
            fs.writeFileSync(
                path.join(tmp, 'chromium'),
                zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'chromium.br'))),
                { mode: 0o755 }
            )
            untar(zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'al2023.tar.br'))), tmp)
            try {
                fs.renameSync(tmp, dest)
            } catch (e) {
                if (!isExecutable(executable)) throw e // someone else finished first: use theirs
            }
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true })
        }
    }
    const lib = path.join(dest, 'lib')
    const ld = [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter)
    return {
        executablePath: executable,
        env: { ...process.env, LD_LIBRARY_PATH: ld },
        source: `@sparticuz/chromium ${pkg.version} (bundled)`,
    }
}

/** Installed browsers, in the order tried. */
function installedCandidates() {
    const home = os.homedir()
    const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || path.join(home, '.cache', 'ms-playwright')
    let playwright = []
    try {
        playwright = fs
            .readdirSync(cache)
            .filter((d) => /^chromium(_headless_shell)?-\d+$/.test(d))
            .sort()
            .reverse()
            .flatMap((d) => [
                path.join(cache, d, 'chrome-linux', 'chrome'),
                path.join(cache, d, 'chrome-linux64', 'chrome'),
                path.join(cache, d, 'chrome-linux', 'headless_shell'),
                path.join(cache, d, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
            ])
    } catch {
        // no Playwright cache
    }
    return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        ...playwright,
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]
}

/**
 * The browser to launch: `{ executablePath, env, source }` (pass `env` to playwright's launch options: the bundled
 * build needs its libraries on LD_LIBRARY_PATH). Throws a one-line Error when there is none.
 */
function resolveChromium() {
    const explicit = process.env.CHROMIUM_PATH || process.env.JCC_CHROMIUM
    if (explicit) {
        if (isExecutable(explicit))
            return { executablePath: explicit, env: { ...process.env }, source: 'CHROMIUM_PATH' }
        throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file: ${INSTALL_HINT}.`)
    }
    const pkg = process.platform === 'linux' && process.arch === 'x64' ? bundledPackage() : null
    if (pkg) return unpackBundled(pkg)
    const found = installedCandidates().find(isExecutable)
    if (found) return { executablePath: found, env: { ...process.env }, source: found }
    throw new Error(`No Chrome or Chromium found for the browser tests: ${INSTALL_HINT}.`)
}

module.exports = { resolveChromium, installedCandidates, INSTALL_HINT }
