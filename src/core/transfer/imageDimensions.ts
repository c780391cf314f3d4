export interface Dimensions {
  width: number
  height: number
}

/** Width and height in pixels read from an image's header (PNG, JPEG, GIF, WebP); null if unreadable. */
export function imageDimensions(bytes: Uint8Array, mime: string): Dimensions | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    switch (mime) {
      case 'image/png':
        return sane(view.getUint32(16), view.getUint32(20))
      case 'image/gif':
        return sane(view.getUint16(6, true), view.getUint16(8, true))
      case 'image/jpeg':
        return jpegDimensions(view)
      case 'image/webp':
        return webpDimensions(view)
      default:
        return null
    }
  } catch {
    // A header shorter than it claims (RangeError): the image is damaged.
    return null
  }
}

function sane(width: number, height: number): Dimensions | null {
  return width > 0 && height > 0 ? { width, height } : null
}

function jpegDimensions(view: DataView): Dimensions | null {
  let offset = 2
  while (offset + 9 < view.byteLength) {
    if (view.getUint8(offset) !== 0xff) return null
    const marker = view.getUint8(offset + 1)
    // Start-of-frame markers (baseline, progressive, …) carry the size; C4, C8 and CC do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return sane(view.getUint16(offset + 7), view.getUint16(offset + 5))
    }
    offset += 2 + view.getUint16(offset + 2)
  }
  return null
}

function webpDimensions(view: DataView): Dimensions | null {
  const chunk = String.fromCharCode(view.getUint8(12), view.getUint8(13), view.getUint8(14), view.getUint8(15))
  if (chunk === 'VP8 ') return sane(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff)
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true)
    return sane((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
  }
  if (chunk === 'VP8X') {
    const width = 1 + (view.getUint8(24) | (view.getUint8(25) << 8) | (view.getUint8(26) << 16))
    const height = 1 + (view.getUint8(27) | (view.getUint8(28) << 8) | (view.getUint8(29) << 16))
    return sane(width, height)
  }
  return null
}
