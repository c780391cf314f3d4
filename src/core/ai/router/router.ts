import type { RouterPolicy } from '../../../shared/ai/routerPolicy'
import type { AiTask } from '../../../shared/ai/tasks'
import type { Logger } from '../../logger'
import type { CompletionRequest, Provider, ProviderError, ProviderKind } from '../provider'
import { unusableAnswer } from './answerCheck'
import { chainFor } from './chain'
import { CircuitBreaker, type BreakerState } from './circuitBreaker'
import { systemClock, type Clock } from './clock'
import { continuationRequest, estimatedTokens, shouldContinue } from './continuation'
import type { RouterEvent } from './events'
import { providerHealth, type HealthListener, type ProviderHealth, type ProviderState } from './health'
import { LatencyTracker } from './latencyTracker'
import { NoProviderAnsweredError, type ProviderOutcome, type SkippedOutcome } from './noAnswer'
import { PROBE_REQUEST, Prober, probeProvider } from './prober'
import { RateLimits } from './rateLimits'
import { StreamDeadlines } from './streamDeadlines'

/**
 * Tokens one attempt or probe cost: as the provider counted them when it reports them (complete
 * answers), else estimated as characters / 4 (failed and cut attempts).
 */
export interface TokenUsage {
  inputTokens: number
  outputTokens: number
}

export interface AiRouterOptions {
  /** The providers configured now, read at each run so settings changes apply to the next request. */
  providers: () => readonly Provider[]
  policy: () => RouterPolicy
  clock?: Clock
  /** In [0, 1); spreads breaker open periods (jitter). */
  random?: () => number
  /** The usage cap and never-send-to-cloud settings; a refused provider is skipped as 'not-allowed'. */
  isAllowed?: (provider: Provider, context: { localOnly: boolean }) => boolean
  /** Called after every attempt and probe that reached a provider, whether it succeeded or not. */
  onUsage?: (providerId: string, usage: TokenUsage) => void
  /** How the message of NoProviderAnsweredError names a provider ("OpenAI"); the id by default. */
  label?: (providerId: string) => string
  log?: Logger
}

export interface RunOptions {
  /** Cancels the run at once: the provider's request is aborted and no other provider is tried. */
  signal: AbortSignal
  /** Never send this request to a cloud provider. */
  localOnly?: boolean
}

const CLOUD_KINDS: ReadonlySet<ProviderKind> = new Set(['openai-compatible', 'anthropic'])

/**
 * Sends each assistant request down its task's provider chain and keeps the answer coming when
 * providers fail: quick retries, failover with continuation, circuit breakers with background
 * probes, rate-limit and slowness avoidance. See RouterPolicy for every number.
 */
export class AiRouter {
  private readonly clock: Clock
  private readonly random: () => number
  private readonly states = new Map<string, ProviderState>()
  private readonly rateLimits = new RateLimits()
  private readonly listeners = new Set<HealthListener>()
  private readonly prober: Prober

  constructor(private readonly options: AiRouterOptions) {
    this.clock = options.clock ?? systemClock
    this.random = options.random ?? Math.random
    this.prober = new Prober({
      clock: this.clock,
      breaker: (id) => this.states.get(id)?.breaker,
      provider: (id) => this.options.providers().find((provider) => provider.id === id),
      forget: (id) => this.forget(id),
      probe: (provider, signal) => this.probe(provider, signal)
    })
  }

