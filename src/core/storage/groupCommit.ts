/**
 * Collects writes that arrive close together and commits them in one transaction, so many
 * small durable writes cost one fsync. A batch is written on the next turn of the event loop
 * (far inside the 100 ms budget); whatever arrives while it is being written forms the next.
 * Each submitter is told when its own items are durable, or why they were not written.
 */
export class GroupCommit<T> {
  private queue: { items: readonly T[]; resolve: () => void; reject: (error: unknown) => void }[] = []
  private scheduled = false

  constructor(private readonly writeBatch: (items: readonly T[]) => void) {}

  submit(items: readonly T[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject })
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  /** Writes everything queued now. Also used at shutdown so nothing accepted is left behind. */
  flush(): void {
    this.scheduled = false
    const batch = this.queue
    this.queue = []
    if (batch.length === 0) return
    try {
      this.writeBatch(batch.flatMap((entry) => entry.items))
    } catch (error) {
      for (const entry of batch) entry.reject(error)
      return
    }
    for (const entry of batch) entry.resolve()
  }
}
