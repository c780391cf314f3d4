import type { CatalogModel } from '../../../shared/models/catalog'
import type { HubRevision } from './hubRevisionSchema'
import { ModelDownloadError } from './modelDownloadError'

/** One file to download, with everything its bytes are checked against. */
export interface PlannedFile {
  path: string
  size: number
  /** The git blob id; for LFS files it names the pointer, not the content, so it is not checked. */
  blobId: string
  /** The Hub's SHA-256 of an LFS file's content. */
  lfsSha256: string | undefined
  /** The catalog's SHA-256, when the catalog is pinned. */
  pinnedSha256: string | undefined
}

/**
 * The catalog's files as the Hub lists them at the revision. A file the Hub lacks, or whose
 * published size or hash differs from the catalog's pin, stops the download before any byte.
 */
export function planDownload(model: CatalogModel, revision: HubRevision): PlannedFile[] {
  const hubFiles = new Map(revision.siblings.map((sibling) => [sibling.rfilename, sibling]))
  return model.files.map((file) => {
    const hubFile = hubFiles.get(file.path)
    if (!hubFile) {
      throw new ModelDownloadError(
        'not-found',
        `The Hugging Face Hub has no file ${file.path} in ${model.id} at commit ${revision.sha}, so ${model.name} cannot be downloaded. Update Holdfast or choose another model.`
      )
    }
    const sizeDiffers = file.size !== undefined && file.size !== hubFile.size
    const hashDiffers = file.sha256 !== undefined && hubFile.lfs !== undefined && file.sha256 !== hubFile.lfs.sha256
    if (sizeDiffers || hashDiffers) {
      throw new ModelDownloadError(
        'hash-mismatch',
        `The Hub publishes a file ${file.path} of ${model.name} that is not the one Holdfast expects (its ${sizeDiffers ? 'size' : 'hash'} differs), so nothing was downloaded. Update Holdfast, or choose another model.`
      )
    }
    return { path: file.path, size: hubFile.size, blobId: hubFile.blobId, lfsSha256: hubFile.lfs?.sha256, pinnedSha256: file.sha256 }
  })
}
