import { useEffect, useRef } from 'react'
import type { DocSession, SaveState } from '../../lib/docSession'

/** The combined state of several documents: failed beats saving beats saved. */
export function combineSaveStates(states: readonly SaveState[]): SaveState {
  return (
    states.find((s) => s.status === 'failed') ??
    states.find((s) => s.status === 'saving') ?? { status: 'saved' }
  )
}

export function saveStateText(state: SaveState): string {
  if (state.status === 'saved') return 'Saved'
  if (state.status === 'saving') return 'Saving…'
  return `Not saved yet: ${state.message} Retrying…`
}

/**
 * "Saving…" while any change (title or body) is not yet durable, "Saved" only when all are.
 * The text is written straight into the element from the sessions' callbacks (in the microtask
 * after each change, before any paint), so it is never a render behind the text on screen.
 */
export function SaveStatus({ sessions }: { sessions: readonly DocSession[] }) {
  const ref = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const render = (): void => {
      const state = combineSaveStates(sessions.map((s) => s.saveState))
      const element = ref.current
      if (!element) return
      // Written only when it changes: rewriting the same text still makes the browser lay out again.
      const text = saveStateText(state)
      if (element.textContent !== text) element.textContent = text
      if (element.dataset.state !== state.status) element.dataset.state = state.status
    }
    render()
    const unsubscribe = sessions.map((s) => s.onSaveState(render))
    return () => {
      for (const off of unsubscribe) off()
    }
  }, [sessions])
  return <span ref={ref} role="status" className="save-status" />
}
