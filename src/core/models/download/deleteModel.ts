import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { ModelIdSchema } from '../inference/protocol'
import { modelFolder } from '../installedModels'
import { removeEmptyParents, removeStaging } from './staging'

/** Deletes an installed model and any partial download of it; the id must be a safe relative folder. */
export async function deleteModel(modelsDir: string, id: string): Promise<void> {
  const safeId = ModelIdSchema.parse(id)
  const folder = modelFolder(modelsDir, safeId)
  await rm(folder, { recursive: true, force: true })
  await removeEmptyParents(dirname(folder), modelsDir)
  await removeStaging(modelsDir, safeId)
}
