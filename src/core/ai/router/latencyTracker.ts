import type { RouterPolicy } from '../../../shared/ai/routerPolicy'

export type EarlyWarningSettings = RouterPolicy['earlyWarning']

/**
 * One provider's recent first-token latencies and the early warning built on them: degraded
 * when each of the latest `recentSamples` exceeds `degradationFactor` × the median of the
 * baseline before them (and that median by at least `minSlowdownMs`), for `holdMs` after the latest sample. The verdict is worked out once
 * per sample so asking for it, once per request, costs nothing.
 */
export class LatencyTracker {
  private readonly samples: number[] = []
  private flagged = false
  private lastSampleAt = Number.NEGATIVE_INFINITY

  constructor(private readonly settings: () => EarlyWarningSettings) {}

  /** Returns whether the verdict changed. */
  record(latencyMs: number, at: number): boolean {
    const { baselineSamples, recentSamples } = this.settings()
    const wasDegraded = this.isDegraded(at)
    this.samples.push(latencyMs)
    if (this.samples.length > baselineSamples + recentSamples) this.samples.splice(0, this.samples.length - baselineSamples - recentSamples)
    this.lastSampleAt = at
    this.flagged = this.judge()
    return this.flagged !== wasDegraded
  }

  isDegraded(now: number): boolean {
    return this.flagged && now - this.lastSampleAt < this.settings().holdMs
  }

  /** When the current verdict lapses (undefined when not degraded). */
  get degradedUntil(): number | undefined {
    return this.flagged ? this.lastSampleAt + this.settings().holdMs : undefined
  }

  /** The median of the samples before the recent ones; undefined until there are enough. */
  baselineMedian(): number | undefined {
    const { recentSamples, minBaselineSamples } = this.settings()
    const baseline = this.samples.slice(0, Math.max(0, this.samples.length - recentSamples))
    return baseline.length >= minBaselineSamples ? median(baseline) : undefined
  }

  private judge(): boolean {
    const { recentSamples, degradationFactor, minSlowdownMs } = this.settings()
    const baseline = this.baselineMedian()
    if (baseline === undefined) return false
    // Both relative and absolute: 5 ms → 40 ms on a local server is 8× but nothing a writer notices.
    const threshold = Math.max(degradationFactor * baseline, baseline + minSlowdownMs)
    for (let index = this.samples.length - recentSamples; index < this.samples.length; index++) {
      if ((this.samples[index] ?? 0) <= threshold) return false
    }
    return true
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
