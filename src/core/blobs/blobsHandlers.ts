import { blobRef } from '../../shared/blobs/images'
import { implementer, requireStorage } from '../rpc/context'
import { NotAnImageError } from './blobStore'

export const blobsHandlers = {
  putImage: implementer.blobs.putImage.use(requireStorage).handler(({ context, input, errors }) => {
    try {
      const stored = context.blobs.putImage(input.bytes)
      return { ...stored, ref: blobRef(stored.hash) }
    } catch (error) {
      if (error instanceof NotAnImageError) throw errors.NOT_AN_IMAGE()
      throw error
    }
  }),

  missing: implementer.blobs.missing.use(requireStorage).handler(({ context, input }) => ({ missing: context.blobs.missing(input.hashes) })),

  get: implementer.blobs.get.use(requireStorage).handler(({ context, input, errors }) => {
    const blob = context.blobs.get(input.hash)
    if (!blob) throw errors.NOT_FOUND({ data: { hash: input.hash } })
    return blob
  })
}
