import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { useEditorFrameState } from '../../lib/useEditorFrameState'
import { endUndoStep } from '../drafts/endUndoStep'
import { findKey, findMatchesOf } from './findHighlight'
import type { Match } from './findMatches'

const readMatches = (editor: Editor): readonly Match[] => findMatchesOf(editor.state)
const sameMatches = (a: readonly Match[], b: readonly Match[]): boolean => a === b

interface FindBarProps {
  editor: Editor
  onClose: () => void
}

/** Find and replace in the open draft. Enter finds the next match; Escape closes. */
export function FindBar({ editor, onClose }: FindBarProps) {
  const [query, setQuery] = useState('')
  const [replacement, setReplacement] = useState('')
  const [current, setCurrent] = useState(0)
  // Found by the highlight plugin once per change of text or query; read here once per frame.
  const matches = useEditorFrameState(editor, readMatches, sameMatches)
  const index = matches.length === 0 ? 0 : Math.min(current, matches.length - 1)

  useEffect(() => {
    editor.view.dispatch(editor.state.tr.setMeta(findKey, { query, current: index }))
  }, [editor, query, index])
  useEffect(
    () => () => {
      if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(findKey, { query: '', current: 0 }))
    },
    [editor]
  )

  const select = (next: number): void => {
    if (matches.length === 0) return
    const wrapped = (next + matches.length) % matches.length
    setCurrent(wrapped)
    const match = matches[wrapped]
    if (match) editor.commands.setTextSelection(match)
    editor.commands.scrollIntoView()
  }
  const replaceCurrent = (): void => {
    const match = matches[index]
    if (!match) return
    endUndoStep(editor)
    editor.chain().insertContentAt(match, replacement).run()
    endUndoStep(editor)
  }
  const replaceAll = (): void => {
    // Last to first, so earlier positions stay valid; one transaction, and one undo step of its own.
    endUndoStep(editor)
    editor.commands.command(({ tr }) => {
      for (const match of [...matches].reverse()) tr.insertText(replacement, match.from, match.to)
      return true
    })
    endUndoStep(editor)
  }

  return (
    <div role="search" aria-label="Find and replace" className="find-bar">
      <input
        data-autofocus
        autoFocus
        aria-label="Find"
        placeholder="Find"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setCurrent(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') select(e.shiftKey ? index - 1 : index + 1)
          if (e.key === 'Escape') onClose()
        }}
      />
      <span className="find-count" aria-live="polite">
        {query ? (matches.length ? `${index + 1} of ${matches.length}` : 'No matches') : ''}
      </span>
      <button type="button" aria-label="Previous match" onClick={() => select(index - 1)} disabled={!matches.length}>
        ↑
      </button>
      <button type="button" aria-label="Next match" onClick={() => select(index + 1)} disabled={!matches.length}>
        ↓
      </button>
      <input
        aria-label="Replace with"
        placeholder="Replace with"
        value={replacement}
        onChange={(e) => setReplacement(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose()
        }}
      />
      <button type="button" onClick={replaceCurrent} disabled={!matches.length}>
        Replace
      </button>
      <button type="button" onClick={replaceAll} disabled={!matches.length}>
        Replace all
      </button>
      <button type="button" className="icon-button" aria-label="Close find and replace" onClick={onClose}>
        ×
      </button>
    </div>
  )
}
