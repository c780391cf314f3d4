import type { Maintenance } from '../docs/maintenance'
import type { Logger } from '../logger'

/** Re-indexes a document shortly after its changes are stored (debounced per document). */
export class SearchScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly running = new Set<Promise<void>>()

  constructor(
    private readonly maintenance: Maintenance,
    private readonly log: Logger,
    private readonly delayMs = 500
  ) {}

  noteAppended(docId: string): void {
    clearTimeout(this.timers.get(docId))
    const timer = setTimeout(() => {
      this.timers.delete(docId)
      void this.indexNow(docId)
    }, this.delayMs)
    timer.unref()
    this.timers.set(docId, timer)
  }

  indexNow(docId: string): Promise<void> {
    const run = this.maintenance
      .run('index', docId)
      .then(() => undefined)
      .catch((error: unknown) => this.log.error(`Indexing document ${docId} for search failed.`, error))
    this.running.add(run)
    void run.finally(() => this.running.delete(run))
    return run
  }

  /** Runs every pending re-index now (at shutdown, and for tests). */
  async flush(): Promise<void> {
    const pending = [...this.timers.keys()]
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    await Promise.all([...pending.map((docId) => this.indexNow(docId)), ...this.running])
  }
}
