import type { ProviderFailureKind } from '../../../shared/ai/failures'
import { BREAKER_COUNTED_FAILURES, BREAKER_OPENING_FAILURES, type RouterPolicy } from '../../../shared/ai/routerPolicy'
import type { Clock } from './clock'

export type BreakerState = 'closed' | 'open' | 'half-open'
export type BreakerSettings = RouterPolicy['breaker']

/**
 * How long the breaker stays open after `reopens` re-opens without closing in between: openMs
 * doubled each time up to maxOpenMs, then scaled by a random factor within ±jitter.
 */
export function openDurationMs(reopens: number, settings: BreakerSettings, random: () => number): number {
  const base = Math.min(settings.openMs * 2 ** reopens, settings.maxOpenMs)
  return Math.round(base * (1 + settings.jitter * (2 * random() - 1)))
}

/**
 * One provider's circuit breaker. Closed: requests flow. Open: requests skip the provider until
 * `nextProbeAt`. Half-open: the prober sends probes; enough good ones close it, a bad one
 * re-opens it for twice as long. Only probes move an open breaker: an answer that was already
 * in flight when it opened neither closes nor re-opens it.
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed'
  private failures = 0
  private reopens = 0
  private probeSuccesses = 0
  private openedAt: number | undefined
  private probeAt: number | undefined

  constructor(
    private readonly settings: () => BreakerSettings,
    private readonly clock: Clock,
    private readonly random: () => number,
    private readonly onChange: (state: BreakerState) => void = () => undefined
  ) {}

  get state(): BreakerState {
    return this.current
  }

  /** When the current outage began (the first open, not the latest re-open); undefined while closed. */
  get downSince(): number | undefined {
    return this.openedAt
  }

  /** When the open period ends and probing may start; undefined unless open. */
  get nextProbeAt(): number | undefined {
    return this.current === 'open' ? this.probeAt : undefined
  }

  get consecutiveFailures(): number {
    return this.failures
  }

  /** Counts a failed request; returns true when this failure opened the breaker. */
  recordFailure(kind: ProviderFailureKind): boolean {
    if (this.current !== 'closed') return false
    if (BREAKER_OPENING_FAILURES.includes(kind)) {
      this.open()
      return true
    }
    if (!BREAKER_COUNTED_FAILURES.includes(kind)) return false
    this.failures += 1
    if (this.failures < this.settings().failuresToOpen) return false
    this.open()
    return true
  }

  recordSuccess(): void {
    if (this.current === 'closed') this.failures = 0
  }

  /** Moves an open breaker whose open period is over to half-open; returns whether probing may start. */
  beginProbing(): boolean {
    if (this.current !== 'open' || this.clock.now() < (this.probeAt ?? 0)) return false
    this.probeSuccesses = 0
    this.change('half-open')
    return true
  }

  recordProbe(succeeded: boolean): void {
    if (this.current !== 'half-open') return
    if (!succeeded) {
      this.reopens += 1
      this.open()
      return
    }
    this.probeSuccesses += 1
    if (this.probeSuccesses < this.settings().probeSuccessesToClose) return
    this.failures = 0
    this.reopens = 0
    this.openedAt = undefined
    this.probeAt = undefined
    this.change('closed')
  }

  private open(): void {
    const now = this.clock.now()
    this.openedAt ??= now
    this.probeAt = now + openDurationMs(this.reopens, this.settings(), this.random)
    this.change('open')
  }

  private change(state: BreakerState): void {
    this.current = state
    this.onChange(state)
  }
}
