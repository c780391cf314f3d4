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

/** Everything the AI router answers: the writing assistant's actions and the design help. */
export const AiTaskSchema = z.enum([...AssistantActionSchema.options, ...DesignTaskSchema.options])
export type AiTask = z.infer<typeof AiTaskSchema>
