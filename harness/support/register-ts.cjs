// `node -r ./harness/support/register-ts.cjs file.ts`: runs TypeScript harness scripts (npm start, benchmarks) via esbuild.
const fs = require('node:fs')
const Module = require('node:module')
const { transformSync } = require('esbuild')

Module._extensions['.ts'] = function compileTs(module, filename) {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
        loader: 'ts',
        format: 'cjs',
        target: 'node20',
        sourcemap: 'inline',
        sourcefile: filename,
    })
    module._compile(code, filename)
}
