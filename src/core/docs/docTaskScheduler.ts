import type { Logger } from '../logger'
import type { Maintenance } from './maintenance'
import type { MaintenanceTask } from './maintenanceTasks'

/** Runs a maintenance task for a document shortly after its changes are stored (debounced per document). */
export class DocTaskScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly running = new Set<Promise<void>>()

  constructor(
    private readonly maintenance: Maintenance,
    private readonly task: Exclude<MaintenanceTask, 'compact'>,
    private readonly log: Logger,
    private readonly delayMs: number
  ) {}

  noteAppended(docId: string): void {
    clearTimeout(this.timers.get(docId))
    const timer = setTimeout(() => {
      this.timers.delete(docId)
      void this.runNow(docId)
    }, this.delayMs)
    timer.unref()
    this.timers.set(docId, timer)
  }

  runNow(docId: string): Promise<void> {
    const run = this.maintenance
      .run(this.task, docId)
      .then(() => undefined)
      .catch((error: unknown) => this.log.error(`The ${this.task} task for document ${docId} failed.`, error))
    this.running.add(run)
    void run.finally(() => this.running.delete(run))
    return run
  }

  /** Runs every pending task now (at shutdown, and for tests). */
  async flush(): Promise<void> {
    const pending = [...this.timers.keys()]
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    await Promise.all([...pending.map((docId) => this.runNow(docId)), ...this.running])
  }
}
