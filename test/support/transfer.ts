import type { JSONContent } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { docToUpdates } from '../../src/core/transfer/docToUpdates'
import { draftSchema } from '../../src/core/transfer/draftSchema'
import { draftBody } from '../../src/core/transfer/loadDraft'

type Mark = { type: string; attrs?: Record<string, unknown> }
const text = (value: string, ...marks: Mark[]): JSONContent => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) })
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content })
const heading = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] })
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content })
const bold: Mark = { type: 'bold' }
const italic: Mark = { type: 'italic' }
const link = (href: string): Mark => ({ type: 'link', attrs: { href } })

/** What every round trip must keep: headings, nested bulleted and numbered lists, bold, italic, links. */
export const CORE_BLOCKS: JSONContent[] = [
  heading(1, 'Chapter One'),
  para(text('Plain, '), text('bold', bold), text(', '), text('italic', italic), text(', '), text('both', bold, italic), text(' and '), text('a link', link('https://example.com/page?q=1')), text('.')),
  heading(2, 'Lists'),
  {
    type: 'bulletList',
    content: [item(para(text('First point')), { type: 'bulletList', content: [item(para(text('Nested point')))] }), item(para(text('Second point')))]
  },
  {
    type: 'orderedList',
    attrs: { start: 1 },
    content: [item(para(text('Step one')), { type: 'orderedList', attrs: { start: 1 }, content: [item(para(text('Sub-step')))] }), item(para(text('Step two')))]
  },
  heading(3, 'The end'),
  para(text('Last paragraph with '), text('bold link', bold, link('https://example.org/')), text('.'))
]

/** An image with a relative address: kept by Markdown and HTML, a placeholder in DOCX and PDF. */
export const IMAGE_BLOCK: JSONContent = { type: 'image', attrs: { src: 'images/figure-1.png', alt: 'A figure' } }

/** What Markdown and HTML also keep: quotes, rules, strikethrough, underline, line breaks, images. */
export const EXTRA_BLOCKS: JSONContent[] = [
  { type: 'blockquote', content: [para(text('A quote with '), text('emphasis', italic))] },
  para(text('Struck', { type: 'strike' }), text(' and '), text('underlined', { type: 'underline' }), text(' then'), { type: 'hardBreak' }, text('a new line')),
  { type: 'horizontalRule' },
  IMAGE_BLOCK
]

export function docJSON(blocks: JSONContent[]): JSONContent {
  return { type: 'doc', content: blocks }
}

/** Updates of a stored draft holding these blocks, as the editor would have written them. */
export function draftUpdates(blocks: JSONContent[]): Uint8Array[] {
  return docToUpdates(draftSchema().nodeFromJSON(docJSON(blocks)))
}

/** The body a draft's updates hold, as normalised JSON. */
export function bodyOf(updates: readonly Uint8Array[]): JSONContent {
  return normalise(draftBody(updates).toJSON() as JSONContent)
}

/**
 * JSON with only what a round trip is about: node and mark types, text, heading levels, list
 * starts, link addresses, image src and alt. Attributes that are defaults or presentation
 * (link target and rel) are left out.
 */
export function normalise(node: JSONContent): JSONContent {
  const out: JSONContent = { type: node.type }
  const attrs = node.attrs ?? {}
  if (node.type === 'heading') out.attrs = { level: attrs.level as number }
  if (node.type === 'orderedList' && attrs.start !== undefined && attrs.start !== 1) out.attrs = { start: attrs.start as number }
  if (node.type === 'image') out.attrs = { src: attrs.src as string, alt: (attrs.alt as string | null | undefined) ?? null }
  if (node.text !== undefined) out.text = node.text
  if (node.marks?.length) {
    out.marks = node.marks
      .map((mark) => (mark.type === 'link' ? { type: 'link', attrs: { href: mark.attrs?.href as string } } : { type: mark.type }))
      .sort((a, b) => a.type.localeCompare(b.type))
  }
  if (node.content?.length) out.content = node.content.map(normalise)
  return out
}

/** normalise() of a ProseMirror node. */
export function normaliseNode(node: PMNode): JSONContent {
  return normalise(node.toJSON() as JSONContent)
}
