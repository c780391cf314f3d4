import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeTransports } from '../../../../../src/core/ai/http/transport'
import { CONTINUE_INSTRUCTION, type CompletionRequest } from '../../../../../src/core/ai/provider'
import type { CloudProviderConfig } from '../../../../../src/core/ai/providers/cloudProviderConfig'
import { AnthropicProvider } from '../../../../../src/core/ai/providers/anthropic'
import { startFakeCloud, UNRESOLVABLE_BASE_URL, type FakeCloud, type Fault } from '../../../../fixtures/fakeCloud'
import { startSilentTlsServer, type SilentTlsServer } from '../http/silentTlsServer'
import { runStream } from './runStream'
import { startScriptedSseServer } from './scriptedSseServer'

const API_KEY = 'sk-ant-test-0123456789abcdef'
const ANSWER = 'The council approved the budget late on Tuesday after a long debate.'
const REQUEST: CompletionRequest = {
  messages: [
    { role: 'system', content: 'You are a careful copy editor.' },
    { role: 'user', content: 'Summarize the meeting.' }
  ],
  maxTokens: 500
}

let cloud: FakeCloud
let silentTls: SilentTlsServer

beforeAll(async () => {
  cloud = await startFakeCloud({ apiKey: API_KEY, answer: ANSWER })
  silentTls = await startSilentTlsServer()
})

afterEach(async () => {
  await cloud.setFault({ type: 'none' })
  cloud.resetCounters()
})

afterAll(async () => {
  await closeTransports()
  await Promise.all([cloud.close(), silentTls.close()])
})

function provider(overrides: Partial<CloudProviderConfig> = {}): AnthropicProvider {
  return new AnthropicProvider({ id: 'fake-anthropic', label: 'Fake Claude', baseUrl: cloud.anthropicBaseUrl, apiKey: API_KEY, model: 'fake-model', ...overrides })
}

