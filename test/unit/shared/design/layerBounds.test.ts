import { describe, expect, it } from 'vitest'
import { boxesIntersect, layerBounds, unionOfBoxes } from '../../../../src/shared/design/layerBounds'
import type { Box } from '../../../../src/shared/design/types'

function expectBox(actual: Box | null, expected: Box): void {
  expect(actual).not.toBeNull()
  expect(actual?.x).toBeCloseTo(expected.x, 9)
  expect(actual?.y).toBeCloseTo(expected.y, 9)
  expect(actual?.width).toBeCloseTo(expected.width, 9)
  expect(actual?.height).toBeCloseTo(expected.height, 9)
}

describe('layerBounds', () => {
  it('is the box itself when the layer is not rotated', () => {
    expect(layerBounds({ x: 10, y: 20, width: 300, height: 40, rotation: 0 })).toEqual({ x: 10, y: 20, width: 300, height: 40 })
  })

  it('turns a box rotated 90° clockwise around its top-left corner down and to the left of that corner', () => {
    // The top edge now runs down from (100, 100); the box's height sticks out to the left.
    expectBox(layerBounds({ x: 100, y: 100, width: 200, height: 50, rotation: 90 }), { x: 50, y: 100, width: 50, height: 200 })
  })

  it('swings a box rotated 180° up and to the left of its corner, and -90° upwards', () => {
    expectBox(layerBounds({ x: 100, y: 100, width: 200, height: 50, rotation: 180 }), { x: -100, y: 50, width: 200, height: 50 })
    expectBox(layerBounds({ x: 100, y: 100, width: 200, height: 50, rotation: -90 }), { x: 100, y: -100, width: 50, height: 200 })
  })

  it('grows to hold the corners of a box rotated 45°', () => {
    const side = 100
    const diagonal = side * Math.SQRT2
    // Corners: (0,0), (70.7,70.7), (-70.7,70.7), (0,141.4).
    expectBox(layerBounds({ x: 0, y: 0, width: side, height: side, rotation: 45 }), { x: -diagonal / 2, y: 0, width: diagonal, height: diagonal })
  })
})

describe('unionOfBoxes', () => {
  it('is the box itself for one box', () => {
    expect(unionOfBoxes([{ x: 1, y: 2, width: 3, height: 4 }])).toEqual({ x: 1, y: 2, width: 3, height: 4 })
  })

  it('is the smallest box holding all of them, even when they are apart', () => {
    expect(
      unionOfBoxes([
        { x: 100, y: 50, width: 10, height: 10 },
        { x: -20, y: 200, width: 30, height: 5 },
        { x: 40, y: 0, width: 500, height: 1 }
      ])
    ).toEqual({ x: -20, y: 0, width: 560, height: 205 })
  })
})

describe('boxesIntersect', () => {
  const a = { x: 0, y: 0, width: 100, height: 100 }

  it('is true for overlapping boxes and for a box inside another, either way round', () => {
    expect(boxesIntersect(a, { x: 50, y: 50, width: 100, height: 100 })).toBe(true)
    expect(boxesIntersect(a, { x: 10, y: 10, width: 5, height: 5 })).toBe(true)
    expect(boxesIntersect({ x: 10, y: 10, width: 5, height: 5 }, a)).toBe(true)
  })

  it('is false for boxes that are apart or only touch along an edge', () => {
    expect(boxesIntersect(a, { x: 200, y: 0, width: 10, height: 10 })).toBe(false)
    expect(boxesIntersect(a, { x: 0, y: 101, width: 10, height: 10 })).toBe(false)
    expect(boxesIntersect(a, { x: 100, y: 0, width: 10, height: 10 })).toBe(false)
    expect(boxesIntersect(a, { x: 0, y: 100, width: 10, height: 10 })).toBe(false)
  })

  it('is false when boxes overlap on one axis only', () => {
    expect(boxesIntersect(a, { x: 50, y: 150, width: 10, height: 10 })).toBe(false)
    expect(boxesIntersect(a, { x: 150, y: 50, width: 10, height: 10 })).toBe(false)
  })
})
