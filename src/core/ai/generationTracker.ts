import { EventPublisher } from '@orpc/server'

/** Counts the AI answers being generated, and says when the AI starts and stops generating. */
export class GenerationTracker {
  readonly events = new EventPublisher<{ changed: boolean }>()
  private running = 0

  get generating(): boolean {
    return this.running > 0
  }

  /** Counts one generation until the returned function is called (once; later calls do nothing). */
  begin(): () => void {
    if (this.running++ === 0) this.events.publish('changed', true)
    let ended = false
    return () => {
      if (ended) return
      ended = true
      if (--this.running === 0) this.events.publish('changed', false)
    }
  }

  async during<T>(work: () => Promise<T>): Promise<T> {
    const end = this.begin()
    try {
      return await work()
    } finally {
      end()
    }
  }
}
