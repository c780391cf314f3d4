import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { packageLinuxApp, type PackagedApp } from './packageApp'

declare module 'vitest' {
  export interface ProvidedContext {
    packagedApp: PackagedApp
  }
}

/** Packages the app once for every test of the check, and removes it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(join(tmpdir(), 'holdfast-package-'))
  const started = Date.now()
  project.provide('packagedApp', await packageLinuxApp(workDir))
  console.log(`Packaged the Linux x64 app in ${((Date.now() - started) / 1000).toFixed(1)} s (${workDir}).`)
  return () => rm(workDir, { recursive: true, force: true })
}
