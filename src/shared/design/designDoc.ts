import * as Y from 'yjs'
import { CanvasSchema, LayerSchema, type Canvas, type Design, type Layer } from './types'

// A design's Y.Doc: a 'canvas' map (size, preset, background) and a 'layers' map of layer id →
// Y.Map of that layer's properties. One property per key, so two people changing different
// properties of one layer (one moves it, the other recolours it) both win.

export const DESIGN_CANVAS_FIELD = 'canvas'
export const DESIGN_LAYERS_FIELD = 'layers'

type LayerMap = Y.Map<unknown>

function canvasMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DESIGN_CANVAS_FIELD)
}

function layersMap(doc: Y.Doc): Y.Map<LayerMap> {
  return doc.getMap<LayerMap>(DESIGN_LAYERS_FIELD)
}

/** Writes a new design's canvas and starting layers. Only for a doc just created here (never seed a doc peers hold). */
export function initDesign(doc: Y.Doc, canvas: Canvas, layers: readonly Layer[] = []): void {
  doc.transact(() => {
    const map = canvasMap(doc)
    for (const [key, value] of Object.entries(CanvasSchema.parse(canvas))) map.set(key, value)
    for (const layer of layers) addLayer(doc, layer)
  })
}

/** The canvas settings, or null when they are missing or malformed. */
export function readCanvas(doc: Y.Doc): Canvas | null {
  const parsed = CanvasSchema.safeParse(canvasMap(doc).toJSON())
  return parsed.success ? parsed.data : null
}

/**
 * Whether a design's document holds nothing yet: listed in the workspace but its content has not
 * arrived from the teammate who made it (a design is written whole, canvas and layers, in one
 * transaction, so a document with either is not waiting but damaged if it cannot be read).
 */
export function isDesignAwaited(doc: Y.Doc): boolean {
  return canvasMap(doc).size === 0 && layersMap(doc).size === 0
}

/** The design as drawn, layers bottom to top; null when the canvas itself cannot be read. */
export function readDesign(doc: Y.Doc): Design | null {
  const canvas = readCanvas(doc)
  if (!canvas) return null
  const layers: Layer[] = []
  const unreadable: string[] = []
  layersMap(doc).forEach((value, id) => {
    const parsed = value instanceof Y.Map ? LayerSchema.safeParse({ ...value.toJSON(), id }) : null
    if (parsed?.success) layers.push(parsed.data)
    else unreadable.push(id)
  })
  layers.sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { canvas, layers, unreadable }
}

export function setCanvas(doc: Y.Doc, patch: Partial<Canvas>): void {
  const map = canvasMap(doc)
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) map.set(key, value)
  })
}

export function addLayer(doc: Y.Doc, layer: Layer): void {
  const parsed = LayerSchema.parse(layer)
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(parsed)) if (key !== 'id') map.set(key, value)
  layersMap(doc).set(parsed.id, map)
}

/** A change to one layer: only the properties given, each checked against the layer's schema first. */
export interface LayerPatch {
  id: string
  changes: Partial<Omit<Layer, 'id' | 'type'>> & Record<string, unknown>
}

/** Applies patches in one transaction (one undo step); patches to missing or malformed layers are skipped. */
export function updateLayers(doc: Y.Doc, patches: readonly LayerPatch[]): void {
  const layers = layersMap(doc)
  doc.transact(() => {
    for (const { id, changes } of patches) {
      const map = layers.get(id)
      if (!(map instanceof Y.Map)) continue
      const parsed = LayerSchema.safeParse({ ...map.toJSON(), ...changes, id })
      if (!parsed.success) continue
      for (const key of Object.keys(changes)) {
        if (key === 'id' || key === 'type') continue
        const value = (parsed.data as Record<string, unknown>)[key]
        if (map.get(key) !== value) map.set(key, value)
      }
    }
  })
}

export function deleteLayers(doc: Y.Doc, ids: readonly string[]): void {
  const layers = layersMap(doc)
  doc.transact(() => {
    for (const id of ids) layers.delete(id)
  })
}

/** The map the undo manager tracks (layers and canvas). */
export function designTypes(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [canvasMap(doc), layersMap(doc)] as Y.AbstractType<unknown>[]
}
