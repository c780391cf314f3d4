import { z } from 'zod'
import { TextRoleSchema } from '../design/types'

/** The longest text layer (TextLayerSchema allows this much). */
const MAX_LAYER_TEXT = 5_000
/** How much of the design's other text goes along as context. */
export const MAX_COPY_CONTEXT_ITEMS = 20

/** Variants of one text layer's copy: what it is for, what it says now, and how many characters fit its box. */
export const DesignCopyRequestSchema = z.object({
  role: TextRoleSchema,
  text: z.string().trim().min(1).max(MAX_LAYER_TEXT),
  /** The design's other text, top of the stack first, so the variants fit the rest. */
  context: z.array(z.string().max(MAX_LAYER_TEXT)).max(MAX_COPY_CONTEXT_ITEMS),
  /** Characters that fit the box (see copyBudget); every variant is cut to this at a word boundary. */
  maxChars: z.number().int().min(1).max(MAX_LAYER_TEXT)
})
export type DesignCopyRequest = z.infer<typeof DesignCopyRequestSchema>

/** A palette for a mood in the user's words ("calm autumn morning"). */
export const MoodPaletteRequestSchema = z.object({ mood: z.string().trim().min(1).max(200) })
export type MoodPaletteRequest = z.infer<typeof MoodPaletteRequestSchema>

/** A design request as the rule-based help reads it (it reads no prompts). */
export type DesignRequest = { task: 'designCopy'; request: DesignCopyRequest } | { task: 'moodPalette'; request: MoodPaletteRequest }
