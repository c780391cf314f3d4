/** One file listed in a zip archive's central directory. */
export interface ZipEntry {
  name: string
  compressedSize: number
  uncompressedSize: number
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_END_SEARCH = 22 + 0xffff

/**
 * The list of files in a zip archive, read from its central directory without unpacking
 * anything; null when the bytes are not a zip archive (or a ZIP64 one, which a .docx never
 * needs to be). Sizes are the archive's own claims.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.byteLength < 22) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getUint32(0, true) !== LOCAL_HEADER) return null

  let end = -1
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - MAX_END_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at
      break
    }
  }
  if (end < 0) return null
  const count = view.getUint16(end + 10, true)
  const size = view.getUint32(end + 12, true)
  const offset = view.getUint32(end + 16, true)
  if (count === 0xffff || offset === 0xffffffff || offset + size > end) return null

  const decoder = new TextDecoder()
  const entries: ZipEntry[] = []
  let at = offset
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null
    const compressedSize = view.getUint32(at + 20, true)
    const uncompressedSize = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) return null
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    entries.push({ name, compressedSize, uncompressedSize })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}
