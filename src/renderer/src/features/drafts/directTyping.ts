import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { catchUpWithPageSelection } from './pageSelection'
import { writeAhead } from './writeAhead'

/**
 * Keys act where the caret is, and typed characters go straight into the document as a
 * transaction, the way ProseMirror already handles typing over a selection, instead of letting
 * the browser edit the page and reading its change back. The browser's own edit of a
 * contenteditable costs about a millisecond a key here (it lays the page out first), and a
 * teammate's editor showed the key that much later; the change is also written to the shared
 * document before the view updates (writeAhead.ts). Composition (IME, dead keys), shortcuts,
 * Enter and characters outside the Basic Multilingual Plane still go their usual way:
 * ProseMirror does not call this for the first three, and the last are left to the browser.
 */
export const DirectTyping = Extension.create({
  name: 'directTyping',
  // Before the keymaps: Enter, Backspace and the rest must see where the caret really is.
  priority: 1000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('directTyping'),
        props: {
          handleKeyDown(view) {
            catchUpWithPageSelection(view)
            return false
          },
          handleKeyPress(view, event) {
            const text = event.key
            if (text.length !== 1 || /[\r\n]/.test(text)) return false
            const { from, to } = view.state.selection
            const insert = () => view.state.tr.insertText(text).scrollIntoView()
            // Input rules (a "# " heading, "**bold**") and the like keep working: they read typed text here.
            if (view.someProp('handleTextInput', (handle) => handle(view, from, to, text, insert))) return true
            const tr = insert()
            writeAhead(view, tr)
            view.dispatch(tr)
            return true
          }
        }
      })
    ]
  }
})
