import { z } from 'zod'
import { DesignCopyRequestSchema, MoodPaletteRequestSchema } from '../ai/designRequests'
import { MoodPaletteSchema } from '../design/palette'

// Design help through the AI router (part of the ai contract): copy variants for a text layer and
// a palette for a mood. Each streams who is being asked, then one result naming who wrote it.

/** Which provider and model: "Written by <label> · <model>". */
export const ProvenanceSchema = z.object({ providerId: z.string(), model: z.string(), label: z.string() })
export type Provenance = z.infer<typeof ProvenanceSchema>

/** What happens before the result. */
export const DesignProgressEventSchema = z.discriminatedUnion('type', [
  /** A provider is being asked (the next one after a failure). */
  z.object({ type: z.literal('attempt'), ...ProvenanceSchema.shape }),
  /** Something the user should fix (a refused key); the answer goes on elsewhere. */
  z.object({ type: z.literal('notice'), providerId: z.string(), message: z.string() })
])
export type DesignProgressEvent = z.infer<typeof DesignProgressEventSchema>

export const DesignCopyInputSchema = z.object({ request: DesignCopyRequestSchema, localOnly: z.boolean() })

/** The variants, each within the request's character budget, and who wrote them. */
export const DesignCopyDoneSchema = z.object({ type: z.literal('done'), ...ProvenanceSchema.shape, variants: z.array(z.string().min(1).max(5_000)).min(1).max(3) })

export const DesignCopyEventSchema = z.discriminatedUnion('type', [...DesignProgressEventSchema.options, DesignCopyDoneSchema])
export type DesignCopyEvent = z.infer<typeof DesignCopyEventSchema>

export const MoodPaletteInputSchema = z.object({ request: MoodPaletteRequestSchema, localOnly: z.boolean() })

/** 3 to 6 colours, background first, and who chose them. */
export const MoodPaletteDoneSchema = z.object({ type: z.literal('done'), ...ProvenanceSchema.shape, colors: MoodPaletteSchema.shape.colors })

export const MoodPaletteEventSchema = z.discriminatedUnion('type', [...DesignProgressEventSchema.options, MoodPaletteDoneSchema])
export type MoodPaletteEvent = z.infer<typeof MoodPaletteEventSchema>
