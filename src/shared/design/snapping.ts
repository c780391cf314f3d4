import { layerBounds } from './layerBounds'
import type { Box, Canvas, Layer } from './types'

/** A guide line the dragged box snapped to: vertical lines have an x, horizontal ones a y. */
export interface Guide {
  orientation: 'vertical' | 'horizontal'
  position: number
}

export interface Snap {
  /** How far to move the dragged box so its edge or centre sits on a guide. */
  dx: number
  dy: number
  guides: Guide[]
}

/** The lines a box can snap to: the canvas edges and centre, and every other layer's edges and centre. */
function snapLines(canvas: Canvas, others: readonly Layer[]): { vertical: number[]; horizontal: number[] } {
  const vertical = [0, canvas.width / 2, canvas.width]
  const horizontal = [0, canvas.height / 2, canvas.height]
  for (const layer of others) {
    const b = layerBounds(layer)
    vertical.push(b.x, b.x + b.width / 2, b.x + b.width)
    horizontal.push(b.y, b.y + b.height / 2, b.y + b.height)
  }
  return { vertical, horizontal }
}

function nearest(stops: readonly number[], lines: readonly number[], threshold: number): { delta: number; line: number } | null {
  let best: { delta: number; line: number } | null = null
  for (const stop of stops) {
    for (const line of lines) {
      const delta = line - stop
      if (Math.abs(delta) <= threshold && (!best || Math.abs(delta) < Math.abs(best.delta))) best = { delta, line }
    }
  }
  return best
}

/**
 * Where a dragged box should snap: its left, centre or right onto the nearest vertical line and
 * its top, middle or bottom onto the nearest horizontal line, each within `threshold` canvas px.
 */
export function snapBox(box: Box, canvas: Canvas, others: readonly Layer[], threshold: number): Snap {
  const lines = snapLines(canvas, others)
  const x = nearest([box.x, box.x + box.width / 2, box.x + box.width], lines.vertical, threshold)
  const y = nearest([box.y, box.y + box.height / 2, box.y + box.height], lines.horizontal, threshold)
  const guides: Guide[] = []
  if (x) guides.push({ orientation: 'vertical', position: x.line })
  if (y) guides.push({ orientation: 'horizontal', position: y.line })
  return { dx: x?.delta ?? 0, dy: y?.delta ?? 0, guides }
}
