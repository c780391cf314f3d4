import * as Y from 'yjs'

/** True when the bytes parse as a complete Yjs (v1) update. Never throws. */
export function isValidUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update)
    return true
  } catch {
    return false
  }
}

/** One update that carries everything in `updates`, without integrating them (so nothing pending is lost). */
export function mergeAll(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 1 && updates[0]) return updates[0]
  return Y.mergeUpdates([...updates])
}

/**
 * The parts of what was applied to `doc` that could not be integrated yet because updates they
 * depend on have not arrived, as one update, or null when there are none.
 */
export function pendingOf(doc: Y.Doc): Uint8Array | null {
  const parts: Uint8Array[] = []
  if (doc.store.pendingStructs) parts.push(doc.store.pendingStructs.update)
  if (doc.store.pendingDs) parts.push(doc.store.pendingDs)
  return parts.length === 0 ? null : mergeAll(parts)
}
