import { describe, expect, it } from 'vitest'
import { GenerationTracker } from '../../../../src/core/ai/generationTracker'

function tracked() {
  const tracker = new GenerationTracker()
  const changes: boolean[] = []
  tracker.events.subscribe('changed', (generating) => changes.push(generating))
  return { tracker, changes }
}

describe('GenerationTracker', () => {
  it('says when the first generation starts and the last one ends, across overlapping ones', () => {
    const { tracker, changes } = tracked()
    const first = tracker.begin()
    const second = tracker.begin()
    first()
    expect(tracker.generating).toBe(true)
    second()
    expect(tracker.generating).toBe(false)
    expect(changes).toEqual([true, false])
  })

  it('counts an end called twice once', () => {
    const { tracker, changes } = tracked()
    const first = tracker.begin()
    const second = tracker.begin()
    first()
    first()
    expect(tracker.generating).toBe(true)
    second()
    expect(changes).toEqual([true, false])
  })

  it('ends a generation whose work fails', async () => {
    const { tracker, changes } = tracked()
    await expect(tracker.during(() => Promise.reject(new Error('model crashed')))).rejects.toThrow('model crashed')
    expect(tracker.generating).toBe(false)
    expect(changes).toEqual([true, false])
  })
})
