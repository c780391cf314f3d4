import { open } from 'node:fs/promises'
import { checkDatabase } from './checkDatabase'
import { checkEntries } from './checkEntries'
import { unpackEntry } from './unpackEntry'
import { readZipDirectory } from './zipCentralDirectory'

/**
 * Checks an uploaded archive and unpacks its holdfast.db to `databaseFile` (which must not
 * exist): the file list first, then the database as it is unpacked, then the database itself.
 * Throws the ArchiveError saying what is wrong; on success `databaseFile` is a checked
 * workspace database.
 */
export async function unpackWorkspaceDatabase(zipFile: string, databaseFile: string): Promise<void> {
  const zip = await open(zipFile, 'r')
  try {
    const directory = await readZipDirectory(zip, (await zip.stat()).size)
    const entry = checkEntries(directory.entries)
    const out = await open(databaseFile, 'wx')
    try {
      await unpackEntry(zip, directory, entry, (chunk) => out.writeFile(chunk))
    } finally {
      await out.close()
    }
  } finally {
    await zip.close()
  }
  checkDatabase(databaseFile)
}
