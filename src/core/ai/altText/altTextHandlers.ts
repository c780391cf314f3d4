import { sniffImageType } from '../../../shared/blobs/images'
import { implementer, requireStorage } from '../../rpc/context'
import { CaptionFailedError, describeImage, NoAltTextModelError } from './describeImage'

/** Alt text through the AI router, then the captioning model: part of the ai contract, collected into aiHandlers. */
export const altTextHandlers = {
  altText: implementer.ai.altText.use(requireStorage).handler(async ({ context, input, errors, signal }) => {
    const stored = context.blobs.get(input.hash)
    // The type is read from the bytes again: only what the blob store holds as an image is sent anywhere.
    const mime = stored ? sniffImageType(stored.bytes) : null
    if (!stored || !mime) throw errors.IMAGE_NOT_FOUND({ data: { hash: input.hash } })
    const captioner = {
      modelId: () => context.models.captioningModel(),
      caption: (modelId: string, image: Uint8Array, stop: AbortSignal) => context.inference.caption({ modelId, image }, stop)
    }
    try {
      return await describeImage(context.ai, captioner, { mime, bytes: stored.bytes }, input.localOnly, signal ?? new AbortController().signal)
    } catch (error) {
      if (error instanceof NoAltTextModelError) throw errors.NO_ALT_TEXT_MODEL({ message: error.message })
      if (error instanceof CaptionFailedError) throw errors.CAPTION_FAILED({ message: error.message })
      throw error
    }
  })
}
