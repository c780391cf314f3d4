import { z } from 'zod'
import { IMAGE_MAX_BYTES, isBlobHash } from '../blobs/images'
import { BinarySchema } from './docs'
import { storageProcedure } from './errors'

export const BlobHashSchema = z.string().refine(isBlobHash, 'a blob hash is 64 lowercase hexadecimal digits')

const ImageBytesSchema = BinarySchema.refine((b) => b.byteLength > 0 && b.byteLength <= IMAGE_MAX_BYTES, {
  message: `an image must be 1 byte to ${IMAGE_MAX_BYTES} bytes`
})

export const blobsContract = {
  /** Stores an image once (by the SHA-256 of its bytes); the draft then refers to it by `ref`. */
  putImage: storageProcedure
    .errors({ NOT_AN_IMAGE: { status: 415, message: 'The file is not a PNG, JPEG, GIF or WebP image.' } })
    .input(z.object({ bytes: ImageBytesSchema }))
    .output(z.object({ hash: z.string(), mime: z.string(), ref: z.string() })),

  /** Which of these images are not stored here (a teammate's draft may refer to images not fetched yet). */
  missing: storageProcedure
    .input(z.object({ hashes: z.array(BlobHashSchema).max(1000) }))
    .output(z.object({ missing: z.array(z.string()) })),

  get: storageProcedure
    .errors({ NOT_FOUND: { status: 404, message: 'No stored image has that hash.', data: z.object({ hash: z.string() }) } })
    .input(z.object({ hash: BlobHashSchema }))
    .output(z.object({ mime: z.string(), bytes: BinarySchema }))
}
