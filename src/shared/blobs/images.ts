/**
 * Images in drafts are stored once, as blobs addressed by the SHA-256 of their bytes, and the
 * document holds only a reference ("holdfast-blob:<hash>"), never the bytes themselves.
 */
export const BLOB_REF_PREFIX = 'holdfast-blob:'

/** The largest image a draft accepts (it travels in one RPC frame as base64). */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const
export type ImageType = (typeof IMAGE_TYPES)[number]

const HASH = /^[0-9a-f]{64}$/

export function blobRef(hash: string): string {
  return `${BLOB_REF_PREFIX}${hash}`
}

/** The hash a draft's image address refers to, or null when it is not a blob reference. */
export function blobHashOf(src: string): string | null {
  if (!src.startsWith(BLOB_REF_PREFIX)) return null
  const hash = src.slice(BLOB_REF_PREFIX.length)
  return HASH.test(hash) ? hash : null
}

export function isBlobHash(hash: string): boolean {
  return HASH.test(hash)
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  return prefix.every((byte, i) => bytes[offset + i] === byte)
}

/** What kind of image the bytes are, read from their signature (a file's name or claimed type is not trusted). */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif'
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  return null
}
