import type Konva from 'konva'
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import type { Design } from '../../../../shared/design/types'
import { encodeImage } from './encode/encodeImage'
import { ExportStage } from './ExportStage'
import { whenDesignFontsReady } from './fonts'

export type RasterFormat = 'png' | 'jpeg'

/** JPEG quality for exports: visually lossless for flat marketing graphics. */
const JPEG_QUALITY = 0.92

/**
 * Draws the design at exactly canvas × scale pixels on a stage of its own (never the on-screen
 * one, whose size follows the window), with the bundled fonts loaded first.
 */
async function renderDesign(design: Design, images: ReadonlyMap<string, HTMLImageElement>, scale: number): Promise<HTMLCanvasElement> {
  await whenDesignFontsReady()
  const host = document.createElement('div')
  const root = createRoot(host)
  try {
    const stage = await new Promise<Konva.Stage>((resolve) => {
      root.render(createElement(ExportStage, { design, images, onReady: resolve }))
    })
    const drawn = stage.toCanvas({ pixelRatio: scale })
    // Konva rounds the pixel size itself; the output is cut to the exact size asked for.
    const output = document.createElement('canvas')
    output.width = Math.round(design.canvas.width * scale)
    output.height = Math.round(design.canvas.height * scale)
    output.getContext('2d')?.drawImage(drawn, 0, 0)
    return output
  } finally {
    root.unmount()
  }
}

/** The design as a PNG or JPEG file of exactly its canvas size times `scale`. */
export async function exportRaster(design: Design, images: ReadonlyMap<string, HTMLImageElement>, format: RasterFormat, scale: 1 | 2): Promise<Blob> {
  const canvas = await renderDesign(design, images, scale)
  return format === 'png' ? encodeImage(canvas, 'image/png') : encodeImage(canvas, 'image/jpeg', JPEG_QUALITY)
}
