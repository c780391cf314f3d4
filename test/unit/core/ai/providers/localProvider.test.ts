import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startCore, type Core } from '../../../../../src/core'
import { closeTransports } from '../../../../../src/core/ai/http/transport'
import { CONTINUE_INSTRUCTION, type CompletionRequest } from '../../../../../src/core/ai/provider'
import { LocalProvider, splitContinuation } from '../../../../../src/core/ai/providers/localProvider'
import { OpenAICompatibleProvider } from '../../../../../src/core/ai/providers/openaiCompatible'
import { continuationRequest, shouldContinue } from '../../../../../src/core/ai/router/continuation'
import type { RouterEvent } from '../../../../../src/core/ai/router/events'
import { AiRouter } from '../../../../../src/core/ai/router/router'
import { RulesProvider } from '../../../../../src/core/ai/rules/rulesProvider'
import { DEFAULT_ROUTER_POLICY, type RouterPolicy } from '../../../../../src/shared/ai/routerPolicy'
import type { ProviderHealth } from '../../../../../src/shared/contracts/ai'
import { startFakeCloud, type FakeCloud } from '../../../../fixtures/fakeCloud'
import { writeTinyTextModel } from '../../../../fixtures/tinyModels'
import { connect, silentLog } from '../../../../support/inProcessCore'
import { useTempDirs } from '../../../../support/tempDir'
import { MODE, useHosts, workerScript } from '../../models/inference/tinyModelHost'
import { runStream } from './runStream'
import { noOnnxRuntime } from '../../../../support/onnxRuntime'

const SENTENCE = 'The council approved the budget late on Tuesday after a long debate about the harbour and its old boats.'
const REQUEST: CompletionRequest = {
  messages: [
    { role: 'system', content: 'You are the writing assistant inside Holdfast.' },
    { role: 'user', content: 'Summarize the meeting.' }
  ],
  maxTokens: 300,
  temperature: 0.7
}

let cloud: FakeCloud
beforeAll(async () => {
  cloud = await startFakeCloud({ answer: SENTENCE })
})
afterAll(async () => {
  await closeTransports()
  await cloud.close()
})

describe.skipIf(noOnnxRuntime)(`LocalProvider through ${MODE}`, () => {
  const tempDir = useTempDirs()
  const hostFor = useHosts()

  async function localProvider(): Promise<LocalProvider> {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyTextModel(modelsDir, { sentence: SENTENCE })
    return new LocalProvider({ host: hostFor({ modelsDir }), modelId })
  }

  it('is the built-in local provider, named after its model', async () => {
    const provider = await localProvider()
    expect(provider).toMatchObject({ id: 'local', kind: 'local', model: 'holdfast/tiny-text' })
    expect(shouldContinue(REQUEST, 'x'.repeat(400), provider, 40)).toBe(true)
  })

  it('warms up in the background: the model is loaded before the first request asks for it', async () => {
    const modelsDir = tempDir()
    const { modelId } = await writeTinyTextModel(modelsDir, { sentence: SENTENCE })
    const host = hostFor({ modelsDir })
    const loaded = new Promise<string>((resolve) => host.onModelEvent((event) => event.state === 'loaded' && resolve(event.modelId)))
    new LocalProvider({ host, modelId }).warmUp()
    expect(await loaded).toBe(modelId)
  })

  it('streams the answer and reports the tokens it counted', async () => {
    const provider = await localProvider()
    let usage: { inputTokens: number; outputTokens: number } | undefined
    const outcome = await runStream(provider, REQUEST, { onUsage: (u) => (usage = u) })
    expect(outcome.error).toBeUndefined()
    expect(outcome.text).toBe(SENTENCE)
    expect(usage?.inputTokens).toBeGreaterThan(0)
    expect(usage?.outputTokens).toBeGreaterThanOrEqual(outcome.tokens.length)
  })

  it('continues a partial answer instead of starting again', async () => {
    const provider = await localProvider()
    for (const partial of ['The council approved the budget', 'The council approved the budget late on ']) {
      const outcome = await runStream(provider, continuationRequest(REQUEST, partial))
      expect(outcome.error).toBeUndefined()
      expect(partial + outcome.text).toBe(SENTENCE)
    }
  })

  it('says which model is missing and where to install it from', async () => {
    const provider = new LocalProvider({ host: hostFor({ modelsDir: tempDir() }), modelId: 'HuggingFaceTB/SmolLM2-360M-Instruct' })
    const outcome = await runStream(provider, REQUEST)
    expect(outcome.error?.kind).toBe('unsupported')
    expect(outcome.error?.message).toBe('The local model HuggingFaceTB/SmolLM2-360M-Instruct is not installed. Install it from the model manager or the outage kit.')
  })

  describe('behind the router', () => {
    const policy: RouterPolicy = { ...DEFAULT_ROUTER_POLICY, continuation: { minPartialTokens: 5 } }

    async function route(): Promise<{ events: RouterEvent[]; text: string }> {
      const openai = new OpenAICompatibleProvider({ id: 'fake-openai', label: 'Fake OpenAI', baseUrl: cloud.openaiBaseUrl, apiKey: 'sk-test', model: 'fake-model' })
      const providers = [openai, await localProvider(), new RulesProvider()]
      const router = new AiRouter({ providers: () => providers, policy: () => policy })
      const events: RouterEvent[] = []
      try {
        for await (const event of router.run('summarize', REQUEST, { signal: new AbortController().signal })) events.push(event)
      } finally {
        router.close()
      }
      const text = events.map((event) => (event.type === 'token' ? event.text : '')).join('')
      return { events, text }
    }

    it('answers from the local model when the cloud refuses connections', async () => {
      await cloud.setFault({ type: 'refuse' })
      try {
        const { events, text } = await route()
        expect(events).toContainEqual(expect.objectContaining({ type: 'switch', from: 'fake-openai', to: 'local', reason: 'network', mode: 'restart' }))
        expect(events.at(-1)).toEqual({ type: 'done', providerId: 'local', model: 'holdfast/tiny-text' })
        expect(text).toBe(SENTENCE)
      } finally {
        await cloud.setFault({ type: 'none' })
      }
    })

    it('continues where the cloud was cut off mid-answer', async () => {
      await cloud.setFault({ type: 'cut', afterTokens: 8 })
      try {
        const { events, text } = await route()
        expect(events).toContainEqual(expect.objectContaining({ type: 'switch', from: 'fake-openai', to: 'local', mode: 'continue' }))
        expect(events.at(-1)).toEqual({ type: 'done', providerId: 'local', model: 'holdfast/tiny-text' })
        expect(text).toBe(SENTENCE)
      } finally {
        await cloud.setFault({ type: 'none' })
      }
    })
  })
})

