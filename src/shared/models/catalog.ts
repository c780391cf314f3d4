import { z } from 'zod'

// The model catalog (resources/models/catalog.json): which Hub models Holdfast offers, what each
// is for, and the exact files it needs. `npm run catalog:pin` (on a connected machine) records
// the revision, sizes and hashes; an entry without them is resolved at download time and the
// Hub's reported hashes are checked just the same.

/** What a model does in Holdfast. */
export const ModelTaskSchema = z.enum(['chat', 'embeddings', 'captioning'])
export type ModelTask = z.infer<typeof ModelTaskSchema>

/** A Hub repository ("org/name"); also the model's folder under the models folder. */
export const RepoIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a Hub repository is "owner/name"')
  .refine((id) => !id.split('/').some((part) => part === '.' || part === '..'), 'a repository name cannot be "." or ".."')

/** A relative path (a file in a repository, a model's folder): forward slashes, letters, digits, ".", "_" and "-", no "." or ".." parts. */
export function relativePathSchema(maxLength: number) {
  return z
    .string()
    .min(1)
    .max(maxLength)
    .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'a relative path of letters, digits, ".", "_" and "-"')
    .refine((path) => !path.split('/').some((part) => part === '.' || part === '..'), 'no "." or ".." parts')
}

/** A file path inside a repository. */
export const RepoFilePathSchema = relativePathSchema(300)

export const CommitShaSchema = z.string().regex(/^[0-9a-f]{40}$/, 'a revision is a 40-character commit hash')
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex characters')

export const CatalogFileSchema = z.object({
  path: RepoFilePathSchema,
  /** Bytes; recorded by catalog:pin. */
  size: z.number().int().min(0).optional(),
  /** SHA-256 of the content (the Hub's LFS oid for large files); recorded by catalog:pin. */
  sha256: Sha256Schema.optional()
})
export type CatalogFile = z.infer<typeof CatalogFileSchema>

export const CatalogModelSchema = z.object({
  /** The Hub repository, also the id Holdfast uses for the model. */
  id: RepoIdSchema,
  name: z.string().min(1).max(80),
  task: ModelTaskSchema,
  /** One line for the model manager: what the user gets from it. */
  purpose: z.string().min(1).max(200),
  license: z.string().min(1).max(60),
  /** The commit the files come from; absent until catalog:pin has run (then "main" is resolved at download time). */
  revision: CommitShaSchema.optional(),
  /** The ONNX weights variant: q4 / q8 run well on CPU with onnxruntime-node; fp16 does not. */
  dtype: z.enum(['q4', 'q8', 'fp32']),
  /** Approximate download in MB, shown before catalog:pin has recorded exact sizes. */
  approxDownloadMb: z.number().positive(),
  /** Memory the model needs while it runs, for the machine-fit choice. */
  minMemoryMb: z.number().int().positive(),
  files: z.array(CatalogFileSchema).min(1)
})
export type CatalogModel = z.infer<typeof CatalogModelSchema>

export const CatalogSchema = z.object({
  version: z.literal(1),
  /** Chat models by preference: the first the machine can run well is recommended. */
  models: z.array(CatalogModelSchema).min(1)
})
export type Catalog = z.infer<typeof CatalogSchema>

/** Bytes to download for a model: exact once pinned, else the approximate figure. */
export function downloadBytes(model: CatalogModel): number {
  const exact = model.files.every((file) => file.size !== undefined)
  return exact ? model.files.reduce((sum, file) => sum + (file.size ?? 0), 0) : Math.round(model.approxDownloadMb * 1024 * 1024)
}
