/** How long a request may receive nothing before it is given up and retried. */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000

/**
 * The signal for one request: it aborts with the caller's signal, or when no bytes have arrived
 * for `timeoutMs` (a connection can go quiet without ever closing).
 */
export class StallTimer {
  readonly signal: AbortSignal
  readonly #stall = new AbortController()
  readonly #timer: NodeJS.Timeout

  constructor(
    readonly timeoutMs: number,
    callerSignal: AbortSignal | undefined
  ) {
    this.#timer = setTimeout(() => this.#stall.abort(), timeoutMs)
    this.signal = callerSignal ? AbortSignal.any([callerSignal, this.#stall.signal]) : this.#stall.signal
  }

  get stalled(): boolean {
    return this.#stall.signal.aborted
  }

  /** Bytes arrived: the quiet time starts again. */
  alive(): void {
    this.#timer.refresh()
  }

  stop(): void {
    clearTimeout(this.#timer)
  }
}
