import type { DesignCopyRequest, MoodPaletteRequest } from '../../../shared/ai/designRequests'
import type { DesignCopyEvent, MoodPaletteEvent } from '../../../shared/contracts/designAi'
import { parseCopyVariants } from '../../../shared/design/copyVariants'
import { parseMoodPalette } from '../../../shared/design/palette'
import type { AiService } from '../aiService'
import { untilAnswered } from '../untilAnswered'
import { copyCompletion, paletteCompletion } from './designPrompts'

type Runs = Pick<AiService, 'run'>

/** Copy variants for a text layer through the designCopy chain; the router has already refused answers with none. */
export async function* designCopy(ai: Runs, request: DesignCopyRequest, localOnly: boolean, signal: AbortSignal): AsyncGenerator<DesignCopyEvent> {
  const { by, answer } = yield* untilAnswered(ai.run('designCopy', copyCompletion(request), localOnly, signal))
  yield { type: 'done', ...by, variants: parseCopyVariants(answer, request.maxChars) }
}

/** A palette for a mood through the moodPalette chain; the router has already refused answers that are not one. */
export async function* moodPalette(ai: Runs, request: MoodPaletteRequest, localOnly: boolean, signal: AbortSignal): AsyncGenerator<MoodPaletteEvent> {
  const { by, answer } = yield* untilAnswered(ai.run('moodPalette', paletteCompletion(request), localOnly, signal))
  const colors = parseMoodPalette(answer)
  if (!colors) throw new Error(`${by.label} answered with no palette.`)
  yield { type: 'done', ...by, colors }
}
