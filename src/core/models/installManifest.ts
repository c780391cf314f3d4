import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { CommitShaSchema, ModelTaskSchema, RepoFilePathSchema, Sha256Schema } from '../../shared/models/catalog'

// `holdfast-model.json`, written last into a model's folder when it is installed (downloaded or
// imported from a pack) and carried inside packs: which files make the model and their hashes.
// A folder without it was never completely installed by Holdfast.

export const INSTALL_MANIFEST_FILE = 'holdfast-model.json'

export const InstallManifestSchema = z.object({
  format: z.literal(1),
  /** The model id: its folder under the models folder, the Hub repository for catalog models. */
  id: z.string().min(1).max(200),
  task: ModelTaskSchema,
  /** The commit the files came from, when they came from the Hub. */
  revision: CommitShaSchema.optional(),
  files: z
    .array(z.object({ path: RepoFilePathSchema, size: z.number().int().min(0), sha256: Sha256Schema }))
    .min(1),
  /** ISO time of the install. */
  installedAt: z.iso.datetime(),
  source: z.enum(['hub', 'pack'])
})
export type InstallManifest = z.infer<typeof InstallManifestSchema>

/** The manifest of an installed model, or undefined when it has none or it does not parse. */
export function readInstallManifest(folder: string): InstallManifest | undefined {
  try {
    const parsed = InstallManifestSchema.safeParse(JSON.parse(readFileSync(join(folder, INSTALL_MANIFEST_FILE), 'utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
