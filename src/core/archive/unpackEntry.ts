import type { FileHandle } from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import { Inflate } from 'fflate'
import { ArchiveError, damaged, notZip } from './archiveError'
import { readAt, type ZipDirectory, type ZipEntry } from './zipCentralDirectory'

const LOCAL_HEADER = 0x04034b50
const READ_BYTES = 1024 * 1024
/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1,032 times, so
 * one step makes at most ~66 MB however hostile the data, and is checked before the next.
 */
const INFLATE_STEP = 64 * 1024

/**
 * Unpacks one file of the archive into `write`, a piece at a time, trusting none of the
 * archive's claims: it stops as soon as the output exceeds the declared size (a zip bomb that
 * lies about its size), and checks the final size and CRC-32 against the directory.
 */
export async function unpackEntry(
  file: FileHandle,
  directory: ZipDirectory,
  entry: ZipEntry,
  write: (chunk: Uint8Array) => Promise<void>
): Promise<void> {
  if (entry.flags & 1) throw notZip(`“${entry.name}” is encrypted`)
  if (entry.method !== 0 && entry.method !== 8) throw notZip(`“${entry.name}” is compressed with a method Holdfast does not read`)
  const header = await readAt(file, entry.localHeaderOffset, 30)
  if (header.readUInt32LE(0) !== LOCAL_HEADER) throw damaged(`the entry for “${entry.name}” is missing`)
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (start + entry.compressedSize > directory.directoryOffset) throw damaged(`“${entry.name}” runs past the end of the files`)

  let produced = 0
  let crc = 0
  let pending: Uint8Array[] = []
  const take = (chunk: Uint8Array): void => {
    produced += chunk.byteLength
    if (produced > entry.uncompressedSize) throw damaged(`“${entry.name}” unpacks to more than the archive declares`)
    crc = crc32(chunk, crc)
    pending.push(chunk)
  }
  const flush = async (): Promise<void> => {
    const chunks = pending
    pending = []
    for (const chunk of chunks) await write(chunk)
  }
  const inflater = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : null

  // Each loop runs at least once, so an empty entry still ends its inflater.
  let offset = 0
  do {
    const length = Math.min(READ_BYTES, entry.compressedSize - offset)
    const data = await readAt(file, start + offset, length)
    offset += length
    let step = 0
    do {
      const piece = data.subarray(step, step + INFLATE_STEP)
      step += piece.byteLength
      const final = offset >= entry.compressedSize && step >= length
      if (inflater) pushInflate(inflater, piece, final, entry.name)
      else if (piece.byteLength > 0) take(piece)
      await flush()
    } while (step < length)
  } while (offset < entry.compressedSize)
  if (produced !== entry.uncompressedSize) throw damaged(`“${entry.name}” unpacks to less than the archive declares`)
  if (crc >>> 0 !== entry.crc32) throw damaged(`“${entry.name}” does not match its checksum`)
}

function pushInflate(inflater: Inflate, piece: Uint8Array, final: boolean, name: string): void {
  try {
    inflater.push(piece, final)
  } catch (error) {
    // Our own refusal (too much output) passes through; fflate's errors mean broken data.
    if (error instanceof ArchiveError) throw error
    throw damaged(`“${name}” cannot be unpacked (${error instanceof Error ? error.message : String(error)})`)
  }
}
