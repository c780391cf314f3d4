import { useEffect, useState } from 'react'
import { useCore } from '../../app/coreContext'
import type { DocSyncState } from '../../lib/sync/teamSync'

/** A document's sync state, looked at every second. */
export function useDocSyncState(docId: string): DocSyncState {
  const { sync } = useCore()
  const [state, setState] = useState<DocSyncState>(() => sync.stateOf(docId))
  useEffect(() => {
    const update = (): void => setState(sync.stateOf(docId))
    update()
    const timer = setInterval(update, 1000)
    const unsubscribe = sync.onChange(update)
    return () => {
      clearInterval(timer)
      unsubscribe()
    }
  }, [sync, docId])
  return state
}
