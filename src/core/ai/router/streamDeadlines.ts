import { ProviderError, isProviderError } from '../provider'
import type { RouterPolicy } from '../../../shared/ai/routerPolicy'
import type { Clock } from './clock'

export type StreamLimits = RouterPolicy['timeouts']

/**
 * The router's timeouts over one provider stream: no first delta within firstTokenMs, a gap of
 * more than stallMs between deltas, or more than totalMs in all aborts the provider's request
 * (`signal`) and makes the attempt fail with ProviderError('timeout'). Aborting the caller's
 * signal aborts the provider's request too.
 *
 * The consumer iterates the provider itself and reports each delta with hold() and resume(), so
 * the deadlines add no promise per delta; time between the two (the delta being handed on) is not
 * a stall. Deltas only update a timestamp: one timer watches the deadlines and is re-armed when it
 * fires (at most once per stallMs while text flows), never per delta.
 */
export class StreamDeadlines {
  private readonly controller = new AbortController()
  private readonly start: number
  private received = false
  // When the wait for the next delta began; -1 while the consumer holds the last one.
  private waitingSince: number
  private timer: NodeJS.Timeout | undefined
  private timeout: ProviderError | undefined

  constructor(
    private readonly caller: AbortSignal,
    private readonly limits: StreamLimits,
    private readonly clock: Clock
  ) {
    this.start = this.waitingSince = clock.now()
    if (caller.aborted) this.forwardAbort()
    else caller.addEventListener('abort', this.forwardAbort, { once: true })
    this.arm(Math.min(limits.firstTokenMs, limits.totalMs))
  }

  /** For the provider: aborts when a deadline passes or the caller aborts. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  /** The timeout that ended the stream, once a deadline has passed. */
  get expired(): ProviderError | undefined {
    return this.timeout
  }

  /** A delta arrived and is being handed on. */
  hold(): void {
    this.received = true
    this.waitingSince = -1
  }

  /** The consumer is waiting for the next delta again. */
  resume(): void {
    this.waitingSince = this.clock.now()
  }

  /** Why the stream threw: the timeout when a deadline passed (aborting the provider makes it throw), else the provider's own error. */
  failure(error: unknown): ProviderError {
    return this.timeout ?? asProviderError(error)
  }

  /** Stops the timer, lets go of the caller's signal and aborts the provider's request if it is still open. */
  dispose(): void {
    clearTimeout(this.timer)
    this.caller.removeEventListener('abort', this.forwardAbort)
    this.controller.abort()
  }

  private readonly forwardAbort = (): void => {
    this.controller.abort(this.caller.reason)
  }

  private arm(delayMs: number): void {
    this.timer = setTimeout(this.watch, delayMs)
    this.timer.unref()
  }

  private readonly watch = (): void => {
    const { limits } = this
    const now = this.clock.now()
    const totalLeft = this.start + limits.totalMs - now
    if (totalLeft <= 0) return this.expire(`The answer took longer than ${seconds(limits.totalMs)}.`)
    if (this.waitingSince < 0) return this.arm(Math.min(totalLeft, limits.stallMs))
    const waitLeft = this.waitingSince + (this.received ? limits.stallMs : limits.firstTokenMs) - now
    if (waitLeft > 0) return this.arm(Math.min(totalLeft, waitLeft))
    this.expire(this.received ? `The answer stalled for ${seconds(limits.stallMs)}.` : `No first token within ${seconds(limits.firstTokenMs)}.`)
  }

  private expire(message: string): void {
    this.timeout = new ProviderError('timeout', message)
    this.controller.abort(this.timeout)
  }
}

/** Anything else a provider throws is a bug in it; it counts as an unreadable answer. */
function asProviderError(error: unknown): ProviderError {
  if (isProviderError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ProviderError('malformed', `The provider failed unexpectedly: ${message}`, { cause: error })
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`
}
