import { mkdir, open } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Chunks } from './packEntry'

/**
 * Writes `chunks` to a new file at `target` (which must not exist). Each write is awaited before
 * the next piece is asked for, so memory stays at one piece however large the file. The file is
 * synced before it is closed, as it is about to be renamed into place.
 */
export async function writeChunks(target: string, chunks: Chunks): Promise<void> {
  await mkdir(dirname(target), { recursive: true })
  const out = await open(target, 'wx')
  try {
    for await (const chunk of chunks) await out.writeFile(chunk)
    await out.sync()
  } finally {
    await out.close()
  }
}
