import { afterEach, describe, expect, it, vi } from 'vitest'
import { isBackupDue, scheduleDailyBackups } from '../../../../src/core/backup/dailyBackups'
import type { BackupInfo } from '../../../../src/shared/contracts/backups'

const DAY = 24 * 60 * 60 * 1000
const backup = (createdAt: number): BackupInfo => ({ id: 'x', reason: 'daily', createdAt, bytes: 1 })

afterEach(() => {
  vi.useRealTimers()
})

describe('daily backups', () => {
  it('are due when there is none or the newest is a day old', () => {
    expect(isBackupDue([], 0)).toBe(true)
    expect(isBackupDue([backup(0)], DAY - 1)).toBe(false)
    expect(isBackupDue([backup(0)], DAY)).toBe(true)
  })

  it('back up soon after start when due, and again a day later', async () => {
    vi.useFakeTimers({ now: 0 })
    const made: BackupInfo[] = []
    const backUp = vi.fn(() => {
      made.unshift(backup(Date.now()))
      return Promise.resolve(made[0] as BackupInfo)
    })
    const stop = scheduleDailyBackups({ list: () => made, backUp, log: { warn: vi.fn(), error: vi.fn() }, firstCheckMs: 1000, checkEveryMs: 3_600_000 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(backUp).toHaveBeenCalledTimes(1)
    // Hourly checks: the one at 24 h falls a second short of a day since the backup.
    await vi.advanceTimersByTimeAsync(24 * 3_600_000)
    expect(backUp).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(3_600_000)
    expect(backUp).toHaveBeenCalledTimes(2)
    await stop()
  })
})
