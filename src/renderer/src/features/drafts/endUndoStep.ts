import type { Editor } from '@tiptap/core'
import { yUndoPluginKey } from '@tiptap/y-tiptap'

interface UndoPluginState {
  undoManager?: { stopCapturing(): void }
}

/**
 * Ends the current undo step of a collaborative editor, so the next change is undone on its own.
 * Yjs merges changes made within half a second into one step; an action such as Replace all
 * must not be merged with the typing just before it (one Undo would take both away).
 */
export function endUndoStep(editor: Editor): void {
  const undo = yUndoPluginKey.getState(editor.state) as UndoPluginState | undefined
  undo?.undoManager?.stopCapturing()
}
