import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'

/**
 * What `read` returns from the editor, read again at most once per frame after transactions.
 * TipTap's useEditorState runs its selector inside every transaction, a teammate's keystroke
 * included, before the browser can paint the change; toolbar states can wait for the frame. `read` must be a stable function; `same` says when a new value changes nothing.
 */
export function useEditorFrameState<T>(editor: Editor, read: (editor: Editor) => T, same: (a: T, b: T) => boolean): T {
  const [value, setValue] = useState(() => read(editor))
  useEffect(() => {
    let frame = 0
    const update = (): void => {
      frame = 0
      if (editor.isDestroyed) return
      const next = read(editor)
      setValue((previous) => (same(previous, next) ? previous : next))
    }
    const onTransaction = (): void => {
      frame ||= requestAnimationFrame(update)
    }
    update()
    editor.on('transaction', onTransaction)
    return () => {
      editor.off('transaction', onTransaction)
      cancelAnimationFrame(frame)
    }
  }, [editor, read, same])
  return value
}

/** Two flat records with the same values under the same keys. */
export function sameFields<T extends Record<string, unknown>>(a: T, b: T): boolean {
  return Object.keys(a).every((key) => Object.is(a[key], b[key]))
}