describe('splitContinuation', () => {
  it('takes the partial answer out as the prefill', () => {
    expect(splitContinuation(continuationRequest(REQUEST, 'The council').messages)).toEqual({ messages: REQUEST.messages, prefill: 'The council' })
  })

  it('leaves other conversations alone', () => {
    expect(splitContinuation(REQUEST.messages)).toEqual({ messages: REQUEST.messages })
    const asked = [...REQUEST.messages, { role: 'assistant' as const, content: 'Done.' }, { role: 'user' as const, content: 'Shorter, please.' }]
    expect(splitContinuation(asked)).toEqual({ messages: asked })
    expect(splitContinuation([{ role: 'user', content: CONTINUE_INSTRUCTION }])).toEqual({ messages: [{ role: 'user', content: CONTINUE_INSTRUCTION }] })
  })
})

describe.skipIf(noOnnxRuntime)(`the core with a local model installed (${MODE})`, () => {
  const tempDir = useTempDirs()
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('puts the local model between the clouds and the rules, and answers with it', async () => {
    const dataDir = tempDir()
    const modelsDir = tempDir()
    await writeTinyTextModel(modelsDir, { sentence: SENTENCE })
    const core: Core = startCore({ dataDir, log: silentLog, modelsDir, inferenceWorker: workerScript })
    cleanups.push(() => core.close())
    const connection = connect(core)
    cleanups.push(() => connection.close())
    const rpc = connection.client

    const controller = new AbortController()
    cleanups.push(() => controller.abort())
    const health = await rpc.ai.health(undefined, { signal: controller.signal })
    let list: ProviderHealth[] = []
    while (!list.some((h) => h.providerId === 'local')) {
      const next = await health.next()
      if (next.done) throw new Error('the health stream ended')
      list = next.value
    }
    expect(list).toEqual([
      { providerId: 'local', label: 'Local model', model: 'holdfast/tiny-text', state: 'local' },
      { providerId: 'rules', label: 'Rule-based help', model: 'rule-based', state: 'local' }
    ])

    const events = []
    for await (const event of await rpc.ai.assist({ request: { action: 'rewrite', text: 'The council met.' }, localOnly: true })) events.push(event)
    expect(events[0]).toEqual({ type: 'attempt', providerId: 'local', model: 'holdfast/tiny-text', label: 'Local model' })
    expect(events.map((event) => (event.type === 'token' ? event.text : '')).join('')).toBe(SENTENCE)
    expect(events.at(-1)).toMatchObject({ type: 'done', providerId: 'local' })
  })
})
