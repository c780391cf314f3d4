import { z } from 'zod'
import { CommitShaSchema, Sha256Schema } from '../../../shared/models/catalog'

// The Hub's answer to GET /api/models/{id}/revision/{revision}?blobs=true, checked before any of
// it is trusted: the sizes and hashes in it decide what is downloaded and what is accepted.

/** The largest single file Holdfast will download (64 GiB); anything above is a hostile answer. */
export const MAX_FILE_BYTES = 64 * 1024 ** 3

const FileSizeSchema = z.number().int().min(0).max(MAX_FILE_BYTES)

/** Any path the Hub lists, even for files Holdfast never fetches, must stay inside the repository. */
const SiblingPathSchema = z
  .string()
  .min(1)
  .max(1000)
  .refine((path) => !path.startsWith('/') && !/[\\\0]/.test(path), 'a file path is relative, with forward slashes')
  .refine((path) => !path.split('/').some((part) => part === '' || part === '.' || part === '..'), 'a file path cannot contain empty, "." or ".." parts')

const SiblingSchema = z
  .object({
    rfilename: SiblingPathSchema,
    size: FileSizeSchema,
    /** The git blob id: sha1 of "blob <size>\0<content>", or of the LFS pointer for LFS files. */
    blobId: z.string().regex(/^[0-9a-f]{40}$/),
    lfs: z.object({ sha256: Sha256Schema, size: FileSizeSchema }).optional()
  })
  .refine((sibling) => sibling.lfs === undefined || sibling.lfs.size === sibling.size, 'an LFS file has one size')

export const HubRevisionSchema = z.object({
  sha: CommitShaSchema,
  siblings: z.array(SiblingSchema).max(100_000)
})
export type HubRevision = z.infer<typeof HubRevisionSchema>
export type HubFile = HubRevision['siblings'][number]
