/**
 * Providers that answered 429, skipped until their Retry-After passes. A rate limit is not an
 * outage: it never touches the breaker, and the provider is used again as soon as it may be.
 */
export class RateLimits {
  private readonly until = new Map<string, number>()

  note(providerId: string, retryAfterMs: number, now: number): void {
    this.until.set(providerId, now + retryAfterMs)
  }

  clear(providerId: string): void {
    this.until.delete(providerId)
  }

  /** When the provider may be used again, or undefined if it may be used now. */
  limitedUntil(providerId: string, now: number): number | undefined {
    const until = this.until.get(providerId)
    if (until === undefined) return undefined
    if (until > now) return until
    this.until.delete(providerId)
    return undefined
  }
}
