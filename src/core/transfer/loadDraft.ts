import type { Node as PMNode } from '@tiptap/pm/model'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { applyUpdates } from '../../shared/docs/yjsUpdates'
import { DRAFT_BODY_FIELD } from '../../shared/editor/fields'
import { draftSchema } from './draftSchema'

/** A stored draft's body (its Yjs updates applied to a fresh document) as a ProseMirror node, without trailing empty paragraphs. */
export function draftBody(updates: readonly Uint8Array[]): PMNode {
  const ydoc = new Y.Doc()
  try {
    applyUpdates(ydoc, updates)
    const body = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(DRAFT_BODY_FIELD), draftSchema())
    // The editor keeps an empty paragraph at the end to type into; it is no part of the text.
    const blocks: PMNode[] = []
    body.forEach((block) => blocks.push(block))
    while (blocks.length > 0 && isEmptyParagraph(blocks[blocks.length - 1])) blocks.pop()
    return draftSchema().node('doc', null, blocks.length > 0 ? blocks : [draftSchema().node('paragraph')])
  } finally {
    ydoc.destroy()
  }
}

function isEmptyParagraph(block: PMNode | undefined): boolean {
  return block?.type.name === 'paragraph' && block.childCount === 0
}
