import { describe, expect, it } from 'vitest'
import { alignLayers, distributeLayers, restack, topZ, withGroups, type Alignment } from '../../../../src/shared/design/arrange'
import type { LayerPatch } from '../../../../src/shared/design/designDoc'
import { layerBounds } from '../../../../src/shared/design/layerBounds'
import type { Layer, ShapeLayer } from '../../../../src/shared/design/types'
import { applyPatches, canvasOf, shapeLayer } from './designFixtures'

const canvas = canvasOf({ width: 1000, height: 800, presetId: null })
const shape = (id: string, fields: Partial<ShapeLayer> = {}): ShapeLayer => shapeLayer(id, { width: 100, height: 100, ...fields })

/** Ids bottom to top, ordered as readDesign orders them (z, then id). */
function stackOrder(layers: readonly Layer[]): string[] {
  return [...layers].sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((layer) => layer.id)
}

function positions(layers: readonly Layer[], patches: readonly LayerPatch[]): Record<string, { x: number; y: number }> {
  return Object.fromEntries(applyPatches(layers, patches).map((layer) => [layer.id, { x: layer.x, y: layer.y }]))
}

describe('alignLayers', () => {
  const single = [shape('a', { x: 100, y: 200, width: 200, height: 100 })]

  it.each<[Alignment, { x: number; y: number }]>([
    ['left', { x: 0, y: 200 }],
    ['center', { x: 400, y: 200 }],
    ['right', { x: 800, y: 200 }],
    ['top', { x: 100, y: 0 }],
    ['middle', { x: 100, y: 350 }],
    ['bottom', { x: 100, y: 700 }]
  ])('aligns a single layer to the canvas: %s', (alignment, expected) => {
    expect(positions(single, alignLayers(single, canvas, alignment))).toEqual({ a: expected })
  })

  // Their union runs from (100, 100) to (500, 400): centre (300, 250).
  const several = [shape('a', { x: 100, y: 100, width: 100, height: 50 }), shape('b', { x: 300, y: 250, width: 200, height: 150 })]

  it.each<[Alignment, Record<string, { x: number; y: number }>]>([
    ['left', { a: { x: 100, y: 100 }, b: { x: 100, y: 250 } }],
    ['center', { a: { x: 250, y: 100 }, b: { x: 200, y: 250 } }],
    ['right', { a: { x: 400, y: 100 }, b: { x: 300, y: 250 } }],
    ['top', { a: { x: 100, y: 100 }, b: { x: 300, y: 100 } }],
    ['middle', { a: { x: 100, y: 225 }, b: { x: 300, y: 175 } }],
    ['bottom', { a: { x: 100, y: 350 }, b: { x: 300, y: 250 } }]
  ])('aligns several layers to their common bounds, not the canvas: %s', (alignment, expected) => {
    expect(positions(several, alignLayers(several, canvas, alignment))).toEqual(expected)
  })

  it('aligns a rotated layer by its rotated bounds', () => {
    // Rotated 90° around its top-left corner (300, 100): it covers x 250..300, y 100..300.
    const rotated = [shape('r', { x: 300, y: 100, width: 200, height: 50, rotation: 90 })]
    const boundsAfter = (alignment: Alignment): ReturnType<typeof layerBounds> => {
      const [moved] = applyPatches(rotated, alignLayers(rotated, canvas, alignment))
      if (!moved) throw new Error('no layer')
      return layerBounds(moved)
    }
    expect(boundsAfter('left').x).toBeCloseTo(0, 6)
    expect(boundsAfter('right').x + boundsAfter('right').width).toBeCloseTo(1000, 6)
    expect(boundsAfter('top').y).toBeCloseTo(0, 6)
    expect(boundsAfter('bottom').y + boundsAfter('bottom').height).toBeCloseTo(800, 6)
    expect(boundsAfter('center').x + boundsAfter('center').width / 2).toBeCloseTo(500, 6)
    expect(boundsAfter('middle').y + boundsAfter('middle').height / 2).toBeCloseTo(400, 6)
    // The origin moves by as much as the bounds do: left puts the corner 50 px in.
    expect(positions(rotated, alignLayers(rotated, canvas, 'left')).r?.x).toBeCloseTo(50, 6)
  })

  it('leaves locked layers where they are', () => {
    const layers = [
      shape('a', { x: 100, y: 100 }),
      shape('b', { x: 300, y: 300 }),
      shape('locked', { x: 700, y: 600, locked: true })
    ]
    const patches = alignLayers(layers, canvas, 'right')
    expect(patches.map((p) => p.id).sort()).toEqual(['a', 'b'])
    // The unlocked ones align among themselves: the locked layer's far right edge does not count.
    expect(positions(layers, patches)).toEqual({ a: { x: 300, y: 100 }, b: { x: 300, y: 300 }, locked: { x: 700, y: 600 } })
    expect(alignLayers([shape('only', { locked: true, x: 50 })], canvas, 'left')).toEqual([])
  })
})

