import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

// The GitHub Actions workflows cannot run here: these tests read them for what they promise.
// installers.yml builds; ci.yml and release.yml call it.

const REPO_ROOT = resolve(import.meta.dirname, '../../..')

const Step = z.looseObject({
  name: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  if: z.string().optional(),
  env: z.record(z.string(), z.unknown()).optional(),
  with: z.record(z.string(), z.unknown()).optional()
})
type Step = z.infer<typeof Step>

const Job = z.looseObject({
  uses: z.string().optional(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  with: z.record(z.string(), z.unknown()).optional(),
  secrets: z.record(z.string(), z.string()).optional(),
  permissions: z.record(z.string(), z.string()).optional(),
  strategy: z.looseObject({ matrix: z.looseObject({ include: z.array(z.record(z.string(), z.string())) }) }).optional(),
  steps: z.array(Step).optional()
})

const Workflow = z.looseObject({
  on: z.record(z.string(), z.unknown()),
  permissions: z.record(z.string(), z.string()),
  concurrency: z.looseObject({ group: z.string(), 'cancel-in-progress': z.boolean() }).optional(),
  jobs: z.record(z.string(), Job)
})

function workflow(name: string): { raw: unknown; parsed: z.infer<typeof Workflow> } {
  const raw = load(readFileSync(join(REPO_ROOT, '.github/workflows', name), 'utf8'))
  return { raw, parsed: Workflow.parse(raw) }
}

const installers = workflow('installers.yml').parsed
const ci = workflow('ci.yml').parsed
const release = workflow('release.yml').parsed
const installersJob = installers.jobs.installers!
const steps = installersJob.steps!
const matrix = installersJob.strategy!.matrix.include

// GitHub-hosted runner labels in service (November 2026) and what they run on. macos-13 and
// macos-14 are retired; macos-15-intel is the last Intel Mac image.
const HOSTED_RUNNERS: Record<string, string> = {
  'macos-15': 'darwin-arm64',
  'macos-15-intel': 'darwin-x64',
  'windows-2025': 'win32-x64',
  'windows-11-arm': 'win32-arm64',
  'ubuntu-24.04': 'linux-x64',
  'ubuntu-24.04-arm': 'linux-arm64'
}
const NODE_PLATFORM: Record<string, string> = { mac: 'darwin', win: 'win32', linux: 'linux' }
const RUNNER_OS = { mac: 'macOS', win: 'Windows', linux: 'Linux' } as const
type RunnerOs = (typeof RUNNER_OS)[keyof typeof RUNNER_OS]

/** Whether a step runs on a runner of this OS; only `runner.os == / != '<OS>'` conditions are used. */
function runsOn(step: Step, os: RunnerOs): boolean {
  if (step.if === undefined) return true
  const condition = /^runner\.os (==|!=) '(Linux|macOS|Windows)'$/.exec(step.if)
  if (!condition) throw new Error(`A condition this test cannot read: ${step.if}`)
  return (condition[2] === os) === (condition[1] === '==')
}

const STAGES: [string, (step: Step) => boolean][] = [
  ['checkout', (step) => step.uses?.startsWith('actions/checkout@') === true],
  ['Node 22', (step) => step.uses?.startsWith('actions/setup-node@') === true && String(step.with?.['node-version']) === '22'],
  ['install', (step) => step.run === 'npm ci'],
  ['lint', (step) => step.run === 'npm run lint'],
  ['typecheck', (step) => step.run === 'npm run typecheck'],
  ['build', (step) => step.run === 'npm run build'],
  ['unit tests', (step) => step.run === 'npm run test:unit' || step.run?.startsWith('npx vitest run') === true],
  ['installers', (step) => step.run?.includes('npx electron-builder --publish never') === true],
  ['Electron tests', (step) => step.run?.includes('npx playwright test --project electron') === true],
  ['upload', (step) => step.uses?.startsWith('actions/upload-artifact@') === true]
]

const stagesOn = (os: RunnerOs): string[] =>
  steps.filter((step) => runsOn(step, os)).flatMap((step) => STAGES.filter(([, matches]) => matches(step)).map(([stage]) => stage))

const stepOn = (os: RunnerOs, stage: string): Step => {
  const matches = STAGES.find(([name]) => name === stage)![1]
  return steps.find((step) => runsOn(step, os) && matches(step))!
}

describe('installers.yml', () => {
  it('builds natively on macOS, Windows and Linux, each on x64 and arm64', () => {
    const builds = matrix.map((entry) => `${NODE_PLATFORM[entry.platform!]}-${entry.arch}`)
    expect(builds.sort()).toEqual(['darwin-arm64', 'darwin-x64', 'linux-arm64', 'linux-x64', 'win32-arm64', 'win32-x64'])
    for (const entry of matrix) expect(HOSTED_RUNNERS[entry.runner!], entry.runner).toBe(`${NODE_PLATFORM[entry.platform!]}-${entry.arch}`)
  })

  it.each(Object.values(RUNNER_OS))('on %s: checks and unit-tests, then packages, tests the packaged app and uploads', (os) => {
    expect(stagesOn(os)).toEqual(STAGES.map(([stage]) => stage))
    const platform = Object.entries(RUNNER_OS).find(([, name]) => name === os)![0]
    expect(stepOn(os, 'installers').run).toContain(`--${platform} \${{ matrix.targets }} --\${{ matrix.arch }}`)
    expect(stepOn(os, 'Electron tests').env).toEqual({ HOLDFAST_ELECTRON_APP: '${{ matrix.app }}' })
  })

  it('runs the Electron tests on Linux on a virtual display', () => {
    expect(stepOn('Linux', 'Electron tests').run).toMatch(/^xvfb-run /)
  })

  it('points the Electron tests at the executable electron-builder leaves in dist/', () => {
    const executables: Record<string, string> = { mac: 'Holdfast.app/Contents/MacOS/Holdfast', win: 'Holdfast.exe', linux: 'holdfast' }
    for (const { platform, arch, app } of matrix) {
      // electron-builder names x64 folders without the architecture; Windows and Linux add -unpacked.
      const folder = `${platform}${arch === 'x64' ? '' : `-${arch}`}${platform === 'mac' ? '' : '-unpacked'}`
      expect(app).toBe(`dist/${folder}/${executables[platform!]}`)
    }
  })

  it('uploads each build’s installers, blockmaps and update feeds', () => {
    const upload = stepOn('Linux', 'upload').with!
    expect(upload.name).toBe('installers-${{ matrix.platform }}-${{ matrix.arch }}')
    expect(String(upload.path).trim().split('\n')).toEqual(
      ['dmg', 'zip', 'exe', 'AppImage', 'deb', 'blockmap'].map((ext) => `dist/*.${ext}`).concat('dist/latest*.yml', 'dist/beta*.yml', 'dist/alpha*.yml')
    )
    expect(upload['if-no-files-found']).toBe('error')
  })

  it('gives the macOS build Apple’s secrets and the Windows build its certificate, and Linux none', () => {
    expect(Object.keys(stepOn('macOS', 'installers').env!).sort()).toEqual(
      ['APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_ID', 'APPLE_TEAM_ID', 'CSC_KEY_PASSWORD', 'CSC_LINK', 'RELEASE'].sort()
    )
    expect(Object.keys(stepOn('Windows', 'installers').env!).sort()).toEqual(['WIN_CSC_KEY_PASSWORD', 'WIN_CSC_LINK'])
    expect(stepOn('Linux', 'installers').env).toBeUndefined()
    // Forks have no certificate: electron-builder must not search the keychain for one.
    expect(stepOn('macOS', 'installers').run).toContain('export CSC_IDENTITY_AUTO_DISCOVERY=false')
  })
})

describe('ci.yml', () => {
  it('runs installers.yml on every push and pull request, cancelling superseded runs, read-only', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push'])
    expect(ci.permissions).toEqual({ contents: 'read' })
    expect(ci.concurrency).toMatchObject({ 'cancel-in-progress': true, group: expect.stringContaining('github.ref') as unknown })
    expect(Object.values(ci.jobs).map((job) => job.uses)).toEqual(['./.github/workflows/installers.yml'])
  })
})

