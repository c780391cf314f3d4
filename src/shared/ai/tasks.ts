import { z } from 'zod'
import { AssistantActionSchema } from './actions'

/** Help for designs; each is a task with its own provider chain, like the writing actions. */
export const DesignTaskSchema = z.enum([
  /** Variants of a text layer's copy that fit its box. */
  'designCopy',
  /** A colour palette for a mood, as JSON. */
  'moodPalette'
])
export type DesignTask = z.infer<typeof DesignTaskSchema>

/** Help that looks at an image; only vision-capable cloud providers can answer it. */
export const ImageTaskSchema = z.enum([
  /** One sentence of alt text for a stored image (the local captioning model is the fallback, outside the chain). */
  'altText'
])
export type ImageTask = z.infer<typeof ImageTaskSchema>

/** Everything the AI router answers: the writing assistant's actions, the design help and the image help. */
export const AiTaskSchema = z.enum([...AssistantActionSchema.options, ...DesignTaskSchema.options, ...ImageTaskSchema.options])
export type AiTask = z.infer<typeof AiTaskSchema>
