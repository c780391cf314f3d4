import { TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/**
 * Brings the editor's text selection up to the page's when the browser has moved the caret and
 * the editor has not read it yet. The browser tells of a moved caret with a selectionchange event
 * it queues behind keys already waiting: End then Enter typed quickly split the paragraph where
 * the caret was before End.
 */
export function catchUpWithPageSelection(view: EditorView): void {
  const { selection, doc } = view.state
  if (!(selection instanceof TextSelection)) return
  const page = view.dom.ownerDocument.getSelection()
  if (!page?.anchorNode || !page.focusNode || !view.dom.contains(page.anchorNode) || !view.dom.contains(page.focusNode)) return
  let anchor: number
  let head: number
  try {
    anchor = view.posAtDOM(page.anchorNode, page.anchorOffset)
    head = view.posAtDOM(page.focusNode, page.focusOffset)
  } catch {
    return
  }
  if (anchor === selection.anchor && head === selection.head) return
  view.dispatch(view.state.tr.setSelection(TextSelection.between(doc.resolve(anchor), doc.resolve(head))))
}
