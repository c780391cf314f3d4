import type { Logger } from '../logger'
import type { Maintenance } from './maintenance'

export interface CompactionPolicy {
  /** Compact as soon as a document's log has this many entries since its last compaction... */
  maxUpdates: number
  /** ...but not more often than this while it keeps growing (each compaction re-reads the snapshot). */
  minIntervalMs: number
  /** Or once it has been quiet this long with at least `minUpdates` entries. */
  idleMs: number
  minUpdates: number
}

export const DEFAULT_COMPACTION_POLICY: CompactionPolicy = { maxUpdates: 2000, minIntervalMs: 10_000, idleMs: 5000, minUpdates: 50 }

/** Decides when each document's log is folded into its snapshot; one compaction per document at a time. */
export class CompactionScheduler {
  private readonly counts = new Map<string, number>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  private readonly running = new Map<string, Promise<void>>()
  private readonly lastStarted = new Map<string, number>()

  constructor(
    private readonly maintenance: Maintenance,
    private readonly log: Logger,
    private readonly policy: CompactionPolicy = DEFAULT_COMPACTION_POLICY
  ) {}

  /** Called after each durable append with how many entries each document got. */
  noteAppended(docId: string, entries: number): void {
    const count = (this.counts.get(docId) ?? 0) + entries
    this.counts.set(docId, count)
    clearTimeout(this.idleTimers.get(docId))
    const sinceLast = Date.now() - (this.lastStarted.get(docId) ?? 0)
    if (count >= this.policy.maxUpdates && sinceLast >= this.policy.minIntervalMs) {
      void this.compact(docId)
      return
    }
    const timer = setTimeout(() => {
      this.idleTimers.delete(docId)
      if ((this.counts.get(docId) ?? 0) >= this.policy.minUpdates) void this.compact(docId)
    }, this.policy.idleMs)
    timer.unref()
    this.idleTimers.set(docId, timer)
  }

  /** Compacts now (or joins the compaction already running for this document). */
  compact(docId: string): Promise<void> {
    const inFlight = this.running.get(docId)
    if (inFlight) return inFlight
    this.counts.set(docId, 0)
    this.lastStarted.set(docId, Date.now())
    const run = this.maintenance
      .run('compact', docId)
      .then(() => undefined)
      .catch((error: unknown) => this.log.error(`Compacting document ${docId} failed; its log is kept as it is.`, error))
      .finally(() => this.running.delete(docId))
    this.running.set(docId, run)
    return run
  }

  async close(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer)
    this.idleTimers.clear()
    await Promise.all(this.running.values())
    await this.maintenance.close()
  }
}
