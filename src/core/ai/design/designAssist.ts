import type { DesignCopyRequest, MoodPaletteRequest } from '../../../shared/ai/designRequests'
import type { AssistEvent } from '../../../shared/contracts/ai'
import type { DesignCopyEvent, DesignProgressEvent, MoodPaletteEvent, Provenance } from '../../../shared/contracts/designAi'
import { parseCopyVariants } from '../../../shared/design/copyVariants'
import { parseMoodPalette } from '../../../shared/design/palette'
import type { AiService } from '../aiService'
import { copyCompletion, paletteCompletion } from './designPrompts'

type Progress = DesignProgressEvent
type Runs = Pick<AiService, 'run'>

/** Passes on who is asked and what to fix; returns who answered and their whole answer (text before a restart dropped). */
async function* untilAnswered(events: AsyncIterable<AssistEvent>): AsyncGenerator<Progress, { by: Provenance; answer: string }> {
  let answer = ''
  for await (const event of events) {
    switch (event.type) {
      case 'attempt':
      case 'notice':
        yield event
        break
      case 'token':
        answer += event.text
        break
      case 'switch':
        if (event.mode === 'restart') answer = ''
        break
      case 'done':
        return { by: { providerId: event.providerId, model: event.model, label: event.label }, answer }
    }
  }
  throw new Error('The answer ended before any provider finished it.')
}

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
