import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LastUpdateCheck } from '../../../../src/main/updates/lastUpdateCheck'
import { RETRY_AFTER_MS } from '../../../../src/main/updates/updateSchedule'
import { UpdateScheduler } from '../../../../src/main/updates/updateScheduler'

const HOUR = 60 * 60_000
const START = Date.UTC(2026, 11, 3, 9)

/** The last check kept "on disk" across schedulers, as the file keeps it across restarts. */
function storedCheck(initial: number | null = null): LastUpdateCheck & { value: number | null } {
  const stored = {
    value: initial,
    read: () => stored.value,
    write: (at: number) => {
      stored.value = at
    }
  }
  return stored
}

function scheduler(lastCheck: LastUpdateCheck, conditions: { online?: () => boolean; updating?: () => boolean } = {}) {
  const checks: number[] = []
  const instance = new UpdateScheduler({
    lastCheck,
    online: conditions.online ?? (() => true),
    updating: conditions.updating ?? (() => false),
    check: () => checks.push(Date.now())
  })
  return { instance, checks }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(START)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('UpdateScheduler', () => {
  it('checks when automatic checks are turned on, then every 6 hours, recording each check', () => {
    const lastCheck = storedCheck()
    const { instance, checks } = scheduler(lastCheck)
    vi.advanceTimersByTime(24 * HOUR)
    expect(checks).toEqual([])
    instance.setAutomatic(true)
    expect(checks).toEqual([START + 24 * HOUR])
    expect(lastCheck.value).toBe(START + 24 * HOUR)
    vi.advanceTimersByTime(6 * HOUR - 1)
    expect(checks).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(checks).toEqual([START + 24 * HOUR, START + 30 * HOUR])
  })

  it('keeps the 6 hours across restarts: a new scheduler waits for the recorded check', () => {
    const lastCheck = storedCheck()
    scheduler(lastCheck).instance.setAutomatic(true)
    vi.advanceTimersByTime(HOUR)
    // The app restarts an hour later.
    const { instance, checks } = scheduler(lastCheck)
    instance.setAutomatic(true)
    expect(checks).toEqual([])
    vi.advanceTimersByTime(5 * HOUR - 1)
    expect(checks).toEqual([])
    vi.advanceTimersByTime(1)
    expect(checks).toEqual([START + 6 * HOUR])
  })

  it('never checks while turned off, and stops when turned off', () => {
    const { instance, checks } = scheduler(storedCheck())
    instance.setAutomatic(true)
    instance.setAutomatic(false)
    vi.advanceTimersByTime(48 * HOUR)
    expect(checks).toHaveLength(1)
  })

  it('skips a due check while offline and tries again after 5 minutes', () => {
    let online = false
    const { instance, checks } = scheduler(storedCheck(), { online: () => online })
    instance.setAutomatic(true)
    vi.advanceTimersByTime(RETRY_AFTER_MS)
    expect(checks).toEqual([])
    online = true
    vi.advanceTimersByTime(RETRY_AFTER_MS)
    expect(checks).toEqual([START + 2 * RETRY_AFTER_MS])
  })

  it('never checks while the AI is generating, and checks as soon as it stops', () => {
    const { instance, checks } = scheduler(storedCheck())
    instance.setGenerating(true)
    instance.setAutomatic(true)
    vi.advanceTimersByTime(3 * RETRY_AFTER_MS)
    expect(checks).toEqual([])
    vi.advanceTimersByTime(1000)
    instance.setGenerating(false)
    expect(checks).toEqual([START + 3 * RETRY_AFTER_MS + 1000])
  })

  it('waits while an update is under way', () => {
    let updating = true
    const { instance, checks } = scheduler(storedCheck(), { updating: () => updating })
    instance.setAutomatic(true)
    vi.advanceTimersByTime(RETRY_AFTER_MS)
    expect(checks).toEqual([])
    updating = false
    vi.advanceTimersByTime(RETRY_AFTER_MS)
    expect(checks).toHaveLength(1)
  })

  it('counts a check the user asked for as the last check', () => {
    const lastCheck = storedCheck(START - 5 * HOUR)
    const { instance, checks } = scheduler(lastCheck)
    instance.setAutomatic(true)
    instance.checkNow()
    expect(checks).toEqual([START])
    vi.advanceTimersByTime(6 * HOUR - 1)
    expect(checks).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(checks).toEqual([START, START + 6 * HOUR])
  })

  it('does not check over and over when the time of the last check cannot be written', () => {
    const unwritable: LastUpdateCheck = { read: () => null, write: () => undefined }
    const { instance, checks } = scheduler(unwritable)
    instance.setAutomatic(true)
    vi.advanceTimersByTime(HOUR)
    expect(checks).toHaveLength(1)
  })
})
