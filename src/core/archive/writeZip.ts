import { open } from 'node:fs/promises'
import { Zip, ZipDeflate } from 'fflate'

/** A file to put in the archive: bytes in memory, or a file on disk that is read a piece at a time. */
export type ZipSource = { name: string; bytes: Uint8Array } | { name: string; path: string }

const READ_BYTES = 1024 * 1024

/**
 * Writes a zip archive to `target` (which must not exist), streaming: a file on disk is read,
 * deflated and written 1 MiB at a time, with a wait for the disk after each piece, so the RPC
 * loop is never held for long and memory stays small however big the database is.
 */
export async function writeZip(target: string, sources: readonly ZipSource[]): Promise<void> {
  const out = await open(target, 'wx')
  try {
    let failure: Error | null = null
    let written: Uint8Array[] = []
    const zip = new Zip((error, chunk) => {
      if (error) failure = error
      else written.push(chunk)
    })
    const drain = async (): Promise<void> => {
      if (failure) throw failure
      const chunks = written
      written = []
      for (const chunk of chunks) await out.writeFile(chunk)
    }

    for (const source of sources) {
      const entry = new ZipDeflate(source.name, { level: 6 })
      zip.add(entry)
      if ('bytes' in source) {
        entry.push(source.bytes, true)
        await drain()
        continue
      }
      const input = await open(source.path, 'r')
      try {
        const buffer = new Uint8Array(READ_BYTES)
        for (;;) {
          const { bytesRead } = await input.read(buffer, 0, READ_BYTES, null)
          // The last push is the empty one after the end of the file.
          entry.push(buffer.slice(0, bytesRead), bytesRead === 0)
          await drain()
          if (bytesRead === 0) break
        }
      } finally {
        await input.close()
      }
    }
    zip.end()
    await drain()
  } finally {
    await out.close()
  }
}
