import * as Y from 'yjs'
import { encodeChanges, type DeleteSet, type StateVector } from './encodeChanges'

/**
 * Collects the changes a doc's transactions make, except those whose origin is ignored, and
 * hands them out as one update per take(). Listening to 'update' instead would make Yjs encode an
 * update for every transaction, which costs more than a third of applying it.
 */
export class LocalChanges {
  /** The doc's state before the first change not taken yet; null when there is none. */
  private since: StateVector | null = null
  private addedCount = 0
  private deletions: DeleteSet[] = []
  /** Copies of what could not be integrated yet, taken when a recorded transaction changed it. */
  private pending: Uint8Array[] = []
  /**
   * What the doc held but could not integrate yet (its dependencies were missing). Yjs assigns
   * new values when these change (never edits them in place), so comparing identities detects a
   * change; pendingDs is also reassigned unchanged when an update is applied, which only costs a copy.
   */
  private seenPendingStructs: Uint8Array | undefined
  private seenPendingDs: Uint8Array | null

  constructor(
    private readonly doc: Y.Doc,
    private readonly ignoredOrigin: unknown,
    private readonly onChange: () => void
  ) {
    this.seenPendingStructs = doc.store.pendingStructs?.update
    this.seenPendingDs = doc.store.pendingDs
    doc.on('afterTransaction', this.record)
  }

  get isEmpty(): boolean {
    return this.since === null
  }

  /** How many characters and other items the changes not taken yet have added. */
  get added(): number {
    return this.addedCount
  }

  /**
   * Everything changed since the last take, as one update (null when nothing changed). Structs
   * that ignored transactions added meanwhile may come along: applying them again changes nothing.
   */
  take(): Uint8Array | null {
    if (this.since === null) return null
    const update = encodeChanges(this.doc, this.since, Y.mergeDeleteSets(this.deletions))
    const pending = this.pending
    this.since = null
    this.addedCount = 0
    this.deletions = []
    this.pending = []
    return pending.length > 0 ? Y.mergeUpdates([update, ...pending]) : update
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.record)
  }

  private readonly record = (transaction: Y.Transaction): void => {
    // Runs after every transaction (each keystroke), so it allocates nothing on the common path.
    const pendingStructs = this.doc.store.pendingStructs?.update
    const pendingDs = this.doc.store.pendingDs
    const pendingChanged = pendingStructs !== this.seenPendingStructs || pendingDs !== this.seenPendingDs
    this.seenPendingStructs = pendingStructs
    this.seenPendingDs = pendingDs
    if (transaction.origin === this.ignoredOrigin) return
    const deleted = transaction.deleteSet.clients.size > 0
    const added = clockGrowth(transaction)
    if (!deleted && !pendingChanged && added === 0) return
    this.since ??= transaction.beforeState
    this.addedCount += added
    // Kept as is: Yjs does not change a transaction's delete set once the transaction is over.
    if (deleted) this.deletions.push(transaction.deleteSet)
    // Copied now, not at take(): should an ignored transaction integrate it first, the deletions
    // it holds would land in that transaction's delete set and never be sent.
    const pendingNow = pendingChanged ? pendingUpdate(this.doc) : null
    if (pendingNow) this.pending.push(pendingNow)
    this.onChange()
  }
}

/** How far the transaction moved the doc's clocks: one step per character or other item added. */
function clockGrowth(transaction: Y.Transaction): number {
  let growth = 0
  transaction.afterState.forEach((clock, client) => {
    growth += clock - (transaction.beforeState.get(client) ?? 0)
  })
  return growth
}

/** The pending parts as one v1 update (Yjs keeps them in the v2 format), or null. */
function pendingUpdate(doc: Y.Doc): Uint8Array | null {
  const parts = [doc.store.pendingStructs?.update, doc.store.pendingDs]
    .filter((part): part is Uint8Array => part != null)
    .map((part) => Y.convertUpdateFormatV2ToV1(part))
  return parts.length > 0 ? Y.mergeUpdates(parts) : null
}
