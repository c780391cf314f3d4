import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, rename, rm, rmdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { INSTALL_MANIFEST_FILE, readInstallManifest, type InstallManifest } from '../installManifest'
import { modelFolder } from '../installedModels'
import { checkedChunks } from './checkedChunks'
import { installedFileMismatch, installedFileMissing, ModelPackError, NO_PACK_WRITTEN, notInstalled, packIo } from './modelPackError'
import type { PackEntry } from './packEntry'
import { PackModelIdSchema } from './packManifest'
import type { PackProgress } from './packProgress'
import { writePackFolder } from './writePackFolder'
import { MAX_ZIP_BYTES, packZipSize, writePackZip } from './writePackZip'

const READ_BYTES = 1024 * 1024

export interface ExportModelPackOptions {
  modelsDir: string
  modelId: string
  /**
   * Where the pack goes: a path ending in .zip makes a zip (an existing file there is replaced),
   * any other path a folder (which must not exist yet, or be empty).
   */
  destination: string
  onProgress?: (progress: PackProgress) => void
  signal?: AbortSignal
}

/**
 * Writes an installed model as a pack, its manifest first and then its files, to carry to a
 * machine that cannot reach the Hub. Every file is checked against the hash recorded at install
 * while it is copied: a damaged install fails rather than making a pack that will not import.
 * The pack is written under a temporary name and renamed when complete, so a half-written pack
 * never looks like one. Returns the manifest the pack carries. A cancel (`signal`) throws the
 * signal's reason; everything else throws a ModelPackError.
 */
export async function exportModelPack(options: ExportModelPackOptions): Promise<InstallManifest> {
  const { modelsDir, modelId, destination, onProgress, signal } = options
  if (!PackModelIdSchema.safeParse(modelId).success) throw new ModelPackError('not-a-pack', `“${modelId}” is not the id of an installed model. ${NO_PACK_WRITTEN}`)
  const folder = modelFolder(modelsDir, modelId)
  const installed = readInstallManifest(folder)
  if (!installed) throw notInstalled(modelId)
  // The folder a model is installed in is its id, whatever an older manifest says.
  const manifest: InstallManifest = { ...installed, id: modelId }
  await checkSizes(folder, manifest)
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
  const asZip = extname(destination).toLowerCase() === '.zip'
  if (asZip && packZipSize([{ path: INSTALL_MANIFEST_FILE, size: manifestBytes.byteLength }, ...manifest.files]) > MAX_ZIP_BYTES) {
    throw new ModelPackError('io', `${modelId} is too large for a .zip pack, which holds up to 4 GB. Export it to a folder instead. ${NO_PACK_WRITTEN}`)
  }
  if (!asZip) await checkFolderFree(destination)

  const bytesTotal = manifest.files.reduce((sum, file) => sum + file.size, 0)
  let bytesDone = 0
  const onBytes = (bytes: number): void => {
    bytesDone += bytes
    onProgress?.({ bytesDone, bytesTotal })
  }
  const entries: PackEntry[] = [
    { path: INSTALL_MANIFEST_FILE, content: () => [manifestBytes] },
    ...manifest.files.map((file) => ({
      path: file.path,
      content: () =>
        checkedChunks(createReadStream(join(folder, ...file.path.split('/')), { highWaterMark: READ_BYTES }), file, {
          mismatch: () => installedFileMismatch(modelId, file.path),
          onBytes,
          signal
        })
    }))
  ]
  const partial = `${destination}.partial-${randomUUID().slice(0, 8)}`
  try {
    if (asZip) await writePackZip(partial, entries)
    else await writePackFolder(partial, entries)
    // An empty folder chosen as the destination makes way; rename cannot replace a folder.
    if (!asZip) await rmdir(destination).catch(() => undefined)
    await rename(partial, destination)
  } catch (error) {
    await rm(partial, { recursive: true, force: true })
    if (error instanceof ModelPackError || signal?.aborted) throw error
    throw packIo(`write the pack to ${destination}`, error, NO_PACK_WRITTEN)
  }
  return manifest
}

/** Refuses before writing anything when an installed file is missing or has the wrong size. */
async function checkSizes(folder: string, manifest: InstallManifest): Promise<void> {
  for (const file of manifest.files) {
    const found = await stat(join(folder, ...file.path.split('/'))).catch(() => undefined)
    if (!found?.isFile()) throw installedFileMissing(manifest.id, file.path)
    if (found.size !== file.size) throw installedFileMismatch(manifest.id, file.path)
  }
}

/** A folder pack goes to a new or empty folder: Holdfast does not mix it with other files. */
async function checkFolderFree(destination: string): Promise<void> {
  const inside = await readdir(destination).catch(() => [])
  if (inside.length > 0) throw new ModelPackError('io', `${destination} is not empty. Choose a new or empty folder for the pack. ${NO_PACK_WRITTEN}`)
}
