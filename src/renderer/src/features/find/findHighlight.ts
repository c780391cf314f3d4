import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { findMatches } from './findMatches'

export interface FindState {
  query: string
  current: number
}

export const findKey = new PluginKey<FindState>('find')

/** Highlights every match of the find bar's query, and the current one differently. */
export const FindHighlight = Extension.create({
  name: 'findHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: {
          init: () => ({ query: '', current: 0 }),
          apply: (tr, value) => (tr.getMeta(findKey) as FindState | undefined) ?? value
        },
        props: {
          decorations(state) {
            const find = findKey.getState(state)
            if (!find?.query) return DecorationSet.empty
            const decorations = findMatches(state.doc, find.query).map((m, i) =>
              Decoration.inline(m.from, m.to, { class: i === find.current ? 'find-match find-current' : 'find-match' })
            )
            return DecorationSet.create(state.doc, decorations)
          }
        }
      })
    ]
  }
})
