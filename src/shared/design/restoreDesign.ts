import * as Y from 'yjs'
import { addLayer, deleteLayers, readDesign, setCanvas, updateLayers } from './designDoc'

/**
 * Puts a stored version of a design back as a new change on top of the current document (never a
 * rewind, so it merges with teammates' work): the version's canvas, its layers as they were, and
 * layers added since removed. Returns false (changing nothing) when the version cannot be read.
 */
export function restoreDesign(doc: Y.Doc, versionState: Uint8Array): boolean {
  const snapshot = new Y.Doc()
  try {
    try {
      Y.applyUpdate(snapshot, versionState)
    } catch {
      return false
    }
    const version = readDesign(snapshot)
    if (!version) return false
    const current = readDesign(doc)
    const kept = new Set(version.layers.map((layer) => layer.id))
    const existing = new Map(current?.layers.map((layer) => [layer.id, layer.type]) ?? [])
    doc.transact(() => {
      setCanvas(doc, version.canvas)
      // Unreadable layers go too: the version shows what a readable design looked like.
      deleteLayers(doc, [...(current?.layers ?? []).map((layer) => layer.id), ...(current?.unreadable ?? [])].filter((id) => !kept.has(id)))
      for (const layer of version.layers) {
        // Property by property where the layer is still the same kind, so a teammate's concurrent
        // edit to another property survives; replaced whole where it changed kind.
        if (existing.get(layer.id) === layer.type) updateLayers(doc, [{ id: layer.id, changes: { ...layer } }])
        else addLayer(doc, layer)
      }
    })
    return true
  } finally {
    snapshot.destroy()
  }
}