  /**
   * Streams one answer through the task's chain. Ends after a 'done' event; throws
   * NoProviderAnsweredError when every provider was skipped or failed, and the signal's reason
   * when the caller aborts. A run never goes back to a provider it has passed, even one that
   * recovers meanwhile: the next run will use it.
   */
  async *run(task: AiTask, request: CompletionRequest, options: RunOptions): AsyncGenerator<RouterEvent, void, undefined> {
    const { signal } = options
    const localOnly = options.localOnly === true
    signal.throwIfAborted()
    const policy = this.options.policy()
    const configured = this.options.providers()
    const outcomes = new Map<string, ProviderOutcome>()
    const { providers, missing } = chainFor(policy, task, configured)
    for (const providerId of missing) {
      outcomes.set(providerId, { providerId, result: 'skipped', reason: 'config' })
      yield { type: 'skip', providerId, reason: 'config' }
    }
    const { order, deferred } = this.deferDegraded(providers)
    for (const provider of deferred) yield { type: 'skip', providerId: provider.id, reason: 'degraded' }

    // The answer so far: everything streamed since the start or the last restart.
    let answer = ''
    let previous: { providerId: string; failure: ProviderError } | undefined
    for (const provider of order) {
      signal.throwIfAborted()
      const skipped = this.skipOutcome(provider, localOnly)
      if (skipped) {
        outcomes.set(provider.id, skipped)
        yield { type: 'skip', providerId: provider.id, reason: skipped.reason }
        continue
      }
      let attemptRequest = request
      if (previous) {
        const mode = shouldContinue(request, answer, provider, policy.continuation.minPartialTokens) ? 'continue' : 'restart'
        yield { type: 'switch', from: previous.providerId, to: provider.id, reason: previous.failure.kind, message: previous.failure.message, mode }
        if (mode === 'continue') attemptRequest = continuationRequest(request, answer)
        else answer = ''
      }
      const { id: providerId, model } = provider
      for (let retriesLeft = policy.quickRetry.retries; ; retriesLeft--) {
        yield { type: 'attempt', providerId, model }
        const startedAt = this.clock.now()
        const answeredBefore = answer.length
        let awaitingFirstToken = true
        let failure: ProviderError | undefined
        let counted: TokenUsage | undefined
        const onUsage = (usage: TokenUsage): void => {
          counted = usage
        }
        // The provider is iterated here, not through a wrapper, so a delta costs one event and nothing more.
        const deadlines = new StreamDeadlines(signal, policy.timeouts, this.clock)
        try {
          for await (const text of provider.stream(attemptRequest, { signal: deadlines.signal, connectTimeoutMs: policy.timeouts.connectMs, onUsage })) {
            // A provider that ignores the abort must not stream past its deadline.
            if (deadlines.expired) break
            deadlines.hold()
            if (awaitingFirstToken) {
              awaitingFirstToken = false
              this.noteFirstToken(providerId, this.clock.now() - startedAt)
            }
            answer += text
            yield { type: 'token', text, providerId, model }
            deadlines.resume()
          }
          failure = deadlines.expired ?? unusableAnswer(request, answer, this.options.label?.(providerId) ?? providerId)
        } catch (error) {
          failure = deadlines.failure(error)
        } finally {
          deadlines.dispose()
          // A request the provider refused without sending it (an image to a model that cannot see) cost nothing.
          if (failure?.details.unsent !== true) this.reportUsage(providerId, counted ?? estimatedUsage(attemptRequest, answer.length - answeredBefore))
        }
        signal.throwIfAborted()
        if (!failure) {
          this.states.get(providerId)?.breaker.recordSuccess()
          yield { type: 'done', providerId, model }
          return
        }
        // ...and says nothing about its health.
        if (failure.details.unsent !== true) this.noteFailure(providerId, failure, policy)
        if (failure.kind === 'config') yield { type: 'notice', providerId, kind: 'config', message: failure.message }
        const quickServerError = failure.kind === 'server' && awaitingFirstToken && this.clock.now() - startedAt <= policy.quickRetry.withinMs
        if (quickServerError && retriesLeft > 0) continue
        outcomes.set(providerId, { providerId, result: 'failed', failure: failure.kind, message: failure.message })
        previous = { providerId, failure }
        break
      }
    }
    throw new NoProviderAnsweredError([...outcomes.values()], configured, this.options.label ?? ((providerId) => providerId))
  }

  /** Every configured provider's health, in the order of the provider settings. */
  health(): ProviderHealth[] {
    const now = this.clock.now()
    return this.options.providers().map((provider) => providerHealth(provider, this.states.get(provider.id), this.rateLimits.limitedUntil(provider.id, now), now))
  }

