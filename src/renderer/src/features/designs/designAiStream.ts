import type { z } from 'zod'
import { DesignProgressEventSchema, type DesignProgressEvent, type Provenance } from '../../../../shared/contracts/designAi'

/** How the assistant names who wrote something: "Local model · SmolLM2-135M-Instruct". */
export function providerName(by: Provenance): string {
  return `${by.label} · ${by.model}`
}

/** The provenance line under AI output, worded as the writing assistant's. */
export function writtenBy(by: Provenance): string {
  return `Written by ${providerName(by)}`
}

/**
 * Reads a design help stream from the core: each progress event goes to `onProgress`, and the
 * result is returned once it has passed `done` (the core's answer is checked like any input).
 */
export async function resultOf<T>(events: AsyncIterable<unknown>, done: z.ZodType<T>, onProgress?: (event: DesignProgressEvent) => void): Promise<T> {
  for await (const event of events) {
    const progress = DesignProgressEventSchema.safeParse(event)
    if (progress.success) {
      onProgress?.(progress.data)
      continue
    }
    const result = done.safeParse(event)
    if (!result.success) throw new Error('The AI help sent an answer this window cannot read.')
    return result.data
  }
  throw new Error('The AI help stopped before it answered.')
}
