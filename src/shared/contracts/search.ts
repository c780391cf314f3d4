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

export const searchContract = {
  /** Full-text search over drafts' titles and text, built from stored documents. */
  drafts: storageProcedure
    .input(z.object({ text: z.string().max(500), limit: z.number().int().min(1).max(100).default(30) }))
    .output(z.array(SearchHitSchema))
}
