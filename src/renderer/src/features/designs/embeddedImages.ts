import type { Design } from '../../../../shared/design/types'

/** Each image layer's picture as a PNG data URL, so an exported SVG stands on its own. */
export async function embeddedImageHrefs(design: Design, images: ReadonlyMap<string, HTMLImageElement>): Promise<Map<string, string>> {
  const hrefs = new Map<string, string>()
  for (const layer of design.layers) {
    if (layer.type !== 'image' || hrefs.has(layer.blobHash)) continue
    const image = images.get(layer.blobHash)
    if (!image) continue
    const canvas = document.createElement('canvas')
    canvas.width = image.naturalWidth
    canvas.height = image.naturalHeight
    canvas.getContext('2d')?.drawImage(image, 0, 0)
    hrefs.set(layer.blobHash, canvas.toDataURL('image/png'))
    // Yield between images so a design with many does not freeze the window.
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return hrefs
}
