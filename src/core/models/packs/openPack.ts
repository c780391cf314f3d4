import { stat } from 'node:fs/promises'
import { ModelPackError, notAPack, packIo, NOTHING_INSTALLED } from './modelPackError'
import { openFolderPack } from './openFolderPack'
import { openZipPack } from './openZipPack'
import type { PackSource } from './packSource'

/** Opens a pack that is a folder or a zip file, its manifest and list of files checked. */
export async function openPack(path: string): Promise<PackSource> {
  try {
    const found = await stat(path)
    if (found.isDirectory()) return await openFolderPack(path)
    if (found.isFile()) return await openZipPack(path)
    throw notAPack('it is neither a folder nor a file')
  } catch (error) {
    if (error instanceof ModelPackError) throw error
    throw packIo(`read the pack ${path}`, error, NOTHING_INSTALLED)
  }
}
