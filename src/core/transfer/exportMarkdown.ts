import type { Node as PMNode } from '@tiptap/pm/model'
import { MarkdownManager } from '@tiptap/markdown'
import { draftExtensions } from '../../shared/editor/extensions'

let manager: MarkdownManager | undefined

/** A draft body as Markdown (CommonMark with GitHub's strikethrough), by TipTap's own serializer. */
export function exportMarkdown(body: PMNode): string {
  manager ??= new MarkdownManager({ extensions: draftExtensions })
  const markdown = manager.serialize(body.toJSON() as Parameters<MarkdownManager['serialize']>[0])
  return `${markdown.trimEnd()}\n`
}
