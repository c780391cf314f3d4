import { afterEach, describe, expect, it, vi } from 'vitest'
import { CompactionScheduler } from '../../../../src/core/docs/compactionScheduler'
import type { CompactionResult } from '../../../../src/core/docs/compaction'
import type { Maintenance } from '../../../../src/core/docs/maintenance'

const policy = { maxUpdates: 100, minIntervalMs: 5000, idleMs: 1000, minUpdates: 10 }

function fakeMaintenance() {
  const compact = vi.fn<(docId: string) => Promise<CompactionResult>>(() => Promise.resolve({ merged: 1, snapshotBytes: 1, pendingBytes: 0 }))
  const maintenance = {
    compact,
    run: ((task: string, docId: string) => (task === 'compact' ? compact(docId) : Promise.resolve({ indexed: 0 }))) as Maintenance['run'],
    close: vi.fn(() => Promise.resolve())
  }
  return maintenance
}
const log = { warn: vi.fn(), error: vi.fn() }

afterEach(() => {
  vi.useRealTimers()
})

describe('CompactionScheduler', () => {
  it('compacts a document as soon as its log is long enough', () => {
    const maintenance = fakeMaintenance()
    const scheduler = new CompactionScheduler(maintenance, log, policy)
    scheduler.noteAppended('d', 60)
    expect(maintenance.compact).not.toHaveBeenCalled()
    scheduler.noteAppended('d', 40)
    expect(maintenance.compact).toHaveBeenCalledWith('d')
  })

  it('while a log keeps growing, compacts at most once per interval and otherwise waits for a pause', async () => {
    vi.useFakeTimers()
    const maintenance = fakeMaintenance()
    const scheduler = new CompactionScheduler(maintenance, log, policy)
    scheduler.noteAppended('d', 100)
    await vi.advanceTimersByTimeAsync(100)
    scheduler.noteAppended('d', 100)
    expect(maintenance.compact).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1000) // the pause
    expect(maintenance.compact).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(5000)
    scheduler.noteAppended('d', 100)
    expect(maintenance.compact).toHaveBeenCalledTimes(3)
  })

  it('compacts after a quiet period only when there is enough to fold in', () => {
    vi.useFakeTimers()
    const maintenance = fakeMaintenance()
    const scheduler = new CompactionScheduler(maintenance, log, policy)
    scheduler.noteAppended('small', 3)
    scheduler.noteAppended('busy', 30)
    vi.advanceTimersByTime(999)
    expect(maintenance.compact).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(maintenance.compact.mock.calls).toEqual([['busy']])
  })

  it('runs one compaction per document at a time and logs failures without throwing', async () => {
    const maintenance = fakeMaintenance()
    let finish: () => void = () => undefined
    maintenance.compact.mockImplementationOnce(
      () => new Promise((_, reject) => (finish = () => reject(new Error('disk full'))))
    )
    const scheduler = new CompactionScheduler(maintenance, log, policy)
    const first = scheduler.compact('d')
    const second = scheduler.compact('d')
    expect(maintenance.compact).toHaveBeenCalledTimes(1)
    finish()
    await Promise.all([first, second])
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('its log is kept'), expect.any(Error))
    await scheduler.close()
    expect(maintenance.close).toHaveBeenCalled()
  })
})
