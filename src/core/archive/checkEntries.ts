import { ARCHIVE_DATABASE } from './archiveLayout'
import { MAX_UNPACKED_BYTES } from './archiveLimits'
import { noDatabase, tooLarge, unsafeName } from './archiveError'
import type { ZipEntry } from './zipCentralDirectory'

/**
 * Checks the archive's list of files before anything is unpacked: every name stays inside the
 * archive (Holdfast unpacks only holdfast.db, but an archive naming "../x" is hostile, and
 * another tool unpacking it would write outside its folder), names are unique, the declared
 * sizes add up to a sane total, and holdfast.db is there. Returns the holdfast.db entry.
 */
export function checkEntries(entries: readonly ZipEntry[], limit = MAX_UNPACKED_BYTES): ZipEntry {
  const seen = new Set<string>()
  let total = 0
  for (const entry of entries) {
    const problem = nameProblem(entry.name)
    if (problem) throw unsafeName(entry.name, problem)
    const key = entry.name.normalize('NFC').toLowerCase()
    if (seen.has(key)) throw unsafeName(entry.name, 'appears more than once')
    seen.add(key)
    total += entry.uncompressedSize
  }
  if (total > limit) throw tooLarge('The archive unpacks to more than Holdfast accepts', total, limit)
  const database = entries.find((entry) => entry.name === ARCHIVE_DATABASE)
  if (!database) throw noDatabase()
  return database
}

/** Why a name in a zip archive is not a plain relative path inside it, or null when it is. */
function nameProblem(name: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are never part of a file name we write.
  if (name === '' || /[\u0000-\u001f\u007f]/.test(name)) return 'is empty or has control characters'
  if (name.includes('\\')) return 'uses backslashes, which some systems read as folders'
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path'
  const parts = name.endsWith('/') ? name.slice(0, -1).split('/') : name.split('/')
  if (parts.some((part) => part === '..')) return 'climbs out of the archive with “..”'
  if (parts.some((part) => part === '' || part === '.')) return 'has an empty or “.” folder name'
  return null
}
