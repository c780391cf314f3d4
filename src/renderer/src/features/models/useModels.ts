import { useCallback, useEffect, useState } from 'react'
import type { ModelsOverview } from '../../../../shared/contracts/models'
import { useCore } from '../../app/coreContext'
import { describeError } from '../../lib/rpcError'

/** The model catalog and what is installed, live while the panel is open (progress included). */
export function useModels(open: boolean) {
  const { client } = useCore()
  const [overview, setOverview] = useState<ModelsOverview | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!open) return
    const abort = new AbortController()
    void (async () => {
      try {
        for await (const next of await client.models.watch(undefined, { signal: abort.signal })) setOverview(next)
      } catch (e) {
        if (!abort.signal.aborted) setError(describeError(e))
      }
    })()
    return () => abort.abort()
  }, [client, open])

  /** Runs an action; its error is shown until the next action. */
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setError(null)
    try {
      return await action()
    } catch (e) {
      setError(describeError(e))
      return undefined
    }
  }, [])

  return { client, overview, error, run }
}
