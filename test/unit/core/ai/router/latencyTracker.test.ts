import { describe, expect, it } from 'vitest'
import { LatencyTracker } from '../../../../../src/core/ai/router/latencyTracker'
import { DEFAULT_ROUTER_POLICY } from '../../../../../src/shared/ai/routerPolicy'

// The relative rule on its own; the absolute floor has a test of its own below.
const settings = { ...DEFAULT_ROUTER_POLICY.earlyWarning, minSlowdownMs: 0 }

function trackerWithBaseline(latencies: number[]) {
  const tracker = new LatencyTracker(() => settings)
  latencies.forEach((latency, index) => tracker.record(latency, index * 1000))
  return tracker
}

describe('LatencyTracker', () => {
  it('needs a baseline of 5 samples before it judges', () => {
    const tracker = trackerWithBaseline([100, 100, 100, 100])
    tracker.record(1000, 10_000)
    tracker.record(1000, 11_000)
    expect(tracker.isDegraded(11_000)).toBe(false)
    expect(tracker.baselineMedian()).toBeUndefined()
  })

  it('flags a provider whose last 2 first tokens took more than 3× the median', () => {
    const tracker = trackerWithBaseline([100, 120, 90, 110, 100, 400])
    expect(tracker.isDegraded(6000)).toBe(false)
    expect(tracker.record(350, 7000)).toBe(true)
    expect(tracker.isDegraded(7000)).toBe(true)
  })

  it('is not fooled by a single slow answer, nor by answers just under the factor', () => {
    const tracker = trackerWithBaseline([100, 100, 100, 100, 100, 1000, 100, 290, 290])
    expect(tracker.isDegraded(9000)).toBe(false)
  })

  it('clears with one fast answer, and lapses 60 s after the latest sample so the provider gets traffic again', () => {
    const slow = trackerWithBaseline([100, 100, 100, 100, 100, 500, 500])
    expect(slow.isDegraded(6000 + 59_999)).toBe(true)
    expect(slow.isDegraded(6000 + 60_000)).toBe(false)
    expect(slow.degradedUntil).toBe(66_000)
    expect(slow.record(100, 7000)).toBe(true)
    expect(slow.isDegraded(7000)).toBe(false)
    expect(slow.degradedUntil).toBeUndefined()
  })

  it('keeps a rolling window, so a lasting change becomes the new normal', () => {
    const tracker = trackerWithBaseline(Array.from({ length: 30 }, () => 100))
    for (let sample = 0; sample < 22; sample++) tracker.record(500, 100_000 + sample)
    expect(tracker.baselineMedian()).toBe(500)
    expect(tracker.isDegraded(100_022)).toBe(false)
  })

  it('does not flag jitter on a fast server: slower by less than 500 ms is not a warning, whatever the ratio', () => {
    const tracker = new LatencyTracker(() => DEFAULT_ROUTER_POLICY.earlyWarning)
    ;[5, 6, 5, 4, 5, 40, 45].forEach((latency, index) => tracker.record(latency, index * 1000))
    expect(tracker.isDegraded(7000)).toBe(false)
    ;[900, 2000].forEach((latency, index) => tracker.record(latency, 8000 + index * 1000))
    expect(tracker.isDegraded(9000)).toBe(true)
  })
})
