import { describe, expect, it } from 'vitest'
import { writeTinyEmbeddingModel } from '../../../../fixtures/tinyModels'
import { useTempDirs } from '../../../../support/tempDir'
import { MODE, useHosts } from './tinyModelHost'
import { noOnnxRuntime } from '../../../../support/onnxRuntime'

const WORDS = ['harbour', 'ferry', 'storm', 'budget', 'tax', 'revenue']

function cosine(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, value, i) => sum + value * b[i]!, 0)
}

describe.skipIf(noOnnxRuntime)(`InferenceHost.embed through ${MODE}`, () => {
  const tempDir = useTempDirs()
  const hostFor = useHosts()

  it('gives one normalized vector per text, similar where the words are shared', async () => {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyEmbeddingModel(modelsDir, { words: WORDS })
    const host = hostFor({ modelsDir })
    const signal = new AbortController().signal
    const [ferry, storm, budget] = await host.embed({ modelId, texts: ['The harbour ferry', 'A storm hit the harbour ferry', 'The budget and tax revenue'] }, signal)
    for (const vector of [ferry!, storm!, budget!]) expect(Math.hypot(...vector)).toBeCloseTo(1, 5)
    // Word-count vectors: (harbour, ferry) vs (storm, harbour, ferry) → 2 / (√2·√3).
    expect(cosine(ferry!, storm!)).toBeCloseTo(2 / Math.sqrt(6), 3)
    expect(cosine(ferry!, budget!)).toBeCloseTo(0, 3)
  })

  it('refuses a model that is not installed, and an id outside the models folder', async () => {
    const host = hostFor({ modelsDir: tempDir() })
    const signal = new AbortController().signal
    await expect(host.embed({ modelId: 'nobody/here', texts: ['x'] }, signal)).rejects.toMatchObject({ kind: 'unsupported' })
    await expect(host.embed({ modelId: '../escape', texts: ['x'] }, signal)).rejects.toMatchObject({ kind: 'rejected' })
  })

  it('stops at once when the signal aborts', async () => {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyEmbeddingModel(modelsDir, { words: WORDS })
    const host = hostFor({ modelsDir })
    const controller = new AbortController()
    const pending = host.embed({ modelId, texts: ['storm'] }, controller.signal)
    controller.abort()
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' })
    expect(await host.embed({ modelId, texts: ['storm'] }, new AbortController().signal)).toHaveLength(1)
  })
})
