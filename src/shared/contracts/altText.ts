import { z } from 'zod'
import { BlobHashSchema } from './blobs'
import { ProvenanceSchema } from './designAi'
import { storageUnavailable } from './errors'

// Alt text for a stored image (part of the ai contract): a vision-capable cloud provider through
// the altText chain when one is set up and answers, else the local captioning model.

/** Alt text is one sentence; longer answers are cut to this at a word boundary. */
export const MAX_ALT_TEXT_CHARS = 250

/** The image by its blob hash: the core reads the bytes itself, the renderer never sends them. */
export const AltTextInputSchema = z.object({
  hash: BlobHashSchema,
  /** The draft's "Never send to cloud": only the local captioning model may see the image. */
  localOnly: z.boolean()
})

export const AltTextResultSchema = z.object({
  text: z.string().min(1).max(MAX_ALT_TEXT_CHARS),
  /** A provider through the AI router ("Written by <label> · <model>"), or the local captioning model. */
  source: z.enum(['ai-provider', 'captioning-model']),
  ...ProvenanceSchema.shape
})
export type AltTextResult = z.infer<typeof AltTextResultSchema>

export const altTextErrors = {
  ...storageUnavailable,
  IMAGE_NOT_FOUND: { status: 404, message: 'No stored image has that hash.', data: z.object({ hash: z.string() }) },
  /** Neither a cloud provider that can see images nor the captioning model could be used; the message says what to set up. */
  NO_ALT_TEXT_MODEL: {
    status: 409,
    message:
      'No alt text model is installed and no cloud provider can see images. Install the alt text model in Settings → Local models, or add a vision-capable cloud provider in Settings → AI providers.'
  },
  /** The captioning model is installed but could not describe the image; the message says why. */
  CAPTION_FAILED: { status: 502, message: 'The alt text model could not describe the image.' }
} as const
