import type { Box } from './types'

/** What a layer's bounds depend on. */
type Placed = Box & { rotation: number }

/** The axis-aligned box around a layer as drawn (rotated clockwise around its top-left corner). */
export function layerBounds({ x, y, width, height, rotation }: Placed): Box {
  if (rotation % 360 === 0) return { x, y, width, height }
  const radians = (rotation * Math.PI) / 180
  const cos = Math.cos(radians)
  const sin = Math.sin(radians)
  const corners = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height]
  ].map(([cx = 0, cy = 0]) => [x + cx * cos - cy * sin, y + cx * sin + cy * cos] as const)
  const xs = corners.map(([px]) => px)
  const ys = corners.map(([, py]) => py)
  const left = Math.min(...xs)
  const top = Math.min(...ys)
  return { x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top }
}

/** Whether two boxes overlap by more than an edge. */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** Whether `inner` lies wholly inside `outer` (a hair of float error allowed). */
export function boxContains(outer: Box, inner: Box): boolean {
  const slack = 1e-6
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  )
}

/** The smallest box around all the boxes (there must be at least one). */
export function unionOfBoxes(boxes: readonly Box[]): Box {
  const left = Math.min(...boxes.map((box) => box.x))
  const top = Math.min(...boxes.map((box) => box.y))
  const right = Math.max(...boxes.map((box) => box.x + box.width))
  const bottom = Math.max(...boxes.map((box) => box.y + box.height))
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** The area of the canvas a box covers, in px². */
export function areaOnCanvas(box: Box, canvas: { width: number; height: number }): number {
  const width = Math.min(box.x + box.width, canvas.width) - Math.max(box.x, 0)
  const height = Math.min(box.y + box.height, canvas.height) - Math.max(box.y, 0)
  return Math.max(0, width) * Math.max(0, height)
}

/** The part of the canvas inside the safe-zone insets. */
export function safeBox(canvas: { width: number; height: number }, insets: { top: number; right: number; bottom: number; left: number }): Box {
  return { x: insets.left, y: insets.top, width: canvas.width - insets.left - insets.right, height: canvas.height - insets.top - insets.bottom }
}
