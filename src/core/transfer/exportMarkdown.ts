import type { Node as PMNode } from '@tiptap/pm/model'
import { MarkdownManager } from '@tiptap/markdown'
import { draftExtensions } from '../../shared/editor/extensions'
import { type ReadBlob, withInlineImages } from './blobImages'

let manager: MarkdownManager | undefined

/**
 * A draft body as Markdown (CommonMark with GitHub's strikethrough), by TipTap's own serializer.
 * Images are written in as data: addresses so the one file keeps them.
 */
export function exportMarkdown(body: PMNode, readBlob: ReadBlob): string {
  manager ??= new MarkdownManager({ extensions: draftExtensions })
  const markdown = manager.serialize(withInlineImages(body, readBlob))
  return `${markdown.trimEnd()}\n`
}
