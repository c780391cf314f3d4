import type { EditorState, Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap'

interface SyncState {
  binding?: ProsemirrorBinding
  snapshot: unknown
  prevSnapshot: unknown
}

/**
 * Writes what a transaction makes of the document into the draft's Yjs document before the
 * editor's view is updated, so the change is on its way to teammates before the browser lays the
 * page out for it (about a millisecond a key here). The Yjs sync plugin writes the view's
 * document again once the view has updated; finding it written, it sends nothing more, and it
 * writes whatever else the dispatch added (an input rule's change, say). The same two calls the
 * plugin makes (y-tiptap's sync-plugin view update), with the same origin, so undo and
 * persistence see one ordinary local edit.
 */
export function writeAhead(view: EditorView, tr: Transaction): void {
  const sync = ySyncPluginKey.getState(view.state) as SyncState | undefined
  const binding = sync?.binding
  // A version being shown (a snapshot) is not the document: nothing to write.
  if (!binding || sync.snapshot != null || sync.prevSnapshot != null) return
  const next: EditorState = view.state.apply(tr)
  // A plugin refused the transaction: the view will not change, and neither may the document.
  if (next === view.state) return
  binding.mux(() => {
    binding.doc.transact((ytr) => {
      ytr.meta.set('addToHistory', tr.getMeta('addToHistory') !== false)
      binding._prosemirrorChanged(next.doc)
    }, ySyncPluginKey)
  })
}
