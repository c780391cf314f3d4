import { z } from 'zod'

/** What the writing assistant can be asked to do; each is a task with its own provider chain. */
export const AssistantActionSchema = z.enum([
  'rewrite',
  'shorten',
  'expand',
  'tone',
  'grammar',
  'headlines',
  'summarize',
  'continue',
  'translate'
])
export type AssistantAction = z.infer<typeof AssistantActionSchema>

export const ToneSchema = z.enum(['formal', 'friendly', 'confident', 'neutral'])
export type Tone = z.infer<typeof ToneSchema>

export const SummaryFormSchema = z.enum(['paragraph', 'bullets'])
export type SummaryForm = z.infer<typeof SummaryFormSchema>

/** The longest text one request may carry (about 30 pages); more would blow any model's context. */
export const MAX_ASSISTANT_TEXT_CHARS = 100_000

/** One request to the assistant: an action on some text, with the action's options. */
export const AssistantRequestSchema = z.object({
  action: AssistantActionSchema,
  text: z.string().min(1).max(MAX_ASSISTANT_TEXT_CHARS),
  tone: ToneSchema.optional(),
  summaryForm: SummaryFormSchema.optional(),
  /** The language to translate into, in plain words ("French", "Brazilian Portuguese"). */
  language: z.string().min(1).max(60).optional()
})
export type AssistantRequest = z.infer<typeof AssistantRequestSchema>
