import type { ProviderFailureKind } from '../../../shared/ai/failures'
import type { Provider, ProviderKind } from '../provider'
import type { CircuitBreaker } from './circuitBreaker'
import type { LatencyTracker } from './latencyTracker'

export interface LastFailure {
  kind: ProviderFailureKind
  message: string
  /** Epoch milliseconds. */
  at: number
}

/** What the router keeps per provider id, created at its first failure or first answer. */
export interface ProviderState {
  breaker: CircuitBreaker
  latency: LatencyTracker
  lastFailure?: LastFailure
  /** Tells health listeners when a 'degraded' verdict lapses. */
  degradedTimer?: NodeJS.Timeout
}

/**
 * - 'down': the breaker is open or half-open (requests skip it while it is probed);
 * - 'local': a local model or the rule-based helper that is not down (no network, no cloud);
 * - 'degraded': answering, but its first tokens are much slower than usual;
 * - 'healthy': everything else, including a provider that is only rate-limited (not an outage).
 */
export type ProviderHealthState = 'healthy' | 'degraded' | 'down' | 'local'

export interface ProviderHealth {
  providerId: string
  kind: ProviderKind
  model: string
  state: ProviderHealthState
  /** Epoch ms when the outage began, while 'down'. */
  downSince?: number
  /** Epoch ms when the next probe goes, while 'down' and waiting for it. */
  nextProbeAt?: number
  /** Epoch ms until which it is skipped after a 429. */
  rateLimitedUntil?: number
  lastFailure?: LastFailure
}

export type HealthListener = (health: readonly ProviderHealth[]) => void

export function providerHealth(provider: Provider, state: ProviderState | undefined, rateLimitedUntil: number | undefined, now: number): ProviderHealth {
  const health: ProviderHealth = { providerId: provider.id, kind: provider.kind, model: provider.model, state: 'healthy' }
  const breaker = state?.breaker
  if (breaker && breaker.state !== 'closed') {
    health.state = 'down'
    health.downSince = breaker.downSince
    health.nextProbeAt = breaker.nextProbeAt
  } else if (provider.kind === 'local' || provider.kind === 'rules') {
    health.state = 'local'
  } else if (state?.latency.isDegraded(now)) {
    health.state = 'degraded'
  }
  if (rateLimitedUntil !== undefined) health.rateLimitedUntil = rateLimitedUntil
  if (state?.lastFailure) health.lastFailure = state.lastFailure
  return health
}
