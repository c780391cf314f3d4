import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { HeadlessLauncher, type HeadlessInstance } from '../../test/e2e/fixtures/headless'

// Headless mode (the built `out/main/headless.js`, its own process) for benchmarks.

const BUILT = ['out/main/headless.js', 'out/main/inference-worker.js', 'out/renderer/index.html'].map((file) => resolve(import.meta.dirname, '../..', file))

/** The instrumented inference worker (see timedInferenceWorker.js). */
export const TIMED_INFERENCE_WORKER = resolve(import.meta.dirname, 'timedInferenceWorker.js')

export function requireBuild(): void {
  const missing = BUILT.filter((file) => !existsSync(file))
  if (missing.length > 0) throw new Error(`Run "npm run build" first: ${missing.join(', ')} not found.`)
}

/** An empty folder under bench/.data. */
export function freshBenchDir(name: string): string {
  const dir = resolve(import.meta.dirname, '../.data', name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Runs `use` against one headless instance and always stops it. */
export async function withHeadless<T>(dataDir: string, args: readonly string[], use: (instance: HeadlessInstance) => Promise<T>): Promise<T> {
  const launcher = new HeadlessLauncher()
  try {
    return await use(await launcher.launch(dataDir, args))
  } finally {
    await launcher.stopAll()
  }
}
