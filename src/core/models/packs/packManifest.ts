import { z } from 'zod'
import { INSTALL_MANIFEST_FILE, InstallManifestSchema, type InstallManifest } from '../installManifest'
import { notAPack, unsafePack } from './modelPackError'

// The manifest a pack carries at its root: the installed model's own holdfast-model.json. Its id
// becomes a folder under the models folder, so it is held to one or two plain folder names.

/** A manifest larger than this is not one Holdfast wrote; it is read into memory whole. */
export const MAX_MANIFEST_BYTES = 1024 * 1024
/** A model is a handful of files; a pack listing more is refused before anything is read. */
export const MAX_PACK_FILES = 1000
/** All the files of a pack together; the largest catalog models are a few GB. */
export const MAX_PACK_BYTES = 64 * 1024 * 1024 * 1024

/** "name" or "owner/name": each part starts with a letter or digit, so never ".", ".." or a hidden folder like ".staging". */
export const PackModelIdSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/, 'a model id is "name" or "owner/name"')

/** A hand-made pack may leave out when and how it was installed; the import sets both. */
const PackManifestSchema = InstallManifestSchema.extend({
  id: PackModelIdSchema,
  installedAt: InstallManifestSchema.shape.installedAt.optional(),
  source: InstallManifestSchema.shape.source.optional()
})
export type PackManifest = z.infer<typeof PackManifestSchema>
export type PackFile = PackManifest['files'][number]

/** The pack's manifest from its text, checked: a sane id, and files that can all be written side by side. */
export function parsePackManifest(text: string): PackManifest {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw notAPack(`its ${INSTALL_MANIFEST_FILE} is not valid JSON`)
  }
  const parsed = PackManifestSchema.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`)
    // A name that would land outside the model's folder is hostile, not just malformed.
    const escaping = parsed.error.issues.some((issue) => issue.path[0] === 'id' || issue.path.at(-1) === 'path')
    if (escaping) throw unsafePack(`its ${INSTALL_MANIFEST_FILE} names the model or a file with a path outside its folder (${issues.join('; ')})`)
    throw notAPack(`its ${INSTALL_MANIFEST_FILE} is not a model manifest (${issues.join('; ')})`)
  }
  const manifest = parsed.data
  if (manifest.files.length > MAX_PACK_FILES) throw notAPack(`it lists ${manifest.files.length} files, far more than a model has`)
  const total = manifest.files.reduce((sum, file) => sum + file.size, 0)
  if (total > MAX_PACK_BYTES) throw notAPack(`its files add up to more than ${MAX_PACK_BYTES / 1024 ** 3} GB`)
  checkPaths(manifest.files.map((file) => file.path))
  return manifest
}

/**
 * Listed paths must not collide on a case-insensitive disk, name the manifest itself, or use a
 * file's name as another's folder ("onnx" and "onnx/model.onnx").
 */
function checkPaths(paths: readonly string[]): void {
  const files = new Set<string>()
  const folders = new Set<string>()
  for (const path of paths) {
    const key = path.toLowerCase()
    if (key === INSTALL_MANIFEST_FILE) throw unsafePack(`it lists a model file named ${INSTALL_MANIFEST_FILE}`)
    if (files.has(key)) throw unsafePack(`it lists ${path} more than once`)
    files.add(key)
    const parts = key.split('/')
    for (let depth = 1; depth < parts.length; depth++) folders.add(parts.slice(0, depth).join('/'))
  }
  const clash = paths.find((path) => folders.has(path.toLowerCase()))
  if (clash) throw unsafePack(`it lists ${clash} both as a file and as a folder`)
}

/** The manifest installed from a pack: installed now, from a pack. */
export function installedFromPack(manifest: PackManifest): InstallManifest {
  return InstallManifestSchema.parse({ ...manifest, installedAt: new Date().toISOString(), source: 'pack' })
}
