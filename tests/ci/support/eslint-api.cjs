// Runs ESLint through its Node API (new ESLint().lintFiles / lintText) with the project's eslint.config.mjs and prints
// the LintResult[] as JSON. Used by tests/ci/lint.test.ts, because ESLint loads the flat config with a native
// dynamic import() that Jest's VM sandbox does not support.
//   node eslint-api.cjs <paths...>                                   lint files/directories
//   node eslint-api.cjs --text-from <file> --file-path <virtual>     lint a file's text as if it lived at <virtual>
//   node eslint-api.cjs --texts <file.json>                          the same for [{ text, filePath }, ...] in one run
const fs = require('node:fs')
const { ESLint } = require('eslint')

async function main(argv) {
    const eslint = new ESLint({ cwd: process.cwd() })
    let results
    if (argv[0] === '--texts') {
        results = []
        for (const { text, filePath } of JSON.parse(fs.readFileSync(argv[1], 'utf8'))) {
            const [result] = await eslint.lintText(text, { filePath, warnIgnored: true })
            results.push(result)
        }
    } else if (argv[0] === '--text-from') {
        const text = fs.readFileSync(argv[1], 'utf8')
        if (argv[2] !== '--file-path' || !argv[3]) throw new Error('usage: --text-from <file> --file-path <path>')
        results = await eslint.lintText(text, { filePath: argv[3], warnIgnored: true })
    } else {
        results = await eslint.lintFiles(argv)
    }
    process.stdout.write(
        JSON.stringify(results.map(({ filePath, messages, errorCount }) => ({ filePath, messages, errorCount })))
    )
}

main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e))
    process.exit(2)
})
