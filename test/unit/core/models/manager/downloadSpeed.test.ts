import { describe, expect, it } from 'vitest'
import { DownloadSpeed } from '../../../../../src/core/models/manager/downloadSpeed'

describe('DownloadSpeed', () => {
  it('reports bytes per second over the recent window, not since the start', () => {
    let now = 0
    const speed = new DownloadSpeed(() => now)
    speed.add(0)
    expect(speed.bytesPerSecond()).toBe(0)
    // 10 s at 1 MB/s, then 3 s at 4 MB/s: the window (5 s) mostly sees the faster part.
    for (let s = 1; s <= 10; s++) {
      now = s * 1000
      speed.add(s * 1_000_000)
    }
    for (let s = 1; s <= 3; s++) {
      now = 10_000 + s * 1000
      speed.add(10_000_000 + s * 4_000_000)
    }
    expect(speed.bytesPerSecond()).toBeGreaterThan(2_500_000)
    expect(speed.bytesPerSecond()).toBeLessThanOrEqual(4_000_000)
  })
})
