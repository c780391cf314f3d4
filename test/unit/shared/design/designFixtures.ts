import * as Y from 'yjs'
import type { LayerPatch } from '../../../../src/shared/design/designDoc'
import type { Canvas, Design, ImageLayer, Layer, ShapeLayer, TextLayer } from '../../../../src/shared/design/types'

// Small, valid designs for the design tests. Each builder takes overrides for any field;
// layers passed to design() are listed bottom to top and get z in that order.

const base = { rotation: 0, z: 0, locked: false, groupId: null, opacity: 1 }

/** A white Instagram post canvas (1080 × 1080, 54 px safe zone) unless the fields say otherwise. */
export function canvasOf(fields: Partial<Canvas> = {}): Canvas {
  return { width: 1080, height: 1080, presetId: 'instagram-post', background: { kind: 'solid', color: '#ffffff' }, ...fields }
}

export function textLayer(id: string, fields: Partial<TextLayer> = {}): TextLayer {
  return {
    ...base,
    id,
    name: id,
    type: 'text',
    x: 100,
    y: 100,
    width: 600,
    height: 100,
    text: 'Summer sale',
    role: 'body',
    fontFamily: 'Inter',
    fontSize: 16,
    fontWeight: 400,
    fill: '#000000',
    align: 'left',
    lineHeight: 1.2,
    ...fields
  }
}

/** A bold 48 px near-black headline. */
export function headlineLayer(id: string, fields: Partial<TextLayer> = {}): TextLayer {
  return textLayer(id, { role: 'headline', fontSize: 48, fontWeight: 700, fill: '#111111', ...fields })
}

export function imageLayer(id: string, fields: Partial<ImageLayer> = {}): ImageLayer {
  return { ...base, id, name: id, type: 'image', x: 100, y: 100, width: 400, height: 300, blobHash: 'a'.repeat(64), naturalWidth: 1600, naturalHeight: 1200, alt: '', ...fields }
}

export function shapeLayer(id: string, fields: Partial<ShapeLayer> = {}): ShapeLayer {
  return { ...base, id, name: id, type: 'shape', x: 0, y: 0, width: 200, height: 200, shape: 'rect', fill: '#000000', stroke: '#000000', strokeWidth: 0, cornerRadius: 0, ...fields }
}

/** A design on canvasOf(canvas), its layers' z renumbered bottom to top. */
export function design(layers: Layer[], canvas: Partial<Canvas> = {}): Design {
  return {
    canvas: canvasOf(canvas),
    layers: layers.map((layer, index) => ({ ...layer, z: index })),
    unreadable: []
  }
}

/** The layers (or a design's layers) with the patches applied, as updateLayers would. */
export function applyPatches(target: Design | readonly Layer[], patches: readonly LayerPatch[]): Layer[] {
  const layers = 'layers' in target ? target.layers : target
  return layers.map((layer) => {
    const patch = patches.find((candidate) => candidate.id === layer.id)
    return patch ? { ...layer, ...patch.changes } : layer
  })
}

/** A layer's map in a design doc, as a peer could write to it directly. */
export function rawLayer(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = doc.getMap<Y.Map<unknown>>('layers').get(id)
  if (!(map instanceof Y.Map)) throw new Error(`no layer ${id}`)
  return map
}

/** Exchanges updates both ways, applied with a remote origin (as the app applies a teammate's changes). */
export function sync(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, fromA, 'remote')
  Y.applyUpdate(a, fromB, 'remote')
}