describe('AnthropicProvider', () => {
  it('streams the whole answer and reports its token usage', async () => {
    const usages: unknown[] = []
    const outcome = await runStream(provider(), REQUEST, { onUsage: (usage) => usages.push(usage) })
    expect(outcome.error).toBeUndefined()
    expect(outcome.text).toBe(ANSWER)
    expect(outcome.tokens.length).toBeGreaterThan(1)
    // The fake counts a token per word of the messages (the system prompt is not one) and per streamed token.
    expect(usages).toEqual([{ inputTokens: 3, outputTokens: outcome.tokens.length }])
  })

  it('sends the system prompt as system and the rest as messages', async () => {
    await runStream(provider(), { ...REQUEST, temperature: 0.2 })
    expect(cloud.requests[0]?.body).toEqual({
      model: 'fake-model',
      max_tokens: 500,
      stream: true,
      system: 'You are a careful copy editor.',
      messages: [{ role: 'user', content: 'Summarize the meeting.' }],
      temperature: 0.2
    })
  })

  it('continues a cut answer from the partial answer it is given', async () => {
    const partial = 'The council approved the budget '
    const continuation: CompletionRequest = {
      ...REQUEST,
      messages: [...REQUEST.messages, { role: 'assistant', content: partial }, { role: 'user', content: CONTINUE_INSTRUCTION }]
    }
    const outcome = await runStream(provider(), continuation)
    expect(partial + outcome.text).toBe(ANSWER)
  })

  it('refuses to start without an API key, before any request', async () => {
    const { error } = await runStream(provider({ apiKey: undefined }), REQUEST)
    expect(error).toMatchObject({ kind: 'config', message: 'No API key is set for Fake Claude. Add it in Settings → AI providers.' })
    expect(cloud.requests).toHaveLength(0)
  })

  it.each<[string, string, Fault, number | undefined]>([
    ['a refused connection', 'network', { type: 'refuse' }, undefined],
    ['a server error', 'server', { type: 'status', status: 503 }, 503],
    ['a refused key', 'config', { type: 'unauthorized' }, 401],
    ['an unknown model', 'config', { type: 'status', status: 404 }, 404],
    ['a refused request', 'rejected', { type: 'status', status: 400 }, 400],
    ['broken stream JSON', 'malformed', { type: 'malformed-sse' }, undefined],
    ['a stream cut mid-answer', 'cut', { type: 'cut', afterTokens: 3 }, undefined]
  ])('maps %s to %s', async (_name, kind, fault, status) => {
    await cloud.setFault(fault)
    const outcome = await runStream(provider(), REQUEST)
    expect(outcome.error?.kind).toBe(kind)
    expect(outcome.error?.details.status).toBe(status)
    expect(outcome.elapsedMs).toBeLessThan(1000)
    expect(outcome.error?.message).not.toContain(API_KEY)
    expect(String(outcome.error?.details.cause)).not.toContain(API_KEY)
  })

  it('maps a stream that ends cleanly but without message_stop to cut', async () => {
    const event = (type: string, data: object) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`
    const server = await startScriptedSseServer(
      event('message_start', { message: { id: 'm', type: 'message', role: 'assistant', model: 'fake-model', content: [], usage: { input_tokens: 3, output_tokens: 0 } } }) +
        event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }) +
        event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'The council' } })
    )
    const outcome = await runStream(provider({ baseUrl: server.url }), REQUEST)
    await server.close()
    expect(outcome.text).toBe('The council')
    expect(outcome.error?.kind).toBe('cut')
  })

  it('keeps the tokens that arrived before a cut', async () => {
    await cloud.setFault({ type: 'cut', afterTokens: 3 })
    const outcome = await runStream(provider(), REQUEST)
    expect(outcome.tokens).toHaveLength(3)
    expect(ANSWER.startsWith(outcome.text)).toBe(true)
  })

  it('tells the user what to fix when the key is refused or the model is unknown', async () => {
    await cloud.setFault({ type: 'unauthorized' }, { times: 1 })
    expect((await runStream(provider(), REQUEST)).error?.message).toBe('The API key for Fake Claude was refused. Check it in Settings → AI providers.')
    await cloud.setFault({ type: 'status', status: 404 }, { times: 1 })
    expect((await runStream(provider(), REQUEST)).error?.message).toContain(`The model "fake-model" was not found at ${cloud.anthropicBaseUrl}.`)
  })

  it('maps a rate limit to rate-limited with the wait the server asked for', async () => {
    await cloud.setFault({ type: 'rate-limit', retryAfterSeconds: 3 })
    const { error } = await runStream(provider(), REQUEST)
    expect(error).toMatchObject({ kind: 'rate-limited', details: { status: 429, retryAfterMs: 3000 } })
  })

  it('maps a host that does not resolve to network', async () => {
    const { error } = await runStream(provider({ baseUrl: UNRESOLVABLE_BASE_URL }), REQUEST)
    expect(error?.kind).toBe('network')
    // EAI_AGAIN where no DNS server answers (the loopback-only namespace the unit tests run in).
    expect(error?.message).toMatch(/\((ENOTFOUND|EAI_AGAIN)\)/)
  })

  it('maps a TLS handshake that never completes to timeout after the connect timeout', async () => {
    const outcome = await runStream(provider({ baseUrl: silentTls.url }), REQUEST, { connectTimeoutMs: 200 })
    expect(outcome.error?.kind).toBe('timeout')
    expect(outcome.elapsedMs).toBeLessThan(2000)
  })

  it.each<[string, Fault]>([
    ['before the headers', { type: 'hang-before-headers' }],
    ['in the middle of the answer', { type: 'hang-after', tokens: 2 }]
  ])('stops promptly with aborted when the signal aborts %s', async (_name, fault) => {
    await cloud.setFault(fault)
    const outcome = await runStream(provider(), REQUEST, { signal: AbortSignal.timeout(150) })
    expect(outcome.error?.kind).toBe('aborted')
    expect(outcome.elapsedMs).toBeLessThan(500)
  })

  it('does not report usage for an answer that did not finish', async () => {
    await cloud.setFault({ type: 'cut', afterTokens: 2 })
    const usages: unknown[] = []
    await runStream(provider(), REQUEST, { onUsage: (usage) => usages.push(usage) })
    expect(usages).toEqual([])
  })
})