describe('release.yml', () => {
  const checkVersion = release.jobs.version!.steps!.find((step) => step.run?.includes('package.json'))!

  it('runs on version tags, builds with installers.yml after the version check, then publishes', () => {
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } })
    expect(release.jobs.installers).toMatchObject({ needs: 'version', uses: './.github/workflows/installers.yml', with: { release: true } })
    expect(release.jobs.publish!.needs).toBe('installers')
  })

  it('lets only the publishing job write to the repository', () => {
    expect(release.permissions).toEqual({ contents: 'read' })
    expect(Object.entries(release.jobs).filter(([, job]) => job.permissions !== undefined)).toEqual([
      ['publish', expect.objectContaining({ permissions: { contents: 'write' } }) as unknown]
    ])
  })

  it('publishes every runner’s installers with one update feed per name', () => {
    const runs = release.jobs.publish!.steps!.map((step) => step.run ?? step.uses)
    expect(runs).toEqual(
      expect.arrayContaining([
        'actions/download-artifact@v4',
        'npx tsx scripts/releaseAssets.ts artifacts release',
        expect.stringContaining('gh release create "$GITHUB_REF_NAME" release/*') as unknown
      ])
    )
  })

  // The check is a bash script; Windows runners do not reliably have bash on the PATH.
  it.skipIf(process.platform === 'win32')('refuses a tag that is not v + package.json’s version', () => {
    const { version } = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')))
    const check = (tag: string): number | null =>
      spawnSync('bash', ['-e', '-c', checkVersion.run!], { cwd: REPO_ROOT, env: { ...process.env, GITHUB_REF_NAME: tag }, stdio: 'pipe' }).status
    expect(check(`v${version}`)).toBe(0)
    expect(check(`v${version}.1`)).toBe(1)
    expect(check(version)).toBe(1)
  })
})

