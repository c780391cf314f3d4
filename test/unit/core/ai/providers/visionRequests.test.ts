import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeTransports } from '../../../../../src/core/ai/http/transport'
import type { CompletionRequest } from '../../../../../src/core/ai/provider'
import { AnthropicProvider } from '../../../../../src/core/ai/providers/anthropic'
import type { CloudProviderConfig } from '../../../../../src/core/ai/providers/cloudProviderConfig'
import { LocalProvider } from '../../../../../src/core/ai/providers/localProvider'
import { OpenAICompatibleProvider } from '../../../../../src/core/ai/providers/openaiCompatible'
import { RulesProvider } from '../../../../../src/core/ai/rules/rulesProvider'
import type { InferenceHost } from '../../../../../src/core/models/inference/inferenceHost'
import { startFakeCloud, type FakeCloud } from '../../../../fixtures/fakeCloud'
import { pngImage } from '../../../../support/images'
import { runStream } from './runStream'

// A request with an image on the wire: the exact JSON each vision-capable provider sends (the fake
// cloud records it and decodes the image), and the fast refusal of every provider that cannot see.

const API_KEY = 'sk-test-vision-0123456789abcdef'
const ANSWER = 'A dark harbour at night.'
const PNG = pngImage(4, 3, [15, 20, 40])
const BASE64 = Buffer.from(PNG).toString('base64')
const REQUEST: CompletionRequest = {
  messages: [
    { role: 'system', content: 'You write alt text.' },
    { role: 'user', content: 'Describe this image in one sentence.' }
  ],
  maxTokens: 120,
  temperature: 0.2,
  image: { mime: 'image/png', bytes: PNG }
}

let cloud: FakeCloud

beforeAll(async () => {
  cloud = await startFakeCloud({ apiKey: API_KEY, answer: ANSWER })
})

afterEach(() => {
  cloud.resetCounters()
})

afterAll(async () => {
  await closeTransports()
  await cloud.close()
})

function settings(overrides: Partial<CloudProviderConfig>): CloudProviderConfig {
  return { id: 'vision', label: 'Vision Cloud', baseUrl: cloud.openaiBaseUrl, apiKey: API_KEY, model: 'vision-model', vision: true, ...overrides }
}

describe('a request with an image', () => {
  it('goes to an OpenAI-compatible vision model as a text part and an image_url part holding a data: URL', async () => {
    const outcome = await runStream(new OpenAICompatibleProvider(settings({})), REQUEST)
    expect(outcome.error).toBeUndefined()
    expect(outcome.text).toBe(ANSWER)
    const [request] = cloud.requests
    expect(request?.body).toEqual({
      model: 'vision-model',
      messages: [
        { role: 'system', content: 'You write alt text.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe this image in one sentence.' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${BASE64}` } }
          ]
        }
      ],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 120,
      temperature: 0.2
    })
    expect(request?.images).toEqual([{ message: 1, mime: 'image/png', bytes: Buffer.from(PNG) }])
  })

  it('goes to an Anthropic vision model as a base64 image block before the text, the system prompt apart', async () => {
    const outcome = await runStream(new AnthropicProvider(settings({ baseUrl: cloud.anthropicBaseUrl })), REQUEST)
    expect(outcome.error).toBeUndefined()
    expect(outcome.text).toBe(ANSWER)
    const [request] = cloud.requests
    expect(request?.body).toEqual({
      model: 'vision-model',
      max_tokens: 120,
      stream: true,
      system: 'You write alt text.',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: BASE64 } },
            { type: 'text', text: 'Describe this image in one sentence.' }
          ]
        }
      ],
      temperature: 0.2
    })
    expect(request?.images).toEqual([{ message: 0, mime: 'image/png', bytes: Buffer.from(PNG) }])
  })

  it('goes with the last user message only; earlier turns stay plain text', async () => {
    const conversation: CompletionRequest = {
      ...REQUEST,
      messages: [
        { role: 'user', content: 'First.' },
        { role: 'assistant', content: 'Noted.' },
        { role: 'user', content: 'Now this image.' }
      ]
    }
    await runStream(new OpenAICompatibleProvider(settings({})), conversation)
    const messages = cloud.requests[0]?.body.messages as { content: unknown }[]
    expect(messages.map((message) => typeof message.content)).toEqual(['string', 'string', 'object'])
  })

  it('is refused at once, with nothing sent, by a cloud provider not marked as a vision model', async () => {
    for (const provider of [
      new OpenAICompatibleProvider(settings({ vision: undefined })),
      new AnthropicProvider(settings({ baseUrl: cloud.anthropicBaseUrl, vision: false }))
    ]) {
      const outcome = await runStream(provider, REQUEST)
      expect(outcome.error?.kind).toBe('unsupported')
      expect(outcome.error?.message).toBe('Vision Cloud cannot see images.')
      expect(outcome.error?.details.unsent).toBe(true)
    }
    expect(cloud.connections).toBe(0)
    expect(cloud.requests).toHaveLength(0)
  })

  it('is refused at once by the local text model and the rule-based help', async () => {
    const host = { stream: () => Promise.reject(new Error('the local model must not be asked')) } as unknown as InferenceHost
    const local = await runStream(new LocalProvider({ host, modelId: 'holdfast/tiny-text' }), REQUEST)
    expect(local.error).toMatchObject({ kind: 'unsupported', message: 'The local text model cannot see images.' })
    const rules = await runStream(new RulesProvider(), REQUEST)
    expect(rules.error).toMatchObject({ kind: 'unsupported', message: 'The rule-based help cannot see images.' })
  })

  it('a plain request to a vision model stays a plain string message', async () => {
    const plain: CompletionRequest = { ...REQUEST, image: undefined }
    await runStream(new OpenAICompatibleProvider(settings({})), plain)
    expect(cloud.requests[0]?.body.messages).toEqual(plain.messages)
    expect(cloud.requests[0]?.images).toEqual([])
  })
})
