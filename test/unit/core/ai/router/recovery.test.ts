import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CompletionRequest } from '../../../../../src/core/ai/provider'
import type { ProviderHealth } from '../../../../../src/core/ai/router/health'
import { PROBE_REQUEST } from '../../../../../src/core/ai/router/prober'
import { AiRouter } from '../../../../../src/core/ai/router/router'
import { DEFAULT_ROUTER_POLICY } from '../../../../../src/shared/ai/routerPolicy'
import { ScriptedProvider, answer, answerText, collect, collectWithFakeTimers, failing, hanging, route } from '../../../../support/ai/scriptedProvider'

const request: CompletionRequest = { messages: [{ role: 'user', content: 'Summarize: a secret memo.' }], maxTokens: 300 }
const routers: AiRouter[] = []

function routerFor(providers: ScriptedProvider[], random = () => 0.5) {
  const log = { warn: vi.fn(), error: vi.fn() }
  const router = new AiRouter({ providers: () => providers, policy: () => DEFAULT_ROUTER_POLICY, random, log })
  routers.push(router)
  return { router, log }
}

function run(router: AiRouter) {
  return collectWithFakeTimers(router.run('summarize', request, { signal: new AbortController().signal }))
}

function cloudAndLocal() {
  const openai = new ScriptedProvider('openai', failing('network'))
  const local = new ScriptedProvider('local', answer('Local answer.'), { kind: 'local' })
  return { openai, local, ...routerFor([openai, local]) }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  for (const router of routers.splice(0)) router.close()
  vi.useRealTimers()
})

describe('AiRouter recovery', () => {
  it('forgets a provider\'s outage when its settings change, so the fixed provider is tried at once', async () => {
    const { openai, local, router } = cloudAndLocal()
    await run(router)
    expect(router.health()[0]?.state).toBe('down')
    openai.script = answer('Cloud answer.')
    router.reset('openai')
    expect(router.health()[0]?.state).toBe('healthy')
    expect(answerText((await run(router)).events)).toBe('Cloud answer.')
    expect(local.callCount).toBe(1)
  })

  it('opens the breaker after 3 consecutive timeouts and shows the provider as down', async () => {
    const openai = new ScriptedProvider('openai', hanging)
    const local = new ScriptedProvider('local', answer('Local answer.'), { kind: 'local' })
    const { router, log } = routerFor([openai, local])
    await run(router)
    await run(router)
    expect(router.health()[0]?.state).toBe('healthy')
    const openedAt = Date.now() + 6000
    await run(router)
    expect(router.health()).toEqual([
      {
        providerId: 'openai',
        kind: 'openai-compatible',
        model: 'openai-model',
        state: 'down',
        downSince: openedAt,
        nextProbeAt: openedAt + 30_000,
        lastFailure: { kind: 'timeout', message: 'No first token within 6 s.', at: openedAt }
      },
      { providerId: 'local', kind: 'local', model: 'local-model', state: 'local' }
    ])
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('AI provider openai is down (No first token within 6 s.)'))
    const { events } = await run(router)
    expect(route(events)[0]).toEqual({ type: 'skip', providerId: 'openai', reason: 'breaker-open' })
    expect(openai.callCount).toBe(3)
  })

  it('probes in the background once the open period is over, and the next request goes to the recovered provider', async () => {
    const { router, openai, log } = cloudAndLocal()
    await run(router)
    openai.script = answer('OK')
    await vi.advanceTimersByTimeAsync(29_999)
    expect(openai.callCount).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(openai.callCount).toBe(3)
    expect(openai.calls.slice(1).map((call) => call.request)).toEqual([PROBE_REQUEST, PROBE_REQUEST])
    expect(router.health()[0]?.state).toBe('healthy')
    expect(log.warn).toHaveBeenLastCalledWith('AI provider openai answers again; new requests go to it.')

    openai.script = answer('Cloud answer.')
    const { events } = await run(router)
    expect(route(events)[0]).toEqual({ type: 'attempt', providerId: 'openai', model: 'openai-model' })
    expect(answerText(events)).toBe('Cloud answer.')
  })

  it('sends probes without user text, asking for one token within 5 s', async () => {
    const { router, openai } = cloudAndLocal()
    await run(router)
    openai.script = hanging
    await vi.advanceTimersByTimeAsync(30_000)
    expect(openai.calls[1]?.request).toEqual({ messages: [{ role: 'user', content: 'Reply with the single word OK.' }], maxTokens: 1, temperature: 0 })
    expect(JSON.stringify(openai.calls[1]?.request)).not.toContain('secret memo')
    await vi.advanceTimersByTimeAsync(4000)
    expect(openai.calls[1]?.signal.aborted).toBe(false)
    expect(router.health()[0]?.state).toBe('down')
    expect(route((await collect(router.run('summarize', request, { signal: new AbortController().signal }))).events)[0]).toEqual({
      type: 'skip',
      providerId: 'openai',
      reason: 'breaker-open'
    })
    await vi.advanceTimersByTimeAsync(999)
    await vi.advanceTimersByTimeAsync(1)
    expect(openai.calls[1]?.signal.aborted).toBe(true)
    expect(router.health()[0]).toMatchObject({ state: 'down', lastFailure: { kind: 'timeout' } })
  })

  it('re-opens for twice as long after a failed probe, up to 5 min', async () => {
    const { router, openai } = cloudAndLocal()
    await run(router)
    const probeTimes: number[] = []
    const start = Date.now()
    for (const wait of [30_000, 60_000, 120_000, 240_000, 300_000, 300_000]) {
      await vi.advanceTimersByTimeAsync(wait - 1)
      const calls = openai.callCount
      await vi.advanceTimersByTimeAsync(1)
      expect(openai.callCount).toBe(calls + 1)
      probeTimes.push(Date.now() - start)
    }
    expect(probeTimes).toEqual([30_000, 90_000, 210_000, 450_000, 750_000, 1_050_000])
    expect(router.health()[0]?.downSince).toBe(start)
  })

  it('re-opens after a good probe followed by a bad one', async () => {
    const { router, openai } = cloudAndLocal()
    await run(router)
    openai.script = [answer('OK'), answer('OK'), failing('server')]
    await vi.advanceTimersByTimeAsync(30_000)
    expect(openai.callCount).toBe(3)
    expect(router.health()[0]).toMatchObject({ state: 'down', nextProbeAt: Date.now() + 60_000 })
  })

  it('never switches back to a recovered provider in the middle of an answer', async () => {
    const { router, openai, local } = cloudAndLocal()
    await run(router)
    openai.script = answer('OK')
    local.script = answer('word '.repeat(60), { tokenDelayMs: 1000 })
    const { events } = await run(router)
    expect(router.health()[0]?.state).toBe('healthy')
    expect(route(events)).toEqual([
      { type: 'skip', providerId: 'openai', reason: 'breaker-open' },
      { type: 'attempt', providerId: 'local', model: 'local-model' },
      { type: 'done', providerId: 'local', model: 'local-model' }
    ])
    expect(answerText(events)).toBe('word '.repeat(60))
    expect(route((await run(router)).events)[0]).toEqual({ type: 'attempt', providerId: 'openai', model: 'openai-model' })
  })

  it('tells health subscribers when a provider goes down and comes back', async () => {
    const { router, openai } = cloudAndLocal()
    const states: ProviderHealth['state'][] = []
    router.subscribe((health) => states.push(health[0]?.state ?? 'healthy'))
    await run(router)
    openai.script = answer('OK')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(states.filter((state, index) => state !== states[index - 1])).toEqual(['down', 'healthy'])
  })

  it('stops probing when closed', async () => {
    const { router, openai } = cloudAndLocal()
    await run(router)
    router.close()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(openai.callCount).toBe(1)
  })

  it('forgets a provider that was removed from the settings while it was down', async () => {
    const openai = new ScriptedProvider('openai', failing('network'))
    const local = new ScriptedProvider('local', answer('Local answer.'), { kind: 'local' })
    const providers = [openai, local]
    const router = new AiRouter({ providers: () => providers, policy: () => DEFAULT_ROUTER_POLICY, random: () => 0.5 })
    routers.push(router)
    await run(router)
    providers.shift()
    await vi.advanceTimersByTimeAsync(30_000)
    openai.script = answer('Cloud answer.')
    providers.unshift(openai)
    expect(answerText((await run(router)).events)).toBe('Cloud answer.')
  })
})

