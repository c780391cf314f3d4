import { describe, expect, it } from 'vitest'
import { CHECK_INTERVAL_MS, decideCheck, RETRY_AFTER_MS, type ScheduleInput } from '../../../../src/main/updates/updateSchedule'

const HOUR = 60 * 60_000
const now = Date.UTC(2026, 11, 3, 12)
const ready: ScheduleInput = { now, lastCheckAt: null, automatic: true, online: true, generating: false, updating: false }

describe('decideCheck', () => {
  it('checks at once when no check has ever run', () => {
    expect(decideCheck(ready)).toEqual({ check: true })
  })

  it('keeps automatic checks 6 hours apart', () => {
    expect(CHECK_INTERVAL_MS).toBe(6 * HOUR)
    expect(decideCheck({ ...ready, lastCheckAt: now - 6 * HOUR + 1 })).toEqual({ check: false, why: 'not-due', retryAt: now + 1 })
    expect(decideCheck({ ...ready, lastCheckAt: now - 6 * HOUR })).toEqual({ check: true })
  })

  it('never checks when turned off, and sets no retry', () => {
    expect(decideCheck({ ...ready, automatic: false })).toEqual({ check: false, why: 'off' })
  })

  it('waits while offline, while the AI is generating and while an update is under way, and asks again later', () => {
    const retryAt = now + RETRY_AFTER_MS
    expect(decideCheck({ ...ready, online: false })).toEqual({ check: false, why: 'offline', retryAt })
    expect(decideCheck({ ...ready, generating: true })).toEqual({ check: false, why: 'generating', retryAt })
    expect(decideCheck({ ...ready, updating: true })).toEqual({ check: false, why: 'updating', retryAt })
  })

  it('does not wait for a last check that lies in the future (the clock was set back)', () => {
    expect(decideCheck({ ...ready, lastCheckAt: now + 30 * 24 * HOUR })).toEqual({ check: true })
  })
})
