// New layers take their id from the caller (a random UUID in the window, so teammates adding
// layers at once never collide).
import type { Canvas, ImageLayer, ShapeLayer, TextLayer } from './types'

const base = { rotation: 0, locked: false, groupId: null, opacity: 1 }

/** A text layer in the middle of the canvas, a third of its width. */
export function newTextLayer(id: string, canvas: Canvas, z: number, text = 'Your text here'): TextLayer {
  const fontSize = Math.max(16, Math.round(Math.min(canvas.width, canvas.height) / 14))
  const width = Math.round(canvas.width * 0.6)
  const height = Math.round(fontSize * 1.2 * 2)
  return {
    ...base,
    id,
    type: 'text',
    name: 'Text',
    x: Math.round((canvas.width - width) / 2),
    y: Math.round((canvas.height - height) / 2),
    width,
    height,
    z,
    text,
    role: 'body',
    fontFamily: 'Inter',
    fontSize,
    fontWeight: 700,
    fill: '#111111',
    align: 'center',
    lineHeight: 1.2
  }
}

const SHAPE_NAMES = { rect: 'Rectangle', ellipse: 'Ellipse', line: 'Line' } as const

/** A shape in the middle of the canvas, a quarter of its shorter side. */
export function newShapeLayer(id: string, canvas: Canvas, z: number, shape: ShapeLayer['shape']): ShapeLayer {
  const side = Math.round(Math.min(canvas.width, canvas.height) / 4)
  return {
    ...base,
    id,
    type: 'shape',
    name: SHAPE_NAMES[shape],
    shape,
    x: Math.round((canvas.width - side) / 2),
    y: Math.round((canvas.height - side) / 2),
    width: side,
    height: shape === 'line' ? 0 : side,
    z,
    fill: '#2f6fde',
    stroke: '#111111',
    strokeWidth: shape === 'line' ? 6 : 0,
    cornerRadius: 0
  }
}

/** An image layer fitted inside the canvas at most at its natural size, centred. */
export function newImageLayer(id: string, canvas: Canvas, z: number, image: { hash: string; width: number; height: number; name: string }): ImageLayer {
  const fit = Math.min(1, (canvas.width * 0.8) / image.width, (canvas.height * 0.8) / image.height)
  const width = Math.max(1, Math.round(image.width * fit))
  const height = Math.max(1, Math.round(image.height * fit))
  return {
    ...base,
    id,
    type: 'image',
    name: image.name.slice(0, 200) || 'Image',
    x: Math.round((canvas.width - width) / 2),
    y: Math.round((canvas.height - height) / 2),
    width,
    height,
    z,
    blobHash: image.hash,
    naturalWidth: image.width,
    naturalHeight: image.height,
    alt: ''
  }
}
