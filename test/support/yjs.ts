import * as Y from 'yjs'
import { applyUpdates } from '../../src/shared/docs/yjsUpdates'

/** Records every update a doc emits, as the editor's doc would send them. */
export function recordUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return updates
}

/** The text a document holds once the given stored updates are applied. */
export function textOf(updates: readonly Uint8Array[], name = 'text'): string {
  const doc = new Y.Doc()
  applyUpdates(doc, updates)
  return doc.getText(name).toJSON()
}
