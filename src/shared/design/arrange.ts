import type { LayerPatch } from './designDoc'
import { layerBounds, unionOfBoxes } from './layerBounds'
import type { Canvas, Layer } from './types'

export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom'

/**
 * Aligns layers' edges or centres: several layers to their common bounds, a single layer to the
 * canvas. Locked layers stay where they are.
 */
export function alignLayers(layers: readonly Layer[], canvas: Canvas, alignment: Alignment): LayerPatch[] {
  const movable = layers.filter((layer) => !layer.locked)
  const target = movable.length > 1 ? unionOfBoxes(movable.map(layerBounds)) : { x: 0, y: 0, width: canvas.width, height: canvas.height }
  return movable.map((layer) => {
    const bounds = layerBounds(layer)
    // Move the layer's origin by as much as its rotated bounds must move.
    const dx =
      alignment === 'left' ? target.x - bounds.x
      : alignment === 'center' ? target.x + target.width / 2 - (bounds.x + bounds.width / 2)
      : alignment === 'right' ? target.x + target.width - (bounds.x + bounds.width)
      : 0
    const dy =
      alignment === 'top' ? target.y - bounds.y
      : alignment === 'middle' ? target.y + target.height / 2 - (bounds.y + bounds.height / 2)
      : alignment === 'bottom' ? target.y + target.height - (bounds.y + bounds.height)
      : 0
    return { id: layer.id, changes: { x: round(layer.x + dx), y: round(layer.y + dy) } }
  })
}

/** Spaces three or more layers evenly between the outermost two, along one axis. */
export function distributeLayers(layers: readonly Layer[], axis: 'horizontal' | 'vertical'): LayerPatch[] {
  const movable = layers.filter((layer) => !layer.locked)
  if (movable.length < 3) return []
  const start = axis === 'horizontal' ? 'x' : 'y'
  const size = axis === 'horizontal' ? 'width' : 'height'
  const items = movable.map((layer) => ({ layer, bounds: layerBounds(layer) })).sort((a, b) => a.bounds[start] - b.bounds[start])
  const first = items[0]
  const last = items[items.length - 1]
  if (!first || !last) return []
  const span = last.bounds[start] + last.bounds[size] - first.bounds[start]
  const occupied = items.reduce((sum, item) => sum + item.bounds[size], 0)
  const gap = (span - occupied) / (items.length - 1)
  let at = first.bounds[start]
  return items.map(({ layer, bounds }) => {
    const patch = { id: layer.id, changes: { [start]: round(layer[start] + at - bounds[start]) } }
    at += bounds[size] + gap
    return patch
  })
}

/** Layers bottom to top as drawn: by z, ties (two teammates adding a layer at once) by id. */
function stackOrder(layers: readonly Layer[]): Layer[] {
  return [...layers].sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * Moves the layers one step up (or down) the stack, past the next layer they do not include, or
 * to the top or bottom. Only the moved layers change when there is room between their new
 * neighbours' z values; otherwise (equal neighbours) every layer is renumbered.
 */
export function restack(all: readonly Layer[], ids: ReadonlySet<string>, direction: 'forward' | 'backward' | 'front' | 'back'): LayerPatch[] {
  const order = stackOrder(all)
  const chosen = order.filter((layer) => ids.has(layer.id))
  const others = order.filter((layer) => !ids.has(layer.id))
  if (chosen.length === 0 || others.length === 0) return []
  // Where the chosen layers go among the others: after `at` of them.
  let at: number
  if (direction === 'front') at = others.length
  else if (direction === 'back') at = 0
  else if (direction === 'forward') {
    const top = order.indexOf(chosen[chosen.length - 1] as Layer)
    const passed = order.slice(top + 1).find((layer) => !ids.has(layer.id))
    if (!passed) return []
    at = others.indexOf(passed) + 1
  } else {
    const bottom = order.indexOf(chosen[0] as Layer)
    const passed = order.slice(0, bottom).findLast((layer) => !ids.has(layer.id))
    if (!passed) return []
    at = others.indexOf(passed)
  }
  const below = others[at - 1]
  const above = others[at]
  const low = below?.z ?? (above ? above.z - chosen.length - 1 : 0)
  const high = above?.z ?? low + chosen.length + 1
  if (high - low > 1e-9 * (chosen.length + 1)) {
    const step = (high - low) / (chosen.length + 1)
    return chosen.map((layer, i) => ({ id: layer.id, changes: { z: low + step * (i + 1) } }))
  }
  const restacked = [...others.slice(0, at), ...chosen, ...others.slice(at)]
  return restacked.map((layer, i) => ({ id: layer.id, changes: { z: i + 1 } }))
}

/** The z for a layer added on top of all the others. */
export function topZ(layers: readonly Layer[]): number {
  return layers.reduce((max, layer) => Math.max(max, layer.z), 0) + 1
}

/** Every layer in the same group as one of the ids (a click on one grouped layer selects the group). */
export function withGroups(all: readonly Layer[], ids: ReadonlySet<string>): Set<string> {
  const groups = new Set(all.filter((layer) => ids.has(layer.id) && layer.groupId).map((layer) => layer.groupId))
  return new Set(all.filter((layer) => ids.has(layer.id) || (layer.groupId !== null && groups.has(layer.groupId))).map((layer) => layer.id))
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