describe('distributeLayers', () => {
  function gaps(layers: readonly Layer[], axis: 'x' | 'y'): number[] {
    const size = axis === 'x' ? 'width' : 'height'
    const sorted = [...layers].sort((a, b) => a[axis] - b[axis])
    return sorted.slice(1).map((layer, i) => {
      const before = sorted[i] as Layer
      return layer[axis] - (before[axis] + before[size])
    })
  }

  it('spaces three layers with equal gaps between the outermost two, whatever order they are given in', () => {
    const layers = [shape('c', { x: 500, width: 100 }), shape('a', { x: 0, width: 100 }), shape('b', { x: 150, width: 50, y: 40 })]
    const moved = applyPatches(layers, distributeLayers(layers, 'horizontal'))
    expect(gaps(moved, 'x')).toEqual([175, 175])
    // The outermost stay put, and nobody moves on the other axis.
    expect(positions(layers, distributeLayers(layers, 'horizontal'))).toEqual({ a: { x: 0, y: 0 }, b: { x: 275, y: 40 }, c: { x: 500, y: 0 } })
  })

  it('spaces four layers of different heights evenly down the canvas', () => {
    const layers = [
      shape('a', { y: 0, height: 50 }),
      shape('b', { y: 60, height: 100 }),
      shape('c', { y: 170, height: 30 }),
      shape('d', { y: 600, height: 80 })
    ]
    const moved = applyPatches(layers, distributeLayers(layers, 'vertical'))
    const [first, ...rest] = gaps(moved, 'y')
    expect(first).toBeCloseTo(140, 6)
    for (const gap of rest) expect(gap).toBeCloseTo(first ?? Number.NaN, 1)
  })

  it('does nothing with fewer than three movable layers', () => {
    expect(distributeLayers([], 'horizontal')).toEqual([])
    expect(distributeLayers([shape('a'), shape('b', { x: 500 })], 'horizontal')).toEqual([])
    expect(distributeLayers([shape('a'), shape('b', { x: 500 }), shape('c', { x: 900, locked: true })], 'vertical')).toEqual([])
  })
})

describe('restack', () => {
  const stack = [shape('a', { z: 0 }), shape('b', { z: 1 }), shape('c', { z: 2 }), shape('d', { z: 3 })]
  const after = (ids: string[], direction: 'forward' | 'backward' | 'front' | 'back'): string[] =>
    stackOrder(applyPatches(stack, restack(stack, new Set(ids), direction)))

  it('brings a layer forward one step, past the next layer above it', () => {
    expect(after(['b'], 'forward')).toEqual(['a', 'c', 'b', 'd'])
    expect(after(['c'], 'forward')).toEqual(['a', 'b', 'd', 'c'])
    expect(after(['a', 'b'], 'forward')).toEqual(['c', 'a', 'b', 'd'])
  })

  it('sends a layer backward one step', () => {
    expect(after(['c'], 'backward')).toEqual(['a', 'c', 'b', 'd'])
    expect(after(['b'], 'backward')).toEqual(['b', 'a', 'c', 'd'])
    expect(after(['c', 'd'], 'backward')).toEqual(['a', 'c', 'd', 'b'])
  })

  it('brings layers to the front and sends them to the back, keeping their order among themselves', () => {
    expect(after(['a', 'c'], 'front')).toEqual(['b', 'd', 'a', 'c'])
    expect(after(['b', 'd'], 'back')).toEqual(['b', 'd', 'a', 'c'])
    expect(after(['a'], 'front')).toEqual(['b', 'c', 'd', 'a'])
    expect(after(['d'], 'back')).toEqual(['d', 'a', 'b', 'c'])
  })

  it('writes only the chosen layers’ z', () => {
    const patches = restack(stack, new Set(['a', 'c']), 'front')
    expect(patches.map((p) => p.id)).toEqual(['a', 'c'])
    for (const patch of patches) expect(Object.keys(patch.changes)).toEqual(['z'])
  })

  it('does nothing for forward at the top, backward at the bottom, no selection, or everything selected', () => {
    expect(restack(stack, new Set(['d']), 'forward')).toEqual([])
    expect(restack(stack, new Set(['c', 'd']), 'forward')).toEqual([])
    expect(restack(stack, new Set(['a']), 'backward')).toEqual([])
    expect(restack(stack, new Set(), 'front')).toEqual([])
    expect(restack(stack, new Set(['a', 'b', 'c', 'd']), 'back')).toEqual([])
  })

  it('can be applied again and again (z values stay distinct and ordered)', () => {
    let layers: Layer[] = stack
    for (let i = 0; i < 30; i++) layers = applyPatches(layers, restack(layers, new Set(['a']), i % 2 === 0 ? 'forward' : 'back'))
    expect(new Set(layers.map((layer) => layer.z)).size).toBe(4)
    expect(stackOrder(layers)).toEqual(['a', 'b', 'c', 'd'])
  })

  // Equal z values happen when two teammates add a layer on top at once (both get topZ).
  it('moves a layer past a layer with the same z that is drawn above it', () => {
    const tied = [shape('a', { z: 1 }), shape('b', { z: 1 })]
    expect(stackOrder(tied)).toEqual(['a', 'b'])
    expect(stackOrder(applyPatches(tied, restack(tied, new Set(['a']), 'forward')))).toEqual(['b', 'a'])
  })
})

describe('topZ', () => {
  it('is above every layer', () => {
    expect(topZ([])).toBe(1)
    expect(topZ([shape('a', { z: 3 }), shape('b', { z: -2 }), shape('c', { z: 2.5 })])).toBe(4)
    const low = [shape('a', { z: -10 }), shape('b', { z: -4 })]
    expect(topZ(low)).toBeGreaterThan(-4)
  })
})

describe('withGroups', () => {
  const layers = [
    shape('a', { groupId: 'g' }),
    shape('b', { groupId: 'g' }),
    shape('c'),
    shape('d', { groupId: 'h' }),
    shape('e', { groupId: 'h' })
  ]

  it('expands a grouped layer to its whole group', () => {
    expect(withGroups(layers, new Set(['a']))).toEqual(new Set(['a', 'b']))
    expect(withGroups(layers, new Set(['a', 'e']))).toEqual(new Set(['a', 'b', 'd', 'e']))
  })

  it('leaves ungrouped layers alone and ignores ids that are not layers', () => {
    expect(withGroups(layers, new Set(['c']))).toEqual(new Set(['c']))
    expect(withGroups(layers, new Set(['gone']))).toEqual(new Set())
  })
})
