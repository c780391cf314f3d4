import * as Y from 'yjs'
import type { CoreClient } from '../../../shared/contracts'
import type { DocKind } from '../../../shared/contracts/docs'
import { applyUpdates, mergeInGroups } from '../../../shared/docs/yjsUpdates'
import { describeError } from './rpcError'

export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'failed'; message: string }

/** Marks updates that came from storage, so they are not sent back to it. */
const FROM_STORAGE = Symbol('from-storage')
const MAX_UPDATES_PER_CALL = 5000
const RETRY_DELAYS_MS = [500, 1000, 2000, 5000, 10_000]

/**
 * A live Y.Doc backed by the core's storage. Every local update is queued and sent in order;
 * the save state says "saved" only once the core has confirmed everything durable. A failed
 * write is kept and retried, never dropped.
 */
export class DocSession {
  readonly doc = new Y.Doc()
  private outbox: Uint8Array[] = []
  private sending = false
  private retries = 0
  private state: SaveState = { status: 'saved' }
  private readonly listeners = new Set<(state: SaveState) => void>()
  private idle: (() => void)[] = []

  private constructor(
    private readonly client: CoreClient,
    readonly docId: string
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_STORAGE) return
      this.outbox.push(update)
      this.setState({ status: 'saving' })
      this.send()
    })
  }

  /** Opens (creating if needed) a stored document and loads everything it holds. */
  static async open(client: CoreClient, docId: string, kind: DocKind): Promise<DocSession> {
    await client.docs.create({ docId, kind })
    const session = new DocSession(client, docId)
    const { updates } = await client.docs.load({ docId })
    applyUpdates(session.doc, updates, FROM_STORAGE)
    return session
  }

  get saveState(): SaveState {
    return this.state
  }

  /** Listeners are called synchronously, so a status on screen is never behind the text. */
  onSaveState(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves once everything written so far is durable. */
  whenSaved(): Promise<void> {
    if (this.outbox.length === 0 && !this.sending) return Promise.resolve()
    return new Promise((resolve) => this.idle.push(resolve))
  }

  /** Waits for pending writes, then releases the document. */
  async close(): Promise<void> {
    await this.whenSaved()
    this.doc.destroy()
    this.listeners.clear()
  }

  private send(): void {
    if (this.sending || this.outbox.length === 0) return
    this.sending = true
    const batch = this.outbox.splice(0, MAX_UPDATES_PER_CALL)
    // Let the rest of this task's updates join the batch (one keystroke can emit several).
    queueMicrotask(() => {
      batch.push(...this.outbox.splice(0, MAX_UPDATES_PER_CALL - batch.length))
      // Keystrokes merged in small groups: the same content in far fewer log entries and bytes.
      const merged = mergeInGroups(batch)
      this.client.docs
        .append({ docId: this.docId, updates: merged })
        .then(() => {
          this.retries = 0
          this.sending = false
          if (this.outbox.length > 0) return this.send()
          this.setState({ status: 'saved' })
          for (const resolve of this.idle.splice(0)) resolve()
        })
        .catch((error: unknown) => {
          this.outbox.unshift(...merged)
          this.setState({ status: 'failed', message: describeError(error) })
          const delay = RETRY_DELAYS_MS[Math.min(this.retries++, RETRY_DELAYS_MS.length - 1)]
          setTimeout(() => {
            this.sending = false
            this.send()
          }, delay)
        })
    })
  }

  private setState(state: SaveState): void {
    if (state.status === this.state.status && state.status !== 'failed') return
    this.state = state
    for (const listener of this.listeners) listener(state)
  }
}
