import { rm, stat } from 'node:fs/promises'
import { ARCHIVE_MAX_BYTES } from '../../shared/contracts/archive'
import { LATEST_SCHEMA_VERSION } from '../storage/migrations'
import { ARCHIVE_DATABASE, ARCHIVE_MANIFEST, ARCHIVE_README } from './archiveLayout'
import { MAX_UNPACKED_BYTES } from './archiveLimits'
import { tooLarge } from './archiveError'

const TOO_LARGE = 'The workspace is too large to export as one archive'
const WHAT_TO_DO = 'Remove drafts or images you no longer need, then try again.'
import { archiveManifest, archiveReadme } from './manifest'
import { writeZip } from './writeZip'

export interface ExportArchiveOptions {
  /** Makes a self-contained copy of the open database at the given path. */
  copyDatabase: (file: string) => Promise<void>
  appVersion: string
  /** Temporary files: `<stem>.db` (removed here) and `<stem>.zip` (the archive). */
  tempStem: string
  now: Date
}

export interface ExportedArchive {
  file: string
  size: number
  fileName: string
  draftCount: number
}

/**
 * Writes the workspace archive: README.txt, manifest.json, holdfast.db (a consistent copy made
 * while writing goes on) and drafts/<title>.md for every draft not in the trash, read from that
 * same copy. Refuses a workspace too large to import again.
 */
export async function exportArchive({ copyDatabase, appVersion, tempStem, now }: ExportArchiveOptions): Promise<ExportedArchive> {
  const databaseCopy = `${tempStem}.db`
  const file = `${tempStem}.zip`
  try {
    await copyDatabase(databaseCopy)
    const databaseSize = (await stat(databaseCopy)).size
    if (databaseSize > MAX_UNPACKED_BYTES) throw tooLarge(TOO_LARGE, databaseSize, MAX_UNPACKED_BYTES, WHAT_TO_DO)
    const { draftMarkdownFiles } = await import('./draftMarkdown')
    const drafts = await draftMarkdownFiles(databaseCopy)
    const manifest = archiveManifest(appVersion, LATEST_SCHEMA_VERSION, drafts.length, now)
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
    await writeZip(file, [
      { name: ARCHIVE_README, bytes: encode(archiveReadme(manifest)) },
      { name: ARCHIVE_MANIFEST, bytes: encode(`${JSON.stringify(manifest, null, 2)}\n`) },
      { name: ARCHIVE_DATABASE, path: databaseCopy },
      ...drafts
    ])
    const size = (await stat(file)).size
    if (size > ARCHIVE_MAX_BYTES) throw tooLarge(TOO_LARGE, size, ARCHIVE_MAX_BYTES, WHAT_TO_DO)
    return { file, size, fileName: `holdfast-workspace-${now.toISOString().slice(0, 10)}.zip`, draftCount: drafts.length }
  } catch (error) {
    await rm(file, { force: true })
    throw error
  } finally {
    await rm(databaseCopy, { force: true })
  }
}
