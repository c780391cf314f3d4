import type { Editor } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import type { SpellClient } from './spellClient'
import { misspellingAt, spellcheckKey } from './spellcheckExtension'

interface MenuState {
  x: number
  y: number
  range: { from: number; to: number; word: string }
  suggestions: string[] | null
}

/** Right-click on an underlined word: the dictionary's suggestions, or ignore it. */
export function SpellMenu({ editor, client }: { editor: Editor; client: SpellClient }) {
  const [menu, setMenu] = useState<MenuState | null>(null)
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const dom = editor.view.dom
    const onContextMenu = (event: MouseEvent): void => {
      const at = editor.view.posAtCoords({ left: event.clientX, top: event.clientY })
      const range = at ? misspellingAt(spellcheckKey.getState(editor.state), at.pos) : null
      if (!range) return
      event.preventDefault()
      setMenu({ x: event.clientX, y: event.clientY, range, suggestions: null })
      void client.suggest(range.word).then((suggestions) =>
        setMenu((current) => (current?.range === range ? { ...current, suggestions } : current))
      )
    }
    dom.addEventListener('contextmenu', onContextMenu)
    return () => dom.removeEventListener('contextmenu', onContextMenu)
  }, [editor, client])

  useEffect(() => {
    if (!menu) return
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus()
    const close = (event: Event): void => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return
      if (event instanceof MouseEvent && ref.current?.contains(event.target as Node)) return
      setMenu(null)
    }
    window.addEventListener('keydown', close)
    window.addEventListener('mousedown', close)
    return () => {
      window.removeEventListener('keydown', close)
      window.removeEventListener('mousedown', close)
    }
  }, [menu])

  if (!menu) return null
  const replace = (word: string): void => {
    editor.chain().focus().insertContentAt({ from: menu.range.from, to: menu.range.to }, word).run()
    setMenu(null)
  }
  return (
    <div ref={ref} role="menu" aria-label="Spelling suggestions" className="spell-menu" style={{ left: menu.x, top: menu.y }}>
      {menu.suggestions === null ? <p className="hint">Looking up…</p> : null}
      {menu.suggestions?.length === 0 ? <p className="hint">No suggestions</p> : null}
      {menu.suggestions?.map((s) => (
        <button key={s} type="button" role="menuitem" onClick={() => replace(s)}>
          {s}
        </button>
      ))}
      <button
        type="button"
        role="menuitem"
        onClick={() => {
          client.ignore(menu.range.word)
          editor.view.dispatch(editor.state.tr.setMeta(spellcheckKey, 'refresh'))
          setMenu(null)
        }}
      >
        Ignore “{menu.range.word}”
      </button>
    </div>
  )
}
