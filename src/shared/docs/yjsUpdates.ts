import * as Y from 'yjs'

/**
 * Y.mergeUpdates grows much faster than linearly with the number of updates (20,000 keystrokes
 * take seconds), so long logs are merged in small groups and the groups applied in one transaction.
 */
const MERGE_GROUP = 64

/** True when the bytes parse as a complete Yjs (v1) update. Never throws. */
export function isValidUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update)
    return true
  } catch {
    return false
  }
}

/** Fewer, larger updates carrying the same content, without integrating anything (nothing pending is lost). */
export function mergeInGroups(updates: readonly Uint8Array[], group = MERGE_GROUP): Uint8Array[] {
  const merged: Uint8Array[] = []
  for (let i = 0; i < updates.length; i += group) {
    const slice = updates.slice(i, i + group)
    merged.push(slice.length === 1 && slice[0] ? slice[0] : Y.mergeUpdates(slice))
  }
  return merged
}

/** Applies updates in one transaction: observers run once, and it is linear in their number. */
export function applyUpdates(doc: Y.Doc, updates: readonly Uint8Array[], origin?: unknown): void {
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update, origin)
  }, origin)
}

/**
 * The parts of what was applied to `doc` that could not be integrated yet because updates they
 * depend on have not arrived, as one update, or null when there are none.
 */
export function pendingOf(doc: Y.Doc): Uint8Array | null {
  // Yjs keeps pending parts in its v2 encoding; everything Holdfast stores is v1.
  const parts: Uint8Array[] = []
  if (doc.store.pendingStructs) parts.push(Y.convertUpdateFormatV2ToV1(doc.store.pendingStructs.update))
  if (doc.store.pendingDs) parts.push(Y.convertUpdateFormatV2ToV1(doc.store.pendingDs))
  if (parts.length === 0) return null
  return parts.length === 1 && parts[0] ? parts[0] : Y.mergeUpdates(parts)
}
