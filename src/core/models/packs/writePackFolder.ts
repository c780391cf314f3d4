import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { PackEntry } from './packEntry'
import { writeChunks } from './writeChunks'

/** Writes the entries as files of a new folder at `target` (which must not exist), a piece at a time. */
export async function writePackFolder(target: string, entries: readonly PackEntry[]): Promise<void> {
  await mkdir(target)
  for (const entry of entries) await writeChunks(join(target, ...entry.path.split('/')), entry.content())
}
