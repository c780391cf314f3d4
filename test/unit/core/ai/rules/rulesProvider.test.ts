import { describe, expect, it } from 'vitest'
import type { AssistantAction, AssistantRequest } from '../../../../../src/shared/ai/actions'
import { isProviderError, type CompletionRequest } from '../../../../../src/core/ai/provider'
import { RulesProvider } from '../../../../../src/core/ai/rules/rulesProvider'
import { shorten } from '../../../../../src/core/ai/rules/shorten'
import { LONG_TEXT, REMOTE_WORK, WORDY_UPDATE } from './paragraphs'

const request = (assist?: AssistantRequest): CompletionRequest => ({ messages: [], maxTokens: 1000, ...(assist ? { assist } : {}) })

async function collect(assist: AssistantRequest | undefined, signal = new AbortController().signal): Promise<string[]> {
  const chunks: string[] = []
  for await (const chunk of new RulesProvider().stream(request(assist), { signal, connectTimeoutMs: 1000 })) chunks.push(chunk)
  return chunks
}

async function failure(promise: Promise<unknown>): Promise<{ kind: string; message: string }> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason
  )
  if (!isProviderError(error)) throw new Error(`expected a ProviderError, got ${String(error)}`)
  return { kind: error.kind, message: error.message }
}

describe('RulesProvider', () => {
  it('is the rule-based provider', () => {
    const provider = new RulesProvider()
    expect([provider.id, provider.kind, provider.model]).toEqual(['rules', 'rules', 'rule-based'])
  })

  it('streams the answer word by word', async () => {
    const chunks = await collect({ action: 'shorten', text: WORDY_UPDATE })
    expect(chunks.length).toBeGreaterThan(10)
    expect(chunks.join('')).toBe(shorten(WORDY_UPDATE))
  })

  it('answers grammar, summaries and headlines', async () => {
    expect((await collect({ action: 'grammar', text: 'we saw the the results' })).join('')).toBe('We saw the results.')
    expect((await collect({ action: 'summarize', text: REMOTE_WORK, summaryForm: 'bullets' })).join('')).toMatch(/^- Remote work/)
    expect((await collect({ action: 'headlines', text: REMOTE_WORK })).join('').split('\n')).toHaveLength(5)
  })

  it.each<AssistantAction>(['rewrite', 'expand', 'tone', 'continue', 'translate'])('says plainly that %s needs a model', async (action) => {
    const { kind, message } = await failure(collect({ action, text: REMOTE_WORK }))
    expect(kind).toBe('unsupported')
    expect(message).toMatch(/needs an AI model.*Install the local models/)
  })

  it('needs the structured request, and a noun to build headlines on', async () => {
    expect((await failure(collect(undefined))).kind).toBe('unsupported')
    const { kind, message } = await failure(collect({ action: 'headlines', text: 'Go!' }))
    expect(kind).toBe('unsupported')
    expect(message).toMatch(/too few words/)
  })

  it('stops with "aborted" when the caller cancels', async () => {
    const controller = new AbortController()
    const stream = new RulesProvider().stream(request({ action: 'shorten', text: WORDY_UPDATE }), { signal: controller.signal, connectTimeoutMs: 1000 })
    const chunks: string[] = []
    const done = (async () => {
      for await (const chunk of stream) {
        chunks.push(chunk)
        controller.abort()
      }
    })()
    expect((await failure(done)).kind).toBe('aborted')
    expect(chunks).toHaveLength(1)

    const cancelled = new AbortController()
    cancelled.abort()
    expect((await failure(collect({ action: 'shorten', text: WORDY_UPDATE }, cancelled.signal))).kind).toBe('aborted')
  })

  it('handles 5,000 words well under a second per action, the same way every time', async () => {
    expect(LONG_TEXT.split(/\s+/).length).toBeGreaterThan(5000)
    for (const action of ['shorten', 'grammar', 'summarize', 'headlines'] as const) {
      const started = performance.now()
      const first = (await collect({ action, text: LONG_TEXT })).join('')
      expect(performance.now() - started, action).toBeLessThan(1000)
      expect((await collect({ action, text: LONG_TEXT })).join(''), action).toBe(first)
    }
  })
})
