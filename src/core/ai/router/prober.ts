import { ProviderError, type CompletionRequest, type Provider, type StreamOptions } from '../provider'
import type { CircuitBreaker } from './circuitBreaker'
import type { Clock } from './clock'
import { StreamDeadlines, type StreamLimits } from './streamDeadlines'

/** A probe asks for one token and carries no user text, so it costs next to nothing and leaks nothing. */
export const PROBE_REQUEST: CompletionRequest = {
  messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
  maxTokens: 1,
  temperature: 0
}

/** Sends one probe within `budgetMs`; resolves with the failure, or undefined when some text came back in time. */
export async function probeProvider(
  provider: Provider,
  options: { signal: AbortSignal; budgetMs: number; connectMs: number; clock: Clock; onUsage?: StreamOptions['onUsage'] }
): Promise<ProviderError | undefined> {
  const { budgetMs, onUsage } = options
  const limits: StreamLimits = { connectMs: Math.min(options.connectMs, budgetMs), firstTokenMs: budgetMs, stallMs: budgetMs, totalMs: budgetMs }
  const deadlines = new StreamDeadlines(options.signal, limits, options.clock)
  try {
    let answered = false
    for await (const delta of provider.stream(PROBE_REQUEST, { signal: deadlines.signal, connectTimeoutMs: limits.connectMs, onUsage })) {
      if (deadlines.expired) break
      answered ||= delta.length > 0
    }
    return deadlines.expired ?? (answered ? undefined : new ProviderError('malformed', 'The probe was answered without any text.'))
  } catch (error) {
    return deadlines.failure(error)
  } finally {
    deadlines.dispose()
  }
}

export interface ProberHooks {
  clock: Clock
  breaker(providerId: string): CircuitBreaker | undefined
  /** The configured provider with this id, or undefined once it has been removed from the settings. */
  provider(providerId: string): Provider | undefined
  /** Drops the state kept for a provider that is no longer configured. */
  forget(providerId: string): void
  probe(provider: Provider, signal: AbortSignal): Promise<ProviderError | undefined>
}

/**
 * Probes providers whose breaker is open, in the background. The router calls watch() each time
 * a breaker opens or re-opens; when the open period ends the breaker goes half-open and probes
 * follow one another until it closes or a failed probe re-opens it. Timers are unref'd so they
 * never keep the process alive.
 */
export class Prober {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly stopped = new AbortController()

  constructor(private readonly hooks: ProberHooks) {}

  /** Schedules probing for when this provider's open period ends (replacing any earlier schedule). */
  watch(providerId: string): void {
    const probeAt = this.hooks.breaker(providerId)?.nextProbeAt
    if (probeAt === undefined || this.stopped.signal.aborted) return
    clearTimeout(this.timers.get(providerId))
    const timer = setTimeout(() => {
      this.timers.delete(providerId)
      void this.probeUntilSettled(providerId)
    }, Math.max(0, probeAt - this.hooks.clock.now()))
    timer.unref()
    this.timers.set(providerId, timer)
  }

  /** Stops every timer and aborts the probes in flight. */
  close(): void {
    this.stopped.abort()
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  private async probeUntilSettled(providerId: string): Promise<void> {
    const breaker = this.hooks.breaker(providerId)
    if (!breaker) return
    const provider = this.hooks.provider(providerId)
    if (!provider) return this.hooks.forget(providerId)
    // A timer can fire a millisecond before the clock reaches the end of the open period.
    if (!breaker.beginProbing()) return this.watch(providerId)
    while (breaker.state === 'half-open') {
      const failure = await this.hooks.probe(provider, this.stopped.signal)
      if (this.stopped.signal.aborted) return
      breaker.recordProbe(failure === undefined)
    }
  }
}
