import type { CoreClient } from '../../../../shared/contracts'
import { MoodPaletteDoneSchema, type DesignProgressEvent, type Provenance } from '../../../../shared/contracts/designAi'
import type { Color } from '../../../../shared/design/types'
import { resultOf } from './designAiStream'

export interface MoodPaletteOptions {
  signal?: AbortSignal
  /** Never send the mood to a cloud provider (the workspace setting applies anyway). */
  localOnly?: boolean
  /** Who is being asked ("attempt") and what to fix ("notice"), as it happens. */
  onProgress?: (event: DesignProgressEvent) => void
}

/**
 * A palette for a mood through the AI router: a cloud or local model when one answers with a
 * valid palette, else the colour rules (which always answer). 3 to 6 colours, background first;
 * `provenance` names who chose them (show it with writtenBy). Rejects with the core's message
 * when no provider answered.
 */
export async function suggestMoodPalette(client: CoreClient, mood: string, options: MoodPaletteOptions = {}): Promise<{ colors: Color[]; provenance: Provenance }> {
  const events = await client.ai.moodPalette({ request: { mood }, localOnly: options.localOnly ?? false }, { signal: options.signal })
  const { colors, providerId, model, label } = await resultOf(events, MoodPaletteDoneSchema, options.onProgress)
  return { colors: colors.map((color) => color.toLowerCase()), provenance: { providerId, model, label } }
}
