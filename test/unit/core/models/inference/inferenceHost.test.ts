import { describe, expect, it } from 'vitest'
import type { GenerationStats, ModelEvent } from '../../../../../src/core/models/inference/inferenceHost'
import { writeTinyTextModel } from '../../../../fixtures/tinyModels'
import { useTempDirs } from '../../../../support/tempDir'
import { collect, MODE, request, useHosts } from './tinyModelHost'
import { noOnnxRuntime } from '../../../../support/onnxRuntime'

const SENTENCE = 'The harbour was quiet that morning and the boats rocked gently against the pier.'
const SLOW_MS = 25
/** 30 words: an uninterrupted generation after the first word takes 29 slow steps (over a second). */
const LONG_SENTENCE = 'Reporters file from courthouses and stadiums and flooded streets, often on a weak signal, and every one of them expects the draft they typed a minute ago to be exactly there.'

describe.skipIf(noOnnxRuntime)(`InferenceHost through ${MODE}`, () => {
  const tempDir = useTempDirs()
  const hostFor = useHosts()

  it('streams exactly the sentence, in several deltas, and reports what it counted', async () => {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyTextModel(modelsDir, { sentence: SENTENCE })
    const host = hostFor({ modelsDir })
    let stats: GenerationStats | undefined
    const started = performance.now()
    const result = await collect(host.stream(request(modelId), { signal: new AbortController().signal, onStats: (s) => (stats = s) }))
    const firstMs = performance.now() - started
    expect(result.error).toBeUndefined()
    expect(result.text).toBe(SENTENCE)
    expect(result.deltas.length).toBeGreaterThan(5)
    expect(stats).toMatchObject({ outputTokens: expect.any(Number) as number, inputTokens: expect.any(Number) as number })
    expect(stats!.outputTokens).toBeGreaterThanOrEqual(result.deltas.length)
    expect(stats!.loadMs).toBeGreaterThan(0)

    // The model stays loaded: the second request does not load it again.
    const again = performance.now()
    const second = await collect(host.stream(request(modelId), { signal: new AbortController().signal, onStats: (s) => (stats = s) }))
    expect(second.text).toBe(SENTENCE)
    expect(stats!.loadMs).toBe(0)
    console.info(`inference (${MODE}): first request ${firstMs.toFixed(0)} ms (start + load), next ${(performance.now() - again).toFixed(0)} ms`)
  })

  it('stops promptly when the signal aborts, and the model is free for the next request at once', async () => {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyTextModel(modelsDir, { sentence: LONG_SENTENCE, slowMs: SLOW_MS })
    const host = hostFor({ modelsDir })
    const controller = new AbortController()
    let abortedAt = 0
    const first = await collect(host.stream(request(modelId), { signal: controller.signal }), () => {
      if (abortedAt === 0) {
        abortedAt = performance.now()
        controller.abort()
      }
    })
    const stoppedMs = performance.now() - abortedAt
    expect(first.error?.kind).toBe('aborted')
    expect(first.deltas).toHaveLength(1)
    expect(stoppedMs).toBeLessThan(50)

    // Had the first generation gone on, the second would wait for its 29 more slow steps.
    const started = performance.now()
    let firstTokenMs = 0
    const second = await collect(host.stream(request(modelId), { signal: new AbortController().signal }), () => {
      firstTokenMs ||= performance.now() - started
    })
    expect(second.text).toBe(LONG_SENTENCE)
    // Measured against this run's own speed (the steps are slower on a busy machine).
    const restMs = second.times.at(-1)! - second.times[0]!
    expect(firstTokenMs).toBeLessThan(restMs / 2)
    console.info(`inference (${MODE}): stream ended ${stoppedMs.toFixed(1)} ms after the abort; the next request's first text after ${firstTokenMs.toFixed(0)} ms, vs ${restMs.toFixed(0)} ms for a whole generation`)
  })

  it('runs two requests to one model one at a time, in the order they came', async () => {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyTextModel(modelsDir, { sentence: SENTENCE, slowMs: 10 })
    const host = hostFor({ modelsDir })
    const signal = new AbortController().signal
    const [a, b] = await Promise.all([collect(host.stream(request(modelId), { signal })), collect(host.stream(request(modelId), { signal }))])
    expect(a.text).toBe(SENTENCE)
    expect(b.text).toBe(SENTENCE)
    expect(b.times[0]).toBeGreaterThan(a.times.at(-1)!)
  })

  it('fails the request in flight with a clear error when the worker dies, then starts a new one', async () => {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyTextModel(modelsDir, { sentence: SENTENCE, slowMs: SLOW_MS })
    const host = hostFor({ modelsDir })
    let killed = false
    const crashed = await collect(host.stream(request(modelId), { signal: new AbortController().signal }), () => {
      if (!killed) {
        killed = true
        void host.kill()
      }
    })
    expect(crashed.error?.kind).toBe('network')
    expect(crashed.error?.message).toMatch(/^The local model engine stopped unexpectedly \(.+\); it starts again with the next request\.$/)
    expect(host.startCount).toBe(1)

    const next = await collect(host.stream(request(modelId), { signal: new AbortController().signal }))
    expect(next.error).toBeUndefined()
    expect(next.text).toBe(SENTENCE)
    expect(host.startCount).toBe(2)
  })

  it('says which model is missing and where to get it', async () => {
    const host = hostFor({ modelsDir: tempDir() })
    const result = await collect(host.stream(request('HuggingFaceTB/SmolLM2-360M-Instruct'), { signal: new AbortController().signal }))
    expect(result.error?.kind).toBe('unsupported')
    expect(result.error?.message).toBe('The local model HuggingFaceTB/SmolLM2-360M-Instruct is not installed. Install it from the model manager or the outage kit.')
  })

  it('refuses a model id that leaves the models folder, without starting anything', async () => {
    const host = hostFor({ modelsDir: tempDir() })
    const result = await collect(host.stream(request('../secrets'), { signal: new AbortController().signal }))
    expect(result.error?.kind).toBe('rejected')
    expect(host.startCount).toBe(0)
  })

  it('unloads a model after its idle period and loads it again when asked', async () => {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyTextModel(modelsDir, { sentence: SENTENCE })
    const host = hostFor({ modelsDir, idleUnloadMs: 100 })
    const events: ModelEvent['state'][] = []
    host.onModelEvent((event) => events.push(event.state))
    const unloaded = new Promise<void>((resolve) => host.onModelEvent((event) => event.state === 'unloaded' && resolve()))
    expect((await collect(host.stream(request(modelId), { signal: new AbortController().signal }))).text).toBe(SENTENCE)
    await unloaded
    expect((await collect(host.stream(request(modelId), { signal: new AbortController().signal }))).text).toBe(SENTENCE)
    expect(events).toEqual(['loaded', 'unloaded', 'loaded'])
  })

  it('unloads a model not in use early when the computer runs short of memory, and keeps it while memory is fine', async () => {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyTextModel(modelsDir, { sentence: SENTENCE })
    let free = 8 * 2 ** 30
    const host = hostFor({ modelsDir, idleUnloadMs: 60_000, memory: { freeBytes: () => free, lowBytes: 2 ** 30, checkEveryMs: 20 } })
    const events: ModelEvent['state'][] = []
    host.onModelEvent((event) => events.push(event.state))
    expect((await collect(host.stream(request(modelId), { signal: new AbortController().signal }))).text).toBe(SENTENCE)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(events).toEqual(['loaded'])

    const unloaded = new Promise<void>((resolve) => host.onModelEvent((event) => event.state === 'unloaded' && resolve()))
    free = 300 * 2 ** 20
    await unloaded
    expect(events).toEqual(['loaded', 'unloaded'])
  })
})
