import { eventIterator } from '@orpc/contract'
import { z } from 'zod'
import { storageProcedure } from './errors'

export const TextSegmentSchema = z.object({ text: z.string(), match: z.boolean() })
export type TextSegment = z.infer<typeof TextSegmentSchema>

export const SearchHitSchema = z.object({
  docId: z.string(),
  /** The title and a snippet of the text, split where the search words matched. */
  title: z.array(TextSegmentSchema),
  snippet: z.array(TextSegmentSchema)
})
export type SearchHit = z.infer<typeof SearchHitSchema>

/**
 * Whether drafts can be found by meaning: 'unavailable' (no embeddings model installed, or it
 * failed; the message says which and what to do), 'indexing' (drafts are being embedded; what
 * is done is searchable), or 'ready'.
 */
export const SemanticStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('unavailable'), message: z.string() }),
  z.object({ state: z.literal('indexing'), modelId: z.string(), done: z.number().int().min(0), total: z.number().int().min(0) }),
  z.object({ state: z.literal('ready'), modelId: z.string() })
])
export type SemanticStatus = z.infer<typeof SemanticStatusSchema>

/** How a result was found: its words, its meaning (the embeddings model), or both. */
export const MatchKindSchema = z.enum(['words', 'meaning', 'both'])
export type MatchKind = z.infer<typeof MatchKindSchema>

export const CombinedHitSchema = SearchHitSchema.extend({ matchedBy: MatchKindSchema })
export type CombinedHit = z.infer<typeof CombinedHitSchema>

export const RelatedDraftSchema = z.object({
  docId: z.string(),
  title: z.string(),
  /** The passage of that draft closest in meaning to this one. */
  snippet: z.string(),
  /** Cosine similarity, 0 to 1. */
  score: z.number()
})
export type RelatedDraft = z.infer<typeof RelatedDraftSchema>

const DocIdSchema = z.string().min(1).max(200)

export const searchContract = {
  /** Full-text search over drafts' titles and text, built from stored documents. */
  drafts: storageProcedure
    .input(z.object({ text: z.string().max(500), limit: z.number().int().min(1).max(100).default(30) }))
    .output(z.array(SearchHitSchema)),

  /**
   * Full-text and semantic search merged (reciprocal rank fusion), each hit saying whether it
   * matched by words, by meaning or both. Without a usable embeddings model: the full-text hits,
   * and the status says why.
   */
  combined: storageProcedure
    .input(z.object({ text: z.string().max(500), limit: z.number().int().min(1).max(100).default(30) }))
    .output(z.object({ hits: z.array(CombinedHitSchema), semantic: SemanticStatusSchema })),

  /** The drafts closest in meaning to this one, not in the trash, best first. */
  related: storageProcedure
    .input(z.object({ docId: DocIdSchema, limit: z.number().int().min(1).max(20).default(5) }))
    .output(z.object({ drafts: z.array(RelatedDraftSchema), semantic: SemanticStatusSchema })),

  /** The semantic index's status now, then each time it changes (a model installed, drafts embedded). */
  semanticStatus: storageProcedure.output(eventIterator(SemanticStatusSchema))
}
