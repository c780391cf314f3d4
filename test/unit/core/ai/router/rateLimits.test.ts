import { describe, expect, it } from 'vitest'
import { RateLimits } from '../../../../../src/core/ai/router/rateLimits'

describe('RateLimits', () => {
  it('holds a provider back until its Retry-After has passed, then forgets it', () => {
    const limits = new RateLimits()
    limits.note('openai', 20_000, 1000)
    expect(limits.limitedUntil('openai', 1000)).toBe(21_000)
    expect(limits.limitedUntil('openai', 20_999)).toBe(21_000)
    expect(limits.limitedUntil('anthropic', 1000)).toBeUndefined()
    expect(limits.limitedUntil('openai', 21_000)).toBeUndefined()
  })
})
