import * as Y from 'yjs'

/** Longer than any state vector a draft's edits produce; a peer's longer one is not read. */
const MAX_STATE_VECTOR_BYTES = 16 * 1024

/**
 * Whether the document holds everything the state vector names (every client's edits up to
 * its clock). Malformed or oversized bytes (a buggy or hostile peer's) cover nothing.
 */
export function holdsStateVector(doc: Y.Doc, stateVector: Uint8Array): boolean {
  if (stateVector.byteLength > MAX_STATE_VECTOR_BYTES) return false
  let wanted: Map<number, number>
  try {
    wanted = Y.decodeStateVector(stateVector)
  } catch {
    return false
  }
  const held = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of wanted) if ((held.get(client) ?? 0) < clock) return false
  return true
}
