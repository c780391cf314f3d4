import { rm } from 'node:fs/promises'
import type { PlannedFile } from './downloadPlan'
import { hashFile } from './fileHashes'
import { ModelDownloadError } from './modelDownloadError'

/**
 * Checks a downloaded file against the Hub's size and hash (SHA-256 for LFS files, the git blob
 * id for the others) and the catalog's pinned SHA-256. A file that fails is deleted, so the next
 * try fetches it fresh. Returns its SHA-256 for the install manifest.
 */
export async function verifyFile(path: string, file: PlannedFile, modelName: string): Promise<string> {
  const actual = await hashFile(path)
  const matches =
    actual.size === file.size &&
    (file.lfsSha256 === undefined ? actual.gitBlobId === file.blobId : actual.sha256 === file.lfsSha256) &&
    (file.pinnedSha256 === undefined || actual.sha256 === file.pinnedSha256)
  if (matches) return actual.sha256
  await rm(path, { force: true })
  throw new ModelDownloadError(
    'hash-mismatch',
    `The file ${file.path} of ${modelName} did not match its published hash; it was discarded. Try the download again.`
  )
}
