import type { FileHandle } from 'node:fs/promises'
import { Inflate } from 'fflate'
import { notAPack, packFileMismatch } from './modelPackError'
import { readAt, type PackZipDirectory, type PackZipEntry } from './packZipDirectory'

const LOCAL_HEADER = 0x04034b50
const READ_BYTES = 1024 * 1024
/** Deflate expands at most ~1,032 times: one step of this makes at most ~66 MB, checked before the next. */
const INFLATE_STEP = 64 * 1024

/** Signals the inflater's output went past the limit; thrown from inside its callback to stop it at once. */
class TooLarge extends Error {}

/**
 * The content of one stored or deflated file of the zip, a piece at a time, never more than
 * `limit` bytes (the size the manifest gives it): a file that unpacks to more is damaged or a
 * zip bomb, and fails as a hash mismatch naming it. The caller checks size and hash of the rest.
 */
export async function* zipEntryChunks(file: FileHandle, directory: PackZipDirectory, entry: PackZipEntry, limit: number): AsyncGenerator<Uint8Array> {
  if (entry.flags & 1) throw notAPack(`“${entry.name}” is encrypted`)
  if (entry.method !== 0 && entry.method !== 8) throw notAPack(`“${entry.name}” is compressed with a method Holdfast does not read`)
  const header = await readAt(file, entry.localHeaderOffset, 30)
  if (header.readUInt32LE(0) !== LOCAL_HEADER) throw notAPack(`the zip’s entry for “${entry.name}” is missing`)
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (start + entry.compressedSize > directory.directoryOffset) throw notAPack(`“${entry.name}” runs past the end of the zip’s files`)

  let produced = 0
  let pending: Uint8Array[] = []
  const take = (chunk: Uint8Array): void => {
    if (chunk.byteLength === 0) return
    produced += chunk.byteLength
    if (produced > limit) throw new TooLarge()
    pending.push(chunk)
  }
  const inflater = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null

  const push = (piece: Uint8Array, final: boolean): void => {
    try {
      if (inflater) inflater.push(piece, final)
      else take(piece)
    } catch {
      // Too much output, or data fflate cannot inflate: either way the file is not what the manifest says.
      throw packFileMismatch(entry.name)
    }
  }

  let offset = 0
  // Runs at least once, so an empty deflated entry still ends its inflater.
  do {
    const length = Math.min(READ_BYTES, entry.compressedSize - offset)
    const data = await readAt(file, start + offset, length)
    offset += length
    const step = inflater ? INFLATE_STEP : READ_BYTES
    for (let at = 0; at < length || at === 0; at += step) {
      push(data.subarray(at, at + step), offset >= entry.compressedSize && at + step >= length)
      const chunks = pending
      pending = []
      yield* chunks
    }
  } while (offset < entry.compressedSize)
}
