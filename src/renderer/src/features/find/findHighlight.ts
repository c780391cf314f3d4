import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { findMatches, type Match } from './findMatches'

/** What the find bar asks for: a query, and which match is the current one. */
export interface FindRequest {
  query: string
  current: number
}

interface FindState extends FindRequest {
  /** Every match of the query, found again only when the text or the query changes. */
  matches: readonly Match[]
  decorations: DecorationSet
}

export const findKey = new PluginKey<FindState>('find')

const NOTHING: FindState = { query: '', current: 0, matches: [], decorations: DecorationSet.empty }

/** The matches of `request` in `doc`; `known` are reused when they are for the same query and text. */
function search(doc: EditorState['doc'], request: FindRequest, known?: readonly Match[]): FindState {
  if (!request.query) return NOTHING
  const matches = known ?? findMatches(doc, request.query)
  const decorations = DecorationSet.create(
    doc,
    matches.map((m, i) => Decoration.inline(m.from, m.to, { class: i === request.current ? 'find-match find-current' : 'find-match' }))
  )
  return { ...request, matches, decorations }
}

/** The matches of the find bar's query in the editor's current text (none when the bar is closed). */
export function findMatchesOf(state: EditorState): readonly Match[] {
  return findKey.getState(state)?.matches ?? []
}

/**
 * Highlights every match of the find bar's query, and the current one differently. The search
 * runs when the query or the text changes, not on every transaction (a selection change, a
 * teammate's caret) nor for every reader: the find bar reads the same matches.
 */
export const FindHighlight = Extension.create({
  name: 'findHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: {
          init: () => NOTHING,
          apply: (tr, value) => {
            const request = tr.getMeta(findKey) as FindRequest | undefined
            if (request) return search(tr.doc, request, !tr.docChanged && request.query === value.query ? value.matches : undefined)
            return tr.docChanged && value.query ? search(tr.doc, value) : value
          }
        },
        props: {
          decorations: (state) => findKey.getState(state)?.decorations
        }
      })
    ]
  }
})
