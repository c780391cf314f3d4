import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/**
 * A value computed from a Y.Doc, recomputed after every update to it (local or from storage
 * or a peer). `compute` must be stable (a module-level function, or memoised).
 */
export function useDocSnapshot<T>(doc: Y.Doc, compute: (doc: Y.Doc) => T): T {
  const cache = useMemo(() => ({ value: compute(doc) }), [doc, compute])
  const subscribe = useCallback(
    (onChange: () => void) => {
      const refresh = (): void => {
        cache.value = compute(doc)
        onChange()
      }
      doc.on('update', refresh)
      return () => doc.off('update', refresh)
    },
    [doc, cache, compute]
  )
  return useSyncExternalStore(subscribe, () => cache.value)
}
