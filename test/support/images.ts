import { createHash } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'
import { blobRef, sniffImageType } from '../../src/shared/blobs/images'
import type { BlobImage, ReadBlob } from '../../src/core/transfer/blobImages'
import type { StoreImage } from '../../src/core/transfer/sanitizeHtml'

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.byteLength)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A real PNG of the given size filled with one colour, that browsers, Word and PDF readers decode. */
export function pngImage(width: number, height: number, rgb: [number, number, number] = [200, 40, 40]): Uint8Array {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits per channel, RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())])
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', new Uint8Array())]))
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** An in-memory blob store for transfer tests: what the import stores, the export reads. */
export function memoryBlobs(): { store: StoreImage; read: ReadBlob; blobs: Map<string, BlobImage> } {
  const blobs = new Map<string, BlobImage>()
  return {
    blobs,
    store: (bytes) => {
      const mime = sniffImageType(bytes)
      if (!mime) return null
      const hash = sha256(bytes)
      blobs.set(hash, { mime, bytes })
      return blobRef(hash)
    },
    read: (hash) => blobs.get(hash) ?? null
  }
}

export const noBlobs: ReadBlob = () => null
