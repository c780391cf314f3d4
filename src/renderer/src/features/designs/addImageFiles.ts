import { IMAGE_MAX_BYTES } from '../../../../shared/blobs/images'
import type { CoreClient } from '../../../../shared/contracts'
import { megabytes } from '../../../../shared/contracts/transfer'
import { describeError } from '../../lib/rpcError'

export interface StoredImage {
  hash: string
  width: number
  height: number
  name: string
}

/**
 * Checks each file is an image this window can decode and not too large, then stores it as a blob
 * (by hash). Returns the stored images and one sentence per file that could not be added.
 */
export async function storeImageFiles(client: CoreClient, files: readonly File[]): Promise<{ images: StoredImage[]; problems: string[] }> {
  const images: StoredImage[] = []
  const problems: string[] = []
  for (const file of files) {
    const name = file.name || 'Pasted image'
    if (file.size > IMAGE_MAX_BYTES) {
      problems.push(`“${name}” is too large (${megabytes(file.size)}); images can be at most ${megabytes(IMAGE_MAX_BYTES)}.`)
      continue
    }
    let size: { width: number; height: number }
    try {
      const bitmap = await createImageBitmap(file)
      size = { width: bitmap.width, height: bitmap.height }
      bitmap.close()
    } catch {
      problems.push(`“${name}” could not be read as an image. Use a PNG, JPEG, GIF or WebP file.`)
      continue
    }
    try {
      const { hash } = await client.blobs.putImage({ bytes: new Uint8Array(await file.arrayBuffer()) })
      images.push({ hash, ...size, name: name.replace(/\.[^.]+$/, '') })
    } catch (error) {
      problems.push(`“${name}” was not added: ${describeError(error)}`)
    }
  }
  return { images, problems }
}
