import type { Editor } from '@tiptap/react'
import { IMAGE_MAX_BYTES, IMAGE_TYPES } from '../../../../../shared/blobs/images'
import type { CoreClient } from '../../../../../shared/contracts'
import { megabytes } from '../../../../../shared/contracts/transfer'
import { describeError } from '../../../lib/rpcError'

export const IMAGE_ACCEPT = IMAGE_TYPES.join(',')

export function isImageFile(file: File): boolean {
  return (IMAGE_TYPES as readonly string[]).includes(file.type)
}

/** The alt text a picked file starts with: its name without the extension, words spaced. */
function altFromFileName(name: string): string {
  return name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim()
}

/**
 * Stores image files as blobs and inserts them at `position` (or the selection). Resolves with
 * one sentence per file that could not be added.
 */
export async function insertImages(client: CoreClient, editor: Editor, files: readonly File[], position?: number): Promise<string[]> {
  const problems: string[] = []
  let at = position
  for (const file of files) {
    if (file.size > IMAGE_MAX_BYTES) {
      problems.push(`“${file.name}” is too large (${megabytes(file.size)}); images can be at most ${megabytes(IMAGE_MAX_BYTES)}.`)
      continue
    }
    try {
      const { ref } = await client.blobs.putImage({ bytes: new Uint8Array(await file.arrayBuffer()) })
      const image = { type: 'image', attrs: { src: ref, alt: altFromFileName(file.name) } }
      const chain = editor.chain().focus()
      if (at === undefined) chain.insertContent(image).run()
      else {
        chain.insertContentAt(at, image).run()
        at = editor.state.selection.to
      }
    } catch (error) {
      problems.push(`“${file.name}” was not added: ${describeError(error)}`)
    }
  }
  return problems
}
