import { afterEach, describe, expect, it, vi } from 'vitest'
import { isProviderError, type ProviderError } from '../../../../../src/core/ai/provider'
import { InferenceHost } from '../../../../../src/core/models/inference/inferenceHost'
import { pngImage } from '../../../../support/images'
import { useTempDirs } from '../../../../support/tempDir'
import { collect, request } from './tinyModelHost'

// The host where ONNX Runtime cannot run: nothing of it is loaded until a model is used, and
// requests fail with the reason instead of starting (and crashing) the engine again and again.

const REASON = 'ONNX Runtime has no build for macOS on Intel (darwin x64)'

const tempDir = useTempDirs()
const hosts: InferenceHost[] = []
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()))
  vi.doUnmock('../../../../../src/core/models/inference/engine')
})

function hostFor(cannotRun?: string): InferenceHost {
  const host = new InferenceHost({ modelsDir: tempDir(), cannotRun })
  hosts.push(host)
  return host
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!isProviderError(error)) throw new Error('expected a ProviderError')
  return error
}

describe('InferenceHost where local models cannot run', () => {
  it('fails every request at once with the reason, as sent to no model, and starts nothing', async () => {
    const host = hostFor(REASON)
    const signal = new AbortController().signal
    const streamed = await collect(host.stream(request('holdfast/tiny-text'), { signal }))
    const embedded = await failure(host.embed({ modelId: 'holdfast/tiny-embedding', texts: ['storm'] }, signal))
    const captioned = await failure(host.caption({ modelId: 'holdfast/tiny-captioner', image: pngImage(4, 4, [0, 0, 0]) }, signal))
    for (const error of [streamed.error, embedded, captioned]) {
      expect(error).toMatchObject({ kind: 'unsupported', message: `Local models cannot run on this computer: ${REASON}.`, details: { unsent: true } })
    }
    expect(host.cannotRun).toBe(REASON)
    expect(host.startCount).toBe(0)
  })

  it('treats an in-process engine that cannot be loaded as a crash: the request fails, the next one tries again', async () => {
    vi.doMock('../../../../../src/core/models/inference/engine', () => {
      throw new Error("Cannot find module '../bin/napi-v6/darwin/x64/onnxruntime_binding.node'")
    })
    const host = hostFor()
    for (const starts of [1, 2]) {
      const result = await collect(host.stream(request('holdfast/tiny-text'), { signal: new AbortController().signal }))
      expect(result.error?.kind).toBe('network')
      expect(result.error?.message).toMatch(/^The local model engine stopped unexpectedly \(the engine could not be loaded: .+\); it starts again with the next request\.$/)
      expect(host.startCount).toBe(starts)
    }
  })
})
