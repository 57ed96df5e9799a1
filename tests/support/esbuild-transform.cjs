// Jest transformer: TypeScript to CommonJS with esbuild (no type checking here; `npm run typecheck` does that).
const { transformSync } = require('esbuild')

module.exports = {
    process(source, filename) {
        const loader = filename.endsWith('.ts') ? 'ts' : 'js'
        const { code, map } = transformSync(source, {
            loader,
            format: 'cjs',
            target: 'node20',
            sourcemap: 'inline',
            sourcefile: filename,
        })
        return { code, map }
    },
}
