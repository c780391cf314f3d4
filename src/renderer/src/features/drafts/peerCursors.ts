import { Extension } from '@tiptap/core'
import type { Plugin } from '@tiptap/pm/state'
import { yCursorPlugin } from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'
import { shownPeer } from '../../../../shared/sync/presence'

/**
 * Teammates' carets and selections in the editor, from the draft room's awareness. Names are
 * cleaned and colours are our own classes (styles.css), so nothing a peer sends becomes markup
 * or CSS, and no inline style is needed under the page's CSP.
 */
export function createPeerCursors(awareness: Awareness) {
  return Extension.create({
    name: 'peerCursors',
    addProseMirrorPlugins() {
      return [
        yCursorPlugin(awareness, {
          cursorBuilder: (user: unknown, clientId: number) => {
            const peer = shownPeer(clientId, { user })
            const caret = document.createElement('span')
            caret.className = `peer-caret peer-colour-${peer.colour}`
            // The name is drawn by CSS from the attribute, so it is not part of the text (copy, find, textContent).
            caret.dataset.name = peer.name
            caret.setAttribute('aria-hidden', 'true')
            return caret
          },
          selectionBuilder: (user: unknown, clientId: number) => ({
            class: `peer-selection peer-colour-${shownPeer(clientId, { user }).colour}`
          })
        }) as Plugin
      ]
    }
  })
}
