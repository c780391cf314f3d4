import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { closeTransports } from '../../../../../src/core/ai/http/transport'
import { CONTINUE_INSTRUCTION, type CompletionRequest } from '../../../../../src/core/ai/provider'
import type { CloudProviderConfig } from '../../../../../src/core/ai/providers/cloudProviderConfig'
import { OpenAICompatibleProvider } from '../../../../../src/core/ai/providers/openaiCompatible'
import { startFakeCloud, UNRESOLVABLE_BASE_URL, type FakeCloud, type Fault } from '../../../../fixtures/fakeCloud'
import { startSilentTlsServer, type SilentTlsServer } from '../http/silentTlsServer'
import { startTestProxy } from '../http/testProxy'
import { runStream } from './runStream'
import { startScriptedSseServer } from './scriptedSseServer'

const API_KEY = 'sk-test-openai-0123456789abcdef'
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

function provider(overrides: Partial<CloudProviderConfig> = {}): OpenAICompatibleProvider {
  return new OpenAICompatibleProvider({ id: 'fake-openai', label: 'Fake OpenAI', baseUrl: cloud.openaiBaseUrl, apiKey: API_KEY, model: 'fake-model', ...overrides })
}

describe('OpenAICompatibleProvider', () => {
  it('streams the whole answer and reports its token usage', async () => {
    const usages: unknown[] = []
    const outcome = await runStream(provider(), REQUEST, { onUsage: (usage) => usages.push(usage) })
    expect(outcome.error).toBeUndefined()
    expect(outcome.text).toBe(ANSWER)
    expect(outcome.tokens.length).toBeGreaterThan(1)
    // The fake counts a token per word: 9 in the prompt, one per streamed token in the answer.
    expect(usages).toEqual([{ inputTokens: 9, outputTokens: outcome.tokens.length }])
  })

  it('sends a streaming chat request, with JSON mode only when asked', async () => {
    await runStream(provider(), REQUEST)
    await runStream(provider(), { ...REQUEST, json: true, temperature: 0.2 })
    const [plain, json] = cloud.requests
    expect(plain?.body).toMatchObject({ model: 'fake-model', messages: REQUEST.messages, stream: true, stream_options: { include_usage: true }, max_tokens: 500 })
    expect(plain?.body).not.toHaveProperty('response_format')
    expect(plain?.body).not.toHaveProperty('temperature')
    expect(json?.body).toMatchObject({ response_format: { type: 'json_object' }, temperature: 0.2 })
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

  it('sends no Authorization header for a local server without a key', async () => {
    const local = await startFakeCloud({ answer: ANSWER })
    const keyless = provider({ baseUrl: local.openaiBaseUrl, apiKey: undefined })
    expect((await runStream(keyless, REQUEST)).text).toBe(ANSWER)
    await local.close()
    // Against a server that wants a key, the error shows that no Authorization header was sent at all.
    const { error } = await runStream(provider({ apiKey: undefined }), REQUEST)
    expect(error?.kind).toBe('config')
    expect(String(error?.details.cause)).toContain("You didn't provide an API key")
  })

  it('streams through a corporate proxy', async () => {
    const proxy = await startTestProxy()
    // A host that only the proxy can reach, so the answer cannot have come any other way.
    const baseUrl = `http://holdfast-cloud.test:${cloud.port}/v1`
    const outcome = await runStream(provider({ baseUrl, network: { proxyUrl: proxy.url } }), REQUEST)
    await proxy.close()
    expect(outcome.text).toBe(ANSWER)
    expect(proxy.forwarded).toEqual([`${baseUrl}/chat/completions`])
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

  it('maps a stream that ends cleanly but without a finish_reason to cut', async () => {
    const chunk = { id: 'c', object: 'chat.completion.chunk', created: 0, model: 'fake-model', choices: [{ index: 0, delta: { content: 'The council' }, finish_reason: null }] }
    const server = await startScriptedSseServer(`data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`)
    const outcome = await runStream(provider({ baseUrl: `${server.url}/v1` }), REQUEST)
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
    expect((await runStream(provider(), REQUEST)).error?.message).toBe('The API key for Fake OpenAI was refused. Check it in Settings → AI providers.')
    await cloud.setFault({ type: 'status', status: 404 }, { times: 1 })
    expect((await runStream(provider(), REQUEST)).error?.message).toContain(`The model "fake-model" was not found at ${cloud.openaiBaseUrl}.`)
  })

  it('maps a rate limit to rate-limited with the wait the server asked for', async () => {
    await cloud.setFault({ type: 'rate-limit', retryAfterSeconds: 3 })
    const { error } = await runStream(provider(), REQUEST)
    expect(error).toMatchObject({ kind: 'rate-limited', details: { status: 429, retryAfterMs: 3000 } })
  })

  it('maps a host that does not resolve to network', async () => {
    const { error } = await runStream(provider({ baseUrl: `${UNRESOLVABLE_BASE_URL}/v1` }), REQUEST)
    expect(error?.kind).toBe('network')
    // EAI_AGAIN where no DNS server answers (the loopback-only namespace the unit tests run in).
    expect(error?.message).toMatch(/\((ENOTFOUND|EAI_AGAIN)\)/)
  })

  it('maps a TLS handshake that never completes to timeout after the connect timeout', async () => {
    const outcome = await runStream(provider({ baseUrl: `${silentTls.url}/v1` }), REQUEST, { connectTimeoutMs: 200 })
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
