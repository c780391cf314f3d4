import { describe, expect, it } from 'vitest'
import { snapBox } from '../../../../src/shared/design/snapping'
import type { ShapeLayer } from '../../../../src/shared/design/types'
import { canvasOf, shapeLayer } from './designFixtures'

const canvas = canvasOf({ width: 1000, height: 800, presetId: null })
const shape = (id: string, fields: Partial<ShapeLayer> = {}): ShapeLayer => shapeLayer(id, { width: 100, height: 100, ...fields })

describe('snapBox', () => {
  it('snaps a box dragged near the canvas centre onto it, with guides through the centre', () => {
    // Centre at (503, 397): 3 px right of and 3 px above the canvas centre (500, 400).
    const snap = snapBox({ x: 453, y: 347, width: 100, height: 100 }, canvas, [], 5)
    expect(snap.dx).toBe(-3)
    expect(snap.dy).toBe(3)
    expect(snap.guides).toEqual(
      expect.arrayContaining([
        { orientation: 'vertical', position: 500 },
        { orientation: 'horizontal', position: 400 }
      ])
    )
    expect(snap.guides).toHaveLength(2)
  })

  it('snaps a box’s left edge onto another layer’s left edge', () => {
    const other = shape('other', { x: 300, y: 600, width: 150, height: 60 })
    // Left edge 4 px right of the other layer's (centre 334, right 364: nothing near); nothing near vertically either.
    const snap = snapBox({ x: 304, y: 120, width: 60, height: 40 }, canvas, [other], 5)
    expect(snap).toEqual({ dx: -4, dy: 0, guides: [{ orientation: 'vertical', position: 300 }] })
  })

  it('snaps to a rotated layer’s rotated bounds, not its unrotated box', () => {
    // Rotated 90° around (600, 100): it spans x 550..600 on the canvas.
    const rotated = shape('r', { x: 600, y: 100, width: 200, height: 50, rotation: 90 })
    const snap = snapBox({ x: 200, y: 500, width: 348, height: 40 }, canvas, [rotated], 5)
    expect(snap.dx).toBeCloseTo(2, 9)
    expect(snap.guides).toHaveLength(1)
    expect(snap.guides[0]?.orientation).toBe('vertical')
    expect(snap.guides[0]?.position).toBeCloseTo(550, 9)
  })

  it('leaves the box where it is, with no guides, when nothing is within the threshold', () => {
    const other = shape('other', { x: 700, y: 600, width: 100, height: 100 })
    expect(snapBox({ x: 120, y: 130, width: 60, height: 60 }, canvas, [other], 5)).toEqual({ dx: 0, dy: 0, guides: [] })
  })

  it('snaps to a line exactly at the threshold but not one just beyond it', () => {
    expect(snapBox({ x: 5, y: 300, width: 50, height: 50 }, canvas, [], 5).dx).toBe(-5)
    expect(snapBox({ x: 5.5, y: 300, width: 50, height: 50 }, canvas, [], 5)).toEqual({ dx: 0, dy: 0, guides: [] })
  })

  it('chooses the nearest line when several are within reach', () => {
    // Left edge 4 px from the other layer's left (200); right edge 1 px from its right (300).
    const other = shape('other', { x: 200, y: 600, width: 100, height: 100 })
    const snap = snapBox({ x: 204, y: 120, width: 95, height: 30 }, canvas, [other], 10)
    expect(snap.dx).toBe(1)
    expect(snap.guides).toEqual([{ orientation: 'vertical', position: 300 }])

    // Two layers' top edges near the box's top: 3 px above and 2 px below; the one below wins.
    const above = shape('above', { x: 800, y: 97, width: 10, height: 10 })
    const below = shape('below', { x: 850, y: 102, width: 10, height: 10 })
    const vertical = snapBox({ x: 400, y: 100, width: 30, height: 30 }, canvas, [above, below], 10)
    expect(vertical.dy).toBe(2)
    expect(vertical.guides).toContainEqual({ orientation: 'horizontal', position: 102 })
  })
})
