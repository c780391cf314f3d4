import type { Node as PMNode } from '@tiptap/pm/model'
import { Marked } from 'marked'
import type { DroppedContent } from './droppedContent'
import { htmlToDoc } from './htmlToDoc'
import type { StoreImage } from './sanitizeHtml'

// An instance of its own: @tiptap/markdown registers extensions on marked's global instance.
const markdown = new Marked({ gfm: true, breaks: false })

/**
 * Markdown (CommonMark + GitHub's extensions) → a draft body, through HTML: HTML written inside
 * the Markdown is read like the rest and cleaned by the same rules as an HTML import.
 */
export function markdownToDoc(text: string, dropped: DroppedContent, storeImage?: StoreImage): PMNode {
  return htmlToDoc(markdown.parse(text, { async: false }), dropped, storeImage)
}
