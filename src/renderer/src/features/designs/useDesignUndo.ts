import { useEffect, useMemo, useState } from 'react'
import * as Y from 'yjs'
import { designTypes } from '../../../../shared/design/designDoc'

export interface DesignUndo {
  undo: () => void
  redo: () => void
  /** Ends the current undo step, so the next change is undone on its own (a drag is one step). */
  stopCapturing: () => void
  canUndo: boolean
  canRedo: boolean
}

/**
 * Undo and redo of this window's own changes to a design, through Yjs: a teammate's changes are
 * never undone, and an undo merges with theirs like any other edit.
 */
export function useDesignUndo(doc: Y.Doc): DesignUndo {
  const manager = useMemo(() => new Y.UndoManager(designTypes(doc), { captureTimeout: 300 }), [doc])
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false })
  useEffect(() => {
    const refresh = (): void => setStacks({ canUndo: manager.canUndo(), canRedo: manager.canRedo() })
    manager.on('stack-item-added', refresh)
    manager.on('stack-item-popped', refresh)
    manager.on('stack-cleared', refresh)
    return () => manager.destroy()
  }, [manager])
  const actions = useMemo(
    () => ({ undo: () => void manager.undo(), redo: () => void manager.redo(), stopCapturing: () => manager.stopCapturing() }),
    [manager]
  )
  return { ...actions, ...stacks }
}
