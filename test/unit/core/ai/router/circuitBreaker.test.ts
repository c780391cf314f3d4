import { describe, expect, it } from 'vitest'
import { CircuitBreaker, openDurationMs, type BreakerState } from '../../../../../src/core/ai/router/circuitBreaker'
import { DEFAULT_ROUTER_POLICY } from '../../../../../src/shared/ai/routerPolicy'

const settings = DEFAULT_ROUTER_POLICY.breaker

function setup(random = () => 0.5) {
  const clock = { time: 1_000_000, now: () => clock.time }
  const changes: BreakerState[] = []
  const breaker = new CircuitBreaker(() => settings, clock, random, (state) => changes.push(state))
  return { breaker, clock, changes }
}

describe('CircuitBreaker', () => {
  it('opens at once on a network failure', () => {
    const { breaker, clock } = setup()
    expect(breaker.recordFailure('network')).toBe(true)
    expect(breaker.state).toBe('open')
    expect(breaker.downSince).toBe(clock.time)
    expect(breaker.nextProbeAt).toBe(clock.time + 30_000)
  })

  it('opens after 3 consecutive timeouts, 5xx, malformed or cut streams, and a success resets the count', () => {
    const { breaker } = setup()
    breaker.recordFailure('timeout')
    breaker.recordFailure('server')
    breaker.recordSuccess()
    expect(breaker.consecutiveFailures).toBe(0)
    expect(breaker.recordFailure('malformed')).toBe(false)
    expect(breaker.recordFailure('cut')).toBe(false)
    expect(breaker.recordFailure('timeout')).toBe(true)
    expect(breaker.state).toBe('open')
  })

  it('ignores failures that say nothing about an outage', () => {
    const { breaker } = setup()
    for (const kind of ['config', 'rate-limited', 'rejected', 'unsupported', 'aborted'] as const) {
      breaker.recordFailure(kind)
      breaker.recordFailure(kind)
      breaker.recordFailure(kind)
    }
    expect(breaker.state).toBe('closed')
    expect(breaker.consecutiveFailures).toBe(0)
  })

  it('goes half-open only once the open period is over, and 2 good probes close it', () => {
    const { breaker, clock, changes } = setup()
    breaker.recordFailure('network')
    clock.time += 29_999
    expect(breaker.beginProbing()).toBe(false)
    clock.time += 1
    expect(breaker.beginProbing()).toBe(true)
    expect(breaker.state).toBe('half-open')
    expect(breaker.beginProbing()).toBe(false)
    breaker.recordProbe(true)
    expect(breaker.state).toBe('half-open')
    breaker.recordProbe(true)
    expect(breaker.state).toBe('closed')
    expect(breaker.downSince).toBeUndefined()
    expect(changes).toEqual(['open', 'half-open', 'closed'])
  })

  it('re-opens on a failed probe for twice as long, keeping the time the outage began', () => {
    const { breaker, clock } = setup()
    const outageStart = clock.time
    breaker.recordFailure('network')
    clock.time += 30_000
    breaker.beginProbing()
    breaker.recordProbe(true)
    breaker.recordProbe(false)
    expect(breaker.state).toBe('open')
    expect(breaker.nextProbeAt).toBe(clock.time + 60_000)
    expect(breaker.downSince).toBe(outageStart)
  })

  it('starts again from the first open period after closing', () => {
    const { breaker, clock } = setup()
    breaker.recordFailure('network')
    clock.time += 30_000
    breaker.beginProbing()
    breaker.recordProbe(false)
    clock.time += 60_000
    breaker.beginProbing()
    breaker.recordProbe(true)
    breaker.recordProbe(true)
    breaker.recordFailure('network')
    expect(breaker.nextProbeAt).toBe(clock.time + 30_000)
  })

  it('lets only probes move an open breaker: answers already in flight change nothing', () => {
    const { breaker, clock } = setup()
    breaker.recordFailure('network')
    const probeAt = breaker.nextProbeAt
    breaker.recordSuccess()
    expect(breaker.recordFailure('network')).toBe(false)
    expect(breaker.state).toBe('open')
    expect(breaker.nextProbeAt).toBe(probeAt)
    clock.time += 30_000
    breaker.beginProbing()
    breaker.recordFailure('timeout')
    breaker.recordSuccess()
    expect(breaker.state).toBe('half-open')
  })
})

describe('openDurationMs', () => {
  it('doubles from 30 s up to 5 min', () => {
    const durations = [0, 1, 2, 3, 4, 5, 6].map((reopens) => openDurationMs(reopens, settings, () => 0.5))
    expect(durations).toEqual([30_000, 60_000, 120_000, 240_000, 300_000, 300_000, 300_000])
  })

  it('stays within ±20% jitter', () => {
    expect(openDurationMs(0, settings, () => 0)).toBe(24_000)
    expect(openDurationMs(0, settings, () => 0.999_999)).toBeCloseTo(36_000, -1)
    expect(openDurationMs(10, settings, () => 0)).toBe(240_000)
    for (let reopens = 0; reopens < 8; reopens++) {
      const base = Math.min(30_000 * 2 ** reopens, 300_000)
      const duration = openDurationMs(reopens, settings, Math.random)
      expect(duration).toBeGreaterThanOrEqual(base * 0.8)
      expect(duration).toBeLessThanOrEqual(base * 1.2)
    }
  })

  it('applies the jitter to the re-open after a failed probe too', () => {
    const { breaker, clock } = setup(() => 0)
    breaker.recordFailure('network')
    expect(breaker.nextProbeAt).toBe(clock.time + 24_000)
    clock.time += 24_000
    breaker.beginProbing()
    breaker.recordProbe(false)
    expect(breaker.nextProbeAt).toBe(clock.time + 48_000)
  })
})
