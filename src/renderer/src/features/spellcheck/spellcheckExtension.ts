import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { SpellClient } from './spellClient'
import { wordsIn, type WordRange } from './words'

export const spellcheckKey = new PluginKey<DecorationSet>('spellcheck')
const REFRESH = 'refresh'
const DEBOUNCE_MS = 300

function wordsOf(doc: PMNode): WordRange[] {
  const words: WordRange[] = []
  doc.descendants((node, pos) => {
    if (node.isText && node.text && !node.marks.some((m) => m.type.name === 'link')) words.push(...wordsIn(node.text, pos))
    return true
  })
  return words
}

function decorate(doc: PMNode, client: SpellClient): DecorationSet {
  const marks = wordsOf(doc)
    .filter((w) => client.isMisspelled(w.word) === true)
    .map((w) => Decoration.inline(w.from, w.to, { class: 'misspelled' }, { word: w.word }))
  return DecorationSet.create(doc, marks)
}

/** Underlines misspelled words, checked offline by a dictionary in a worker, shortly after typing stops. */
export function createSpellcheck(client: SpellClient) {
  return Extension.create({
    name: 'spellcheck',
    addProseMirrorPlugins() {
      return [
        new Plugin<DecorationSet>({
          key: spellcheckKey,
          state: {
            init: (_config, state) => decorate(state.doc, client),
            apply: (tr, set) => (tr.getMeta(spellcheckKey) === REFRESH ? decorate(tr.doc, client) : set.map(tr.mapping, tr.doc))
          },
          props: {
            decorations: (state) => spellcheckKey.getState(state)
          },
          view(view) {
            let timer: ReturnType<typeof setTimeout> | undefined
            const schedule = (): void => {
              clearTimeout(timer)
              timer = setTimeout(() => {
                void client.check(wordsOf(view.state.doc).map((w) => w.word)).then(() => {
                  if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(spellcheckKey, REFRESH))
                })
              }, DEBOUNCE_MS)
            }
            schedule()
            return {
              update: (_view, previous) => {
                // Identity, not eq(): a change always makes a new doc, and eq() compares the changed parts.
                if (previous.doc !== view.state.doc) schedule()
              },
              destroy: () => clearTimeout(timer)
            }
          }
        })
      ]
    }
  })
}

/** The misspelled word under a document position, if any. */
export function misspellingAt(set: DecorationSet | undefined, pos: number): { from: number; to: number; word: string } | null {
  const found = set?.find(pos, pos)[0]
  const word = (found?.spec as { word?: string } | undefined)?.word
  return found && word ? { from: found.from, to: found.to, word } : null
}
