import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
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
  const app = await packageLinuxApp(workDir)
  project.provide('packagedApp', app)
  const mb = async (path: string): Promise<string> => ((await bytesIn(path)) / 1e6).toFixed(0)
  console.log(
    `Packaged the Linux x64 app in ${((Date.now() - started) / 1000).toFixed(1)} s (${workDir}): ` +
      `app.asar ${await mb(app.asarPath)} MB, unpacked beside it ${await mb(`${app.asarPath}.unpacked`)} MB.`
  )
  return () => rm(workDir, { recursive: true, force: true })
}

async function bytesIn(path: string): Promise<number> {
  const info = await stat(path)
  if (!info.isDirectory()) return info.size
  const sizes = await Promise.all((await readdir(path)).map((name) => bytesIn(join(path, name))))
  return sizes.reduce((sum, size) => sum + size, 0)
}
