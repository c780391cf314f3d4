import { performance } from 'node:perf_hooks'

/** Runs one part of a benchmark, saying how long it took (each benchmark has a time budget). */
export async function part<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now()
  const result = await run()
  console.log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return result
}
