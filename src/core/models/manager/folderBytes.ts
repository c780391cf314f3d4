import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The bytes of every file under a folder (for a model copied in by hand, which has no manifest). */
export function folderBytes(folder: string): number {
  let total = 0
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size
  }
  return total
}