describe('AiRouter early warning', () => {
  async function slowDown(openai: ScriptedProvider, router: AiRouter) {
    // 400 ms usually, then 1.6 s: more than 3× the median and more than 500 ms slower.
    openai.script = answer('Fast.', { firstTokenMs: 400 })
    for (let request = 0; request < 5; request++) await run(router)
    openai.script = answer('Slow.', { firstTokenMs: 1600 })
    await run(router)
    await run(router)
  }

  it('defers a provider whose first tokens come more than 3× slower than usual, for 60 s', async () => {
    const openai = new ScriptedProvider('openai', answer('x'))
    const local = new ScriptedProvider('local', answer('Local answer.'), { kind: 'local' })
    const { router } = routerFor([openai, local])
    await slowDown(openai, router)
    expect(router.health()[0]?.state).toBe('degraded')

    const { events } = await run(router)
    expect(route(events).slice(0, 2)).toEqual([
      { type: 'skip', providerId: 'openai', reason: 'degraded' },
      { type: 'attempt', providerId: 'local', model: 'local-model' }
    ])
    expect(openai.callCount).toBe(7)

    await vi.advanceTimersByTimeAsync(60_000)
    expect(router.health()[0]?.state).toBe('healthy')
    openai.script = answer('Fast again.', { firstTokenMs: 400 })
    expect(answerText((await run(router)).events)).toBe('Fast again.')
    expect(router.health()[0]?.state).toBe('healthy')
  })

  it('still uses a degraded provider after the others fail', async () => {
    const openai = new ScriptedProvider('openai', answer('x'))
    const local = new ScriptedProvider('local', failing('network'), { kind: 'local' })
    const { router } = routerFor([openai, local])
    await slowDown(openai, router)
    const { events } = await run(router)
    expect(route(events).map((event) => event.type)).toEqual(['skip', 'attempt', 'switch', 'attempt', 'done'])
    expect(answerText(events)).toBe('Slow.')
  })
})
