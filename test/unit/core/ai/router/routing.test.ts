import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CompletionRequest } from '../../../../../src/core/ai/provider'
import { NoProviderAnsweredError } from '../../../../../src/core/ai/router/noAnswer'
import { AiRouter, type AiRouterOptions } from '../../../../../src/core/ai/router/router'
import { DEFAULT_ROUTER_POLICY, type RouterPolicy } from '../../../../../src/shared/ai/routerPolicy'
import { ScriptedProvider, answer, answerText, collectWithFakeTimers, failing, failingAfter, hanging, route } from '../../../../support/ai/scriptedProvider'

const request: CompletionRequest = { messages: [{ role: 'user', content: 'Rewrite: the cat sat on the mat.' }], maxTokens: 400 }
const routers: AiRouter[] = []

function routerFor(providers: ScriptedProvider[], changePolicy: (policy: RouterPolicy) => void = () => undefined, options: Partial<AiRouterOptions> = {}) {
  const policy = structuredClone(DEFAULT_ROUTER_POLICY)
  changePolicy(policy)
  const router = new AiRouter({ providers: () => providers, policy: () => policy, random: () => 0.5, ...options })
  routers.push(router)
  return router
}

function run(router: AiRouter, options: { signal?: AbortSignal; localOnly?: boolean } = {}, task: 'rewrite' | 'grammar' = 'rewrite') {
  return collectWithFakeTimers(router.run(task, request, { signal: options.signal ?? new AbortController().signal, localOnly: options.localOnly }))
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  for (const router of routers.splice(0)) router.close()
  vi.useRealTimers()
})

