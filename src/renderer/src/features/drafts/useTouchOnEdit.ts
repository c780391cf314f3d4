import { useEffect } from 'react'
import * as Y from 'yjs'
import { touchDraft } from '../../../../shared/workspace/workspaceIndex'
import type { DocSession } from '../../lib/docSession'

/** How often a document's "last edited" time in the index may change while editing. */
const TOUCH_INTERVAL_MS = 10_000

/**
 * Keeps a draft's or design's "last edited" in the index current: at most once per interval, and
 * always after the last edit (teammates fetch a document whose "last edited" changed, see
 * lib/sync/catchUp.ts). The document's state vector goes with it, so whoever holds that much of
 * it knows it is current.
 */
export function useTouchOnEdit(index: DocSession, draft: DocSession): void {
  useEffect(() => {
    let last = 0
    let trailing: ReturnType<typeof setTimeout> | null = null
    const touch = (): void => {
      trailing = null
      last = Date.now()
      touchDraft(index.doc, draft.docId, last, Y.encodeStateVector(draft.doc))
    }
    const onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
      // Only this window's own edits: not what storage loaded or a teammate sent.
      if (!transaction.local) return
      const since = Date.now() - last
      if (since >= TOUCH_INTERVAL_MS) touch()
      else trailing ??= setTimeout(touch, TOUCH_INTERVAL_MS - since)
    }
    draft.doc.on('update', onUpdate)
    return () => {
      draft.doc.off('update', onUpdate)
      if (trailing) {
        clearTimeout(trailing)
        touch()
      }
    }
  }, [index, draft])
}
