// .github/workflows/ci.yml parses, is structurally a GitHub Actions workflow, and does what docs/ci-cd.md says:
// PRs and pushes run npm ci / lint / test / build --frozenKeys / pack and upload the zip; only pushes to main deploy
// to the "dev" environment in CI mode and then run the ATF suite.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse, parseDocument } from 'yaml'

const root = path.resolve(__dirname, '../..')
const file = path.join(root, '.github/workflows/ci.yml')
const text = fs.readFileSync(file, 'utf8')

type Step = {
    name?: string
    uses?: string
    run?: string
    with?: Record<string, unknown>
    env?: Record<string, string>
    if?: string
    'continue-on-error'?: unknown
}
type Job = {
    name?: string
    needs?: string | string[]
    if?: string
    'runs-on': string
    environment?: string | { name: string }
    env?: Record<string, string>
    steps: Step[]
}
type Workflow = {
    name: string
    on: Record<string, unknown>
    permissions?: Record<string, string>
    jobs: Record<string, Job>
}

const wf = parse(text) as Workflow
const runs = (job: Job) => job.steps.filter((s) => s.run).map((s) => s.run!.trim())
const indexOfRun = (job: Job, cmd: string) => runs(job).findIndex((r) => r === cmd)

/** Evaluates the small subset of GitHub expressions the job conditions use (==, &&, ||, !=, string literals). */
function evaluateIf(expr: string, ctx: { event_name: string; ref: string }): boolean {
    const js = expr
        .replace(/\$\{\{|\}\}/g, '')
        .replace(/github\.event_name/g, JSON.stringify(ctx.event_name))
        .replace(/github\.ref/g, JSON.stringify(ctx.ref))
        .replace(/'([^']*)'/g, (_, s: string) => JSON.stringify(s))
        .replace(/==/g, '===')
        .replace(/!=(?!=)/g, '!==')
    if (!/^[\s"a-zA-Z0-9_/\-.!=&|()]*$/.test(js)) throw new Error(`unsupported expression: ${expr}`)
    return Boolean(new Function(`return (${js})`)())
}

describe('.github/workflows/ci.yml', () => {
    test('is valid YAML and a structurally valid workflow', () => {
        const doc = parseDocument(text)
        expect(doc.errors).toEqual([])
        expect(doc.warnings).toEqual([])
        expect(typeof wf.name).toBe('string')
        expect(Object.keys(wf.jobs).sort()).toEqual(['build', 'deploy-dev'])
        expect(wf.permissions).toEqual({ contents: 'read' })
        for (const [id, job] of Object.entries(wf.jobs)) {
            expect({ id, runsOn: job['runs-on'] }).toEqual({ id, runsOn: 'ubuntu-latest' })
            expect(job.steps.length).toBeGreaterThan(0)
            for (const step of job.steps) {
                // each step does exactly one thing: run a command or use an action
                expect({ id, step: step.name, kinds: [step.run, step.uses].filter(Boolean).length }).toEqual({
                    id,
                    step: step.name,
                    kinds: 1,
                })
                expect(step['continue-on-error']).toBeUndefined()
                if (step.uses)
                    expect(step.uses).toMatch(/^actions\/(checkout|setup-node|upload-artifact|download-artifact)@v4$/)
            }
        }
        // Every ${{ }} expression is closed and only reads github/secrets/vars contexts.
        const expressions = [...text.matchAll(/\$\{\{([^}]*)\}\}/g)].map((m) => m[1])
        expect(expressions.length).toBeGreaterThan(5)
        expect((text.match(/\$\{\{/g) ?? []).length).toBe(expressions.length)
        for (const e of expressions) expect(e).toMatch(/^\s*(github|secrets|vars)\.[A-Za-z_.]+[^$]*$/)
    })

    test('runs on pull requests and on pushes', () => {
        expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['pull_request', 'push']))
    })

    test('build job: Node 20 with npm cache, npm ci, lint, format check, test, build --frozenKeys, pack, zip artifact, no secrets', () => {
        const job = wf.jobs.build
        const setupNode = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))
        expect(setupNode?.with).toMatchObject({ 'node-version': 20, cache: 'npm' })
        const order = [
            'npm ci --no-audit --no-fund',
            'npm run lint',
            'npm run format:check',
            'npm run typecheck',
            'npm test',
            'npx now-sdk build --frozenKeys',
            'npx now-sdk pack',
        ].map((c) => indexOfRun(job, c))
        expect(order.every((i) => i >= 0)).toBe(true)
        expect([...order].sort((a, b) => a - b)).toEqual(order)
        const upload = job.steps.find(
            (s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === 'target/*.zip'
        )
        expect(upload?.with).toMatchObject({ 'if-no-files-found': 'error' })
        expect(job.steps.indexOf(upload!)).toBeGreaterThan(job.steps.findIndex((s) => s.run === 'npx now-sdk pack'))
        expect(JSON.stringify(job)).not.toContain('secrets.')
        expect(job.if).toBeUndefined()
    })

    test('deploy job: only for pushes to main, after build, in environment "dev"', () => {
        const job = wf.jobs['deploy-dev']
        expect(job.needs).toBe('build')
        expect(typeof job.environment === 'string' ? job.environment : job.environment?.name).toBe('dev')
        const cond = job.if ?? ''
        expect(evaluateIf(cond, { event_name: 'push', ref: 'refs/heads/main' })).toBe(true)
        expect(evaluateIf(cond, { event_name: 'push', ref: 'refs/heads/feature/x' })).toBe(false)
        expect(evaluateIf(cond, { event_name: 'pull_request', ref: 'refs/heads/main' })).toBe(false)
        expect(evaluateIf(cond, { event_name: 'pull_request', ref: 'refs/pull/7/merge' })).toBe(false)
        expect(evaluateIf(cond, { event_name: 'workflow_dispatch', ref: 'refs/heads/main' })).toBe(false)
    })

    test('deploy job: CI-mode env from secrets, auth type from a repository variable (basic or oauth)', () => {
        const env = wf.jobs['deploy-dev'].env ?? {}
        expect(env).toEqual({
            SN_SDK_NODE_ENV: 'SN_SDK_CI_INSTALL',
            SN_SDK_AUTH_TYPE: "${{ vars.SN_SDK_AUTH_TYPE || 'basic' }}",
            SN_SDK_INSTANCE_URL: '${{ secrets.SN_SDK_INSTANCE_URL }}',
            SN_SDK_USER: '${{ secrets.SN_SDK_USER }}',
            SN_SDK_USER_PWD: '${{ secrets.SN_SDK_USER_PWD }}',
            SN_SDK_OAUTH_CLIENT_ID: '${{ secrets.SN_SDK_OAUTH_CLIENT_ID }}',
            SN_SDK_OAUTH_CLIENT_SECRET: '${{ secrets.SN_SDK_OAUTH_CLIENT_SECRET }}',
        })
    })

    test('deploy job: npm ci, then npm run deploy, then the ATF suite run that fails the job on failing tests', () => {
        const job = wf.jobs['deploy-dev']
        const ci = indexOfRun(job, 'npm ci --no-audit --no-fund')
        const deploy = indexOfRun(job, 'npm run deploy')
        const atf = indexOfRun(job, 'node scripts/run-atf.mjs')
        expect(ci).toBeGreaterThanOrEqual(0)
        expect(deploy).toBeGreaterThan(ci)
        expect(atf).toBeGreaterThan(deploy)
        expect(job.steps.find((s) => s.run === 'node scripts/run-atf.mjs')?.env?.ATF_SUITE_NAME).toBe(
            'Jira Cloud Connect: post-install'
        )
        // The build output it deploys is the one the build job tested.
        const download = job.steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact@'))
        expect(download).toBeGreaterThan(-1)
        expect(download).toBeLessThan(job.steps.findIndex((s) => s.run === 'npm run deploy'))
        const uploadedDist = wf.jobs.build.steps.find(
            (s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path === 'dist/app/'
        )
        expect(job.steps[download].with?.name).toBe(uploadedDist?.with?.name)
    })

    test('build job: the browser tests run with the Chromium that npm ci installs, nothing overrides or skips it', () => {
        const job = wf.jobs.build
        // ubuntu-latest is x86_64 Linux: harness/support/browser.cjs uses the Chromium inside @sparticuz/chromium there.
        expect(job['runs-on']).toBe('ubuntu-latest')
        const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
            devDependencies: Record<string, string>
        }
        expect(pkg.devDependencies['@sparticuz/chromium']).toBeDefined()
        expect(indexOfRun(job, 'npm test')).toBeGreaterThan(indexOfRun(job, 'npm ci --no-audit --no-fund'))
        // No CHROMIUM_PATH (which would replace the bundled browser) and no CI override (GitHub sets CI=true, which
        // makes jest's global setup build with --frozenKeys); no step skips or tolerates failing tests.
        const envs = [wf as unknown as { env?: Record<string, string> }, job, ...job.steps].map((s) =>
            JSON.stringify(s.env ?? {})
        )
        for (const env of envs) expect(env).not.toMatch(/CHROMIUM_PATH|JCC_CHROMIUM|"CI"|JCC_REUSE_BUILD/)
        expect(
            runs(job).filter((r) => /--passWithNoTests|--testPathIgnorePatterns|-t |--testNamePattern/.test(r))
        ).toEqual([])
    })

    test('the commands it runs exist: package.json scripts and scripts/run-atf.mjs', () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
            scripts: Record<string, string>
        }
        expect(pkg.scripts).toMatchObject({
            lint: expect.stringContaining('eslint'),
            'format:check': expect.stringMatching(/^prettier --check /),
            test: 'jest',
            deploy: 'node scripts/deploy.mjs',
        })
        // npm run deploy is the real `now-sdk install` behind a wrapper that only adds a failure diagnosis
        expect(fs.readFileSync(path.join(root, 'scripts/deploy.mjs'), 'utf8')).toMatch(
            /spawn\(cli, \['install', \.\.\.process\.argv\.slice\(2\)\]/
        )
        expect(fs.existsSync(path.join(root, 'scripts/run-atf.mjs'))).toBe(true)
        expect(text).toMatch(/application repository/i)
    })
})
