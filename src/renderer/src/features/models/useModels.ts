import { useCallback } from 'react'
import { useCore } from '../../app/coreContext'
import { useWatchedOverview } from '../../lib/useWatchedOverview'

/** The model catalog and what is installed, live while the panel is open (progress included). */
export function useModels(open: boolean) {
  const { client } = useCore()
  const watch = useCallback((signal: AbortSignal) => client.models.watch(undefined, { signal }), [client])
  const { overview, error, run } = useWatchedOverview(open, watch)
  return { client, overview, error, run }
}
