import type { FileHandle } from 'node:fs/promises'
import { MAX_ENTRIES } from './archiveLimits'
import { notZip } from './archiveError'

/** One file as the archive's central directory lists it. Sizes are the archive's own claims. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  /** General purpose flags; bit 0 means encrypted. */
  flags: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

export interface ZipDirectory {
  entries: ZipEntry[]
  /** Where the central directory starts: every file's data lies before it. */
  directoryOffset: number
}

const LOCAL_HEADER = 0x04034b50
const DIRECTORY_ENTRY = 0x02014b50
const END_OF_DIRECTORY = 0x06054b50
const END_RECORD_BYTES = 22
/** The end record may be followed by a comment of up to 65,535 bytes. */
const MAX_END_SEARCH = END_RECORD_BYTES + 0xffff
const ZIP64_MARK = 0xffffffff

/**
 * Reads the list of files of a zip archive on disk from its central directory, without
 * unpacking anything. Throws ARCHIVE_NOT_ZIP for anything that is not a plain (not ZIP64, not
 * split) zip archive, which is what Holdfast writes.
 */
export async function readZipDirectory(file: FileHandle, fileSize: number): Promise<ZipDirectory> {
  if (fileSize < END_RECORD_BYTES) throw notZip('it is too short')
  const head = await readAt(file, 0, 4)
  if (head.readUInt32LE(0) !== LOCAL_HEADER) throw notZip('it does not start like a zip file')

  const tailStart = Math.max(0, fileSize - MAX_END_SEARCH)
  const tail = await readAt(file, tailStart, fileSize - tailStart)
  let end = -1
  for (let at = tail.length - END_RECORD_BYTES; at >= 0; at--) {
    if (tail.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at
      break
    }
  }
  if (end < 0) throw notZip('it has no zip directory at its end (it may be cut short)')
  const endOffset = tailStart + end
  const disk = tail.readUInt16LE(end + 4)
  const count = tail.readUInt16LE(end + 10)
  const size = tail.readUInt32LE(end + 12)
  const offset = tail.readUInt32LE(end + 16)
  if (disk !== 0) throw notZip('it is one part of a split archive')
  if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) throw notZip('it is a ZIP64 archive, which Holdfast never writes')
  if (count > MAX_ENTRIES) throw notZip(`it lists ${count} files, far more than a workspace archive has`)
  if (offset + size > endOffset) throw notZip('its directory points past its end')

  const directory = await readAt(file, offset, size)
  const decoder = new TextDecoder()
  const entries: ZipEntry[] = []
  let at = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw notZip('its directory is malformed')
    const nameLength = directory.readUInt16LE(at + 28)
    const next = at + 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32)
    if (next > directory.length) throw notZip('its directory is malformed')
    const entry: ZipEntry = {
      name: decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42)
    }
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK || entry.localHeaderOffset === ZIP64_MARK) {
      throw notZip('it is a ZIP64 archive, which Holdfast never writes')
    }
    if (entry.localHeaderOffset + entry.compressedSize > offset) throw notZip(`its directory places “${entry.name}” past the files`)
    entries.push(entry)
    at = next
  }
  return { entries, directoryOffset: offset }
}

/** `length` bytes at `position`; a file shorter than that is an error, not a short buffer. */
export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await file.read(buffer, 0, length, position)
  if (bytesRead !== length) throw notZip('it ends in the middle of a file')
  return buffer
}