  /** Calls `listener` with the full health list whenever a provider's health may have changed; returns the unsubscribe. */
  subscribe(listener: HealthListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Forgets what the router learned about a provider: its settings changed (a new address, key or
   * model), so its old outage, rate limit and latencies say nothing about it any more.
   */
  reset(providerId: string): void {
    this.rateLimits.clear(providerId)
    this.forget(providerId)
  }

  /** Stops the background probes and timers. Runs in progress end through their own signals. */
  close(): void {
    this.prober.close()
    for (const state of this.states.values()) clearTimeout(state.degradedTimer)
    this.listeners.clear()
  }

  /** Degraded providers move to the end of the chain, unless every provider in it is degraded. */
  private deferDegraded(providers: Provider[]): { order: Provider[]; deferred: Provider[] } {
    const now = this.clock.now()
    const deferred = providers.filter((provider) => this.states.get(provider.id)?.latency.isDegraded(now) === true)
    if (deferred.length === 0 || deferred.length === providers.length) return { order: providers, deferred: [] }
    return { order: providers.filter((provider) => !deferred.includes(provider)).concat(deferred), deferred }
  }

  private skipOutcome(provider: Provider, localOnly: boolean): SkippedOutcome | undefined {
    const providerId = provider.id
    if (localOnly && CLOUD_KINDS.has(provider.kind)) return { providerId, result: 'skipped', reason: 'not-allowed', localOnly: true }
    if (this.options.isAllowed?.(provider, { localOnly }) === false) return { providerId, result: 'skipped', reason: 'not-allowed', localOnly: false }
    const now = this.clock.now()
    const breaker = this.states.get(providerId)?.breaker
    if (breaker && breaker.state !== 'closed') return { providerId, result: 'skipped', reason: 'breaker-open', downSince: breaker.downSince ?? now }
    const until = this.rateLimits.limitedUntil(providerId, now)
    if (until !== undefined) return { providerId, result: 'skipped', reason: 'rate-limited', until }
    return undefined
  }

  private noteFirstToken(providerId: string, latencyMs: number): void {
    const state = this.stateOf(providerId)
    const now = this.clock.now()
    const changed = state.latency.record(latencyMs, now)
    clearTimeout(state.degradedTimer)
    const until = state.latency.degradedUntil
    if (until !== undefined) {
      state.degradedTimer = setTimeout(() => this.notify(), until - now)
      state.degradedTimer.unref()
    }
    if (changed) this.notify()
  }

  private noteFailure(providerId: string, failure: ProviderError, policy: RouterPolicy): void {
    const state = this.stateOf(providerId)
    const now = this.clock.now()
    state.lastFailure = { kind: failure.kind, message: failure.message, at: now }
    if (failure.kind === 'rate-limited') this.rateLimits.note(providerId, failure.details.retryAfterMs ?? policy.rateLimit.defaultRetryAfterMs, now)
    if (state.breaker.recordFailure(failure.kind)) {
      this.options.log?.warn(`AI provider ${providerId} is down (${failure.message}); it is probed in the background and used again once it answers.`)
    } else {
      this.notify()
    }
  }

  private async probe(provider: Provider, signal: AbortSignal): Promise<ProviderError | undefined> {
    const policy = this.options.policy()
    let counted: TokenUsage | undefined
    const onUsage = (usage: TokenUsage): void => {
      counted = usage
    }
    const failure = await probeProvider(provider, { signal, budgetMs: policy.breaker.probeBudgetMs, connectMs: policy.timeouts.connectMs, clock: this.clock, onUsage })
    this.reportUsage(provider.id, counted ?? estimatedUsage(PROBE_REQUEST, 0))
    const state = this.states.get(provider.id)
    if (failure && state && !signal.aborted) state.lastFailure = { kind: failure.kind, message: failure.message, at: this.clock.now() }
    return failure
  }

  private breakerChanged(providerId: string, state: BreakerState): void {
    if (state === 'open') this.prober.watch(providerId)
    if (state === 'closed') this.options.log?.warn(`AI provider ${providerId} answers again; new requests go to it.`)
    this.notify()
  }

  private forget(providerId: string): void {
    clearTimeout(this.states.get(providerId)?.degradedTimer)
    this.states.delete(providerId)
    this.notify()
  }

  private stateOf(providerId: string): ProviderState {
    let state = this.states.get(providerId)
    if (!state) {
      state = {
        breaker: new CircuitBreaker(() => this.options.policy().breaker, this.clock, this.random, (breakerState) => this.breakerChanged(providerId, breakerState)),
        latency: new LatencyTracker(() => this.options.policy().earlyWarning)
      }
      this.states.set(providerId, state)
    }
    return state
  }

  // Bookkeeping that fails (the usage table is gone) must not cost the user the answer.
  private reportUsage(providerId: string, usage: TokenUsage): void {
    try {
      this.options.onUsage?.(providerId, usage)
    } catch (error) {
      this.options.log?.error(`Recording the AI usage of ${providerId} failed.`, error)
    }
  }

  private notify(): void {
    if (this.listeners.size === 0) return
    const health = this.health()
    for (const listener of this.listeners) {
      try {
        listener(health)
      } catch (error) {
        this.options.log?.error('An AI health listener failed.', error)
      }
    }
  }
}

function estimatedUsage(request: CompletionRequest, outputChars: number): TokenUsage {
  let inputChars = 0
  for (const message of request.messages) inputChars += message.content.length
  return { inputTokens: estimatedTokens(inputChars), outputTokens: estimatedTokens(outputChars) }
}
