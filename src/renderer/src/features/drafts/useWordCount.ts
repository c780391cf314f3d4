import type { Editor } from '@tiptap/react'
import { useEffect } from 'react'
import { countWords } from '../../../../shared/text/wordCount'

/**
 * A pause in the changes this long before the words are counted again. Counting reads the whole
 * draft, so it stays out of each keystroke (a teammate's too) and runs once typing pauses.
 */
const RECOUNT_AFTER_MS = 250

/** Reports the editor's word count now and again once changes to the document pause. */
export function useWordCount(editor: Editor, onWordCount: (words: number) => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const count = (): void => {
      if (!editor.isDestroyed) onWordCount(countWords(editor.getText({ blockSeparator: '\n' })))
    }
    const onUpdate = (): void => {
      clearTimeout(timer)
      timer = setTimeout(count, RECOUNT_AFTER_MS)
    }
    count()
    editor.on('update', onUpdate)
    return () => {
      editor.off('update', onUpdate)
      clearTimeout(timer)
    }
  }, [editor, onWordCount])
}