describe('AiRouter routing', () => {
  it('answers from the first provider of the chain', async () => {
    const openai = new ScriptedProvider('openai', answer('The cat sat.'))
    const local = new ScriptedProvider('local', answer('Unused.'), { kind: 'local' })
    const { events, error } = await run(routerFor([openai, local]))
    expect(error).toBeUndefined()
    expect(events).toEqual([
      { type: 'attempt', providerId: 'openai', model: 'openai-model' },
      { type: 'token', text: 'The', providerId: 'openai', model: 'openai-model' },
      { type: 'token', text: ' cat', providerId: 'openai', model: 'openai-model' },
      { type: 'token', text: ' sat.', providerId: 'openai', model: 'openai-model' },
      { type: 'done', providerId: 'openai', model: 'openai-model' }
    ])
    expect(openai.calls[0]?.request).toBe(request)
    expect(local.callCount).toBe(0)
  })

  it('follows the chain of the task, else the default chain, else the configured order', async () => {
    const a = new ScriptedProvider('a', answer('A'))
    const b = new ScriptedProvider('b', answer('B'))
    const c = new ScriptedProvider('c', answer('C'))
    const providers = [a, b, c]
    const chained = routerFor(providers, (policy) => {
      policy.chains = { rewrite: ['c', 'a'] }
      policy.defaultChain = ['b']
    })
    expect(answerText((await run(chained, {}, 'rewrite')).events)).toBe('C')
    expect(answerText((await run(chained, {}, 'grammar')).events)).toBe('B')
    expect(answerText((await run(routerFor(providers), {}, 'grammar')).events)).toBe('A')
  })

  it('skips chain entries that are not configured', async () => {
    const local = new ScriptedProvider('local', answer('Here.'), { kind: 'local' })
    const router = routerFor([local], (policy) => (policy.chains.rewrite = ['openai', 'local']))
    const { events } = await run(router)
    expect(route(events)[0]).toEqual({ type: 'skip', providerId: 'openai', reason: 'config' })
    expect(answerText(events)).toBe('Here.')
  })

  it('skips a provider whose breaker is open without connecting to it', async () => {
    const openai = new ScriptedProvider('openai', failing('network'))
    const local = new ScriptedProvider('local', answer('Local answer.'), { kind: 'local' })
    const router = routerFor([openai, local])
    await run(router)
    expect(openai.callCount).toBe(1)
    const { events } = await run(router)
    expect(route(events).slice(0, 2)).toEqual([
      { type: 'skip', providerId: 'openai', reason: 'breaker-open' },
      { type: 'attempt', providerId: 'local', model: 'local-model' }
    ])
    expect(openai.callCount).toBe(1)
  })

  it('skips a rate-limited provider until its Retry-After has passed, without calling it an outage', async () => {
    const openai = new ScriptedProvider('openai', [failing('rate-limited', { retryAfterMs: 20_000 }), failing('rate-limited', { retryAfterMs: 20_000 }), answer('Back.')])
    const local = new ScriptedProvider('local', answer('Local.'), { kind: 'local' })
    const router = routerFor([openai, local])
    const limitedAt = Date.now()
    expect(answerText((await run(router)).events)).toBe('Local.')
    const { events } = await run(router)
    expect(route(events)[0]).toEqual({ type: 'skip', providerId: 'openai', reason: 'rate-limited' })
    expect(openai.callCount).toBe(1)
    expect(router.health()[0]).toMatchObject({ state: 'healthy', rateLimitedUntil: limitedAt + 20_000 })

    await vi.advanceTimersByTimeAsync(20_000)
    await run(router)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(answerText((await run(router)).events)).toBe('Back.')
    expect(openai.callCount).toBe(3)
    expect(router.health()[0]?.state).toBe('healthy')
  })

  it('never sends a local-only request to a cloud provider', async () => {
    const openai = new ScriptedProvider('openai', answer('Cloud.'))
    const anthropic = new ScriptedProvider('anthropic', answer('Cloud.'), { kind: 'anthropic' })
    const local = new ScriptedProvider('local', answer('Local.'), { kind: 'local' })
    const { events } = await run(routerFor([openai, anthropic, local]), { localOnly: true })
    expect(route(events).slice(0, 2)).toEqual([
      { type: 'skip', providerId: 'openai', reason: 'not-allowed' },
      { type: 'skip', providerId: 'anthropic', reason: 'not-allowed' }
    ])
    expect(answerText(events)).toBe('Local.')
    expect(openai.callCount + anthropic.callCount).toBe(0)
  })

  it('asks the isAllowed hook (usage cap, never send to cloud) before each provider', async () => {
    const openai = new ScriptedProvider('openai', answer('Cloud.'))
    const rules = new ScriptedProvider('rules', answer('Rules.'), { kind: 'rules' })
    const isAllowed = vi.fn((provider: { id: string }) => provider.id !== 'openai')
    const { events } = await run(routerFor([openai, rules], undefined, { isAllowed }), { localOnly: false })
    expect(route(events)[0]).toEqual({ type: 'skip', providerId: 'openai', reason: 'not-allowed' })
    expect(isAllowed).toHaveBeenCalledWith(openai, { localOnly: false })
    expect(openai.callCount).toBe(0)
  })

  it('stops at once when the caller aborts: the provider request is aborted and nothing else is tried', async () => {
    const openai = new ScriptedProvider('openai', hanging)
    const local = new ScriptedProvider('local', answer('Local.'), { kind: 'local' })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 1000)
    const started = Date.now()
    const { events, error } = await run(routerFor([openai, local]), { signal: controller.signal })
    expect(Date.now() - started).toBe(1000)
    expect(error).toBeInstanceOf(DOMException)
    expect((error as DOMException).name).toBe('AbortError')
    expect(openai.lastSignal.aborted).toBe(true)
    expect(local.callCount).toBe(0)
    expect(route(events)).toEqual([{ type: 'attempt', providerId: 'openai', model: 'openai-model' }])
  })

  it('does not start when the signal is already aborted', async () => {
    const openai = new ScriptedProvider('openai', answer('x'))
    const { error } = await run(routerFor([openai]), { signal: AbortSignal.abort() })
    expect((error as DOMException).name).toBe('AbortError')
    expect(openai.callCount).toBe(0)
  })

  it('reports usage per attempt: the provider count when it gives one, else an estimate', async () => {
    const openai = new ScriptedProvider('openai', failingAfter('x'.repeat(99), 'cut'))
    const local = new ScriptedProvider('local', { ...answer('Done.'), usage: { inputTokens: 12, outputTokens: 2 } }, { kind: 'local' })
    const onUsage = vi.fn()
    await run(routerFor([openai, local], undefined, { onUsage }))
    expect(onUsage.mock.calls).toEqual([
      ['openai', { inputTokens: 8, outputTokens: 25 }],
      ['local', { inputTokens: 12, outputTokens: 2 }]
    ])
  })

  it('says so when no provider is set up', async () => {
    const { error } = await run(routerFor([]))
    expect(error).toBeInstanceOf(NoProviderAnsweredError)
    expect((error as Error).message).toBe('No AI provider is set up. Add one in the AI settings.')
  })
})
