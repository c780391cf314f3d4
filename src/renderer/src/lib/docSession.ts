import * as Y from 'yjs'
import type { CoreClient } from '../../../shared/contracts'
import type { DocKind } from '../../../shared/contracts/docs'
import { LocalChanges } from '../../../shared/docs/localChanges'
import { applyUpdates } from '../../../shared/docs/yjsUpdates'
import { followStoredChanges } from './followStoredChanges'
import { describeError } from './rpcError'
import type { UpdateHold } from './updateHold'

export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'failed'; message: string }

const SAVING: SaveState = { status: 'saving' }

/** Marks updates that came from storage, so they are not sent back to it. */
const FROM_STORAGE = Symbol('from-storage')
const MAX_UPDATES_PER_CALL = 5000
/**
 * Changes that add more characters and items than this go into an update of their own without
 * waiting for the call in flight, so that a long wait (a failing disk) does not grow one update
 * past what the core accepts (MAX_UPDATE_BYTES, 4 MiB; a character costs at most a few dozen bytes).
 */
const MAX_ADDED_PER_UPDATE = 100_000
const RETRY_DELAYS_MS = [500, 1000, 2000, 5000, 10_000]
/**
 * A call starts at most this often. A keystroke typed after a pause is sent at once; a burst
 * (a paste, a fast typist, the assistant writing into the draft) is gathered into one call per
 * interval instead of one per round trip: a tenth of the calls in bench:storage's replay, whose
 * RPC work competed with the typing for the window's thread. Far inside the 100 ms commit budget.
 */
export const MIN_CALL_INTERVAL_MS = 20
/**
 * The same while a gesture holds the document (see holdFor: a layer being dragged, a change on
 * every frame, "Saving…" shown until the drop): fewer calls leave the frames to the drag; still
 * durable within a few frames.
 */
export const HELD_CALL_INTERVAL_MS = 50

/**
 * A live Y.Doc backed by the core's storage. Local changes are sent in order, gathered into one
 * update per call to the core (changes made while a call is under way go in the next one); the
 * save state says "saved" only once the core has confirmed everything durable. A failed write is
 * kept and retried, never dropped.
 */
export class DocSession {
  readonly doc = new Y.Doc()
  private readonly changes: LocalChanges
  /** Updates taken from `changes` and not yet durable, oldest first. */
  private outbox: Uint8Array[] = []
  private sending = false
  /** True for MIN_CALL_INTERVAL_MS after a call starts; what changes meanwhile waits for it to end. */
  private coolingDown = false
  private hold: UpdateHold | undefined
  private retries = 0
  private state: SaveState = { status: 'saved' }
  private readonly listeners = new Set<(state: SaveState) => void>()
  private idle: (() => void)[] = []
  /** Who this session is among the document's writers: what it stores is not sent back to it. */
  private readonly writer = crypto.randomUUID()
  private readonly closed = new AbortController()

  private constructor(
    private readonly client: CoreClient,
    readonly docId: string
  ) {
    this.changes = new LocalChanges(this.doc, FROM_STORAGE, () => {
      if (this.changes.added > MAX_ADDED_PER_UPDATE) this.takeChanges()
      this.setState({ status: 'saving' })
      this.send()
    })
  }

  /** Opens (creating if needed) a stored document and loads everything it holds. */
  static async open(client: CoreClient, docId: string, kind: DocKind): Promise<DocSession> {
    await client.docs.create({ docId, kind })
    const session = new DocSession(client, docId)
    // Following first: what is stored between the load and the subscription is not missed.
    void followStoredChanges(client, {
      docId,
      writer: session.writer,
      apply: (updates) => applyUpdates(session.doc, updates, FROM_STORAGE),
      catchUp: () => session.reload(),
      signal: session.closed.signal
    })
    const { updates } = await client.docs.load({ docId })
    applyUpdates(session.doc, updates, FROM_STORAGE)
    return session
  }

  /**
   * Applies whatever storage holds that this doc lacks. What other writers store (a headless-mode
   * client, the relay, another window) arrives by itself while the change stream runs; this
   * covers a break in the stream, and a draft kept open by the background sync being handed to
   * the editor.
   */
  async reload(): Promise<void> {
    const { updates } = await this.client.docs.load({ docId: this.docId })
    applyUpdates(this.doc, updates, FROM_STORAGE)
  }

  /** What the save status shows: while a gesture holds the document, "saving" until it ends, even when the core has confirmed everything so far. */
  get saveState(): SaveState {
    return this.hold?.active && this.state.status === 'saved' ? SAVING : this.state
  }

  /** Listeners are called in the microtask after each change of state, before the browser paints, so a status on screen is never behind the text. */
  onSaveState(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves once everything written so far is durable. */
  whenSaved(): Promise<void> {
    if (!this.hasUnsent() && !this.sending) return Promise.resolve()
    return new Promise((resolve) => this.idle.push(resolve))
  }

  /** Waits for pending writes, then releases the document. */
  async close(): Promise<void> {
    await this.whenSaved()
    this.closed.abort()
    this.changes.destroy()
    this.doc.destroy()
    this.listeners.clear()
  }

  /**
   * Follows a gesture that changes the document continuously (a layer dragged on the canvas):
   * while `hold` is active, calls start at most every HELD_CALL_INTERVAL_MS and the state stays
   * "saving" (no flicker to "saved" between moves, each switch costing a repaint); released, the
   * real state is reported. Returns the function that stops following it.
   */
  holdFor(hold: UpdateHold): () => void {
    this.hold = hold
    const offRelease = hold.onRelease(() => this.notify())
    return () => {
      offRelease()
      if (this.hold === hold) this.hold = undefined
    }
  }

  private send(): void {
    if (this.sending || this.coolingDown || !this.hasUnsent()) return
    this.sending = true
    // Let the rest of this task's changes join the update (one keystroke can be several transactions).
    queueMicrotask(() => {
      this.takeChanges()
      const batch = this.outbox.splice(0, MAX_UPDATES_PER_CALL)
      this.coolingDown = true
      setTimeout(() => {
        this.coolingDown = false
        this.send()
      }, this.hold?.active ? HELD_CALL_INTERVAL_MS : MIN_CALL_INTERVAL_MS)
      this.client.docs
        .append({ docId: this.docId, updates: batch, writer: this.writer })
        .then(() => {
          this.retries = 0
          this.sending = false
          if (this.hasUnsent()) return this.send()
          this.setState({ status: 'saved' })
          for (const resolve of this.idle.splice(0)) resolve()
        })
        .catch((error: unknown) => {
          this.outbox.unshift(...batch)
          this.setState({ status: 'failed', message: describeError(error) })
          const delay = RETRY_DELAYS_MS[Math.min(this.retries++, RETRY_DELAYS_MS.length - 1)]
          setTimeout(() => {
            this.sending = false
            this.send()
          }, delay)
        })
    })
  }

  private takeChanges(): void {
    const update = this.changes.take()
    if (update) this.outbox.push(update)
  }

  private hasUnsent(): boolean {
    return this.outbox.length > 0 || !this.changes.isEmpty
  }

  private setState(state: SaveState): void {
    if (state.status === this.state.status && state.status !== 'failed') return
    this.state = state
    this.notify()
  }

  private notify(): void {
    // In a microtask: a keystroke's change goes out to teammates (y-webrtc sends it later in the
    // same transaction) before the status is redrawn, and no paint can come in between.
    queueMicrotask(() => {
      const shown = this.saveState
      for (const listener of this.listeners) listener(shown)
    })
  }
}
