import { LOCAL_PROVIDER_ID } from '../../../shared/ai/providerConfig'
import type { AltTextResult } from '../../../shared/contracts/altText'
import type { AiService } from '../aiService'
import { ProviderError, type CompletionImage } from '../provider'
import { NoProviderAnsweredError } from '../router/noAnswer'
import { answerOf } from '../untilAnswered'
import { altTextCompletion } from './altTextPrompt'
import { cleanAltText } from './cleanAltText'
import { noAltTextModelMessage } from './noAltTextModel'

/** The local captioning model: the installed one (if any) and a way to run it. */
export interface Captioner {
  modelId(): string | undefined
  /** Throws ProviderError ('aborted' when the signal aborts). */
  caption(modelId: string, image: Uint8Array, signal: AbortSignal): Promise<string>
}

/** Neither a vision-capable cloud provider nor the captioning model could be used; the message says what to set up. */
export class NoAltTextModelError extends Error {
  override readonly name = 'NoAltTextModelError'
}

/** The captioning model is installed but failed, or wrote nothing usable. */
export class CaptionFailedError extends Error {
  override readonly name = 'CaptionFailedError'
}

const CAPTIONING_LABEL = 'Local alt text model'

/**
 * Alt text for an image: from a vision-capable cloud provider through the altText chain when one
 * is set up and the request may leave this computer; when none is, or none answers, from the
 * local captioning model. Either way one cleaned sentence, and who wrote it.
 */
export async function describeImage(
  ai: Pick<AiService, 'run' | 'imageReaders'>,
  captioner: Captioner,
  image: CompletionImage,
  localOnly: boolean,
  signal: AbortSignal
): Promise<AltTextResult> {
  const readers = await ai.imageReaders(localOnly)
  let unanswered: NoProviderAnsweredError | undefined
  if (readers.providers.length > 0) {
    try {
      const { by, answer } = await answerOf(ai.run('altText', altTextCompletion(image), localOnly, signal))
      // The router's check has already refused answers with nothing usable in them.
      return { text: cleanAltText(answer), source: 'ai-provider', ...by }
    } catch (error) {
      if (!(error instanceof NoProviderAnsweredError)) throw error
      unanswered = error
    }
  }
  const modelId = captioner.modelId()
  if (modelId === undefined) throw new NoAltTextModelError(noAltTextModelMessage(readers, unanswered))
  let caption: string
  try {
    caption = await captioner.caption(modelId, image.bytes, signal)
  } catch (error) {
    // A cancelled call has no one to tell; anything else says what went wrong with the model.
    if (error instanceof ProviderError && error.kind !== 'aborted') throw new CaptionFailedError(`The alt text model could not describe the image: ${error.message}`)
    throw error
  }
  const text = cleanAltText(caption)
  if (!text) throw new CaptionFailedError('The alt text model could not describe the image: it wrote nothing usable.')
  return { text, source: 'captioning-model', providerId: LOCAL_PROVIDER_ID, model: modelId, label: CAPTIONING_LABEL }
}
