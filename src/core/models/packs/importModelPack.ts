import { randomUUID } from 'node:crypto'
import { mkdir, rm, statfs, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { megabytes } from '../../../shared/contracts/transfer'
import { INSTALL_MANIFEST_FILE, type InstallManifest } from '../installManifest'
import { modelFolder } from '../installedModels'
import { checkedChunks } from './checkedChunks'
import { installStaged } from './installStaged'
import { ModelPackError, NOTHING_INSTALLED, packFileMismatch, packIo } from './modelPackError'
import { openPack } from './openPack'
import { installedFromPack } from './packManifest'
import type { PackProgress } from './packProgress'
import { writeChunks } from './writeChunks'

export interface ImportModelPackOptions {
  modelsDir: string
  /** A pack folder, or a pack .zip. */
  source: string
  onProgress?: (progress: PackProgress) => void
  signal?: AbortSignal
}

/**
 * Installs the model in a pack (made by exportModelPack, or by hand) for a machine that cannot
 * reach the Hub. Every file is copied into `<modelsDir>/.staging/` while its size and SHA-256
 * are checked against the pack's manifest; only when all match is the manifest written and the
 * folder swapped into place, replacing an installed model of the same id. On any failure the
 * staging folder is removed and the installed models are as they were. A cancel (`signal`)
 * throws the signal's reason; everything else throws a ModelPackError.
 */
export async function importModelPack(options: ImportModelPackOptions): Promise<InstallManifest> {
  const { modelsDir, source, onProgress, signal } = options
  signal?.throwIfAborted()
  const pack = await openPack(source)
  const { manifest } = pack
  const key = `${manifest.id.replaceAll('/', '--')}-pack-${randomUUID().slice(0, 8)}`
  const staging = join(modelsDir, '.staging', key)
  try {
    const bytesTotal = manifest.files.reduce((sum, file) => sum + file.size, 0)
    await mkdir(staging, { recursive: true })
    await checkFreeSpace(staging, bytesTotal)
    let bytesDone = 0
    const onBytes = (bytes: number): void => {
      bytesDone += bytes
      onProgress?.({ bytesDone, bytesTotal })
    }
    for (const file of manifest.files) {
      const chunks = checkedChunks(pack.chunks(file), file, { mismatch: () => packFileMismatch(file.path), onBytes, signal })
      await writeChunks(join(staging, ...file.path.split('/')), chunks)
    }
    const installed = installedFromPack(manifest)
    // Written last, as a download does: a folder with it is a complete model.
    await writeFile(join(staging, INSTALL_MANIFEST_FILE), `${JSON.stringify(installed, null, 2)}\n`)
    await installStaged(staging, modelFolder(modelsDir, manifest.id), `${staging}-old`)
    return installed
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    if (error instanceof ModelPackError || signal?.aborted) throw error
    throw packIo(`install ${manifest.id}`, error, NOTHING_INSTALLED)
  } finally {
    await pack.close()
  }
}

/** Refuses before copying anything when the models folder's disk cannot hold the model. */
async function checkFreeSpace(folder: string, needed: number): Promise<void> {
  const disk = await statfs(folder)
  const free = disk.bavail * disk.bsize
  if (needed > free) {
    throw new ModelPackError('io', `The model needs ${megabytes(needed)} but the disk of the models folder has ${megabytes(free)} free. Free some space, then import the pack again. ${NOTHING_INSTALLED}`)
  }
}
