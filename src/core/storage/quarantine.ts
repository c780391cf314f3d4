import { existsSync, renameSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'

const SQLITE_COMPANIONS = ['', '-wal', '-shm'] as const

/**
 * Moves a database and its -wal and -shm files aside together, never deleting anything.
 * The moved files keep SQLite's naming, so the moved database still opens with its WAL.
 * Returns the new paths of the files that existed.
 */
export function moveDatabaseAside(file: string, reason: string, now: Date): string[] {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const ext = extname(file)
  const target = join(dirname(file), `${basename(file, ext)}.${reason}-${stamp}${ext}`)
  const moved: string[] = []
  for (const suffix of SQLITE_COMPANIONS) {
    if (!existsSync(file + suffix)) continue
    renameSync(file + suffix, target + suffix)
    moved.push(target + suffix)
  }
  return moved
}
