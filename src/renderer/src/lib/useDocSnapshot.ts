import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { UpdateHold } from './updateHold'

/** How often a held snapshot still follows its document (a drag's panels: 10 times a second). */
export const HELD_REFRESH_MS = 100

/** Runs `run` when the browser is next idle (between frames, nothing queued), or after `timeoutMs` at the latest. Returns a cancel function. */
function whenIdle(run: () => void, timeoutMs: number): () => void {
  const handle = requestIdleCallback(run, { timeout: timeoutMs })
  return () => cancelIdleCallback(handle)
}

/**
 * Calls `onChange` after every update to `doc` (local, from storage or from a peer). While
 * `hold` is active, at most every HELD_REFRESH_MS (when the browser is idle between frames),
 * and at once when the hold ends. Returns the unsubscribe function.
 */
export function followDoc(doc: Y.Doc, onChange: () => void, hold?: UpdateHold): () => void {
  let waiting: (() => void) | null = null
  const refresh = (): void => {
    waiting?.()
    waiting = null
    onChange()
  }
  const onUpdate = (): void => {
    if (!hold?.active) return refresh()
    if (waiting) return
    let cancelIdle: (() => void) | undefined
    const timer = setTimeout(() => {
      cancelIdle = whenIdle(refresh, HELD_REFRESH_MS)
    }, HELD_REFRESH_MS)
    waiting = () => {
      clearTimeout(timer)
      cancelIdle?.()
    }
  }
  doc.on('update', onUpdate)
  const offRelease = hold?.onRelease(() => {
    if (waiting) refresh()
  })
  return () => {
    doc.off('update', onUpdate)
    offRelease?.()
    waiting?.()
  }
}

/**
 * A value computed from a Y.Doc, recomputed after every update to it (see followDoc for how
 * `hold` spaces them). `compute` must be stable (a module-level function, or memoised).
 */
export function useDocSnapshot<T>(doc: Y.Doc, compute: (doc: Y.Doc) => T, hold?: UpdateHold): T {
  const cache = useMemo(() => ({ value: compute(doc) }), [doc, compute])
  const subscribe = useCallback(
    (onChange: () => void) =>
      followDoc(
        doc,
        () => {
          cache.value = compute(doc)
          onChange()
        },
        hold
      ),
    [doc, cache, compute, hold]
  )
  return useSyncExternalStore(subscribe, () => cache.value)
}
