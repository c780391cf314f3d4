import { INSTALL_MANIFEST_FILE } from '../installManifest'
import { packFileMissing, unsafePack } from './modelPackError'
import type { PackFile, PackManifest } from './packManifest'

/** An opened pack, folder or zip, whose list of files has been checked against its manifest. */
export interface PackSource {
  readonly manifest: PackManifest
  /** The content of one listed file, a piece at a time; its size and hash are the caller's to check. */
  chunks(file: PackFile): AsyncIterable<Uint8Array>
  close(): Promise<void>
}

/**
 * A pack holds exactly its manifest and the files it lists: an unlisted file would be installed
 * unchecked (or silently dropped), so it is refused, and so is a listed file that is not there.
 */
export function checkPackFiles(manifest: PackManifest, present: readonly string[]): void {
  const listed = new Set(manifest.files.map((file) => file.path))
  const extra = present.find((path) => path !== INSTALL_MANIFEST_FILE && !listed.has(path))
  if (extra !== undefined) throw unsafePack(`it holds ${extra}, which its ${INSTALL_MANIFEST_FILE} does not list`)
  const found = new Set(present)
  const missing = manifest.files.find((file) => !found.has(file.path))
  if (missing) throw packFileMissing(missing.path)
}
