import { open } from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate'
import type { PackEntry } from './packEntry'

/**
 * A stored (uncompressed) zip entry, as fflate's ZipPassThrough but with Node's native CRC-32:
 * ZipPassThrough's JavaScript CRC runs at ~300 MB/s, which made it most of an export's time.
 */
class StoredEntry implements ZipInputFile {
  readonly compression = 0
  size = 0
  crc = 0
  ondata?: AsyncFlateStreamHandler

  constructor(readonly filename: string) {}

  push(chunk: Uint8Array, final: boolean): void {
    if (!this.ondata) throw new Error('add the entry to the zip before pushing data')
    this.crc = crc32(chunk, this.crc)
    this.size += chunk.byteLength
    // fflate only copies the bytes out; its own ZipPassThrough makes the same cast.
    this.ondata(null, chunk as Uint8Array<ArrayBuffer>, final)
  }
}

/**
 * Writes the entries, in order, as a zip at `target` (which must not exist). Entries are stored,
 * not compressed: ONNX weights do not compress, and a stored file costs no CPU. Streaming: each
 * piece is read, passed through fflate's Zip and written, and the next is read only once the
 * disk has taken it, so memory stays at one piece however large the model.
 */
export async function writePackZip(target: string, entries: readonly PackEntry[]): Promise<void> {
  const out = await open(target, 'wx')
  try {
    let failure: Error | null = null
    let pending: Uint8Array[] = []
    const zip = new Zip((error, chunk) => {
      if (error) failure = error
      else pending.push(chunk)
    })
    const drain = async (): Promise<void> => {
      if (failure) throw failure
      const chunks = pending
      pending = []
      for (const chunk of chunks) await out.writeFile(chunk)
    }
    for (const entry of entries) {
      const file = new StoredEntry(entry.path)
      zip.add(file)
      for await (const chunk of entry.content()) {
        file.push(chunk, false)
        await drain()
      }
      file.push(new Uint8Array(0), true)
      await drain()
    }
    zip.end()
    await drain()
    await out.sync()
  } finally {
    await out.close()
  }
}

/** The size of the zip writePackZip makes: without ZIP64, it and every offset in it must stay under 4 GiB. */
export function packZipSize(entries: readonly { path: string; size: number }[]): number {
  const LOCAL_HEADER = 30
  const DATA_DESCRIPTOR = 16
  const DIRECTORY_ENTRY = 46
  const END_RECORD = 22
  return entries.reduce((sum, entry) => {
    const name = Buffer.byteLength(entry.path)
    return sum + LOCAL_HEADER + name + entry.size + DATA_DESCRIPTOR + DIRECTORY_ENTRY + name
  }, END_RECORD)
}

export const MAX_ZIP_BYTES = 0xffffffff
