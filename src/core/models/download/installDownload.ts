import { rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { INSTALL_MANIFEST_FILE, InstallManifestSchema, type InstallManifest } from '../installManifest'
import { modelFolder } from '../installedModels'
import { installStaged } from '../packs/installStaged'
import { removeEmptyParents, STAGED_REVISION_FILE } from './staging'

/**
 * Turns the complete staging folder into the installed model: the manifest is written last,
 * then the folder is swapped into place (an installed copy is replaced only at that moment).
 */
export async function installDownload(modelsDir: string, staging: string, manifest: InstallManifest): Promise<void> {
  await rm(join(staging, STAGED_REVISION_FILE), { force: true })
  await writeFile(join(staging, INSTALL_MANIFEST_FILE), `${JSON.stringify(InstallManifestSchema.parse(manifest), null, 2)}\n`)
  await installStaged(staging, modelFolder(modelsDir, manifest.id), `${staging}-replaced`)
  await removeEmptyParents(dirname(staging), modelsDir)
}
