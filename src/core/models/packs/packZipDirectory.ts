import type { FileHandle } from 'node:fs/promises'
import { notAPack } from './modelPackError'
import { MAX_PACK_FILES } from './packManifest'

// The list of files of a pack's zip, from its central directory, without reading any file. The
// workspace archive has its own reader (src/core/archive/zipCentralDirectory.ts); this one also
// reads what a symbolic link looks like and speaks of packs in its errors.

/** One file of the zip as its central directory lists it. Sizes are the zip's own claims. */
export interface PackZipEntry {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  /** Bit 0: encrypted. */
  flags: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
  /** Whether a Unix zip tool recorded it as a symbolic link. */
  symlink: boolean
}

export interface PackZipDirectory {
  entries: PackZipEntry[]
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
/** A pack lists its files and perhaps their folders. */
const MAX_ENTRIES = 2 * MAX_PACK_FILES
const UNIX_HOST = 3
const FILE_TYPE_MASK = 0o170000
const SYMLINK_TYPE = 0o120000

/** Reads the central directory of the zip on disk; throws not-a-pack for anything but a plain (not ZIP64, not split) zip. */
export async function readPackZipDirectory(file: FileHandle, fileSize: number): Promise<PackZipDirectory> {
  if (fileSize < END_RECORD_BYTES) throw notAPack('the file is too short to be a zip')
  const head = await readAt(file, 0, 4)
  if (head.readUInt32LE(0) !== LOCAL_HEADER) throw notAPack('the file is neither a folder nor a zip')

  const tailStart = Math.max(0, fileSize - MAX_END_SEARCH)
  const tail = await readAt(file, tailStart, fileSize - tailStart)
  let end = -1
  for (let at = tail.length - END_RECORD_BYTES; at >= 0 && end < 0; at--) {
    if (tail.readUInt32LE(at) === END_OF_DIRECTORY) end = at
  }
  if (end < 0) throw notAPack('the zip has no directory at its end (it may be cut short)')
  const count = tail.readUInt16LE(end + 10)
  const size = tail.readUInt32LE(end + 12)
  const offset = tail.readUInt32LE(end + 16)
  if (tail.readUInt16LE(end + 4) !== 0) throw notAPack('the zip is one part of a split archive')
  if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) throw notAPack('the zip is a ZIP64 archive, which Holdfast does not write')
  if (count > MAX_ENTRIES) throw notAPack(`the zip holds ${count} files, far more than a model has`)
  if (offset + size > tailStart + end) throw notAPack('the zip’s directory points past its end')

  const directory = await readAt(file, offset, size)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const entries: PackZipEntry[] = []
  let at = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw notAPack('the zip’s directory is malformed')
    const nameLength = directory.readUInt16LE(at + 28)
    const next = at + 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32)
    if (next > directory.length) throw notAPack('the zip’s directory is malformed')
    const entry: PackZipEntry = {
      name: decodeName(decoder, directory.subarray(at + 46, at + 46 + nameLength)),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      symlink: directory.readUInt8(at + 5) === UNIX_HOST && ((directory.readUInt32LE(at + 38) >>> 16) & FILE_TYPE_MASK) === SYMLINK_TYPE
    }
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK || entry.localHeaderOffset === ZIP64_MARK) {
      throw notAPack('the zip is a ZIP64 archive, which Holdfast does not write')
    }
    if (entry.localHeaderOffset + entry.compressedSize > offset) throw notAPack(`the zip’s directory places “${entry.name}” past its files`)
    entries.push(entry)
    at = next
  }
  return { entries, directoryOffset: offset }
}

function decodeName(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes)
  } catch {
    throw notAPack('the zip holds a file whose name is not UTF-8')
  }
}

/** `length` bytes at `position`; a file shorter than that is a cut-short zip, not a short buffer. */
export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await file.read(buffer, 0, length, position)
  if (bytesRead !== length) throw notAPack('the zip ends in the middle of a file')
  return buffer
}
