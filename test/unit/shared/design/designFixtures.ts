import type { LayerPatch } from '../../../../src/shared/design/designDoc'
import type { Canvas, Design, ImageLayer, Layer, ShapeLayer, TextLayer } from '../../../../src/shared/design/types'

// Small designs for the design tests: layers are listed bottom to top and get z in that order.

const base = { rotation: 0, z: 0, locked: false, groupId: null, opacity: 1 }

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

export function imageLayer(id: string, fields: Partial<ImageLayer> = {}): ImageLayer {
  return { ...base, id, name: id, type: 'image', x: 100, y: 100, width: 400, height: 300, blobHash: 'a'.repeat(64), naturalWidth: 1600, naturalHeight: 1200, alt: '', ...fields }
}

export function shapeLayer(id: string, fields: Partial<ShapeLayer> = {}): ShapeLayer {
  return { ...base, id, name: id, type: 'shape', x: 0, y: 0, width: 200, height: 200, shape: 'rect', fill: '#000000', stroke: '#000000', strokeWidth: 0, cornerRadius: 0, ...fields }
}

/** A design on a white Instagram post (1080 × 1080, 54 px safe zone) unless the canvas says otherwise. */
export function design(layers: Layer[], canvas: Partial<Canvas> = {}): Design {
  return {
    canvas: { width: 1080, height: 1080, presetId: 'instagram-post', background: { kind: 'solid', color: '#ffffff' }, ...canvas },
    layers: layers.map((layer, index) => ({ ...layer, z: index })),
    unreadable: []
  }
}

/** The design's layers with the patches applied (as updateLayers would). */
export function applyPatches(target: Design, patches: readonly LayerPatch[]): Layer[] {
  return target.layers.map((layer) => {
    const patch = patches.find((candidate) => candidate.id === layer.id)
    return patch ? { ...layer, ...patch.changes } : layer
  })
}