describe('all workflows', () => {
  const all = Object.fromEntries(['installers.yml', 'ci.yml', 'release.yml'].map((name) => [name, workflow(name).raw]))

  /** Every string in the workflow that mentions a secret, with where it is. */
  function secretUses(node: unknown, path: string[] = []): { path: string[]; text: string }[] {
    if (typeof node === 'string') return node.includes('secrets.') ? [{ path, text: node }] : []
    if (Array.isArray(node)) return node.flatMap((item, index) => secretUses(item, [...path, String(index)]))
    if (node !== null && typeof node === 'object') return Object.entries(node).flatMap(([key, value]) => secretUses(value, [...path, key]))
    return []
  }

  it.each(Object.keys(all))('%s: a secret goes only into a step’s env or to installers.yml, under its own name', (name) => {
    for (const { path, text } of secretUses(all[name])) {
      const stepEnv = path.length === 6 && path[0] === 'jobs' && path[2] === 'steps' && path[4] === 'env'
      const forwarded = path.length === 4 && path[0] === 'jobs' && path[2] === 'secrets'
      expect(stepEnv || forwarded, path.join('.')).toBe(true)
      // gh reads the workflow's token as GH_TOKEN.
      const secret = path.at(-1) === 'GH_TOKEN' ? 'GITHUB_TOKEN' : path.at(-1)
      expect(text, path.join('.')).toBe(`\${{ secrets.${secret} }}`)
    }
  })

  it.each([
    ['installers.yml', ['Installers (macOS)', 'Installers (Windows)']],
    ['ci.yml', []],
    ['release.yml', ['Publish the release']]
  ])('%s: only the steps that sign or publish get secrets', (name, expected) => {
    const jobs = Workflow.parse(all[name]).jobs
    const stepNames = secretUses(all[name])
      .filter(({ path }) => path[2] === 'steps')
      .map(({ path }) => jobs[path[1]!]!.steps![Number(path[3])]!.name)
    expect([...new Set(stepNames)]).toEqual(expected)
  })

  it.each(Object.keys(all))('%s: uses actions by major version, and its own reusable workflow', (name) => {
    const uses = Object.values(Workflow.parse(all[name]).jobs).flatMap((job) => [job.uses, ...(job.steps ?? []).map((step) => step.uses)])
    for (const action of uses.filter((use) => use !== undefined)) {
      expect(action).toMatch(/^(actions\/(checkout|setup-node|upload-artifact|download-artifact)@v4|\.\/\.github\/workflows\/installers\.yml)$/)
    }
  })
})
