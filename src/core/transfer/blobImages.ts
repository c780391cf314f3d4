import type { Node as PMNode } from '@tiptap/pm/model'
import { blobHashOf } from '../../shared/blobs/images'

export interface BlobImage {
  mime: string
  bytes: Uint8Array
}

/** Reads a stored image by hash; null when the workspace does not have it. */
export type ReadBlob = (hash: string) => BlobImage | null

/** The stored image an image node refers to, or null (not a blob reference, or missing). */
export function imageOf(node: PMNode, readBlob: ReadBlob): BlobImage | null {
  const hash = typeof node.attrs.src === 'string' ? blobHashOf(node.attrs.src) : null
  return hash ? readBlob(hash) : null
}

export function dataUrl(image: BlobImage): string {
  return `data:${image.mime};base64,${Buffer.from(image.bytes).toString('base64')}`
}

type JsonNode = { type?: string; attrs?: Record<string, unknown>; content?: JsonNode[] } & Record<string, unknown>

/**
 * A draft body as JSON with every stored image written out as a data: address, so a Markdown or
 * HTML file carries its images with it (and importing it stores them again, under the same hash).
 */
export function withInlineImages(body: PMNode, readBlob: ReadBlob): JsonNode {
  const inline = (node: JsonNode): JsonNode => {
    if (node.type === 'image' && typeof node.attrs?.src === 'string') {
      const hash = blobHashOf(node.attrs.src)
      const image = hash ? readBlob(hash) : null
      return image ? { ...node, attrs: { ...node.attrs, src: dataUrl(image) } } : node
    }
    return node.content ? { ...node, content: node.content.map(inline) } : node
  }
  return inline(body.toJSON() as JsonNode)
}
