import * as Y from 'yjs'

/** Records every update a doc emits, as the editor's doc would send them. */
export function recordUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return updates
}

export function textOf(state: Uint8Array, name = 'text'): string {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc.getText(name).toJSON()
}
