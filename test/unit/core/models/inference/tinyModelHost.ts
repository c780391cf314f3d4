import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach } from 'vitest'
import { isProviderError, type ProviderError } from '../../../../../src/core/ai/provider'
import { InferenceHost, type GenerateRequest, type InferenceHostOptions } from '../../../../../src/core/models/inference/inferenceHost'

/**
 * The real worker when `npm run build` has made it; otherwise (or with HOLDFAST_INLINE_INFERENCE=1)
 * the same engine in-process.
 */
const BUILT_WORKER = resolve('out/main/inference-worker.js')
export const workerScript = existsSync(BUILT_WORKER) && process.env.HOLDFAST_INLINE_INFERENCE !== '1' ? BUILT_WORKER : undefined
export const MODE = workerScript ? 'the built worker thread' : 'the in-process engine (no build)'

/** Hosts made with this are closed after each test. */
export function useHosts(): (options: Omit<InferenceHostOptions, 'workerScript'>) => InferenceHost {
  const hosts: InferenceHost[] = []
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((host) => host.close()))
  })
  return (options) => {
    const host = new InferenceHost({ workerScript, ...options })
    hosts.push(host)
    return host
  }
}

export function request(modelId: string, overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    modelId,
    messages: [
      { role: 'system', content: 'You are the writing assistant.' },
      { role: 'user', content: 'Continue the text.' }
    ],
    maxTokens: 200,
    ...overrides
  }
}

export interface Collected {
  deltas: string[]
  text: string
  error: ProviderError | undefined
  /** performance.now() of each delta. */
  times: number[]
}

export async function collect(stream: AsyncIterable<string>, onDelta?: (text: string) => void): Promise<Collected> {
  const deltas: string[] = []
  const times: number[] = []
  let error: ProviderError | undefined
  try {
    for await (const delta of stream) {
      deltas.push(delta)
      times.push(performance.now())
      onDelta?.(delta)
    }
  } catch (thrown) {
    if (!isProviderError(thrown)) throw thrown
    error = thrown
  }
  return { deltas, text: deltas.join(''), error, times }
}
