import { describe, expect, it } from 'vitest'
import { RecentFrames } from '../../../../../src/core/sync/signaling/recentFrames'

describe('recent frames', () => {
  it('lets a frame through once within the window, and again after it', () => {
    const recent = new RecentFrames(5000, 100)
    expect(recent.firstSight('offer', 0)).toBe(true)
    expect(recent.firstSight('offer', 10)).toBe(false)
    expect(recent.firstSight('answer', 10)).toBe(true)
    expect(recent.firstSight('offer', 5001)).toBe(true)
  })

  it('keeps no more than its bound, forgetting the oldest first', () => {
    const recent = new RecentFrames(60_000, 3)
    for (const frame of ['a', 'b', 'c', 'd']) expect(recent.firstSight(frame, 0)).toBe(true)
    expect(recent.firstSight('d', 1)).toBe(false)
    expect(recent.firstSight('a', 1)).toBe(true)
  })
})
