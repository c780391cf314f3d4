import type { Node as PMNode } from '@tiptap/pm/model'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { applyUpdates } from '../../shared/docs/yjsUpdates'
import { DRAFT_BODY_FIELD } from '../../shared/editor/extensions'
import { draftSchema } from './draftSchema'

/** A stored draft's body (its Yjs updates applied to a fresh document) as a ProseMirror node. */
export function draftBody(updates: readonly Uint8Array[]): PMNode {
  const ydoc = new Y.Doc()
  try {
    applyUpdates(ydoc, updates)
    const body = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(DRAFT_BODY_FIELD), draftSchema())
    return body.childCount > 0 ? body : draftSchema().node('doc', null, [draftSchema().node('paragraph')])
  } finally {
    ydoc.destroy()
  }
}
