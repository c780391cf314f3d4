import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ProviderError, type Provider } from '../../../../../src/core/ai/provider'
import { systemClock } from '../../../../../src/core/ai/router/clock'
import { StreamDeadlines } from '../../../../../src/core/ai/router/streamDeadlines'
import { DEFAULT_ROUTER_POLICY } from '../../../../../src/shared/ai/routerPolicy'
import { ScriptedProvider, answer, hanging, type Script } from '../../../../support/ai/scriptedProvider'

const request = { messages: [{ role: 'user' as const, content: 'Hello' }], maxTokens: 100 }
const limits = DEFAULT_ROUTER_POLICY.timeouts

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/**
 * Streams as the router does, advancing fake time past every deadline; a `holdMs` pause per
 * delta plays a slow consumer. Resolves with the deltas and the failure that ended the stream.
 */
async function drain(source: Script | Provider, options: { signal?: AbortSignal; holdMs?: number } = {}) {
  const provider = 'stream' in source ? source : new ScriptedProvider('p', source)
  const deadlines = new StreamDeadlines(options.signal ?? new AbortController().signal, limits, systemClock)
  const deltas: string[] = []
  const outcome = (async () => {
    try {
      for await (const delta of provider.stream(request, { signal: deadlines.signal, connectTimeoutMs: limits.connectMs })) {
        if (deadlines.expired) break
        deadlines.hold()
        deltas.push(delta)
        if (options.holdMs) await new Promise((resolve) => setTimeout(resolve, options.holdMs))
        deadlines.resume()
      }
      return deadlines.expired
    } catch (error) {
      return deadlines.failure(error)
    } finally {
      deadlines.dispose()
    }
  })()
  await vi.advanceTimersByTimeAsync(limits.totalMs + 1000)
  return { deltas, failure: await outcome }
}

describe('StreamDeadlines', () => {
  it('arms a single timer however many deltas come, and clears it at the end', async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout')
    const { deltas, failure } = await drain({ deltas: Array.from({ length: 1000 }, () => 'x') })
    expect(failure).toBeUndefined()
    expect(deltas).toHaveLength(1000)
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('gives up after 6 s without a first token and aborts the provider', async () => {
    const provider = new ScriptedProvider('p', hanging)
    const { failure } = await drain(provider)
    expect(failure).toEqual(new ProviderError('timeout', 'No first token within 6 s.'))
    expect(provider.lastSignal.aborted).toBe(true)
  })

  it('gives up when the provider stalls for 10 s after its first token', async () => {
    const { deltas, failure } = await drain({ deltas: ['a', 'b'], tokenDelayMs: 9000, hang: true })
    expect(deltas).toEqual(['a', 'b'])
    expect(failure).toEqual(new ProviderError('timeout', 'The answer stalled for 10 s.'))
  })

  it('gives up after 120 s in all even while text keeps coming', async () => {
    const { deltas, failure } = await drain({ deltas: Array.from({ length: 100 }, () => 'x'), tokenDelayMs: 2000 })
    expect(deltas).toHaveLength(60)
    expect(failure).toEqual(new ProviderError('timeout', 'The answer took longer than 120 s.'))
  })

  it('does not count the time the consumer holds a delta as a stall', async () => {
    const { deltas, failure } = await drain(answer('one two three'), { holdMs: 15_000 })
    expect(failure).toBeUndefined()
    expect(deltas).toEqual(['one', ' two', ' three'])
  })

  it('stops a provider that ignores the abort at its next delta', async () => {
    const deaf: Provider = {
      id: 'deaf',
      kind: 'local',
      model: 'deaf',
      async *stream() {
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, 12_000))
          yield 'late'
        }
      }
    }
    const { deltas, failure } = await drain(deaf)
    expect(deltas).toEqual([])
    expect(failure?.kind).toBe('timeout')
  })

  it('aborts the provider when the caller aborts', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 1000)
    const provider = new ScriptedProvider('p', hanging)
    const { failure } = await drain(provider, { signal: controller.signal })
    expect(provider.lastSignal.aborted).toBe(true)
    expect(failure?.kind).toBe('aborted')
  })

  it('turns anything else a provider throws into a ProviderError', () => {
    const deadlines = new StreamDeadlines(new AbortController().signal, limits, systemClock)
    expect(deadlines.failure(new TypeError('oops'))).toMatchObject({ kind: 'malformed', message: 'The provider failed unexpectedly: oops' })
    const refused = new ProviderError('network', 'Connection refused.')
    expect(deadlines.failure(refused)).toBe(refused)
    deadlines.dispose()
    expect(deadlines.signal.aborted).toBe(true)
  })
})
