import { z } from 'zod'
import { BinarySchema, DocIdSchema } from './docs'
import { storageProcedure } from './errors'

export const VersionKindSchema = z.enum(['auto', 'closed', 'named', 'before-restore'])
export type VersionKind = z.infer<typeof VersionKindSchema>

/** Automatic versions are made at most this often while a draft is being edited. */
export const AUTO_VERSION_INTERVAL_MS = 5 * 60 * 1000

export const VersionSummarySchema = z.object({
  id: z.number().int(),
  docId: z.string(),
  kind: VersionKindSchema,
  name: z.string().nullable(),
  createdAt: z.number(),
  words: z.number().int()
})
export type VersionSummary = z.infer<typeof VersionSummarySchema>

const notFound = { NOT_FOUND: { status: 404, message: 'No such version.', data: z.object({ id: z.number() }) } } as const

export const versionsContract = {
  /** A document's versions, newest first. */
  list: storageProcedure.input(z.object({ docId: DocIdSchema })).output(z.array(VersionSummarySchema)),

  /** One version's full state (to restore it) and text (to show and compare it). */
  get: storageProcedure
    .errors(notFound)
    .input(z.object({ id: z.number().int() }))
    .output(z.object({ version: VersionSummarySchema, state: BinarySchema, text: z.string() })),

  /**
   * Records the document as stored now. Named versions are always kept; other kinds are
   * skipped when nothing changed since the last version.
   */
  create: storageProcedure
    .input(
      z.object({
        docId: DocIdSchema,
        kind: z.enum(['closed', 'named', 'before-restore']),
        name: z.string().trim().min(1).max(120).optional()
      })
    )
    .output(z.object({ created: VersionSummarySchema.nullable() }))
}
