import { streamForCaller } from '../aiUnavailable'
import { implementer } from '../../rpc/context'
import { designCopy, moodPalette } from './designAssist'

/** Design help through the AI router: part of the ai contract, collected into aiHandlers. */
export const designAiHandlers = {
  designCopy: implementer.ai.designCopy.handler(async function* ({ context, input, signal, errors }) {
    yield* streamForCaller((stop) => designCopy(context.ai, input.request, input.localOnly, stop), signal, (details) => errors.AI_UNAVAILABLE(details))
  }),

  moodPalette: implementer.ai.moodPalette.handler(async function* ({ context, input, signal, errors }) {
    yield* streamForCaller((stop) => moodPalette(context.ai, input.request, input.localOnly, stop), signal, (details) => errors.AI_UNAVAILABLE(details))
  })
}
